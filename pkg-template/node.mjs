// `import` in Node: the same instance as `require`, so that an app mixing
// both has one DecodeError class and one WebAssembly module. Loaded with
// require rather than `import ... from "./node.cjs"`, which would make Node
// scan node.cjs for export names first (about 10 ms at every start).
import { createRequire } from "node:module";

const api = createRequire(import.meta.url)("./node.cjs");

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
  signatureHeaders,
  WebhookVerificationError,
  __forceTrapForTesting,
} = api;
