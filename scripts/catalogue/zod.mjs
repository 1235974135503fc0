// @ts-check
// Reads the same catalogue from the reference's zod 3 schemas,
// `schemas.seam_event` (a discriminated union on `event_type`), into the
// shape openapi.mjs gives, so that compare.mjs can check one against the
// other. zod decides what a format means, so every string check and option
// must be one the generator knows: `.uuid()`, `.url()`, and `.datetime()`
// with no options (no offset, no local, no precision). Anything else fails.
import { describe, fail, familyOf, onlyKeys, parseDescription } from "./model.mjs";

/** @typedef {import("./model.mjs").Type} Type */
/** @typedef {import("./model.mjs").Field} Field */
/** @typedef {import("./model.mjs").Variant} Variant */

/** What `.datetime()` with no options stores; the only datetime check understood. */
export const DATETIME_CHECK = { kind: "datetime", precision: null, offset: false, local: false };

/** The `_def` keys each zod type may have; any other is not understood. */
const DEF_KEYS = {
  ZodObject: ["shape", "unknownKeys", "catchall"],
  ZodString: ["checks", "coerce"],
  ZodNumber: ["checks", "coerce"],
  ZodBoolean: ["coerce"],
  ZodEnum: ["values"],
  ZodLiteral: ["value"],
  ZodArray: ["type", "minLength", "maxLength", "exactLength"],
  ZodRecord: ["keyType", "valueType"],
  ZodUnion: ["options"],
  ZodOptional: ["innerType"],
  ZodNullable: ["innerType"],
  ZodUnknown: [],
  ZodAny: [],
};

/**
 * @param {any} schema
 * @param {string} path
 * @returns {string} the zod type name, after checking its `_def` keys
 */
function typeOf(schema, path) {
  const def = schema?._def;
  const name = def?.typeName;
  if (typeof name !== "string") fail(path, "not a zod 3 schema (no _def.typeName)");
  if (!Object.hasOwn(DEF_KEYS, name)) fail(path, `zod ${name} is not understood by the generator`);
  onlyKeys(def, [...DEF_KEYS[/** @type {keyof typeof DEF_KEYS} */ (name)], "typeName", "description", "errorMap"], path, `zod ${name} _def`);
  // `.optional()` and `.nullable()` always install zod's `customMap`, built from
  // message options of the inner `_def` (none: its keys are checked above);
  // any other error map is a custom one.
  if (def.errorMap !== undefined && def.errorMap.name !== "customMap") fail(path, `zod ${name} has a custom error map`);
  if (def.coerce !== undefined && def.coerce !== false) fail(path, `zod ${name} coerces its input`);
  return name;
}

/**
 * The catalogue of `schemas.seam_event`, variants in zod's order.
 * @param {any} union
 * @returns {import("./model.mjs").Catalogue}
 */
export function normalizeZod(union, path = "zod seam_event") {
  const def = union?._def;
  if (def?.typeName !== "ZodDiscriminatedUnion") fail(path, `is ${def?.typeName}, not a ZodDiscriminatedUnion`);
  if (def.discriminator !== "event_type") fail(path, `discriminator is "${def.discriminator}", not "event_type"`);
  const options = def.options;
  if (!Array.isArray(options) || def.optionsMap?.size !== options.length) fail(path, "options and optionsMap do not match");
  const events = options.map((/** @type {any} */ o, /** @type {number} */ i) => normalizeZodVariant(o, `${path}/options/${i}`));
  for (const v of events) {
    if (def.optionsMap.get(v.event_type) === undefined) fail(path, `optionsMap has no "${v.event_type}"`);
  }
  return { events };
}

/**
 * One option of the union, a ZodObject whose `event_type` is a literal.
 * @param {any} schema
 * @param {string} path
 * @returns {Variant}
 */
export function normalizeZodVariant(schema, path) {
  if (typeOf(schema, path) !== "ZodObject") fail(path, "variant is not a ZodObject");
  const literal = schema.shape.event_type;
  if (literal?._def?.typeName !== "ZodLiteral" || typeof literal._def.value !== "string") fail(path, "event_type is not a string ZodLiteral");
  const eventType = literal._def.value;
  path = `${path} (${eventType})`;
  const { fields } = zodObject(schema, path, true);
  const { text, meta } = parseDescription(schema.description, path, ["route_path", "deprecated", "undocumented"]);
  return {
    event_type: eventType,
    family: familyOf(eventType),
    ...(text !== undefined ? { description: text } : {}),
    ...(meta.route_path !== undefined ? { route_path: meta.route_path } : {}),
    deprecated: meta.deprecated !== undefined,
    ...(meta.deprecated !== undefined ? { deprecated_note: meta.deprecated } : {}),
    undocumented: meta.undocumented !== undefined,
    ...(meta.undocumented !== undefined ? { undocumented_note: meta.undocumented } : {}),
    fields,
  };
}

/**
 * @param {any} schema a ZodObject
 * @param {string} path
 * @param {boolean} top
 * @returns {{ fields: Field[] }}
 */
function zodObject(schema, path, top) {
  const { unknownKeys, catchall } = schema._def;
  if (unknownKeys !== "strip" && unknownKeys !== "passthrough") fail(path, `zod object is "${unknownKeys}" (only open objects are understood)`);
  if (catchall?._def?.typeName !== "ZodNever") fail(path, "zod object has a catchall");
  const fields = Object.entries(schema.shape).map(([name, sub]) => {
    const at = `${path}/${name}`;
    const { optional, type } = unwrap(sub, at, top && name === "event_type");
    const { kind, nullable, ...rest } = type;
    return { name, kind, required: !optional, nullable, ...rest };
  });
  return { fields };
}

