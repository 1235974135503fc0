/**
 * Decode, validate and authenticate Seam webhook events.
 *
 * ```ts
 * import { decode } from "connect-webview-events";
 *
 * const event = decode(body); // a SeamEvent; throws DecodeError, with every issue
 * if (event.event_type === "connect_webview.login_succeeded") {
 *   event.connected_account_id; // string
 * }
 * ```
 * @packageDocumentation
 */

// The event types, generated from the catalogue by `make catalogue`
// (scripts/catalogue/typescript.mjs): an interface per event type
// (`DeviceConnectedEvent`, `ConnectWebviewLoginSucceededEvent`, ...),
// `SeamEvent`, the union of all of them, and `SeamEventType`; a union per
// family (`ConnectWebviewEvent`, `LockEvent`, ...) with its `...EventType`;
// and the aliases they use (`Uuid`, `DateTime`, `Url`, `CustomMetadata`).
// events.d.ts declares types only, so the CommonJS index.d.cts (a copy of
// this file) re-exports the same file.
import type { SeamEvent } from "./events.js";
export * from "./events.js";

/** What kind of problem an {@link Issue} reports. */
export type IssueCode =
  /** The payload is not a string, Uint8Array, ArrayBuffer or plain JSON object. */
  | "invalid_input"
  /** The payload is longer than `maxBytes`. */
  | "payload_too_large"
  /** Bytes that are not UTF-8, or a string with a lone surrogate in it (an escaped one, `"\ud800"` in JSON text, is `invalid_json`). */
  | "invalid_utf8"
  /** Not JSON text; `line` and `column` say where. */
  | "invalid_json"
  /** The same key twice in one object. */
  | "duplicate_field"
  /** A value of the wrong JSON type, or a root that is not an object. */
  | "invalid_type"
  /** A required field is absent. */
  | "missing_field"
  /** Not a UUID in canonical hyphenated form. */
  | "invalid_uuid"
  /** Not a date-time `YYYY-MM-DDTHH:MM[:SS[.fraction]]Z` (`2025-01-01T00:00:00.000Z`) of a real day and time. */
  | "invalid_datetime"
  /** A string that is not one of the values its enum allows; the message lists them. */
  | "invalid_enum"
  /** A number below its minimum or above its maximum (inclusive bounds). */
  | "out_of_range"
  /** A string that the WHATWG URL parser refuses (`new URL(value)` throws). */
  | "invalid_url"
  /** `event_type` is a string but not an event type of the catalogue (a type newer than this version). */
  | "unknown_event_type"
  /** A field outside the schema; reported only with `strict: true`. */
  | "unknown_field"
  /**
   * The decoder failed inside WebAssembly (a trap) and was replaced by a fresh
   * instance; the input was not decoded. No input is known to cause it.
   */
  | "internal_error";

/** One problem with a payload. */
export interface Issue {
  /** What kind of problem this is. */
  code: IssueCode;
  /**
   * JSON Pointer (RFC 6901) to the value: `""` for the root,
   * `"/connected_account_id"`, `"/connected_account_custom_metadata/vip"`.
   */
  path: string;
  /** One sentence naming what was expected and what was found. */
  message: string;
  /** 1-based line, for `invalid_json` and `invalid_utf8`. */
  line?: number;
  /** 1-based column, for `invalid_json` and `invalid_utf8`. */
  column?: number;
}

/** Options of {@link decode} and {@link safeDecode}. */
export interface DecodeOptions {
  /** Report fields outside the schema as `unknown_field`. Default `false`: keep them. */
  strict?: boolean;
  /**
   * Refuse payloads longer than this many UTF-8 bytes. Default 1048576
   * (1 MiB). `Infinity`, or more than 2147483647 (2^31 - 1, the most one call
   * copies into WebAssembly), is 2147483647.
   */
  maxBytes?: number;
}

/**
 * A payload: JSON text, its UTF-8 bytes (a Node `Buffer` is a `Uint8Array`;
 * an `ArrayBuffer` from `await request.arrayBuffer()` works too), or an
 * already parsed plain object.
 */
export type DecodePayload = string | Uint8Array | ArrayBuffer | Record<string, unknown>;

/** The default `maxBytes`: 1048576 (1 MiB). */
export declare const DEFAULT_MAX_BYTES: number;

/** The default `maxBatchBytes` of {@link decodeBatch}: 268435456 (256 MiB). */
export declare const DEFAULT_MAX_BATCH_BYTES: number;

/**
 * Everything that is wrong with a payload. `issues` holds every problem
 * found, not only the first; `message` summarises them.
 */
