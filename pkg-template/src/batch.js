// @ts-check
// decodeBatch: many events (NDJSON or a JSON array) validated in one call into
// WebAssembly; the engine's JSON.parse then builds only the valid events.
import { asBytes, byteCount, checkSize, DecodeError, describe, encodeText, MAX_INPUT_BYTES, optionField, readOptions, validText } from "./decode.js";

/** The default limit on a whole batch: 256 MiB. */
export const DEFAULT_MAX_BATCH_BYTES = 256 * 1024 * 1024;

/**
 * @typedef {{ code: string, path: string, message: string, line?: number, column?: number }} Issue
 * @typedef {{ array: boolean, lines: number[], failures: { index: number, issues: Issue[] }[] } | { issues: Issue[] }} BatchOutcome
 * @typedef {{
 *   validateBatchBytes(input: Uint8Array, strict: boolean, maxBytes: number, maxBatchBytes: number): string,
 * }} BatchValidator
 *   The outcome comes as one JSON text.
 */

/** @param {unknown} options */
function readBatchOptions(options) {
  const { strict, maxBytes } = readOptions(options);
  const maxBatchBytes = options == null ? DEFAULT_MAX_BATCH_BYTES : optionField(options, "maxBatchBytes", DEFAULT_MAX_BATCH_BYTES);
  return { strict, maxBytes, maxBatchBytes: Math.min(byteCount(maxBatchBytes, "maxBatchBytes"), MAX_INPUT_BYTES) };
}

/** @param {{ call<R>(fn: (wasm: BatchValidator) => R): R }} runtime */
export function createBatch(runtime) {
  /**
   * One safeDecode-shaped result per event, in order, each with its `index`
   * and the `line` where it starts.
   * @param {unknown} input @param {unknown} [options]
   */
  function decodeBatch(input, options) {
    const { strict, maxBytes, maxBatchBytes } = readBatchOptions(options);
    // A string is checked and encoded to UTF-8 here; bytes are used as they are.
    const bytes = typeof input === "string" ? encodeText(input, maxBatchBytes) : asBytes(input);
    if (bytes === undefined) {
      const message = `expected NDJSON or a JSON array as a string or a Uint8Array, found ${describe(input)}`;
      throw new DecodeError([{ code: "invalid_input", path: "", message }]);
    }
    checkSize(bytes, maxBatchBytes);
    const json = runtime.call((wasm) => wasm.validateBatchBytes(bytes, strict, maxBytes, maxBatchBytes));
    /** The input as text, for JSON.parse of the valid events. */
    const text = () => (typeof input === "string" ? input : validText(bytes));
    /** @type {BatchOutcome} */
    const outcome = JSON.parse(json);
    if ("issues" in outcome) throw new DecodeError(outcome.issues);

    // Whether the core read one JSON array or NDJSON: its rule, not restated here.
    const { array: isArray, lines, failures } = outcome;
    /** @type {(Issue[] | undefined)[]} */
    const failed = new Array(lines.length);
    for (const { index, issues } of failures) failed[index] = issues;
    const source = failures.length === lines.length ? "" : text();
    const array = isArray && source !== "" ? JSON.parse(source) : undefined;
    const sourceLines = array === undefined ? source.split("\n") : [];
    const results = new Array(lines.length);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      const issues = failed[index];
      results[index] = issues
        ? { success: false, error: new DecodeError(issues), index, line }
        : { success: true, data: array ? array[index] : JSON.parse(sourceLines[line - 1]), index, line };
    }
    return results;
  }

  return { decodeBatch };
}
