// @ts-check
// The Node entry, bundled by scripts/build-pkg.mjs into dist/node.cjs: loads
// the .wasm beside it synchronously, so that `require` and `import` work with
// no init call. dist/node.mjs re-exports this same instance for `import`, so
// an app that mixes both sees one DecodeError class.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createGlue } from "../../target/wasm-pkg/glue-factory.js";
import { createApi, withMemory } from "./api.js";

const module = new WebAssembly.Module(readFileSync(join(__dirname, "connect_webview_events_bg.wasm")));

/** A fresh instance: at load, and again should one ever trap. */
function instantiate() {
  const glue = createGlue();
  return withMemory(glue, glue.initSync({ module }));
}

export const { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook, __forceTrapForTesting } =
  createApi(instantiate);
export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, signatureHeaders, WebhookVerificationError } from "./api.js";
