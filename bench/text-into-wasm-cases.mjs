// @ts-check
// What bench/text-into-wasm.mjs times, in Node and in the browser page: ways
// to put a string's UTF-8 into WebAssembly memory, each against the
// package's own `writeText` (pkg-template/src/decode.js: `encodeInto`
// straight into a view of the memory that is kept from call to call), in
// pairs (bench/paired.mjs), over each catalogue type's `full` example in turn.
import examplesFile from "../catalogue/examples.json" with { type: "json" };
import { writeText } from "../pkg-template/src/decode.js";
import { pairedRatio } from "./paired.mjs";

const encoder = new TextEncoder();
const memory = new WebAssembly.Memory({ initial: 32 });
const kept = new Uint8Array(memory.buffer, 0, 1 << 20);

/** @type {Record<string, (text: string) => number>} Each writes `text` at 0: its length in bytes. */
const WAYS = {
  "encodeInto a view made for the call": (text) => encoder.encodeInto(text, new Uint8Array(memory.buffer, 0, text.length * 3)).written,
  "encode, then set": (text) => {
    const bytes = encoder.encode(text);
    kept.set(bytes);
    return bytes.length;
  },
  // wasm-bindgen's passStringToWasm: a code unit at a time while ASCII.
  "charCodeAt loop, encodeInto from the first non-ASCII": (text) => {
    let i = 0;
    for (; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit > 0x7f) return i + encoder.encodeInto(text.slice(i), kept.subarray(i)).written;
      kept[i] = unit;
    }
    return i;
  },
};

/** The package's input buffer, as the wasm instance gives it: at 0 of `memory`. */
const input = { memory, inputBuffer: () => 0 };
const MAX_BYTES = kept.length;

/** @param {string} text */
const ours = (text) => writeText(input, text, MAX_BYTES);

/**
 * Each way's time / ours, paired: `{ way: { ratio, low, high } }`. Throws
 * unless every way writes what ours does. `check`: a few short pairs.
 * @param {{ check: boolean, batchMs: number }} options
 */
export function measureWays({ check, batchMs }) {
  const texts = Object.values(examplesFile.examples).map((e) => JSON.stringify(e.full));
  let turn = 0;
  const next = () => texts[turn++ % texts.length];
  /** @type {Record<string, import("./catalogue.mjs").Paired>} */
  const ratios = {};
  for (const [name, way] of Object.entries(WAYS)) {
    for (const text of texts) {
      const length = ours(text);
      const expected = kept.slice(0, length);
      kept.fill(0, 0, length);
      if (way(text) !== length || !kept.subarray(0, length).every((b, i) => b === expected[i])) throw new Error(`${name} wrote other bytes`);
    }
    ratios[name] = pairedRatio(() => way(next()), () => ours(next()), { batchMs, pairs: check ? 3 : 51 });
  }
  return ratios;
}