export declare class DecodeError extends Error {
  readonly name: "DecodeError";
  /** Every issue found, at least one, in the order found. */
  readonly issues: Issue[];
  constructor(issues: Issue[]);
  /** `{ name, message, issues }`, so that `JSON.stringify(error)` keeps the issues. */
  toJSON(): { name: "DecodeError"; message: string; issues: Issue[] };
}

/**
 * Decodes and validates one event.
 *
 * Returns a plain object equal to `JSON.parse` of the payload: snake_case
 * keys, strings as sent, unknown fields kept.
 *
 * @throws {DecodeError} for every way the payload can be wrong, and nothing
 * else. A malformed `options` object throws `TypeError`.
 *
 * @example
 * ```ts
 * const event = decode(rawBody);
 * switch (event.event_type) {
 *   case "connect_webview.login_succeeded": return link(event.connected_account_id);
 *   case "connect_webview.login_failed": return retry(event.connect_webview_id);
 * }
 * ```
 */
export declare function decode(payload: DecodePayload, options?: DecodeOptions): SeamEvent;

/** The result of {@link safeDecode}, shaped like zod's `safeParse`. */
export type SafeDecodeResult =
  | { success: true; data: SeamEvent; error?: undefined }
  | { success: false; data?: undefined; error: DecodeError };

/**
 * {@link decode} that returns its failure instead of throwing: never throws
 * for any payload.
 *
 * @example
 * ```ts
 * const result = safeDecode(text);
 * if (!result.success) console.table(result.error.issues);
 * ```
 */
export declare function safeDecode(payload: DecodePayload, options?: DecodeOptions): SafeDecodeResult;

/** Why a webhook cannot be trusted. */
export type WebhookVerificationErrorCode =
  /** `webhook-id`/`svix-id`, `-timestamp` or `-signature` is absent, or `headers` is not an object. */
  | "missing_header"
  /** The timestamp header is not integer Unix seconds. */
  | "invalid_timestamp"
  /** The timestamp is more than `toleranceSeconds` in the past. */
  | "timestamp_too_old"
  /** The timestamp is more than `toleranceSeconds` in the future. */
  | "timestamp_too_new"
  /** No `v1` signature in the header matches the body. */
  | "invalid_signature"
  /** The secret is not `whsec_` followed by base64 (bare base64 works too). */
  | "invalid_secret";

/** A webhook that cannot be trusted. The body was not decoded. */
export declare class WebhookVerificationError extends Error {
  readonly name: "WebhookVerificationError";
  readonly code: WebhookVerificationErrorCode;
  constructor(code: WebhookVerificationErrorCode, message: string);
  toJSON(): { name: "WebhookVerificationError"; code: WebhookVerificationErrorCode; message: string };
}

/** Options of {@link verify}: the timestamp check, then those of {@link decode}. */
export interface VerifyOptions extends DecodeOptions {
  /**
   * How far the timestamp may be from now, either way, in seconds: any
   * non-negative number, compared in whole seconds as svix does (`1.5`
   * allows what `1` does), `Infinity` to skip the check (replaying old
   * deliveries). Default 300.
   */
  toleranceSeconds?: number;
  /** The time to check the timestamp against. Default: the current time. */
  now?: Date;
}

/**
 * Request headers: a Fetch `Headers`, a `Map`, or a plain object such as
 * Node's `req.headers` (names in any case; a value may be an array).
 * `svix-*` is read before `webhook-*`; in a plain object, the lowercase names
 * Node gives are read before any other spelling.
 */
export type WebhookHeaders = Headers | Map<string, string> | Record<string, string | string[] | undefined>;

/** The three signature header values {@link verify} reads; `undefined` for a header not there. */
export interface SignatureHeaderValues {
  /** `svix-id`, else `webhook-id`: the message ID. */
  id: string | undefined;
  /** `svix-timestamp`, else `webhook-timestamp`: Unix seconds, as sent. */
  timestamp: string | undefined;
  /** `svix-signature`, else `webhook-signature`: space-separated `v1,<base64>`. */
  signature: string | undefined;
}

/**
 * The signature header values that {@link verify} reads from `headers`, by
 * its rule: `svix-*` before `webhook-*`, names in any case, an array joined
 * with spaces. For showing what was verified (message ID, time) without
 * reading the headers another way.
 *
 * @example
 * ```ts
 * signatureHeaders({ "webhook-id": "msg_1", "svix-id": "msg_2" }).id; // "msg_2"
 * ```
 * @throws {WebhookVerificationError} with code `missing_header` when `headers` is not an object.
 */
