// @ts-check
// Writes src/catalogue.rs: the catalogue as the compact tables that the
// validator reads (src/shape.rs defines their types and lookups).
//
// - NAMES: every field name at any depth, sorted; a field refers to its name
//   by index, so that a field is three bytes (name, kind, flags).
// - KINDS: every distinct kind of value (a rule, an enum's values, a number's
//   bounds, an object's fields, an array's items), each once, structurally
//   deduplicated; a field refers to its kind by index.
// - EVENT_TYPES, sorted, and EVENTS, the top-level fields of each, sorted by
//   name (the order of NAMES), so that a field is found by binary search of
//   its name's index.
// - NAME_SLOTS and EVENT_TYPE_SLOTS, with their multipliers: perfect hashes
//   of the field names and of the event types (perfectSlots), so that a key
//   or an event_type is found with one comparison.
// Descriptions stay out: the tables go into the .wasm.

/** @typedef {import("./model.mjs").Catalogue} Catalogue */
/** @typedef {import("./model.mjs").Type} Type */
/** @typedef {import("./model.mjs").Field} Field */

const SCALARS = /** @type {const} */ ({
  uuid: ["UUID", "Kind::Uuid"],
  datetime: ["DATETIME", "Kind::DateTime"],
  url: ["URL", "Kind::Url"],
  string: ["TEXT", "Kind::Text"],
  boolean: ["BOOLEAN", "Kind::Boolean"],
});

const upper = (/** @type {string} */ s) => s.toUpperCase().replace(/[^A-Z0-9]/g, "_");
const rustString = (/** @type {string} */ s) => {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`catalogue: a string the Rust renderer does not write: ${JSON.stringify(s)}`);
  return JSON.stringify(s);
};
const rustNumber = (/** @type {number | undefined} */ n, /** @type {string} */ none) =>
  n === undefined ? none : Number.isInteger(n) ? `${n}.0` : String(n);

/** Interns kinds and names while rendering. */
class Tables {
  constructor() {
    /** @type {Map<string, { name: string, rust: string }>} kind key -> its constant */
    this.kinds = new Map();
    /** @type {Set<string>} */
    this.constNames = new Set();
    /** @type {string[]} object field lists, rendered */
    this.objects = [];
  }

  /** A constant name not taken yet. */
  unique(/** @type {string} */ base) {
    let name = base;
    for (let n = 2; this.constNames.has(name); n++) name = `${base}_${n}`;
    this.constNames.add(name);
    return name;
  }

  /**
   * The constant of a kind, interned by structure.
   * @param {Type} type
   * @param {string} hint a field name, for the constant's name
   * @returns {string}
   */
  kind(type, hint) {
    if (type.discriminator) return "DISCRIMINATOR";
    /** @type {[string, string]} base name and Rust value */
    let made;
    switch (type.kind) {
      case "uuid":
      case "datetime":
      case "url":
      case "string":
      case "boolean":
        made = [...SCALARS[type.kind]];
        break;
      case "enum":
        made = [`ENUM_${upper(hint)}`, `Kind::Enum(&[${/** @type {string[]} */ (type.values).map(rustString).join(", ")}])`];
        break;
      case "number": {
        const { minimum: min, maximum: max } = type;
        const bounded = min !== undefined || max !== undefined;
        const base = bounded ? `NUMBER_${upper(String(min ?? "ANY"))}_TO_${upper(String(max ?? "ANY"))}` : "NUMBER";
        const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : max !== undefined ? `of at most ${max}` : "";
        made = [base, `Kind::Number { minimum: ${rustNumber(min, "f64::NEG_INFINITY")}, maximum: ${rustNumber(max, "f64::INFINITY")}, range: ${rustString(range)} }`];
        break;
      }
      case "record":
        made = type.record === "metadata" ? ["METADATA", "Kind::Metadata"] : ["ANY_RECORD", "Kind::AnyRecord"];
        break;
      case "object":
        made = [`OBJECT_${upper(hint)}`, `Kind::Object(&[\n${this.fields(/** @type {Field[]} */ (type.fields), "        ")}    ])`];
        break;
      case "array": {
        const items = /** @type {Type} */ (type.items);
        if (items.nullable) throw new Error(`catalogue: nullable array items (${hint}) are not in the tables`);
        const item = this.kind(items, hint);
        made = [`ARRAY_OF_${item}`, `Kind::Array(${item})`];
        break;
      }
      default:
        throw new Error(`catalogue: kind ${type.kind} (${hint}) is not in the tables`);
    }
    const [base, rust] = made;
    const found = this.kinds.get(rust);
    if (found) return found.name;
    const name = this.unique(base);
    this.kinds.set(rust, { name, rust });
    return name;
  }

