// The package in engines as old as the README supports (Chrome 96+, Firefox
// 89+, Safari 16.4+), imitated here by deleting what they do not have yet:
// a built-in the package uses past that line must have a fallback, or not be
// used at all. (`String.prototype.isWellFormed` is looked for once, as the
// package loads, so it cannot be taken away here.) Runs in the consumer
// project of scripts/test-package.sh, beside oracle/ and catalogue/.
import * as api from "connect-webview-events";
import assert from "node:assert/strict";
import { test } from "node:test";
import { applied, loadCatalogue } from "./oracle/mutations.mjs";
import { zodVerdict } from "./oracle/zod.mjs";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const BODY = JSON.stringify({
  event_id: "00000000-0000-4000-8000-000000000001",
  event_type: "connect_webview.login_succeeded",
  workspace_id: "00000000-0000-4000-8000-000000000002",
  created_at: "2025-01-01T00:00:00.000Z",
  occurred_at: "2025-01-01T00:00:00.000Z",
  connect_webview_id: "00000000-0000-4000-8000-000000000003",
  connected_account_id: "00000000-0000-4000-8000-000000000004",
});

/** Runs `body` with the static `name` of `owner` deleted, then puts it back. */
function without(/** @type {any} */ owner, /** @type {string} */ name, /** @type {() => void} */ body) {
  const descriptor = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(owner, name));
  try {
    delete owner[name];
    assert.equal(owner[name], undefined, `${name} is gone`);
    body();
  } finally {
    Object.defineProperty(owner, name, descriptor);
  }
}

test("verify reads plain-object headers without Object.hasOwn (Firefox 92)", () => {
  const headers = api.sign({ payload: BODY, secret: SECRET });
  const plain = { ...headers, "content-type": ["application/json"] };
  without(Object, "hasOwn", () => {
    assert.deepEqual(api.verify(BODY, plain, SECRET), JSON.parse(BODY));
    assert.throws(() => api.verify(BODY, { ...plain, "webhook-signature": "v1,AAAA" }, SECRET), { name: "WebhookVerificationError" });
  });
});

test("URLs have zod's verdict without URL.canParse (Chrome 120, Firefox 115, Safari 17)", () => {
  const { events, examples } = loadCatalogue(new URL("./catalogue/", import.meta.url));
  const [eventType, name] = events.flatMap((e) => e.fields.filter((f) => f.kind === "url").map((f) => [e.event_type, f.name]))[0];
  const payloads = ["foo:bar", "http://", "http://[::1]:80/", "http://a b/", "https://bücher.de/"]
    .map((url) => applied(examples[eventType].full, { path: [name], value: url }));
  const expected = payloads.map((payload) => zodVerdict(payload).ok);
  assert.deepEqual(expected, [true, false, true, false, true], "zod's verdicts");
  without(URL, "canParse", () => {
    assert.deepEqual(payloads.map((payload) => api.safeDecode(JSON.stringify(payload)).success), expected);
  });
});
