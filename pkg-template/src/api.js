// @ts-check
// The public JavaScript API over one WebAssembly instance, shared by every
// entry (Node, browsers, edge).
import { createBatch, DEFAULT_MAX_BATCH_BYTES } from "./batch.js";
import { createDecode, DecodeError, DEFAULT_MAX_BYTES } from "./decode.js";
import { createRuntime } from "./runtime.js";
import { createWebhook, signatureHeaders, WebhookVerificationError } from "./webhook.js";

/**
 * @typedef {import("./decode.js").Validator & import("./webhook.js").Signer & import("./batch.js").BatchValidator
 *   & { __forceTrapForTesting(): void, seedHashKeys(a: number, b: number, c: number, d: number): void }} Wasm
 * @typedef {ReturnType<typeof createRuntime<Wasm>>} Runtime
 */

/**
 * The API over a WebAssembly instance, replaced by a fresh one should it ever
 * trap (see runtime.js).
 * @param {() => Wasm} instantiate
 */
export function createApi(instantiate) {
  const runtime = createRuntime(instantiate, seedHashKeys);
  const { decode, safeDecode } = createDecode(runtime);
  const { verify, sign, ConnectWebviewWebhook } = createWebhook(runtime);
  const { decodeBatch } = createBatch(runtime);
  // Not part of the API: makes the instance trap, so that tests can check
  // the recovery. The next call uses a fresh instance.
  const __forceTrapForTesting = () => runtime.call((wasm) => wasm.__forceTrapForTesting());
  return { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook, __forceTrapForTesting };
}

/**
 * A glue instance with its wasm memory beside it: payloads are written
 * straight into that memory (decode.js). `exports` is what the glue's
 * `initSync` or `__wbg_init` returned.
 * @template T @param {T} glue @param {{ memory: WebAssembly.Memory }} exports
 */
export function withMemory(glue, { memory }) {
  return Object.assign(glue, { memory });
}

/**
 * Seeds the keys with which an instance hashes object keys to find
 * duplicates, from the platform's random source, which the wasm module has no
 * access to (src/hashing.rs). Done before an instance's first call rather
 * than when it is made, which is at load: Cloudflare Workers refuse random
 * values outside a request handler. Should a call come from there all the
 * same, it goes ahead, and the next call tries again. Whether it seeded.
 * @param {{ seedHashKeys(a: number, b: number, c: number, d: number): void }} glue
 */
function seedHashKeys(glue) {
  let words;
  try {
    words = crypto.getRandomValues(new Uint32Array(4));
  } catch {
    return false;
  }
  glue.seedHashKeys(words[0], words[1], words[2], words[3]);
  return true;
}

export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, signatureHeaders, WebhookVerificationError };
