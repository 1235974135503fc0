// The payloads behind the example buttons. The first three are the project's
// fixtures (tests/fixtures/*.json), byte for byte; those of the other
// families are the catalogue's own valid examples (SAMPLES of the generated
// www/catalogue.js, from catalogue/examples.json), each with a broken variant
// made here by changing one or two values. The e2e test checks both.
import { SAMPLES } from "./catalogue.js";

const loginSucceeded = `{
  "connect_webview_id": "00000000-0000-0000-0000-000000000000",
  "connected_account_custom_metadata": {},
  "connected_account_id": "00000000-0000-0000-0000-000000000000",
  "created_at": "2025-01-01T00:00:00.000Z",
  "customer_key": "",
  "event_id": "00000000-0000-0000-0000-000000000000",
  "event_type": "connect_webview.login_succeeded",
  "occurred_at": "2025-01-01T00:00:00.000Z",
  "workspace_id": "00000000-0000-0000-0000-000000000000"
}
`;

const loginFailed = `{
  "connect_webview_id": "00000000-0000-0000-0000-000000000000",
  "created_at": "2025-01-01T00:00:00.000Z",
  "event_id": "00000000-0000-0000-0000-000000000000",
  "event_type": "connect_webview.login_failed",
  "occurred_at": "2025-01-01T00:00:00.000Z",
  "workspace_id": "00000000-0000-0000-0000-000000000000"
}
`;

const withMetadata = `{
  "event_id": "4d5c8e2a-1b7f-4c3e-9a6d-2f8b0e1c7a95",
  "event_type": "connect_webview.login_succeeded",
  "workspace_id": "9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34",
  "connect_webview_id": "c3f1a9e7-5b2d-4f6a-8e0c-1d9b7a3e5f21",
  "connected_account_id": "7e9a2c4f-6d1b-4a8e-9f3c-5b0d2e7a1c68",
  "created_at": "2025-06-14T09:21:37.482Z",
  "occurred_at": "2025-06-14T09:21:36.915Z",
  "connected_account_custom_metadata": {"tenant": "acme-hotels", "vip": true, "__proto__": "data"},
  "customer_key": "customer_8f3a",
  "event_description": "An end user connected their August account.",
  "hint": {"added_by_seam_later": [1, 2.5, null]}
}
`;

// A UUID without its hyphens: some parsers take it, the schema does not.
const badUuid = `{
  "event_id": "4d5c8e2a-1b7f-4c3e-9a6d-2f8b0e1c7a95",
  "event_type": "connect_webview.login_succeeded",
  "workspace_id": "9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34",
  "connect_webview_id": "c3f1a9e7-5b2d-4f6a-8e0c-1d9b7a3e5f21",
  "connected_account_id": "7e9a2c4f6d1b4a8e9f3c5b0d2e7a1c68",
  "created_at": "2025-06-14T09:21:37.482Z",
  "occurred_at": "2025-06-14T09:21:36.915Z"
}
`;

// 2023 is not a leap year.
const impossibleDate = `{
  "event_id": "0b6f3d2e-8c1a-4f5e-9d7b-3a2c1e0f9b84",
  "event_type": "connect_webview.login_failed",
  "workspace_id": "9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34",
  "connect_webview_id": "c3f1a9e7-5b2d-4f6a-8e0c-1d9b7a3e5f21",
  "created_at": "2023-02-29T08:00:00.000Z",
  "occurred_at": "2023-02-28T23:59:59.999Z"
}
`;

// An event type outside the pinned catalogue (a newer reference may have it).
const otherEventType = `{
  "event_id": "5e1d7c3b-2a9f-4b8e-8c6d-4f0a1b2c3d4e",
  "event_type": "device.teleported",
  "workspace_id": "9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34",
  "device_id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
  "connected_account_id": "7e9a2c4f-6d1b-4a8e-9f3c-5b0d2e7a1c68",
  "created_at": "2025-06-14T09:22:02.100Z",
  "occurred_at": "2025-06-14T09:22:01.870Z"
}
`;

// A comma missing at the end of line 3.
const syntaxError = `{
  "event_id": "0b6f3d2e-8c1a-4f5e-9d7b-3a2c1e0f9b84",
  "event_type": "connect_webview.login_failed"
  "workspace_id": "9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34",
  "connect_webview_id": "c3f1a9e7-5b2d-4f6a-8e0c-1d9b7a3e5f21",
  "created_at": "2025-06-14T09:21:37.482Z",
  "occurred_at": "2025-06-14T09:21:36.915Z"
}
`;

