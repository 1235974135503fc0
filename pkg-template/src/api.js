// @ts-check
// The public JavaScript API over one WebAssembly instance, shared by every
// entry (Node, browsers, edge).
import { createBatch, DEFAULT_MAX_BATCH_BYTES } from "./batch.js";
import { createDecode, DecodeError, DEFAULT_MAX_BYTES } from "./decode.js";
import { createRuntime } from "./runtime.js";
import { createWebhook, WebhookVerificationError } from "./webhook.js";

/**
 * @typedef {import("./decode.js").Validator & import("./webhook.js").Signer & import("./batch.js").BatchValidator
 *   & { __forceTrapForTesting(): void }} Wasm
 * @typedef {ReturnType<typeof createRuntime<Wasm>>} Runtime
 */

/**
 * The API over a WebAssembly instance, replaced by a fresh one should it ever
 * trap (see runtime.js).
 * @param {() => Wasm} instantiate
 */
export function createApi(instantiate) {
  const runtime = createRuntime(instantiate);
  const { decode, safeDecode } = createDecode(runtime);
  const { verify, sign, ConnectWebviewWebhook } = createWebhook(runtime);
  const { decodeBatch } = createBatch(runtime);
  // Not part of the API: makes the instance trap, so that tests can check
  // the recovery. The next call uses a fresh instance.
  const __forceTrapForTesting = () => runtime.call((wasm) => wasm.__forceTrapForTesting());
  return { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook, __forceTrapForTesting };
}

/**
 * A glue instance made ready for the API: its wasm memory beside it (payloads
 * are written straight into that memory, decode.js), and the keys with which
 * it hashes object keys to find duplicates drawn from the platform's random
 * source, which the wasm module has no access to (src/hashing.rs). `exports`
 * is what the glue's `initSync` or `__wbg_init` returned.
 * @template {{ seedHashKeys(a: number, b: number, c: number, d: number): void }} T
 * @param {T} glue @param {{ memory: WebAssembly.Memory }} exports
 */
export function prepare(glue, { memory }) {
  const [a, b, c, d] = crypto.getRandomValues(new Uint32Array(4));
  glue.seedHashKeys(a, b, c, d);
  return Object.assign(glue, { memory });
}

export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, WebhookVerificationError };
