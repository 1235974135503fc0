// @ts-check
// The Node entry, bundled by scripts/build-pkg.mjs into dist/node.cjs: loads
// the .wasm beside it synchronously, so that `require` and `import` work with
// no init call. dist/node.mjs re-exports this same instance for `import`, so
// an app that mixes both sees one DecodeError class.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, validateBytes, validateBatchBytes, Verifier } from "../../target/wasm-pkg/connect_webview_events.js";
import { createApi, DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, WebhookVerificationError } from "./api.js";

initSync({ module: readFileSync(join(__dirname, "connect_webview_events_bg.wasm")) });

export const { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook } = createApi({
  validateBytes,
  validateBatchBytes,
  Verifier,
});
export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, WebhookVerificationError };