// Two event types: JSON.parse would keep the last one, login_failed.
const duplicateKey = `{
  "event_id": "4d5c8e2a-1b7f-4c3e-9a6d-2f8b0e1c7a95",
  "event_type": "connect_webview.login_succeeded",
  "workspace_id": "9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34",
  "connect_webview_id": "c3f1a9e7-5b2d-4f6a-8e0c-1d9b7a3e5f21",
  "connected_account_id": "7e9a2c4f-6d1b-4a8e-9f3c-5b0d2e7a1c68",
  "created_at": "2025-06-14T09:21:37.482Z",
  "occurred_at": "2025-06-14T09:21:36.915Z",
  "event_type": "connect_webview.login_failed"
}
`;

/** A payload as the page shows it: two-space indents and a last line break. @param {unknown} value */
export const pretty = (value) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A copy of `sample` with the value at each JSON Pointer replaced, or removed
 * where the value is undefined. Throws if a pointer's parent is not there, so
 * that a reference bump that drops the field fails the tests.
 * @param {Record<string, unknown>} sample
 * @param {[string, unknown][]} edits
 */
export function edited(sample, edits) {
  const copy = structuredClone(sample);
  for (const [pointer, value] of edits) {
    const tokens = pointer.slice(1).split("/");
    const last = /** @type {string} */ (tokens.pop());
    /** @type {any} */
    let parent = copy;
    for (const token of tokens) parent = parent?.[token];
    if (typeof parent !== "object" || parent === null || (value === undefined && !(last in parent))) {
      throw new Error(`examples.js: ${pointer} is not in the ${String(sample.event_type)} sample`);
    }
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return pretty(copy);
}

/** @typedef {{ id: string, label: string, valid: boolean, text: string }} Example */
/** @typedef {{ label: string, examples: Example[] }} ExampleGroup */

/**
 * A group of a catalogue sample: the valid sample, then its broken variant.
 * @param {string} id
 * @param {keyof typeof SAMPLES} eventType
 * @param {string} broken the broken variant's label
 * @param {[string, unknown][]} edits
 * @returns {ExampleGroup}
 */
function sampleGroup(id, eventType, broken, edits) {
  const sample = SAMPLES[eventType];
  return {
    label: eventType,
    examples: [
      { id, label: "valid", valid: true, text: pretty(sample) },
      { id: `${id}_broken`, label: broken, valid: false, text: edited(sample, edits) },
    ],
  };
}

/** @type {ExampleGroup[]} In the order shown; the first example is shown on load. */
export const EXAMPLE_GROUPS = [
  {
    label: "connect_webview",
    examples: [
      { id: "login_succeeded", label: "login_succeeded", valid: true, text: loginSucceeded },
      { id: "login_failed", label: "login_failed", valid: true, text: loginFailed },
      { id: "with_metadata", label: "metadata + unknown field", valid: true, text: withMetadata },
      { id: "bad_uuid", label: "bad UUID", valid: false, text: badUuid },
      { id: "impossible_date", label: "impossible date", valid: false, text: impossibleDate },
    ],
  },
  sampleGroup("lock_unlocked", "lock.unlocked", "method not among its values", [["/method", "fingerprint"]]),
  sampleGroup("battery", "device.battery_status_changed", "battery level 1.5", [["/battery_level", 1.5]]),
  // The second error's date has a space for its T; the second warning lost its code.
  sampleGroup("access_code", "access_code.failed_to_set_on_device", "bad nested values", [
    ["/access_code_errors/1/created_at", "2025-01-01 00:00:00Z"],
    ["/access_code_warnings/1/warning_code", undefined],
  ]),
  sampleGroup("acs_user_deleted", "acs_user.deleted", "bad ACS user ID", [["/acs_user_id", "acs_user_42"]]),
  sampleGroup("camera", "camera.activated", "image URL without a host", [["/image_url", "https://"]]),
  {
    label: "any payload",
    examples: [
      { id: "other_event_type", label: "unknown event type", valid: false, text: otherEventType },
      { id: "syntax_error", label: "syntax error", valid: false, text: syntaxError },
      { id: "duplicate_key", label: "duplicate key", valid: false, text: duplicateKey },
    ],
  },
];

/** @type {Example[]} Every example, in the order of the buttons. */
export const EXAMPLES = EXAMPLE_GROUPS.flatMap((group) => group.examples);
