// @ts-check
// The public JavaScript API over one WebAssembly instance, shared by every
// entry (Node, browsers, edge).
import { createBatch, DEFAULT_MAX_BATCH_BYTES } from "./batch.js";
import { createDecode, DecodeError, DEFAULT_MAX_BYTES } from "./decode.js";
import { createWebhook, WebhookVerificationError } from "./webhook.js";

/** @param {import("./decode.js").Validator & import("./webhook.js").Signer & import("./batch.js").BatchValidator} wasm */
export function createApi(wasm) {
  const { decode, safeDecode } = createDecode(wasm);
  const { verify, sign, ConnectWebviewWebhook } = createWebhook(wasm);
  const { decodeBatch } = createBatch(wasm);
  return { decode, safeDecode, decodeBatch, verify, sign, ConnectWebviewWebhook };
}

export { DecodeError, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BYTES, WebhookVerificationError };
