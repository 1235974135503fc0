// @ts-check
// What the benchmark compares, shared by Node (bench/run.mjs) and the browser
// page (bench/browser.mjs): our package against JSON.parse alone (the floor),
// JSON.parse plus the zod schema of @seamapi/types, and JSON.parse plus ajv.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { schemas } from "@seamapi/types/connect";

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

/** ajv compiled with ajv-formats (uuid, date-time) and the discriminator. */
export function compileAjv() {
  // allowUnionTypes: metadata values are ["string", "boolean"].
  const ajv = new Ajv({ discriminator: true, allowUnionTypes: true });
  addFormats(ajv, ["uuid", "date-time"]);
  return ajv.compile(JSON_SCHEMA);
}

/** The zod schema of every Seam event, as @seamapi/types publishes it. */
export const zodSeamEvent = schemas.seam_event;

/**
 * The decode comparison: name to a function that decodes `PAYLOAD` once.
 * `bytes` is the payload as the runtime's byte type (a Buffer in Node).
 * @param {{ decode: (payload: unknown) => unknown }} api
 * @param {Uint8Array} bytes
 * @param {(bytes: Uint8Array) => string} bytesToString
 */
export function decodeCases(api, bytes, bytesToString) {
  const validate = compileAjv();
  const ajvCheck = (/** @type {unknown} */ value) => {
    if (!validate(value)) throw new Error("ajv rejected the payload");
    return value;
  };
  // Every case must accept the payload; a peer that rejected it would be
  // measuring its error path.
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
