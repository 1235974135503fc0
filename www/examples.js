// The payloads behind the example buttons. The first three are the project's
// fixtures (tests/fixtures/*.json), byte for byte; the e2e test checks that.

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

// Another Seam event, delivered to the same endpoint.
const otherEventType = `{
  "event_id": "5e1d7c3b-2a9f-4b8e-8c6d-4f0a1b2c3d4e",
  "event_type": "device.connected",
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

/** @typedef {{ id: string, label: string, valid: boolean, text: string }} Example */

/** @type {Example[]} In the order of the buttons; the first is shown on load. */
export const EXAMPLES = [
  { id: "login_succeeded", label: "login_succeeded", valid: true, text: loginSucceeded },
  { id: "login_failed", label: "login_failed", valid: true, text: loginFailed },
  { id: "with_metadata", label: "metadata + unknown field", valid: true, text: withMetadata },
  { id: "bad_uuid", label: "bad UUID", valid: false, text: badUuid },
  { id: "impossible_date", label: "impossible date", valid: false, text: impossibleDate },
  { id: "other_event_type", label: "unknown event type", valid: false, text: otherEventType },
  { id: "syntax_error", label: "syntax error", valid: false, text: syntaxError },
  { id: "duplicate_key", label: "duplicate key", valid: false, text: duplicateKey },
];
