// @ts-check
// The demo page's description of every event type (www/catalogue.js), made
// from the catalogue: per event type, every value position by JSON Pointer
// (array items and record values as `*`: `/access_code_errors/*/created_at`),
// with what it must be in words, its presence and the reference's
// description; and the valid sample payloads behind the page's example
// buttons, taken from the examples of examples.mjs (catalogue/examples.json).
//
// Kept compact for the page's first load: the rule words and the
// descriptions are each written once, in RULES and TEXTS, and the fields
// refer to them by index. Measured for 1.977.0: 92 kB (11 kB gzipped)
// against 185 kB (9.5 kB gzipped) with the texts written out in each field;
// the demo server (scripts/serve-demo.mjs) sends files uncompressed, so the
// plain size is the one that counts. The package's web.js is 158 kB.

import { fail } from "./model.mjs";
import { makeExamples } from "./examples.mjs";

/** @typedef {import("./model.mjs").Catalogue} Catalogue */
/** @typedef {import("./model.mjs").Type} Type */
/** @typedef {import("./model.mjs").Field} Field */

/** Bits of a field's flags, as www/schema.js reads them. */
export const FLAGS = { required: 1, nullable: 2, item: 4, value: 8 };

/**
 * The event types and examples behind the page's example buttons, beside
 * the two connect_webview events (whose buttons keep the project's
 * fixtures): a lock, a device with a bounded number, an access code with its
 * errors and warnings arrays, an ACS user, a camera with URLs.
 * www/examples.js makes a broken variant of each.
 * @type {[string, "minimal" | "full"][]}
 */
export const SAMPLES = [
  ["lock.unlocked", "full"],
  ["device.battery_status_changed", "full"],
  ["access_code.failed_to_set_on_device", "full"],
  ["acs_user.deleted", "minimal"],
  ["camera.activated", "full"],
];

/** A value of `type` in words, "or null" where it may be null. @param {Type} type @param {string} path */
export function ruleWords(type, path) {
  const words = kindWords(type, path);
  return type.nullable ? `${words}, or null` : words;
}

/** @param {Type} type @param {string} path */
function kindWords(type, path) {
  switch (type.kind) {
    case "uuid":
      return "a UUID";
    case "datetime":
      return "a date-time";
    case "url":
      return "a URL";
    case "string":
      return "a string";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    case "enum": {
      const values = /** @type {string[]} */ (type.values).map((v) => JSON.stringify(v));
      return values.length === 1 ? `exactly ${values[0]}` : `one of ${values.join(", ")}`;
    }
    case "number": {
      const { minimum: min, maximum: max } = type;
      if (min !== undefined && max !== undefined) return `a number from ${min} to ${max}`;
      if (min !== undefined) return `a number of at least ${min}`;
      if (max !== undefined) return `a number of at most ${max}`;
      return "a number";
    }
    case "record":
      if (type.record === "metadata") return "an object of string and boolean values";
      if (type.record === "any") return "an object of any values";
      return fail(path, `record of ${type.record}: no words for it in the demo`);
    case "array": {
      const items = /** @type {Type} */ (type.items);
      const plural = { uuid: "UUIDs", string: "strings", object: "objects" }[/** @type {string} */ (items.kind)];
      if (!plural || items.nullable) return fail(`${path}/*`, `array of ${items.nullable ? "nullable " : ""}${items.kind}: no words for it in the demo`);
      return `an array of ${plural}`;
    }
  }
  return fail(path, `kind ${type.kind}: no words for it in the demo`);
}

/**
 * The description a reader sees: the reference's, after its deprecated and undocumented notes.
 * @param {Pick<Type, "description" | "deprecated" | "deprecated_note" | "undocumented" | "undocumented_note">} type a value or an event type
 */
function text(type) {
  const parts = [];
  if (type.deprecated) parts.push(`Deprecated${type.deprecated_note ? `: ${type.deprecated_note}` : "."}`);
  if (type.undocumented) parts.push(`Undocumented${type.undocumented_note ? `: ${type.undocumented_note}` : "."}`);
  if (type.description) parts.push(type.description);
  return parts.join(" ");
}

