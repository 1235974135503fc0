// @ts-check
// The entry for browsers, bundlers, Deno and web workers, bundled by
// scripts/build-pkg.mjs into dist/web.js. The .wasm is inlined as base64 and
// compiled asynchronously at module load (top-level await), so that it needs
// no bundler plugin, no asset URL and no init call, and stays clear of
// Chromium's 4 KB limit on synchronous compiles on the main thread.
import { createGlue } from "../../target/wasm-pkg/glue-factory.js";
import WASM_BASE64 from "../../target/wasm-pkg/wasm-base64.js";
import { createApi, withMemory } from "./api.js";

/** @param {string} base64 */
function fromBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const module = await WebAssembly.compile(fromBase64(WASM_BASE64));
const first = createGlue();
withMemory(first, await first.__wbg_init({ module_or_path: module }));

/** The first instance, made asynchronously above; then, should one ever trap, a fresh one. */
let instances = 0;
function instantiate() {
  if (instances++ === 0) return first;
  const glue = createGlue();
  return withMemory(glue, glue.initSync({ module }));
}

export const { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook, __forceTrapForTesting } =
  createApi(instantiate);
export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, signatureHeaders, WebhookVerificationError } from "./api.js";
