// @ts-check
// The WebAssembly instance behind the API, and what happens if it ever traps.
//
// No input is known to make the Rust core panic (the fuzz targets and the
// hostile-input suites look for one), but a panic aborts, and an aborted
// (trapped) instance cannot be trusted again. So every call goes through
// `call`, or on the hot paths (decode, verify) through `instance` and
// `failure` around a try of their own, which saves making a closure per call
// (measured at 3 to 4 % of a decode of a Buffer in Node): on a
// WebAssembly.RuntimeError the instance is replaced by a fresh one, and the
// caller gets a DecodeError with code `internal_error` instead of the
// RuntimeError. The next call works on the fresh instance.
import { DecodeError } from "./decode.js";

/**
 * @template T
 * @param {() => T} instantiate makes a fresh instance (the glue is built as a
 *   factory for this)
 * @param {(instance: T) => boolean} beforeFirstCall readies a fresh instance
 *   before its first call, inside the caller's call rather than at load; true
 *   once done (until then, it is tried again before each call)
 */
export function createRuntime(instantiate, beforeFirstCall) {
  let instance = instantiate();
  let fresh = true;
  let generation = 0;

  /**
   * The instance to call now, readied first if it is fresh. Call it inside a
   * `try` whose `catch` throws `failure(error)`.
   * @returns {T}
   */
  function current() {
    if (fresh) fresh = !beforeFirstCall(instance);
    return instance;
  }

  /**
   * What to throw for `error`, thrown by a call into the instance: a trap
   * replaces the instance and becomes a DecodeError `internal_error`;
   * anything else is thrown as it is.
   * @param {unknown} error
   */
  function failure(error) {
    if (!(error instanceof WebAssembly.RuntimeError)) return error;
    instance = instantiate();
    fresh = true;
    generation++;
    const message = `the decoder failed inside WebAssembly (${error.message}) and was restarted; this input was not decoded. Please report it.`;
    return new DecodeError([{ code: "internal_error", path: "", message }]);
  }

  return {
    /** Goes up by one each time the instance is replaced. */
    get generation() {
      return generation;
    },
    instance: current,
    failure,
    /**
     * `fn` called with the instance, through `instance` and `failure`.
     * @template R
     * @param {(instance: T) => R} fn
     * @returns {R}
     */
    call(fn) {
      try {
        return fn(current());
      } catch (error) {
        throw failure(error);
      }
    },
  };
}
