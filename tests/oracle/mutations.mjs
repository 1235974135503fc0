// @ts-check
// The oracle's cases, from catalogue/events.json and catalogue/examples.json
// alone: for every event type its valid examples, and single-point mutations
// at every path of its `full` example (and, for missing required fields, of
// its `minimal` one). Each case is `{ eventType, name, payload }`, `payload`
// a JSON value (JSON.stringify gives its text); whether it is valid is for
// the reference (zod) to say, not for this file. Deterministic: the same
// catalogue gives the same cases in the same order.
//
// Plain ESM with no dependencies beyond Node, so that it runs from the
// repository (tests/oracle/emit.mjs, for cargo test) and from the consumer
// project of scripts/test-package.sh (tests/js/catalogue-oracle.test.mjs).
import { readFileSync } from "node:fs";

/**
 * @typedef {{ kind: string, name?: string, required?: boolean, nullable: boolean, values?: string[],
 *   minimum?: number, maximum?: number, record?: "metadata" | "any", items?: Field, fields?: Field[],
 *   discriminator?: boolean }} Field
 * @typedef {{ event_type: string, fields: Field[] }} Variant
 * @typedef {{ events: Variant[], examples: Record<string, Record<string, any>> }} Catalogue
 * @typedef {{ eventType: string | null, name: string, payload: any, text?: string }} Case
 * @typedef {(string | number)[]} Path
 * @typedef {{ path: Path, what: string, value?: any, remove?: boolean }} Edit
 */

/**
 * catalogue/events.json and catalogue/examples.json from `dir`, a file: URL
 * of the folder that holds them.
 * @param {URL} dir
 * @returns {Catalogue}
 */
export function loadCatalogue(dir) {
  const read = (/** @type {string} */ name) => JSON.parse(readFileSync(new URL(name, dir), "utf8"));
  return { events: read("events.json").events, examples: read("examples.json").examples };
}

/** A path as a JSON Pointer (RFC 6901): `["errors", 0, "a/b"]` is `/errors/0/a~1b`. */
export const pointer = (/** @type {Path} */ path) =>
  path.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

// One value of each JSON type but null, for "wrong type" mutations, and the
// kinds of the catalogue by the JSON type they are.
const OF_TYPE = { "a string": "text", "a number": 1, "a boolean": true, "an object": {}, "an array": [] };
/** @type {Record<string, string>} */
const JSON_TYPE = {
  uuid: "a string", datetime: "a string", url: "a string", string: "a string", enum: "a string",
  number: "a number", boolean: "a boolean", object: "an object", record: "an object", array: "an array",
};

// Near-misses of each format, and odd values that are valid, named.
/** @type {Record<string, (value: string) => [string, string][]>} */
const FORMATS = {
  uuid: (v) => [
    ["32 digits", v.replaceAll("-", "")],
    ["braced", `{${v}}`],
    ["one bad hex digit", `${v.slice(0, -1)}g`],
    ["urn:uuid: form", `urn:uuid:${v}`],
    ["upper case (valid)", v.toUpperCase()],
  ],
  datetime: () => [
    ["an offset", "2025-01-01T00:00:00.000+01:00"],
    ["lower-case z", "2025-01-01T00:00:00.000z"],
    ["24:00", "2025-01-01T24:00:00Z"],
    ["February 30", "2025-02-30T00:00:00Z"],
    ["minutes only (valid)", "2025-01-01T00:00Z"],
    ["February 29 of a leap year (valid)", "2024-02-29T23:59:59.999999Z"],
  ],
  url: () => [
    ["http:// alone", "http://"],
    ["not a url", "not a url"],
    ["foo:bar (valid)", "foo:bar"],
  ],
  string: () => [["empty (valid)", ""]],
};

/** The double next to `x` towards +Infinity (`up`) or -Infinity. */
function nextDouble(/** @type {number} */ x, /** @type {boolean} */ up) {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += (x > 0) === up ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}

/** Every value of every enum but event_type, sorted: the source of "a value of another enum". */
function enumValues(/** @type {Variant[]} */ events) {
  const values = new Set();
  const walk = (/** @type {Field[]} */ fields) => {
    for (const f of fields) {
      if (f.kind === "enum" && !f.discriminator) for (const v of f.values ?? []) values.add(v);
      walk(f.fields ?? f.items?.fields ?? []);
    }
  };
  for (const event of events) walk(event.fields);
  return [...values].sort();
}

