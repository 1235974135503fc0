// @ts-check
// The page `make profile` opens in headless Chromium and Firefox
// (bench/profile.mjs): the browser entry built from pkg-template/src with a
// .wasm that keeps its function names, and a loop of decode(string) on the
// benchmark's payload for the profiler to sample.
import * as api from "../pkg-template/src/web.js";
import { pairedRatio } from "./paired.mjs";
import { PAYLOAD } from "./peers.mjs";

/** What the driver (bench/profile.mjs) reads and calls. */
const page = /** @type {any} */ (window);

/** Calls decode(string) `calls` times; the milliseconds taken. @param {number} calls */
function profiledLoop(calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) api.decode(PAYLOAD);
  return performance.now() - start;
}

/**
 * Runs `task` in a task of the page's own, so that the loop is not compiled
 * into the driver's script, and leaves what it returns in
 * `window.__profileDone`.
 * @param {() => unknown} task
 */
function later(task) {
  page.__profileDone = null;
  setTimeout(() => (page.__profileDone = task()));
}

page.__profile = {
  /** The loop the profiler samples: its milliseconds. @param {number} calls */
  loop: (calls) => later(() => profiledLoop(calls)),
  /** JSON.parse alone against decode, in pairs: its share of a decode's time. */
  parseShare: () => later(() => pairedRatio(() => JSON.parse(PAYLOAD), () => api.decode(PAYLOAD), { batchMs: 20, pairs: 21 })),
};
page.__profileReady = true;
