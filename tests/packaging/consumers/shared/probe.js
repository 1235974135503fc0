// The same checks in every runtime and bundler: imports the package by its
// name, so each consumer resolves it through its own exports conditions, and
// returns plain data that the test compares with EXPECTED in ../../harness.mjs.
import { decode, decodeBatch, DecodeError, safeDecode, sign, verify, WebhookVerificationError } from "connect-webview-events";
import { invalidEvent, loginFailed, loginSucceeded, secret } from "./events.js";

export function probe() {
  const succeeded = decode(loginSucceeded);
  const failed = decode(new TextEncoder().encode(loginFailed));
  const invalid = safeDecode(invalidEvent);

  const timestamp = 1735689600; // 2025-01-01T00:00:00Z
  const headers = sign({ payload: loginFailed, secret, id: "msg_1", timestamp });
  const now = new Date(timestamp * 1000);
  let tampered;
  try {
    verify(loginFailed.replace("login_failed", "login_succeeded"), headers, secret, { now });
  } catch (error) {
    tampered = error instanceof WebhookVerificationError ? error.code : String(error);
  }

  const batch = decodeBatch(`${loginSucceeded}\n${loginFailed}\n{}\n`);
  return {
    succeeded: [succeeded.event_type, succeeded.connected_account_id],
    failed: failed.event_type,
    invalid: invalid.success ? "decoded" : invalid.error instanceof DecodeError && invalid.error.issues.map((i) => `${i.code} ${i.path}`),
    signature: headers["webhook-signature"],
    verified: verify(loginFailed, headers, secret, { now }).event_type,
    tampered,
    batch: batch.map((r) => (r.success ? r.data.event_type : `${r.error.issues.length} issues on line ${r.line}`)),
  };
}