export declare function signatureHeaders(headers: WebhookHeaders): SignatureHeaderValues;

/**
 * Authenticates a webhook (Standard Webhooks / Svix signature over the raw
 * body), then decodes it.
 *
 * @param payload the raw request body, exactly as received.
 * @param secret `whsec_...` as shown in the webhook settings.
 * @throws {WebhookVerificationError} when the request cannot be trusted.
 * @throws {DecodeError} when it can, but the event is not valid (or, as
 *   `payload_too_large`, is over `maxBytes`: authenticated, not decoded).
 * @throws {TypeError} for bad options, or a payload that is not a body (a
 *   parsed object: the signature is over the raw bytes). Headers that are
 *   not an object are a `WebhookVerificationError`, `missing_header`.
 *
 * @example
 * ```ts
 * // Next.js route or Cloudflare Worker
 * const event = verify(await request.text(), request.headers, env.SEAM_WEBHOOK_SECRET);
 * ```
 */
export declare function verify(
  payload: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secret: string,
  options?: VerifyOptions,
): SeamEvent;

/** Arguments of {@link sign}. */
export interface SignArgs {
  /** The body to sign, exactly as it will be sent. */
  payload: string | Uint8Array | ArrayBuffer;
  /** `whsec_...`. */
  secret: string;
  /** Message ID. Default: `msg_` and 32 random hex digits. */
  id?: string;
  /** Signing time, a Date or integer Unix seconds. Default: now. */
  timestamp?: Date | number;
}

/**
 * The headers {@link sign} returns. A type, not an interface, so that it is
 * {@link WebhookHeaders} and `HeadersInit` as it is: it goes straight to
 * {@link verify} or `fetch`.
 */
export type SignedHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * Signs a body as Seam (through Svix) would: for your own tests.
 *
 * @example
 * ```ts
 * const headers = sign({ payload: body, secret });
 * await fetch("http://127.0.0.1:3000/webhooks/seam", { method: "POST", body, headers });
 * ```
 */
export declare function sign(args: SignArgs): SignedHeaders;

/**
 * Shaped like `SeamWebhook` from `@seamapi/webhook`, so that switching is one
 * line; `verify` also validates the event.
 *
 * @example
 * ```ts
 * const webhook = new ConnectWebviewWebhook(process.env.SEAM_WEBHOOK_SECRET!);
 * const event = webhook.verify(rawBody, req.headers);
 * ```
 */
export declare class ConnectWebviewWebhook {
  /** @throws {WebhookVerificationError} with code `invalid_secret` for a malformed secret. */
  constructor(secret: string, options?: VerifyOptions);
  /**
   * {@link verify} with this webhook's secret. `options` are taken over the
   * constructor's, one by one: `{ now }` replays a logged webhook.
   */
  verify(payload: string | Uint8Array | ArrayBuffer, headers: WebhookHeaders, options?: VerifyOptions): SeamEvent;
}

/** Options of {@link decodeBatch}. */
export interface DecodeBatchOptions extends DecodeOptions {
  /** `maxBytes` is per event. Refuse a whole input longer than this many bytes. Default 256 MiB. */
  maxBatchBytes?: number;
}

/** One event of a batch: a {@link SafeDecodeResult} with where it was. */
export type BatchResult = SafeDecodeResult & {
  /** 0-based position among the events (blank NDJSON lines do not count). */
  index: number;
  /** 1-based line of the input where the event starts. */
  line: number;
};

/**
 * Decodes many events at once: NDJSON (one event per line, blank lines
 * skipped) or a JSON array (when the first non-blank character is `[`, unless
 * the first line is a whole JSON value and more lines follow: then that line
 * is NDJSON's first, and its result says it is not an event), as a string or
 * bytes, validated in one call into WebAssembly. One result per
 * event, in order; a bad event does not stop the others. Issue `line` and
 * `column` are those of the whole input.
 *
 * @throws {DecodeError} only when the input as a whole cannot be read: not a
 * string or bytes, over `maxBatchBytes`, not UTF-8, or a JSON array that does
 * not parse. An element nested deeper than 128 levels, like any other bad
 * element, is that element's `invalid_json` result, not the batch's.
 *
 * @example
 * ```ts
 * for (const result of decodeBatch(readFileSync("webhooks.ndjson"))) {
 *   if (!result.success) console.log(result.line, result.error.issues);
 * }
 * ```
 */
export declare function decodeBatch(input: string | Uint8Array | ArrayBuffer, options?: DecodeBatchOptions): BatchResult[];