/**
 * The edits of one value of type `field` at `path` (`value` is what the
 * example holds there): the value replaced by null and by each wrong JSON
 * type, then what its kind adds, then the edits inside it.
 * @param {Field} field
 * @param {any} value
 * @param {Path} path
 * @param {string[]} otherEnums
 * @returns {Generator<Edit>}
 */
function* valueEdits(field, value, path, otherEnums) {
  const set = (/** @type {string} */ what, /** @type {any} */ v, at = path) => ({ path: at, what, value: v });
  yield set("null", null);
  for (const [type, v] of Object.entries(OF_TYPE)) if (type !== JSON_TYPE[field.kind]) yield set(type, v);
  for (const [what, v] of FORMATS[field.kind]?.(value) ?? []) yield set(what, v);
  if (field.kind === "enum") {
    const values = field.values ?? [];
    for (const v of values) if (v !== value) yield set(`${JSON.stringify(v)} (valid)`, v);
    yield set("case changed", value.toUpperCase());
    yield set("a trailing space", `${value} `);
    const other = otherEnums.find((v) => !values.includes(v));
    yield set(`${JSON.stringify(other)}, a value of another enum`, other);
  }
  if (field.kind === "boolean") yield set("the other boolean (valid)", !value);
  if (field.kind === "number") {
    yield set("a negative fraction", -0.5);
    for (const [bound, up] of /** @type {const} */ ([["minimum", false], ["maximum", true]])) {
      const at = field[bound];
      if (at === undefined) continue;
      yield set(`exactly the ${bound} (valid)`, at);
      yield set(`just ${up ? "above the maximum" : "below the minimum"}`, nextDouble(at, up));
    }
  }
  if (field.kind === "record") {
    const key = Object.keys(value)[0];
    yield set("empty (valid)", {});
    if (field.record === "metadata") {
      for (const [what, v] of Object.entries({ "a number": 1, null: null, "an object": {}, "an array": [] })) {
        yield set(`a metadata value that is ${what}`, v, [...path, key]);
      }
      yield set("a metadata key with / and ~, and a number", 1, [...path, "a/b~c"]);
      yield set("an empty metadata key, and a number", 1, [...path, ""]);
      yield set("a metadata key __proto__, and a number", 1, [...path, "__proto__"]);
      yield set("a metadata key __proto__ (valid)", "x", [...path, "__proto__"]);
    } else {
      yield set("a value that is null (valid)", null, [...path, "zz"]);
      yield set("a value that is an object (valid)", { a: [1, null] }, [...path, "__proto__"]);
    }
  }
  if (field.kind === "array") {
    const items = /** @type {Field} */ (field.items);
    yield set("empty (valid)", []);
    yield set("item 1 null", null, [...path, 1]);
    for (const [type, v] of Object.entries(OF_TYPE)) {
      if (type !== JSON_TYPE[items.kind]) yield set(`item 1 ${type}`, v, [...path, 1]);
    }
    for (const [what, v] of FORMATS[items.kind]?.(value[1]) ?? []) yield set(`item 1 ${what}`, v, [...path, 1]);
    if (items.kind === "object") yield* objectEdits(items.fields ?? [], value[1], [...path, 1], otherEnums);
  }
  if (field.kind === "object") yield* objectEdits(field.fields ?? [], value, path, otherEnums);
}

/**
 * The edits inside an object of `fields`: each field present removed, then
 * its value's edits; then an unknown field added.
 * @param {Field[]} fields
 * @param {Record<string, any>} value
 * @param {Path} path
 * @param {string[]} otherEnums
 * @returns {Generator<Edit>}
 */
function* objectEdits(fields, value, path, otherEnums) {
  for (const field of fields) {
    const name = /** @type {string} */ (field.name);
    if (!Object.hasOwn(value, name)) continue;
    const at = [...path, name];
    yield { path: at, what: `missing (${field.required ? "required" : "optional"})`, remove: true };
    if (!field.discriminator) yield* valueEdits(field, value[name], at, otherEnums);
  }
  yield { path: [...path, "zz_unknown"], what: "an unknown field (valid)", value: path.length === 0 ? { a: [1, null] } : 1 };
}

/**
 * Missing required fields only, at every depth of a minimal example.
 * @param {Field[]} fields
 * @param {Record<string, any>} value
 * @param {Path} path
 * @returns {Generator<Edit>}
 */
