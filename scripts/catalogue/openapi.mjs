// @ts-check
// Reads the structure of the catalogue from the reference's OpenAPI,
// `openapi.components.schemas.event`: a `oneOf` of object variants with the
// discriminator `event_type`. Every keyword and shape it meets is one it
// knows, or it fails with the path: no `$ref`, `allOf`, `anyOf`, unknown
// `format`, closed object or other `oneOf` is guessed at.
import { describe, fail, familyOf, onlyKeys, parseDescription } from "./model.mjs";

/** @typedef {import("./model.mjs").Type} Type */
/** @typedef {import("./model.mjs").Field} Field */
/** @typedef {import("./model.mjs").Variant} Variant */

/** @param {unknown} value */
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

const STRING_FORMATS = /** @type {const} */ ({ uuid: "uuid", "date-time": "datetime", uri: "url" });
/** Number formats: OpenAPI's `float` is any JSON number (zod: no `.int()`). */
const NUMBER_FORMATS = ["float"];

/**
 * The catalogue of `openapi.components.schemas.event`, variants in the reference's order.
 * @param {any} event
 * @returns {import("./model.mjs").Catalogue}
 */
export function normalizeOpenApi(event, path = "openapi event") {
  if (!isObject(event)) fail(path, "not an object");
  onlyKeys(event, ["description", "discriminator", "oneOf", "x-route-path"], path, "the event union");
  if (!isObject(event.discriminator)) fail(path, "no discriminator");
  onlyKeys(event.discriminator, ["propertyName"], `${path}/discriminator`, "the discriminator");
  if (event.discriminator.propertyName !== "event_type") fail(path, `discriminator is "${event.discriminator.propertyName}", not "event_type"`);
  if (!Array.isArray(event.oneOf)) fail(path, "oneOf is not an array");
  const events = event.oneOf.map((/** @type {unknown} */ v, /** @type {number} */ i) => normalizeOpenApiVariant(v, `${path}/oneOf/${i}`));
  const seen = new Set();
  for (const v of events) {
    if (seen.has(v.event_type)) fail(path, `event type "${v.event_type}" is in the union twice`);
    seen.add(v.event_type);
  }
  return { events };
}

/**
 * One variant of the union.
 * @param {any} schema
 * @param {string} path
 * @returns {Variant}
 */
export function normalizeOpenApiVariant(schema, path) {
  if (!isObject(schema)) fail(path, "variant is not an object schema");
  const eventType = schema.properties?.event_type?.enum?.[0];
  if (typeof eventType !== "string") fail(path, "variant has no `properties.event_type.enum[0]` string");
  path = `${path} (${eventType})`;
  onlyKeys(schema, ["type", "description", "properties", "required", "x-route-path", "deprecated", "x-deprecated", "x-undocumented"], path, "variant");
  const et = schema.properties.event_type;
  onlyKeys(et, ["type", "enum", "description"], `${path}/event_type`, "event_type");
  if (et.type !== "string" || et.enum.length !== 1) fail(`${path}/event_type`, "event_type is not a string enum of one value");
  if (!schema.required?.includes("event_type")) fail(path, "event_type is not required");
  if (schema.deprecated !== undefined && typeof schema.deprecated !== "boolean") fail(path, "deprecated is not a boolean");
  for (const key of ["x-route-path", "x-deprecated", "x-undocumented"]) {
    if (schema[key] !== undefined && typeof schema[key] !== "string") fail(path, `${key} is not a string`);
  }
  if ((schema["x-deprecated"] !== undefined) !== (schema.deprecated === true)) fail(path, "deprecated and x-deprecated do not go together");
  const { fields } = /** @type {{ fields: Field[] }} */ (normalizeObject(schema, path, true));
  const { text } = parseDescription(schema.description, path, []);
  return {
    event_type: eventType,
    family: familyOf(eventType),
    ...(text !== undefined ? { description: text } : {}),
    ...(schema["x-route-path"] !== undefined ? { route_path: schema["x-route-path"] } : {}),
    deprecated: schema.deprecated === true,
    ...(schema["x-deprecated"] !== undefined ? { deprecated_note: schema["x-deprecated"] } : {}),
    undocumented: schema["x-undocumented"] !== undefined,
    ...(schema["x-undocumented"] !== undefined ? { undocumented_note: schema["x-undocumented"] } : {}),
    fields,
  };
}

/**
 * An object schema with `properties`: its fields in the reference's order.
 * @param {any} schema
 * @param {string} path
 * @param {boolean} top the variant itself (its event_type is the discriminator)
 */
