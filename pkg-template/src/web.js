// @ts-check
// The entry for browsers, bundlers, Deno and web workers, bundled by
// scripts/build-pkg.mjs into dist/web.js. The .wasm is inlined as base64 and
// compiled asynchronously at module load (top-level await), so that it needs
// no bundler plugin, no asset URL and no init call, and stays clear of
// Chromium's 4 KB limit on synchronous compiles on the main thread.
import init, { validateBytes, validateBatchBytes, Verifier } from "../../target/wasm-pkg/connect_webview_events.js";
import WASM_BASE64 from "../../target/wasm-pkg/wasm-base64.js";
import { createApi, DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, WebhookVerificationError } from "./api.js";

/** @param {string} base64 */
function fromBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

await init({ module_or_path: fromBase64(WASM_BASE64) });

export const { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook } = createApi({
  validateBytes,
  validateBatchBytes,
  Verifier,
});
export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, WebhookVerificationError };
