// The spec's two examples (tests/fixtures/login_*.json), as the raw bodies a
// webhook endpoint receives.
export const loginSucceeded = JSON.stringify({
  connect_webview_id: "00000000-0000-0000-0000-000000000000",
  connected_account_custom_metadata: {},
  connected_account_id: "00000000-0000-0000-0000-000000000000",
  created_at: "2025-01-01T00:00:00.000Z",
  customer_key: "",
  event_id: "00000000-0000-0000-0000-000000000000",
  event_type: "connect_webview.login_succeeded",
  occurred_at: "2025-01-01T00:00:00.000Z",
  workspace_id: "00000000-0000-0000-0000-000000000000",
});

export const loginFailed = JSON.stringify({
  connect_webview_id: "00000000-0000-0000-0000-000000000000",
  created_at: "2025-01-01T00:00:00.000Z",
  event_id: "00000000-0000-0000-0000-000000000000",
  event_type: "connect_webview.login_failed",
  occurred_at: "2025-01-01T00:00:00.000Z",
  workspace_id: "00000000-0000-0000-0000-000000000000",
});

/** A login_succeeded event with two bad fields. */
export const invalidEvent = JSON.stringify({
  ...JSON.parse(loginSucceeded),
  connected_account_id: "not-a-uuid",
  created_at: 3,
});

export const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
