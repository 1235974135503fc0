// A CommonJS app: `require` at the top level, no init call, no await.
const assert = require("node:assert/strict");
const { test } = require("node:test");
const { decode, safeDecode, DecodeError } = require("connect-webview-events");

test("a CommonJS module decodes with require and no init call", () => {
  const event = decode(require("./fixtures/login_failed.json"));
  assert.equal(event.event_type, "connect_webview.login_failed");
  const result = safeDecode('{"event_type": "device.teleported"}');
  assert.ok(result.error instanceof DecodeError);
  assert.deepEqual(result.error.issues.map((i) => [i.code, i.path]), [["unknown_event_type", "/event_type"]]);
});
