// The fields of every Seam event type and the rule each one meets, read from
// www/catalogue.js (generated from the catalogue by scripts/catalogue/demo.mjs).
// The decoder (pkg/) does the checking; this file only names the rules for
// the field table of the demo page.
import { EVENTS, RULES, TEXTS } from "./catalogue.js";

/**
 * A value position of an event type. `path` is the schema's JSON Pointer,
 * with `*` for any array index or record key.
 * @typedef {{ path: string, rule: string, required: boolean, nullable: boolean,
 *   presence: "required" | "optional" | "each item" | "each value", description: string,
 *   expands: boolean }} Field `expands`: the schema describes what is inside it (an
 *   object's fields, an array's items, a record's values).
 */

/** @typedef {{ eventType: string, description: string, fields: Map<string, Field> }} EventSchema */

/** @type {Map<string, EventSchema>} */
const read = new Map();

/**
 * The schema of an event type, or undefined for a type outside the catalogue.
 * @param {string} eventType
 * @returns {EventSchema | undefined}
 */
export function eventSchema(eventType) {
  const cached = read.get(eventType);
  if (cached) return cached;
  if (!Object.hasOwn(EVENTS, eventType)) return undefined;
  const [text, rows] = EVENTS[eventType];
  /** @type {Map<string, Field>} */
  const fields = new Map();
  for (const [path, rule, flags, description] of rows) {
    const presence = flags & 4 ? "each item" : flags & 8 ? "each value" : flags & 1 ? "required" : "optional";
    fields.set(path, { path, rule: RULES[rule], required: (flags & 1) !== 0, nullable: (flags & 2) !== 0, presence, description: TEXTS[description], expands: false });
  }
  for (const path of fields.keys()) {
    const parent = fields.get(path.slice(0, path.lastIndexOf("/")));
    if (parent) parent.expands = true;
  }
  const schema = { eventType, description: TEXTS[text], fields };
  read.set(eventType, schema);
  return schema;
}

/** The event types of the catalogue, sorted. */
export const EVENT_TYPES = Object.keys(EVENTS);

/**
 * The field of `eventType` at a payload's JSON Pointer (`/errors/0/message`
 * is the schema's `/errors/*\/message`), or undefined for a value outside the
 * schema (kept by the decoder, reported only in strict mode).
 * @param {string} eventType
 * @param {string} pointer
 * @returns {Field | undefined}
 */
export function fieldAt(eventType, pointer) {
  const schema = eventSchema(eventType);
  if (!schema || pointer === "") return undefined;
  let path = "";
  for (const token of pointer.slice(1).split("/")) {
    if (schema.fields.has(`${path}/${token}`)) path = `${path}/${token}`;
    else if (schema.fields.has(`${path}/*`)) path = `${path}/*`;
    else return undefined;
  }
  return schema.fields.get(path);
}