/**
 * One event type's value positions, in the reference's order, each parent
 * before its children.
 * @param {Field[]} fields
 * @returns {{ path: string, rule: string, flags: number, text: string }[]}
 */
export function demoFields(fields, prefix = "") {
  /** @type {{ path: string, rule: string, flags: number, text: string }[]} */
  const out = [];
  /** @param {Type} type @param {string} path @param {number} flags */
  const add = (type, path, flags) => {
    out.push({ path, rule: ruleWords(type, path), flags: flags | (type.nullable ? FLAGS.nullable : 0), text: text(type) });
    if (type.kind === "object") out.push(...demoFields(/** @type {Field[]} */ (type.fields), path));
    if (type.kind === "array") add(/** @type {Type} */ (type.items), `${path}/*`, FLAGS.item);
    if (type.kind === "record") {
      const value = type.record === "metadata" ? "a string or a boolean" : "any value";
      out.push({ path: `${path}/*`, rule: value, flags: FLAGS.value, text: "" });
    }
  };
  for (const field of fields) {
    if (/[~/*]/.test(field.name)) fail(`${prefix}/${field.name}`, "a field name with ~, / or * would need escaping in the demo's paths");
    add(field, `${prefix}/${field.name}`, field.required ? FLAGS.required : 0);
  }
  return out;
}

/** Numbers each distinct string in order of first use. */
class Table {
  constructor() {
    /** @type {Map<string, number>} */
    this.index = new Map();
  }

  /** @param {string} s */
  id(s) {
    if (!this.index.has(s)) this.index.set(s, this.index.size);
    return /** @type {number} */ (this.index.get(s));
  }

  /** The strings, one a line. */
  lines() {
    return [...this.index.keys()].map((s) => `  ${JSON.stringify(s)},`).join("\n");
  }
}

/**
 * www/catalogue.js.
 * @param {Catalogue} catalogue sorted
 * @param {string} marker the generated-file marker
 */
export function renderDemoModule(catalogue, marker) {
  const rules = new Table();
  const texts = new Table();
  texts.id(""); // 0: no description
  const events = catalogue.events.map((event) => {
    const fields = demoFields(event.fields).map((f) => `[${JSON.stringify(f.path)},${rules.id(f.rule)},${f.flags},${texts.id(f.text)}]`);
    return `  ${JSON.stringify(event.event_type)}: [${texts.id(text(event))}, [${fields.join(",")}]],`;
  });
  const examples = makeExamples(catalogue);
  const samples = SAMPLES.map(([type, which]) => {
    const sample = examples[type]?.[which];
    if (sample === undefined) fail(type, `the demo's sample (${which}) is not among the examples`);
    return `  ${JSON.stringify(type)}: ${JSON.stringify(sample)},`;
  });
  return [
    `// ${marker}`,
    "// The demo page's description of every Seam event type, by scripts/catalogue/demo.mjs; www/schema.js reads it.",
    "",
    "/** What a value must be, in words; a field's rule is an index into it. */",
    "export const RULES = [",
    rules.lines(),
    "];",
    "",
    "/** The reference's descriptions (with its deprecated and undocumented notes); 0 is none. */",
    "export const TEXTS = [",
    texts.lines(),
    "];",
    "",
    "/**",
    " * Per event type: [its description in TEXTS, its fields], a field",
    " * [JSON Pointer, rule in RULES, flags, description in TEXTS]; array items and",
    ` * record values are \`*\` in the pointer. Flags: ${Object.entries(FLAGS).map(([k, v]) => `${v} ${k}`).join(", ")}`,
    " * (item: each item of an array; value: each value of a record).",
    " * @type {Record<string, [number, [string, number, number, number][]]>}",
    " */",
    "export const EVENTS = {",
    ...events,
    "};",
    "",
    "/** Valid payloads behind the example buttons, from catalogue/examples.json. */",
    "export const SAMPLES = {",
    ...samples,
    "};",
    "",
  ].join("\n");
}