  /**
   * An object's fields, sorted by name, one a line.
   * @param {Field[]} fields
   * @param {string} indent
   */
  fields(fields, indent) {
    const sorted = [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return sorted
      .map((f) => {
        const kind = this.kind(f, f.name);
        const field = `${f.required ? "req" : "opt"}(${upper(f.name)}, ${kind})${f.nullable ? ".nullable()" : ""}`;
        return `${indent}${field},\n`;
      })
      .join("");
  }
}

const MASK = (1n << 64n) - 1n;

/** The little-endian word of up to eight bytes. */
const word = (/** @type {Buffer} */ b) => {
  const w = Buffer.alloc(8);
  b.copy(w);
  return w.readBigUInt64LE(0);
};

/**
 * A name's key, as src/shape.rs computes it: its first, middle and last
 * eight bytes and its length, mixed (wrapping 64-bit arithmetic). (The
 * middle tells `access_code.code_changed` from `access_code.name_changed`.)
 * @param {string} name
 */
export function nameKey(name) {
  const b = Buffer.from(name);
  const at = (/** @type {number} */ i) => word(b.subarray(i, i + 8));
  const [head, middle, tail] = b.length < 8 ? [at(0), at(0), at(0)] : [at(0), at((b.length >> 1) - 4), at(b.length - 8)];
  return (((head * 31n + middle) & MASK) * 31n + tail + BigInt(b.length)) & MASK;
}

/**
 * Bits of a slot: 1,024 slots for about a hundred field names, 512 for about
 * a hundred event types (which takes a longer search, once, for a smaller
 * table).
 */
export const NAME_SLOT_BITS = 10n;
export const EVENT_TYPE_SLOT_BITS = 9n;

/** The slot of a key under multiplier `m`, in a table of 2^`bits` slots. */
export const slotOf = (/** @type {bigint} */ key, /** @type {bigint} */ m, /** @type {bigint} */ bits) =>
  Number(((key * m) & MASK) >> (64n - bits));

/**
 * The first odd multiplier, from a fixed sequence, that gives each of
 * `names` its own slot, and the table: by slot, 1 + the index of its name, or 0.
 * @param {string[]} names @param {bigint} bits @param {string} what
 */
export function perfectSlots(names, bits, what) {
  const keys = names.map(nameKey);
  let x = 0x9e3779b97f4a7c15n;
  for (let tries = 0; tries < 2_000_000; tries++) {
    x = (x * 6364136223846793005n + 1442695040888963407n) & MASK;
    const m = x | 1n;
    const taken = new Set();
    if (keys.every((k) => taken.size < taken.add(slotOf(k, m, bits)).size)) {
      const slots = new Array(2 ** Number(bits)).fill(0);
      keys.forEach((k, i) => (slots[slotOf(k, m, bits)] = i + 1));
      return { multiplier: m, slots };
    }
  }
  throw new Error(`catalogue: no multiplier gives the ${names.length} ${what} distinct slots`);
}

/** A table of slots as Rust: `name`'s multiplier and slots. @param {string} name @param {{ multiplier: bigint, slots: number[] }} table */
function renderSlots(name, { multiplier, slots }) {
  const out = [`pub(crate) const ${name}_MULTIPLIER: u64 = 0x${multiplier.toString(16)};`, ""];
  out.push(`/// By slot: 1 + the index of the name in it, or 0.`);
  out.push(`pub(crate) static ${name}_SLOTS: [u8; ${slots.length}] = [`);
  for (let i = 0; i < slots.length; i += 32) out.push(`    ${slots.slice(i, i + 32).join(", ")},`);
  out.push("];");
  return out;
}

/** Every field name at any depth, sorted. */
function allNames(/** @type {Catalogue} */ catalogue) {
  const names = new Set();
  const walk = (/** @type {Type} */ t) => {
    for (const f of t.fields ?? []) {
      names.add(f.name);
      walk(f);
    }
    if (t.items) walk(t.items);
  };
  for (const e of catalogue.events) walk(/** @type {Type} */ ({ kind: "object", nullable: false, fields: e.fields }));
  return [...names].sort();
}

/**
 * src/catalogue.rs.
 * @param {Catalogue} catalogue sorted
 * @param {string} marker the generated-file marker
 */
export function renderRustTables(catalogue, marker) {
  const tables = new Tables();
  const names = allNames(catalogue);
  // The kinds' constants must not take a name's.
  for (const n of [...names, "DISCRIMINATOR"]) tables.constNames.add(upper(n));
  // A slot holds 1 + an index in a u8.
  if (names.length > 255) throw new Error(`catalogue: ${names.length} field names do not fit a u8`);
  if (catalogue.events.length > 255) throw new Error(`catalogue: ${catalogue.events.length} event types do not fit a u8`);
  const events = catalogue.events.map((e) => `    // ${e.event_type}\n    &[\n${tables.fields(e.fields, "        ")}    ],\n`);
  const kinds = [...tables.kinds.values()];
  if (kinds.length > 127) throw new Error(`catalogue: ${kinds.length} kinds do not fit seven bits`);
  const out = [];
  out.push(`// ${marker}`);
  out.push("");
  out.push("//! The Seam event catalogue as the tables the validator reads: each event");
  out.push("//! type's fields, at every depth, with the rule each follows. Types and");
  out.push("//! lookups are in [`shape`](crate::shape); the facts are in catalogue/events.json.");
  out.push("");
  out.push("use crate::shape::{opt, req, Field, Kind, NULLABLE};");
  out.push("");
  out.push(`/// The reference these tables were made from.`);
  out.push(`pub(crate) const REFERENCE: &str = ${rustString(`@seamapi/types ${marker.match(/@seamapi\/types (\S+);/)?.[1]}`)};`);
  out.push("");
  out.push("/// Every field name at any depth, sorted: a [`Field`] names its name by index.");
  out.push(`pub(crate) const NAMES: [&str; ${names.length}] = [`);
  for (const n of names) out.push(`    ${rustString(n)},`);
  out.push("];");
  out.push("");
  names.forEach((n, i) => out.push(`const ${upper(n)}: u8 = ${i};`));
  out.push("");
  out.push("/// The index in [`NAMES`] of `event_type`.");
  out.push(`pub(crate) const EVENT_TYPE_NAME: u8 = ${upper("event_type")};`);
  out.push("");
  out.push("/// The multiplier of a name's slot, chosen by the generator so that no two");
  out.push("/// names share one (see [`name_index`](crate::shape::name_index)).");
  out.push(...renderSlots("NAME", perfectSlots(names, NAME_SLOT_BITS, "field names")));
  out.push("");
  out.push("/// Every distinct kind of value: a [`Field`] names its kind by index.");
  out.push(`pub(crate) static KINDS: [Kind; ${kinds.length + 1}] = [`);
  out.push("    Kind::EventType,");
  for (const k of kinds) out.push(`    ${k.rust.replace(/\n {4}\]\)$/, "\n    ])")},`);
  out.push("];");
  out.push("");
  out.push("const DISCRIMINATOR: u8 = 0;");
  kinds.forEach((k, i) => out.push(`const ${k.name}: u8 = ${i + 1};`));
  out.push("");
  // The kind (and nullability) each name has at the top level of every event
  // type that has it, when that is the same in all of them.
  /** @type {Map<string, Set<string>>} */
  const topLevel = new Map();
  for (const e of catalogue.events) {
    for (const f of e.fields) {
      const key = `${tables.kind(f, f.name)}${f.nullable ? " | NULLABLE" : ""}`;
      topLevel.set(f.name, (topLevel.get(f.name) ?? new Set()).add(key));
    }
  }
  out.push("/// For each name of [`NAMES`]: its kind byte (as a [`Field`] has it) at the top level of");
  out.push("/// every event type that has it, when that is the same in all of them; else 0xff.");
  out.push(`pub(crate) static TOP_LEVEL_KINDS: [u8; ${names.length}] = [`);
  for (const n of names) {
    const kinds = topLevel.get(n);
    out.push(`    ${kinds && kinds.size === 1 ? [...kinds][0] : "0xff"}, // ${n}`);
  }
  out.push("];");
  out.push("");
  out.push("/// Every event type, sorted.");
  out.push(`pub(crate) const EVENT_TYPES: [&str; ${catalogue.events.length}] = [`);
  for (const e of catalogue.events) out.push(`    ${rustString(e.event_type)},`);
  out.push("];");
  out.push("");
  out.push("/// The multiplier of an event type's slot, chosen by the generator so that");
  out.push("/// no two share one (see [`SeamEventType::from_name`](crate::shape::SeamEventType::from_name)).");
  const eventTypes = catalogue.events.map((e) => e.event_type);
  out.push(...renderSlots("EVENT_TYPE", perfectSlots(eventTypes, EVENT_TYPE_SLOT_BITS, "event types")));
  out.push("");
  out.push("/// The index of each event type in [`EVENT_TYPES`].");
  out.push("#[allow(dead_code)]");
  out.push("pub(crate) mod event_type {");
  catalogue.events.forEach((e, i) => out.push(`    pub(crate) const ${upper(e.event_type)}: u8 = ${i};`));
  out.push("}");
  out.push("");
  out.push("/// The top-level fields of each event type of [`EVENT_TYPES`], sorted by name.");
  out.push(`pub(crate) static EVENTS: [&[Field]; ${catalogue.events.length}] = [`);
  out.push(events.join("").replace(/\n$/, ""));
  out.push("];");
  out.push("");
  return out.join("\n");
}
