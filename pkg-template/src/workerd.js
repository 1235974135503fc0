// @ts-check
// The entry for Cloudflare Workers (the `workerd` export condition), bundled by
// scripts/build-pkg.mjs into dist/workerd.js. Workers refuse to compile
// WebAssembly from bytes at run time, which dist/web.js does; instead, wrangler
// and workerd hand an imported `.wasm` file over as an already compiled
// WebAssembly.Module. The import stays external in the bundle, so it names the
// .wasm beside dist/workerd.js, and each instance is made synchronously.
import { createGlue } from "../../target/wasm-pkg/glue-factory.js";
// @ts-ignore: a compiled WebAssembly.Module under workerd and wrangler
import wasmModule from "./connect_webview_events_bg.wasm";
import { createApi, withMemory } from "./api.js";

/** A fresh instance: at load, and again should one ever trap. */
function instantiate() {
  const glue = createGlue();
  return withMemory(glue, glue.initSync({ module: /** @type {WebAssembly.Module} */ (wasmModule) }));
}

export const { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook, __forceTrapForTesting } =
  createApi(instantiate);
export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, signatureHeaders, WebhookVerificationError } from "./api.js";
