// @ts-check
// Ratios of two functions' times, measured in pairs, for Node (bench/run.mjs)
// and the browser page (bench/browser.mjs).
//
// This machine's speed drifts by up to 2x from one second to the next, so
// timing each side on its own, even in interleaved rounds, can compare a fast
// moment with a slow one. Here each pair times a short batch of each side back
// to back (alternating which goes first), so both see the same machine; the
// ratio reported is the median over many pairs.

/**
 * @param {() => unknown} ours
 * @param {() => unknown} peer
 * @param {{ batchMs?: number, pairs?: number, now?: () => number }} [options]
 *   `batchMs`: about how long each batch of `ours` runs; `pairs`: how many
 *   pairs (odd, for a plain median).
 * @returns {{ ratio: number, low: number, high: number }} the median ratio
 *   ours / peer, and the 25th and 75th percentiles
 */
export function pairedRatio(ours, peer, { batchMs = 2, pairs = 101, now = () => performance.now() } = {}) {
  const timeOf = (/** @type {() => unknown} */ fn, /** @type {number} */ calls) => {
    const start = now();
    for (let i = 0; i < calls; i++) fn();
    return now() - start;
  };
  // Warm both up, then find how many calls of ours fill a batch: the fastest
  // of three tries, so that one slowed by a pause (a garbage collection,
  // another process) does not end the search with batches too short to time.
  for (let i = 0; i < 50; i++) ours(), peer();
  let calls = 1;
  while (Math.min(timeOf(ours, calls), timeOf(ours, calls), timeOf(ours, calls)) < batchMs) calls *= 2;
  const time = (/** @type {() => unknown} */ fn) => timeOf(fn, calls);
  const ratios = [];
  for (let pair = 0; pair < pairs; pair++) {
    if (pair % 2 === 0) {
      const a = time(ours);
      ratios.push(a / time(peer));
    } else {
      const b = time(peer);
      ratios.push(time(ours) / b);
    }
  }
  ratios.sort((x, y) => x - y);
  const at = (/** @type {number} */ q) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))];
  return { ratio: at(0.5), low: at(0.25), high: at(0.75) };
}