/**
 * Peels ZodOptional and ZodNullable off a value position.
 * @param {any} schema
 * @param {string} path
 * @param {boolean} discriminator
 * @returns {{ optional: boolean, type: Type }}
 */
function unwrap(schema, path, discriminator = false) {
  let optional = false;
  let nullable = false;
  let description = schema?._def?.description;
  for (;;) {
    const name = typeOf(schema, path);
    if (name === "ZodOptional") optional = true;
    else if (name === "ZodNullable") nullable = true;
    else break;
    schema = schema._def.innerType;
    description ??= schema?._def?.description;
  }
  return { optional, type: normalizeZodType(schema, path, { nullable, description, discriminator }) };
}

/**
 * A value position, once ZodOptional / ZodNullable are peeled off.
 * @param {any} schema
 * @param {string} path
 * @param {{ nullable: boolean, description: unknown, discriminator?: boolean }} outer
 * @returns {Type}
 */
export function normalizeZodType(schema, path, { nullable, description, discriminator = false }) {
  const name = typeOf(schema, path);
  const def = schema._def;
  const head = (/** @type {import("./model.mjs").Kind} */ kind) => ({ kind, nullable, ...describe(description, path) });
  if (discriminator !== (name === "ZodLiteral")) fail(path, discriminator ? "event_type is not a ZodLiteral" : "zod ZodLiteral outside event_type is not understood");
  switch (name) {
    case "ZodLiteral":
      return { ...head("enum"), values: [def.value], discriminator: true };
    case "ZodString":
      return head(stringKind(def.checks, path));
    case "ZodEnum":
      return { ...head("enum"), values: [...def.values] };
    case "ZodNumber": {
      /** @type {Type} */
      const out = head("number");
      for (const check of def.checks) {
        onlyKeys(check, ["kind", "value", "inclusive", "message"], path, "zod number check");
        noMessage(check, path);
        const bound = { min: /** @type {const} */ ("minimum"), max: /** @type {const} */ ("maximum") }[/** @type {"min" | "max"} */ (check.kind)];
        if (bound === undefined || check.inclusive !== true) fail(path, `zod number check ${JSON.stringify(check)} is not understood (known: inclusive min, max)`);
        if (out[bound] !== undefined) fail(path, `zod number has two ${check.kind} checks`);
        out[bound] = check.value;
      }
      return out;
    }
    case "ZodBoolean":
      return head("boolean");
    case "ZodArray":
      for (const key of ["minLength", "maxLength", "exactLength"]) if (def[key] !== null) fail(path, `zod array with ${key} is not understood`);
      return { ...head("array"), items: unwrapNoOptional(def.type, `${path}/[]`) };
    case "ZodObject":
      return { ...head("object"), ...zodObject(schema, path, false) };
    case "ZodRecord": {
      if (typeOf(def.keyType, `${path}/{key}`) !== "ZodString" || def.keyType._def.checks.length !== 0) fail(path, "zod record keys are not plain strings");
      return { ...head("record"), record: recordValues(def.valueType, `${path}/{}`) };
    }
    default:
      return fail(path, `zod ${name} is not understood here`);
  }
}

/** Array items and record values cannot be optional. */
function unwrapNoOptional(/** @type {any} */ schema, /** @type {string} */ path) {
  const { optional, type } = unwrap(schema, path);
  if (optional) fail(path, "zod ZodOptional here is not understood");
  return type;
}

/** A check carries a `message` key, `undefined` unless a custom message was given. */
function noMessage(/** @type {any} */ check, /** @type {string} */ path) {
  if (check.message !== undefined) fail(path, `zod ${check.kind} check has a custom message`);
}

/**
 * A ZodString's kind from its checks.
 * @param {any[]} checks
 * @param {string} path
 * @returns {import("./model.mjs").Kind}
 */
function stringKind(checks, path) {
  if (checks.length === 0) return "string";
  const [check] = checks;
  if (checks.length > 1) fail(path, `zod string with ${checks.length} checks (${checks.map((c) => c.kind).join(", ")}) is not understood`);
  if (check.kind === "uuid" || check.kind === "url") {
    onlyKeys(check, ["kind", "message"], path, `zod string ${check.kind} check`);
    noMessage(check, path);
    return check.kind;
  }
  if (check.kind === "datetime") {
    onlyKeys(check, [...Object.keys(DATETIME_CHECK), "message"], path, "zod string datetime check");
    noMessage(check, path);
    for (const [key, value] of Object.entries(DATETIME_CHECK)) {
      if (check[key] !== value) fail(path, `zod .datetime() option ${key}: ${JSON.stringify(check[key])} is not understood (only .datetime() with no options)`);
    }
    return "datetime";
  }
  return fail(path, `zod string check "${check.kind}" is not understood (known: uuid, url, datetime)`);
}

/**
 * A record's values: anything (ZodUnknown, ZodAny) or string | boolean (custom metadata).
 * @param {any} schema
 * @param {string} path
 * @returns {"metadata" | "any"}
 */
function recordValues(schema, path) {
  const name = typeOf(schema, path);
  if (name === "ZodUnknown" || name === "ZodAny") return "any";
  if (name === "ZodUnion") {
    const kinds = schema._def.options.map((/** @type {any} */ o, /** @type {number} */ i) => {
      const k = typeOf(o, `${path}/|${i}`);
      return k === "ZodString" && o._def.checks.length > 0 ? "checked string" : k;
    });
    if (kinds.join() === "ZodString,ZodBoolean") return "metadata";
    return fail(path, `zod union of ${kinds.join(", ")} is not understood (known: string | boolean)`);
  }
  return fail(path, `zod ${name} as record values is not understood`);
}
