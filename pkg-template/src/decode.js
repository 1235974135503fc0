// @ts-check
// decode and safeDecode over the WebAssembly validator. This side does what
// only JavaScript can: accept strings, bytes and plain objects, enforce
// `maxBytes` before anything is copied into wasm, and build the result with
// the engine's own `JSON.parse` once the payload is known to be valid.

/** The default byte limit, as in the Rust crate. */
export const DEFAULT_MAX_BYTES = 1048576;

/** Nesting limit for plain-object payloads, the same as the JSON parser's. */
const MAX_DEPTH = 128;

/** At most this many issues are reported for a plain-object payload. */
const MAX_INPUT_ISSUES = 100;

/**
 * @typedef {{ code: string, path: string, message: string, line?: number, column?: number }} Issue
 * @typedef {{ memory: WebAssembly.Memory, inputBuffer(length: number): number }} Input
 *   The wasm instance's input buffer (src/wasm.rs): where payloads are written.
 * @typedef {{ takeReport(): string }} Reporter
 *   What a call that did not return `NOTHING_TO_REPORT` had to say, as JSON
 *   text (see `reportOf`).
 * @typedef {Input & Reporter & { validateInput(length: number, strict: boolean): number }} Validator
 *   The issues come as JSON text (one string to cross the boundary, not one per field).
 */

/** Every way a payload can be wrong, with every issue found. */
export class DecodeError extends Error {
  /** @param {Issue[]} issues */
  constructor(issues) {
    super(summarize(issues));
    this.name = "DecodeError";
    /** @type {Issue[]} */
    this.issues = issues;
  }

  /** `JSON.stringify(error)` keeps the issues (an Error alone gives `{}`). */
  toJSON() {
    return { name: this.name, message: this.message, issues: this.issues };
  }
}

/** @param {Issue[]} issues */
function summarize(issues) {
  const [first] = issues;
  if (!first) return "invalid Seam event";
  const where = first.path === "" ? "(root)" : first.path;
  const more = issues.length - 1;
  const rest = more === 0 ? "" : `, and ${more} more issue${more === 1 ? "" : "s"}`;
  return `invalid Seam event: ${where}: ${first.message} (${first.code})${rest}`;
}

/**
 * @param {string} code
 * @param {string} path
 * @param {string} message
 * @returns {Issue}
 */
function issue(code, path, message) {
  return { code, path, message };
}

/** The options when none are given (frozen: it is shared). */
const DEFAULT_OPTIONS = Object.freeze({ strict: false, maxBytes: DEFAULT_MAX_BYTES });

/**
 * The most bytes one call takes into wasm, whatever `maxBytes` says: a buffer
 * of the wasm32 Rust core holds at most 2^31 - 1 bytes (isize::MAX).
 */
export const MAX_INPUT_BYTES = 2 ** 31 - 1;

/**
 * Reads `{ strict, maxBytes }`. A malformed options object is a programming
 * error, not bad input, so it throws `TypeError`: not an object, an array, a
 * value of the wrong type, or a getter or Proxy that throws when read.
 * `maxBytes` above `MAX_INPUT_BYTES` (Infinity too) is `MAX_INPUT_BYTES`.
 * @param {unknown} options
 */
export function readOptions(options) {
  if (optionsObject(options) === undefined) return DEFAULT_OPTIONS;
  const strict = optionField(options, "strict", false);
  const maxBytes = optionField(options, "maxBytes", DEFAULT_MAX_BYTES);
  if (typeof strict !== "boolean") throw new TypeError(`options.strict: expected a boolean, found ${describeOption(strict)}`);
  return { strict, maxBytes: Math.min(byteCount(maxBytes, "maxBytes"), MAX_INPUT_BYTES) };
}

/**
 * `options` if it is an options object, undefined for none (undefined or
 * null); anything else (not an object, an array) is a TypeError, and so is
 * a revoked Proxy.
 * @param {unknown} options @returns {object | undefined}
 */
export function optionsObject(options) {
  if (options === undefined || options === null) return undefined;
  let array;
  try {
    array = Array.isArray(options);
  } catch (error) {
    throw new TypeError(`options: expected an object that can be read, but reading it threw: ${thrownReason(error)}`);
  }
  if (typeof options !== "object" || array) throw new TypeError(`options: expected an object, found ${describe(options)}`);
  return options;
}

/**
 * `options[name]`, read once, or `fallback` when it is undefined. Reading
 * that throws is a TypeError naming the option.
 * @param {object} options @param {string} name @param {unknown} fallback
 */