function* requiredEdits(fields, value, path) {
  for (const field of fields) {
    if (!field.required) continue;
    const at = [...path, /** @type {string} */ (field.name)];
    yield { path: at, what: "missing (required)", remove: true };
    if (field.kind === "object") yield* requiredEdits(field.fields ?? [], value[/** @type {string} */ (field.name)], at);
  }
}

/**
 * A copy of `example` with `edit` made, in place: keys keep their order; a new key comes last.
 * @param {any} example
 * @param {{ path: Path, value?: any, remove?: boolean }} edit
 */
export function applied(example, edit) {
  const payload = structuredClone(example);
  const parent = edit.path.slice(0, -1).reduce((at, key) => at[key], payload);
  const key = edit.path[edit.path.length - 1];
  if (edit.remove) delete parent[key];
  // defineProperty: `__proto__` is then a key like any other.
  else Object.defineProperty(parent, key, { value: edit.value, enumerable: true, writable: true, configurable: true });
  return payload;
}

/**
 * The cases of the catalogue, one entry per event type, in its order:
 * `valid`, its examples by name; `mutations`, the single-point edits of its
 * `full` example, then required fields missing from `minimal`, then every
 * required field missing at once, then event_type near-misses (case,
 * trailing space, another event type: the rest is then checked against
 * that type's schema).
 * @param {Catalogue} catalogue
 * @returns {{ eventType: string, valid: Case[], mutations: Case[] }[]}
 */
export function catalogueCases({ events, examples }) {
  const otherEnums = enumValues(events);
  return events.map((event, index) => {
    const eventType = event.event_type;
    const { minimal, full } = examples[eventType];
    const named = (/** @type {string} */ from, /** @type {Edit} */ edit) =>
      ({ eventType, name: `${from} ${pointer(edit.path)}: ${edit.what}`, payload: applied(examples[eventType][from], edit) });
    const valid = Object.entries(examples[eventType]).map(([name, payload]) => ({ eventType, name, payload }));
    const next = events[(index + 1) % events.length].event_type;
    const mutations = [
      ...[...objectEdits(event.fields, full, [], otherEnums)].map((edit) => named("full", edit)),
      ...[...requiredEdits(event.fields, minimal, [])].map((edit) => named("minimal", edit)),
      { eventType, name: "minimal with only event_type", payload: { event_type: eventType } },
      ...[["case changed", eventType.toUpperCase()], ["a trailing space", `${eventType} `], [`${next}, the next event type`, next]]
        .map(([what, value]) => named("full", { path: ["event_type"], what, value })),
    ];
    return { eventType, valid, mutations };
  });
}

/** Payloads that are not of any one event type: the root and event_type itself wrong. */
export function rootCases(/** @type {Catalogue} */ { events, examples }) {
  const full = examples[events[0].event_type].full;
  /** @type {[string, any][]} */
  const cases = [
    ["the root null", null],
    ["the root an array", [full]],
    ["the root a string", "text"],
    ["the root a number", 1],
    ["an empty object", {}],
    ["event_type null", { ...full, event_type: null }],
    ["event_type a number", { ...full, event_type: 1 }],
    ["event_type an object", { ...full, event_type: {} }],
    ["event_type not in the catalogue", { ...full, event_type: "device.zz_not_in_the_catalogue" }],
    ["event_type empty", { ...full, event_type: "" }],
  ];
  return cases.map(([name, payload]) => ({ eventType: null, name, payload }));
}

