// @ts-check
// verify, sign and ConnectWebviewWebhook: Standard Webhooks (Svix)
// signatures, checked in WebAssembly with RustCrypto, before decoding.
import {
  checkText,
  DecodeError,
  describe,
  describeOption,
  encoder,
  readBytes,
  optionField,
  optionsObject,
  readOptions,
  reportOf,
  thrownReason,
  tooLarge,
  utf8Bytes,
  validText,
  writeBytes,
  writeText,
} from "./decode.js";
import { withParts } from "./parts.js";

/**
 * @typedef {{ code: string, message: string }} VerifyFailure
 * @typedef {{ code: string, path: string, message: string }} Issue
 * @typedef {{
 *   verifyInput(length: number, slotLength: number, idLength: number, timestampLength: number, signatureLength: number, now: number, strict: boolean, inParts: boolean): number,
 *   sign(body: Uint8Array, id: string, timestamp: number): Uint8Array,
 *   free(): void,
 * }} WasmVerifier
 *   verifyInput returns `NOTHING_TO_REPORT` (decode.js) if the event is
 *   authentic and valid, else src/wasm.rs's `REPORTED`, and the instance's
 *   takeReport() has JSON text (decode.js, `reportOf`): a
 *   VerifyFailure object, or the issues (an array). With inParts, the
 *   body over maxBytes is given in parts (parts.js) and only authenticated. The constructor throws
 *   a VerifyFailure as JSON text. The header values' lengths are -1 for
 *   a header not there.
 * @typedef {import("./decode.js").Input & import("./decode.js").Reporter & {
 *   Verifier: new (secret: string, toleranceSeconds: number) => WasmVerifier,
 *   headerBuffer(slotLength: number): number,
 * }} Signer
 * @typedef {[string | undefined, string | undefined, string | undefined]} HeaderValues
 *   id, timestamp and signature, undefined for a header not there
 */

/** Default tolerance of the timestamp, either way: 5 minutes. */
const TOLERANCE_SECONDS = 300;

/** A webhook that cannot be trusted: bad or missing headers, signature or secret. */
export class WebhookVerificationError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = "WebhookVerificationError";
    /** @type {string} */
    this.code = code;
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** @param {VerifyFailure} failure */
function failed(failure) {
  return new WebhookVerificationError(failure.code, failure.message);
}

/**
 * The error for what verifyInput returned as JSON text: the issues of an
 * authentic but invalid event (an array), or why it cannot be trusted.
 * @param {string} outcome
 */
function verifyOutcomeError(outcome) {
  const parsed = JSON.parse(outcome);
  return Array.isArray(parsed) ? new DecodeError(parsed) : failed(parsed);
}

/**
 * The raw body as bytes: what was signed.
 * @param {unknown} payload
 */
function bodyBytes(payload) {
  if (typeof payload === "string") return utf8Bytes(payload);
  let bytes;
  try {
    bytes = readBytes(payload);
  } catch (error) {
    // Not a DecodeError, which would say that the request is authentic.
    throw new TypeError(`payload: expected the raw body as a string or a Uint8Array that can be read, but reading it threw: ${thrownReason(error)}`);
  }
  if (bytes !== undefined) return bytes;
  throw new TypeError(
    `payload: expected the raw body as a string or a Uint8Array, found ${describe(payload)}; the signature is over the raw bytes, not a parsed object`,
  );
}

/**
 * The lowercase names of each signature header, Svix's before Standard
 * Webhooks': the names Node gives in `req.headers`. The package's one rule
 * for which header is read, as Rust's `WebhookHeaders::from_pairs` states it
 * (both tested against tests/fixtures/signature_headers.json): for each
 * field, the `svix-` header, else the `webhook-` one; names in any case; of
 * several spellings of one name, the lowercase one, else the first; a header
 * with an empty value is not there (as svix has it).
 */
const NAMES = [
  ["svix-id", "webhook-id"],
  ["svix-timestamp", "webhook-timestamp"],
  ["svix-signature", "webhook-signature"],
];

/** A lowercase signature header name: its field (0 id, 1 timestamp, 2 signature) and 3 more for `webhook-`. */
const FIELD_OF = new Map(NAMES.flatMap(([svix, webhook], field) => [[svix, field], [webhook, field + 3]]));

