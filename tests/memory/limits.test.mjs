// The engine's own limits, with `maxBytes: Infinity`: input past what one
// call takes into wasm (a buffer of the wasm32 Rust core holds at most
// 2^31 - 1 bytes), and a valid event longer than the longest string the
// engine makes (about 2^29 characters in V8), are each `payload_too_large`
// with a message saying which limit, never a trap or the engine's own Error.
// Node only: a browser may not allocate 2 GiB. Its own file, so its own
// process: the memory test beside it sees a wasm memory that never held these.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import * as api from "../../pkg/dist/node.mjs";

const FAILED = readFileSync(new URL("../fixtures/login_failed.json", import.meta.url), "utf8").trim();
const MOST = 2 ** 31 - 1;

/** The issues of a DecodeError thrown by `run`, as [code, path, message]. */
function issuesOf(run) {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof api.DecodeError, `expected a DecodeError, got ${error}`);
    return error.issues.map((i) => [i.code, i.path, i.message]);
  }
  assert.fail("expected a DecodeError");
}

test("input past 2^31 - 1 bytes is payload_too_large before it is copied, whatever maxBytes says", () => {
  // Zeroed pages: allocated lazily, never touched.
  const huge = new Uint8Array(MOST + 1);
  const message = `expected at most ${MOST} bytes (the most the decoder takes), found ${MOST + 1}`;
  for (const options of [{ maxBytes: Infinity }, { maxBytes: 2 ** 40 }]) {
    assert.deepEqual(issuesOf(() => api.decode(huge, options)), [["payload_too_large", "", message]]);
  }
  assert.deepEqual(issuesOf(() => api.decodeBatch(huge, { maxBatchBytes: Infinity, maxBytes: Infinity })), [["payload_too_large", "", message]]);
  // Nothing went wrong inside wasm: the same instance decodes on.
  assert.equal(api.decode(FAILED).event_type, "connect_webview.login_failed");
});

test("a valid event longer than the engine's longest string is payload_too_large, from decode, verify and decodeBatch", () => {
  // 520 MiB of ASCII on one line: valid, but a string of it would be over
  // V8's 2^29 - 24 characters.
  const size = 520 << 20;
  const body = Buffer.alloc(size, 0x61);
  Buffer.from(`${JSON.stringify(JSON.parse(FAILED)).slice(0, -1)},"pad":"`).copy(body, 0);
  body.set([0x22, 0x7d], size - 2);
  const tooLong = (issues) => {
    assert.equal(issues.length, 1);
    const [[code, path, message]] = issues;
    assert.deepEqual([code, path], ["payload_too_large", ""]);
    assert.match(message, new RegExp(`^expected a payload this JavaScript engine can hold as one string, found ${size} bytes \\(.+\\)$`));
  };
  tooLong(issuesOf(() => api.decode(body, { maxBytes: Infinity })));
  tooLong(issuesOf(() => api.decodeBatch(body, { maxBytes: Infinity, maxBatchBytes: Infinity })));
  // Signed by node:crypto; our HMAC warmed up first on smaller bodies, for
  // the time of this test only: one call that hashes 520 MiB runs in the
  // engine's baseline code if it is the first (about 7 x slower).
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const headers = { "webhook-id": "msg_1", "webhook-timestamp": String(Math.floor(Date.now() / 1000)) };
  const mac = createHmac("sha256", Buffer.from(secret.slice(6), "base64"));
  mac.update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.`).update(body);
  headers["webhook-signature"] = `v1,${mac.digest("base64")}`;
  for (let i = 0; i < 20; i++) api.sign({ payload: body.subarray(0, 1 << 20), secret });
  tooLong(issuesOf(() => api.verify(body, headers, secret, { maxBytes: Infinity })));
  assert.equal(api.decode(FAILED).event_type, "connect_webview.login_failed");
});

test("a batch of millions of failing events is payload_too_large as a whole, not the engine's Error or a trap", () => {
  // Each failing line adds about 140 bytes of results for 2 of input: past
  // 64 MiB of results (src/wasm.rs), the string would soon be longer than
  // the engine makes, and the results more than wasm32 memory holds.
  const tooMany = (issues) => {
    assert.deepEqual(issues, [["payload_too_large", "", "expected a batch whose results take at most 64 MiB as JSON, found more: decode it in parts, fewer events a call"]]);
  };
  for (const mib of [6, 256]) tooMany(issuesOf(() => api.decodeBatch(Buffer.alloc(mib << 20, "x\n"))));
  // A JSON array of 16 million numbers.
  tooMany(issuesOf(() => api.decodeBatch(Buffer.concat([Buffer.from("["), Buffer.alloc(32 << 20, "1,"), Buffer.from("1]")]))));
  // Within it, every result, each with its own issue.
  const results = api.decodeBatch(Buffer.alloc(400_000, "x\n"));
  assert.equal(results.length, 200_000);
  assert.deepEqual(
    [results[199_999].success, results[199_999].line, results[199_999].error.issues[0].code],
    [false, 200_000, "invalid_json"],
  );
  assert.equal(api.decode(FAILED).event_type, "connect_webview.login_failed");
});
