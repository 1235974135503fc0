// A million decodes, valid and invalid mixed, keep memory bounded: the wasm
// linear memory does not grow by a single 64 KiB page after warm-up at a
// steady input size, and the process RSS stays within a small margin. Node
// counts wasm memory in process.memoryUsage().external (ArrayBuffers are
// reported apart, in arrayBuffers), so `external - arrayBuffers` follows the
// wasm memory, give or take a few bytes of other external data; the memory
// itself only ever grows by whole pages.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import * as api from "../../pkg/dist/node.mjs";

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8");
const SUCCEEDED = fixture("login_succeeded_with_metadata");
const FAILED = fixture("login_failed");

const payloads = [
  SUCCEEDED,
  Buffer.from(FAILED),
  JSON.parse(SUCCEEDED),
  FAILED.replace("00000000-0000-0000-0000-000000000000", "not-a-uuid"),
  FAILED.replace("{", '{"event_id": "x",'),
  '{"event_type": "device.teleported"}',
  FAILED.slice(0, 100),
  Buffer.from([0x7b, 0xff, 0x7d]),
];

const wasmHeap = () => {
  const { external, arrayBuffers } = process.memoryUsage();
  return external - arrayBuffers;
};

const MiB = 1 << 20;
const WASM_PAGE = 65536;

test("a million decodes, valid and invalid mixed, keep the wasm memory and the RSS bounded", { timeout: 180_000 }, (t) => {
  let valid = 0;
  const run = (count) => {
    for (let i = 0; i < count; i++) if (api.safeDecode(payloads[i % payloads.length]).success) valid++;
  };
  run(50_000);
  globalThis.gc?.();
  const heapBefore = wasmHeap();
  const rssBefore = process.memoryUsage().rss;
  run(1_000_000);
  globalThis.gc?.();
  const heapGrowth = wasmHeap() - heapBefore;
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  t.diagnostic(`wasm memory growth after warm-up: ${heapGrowth} bytes; RSS ${(rssBefore / MiB).toFixed(1)} MiB -> growth ${(rssGrowth / MiB).toFixed(1)} MiB`);
  assert.equal(valid, (1_050_000 / payloads.length) * 3);
  assert.ok(heapGrowth < WASM_PAGE, `the wasm memory grew by ${heapGrowth} bytes at a steady input size`);
  assert.ok(rssGrowth < 64 * MiB, `RSS grew by ${(rssGrowth / MiB).toFixed(1)} MiB`);
});

test("verify and decodeBatch in a loop keep the wasm memory flat too", (t) => {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const headers = api.sign({ payload: SUCCEEDED, secret });
  const batch = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? "{" : FAILED.replaceAll("\n", ""))).join("\n");
  const round = () => {
    for (let i = 0; i < 2_000; i++) {
      api.verify(SUCCEEDED, headers, secret);
      assert.throws(() => api.verify(`${SUCCEEDED} `, headers, secret), api.WebhookVerificationError);
    }
    for (let i = 0; i < 200; i++) assert.equal(api.decodeBatch(batch).filter((r) => r.success).length, 90);
  };
  round();
  globalThis.gc?.();
  const before = wasmHeap();
  for (let i = 0; i < 5; i++) round();
  globalThis.gc?.();
  const growth = wasmHeap() - before;
  t.diagnostic(`wasm memory growth: ${growth} bytes`);
  assert.ok(growth < WASM_PAGE, `the wasm memory grew by ${growth} bytes`);
});

test("a body over maxBytes is authenticated in parts: the wasm memory does not grow to hold it", (t) => {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const large = SUCCEEDED.replace("{", `{"pad": "${"x".repeat(8 << 20)}",`);
  const headers = api.sign({ payload: large, secret });
  const before = wasmHeap();
  for (const payload of [large, Buffer.from(large)]) {
    assert.throws(() => api.verify(payload, headers, secret), (error) => error.issues[0].code === "payload_too_large");
    assert.throws(() => api.verify(payload, { ...headers, "webhook-signature": "v1,AAAA" }, secret), api.WebhookVerificationError);
  }
  const growth = wasmHeap() - before;
  t.diagnostic(`wasm memory growth: ${growth} bytes, for a body of ${large.length} bytes`);
  assert.ok(growth < 16 * WASM_PAGE, `the wasm memory grew by ${growth} bytes`);
});

test("text over maxBytes once encoded is refused having written at most maxBytes into wasm memory", (t) => {
  const maxBytes = 4 * MiB;
  // 3 Mi characters, 9 MiB of UTF-8: within maxBytes by its length, not once encoded.
  const wide = "€".repeat(3 * MiB);
  const before = wasmHeap();
  for (const decode of [() => api.decode(wide, { maxBytes }), () => api.verify(wide, {}, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", { maxBytes })]) {
    assert.throws(decode, (error) => {
      assert.ok(error instanceof api.DecodeError || error instanceof api.WebhookVerificationError, String(error));
      if (error instanceof api.DecodeError) assert.deepEqual(error.issues.map((i) => i.message), [`expected at most ${maxBytes} bytes, found ${9 * MiB}`]);
      return true;
    });
  }
  const growth = wasmHeap() - before;
  t.diagnostic(`wasm memory growth: ${growth} bytes, for text of ${9 * MiB} bytes`);
  assert.ok(growth <= maxBytes + MiB, `the wasm memory grew by ${growth} bytes`);
});
