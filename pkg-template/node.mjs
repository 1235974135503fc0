// `import` in Node: the same instance as `require`, so that an app mixing
// both has one DecodeError class and one WebAssembly module.
import api from "./node.cjs";

export const {
  decode,
  safeDecode,
  decodeBatch,
  DecodeError,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_BATCH_BYTES,
  verify,
  sign,
  ConnectWebviewWebhook,
  WebhookVerificationError,
  __forceTrapForTesting,
} = api;
