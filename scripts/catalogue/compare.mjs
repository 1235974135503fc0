// @ts-check
// Holds two normalized catalogues against each other (the OpenAPI view and
// the zod view of the same reference) and fails, listing every difference
// with its path: event types, keys at every depth, required sets, kinds,
// enum values, nullability, bounds, record values, descriptions and flags.
// Fields are matched by name: the OpenAPI lists them alphabetically, zod in
// source order.
import { CatalogueError } from "./model.mjs";

/** @typedef {import("./model.mjs").Catalogue} Catalogue */
/** @typedef {import("./model.mjs").Field} Field */

const SHOWN = 40;

/**
 * @param {Catalogue} a
 * @param {Catalogue} b
 * @param {[string, string]} names what to call a and b in the messages
 */
export function compareCatalogues(a, b, names = ["openapi", "zod"]) {
  const diffs = catalogueDiffs(a, b, names);
  if (diffs.length === 0) return;
  const more = diffs.length > SHOWN ? `\n  ... and ${diffs.length - SHOWN} more` : "";
  throw new CatalogueError(
    `the ${names[0]} and ${names[1]} views of the reference differ in ${diffs.length} place(s):\n  ${diffs.slice(0, SHOWN).join("\n  ")}${more}`,
  );
}

/**
 * Every difference, one line each.
 * @param {Catalogue} a
 * @param {Catalogue} b
 * @param {[string, string]} names
 * @returns {string[]}
 */
export function catalogueDiffs(a, b, names = ["openapi", "zod"]) {
  /** @type {string[]} */
  const diffs = [];
  const show = (/** @type {unknown} */ v) => (v === undefined ? "absent" : JSON.stringify(v));
  /** Compares every key of two nodes but the nested ones, then those. */
  const node = (/** @type {string} */ path, /** @type {any} */ x, /** @type {any} */ y) => {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const key of keys) {
      if (key === "fields" || key === "items" || key === "name" || key === "event_type") continue;
      if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) {
        diffs.push(`${path}: ${key} is ${show(x[key])} in ${names[0]}, ${show(y[key])} in ${names[1]}`);
      }
    }
    if (x.items && y.items) node(`${path}/[]`, x.items, y.items);
    if (x.fields && y.fields) fields(path, x.fields, y.fields);
  };
  const fields = (/** @type {string} */ path, /** @type {Field[]} */ xs, /** @type {Field[]} */ ys) => {
    const ym = new Map(ys.map((f) => [f.name, f]));
    const xm = new Map(xs.map((f) => [f.name, f]));
    for (const f of xs) if (!ym.has(f.name)) diffs.push(`${path}/${f.name}: only in ${names[0]}`);
    for (const f of ys) if (!xm.has(f.name)) diffs.push(`${path}/${f.name}: only in ${names[1]}`);
    for (const f of xs) {
      const g = ym.get(f.name);
      if (g) node(`${path}/${f.name}`, f, g);
    }
  };
  const bm = new Map(b.events.map((v) => [v.event_type, v]));
  const am = new Map(a.events.map((v) => [v.event_type, v]));
  for (const t of am.keys()) if (!bm.has(t)) diffs.push(`${t}: event type only in ${names[0]}`);
  for (const t of bm.keys()) if (!am.has(t)) diffs.push(`${t}: event type only in ${names[1]}`);
  for (const [t, v] of am) {
    const w = bm.get(t);
    if (w) node(t, v, w);
  }
  return diffs;
}