/**
 * The field of a signature header `name` in any case (as `FIELD_OF`), or -1.
 * Its length and first letter rule out nearly every other header at once.
 * @param {string} name
 */
function fieldOf(name) {
  const length = name.length;
  if (length < 7 || length > 17) return -1; // svix-id .. webhook-signature
  // Then the first letter, s or w in either case, before any lowercasing.
  const first = name.charCodeAt(0) | 0x20;
  if (first !== 0x73 && first !== 0x77) return -1;
  return FIELD_OF.get(name) ?? FIELD_OF.get(name.toLowerCase()) ?? -1;
}

/**
 * A header's value as text: an array is joined with spaces (as several
 * signatures are). A value that is not text, or empty text, is treated as
 * absent. Text is taken as it is: one with a line break cannot come from
 * HTTP, but it is what `sign` was given, and svix reads it the same way.
 * @param {unknown} value
 */
function headerText(value) {
  // Text first: a header is almost always one string.
  if (typeof value === "string") return value !== "" ? value : undefined;
  if (!Array.isArray(value)) return undefined;
  const text = value.filter((v) => typeof v === "string" && v !== "").join(" ");
  return text !== "" ? text : undefined;
}

/**
 * The value of the own property `name`, as `headerText`.
 * @param {Record<string, unknown>} headers @param {string} name
 */
function ownHeader(headers, name) {
  const value = headers[name];
  // hasOwnProperty, not Object.hasOwn: that is Firefox 92, after the
  // Firefox 89 the package supports (scripts/engines.mjs).
  if (value === undefined || !Object.prototype.hasOwnProperty.call(headers, name)) return undefined;
  return headerText(value);
}

/**
 * The signature headers' values: id, timestamp and signature, by the rule of
 * `NAMES`. Takes a Fetch `Headers`, a `Map`, or a plain object such as Node's
 * `req.headers`, whose values may be arrays. The lowercase `svix-` names are
 * read first, directly: when all three are there (as Svix sends them, and
 * Node and Fetch name them) no other name is looked at. Otherwise every name
 * is, for a `svix-` header in another spelling, which comes before any
 * `webhook-` one.
 * @param {unknown} headers
 */
function signatureValues(headers) {
  if (typeof headers !== "object" || headers === null) {
    const message = `missing headers: expected a Headers object or a plain object, found ${describe(headers)}`;
    throw new WebhookVerificationError("missing_header", message);
  }
  const any = /** @type {any} */ (headers);
  const mapLike = typeof any.forEach === "function" && typeof any.get === "function";
  /** A header by its exact (lowercase) name. @param {string} name */
  const exact = (name) => (mapLike ? headerText(any.get(name) ?? undefined) : ownHeader(any, name));
  // NAMES, spelled out: a map over it measured a few percent slower per verify (near the noise).
  /** @type {HeaderValues} */
  const values = [exact("svix-id"), exact("svix-timestamp"), exact("svix-signature")];
  if (values[0] !== undefined && values[1] !== undefined && values[2] !== undefined) return values;
  /** @type {(string | undefined)[]} svix-id .. webhook-signature: the webhook- ones by their lowercase names first */
  const found = [undefined, undefined, undefined, exact("webhook-id"), exact("webhook-timestamp"), exact("webhook-signature")];
  if (mapLike) {
    // Fetch Headers and Map both call back with (value, name).
    any.forEach((/** @type {unknown} */ value, /** @type {unknown} */ name) => {
      const field = typeof name === "string" ? fieldOf(name) : -1;
      if (field >= 0 && found[field] === undefined) found[field] = headerText(value);
    });
  } else {
    const names = Object.keys(any);
    for (let i = 0; i < names.length; i++) {
      const field = fieldOf(names[i]);
      if (field >= 0 && found[field] === undefined) found[field] = headerText(any[names[i]]);
    }
  }
  for (let field = 0; field < 3; field++) values[field] ??= found[field] ?? found[field + 3];
  return values;
}

