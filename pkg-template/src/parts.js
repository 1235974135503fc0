// @ts-check
// A webhook body over maxBytes, given to WebAssembly in parts so that it is
// authenticated without being copied into wasm memory in whole (memory that
// WebAssembly never gives back). Imported by the wasm (src/wasm.rs,
// `add_parts`), which asks for each part in turn during one verifyInput call.

/** @type {{ bytes: Uint8Array, memory: WebAssembly.Memory, at: number } | undefined} */
let pending;

/**
 * `fn` called while `bytes` are the parts to give, into `memory`.
 * @template R
 * @param {Uint8Array} bytes @param {WebAssembly.Memory} memory @param {() => R} fn
 * @returns {R}
 */
export function withParts(bytes, memory, fn) {
  pending = { bytes, memory, at: 0 };
  try {
    return fn();
  } finally {
    pending = undefined;
  }
}

/**
 * Writes the next part, up to `room` bytes, at `at` in wasm memory: how many
 * bytes it wrote, 0 once all have been given.
 * @param {number} at @param {number} room
 */
export function nextPart(at, room) {
  if (pending === undefined) return 0;
  const part = pending.bytes.subarray(pending.at, pending.at + room);
  new Uint8Array(pending.memory.buffer, at, part.length).set(part);
  pending.at += part.length;
  return part.length;
}
