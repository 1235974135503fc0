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
 * Runs `task(...args)` in a task of the page's own, so that the loop is not
 * compiled into the driver's script, and leaves what it returns in
 * `window.__profileDone`. Every function here has a name: V8 counts the
 * time of what it inlines in the function it inlines it into.
 * @template {unknown[]} A
 * @param {(...args: A) => unknown} task @param {A} args
 */
function later(task, ...args) {
  page.__profileDone = null;
  setTimeout(function runTask() {
    page.__profileDone = task(...args);
  });
}

/** JSON.parse alone against decode, in pairs: its share of a decode's time. */
function parseShare() {
  return pairedRatio(() => JSON.parse(PAYLOAD), () => api.decode(PAYLOAD), { batchMs: 20, pairs: 21 });
}

page.__profile = {
  /** The loop the profiler samples: its milliseconds. @param {number} calls */
  loop: (calls) => later(profiledLoop, calls),
  parseShare: () => later(parseShare),
};
page.__profileReady = true;
