// @ts-check
// The normalized description of the catalogue that both readers of the
// reference (openapi.mjs, zod.mjs) produce, so that compare.mjs can hold one
// against the other and render.mjs can write it out. Also the one parser of
// the reference's description "front matter" shared by both readers.

/**
 * A value's kind. `record` values are `metadata` (each value a string or a
 * boolean: custom metadata) or `any`.
 * @typedef {"uuid" | "datetime" | "url" | "string" | "enum" | "number" | "boolean" | "object" | "array" | "record"} Kind
 */

/**
 * A value position: a field's value, an array's items, a record's values.
 * @typedef {object} Type
 * @property {Kind} kind
 * @property {boolean} nullable `null` is valid here
 * @property {string} [description]
 * @property {boolean} [undocumented] from the description's front matter
 * @property {string} [undocumented_note]
 * @property {boolean} [deprecated] from the description's front matter
 * @property {string} [deprecated_note]
 * @property {string[]} [values] enum: the allowed strings, in the reference's order
 * @property {boolean} [discriminator] the variant's `event_type` (zod: a literal)
 * @property {number} [minimum] number: inclusive
 * @property {number} [maximum] number: inclusive
 * @property {"metadata" | "any"} [record] record: what each value is
 * @property {Type} [items] array: the items
 * @property {Field[]} [fields] object: its fields (open: unknown fields allowed)
 */

/** @typedef {Type & { name: string, required: boolean }} Field */

/**
 * @typedef {object} Variant
 * @property {string} event_type
 * @property {string} family the event type up to its first dot
 * @property {string} [description]
 * @property {string} [route_path]
 * @property {boolean} deprecated
 * @property {string} [deprecated_note]
 * @property {boolean} undocumented
 * @property {string} [undocumented_note]
 * @property {Field[]} fields top-level fields, `event_type` included
 */

/** @typedef {{ events: Variant[] }} Catalogue */

/** Thrown for anything in the reference the generator does not understand. */
export class CatalogueError extends Error {
  name = "CatalogueError";
}

/**
 * @param {string} path
 * @param {string} message
 * @returns {never}
 */
export function fail(path, message) {
  throw new CatalogueError(`${path}: ${message}`);
}

/** @param {string} eventType */
export const familyOf = (eventType) => eventType.split(".")[0];

/** Text as the reference writes it in template literals: without the common indentation, trimmed. */
export function dedent(/** @type {string} */ text) {
  const lines = text.replace(/^\s*\n/, "").trimEnd().split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

/**
 * Splits a description into its text and its front matter, the reference's
 * (Seam blueprint) convention: `key: value` lines, then `---`, then the text;
 * zod's variant descriptions open with a `---` line too; a description that
 * is one `undocumented: ...` or `deprecated: ...` line is front matter alone.
 * A front-matter key outside `keys` fails.
 * @param {unknown} raw
 * @param {string} path
 * @param {readonly string[]} keys
 * @returns {{ text: string | undefined, meta: Record<string, string> }}
 */
export function parseDescription(raw, path, keys) {
  if (raw === undefined) return { text: undefined, meta: {} };
  if (typeof raw !== "string") fail(path, `description is ${typeof raw}, not a string`);
  const text = dedent(raw);
  const block = /^(?:---\n)?((?:[a-z_]+: [^\n]*\n)+)---(?:\n([\s\S]*))?$/.exec(text);
  const alone = /^(undocumented|deprecated): ([^\n]*)$/.exec(text);
  if (!block && !alone) return { text: text === "" ? undefined : text, meta: {} };
  /** @type {Record<string, string>} */
  const meta = {};
  const lines = block ? block[1].trimEnd().split("\n") : [text];
  for (const line of lines) {
    const [, key, value] = /** @type {RegExpExecArray} */ (/^([a-z_]+): (.*)$/.exec(line));
    if (!keys.includes(key)) fail(path, `unknown front-matter key "${key}" in the description (known here: ${keys.join(", ") || "none"})`);
    if (key in meta) fail(path, `front-matter key "${key}" twice in the description`);
    meta[key] = value.trim();
  }
  const body = block ? (block[2] ?? "").trim() : "";
  return { text: body === "" ? undefined : body, meta };
}

/**
 * Description and front-matter flags of a field or value, in output key order.
 * @param {unknown} raw
 * @param {string} path
 */
export function describe(raw, path) {
  const { text, meta } = parseDescription(raw, path, ["undocumented", "deprecated"]);
  /** @type {Partial<Type>} */
  const out = {};
  if (meta.deprecated !== undefined) Object.assign(out, { deprecated: true, deprecated_note: meta.deprecated });
  if (meta.undocumented !== undefined) Object.assign(out, { undocumented: true, undocumented_note: meta.undocumented });
  if (text !== undefined) out.description = text;
  return out;
}

/**
 * Checks that `schema` has only `allowed` keys.
 * @param {object} schema
 * @param {readonly string[]} allowed
 * @param {string} path
 * @param {string} what
 */
export function onlyKeys(schema, allowed, path, what) {
  for (const key of Object.keys(schema)) {
    if (!allowed.includes(key)) fail(path, `${what}: keyword "${key}" is not understood by the generator (known: ${allowed.join(", ")})`);
  }
}