/**
 * `signatureValues`, for verify: headers that throw when read (a getter, a
 * revoked Proxy) are a programming error, a TypeError, as bad options are.
 * @param {unknown} headers
 */
function readHeaders(headers) {
  try {
    return signatureValues(headers);
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw error;
    throw new TypeError(`headers: expected headers that can be read, but reading them threw: ${thrownReason(error)}`);
  }
}

/**
 * The three signature header values that {@link verify} reads, by the one
 * rule of the package (`NAMES`): `svix-*` before `webhook-*`, names in any
 * case, an array joined with spaces, an empty value absent. The command-line tool and the demo page
 * show what was verified through this, so that they cannot disagree with it.
 * @param {unknown} headers as for verify
 */
export function signatureHeaders(headers) {
  const [id, timestamp, signature] = signatureValues(headers);
  return { id, timestamp, signature };
}

/** The instance whose header buffer `slots` show, and their size in bytes. */
let slotsOwner = /** @type {Signer | undefined} */ (undefined);
let slotLength = 0;
let slots = [new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)];

/**
 * Views of the three slots of the wasm header buffer, each of `slotLength`
 * bytes, at least `length`. Kept from call to call, as the input buffer's view
 * (see `inputRoom`): asked for again only when too small, detached by a
 * growth of wasm memory (length 0), or of another instance.
 * @param {Signer} wasm @param {number} length
 */
function headerSlots(wasm, length) {
  if (wasm !== slotsOwner || slots[0].length < Math.max(length, 1)) {
    const size = Math.max(length, 256);
    const at = wasm.headerBuffer(size);
    const { buffer } = wasm.memory;
    slots = [0, 1, 2].map((k) => new Uint8Array(buffer, at + k * size, size));
    slotsOwner = wasm;
    slotLength = size;
  }
  return slots;
}

/**
 * Writes a header value into its slot as UTF-8: its length in bytes, or -1
 * for a header not there.
 * @param {Uint8Array} slot @param {string | undefined} value
 */
function writeHeader(slot, value) {
  return value === undefined ? -1 : encoder.encodeInto(value, slot).written;
}

/** The options verify reads, in the order readVerifyOptions reads them. */
const VERIFY_OPTIONS = /** @type {const} */ (["strict", "maxBytes", "toleranceSeconds", "now"]);

/** Absent options, read without making an object per call. */
const NO_OPTIONS = Object.freeze({});

/**
 * Reads `{ toleranceSeconds, now, strict, maxBytes }`.
 * @param {unknown} options
 */
function readVerifyOptions(options) {
  const { strict, maxBytes } = readOptions(options);
  const given = options ?? NO_OPTIONS;
  const toleranceSeconds = optionField(given, "toleranceSeconds", TOLERANCE_SECONDS);
  const now = optionField(given, "now", undefined);
  // Any non-negative number, as the spec has it; `Infinity` skips the check.
  if (typeof toleranceSeconds !== "number" || !(toleranceSeconds >= 0)) {
    throw new TypeError(`options.toleranceSeconds: expected a non-negative number, found ${describeOption(toleranceSeconds)}`);
  }
  const time = now === undefined ? Date.now() : timeOf(now);
  if (!Number.isFinite(time)) throw new TypeError(`options.now: expected a valid Date, found ${describeOption(now)}`);
  // Whole seconds, as svix compares them: a timestamp and the current second
  // are whole, so 1.5 allows what 1 does.
  return { strict, maxBytes, toleranceSeconds: Math.floor(toleranceSeconds), nowSeconds: Math.floor(time / 1000) };
}

/**
 * The time of a Date, from its internal slot (so a Date of another realm is
 * one, and an object posing as a Date is not), or NaN for anything else.
 * @param {unknown} value
 */
function timeOf(value) {
  try {
    return dateTime.call(value);
  } catch {
    return NaN;
  }
}

const dateTime = Date.prototype.getTime;

/** @param {unknown} secret */
function readSecret(secret) {
  if (typeof secret !== "string") {
    throw new WebhookVerificationError("invalid_secret", `expected the secret as a whsec_ string, found ${describe(secret)}`);
  }
  return secret;
}