export function optionField(options, name, fallback) {
  try {
    const value = /** @type {Record<string, unknown>} */ (options)[name];
    return value === undefined ? fallback : value;
  } catch (error) {
    throw new TypeError(`options.${name}: expected a value, but reading it threw: ${thrownReason(error)}`);
  }
}

/**
 * A byte limit option: a non-negative integer or Infinity.
 * @param {unknown} value @param {string} name
 */
export function byteCount(value, name) {
  if (typeof value !== "number" || !(value >= 0) || (!Number.isInteger(value) && value !== Infinity)) {
    throw new TypeError(`options.${name}: expected a non-negative integer, found ${describeOption(value)}`);
  }
  return value;
}

/**
 * An option's value, for a message: a number as itself (`found -1`,
 * `found 1.5`), which says more than "a number"; anything else as
 * `describe` says. Only for options: a payload or a secret is never shown.
 * @param {unknown} value
 */
export function describeOption(value) {
  return typeof value === "number" ? String(value) : describe(value);
}

/** "a string", "an object", "a Map object", "an Int8Array object", ...: for messages. @param {unknown} value */
export function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "undefined": return "undefined";
    case "string": return "a string";
    case "number": return Number.isFinite(value) ? "a number" : String(value);
    case "bigint": return "a bigint";
    case "boolean": return "a boolean";
    case "symbol": return "a symbol";
    case "function": return "a function";
  }
  try {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    const constructor = Object.getPrototypeOf(value)?.constructor?.name;
    const name = typeof constructor === "string" && constructor !== "" ? constructor : tag;
    if (name === "Object") return "an object";
    return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name} object`;
  } catch {
    return "an object that cannot be read";
  }
}

/** The engine's own readers of a typed array's kind and length, and of an ArrayBuffer's size: they read the value's internal slots, in any realm, so that a Proxy or `Symbol.toStringTag` cannot pass for bytes. */
const TypedArray = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayKind = /** @type {(this: unknown) => string | undefined} */ (Object.getOwnPropertyDescriptor(TypedArray, Symbol.toStringTag)?.get);
const typedArrayLength = /** @type {(this: unknown) => number} */ (Object.getOwnPropertyDescriptor(TypedArray, "length")?.get);
const arrayBufferSize = /** @type {(this: unknown) => number} */ (Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength")?.get);

/** @param {unknown} value */
export function isUint8Array(value) {
  // `instanceof` first: it is quick. Node's Buffer is a Uint8Array.
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && typedArrayKind.call(value) === "Uint8Array");
}

/** @param {unknown} value */
function isArrayBuffer(value) {
  if (value instanceof ArrayBuffer) return true;
  // The tag first, so that other objects are not thrown at; then the slot.
  if (Object.prototype.toString.call(value) !== "[object ArrayBuffer]") return false;
  try {
    arrayBufferSize.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * `payload` as a Uint8Array if it is bytes (a Uint8Array, such as Node's
 * Buffer, or an ArrayBuffer), else undefined. Throws what reading it threw,
 * for an object that cannot be read: a detached ArrayBuffer, a Proxy of a
 * Uint8Array, a revoked Proxy, a getter that throws.
 * @param {unknown} payload
 */
export function readBytes(payload) {
  if (typeof payload !== "object" || payload === null) return undefined;
  if (isUint8Array(payload)) {
    const bytes = /** @type {Uint8Array} */ (payload);
    // A subclass may say it has another length than it has: a copy does not.
    return typedArrayLength.call(bytes) === bytes.length ? bytes : new Uint8Array(bytes);
  }
  if (isArrayBuffer(payload)) return new Uint8Array(/** @type {ArrayBuffer} */ (payload));
  return undefined;
}

/**
 * `readBytes`, for a payload: one that cannot be read is `invalid_input`.
 * @param {unknown} payload
 */
export function asBytes(payload) {
  try {
    return readBytes(payload);
  } catch (error) {
    throw unreadable(error);
  }
}

/**
 * `invalid_input` for a payload that threw when read.
 * @param {unknown} error
 */
export function unreadable(error) {
  return new DecodeError([issue("invalid_input", "", `expected a readable payload, but reading it threw: ${thrownReason(error)}`)]);
}

/**
 * What a thrown value says, for a message: an Error's message, else its
 * text; never a throw of its own (a Symbol, a toString that throws).
 * @param {unknown} error
 */
export function thrownReason(error) {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "a value that cannot be shown";
  }
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * The text of UTF-8 bytes. A view of shared memory is copied first: the
 * TextDecoder of browsers refuses one.
 * @param {Uint8Array} bytes
 */
export function textOf(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return utf8.decode(bytes.slice());
  }
}

/**
 * A plain object: made by `{}`, `JSON.parse` or `Object.create(null)`, in this
 * realm or another. `Math`, `JSON`, class instances and the global object are
 * not (Bun's global object has `Object.prototype` as its prototype and calls
 * itself `[object Object]`).
 * @param {unknown} value @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || value === globalThis) return false;
  const proto = Object.getPrototypeOf(value);
  const plainProto = proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
  return plainProto && Object.prototype.toString.call(value) === "[object Object]";
}

/** JSON Pointer escaping of one key (RFC 6901). @param {string} key */
function escapeKey(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Checks that a parsed payload is plain JSON data: objects, arrays, strings,
 * finite numbers, booleans and null, at most 128 levels deep. A property whose
 * value is `undefined` counts as absent, as in `JSON.stringify`.
 * @param {unknown} value @param {string} path @param {number} depth @param {Issue[]} issues
 */
function checkJsonData(value, path, depth, issues) {
  if (issues.length >= MAX_INPUT_ISSUES) return;
  switch (typeof value) {
    case "string":
      if (hasLoneSurrogate(value)) issues.push(loneSurrogate(path, "string"));
      return;
    case "boolean":
      return;
    case "number":
      if (!Number.isFinite(value)) issues.push(issue("invalid_input", path, `expected a JSON value, found ${value}`));
      return;
    case "object": {
      if (value === null) return;
      if (depth >= MAX_DEPTH) {
        issues.push(issue("invalid_input", path, `expected at most ${MAX_DEPTH} levels of nesting, found more`));
        return;
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) checkJsonData(value[i], `${path}/${i}`, depth + 1, issues);
        return;
      }
      if (isPlainObject(value)) {
        for (const key of Object.keys(value)) {
          if (hasLoneSurrogate(key)) issues.push(loneSurrogate(`${path}/${escapeKey(key)}`, "key"));
          const member = value[key];
          if (member !== undefined) checkJsonData(member, `${path}/${escapeKey(key)}`, depth + 1, issues);
        }
        return;
      }
      issues.push(issue("invalid_input", path, `expected a JSON value, found ${describe(value)}`));
      return;
    }
    default:
      issues.push(issue("invalid_input", path, `expected a JSON value, found ${describe(value)}`));
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** isWellFormed is ES2024 (Node 20, Chrome 111, Firefox 119, Safari 16.4). */
// @ts-ignore
const HAS_IS_WELL_FORMED = typeof "".isWellFormed === "function";

/** Whether a string holds a lone surrogate, which has no UTF-8 form. @param {string} text */
function hasLoneSurrogate(text) {
  // @ts-ignore: the regular expression is the fallback for older engines.
  return HAS_IS_WELL_FORMED ? !text.isWellFormed() : LONE_SURROGATE.test(text);
}

/** @param {string} path @param {string} what */
function loneSurrogate(path, what) {
  return issue("invalid_utf8", path, `expected a ${what} with a UTF-8 form, found one with a lone surrogate`);
}

/** The index of the first lone surrogate in `text`, or -1. @param {string} text */
function loneSurrogateAt(text) {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else return i;
  }
  return -1;
}

/**
 * Line and column (1-based; the column counts characters, as in the Rust
 * core's issues, so a surrogate pair is one) of UTF-16 index `at`.
 * @param {string} text @param {number} at
 */
function position(text, at) {
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf("\n") + 1;
  let column = 1;
  for (const _ of before.slice(lineStart)) column++;
  return { line: before.split("\n").length, column };
}

/** @param {number} maxBytes @param {number | string} found */
export function tooLarge(maxBytes, found) {
  const most = maxBytes === MAX_INPUT_BYTES ? " (the most the decoder takes)" : "";
  return new DecodeError([issue("payload_too_large", "", `expected at most ${maxBytes} bytes${most}, found ${found}`)]);
}

/**
 * The text of valid UTF-8 bytes, for JSON.parse: bytes that make a longer
 * string than the engine makes (about 2^29 characters in V8) are
 * `payload_too_large`, not the engine's own Error.
 * @param {Uint8Array} bytes
 */
export function validText(bytes) {
  try {
    return textOf(bytes);
  } catch (error) {
    const reason = thrownReason(error);
    const message = `expected a payload this JavaScript engine can hold as one string, found ${bytes.length} bytes (${reason})`;
    throw new DecodeError([issue("payload_too_large", "", message)]);
  }
}

/**
 * Refuses a payload over `maxBytes` of UTF-8 before it goes anywhere near
 * wasm. A string longer than `maxBytes` code units is refused at once; a
 * shorter one is measured exactly when it is encoded (see `encodeText`).
 * @param {string | Uint8Array} payload @param {number} maxBytes
 */
export function checkSize(payload, maxBytes) {
  // A Uint8Array's length is its size in bytes; UTF-8 never takes fewer
  // bytes than a string has UTF-16 code units.
  const size = payload.length;
  if (size > maxBytes) throw tooLarge(maxBytes, typeof payload === "string" ? `at least ${size}` : size);
}

/**
 * The UTF-8 bytes of a string payload, checked: its size against `maxBytes`
 * (exactly, once encoded, and before wasm sees it) and its encoding (a lone
 * surrogate has no UTF-8 form: invalid_utf8 with its position).
 * @param {string} text @param {number} maxBytes
 */
export function encodeText(text, maxBytes) {
  checkText(text, maxBytes);
  const bytes = utf8Bytes(text);
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes, bytes.byteLength);
  return bytes;
}

/**
 * Checks a string payload's size and encoding without copying it.
 * @param {string} text @param {number} maxBytes
 */
export function checkText(text, maxBytes) {
  checkSize(text, maxBytes);
  if (!hasLoneSurrogate(text)) return;
  const at = loneSurrogateAt(text);
  const { line, column } = position(text, at);
  const unit = text.charCodeAt(at).toString(16);
  const message = `expected text that has a UTF-8 form, found a lone surrogate \\u${unit} at index ${at} (line ${line}, column ${column})`;
  throw new DecodeError([{ code: "invalid_utf8", path: "", message, line, column }]);
}

/** The one TextEncoder: text into wasm memory, here and for webhook.js's header slots. */
export const encoder = new TextEncoder();
let scratch = new Uint8Array(4096);

/**
 * The UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD), in a buffer
 * reused from call to call up to 4 MiB: read them before the next call.
 * Encoding here with `encodeInto` is several times faster than handing the
 * string to wasm-bindgen, which copies short strings a character at a time.
 * @param {string} text
 */
export function utf8Bytes(text) {
  const most = text.length * 3;
  if (most > scratch.length) {
    if (most > 4 << 20) return encoder.encode(text);
    scratch = new Uint8Array(Math.max(most, scratch.length * 2));
  }
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

/** The instance whose input buffer `inputView` shows. */
let inputOwner = /** @type {Input | undefined} */ (undefined);
let inputView = new Uint8Array(0);

/**
 * A view of at least `length` bytes of the wasm input buffer. The buffer only
 * grows, and only when asked to here, so a view that is long enough stays
 * valid until wasm memory grows, which detaches it (its length becomes 0):
 * only then, or for another instance, is the buffer asked for again.
 * @param {Input} wasm @param {number} length
 */
function inputRoom(wasm, length) {
  if (length === 0) return NO_ROOM;
  if (wasm !== inputOwner || inputView.length < length) {
    const at = wasm.inputBuffer(length);
    inputOwner = wasm;
    inputView = new Uint8Array(wasm.memory.buffer, at, length);
  }
  return inputView;
}

/** Room for an empty payload. */
const NO_ROOM = new Uint8Array(0);

/**
 * Writes a string payload into the wasm input buffer as UTF-8, straight from
 * the string (`encodeInto`, no copy in between): its length in bytes, or -1
 * when that is over `maxBytes` (`checkSize` has checked its length in code
 * units). No more than `maxBytes` bytes are written, so that wasm memory,
 * which never shrinks, does not grow for text that is refused. Check its
 * encoding first (`checkText`): a lone surrogate would become U+FFFD.
 * @param {Input} wasm @param {string} text @param {number} maxBytes
 */
export function writeText(wasm, text, maxBytes) {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const most = text.length * 3;
  if (most <= maxBytes) return encoder.encodeInto(text, inputRoom(wasm, most)).written;
  // encodeInto stops before a character that does not fit.
  const { read, written } = encoder.encodeInto(text, inputRoom(wasm, maxBytes).subarray(0, maxBytes));
  return read < text.length ? -1 : written;
}

/**
 * The length in UTF-8 of text with no lone surrogate.
 * @param {string} text
 */
export function utf8Length(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // 2 bytes below U+0800, 3 above, 4 for a surrogate pair (2 code units).
    if (unit >= 0x80) bytes += unit < 0x800 ? 1 : unit >= 0xd800 && unit <= 0xdbff ? (i++, 2) : 2;
  }
  return bytes;
}

/**
 * Copies a byte payload into the wasm input buffer: its length.
 * @param {Input} wasm @param {Uint8Array} bytes
 */
export function writeBytes(wasm, bytes) {
  // Not even an empty set: of a view whose buffer was detached, it throws.
  if (bytes.length > 0) inputRoom(wasm, bytes.length).set(bytes);
  return bytes.length;
}

/**
 * What `validateInput` and `verifyInput` return when there is nothing to
 * report (valid, and authentic): src/wasm.rs's `NOTHING_TO_REPORT`, which
 * tests/catalogue/boundary.test.mjs holds this to.
 */
export const NOTHING_TO_REPORT = 0;

/**
 * The JSON text of what `validateInput` or `verifyInput` had to report, or
 * undefined when it returned `NOTHING_TO_REPORT`. A number crosses the
 * boundary at less cost than a string or undefined would, so the text is
 * fetched only when there is one.
 * @param {Reporter} wasm @param {number} status
 */
export function reportOf(wasm, status) {
  return status === NOTHING_TO_REPORT ? undefined : wasm.takeReport();
}

/**
 * decode and safeDecode over the validator.
 * @param {{ instance(): Validator, failure(error: unknown): unknown }} runtime
 */
export function createDecode(runtime) {
  /** @param {string} text @param {boolean} strict @param {number} maxBytes */
  function validateText(text, strict, maxBytes) {
    checkText(text, maxBytes);
    try {
      const wasm = runtime.instance();
      const length = writeText(wasm, text, maxBytes);
      if (length < 0) throw tooLarge(maxBytes, utf8Length(text));
      return reportOf(wasm, wasm.validateInput(length, strict));
    } catch (error) {
      throw runtime.failure(error);
    }
  }

  /** @param {Uint8Array} bytes @param {boolean} strict @param {number} maxBytes */
  function validateBytes(bytes, strict, maxBytes) {
    checkSize(bytes, maxBytes);
    try {
      const wasm = runtime.instance();
      return reportOf(wasm, wasm.validateInput(writeBytes(wasm, bytes), strict));
    } catch (error) {
      throw runtime.failure(error);
    }
  }

  /**
   * @param {unknown} payload
   * @param {unknown} [options]
   */
  function decode(payload, options) {
    const { strict, maxBytes } = readOptions(options);
    let issues;
    /** @type {Uint8Array | undefined} */
    let bytes;
    if (typeof payload === "string") {
      issues = validateText(payload, strict, maxBytes);
      if (issues === undefined) return JSON.parse(payload);
    } else if ((bytes = asBytes(payload)) !== undefined) {
      issues = validateBytes(bytes, strict, maxBytes);
      if (issues === undefined) return JSON.parse(validText(bytes));
    } else if (isPlainPayload(payload)) {
      const text = stringifyPlain(payload);
      issues = validateText(text, strict, maxBytes);
      if (issues === undefined) return JSON.parse(text);
    } else {
      throw new DecodeError([
        issue("invalid_input", "", `expected a JSON string, a Uint8Array or a plain object, found ${describe(payload)}`),
      ]);
    }
    throw new DecodeError(JSON.parse(/** @type {string} */ (issues)));
  }

  /**
   * @param {unknown} payload
   * @param {unknown} [options]
   */
  function safeDecode(payload, options) {
    // A TypeError for malformed options passes through, as from decode.
    try {
      return { success: true, data: decode(payload, options) };
    } catch (error) {
      if (error instanceof DecodeError) return { success: false, error };
      throw error;
    }
  }

  return { decode, safeDecode };
}

/**
 * `isPlainObject`, for a payload: one that cannot be read is `invalid_input`.
 * @param {unknown} payload @returns {payload is Record<string, unknown>}
 */
function isPlainPayload(payload) {
  try {
    return isPlainObject(payload);
  } catch (error) {
    throw unreadable(error);
  }
}

/**
 * JSON text of a plain-object payload, after checking that it is plain JSON
 * data. Getters that throw and other surprises become `invalid_input`.
 * @param {Record<string, unknown>} payload
 */
function stringifyPlain(payload) {
  /** @type {Issue[]} */
  const issues = [];
  try {
    checkJsonData(payload, "", 0, issues);
    if (issues.length === 0) return JSON.stringify(payload);
  } catch (error) {
    issues.push(issue("invalid_input", "", `expected a readable plain object, but reading it threw: ${thrownReason(error)}`));
  }
  throw new DecodeError(issues);
}
