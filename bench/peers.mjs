// @ts-check
// What the benchmark compares, shared by Node (bench/run.mjs) and the browser
// page (bench/browser.mjs): our package against JSON.parse alone (the floor),
// JSON.parse plus the zod schema of @seamapi/types, and JSON.parse plus ajv
// (a hand-written schema of the two connect_webview events, and for the
// catalogue table of bench/catalogue.mjs the reference's own OpenAPI schema).
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { openapi, schemas } from "@seamapi/types/connect";

/** The endpoint secret the benchmarks sign and verify with. */
export const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** A realistic login_succeeded event, about 460 bytes. */
export const PAYLOAD = JSON.stringify({
  event_id: "4d5c8e2a-1b7f-4c3e-9a6d-2f8b0e1c7a95",
  event_type: "connect_webview.login_succeeded",
  workspace_id: "9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34",
  connect_webview_id: "c3f1a9e7-5b2d-4f6a-8e0c-1d9b7a3e5f21",
  connected_account_id: "7e9a2c4f-6d1b-4a8e-9f3c-5b0d2e7a1c68",
  created_at: "2025-06-14T09:21:37.482Z",
  occurred_at: "2025-06-14T09:21:36.915Z",
  connected_account_custom_metadata: { tenant: "acme-hotels", vip: true },
  customer_key: "customer_8f3a",
  event_description: "An end user connected their account.",
});

const uuid = { type: "string", format: "uuid" };
const dateTime = { type: "string", format: "date-time" };
const common = { event_id: uuid, workspace_id: uuid, connect_webview_id: uuid, created_at: dateTime, occurred_at: dateTime, event_description: { type: "string" } };
const commonRequired = ["event_id", "event_type", "workspace_id", "connect_webview_id", "created_at", "occurred_at"];

/** The wire format as JSON Schema, with ajv's discriminator on event_type. */
export const JSON_SCHEMA = {
  type: "object",
  discriminator: { propertyName: "event_type" },
  required: ["event_type"],
  oneOf: [
    {
      properties: {
        ...common,
        event_type: { const: "connect_webview.login_succeeded" },
        connected_account_id: uuid,
        connected_account_custom_metadata: { type: "object", additionalProperties: { type: ["string", "boolean"] } },
        customer_key: { type: "string" },
      },
      required: [...commonRequired, "connected_account_id"],
    },
    { properties: { ...common, event_type: { const: "connect_webview.login_failed" } }, required: commonRequired },
  ],
};

/**
 * `schema` compiled by ajv with its discriminator and these ajv-formats.
 * @param {object} schema @param {import("ajv-formats").FormatName[]} formats
 */
function compileWithAjv(schema, formats) {
  // allowUnionTypes: custom metadata values are a string or a boolean.
  const ajv = new Ajv({ discriminator: true, allowUnionTypes: true });
  addFormats(ajv, formats);
  return ajv.compile(schema);
}

/** ajv compiled with ajv-formats (uuid, date-time) and the discriminator. */
export function compileAjv() {
  return compileWithAjv(JSON_SCHEMA, ["uuid", "date-time"]);
}

/** The zod schema of every Seam event, as @seamapi/types publishes it. */
export const zodSeamEvent = schemas.seam_event;

/** Keywords whose value maps names (data, kept as they are) to schemas. */
const SCHEMA_MAPS = new Set(["properties"]);
/** Keywords whose value is a schema, or a list of schemas. */
const SUBSCHEMAS = new Set(["items", "additionalProperties", "oneOf"]);
/** OpenAPI's number formats: how wide a number is stored, not which are valid. */
const NUMBER_FORMATS = new Set(["float", "double", "int32", "int64"]);

/**
 * The one transform from the reference's OpenAPI schema to what ajv (strict
 * mode, `discriminator: true`, ajv-formats) compiles, returning a copy. It
 * drops the only two keywords that are OpenAPI's and not JSON Schema's:
 * - `x-*` extensions (`x-route-path`, `x-deprecated`, `x-undocumented`):
 *   documentation, which strict mode refuses as unknown keywords;
 * - `format` on a number (`float`), which strict mode refuses as an unknown
 *   format and which says nothing about which numbers are valid;
 * and gives a schema with `discriminator` but no `type` (the `event` union)
 * `type: "object"`, which strict mode asks for beside `discriminator` and
 * which changes no verdict (every variant is an object).
 * Everything else is read as written: `nullable: true` beside `type` is one
 * of ajv's own keywords, `discriminator: { propertyName: "event_type" }` is
 * ajv's with `discriminator: true`, and each variant's `event_type: { enum:
 * [name] }` is a tag it accepts. Property names are data, never dropped.
 * Strict mode stays on, so that a keyword a later reference adds fails the
 * compile instead of being ignored.
 * @param {any} schema
 * @returns {any}
 */
export function openapiToJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(openapiToJsonSchema);
  if (schema === null || typeof schema !== "object") return schema;
  /** @type {Record<string, unknown>} */
  const out = schema.discriminator && schema.type === undefined ? { type: "object" } : {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword.startsWith("x-")) continue;
    if (keyword === "format" && (schema.type === "number" || schema.type === "integer") && NUMBER_FORMATS.has(value)) continue;
    if (SCHEMA_MAPS.has(keyword)) {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, openapiToJsonSchema(property)]));
    } else {
      out[keyword] = SUBSCHEMAS.has(keyword) ? openapiToJsonSchema(value) : value;
    }
  }
  return out;
}

/**
 * ajv compiled from the reference's OpenAPI `event` schema (every event
 * type, `oneOf` of 109 with the discriminator on `event_type`), through
 * openapiToJsonSchema, with ajv-formats for uuid, date-time and uri.
 */
export function compileReferenceAjv() {
  return compileWithAjv(openapiToJsonSchema(/** @type {any} */ (openapi).components.schemas.event), ["uuid", "date-time", "uri"]);
}

/**
 * A function that returns its argument when `validate` accepts it and
 * throws otherwise: a peer that rejected a payload would be measuring its
 * error path.
 * @param {(value: unknown) => boolean} validate
 */
export function checkedBy(validate) {
  return (/** @type {unknown} */ value) => {
    if (!validate(value)) throw new Error("ajv rejected the payload");
    return value;
  };
}

/**
 * The decode comparison: name to a function that decodes `PAYLOAD` once.
 * `bytes` is the payload as the runtime's byte type (a Buffer in Node).
 * @param {{ decode: (payload: unknown) => unknown }} api
 * @param {Uint8Array} bytes
 * @param {(bytes: Uint8Array) => string} bytesToString
 */
export function decodeCases(api, bytes, bytesToString) {
  const ajvCheck = checkedBy(compileAjv());
  // Every case must accept the payload (checkedBy says why).
  const cases = {
    "ours: decode(string)": () => api.decode(PAYLOAD),
    "ours: decode(bytes)": () => api.decode(bytes),
    "JSON.parse(string)": () => JSON.parse(PAYLOAD),
    "JSON.parse(bytes to string)": () => JSON.parse(bytesToString(bytes)),
    "JSON.parse + zod (@seamapi/types)": () => zodSeamEvent.parse(JSON.parse(PAYLOAD)),
    "JSON.parse + ajv": () => ajvCheck(JSON.parse(PAYLOAD)),
  };
  for (const [name, fn] of Object.entries(cases)) {
    const value = /** @type {any} */ (fn());
    if (value?.event_type !== "connect_webview.login_succeeded") throw new Error(`${name} did not decode the payload`);
  }
  return cases;
}