/** A message ID like Svix's: msg_ and 32 hex digits. */
function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `msg_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Parsed secrets kept for reuse, by tolerance and secret. */
const MAX_VERIFIERS = 16;

/**
 * verify, sign and ConnectWebviewWebhook over the wasm instance.
 * @param {{
 *   call<R>(fn: (wasm: Signer) => R): R,
 *   instance(): Signer,
 *   failure(error: unknown): unknown,
 *   readonly generation: number,
 * }} runtime
 */
export function createWebhook(runtime) {
  /** @type {Map<string, WasmVerifier>} Verifiers of the current instance. */
  const verifiers = new Map();
  let verifiersGeneration = runtime.generation;
  /** @type {{ secret: string, toleranceSeconds: number, verifier: WasmVerifier } | undefined} The last one used. */
  let last;

  /**
   * The wasm verifier for `secret`: parsed once, then reused.
   * @param {unknown} secret @param {number} toleranceSeconds
   */
  function verifierFor(secret, toleranceSeconds) {
    if (verifiersGeneration !== runtime.generation) {
      // They belong to an instance that trapped and was replaced.
      verifiers.clear();
      last = undefined;
      verifiersGeneration = runtime.generation;
    }
    // Most apps have one secret: skip building the key and the map lookup.
    if (last !== undefined && last.secret === secret && last.toleranceSeconds === toleranceSeconds) return last.verifier;
    const key = `${toleranceSeconds}:${readSecret(secret)}`;
    let verifier = verifiers.get(key);
    if (verifier === undefined) {
      const made = runtime.call((wasm) => {
        try {
          return new wasm.Verifier(/** @type {string} */ (secret), toleranceSeconds);
        } catch (failure) {
          if (failure instanceof WebAssembly.RuntimeError) throw failure;
          return failed(JSON.parse(/** @type {string} */ (failure)));
        }
      });
      if (made instanceof WebhookVerificationError) throw made;
      verifier = made;
      if (verifiers.size >= MAX_VERIFIERS) {
        const [oldest, stale] = verifiers.entries().next().value;
        verifiers.delete(oldest);
        stale.free();
      }
      verifiers.set(key, verifier);
    }
    last = { secret: /** @type {string} */ (secret), toleranceSeconds, verifier };
    return verifier;
  }

  /**
   * Authenticates a webhook, then decodes it, in one call into wasm.
   * @param {unknown} payload @param {unknown} headers @param {unknown} secret @param {unknown} [options]
   */
  function verify(payload, headers, secret, options) {
    const { strict, maxBytes, toleranceSeconds, nowSeconds } = readVerifyOptions(options);
    const verifier = verifierFor(secret, toleranceSeconds);
    const values = readHeaders(headers);
    const text = typeof payload === "string" ? payload : undefined;
    const body = text === undefined ? bodyBytes(payload) : undefined;
    // UTF-8 never takes fewer bytes than a string has UTF-16 code units.
    let length = (text ?? /** @type {Uint8Array} */ (body)).length;
    let outcome;
    try {
      const wasm = runtime.instance();
      // A body over maxBytes is not copied in whole: see below.
      if (length <= maxBytes) length = text === undefined ? writeBytes(wasm, /** @type {Uint8Array} */ (body)) : writeText(wasm, text, maxBytes);
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      const slots = headerSlots(wasm, Math.max(values[0]?.length ?? 0, values[1]?.length ?? 0, values[2]?.length ?? 0) * 3);
      const idLength = writeHeader(slots[0], values[0]);
      const timestampLength = writeHeader(slots[1], values[1]);
      const signatureLength = writeHeader(slots[2], values[2]);
      if (length < 0 || length > maxBytes) {
        // Authenticated in parts, so that a forged body is a
        // WebhookVerificationError as any other, then refused undecoded.
        const bytes = body ?? utf8Bytes(/** @type {string} */ (text));
        const status = withParts(bytes, wasm.memory, () =>
          verifier.verifyInput(0, slotLength, idLength, timestampLength, signatureLength, nowSeconds, strict, true),
        );
        outcome = reportOf(wasm, status);
        if (outcome === undefined) throw tooLarge(maxBytes, bytes.length);
      } else {
        outcome = reportOf(wasm, verifier.verifyInput(length, slotLength, idLength, timestampLength, signatureLength, nowSeconds, strict, false));
      }
    } catch (error) {
      throw runtime.failure(error);
    }
    const error = outcome === undefined ? undefined : verifyOutcomeError(outcome);
    // Authentic (valid or not), but a string with a lone surrogate has no
    // UTF-8 form: decode refuses it with that one issue, and so does this,
    // whatever the check found in the bytes that stood in for it (U+FFFD).
    if (text !== undefined && !(error instanceof WebhookVerificationError)) checkText(text, maxBytes);
    if (error !== undefined) throw error;
    return JSON.parse(text ?? validText(/** @type {Uint8Array} */ (body)));
  }

  /**
   * Signs a body: the three `webhook-*` headers a sender would add.
   * @param {{ payload: unknown, secret: unknown, id?: unknown, timestamp?: unknown }} args
   */
  function sign(args) {
    if (typeof args !== "object" || args === null) {
      throw new TypeError(`sign: expected { payload, secret, id?, timestamp? }, found ${describe(args)}`);
    }
    const { payload, secret, id = randomId(), timestamp = new Date() } = args;
    if (typeof id !== "string" || id === "") throw new TypeError(`id: expected a non-empty string, found ${describeOption(id)}`);
    const seconds = typeof timestamp === "object" && timestamp !== null ? Math.floor(timeOf(timestamp) / 1000) : timestamp;
    if (typeof seconds !== "number" || !Number.isSafeInteger(seconds) || seconds < 0) {
      // verify reads a timestamp header of digits only: one before 1970 would never verify.
      const found = seconds < 0 && typeof timestamp === "object" ? new Date(timeOf(timestamp)).toISOString() : describeOption(timestamp);
      throw new TypeError(`timestamp: expected a Date or integer Unix seconds, not before 1970, found ${found}`);
    }
    const verifier = verifierFor(secret, TOLERANCE_SECONDS);
    const bytes = bodyBytes(payload);
    const mac = runtime.call(() => verifier.sign(bytes, id, seconds));
    const signature = `v1,${btoa(String.fromCharCode(...mac))}`;
    return { "webhook-id": id, "webhook-timestamp": String(seconds), "webhook-signature": signature };
  }

  /**
   * The options verify reads, each read once, the unset ones left out:
   * undefined when none is set. Anything but an options object is a
   * TypeError, as from verify.
   * @param {unknown} options
   */
  function pick(options) {
    const given = optionsObject(options);
    if (given === undefined) return undefined;
    /** @type {Record<string, unknown> | undefined} */
    let picked;
    for (const name of VERIFY_OPTIONS) {
      const value = optionField(given, name, undefined);
      if (value !== undefined) (picked ??= {})[name] = value;
    }
    return picked;
  }

  /** Shaped like `SeamWebhook` from `@seamapi/webhook`: switching is one line. */
  class ConnectWebviewWebhook {
    /** @type {string} */
    #secret;
    /** @type {Record<string, unknown> | undefined} The constructor's options, as read then. */
    #options;

    /** @param {unknown} secret @param {unknown} [options] */
    constructor(secret, options) {
      const own = pick(options);
      const { toleranceSeconds } = readVerifyOptions(own);
      // The Date's time, read now (a valid Date, or readVerifyOptions threw):
      // its owner may change the Date later.
      if (own?.now !== undefined) own.now = new Date(timeOf(own.now));
      verifierFor(secret, toleranceSeconds);
      this.#secret = /** @type {string} */ (secret);
      this.#options = own;
    }

    /**
     * As `verify(payload, headers, secret, options)`, with the secret and the
     * options given to the constructor; `options` here are taken over those,
     * one by one (`{ now }` replays a logged webhook, at the constructor's
     * tolerance).
     * @param {unknown} payload @param {unknown} headers @param {unknown} [options]
     */
    verify(payload, headers, options) {
      // An option set to undefined is not set, as for verify: the constructor's holds.
      const own = pick(options);
      return verify(payload, headers, this.#secret, own === undefined ? this.#options : { ...this.#options, ...own });
    }
  }

  return { verify, sign, ConnectWebviewWebhook };
}
