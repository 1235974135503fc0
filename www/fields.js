// The rows of the demo page's field table, without the DOM: every value of
// a payload by its JSON Pointer, parents before their children, each with
// the catalogue's field (www/schema.js) and the issues about it.
import { fieldAt } from "./schema.js";
import { escapeToken, parentPointer } from "./locate.js";

/** @typedef {import("./schema.js").Field} Field */
/** @typedef {{ code: string, path: string, message: string, line?: number, column?: number }} IssueLike */

/**
 * One row: a value of the payload, or a field it lacks (`missing`, with an
 * undefined value). `field` is undefined for a value outside the schema.
 * @template {IssueLike} I
 * @typedef {{ pointer: string, depth: number, value: unknown, missing: boolean, field: Field | undefined, issues: I[] }} Row
 */

/** @param {unknown} value */
const isContainer = (value) => typeof value === "object" && value !== null;

/**
 * The rows for `data`, an object payload of `eventType` (a decoded event, or
 * the parsed text of one with issues). The children of an object, an array
 * or a record follow it where the schema describes them; a value outside the
 * schema, or a record value of any kind, is one row. Each issue about a value
 * sits on its row, or on its nearest ancestor's; a missing field gets a row
 * of its own, after its siblings. Issues with a line (syntax) or about the
 * whole payload are on no row.
 * @template {IssueLike} I
 * @param {string} eventType
 * @param {Record<string, unknown>} data
 * @param {I[]} [issues]
 * @returns {Row<I>[]}
 */
export function fieldRows(eventType, data, issues = []) {
  /** @type {Row<I>[]} */
  const rows = [];
  /** @type {Set<string>} */
  const shown = new Set();
  const missing = issues.filter((issue) => issue.code === "missing_field" && issue.line === undefined);

  /** @param {unknown} value @param {string} pointer @param {number} depth */
  const children = (value, pointer, depth) => {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(/** @type {object} */ (value));
    for (const [key, child] of entries) walk(child, `${pointer}/${escapeToken(key)}`, depth);
    for (const issue of missing) {
      if (parentPointer(issue.path) === pointer && !shown.has(issue.path)) {
        shown.add(issue.path);
        rows.push({ pointer: issue.path, depth, value: undefined, missing: true, field: fieldAt(eventType, issue.path), issues: [] });
      }
    }
  };

  /** @param {unknown} value @param {string} pointer @param {number} depth */
  const walk = (value, pointer, depth) => {
    const field = fieldAt(eventType, pointer);
    shown.add(pointer);
    rows.push({ pointer, depth, value, missing: false, field, issues: [] });
    if (field?.expands && isContainer(value)) children(value, pointer, depth + 1);
  };

  children(data, "", 0);

  /** @type {Map<string, Row<I>>} */
  const byPointer = new Map(rows.map((row) => [row.pointer, row]));
  for (const issue of issues) {
    if (issue.line !== undefined) continue;
    for (let pointer = issue.path; pointer !== ""; pointer = parentPointer(pointer)) {
      const row = byPointer.get(pointer);
      if (row) {
        row.issues.push(issue);
        break;
      }
    }
  }
  return rows;
}

/**
 * A value as its row shows it: JSON, or for a value whose children have rows
 * of their own, how many there are.
 * @template {IssueLike} I
 * @param {Row<I>} row
 */
export function shownValue(row) {
  const { value } = row;
  if (row.missing) return "missing";
  if (row.field?.expands && isContainer(value)) {
    const n = Array.isArray(value) ? value.length : Object.keys(/** @type {object} */ (value)).length;
    if (n === 0) return Array.isArray(value) ? "[]" : "{}";
    return Array.isArray(value) ? `[${n} ${n === 1 ? "item" : "items"}]` : `{${n} ${n === 1 ? "field" : "fields"}}`;
  }
  return JSON.stringify(value);
}

/**
 * The payload in `text` as an object of an event type of the catalogue, for
 * the field table of a payload with issues; undefined if it is not JSON, not
 * an object, or of no type the catalogue has.
 * @param {string} text
 * @param {(eventType: string) => boolean} known
 * @returns {{ eventType: string, data: Record<string, unknown> } | undefined}
 */
export function parsedEvent(text, known) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isContainer(data) || Array.isArray(data) || typeof data.event_type !== "string" || !known(data.event_type)) return undefined;
  return { eventType: data.event_type, data };
}
