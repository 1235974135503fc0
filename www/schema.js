// The fields of each connect_webview event type and the rule each one meets,
// as in the wire-format spec. The decoder (pkg/) does the checking; this file
// only names the rules for the field table of the demo page.

/** @typedef {{ name: string, rule: string, required: boolean }} Field */

const UUID = "UUID";
const DATE_TIME = "date-time";

/** @type {Record<string, Field[]>} */
export const FIELDS = {
  "connect_webview.login_succeeded": [
    { name: "event_id", rule: UUID, required: true },
    { name: "event_type", rule: "event type", required: true },
    { name: "workspace_id", rule: UUID, required: true },
    { name: "connect_webview_id", rule: UUID, required: true },
    { name: "connected_account_id", rule: UUID, required: true },
    { name: "created_at", rule: DATE_TIME, required: true },
    { name: "occurred_at", rule: DATE_TIME, required: true },
    { name: "connected_account_custom_metadata", rule: "object of string and boolean values", required: false },
    { name: "customer_key", rule: "string", required: false },
    { name: "event_description", rule: "string", required: false },
  ],
  "connect_webview.login_failed": [
    { name: "event_id", rule: UUID, required: true },
    { name: "event_type", rule: "event type", required: true },
    { name: "workspace_id", rule: UUID, required: true },
    { name: "connect_webview_id", rule: UUID, required: true },
    { name: "created_at", rule: DATE_TIME, required: true },
    { name: "occurred_at", rule: DATE_TIME, required: true },
    { name: "event_description", rule: "string", required: false },
  ],
};

/**
 * The field of `eventType` called `name`, or undefined for a field outside
 * the schema (kept by the decoder, reported only in strict mode).
 * @param {string} eventType
 * @param {string} name
 * @returns {Field | undefined}
 */
export function fieldOf(eventType, name) {
  return FIELDS[eventType]?.find((field) => field.name === name);
}