/** A seeded random source in [0, 1) (mulberry32): the same seed, the same cases. */
function randomFrom(/** @type {number} */ seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// The characters a near-miss of each kind is edited with, and for URLs more
// values to start from than the examples hold: non-ASCII text (in the host,
// IDNA decides; elsewhere it is percent-encoded), IPv6, opaque paths.
/** @type {Record<string, string>} */
const NEAR_MISS_CHARACTERS = {
  uuid: "0123456789abcdefABCDEFg-{} ",
  datetime: "0123456789-:.TZtz+ ",
  url: "abc:/@[]%?#.1 \\\t-_~!$&'()*+,;=^|`{}<>é\u00fc\u03b2\u0000",
  enum: "abcdefghijklmnopqrstuvwxyz_. A",
  number: "0123456789-+.eE",
};
const URL_STARTS = ["https://bücher.de/ä?ö#ü", "http://[::1]:80/", "foo:bar", "http://1.2.3.4/", "https://xn--nxasmq6b.com", "file:///x"];

/**
 * Where `value` (of `fields`) holds a value of a kind with near-misses, at any
 * depth: [path, kind] pairs.
 * @param {Field[]} fields @param {any} value @param {Path} path
 * @returns {Generator<[Path, string]>}
 */
function* nearMissPlaces(fields, value, path) {
  for (const field of fields) {
    const name = /** @type {string} */ (field.name);
    if (field.discriminator || !Object.hasOwn(value, name) || value[name] === null) continue;
    yield* placesOf(field, value[name], [...path, name]);
  }
}

/** @param {Field} field @param {any} value @param {Path} path @returns {Generator<[Path, string]>} */
function* placesOf(field, value, path) {
  if (Object.hasOwn(NEAR_MISS_CHARACTERS, field.kind)) yield [path, field.kind];
  if (field.kind === "object") yield* nearMissPlaces(field.fields ?? [], value, path);
  if (field.kind === "array") {
    for (let i = 0; i < value.length; i++) if (value[i] !== null) yield* placesOf(/** @type {Field} */ (field.items), value[i], [...path, i]);
  }
}

/**
 * Seeded random cases beyond the single-point mutations, `perType` of each
 * sort for every event type: near-misses (one to four values of a format
 * kind, at any depth, each with one to three characters replaced, inserted
 * or deleted) and combined mutations (two to five of the single-point edits
 * at once, none inside another, so that every issue of a payload with many
 * must be found). Whether each is valid is the reference's to say.
 * @param {Catalogue} catalogue
 * @param {{ seed?: number, perType?: number }} [options]
 * @returns {Case[]}
 */
export function randomCases({ events, examples }, { seed = 1, perType = 20 } = {}) {
  const random = randomFrom(seed);
  const pick = (/** @type {ArrayLike<any>} */ from) => from[Math.floor(random() * from.length)];
  const otherEnums = enumValues(events);
  const within = (/** @type {Path} */ a, /** @type {Path} */ b) => a.length <= b.length && a.every((key, i) => key === b[i]);
  /** @type {Case[]} */
  const cases = [];
  for (const event of events) {
    const eventType = event.event_type;
    const full = examples[eventType].full;
    const places = [...nearMissPlaces(event.fields, full, [])];
    for (let n = 0; n < perType && places.length > 0; n++) {
      let payload = full;
      const names = [];
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
        const [path, kind] = pick(places);
        const at = path.reduce((value, key) => value[key], full);
        let text = kind === "url" && random() < 0.5 ? pick(URL_STARTS) : String(at);
        for (let e = 1 + Math.floor(random() * 3); e > 0; e--) {
          const i = Math.floor(random() * (text.length + 1));
          const [how, c] = [random(), pick(NEAR_MISS_CHARACTERS[kind])];
          if (how < 0.4) text = text.slice(0, i) + c + text.slice(i + 1); // replaced
          else if (how < 0.7) text = text.slice(0, i) + c + text.slice(i); // inserted
          else text = text.slice(0, i) + text.slice(i + 1); // deleted
        }
        const value = kind === "number" ? Number(text) : text;
        if (kind === "number" && !Number.isFinite(value)) continue;
        payload = applied(payload, { path, value });
        names.push(`${pointer(path)} ${JSON.stringify(value)}`);
      }
      cases.push({ eventType, name: `near-miss ${n}: ${names.join(", ")}`, payload });
    }
    const edits = [...objectEdits(event.fields, full, [], otherEnums)].filter((edit) => edit.path[0] !== "event_type");
    for (let n = 0; n < perType; n++) {
      /** @type {Edit[]} */
      const chosen = [];
      for (let tries = 0, k = 2 + Math.floor(random() * 4); tries < 40 && chosen.length < k; tries++) {
        const edit = pick(edits);
        if (!chosen.some((c) => within(c.path, edit.path) || within(edit.path, c.path))) chosen.push(edit);
      }
      const payload = chosen.reduce((at, edit) => applied(at, edit), full);
      cases.push({ eventType, name: `combined ${n}: ${chosen.map((c) => `${pointer(c.path)}: ${c.what}`).join(", ")}`, payload });
    }
  }
  return cases;
}