function normalizeObject(schema, path, top) {
  if (schema.type !== "object") fail(path, `type is ${JSON.stringify(schema.type)}, not "object"`);
  if (!isObject(schema.properties)) fail(path, "properties is not an object");
  const required = schema.required ?? [];
  if (!Array.isArray(required) || required.some((r) => typeof r !== "string")) fail(path, "required is not a list of names");
  if (new Set(required).size !== required.length) fail(path, "required names a property twice");
  for (const name of required) if (!Object.hasOwn(schema.properties, name)) fail(path, `required names "${name}", which is not a property`);
  /** @type {Field[]} */
  const fields = Object.entries(schema.properties).map(([name, sub]) => {
    const at = `${path}/${name}`;
    const type = top && name === "event_type" ? { kind: /** @type {const} */ ("enum"), nullable: false, ...describe(sub.description, at), values: sub.enum, discriminator: true } : normalizeOpenApiType(sub, at);
    const { kind, nullable, ...rest } = type;
    return { name, kind, required: required.includes(name), nullable, ...rest };
  });
  return { fields };
}

/**
 * A value position (property, array items, record values).
 * @param {any} schema
 * @param {string} path
 * @returns {Type}
 */
export function normalizeOpenApiType(schema, path) {
  if (!isObject(schema)) fail(path, "schema is not an object");
  for (const key of ["$ref", "allOf", "anyOf", "oneOf", "not", "const"]) {
    if (key in schema) fail(path, `keyword "${key}" is not understood by the generator`);
  }
  if (schema.nullable !== undefined && typeof schema.nullable !== "boolean") fail(path, "nullable is not a boolean");
  const nullable = schema.nullable === true;
  const head = (/** @type {import("./model.mjs").Kind} */ kind) => ({ kind, nullable, ...describe(schema.description, path) });
  const common = ["type", "description", "nullable"];
  switch (schema.type) {
    case "string": {
      onlyKeys(schema, [...common, "format", "enum"], path, "string");
      if (schema.enum !== undefined) {
        if (schema.format !== undefined) fail(path, "an enum with a format is not understood");
        const values = schema.enum;
        if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "string")) fail(path, "enum is not a non-empty list of strings");
        if (new Set(values).size !== values.length) fail(path, "enum lists a value twice");
        return { ...head("enum"), values };
      }
      if (schema.format === undefined) return head("string");
      const kind = STRING_FORMATS[/** @type {keyof typeof STRING_FORMATS} */ (schema.format)];
      if (!Object.hasOwn(STRING_FORMATS, schema.format)) fail(path, `string format "${schema.format}" is not understood (known: ${Object.keys(STRING_FORMATS).join(", ")})`);
      return head(kind);
    }
    case "number": {
      onlyKeys(schema, [...common, "format", "minimum", "maximum"], path, "number");
      if (schema.format !== undefined && !NUMBER_FORMATS.includes(schema.format)) fail(path, `number format "${schema.format}" is not understood (known: ${NUMBER_FORMATS.join(", ")})`);
      /** @type {Type} */
      const out = head("number");
      for (const bound of /** @type {const} */ (["minimum", "maximum"])) {
        if (schema[bound] === undefined) continue;
        if (typeof schema[bound] !== "number" || !Number.isFinite(schema[bound])) fail(path, `${bound} is not a finite number`);
        out[bound] = schema[bound];
      }
      return out;
    }
    case "boolean":
      onlyKeys(schema, common, path, "boolean");
      return head("boolean");
    case "array":
      onlyKeys(schema, [...common, "items"], path, "array");
      if (schema.items === undefined) fail(path, "array without items");
      return { ...head("array"), items: normalizeOpenApiType(schema.items, `${path}/[]`) };
    case "object": {
      onlyKeys(schema, [...common, "properties", "required", "additionalProperties"], path, "object");
      const ap = schema.additionalProperties;
      if (schema.properties !== undefined) {
        if (ap !== undefined) fail(path, `additionalProperties ${JSON.stringify(ap)} beside properties is not understood (objects with properties are open)`);
        return { ...head("object"), ...normalizeObject(schema, path, false) };
      }
      if (schema.required !== undefined) fail(path, "required on an object without properties");
      if (ap === undefined) fail(path, "an object with neither properties nor additionalProperties is not understood");
      if (!isObject(ap)) fail(path, `additionalProperties: ${JSON.stringify(ap)} is not understood`);
      return { ...head("record"), record: recordValues(ap, `${path}/{}`) };
    }
    default:
      return fail(path, `type ${JSON.stringify(schema.type)} is not understood`);
  }
}

/**
 * A record's values: `{}` (anything) or `oneOf [string, boolean]` (custom metadata), nothing else.
 * @param {any} ap
 * @param {string} path
 * @returns {"metadata" | "any"}
 */
function recordValues(ap, path) {
  const keys = Object.keys(ap);
  if (keys.length === 0) return "any";
  const one = ap.oneOf;
  const plain = (/** @type {any} */ s, /** @type {string} */ type) => isObject(s) && Object.keys(s).length === 1 && s.type === type;
  if (keys.length === 1 && Array.isArray(one) && one.length === 2 && plain(one[0], "string") && plain(one[1], "boolean")) return "metadata";
  return fail(path, `record values ${JSON.stringify(ap)} are not understood (known: {} and oneOf [string, boolean])`);
}
