// @ts-check
// Valid example payloads of every event type, made from the catalogue alone
// (catalogue/examples.json): the one source of sample events for the tests,
// the oracle comparisons, the bench and the demo page.
//
// For each event type:
// - `minimal`: only the required fields, arrays empty, records empty;
// - `full`: every field, each array with two items, records with entries;
// - `nulls` (only where the type has a nullable field): `full` with every
//   nullable field, at any depth, null.
// Values are deterministic: UUIDs are numbered in order of appearance, so
// that a reviewer can follow one through a diff.

/** @typedef {import("./model.mjs").Catalogue} Catalogue */
/** @typedef {import("./model.mjs").Type} Type */
/** @typedef {import("./model.mjs").Field} Field */

const DATE_TIME = "2025-01-01T00:00:00.000Z";
const URL_VALUE = "https://example.com/event/image.jpg";

/**
 * @typedef {object} Mode
 * @property {boolean} full every field, filled arrays and records
 * @property {boolean} nulls nullable fields null
 */

/** Makes values in order, numbering the UUIDs. */
class Maker {
  constructor() {
    this.uuids = 0;
  }

  uuid() {
    this.uuids += 1;
    return `00000000-0000-4000-8000-${this.uuids.toString(16).padStart(12, "0")}`;
  }

  /**
   * @param {Type} type
   * @param {string} name the field's name, for strings
   * @param {Mode} mode
   * @returns {unknown}
   */
  value(type, name, mode) {
    if (mode.nulls && type.nullable) return null;
    switch (type.kind) {
      case "uuid":
        return this.uuid();
      case "datetime":
        return DATE_TIME;
      case "url":
        return URL_VALUE;
      case "string":
        return `${name} text`;
      case "enum":
        return /** @type {string[]} */ (type.values).at(-1);
      case "number": {
        const { minimum, maximum } = type;
        if (minimum !== undefined && maximum !== undefined) return (minimum + maximum) / 2;
        return 21.5;
      }
      case "boolean":
        return true;
      case "object":
        return this.object(/** @type {Field[]} */ (type.fields), mode);
      case "array": {
        if (!mode.full) return [];
        const items = /** @type {Type} */ (type.items);
        return [this.value(items, name, mode), this.value(items, name, mode)];
      }
      case "record":
        if (!mode.full) return {};
        return type.record === "metadata" ? { tenant: "acme", vip: true } : { count: 2, tags: ["a"] };
    }
  }

  /**
   * @param {Field[]} fields
   * @param {Mode} mode
   */
  object(fields, mode) {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const field of fields) {
      if (!field.required && !mode.full) continue;
      out[field.name] = this.value(field, field.name, mode);
    }
    return out;
  }
}

/** Whether `type` or anything in it is nullable. */
function hasNullable(/** @type {Type} */ type) {
  if (type.nullable) return true;
  if (type.items && hasNullable(type.items)) return true;
  return (type.fields ?? []).some(hasNullable);
}

/**
 * Every example of every event type, by event type.
 * @param {Catalogue} catalogue sorted
 * @returns {Record<string, Record<string, unknown>>}
 */
export function makeExamples(catalogue) {
  /** @type {Record<string, Record<string, unknown>>} */
  const out = {};
  for (const event of catalogue.events) {
    /** @type {Record<string, unknown>} */
    const examples = {
      minimal: new Maker().object(event.fields, { full: false, nulls: false }),
      full: new Maker().object(event.fields, { full: true, nulls: false }),
    };
    if (event.fields.some(hasNullable)) examples.nulls = new Maker().object(event.fields, { full: true, nulls: true });
    out[event.event_type] = examples;
  }
  return out;
}

/**
 * catalogue/examples.json.
 * @param {Catalogue} catalogue sorted
 * @param {string} marker the generated-file marker
 */
export function renderExamplesJson(catalogue, marker) {
  return `${JSON.stringify({ generated: marker, examples: makeExamples(catalogue) }, null, 2)}\n`;
}
