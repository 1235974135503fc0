// @ts-check
// The decode comparison in a browser, against the package's browser build.
// Bundled and driven by bench/run.mjs; leaves its medians (ns per call) in
// window.__bench. Browsers coarsen performance.now() (to 1 ms or more without
// cross-origin isolation), so each sample times a loop of about 20 ms. Then
// the catalogue table (bench/catalogue.mjs) in window.__bench.catalogue.
import * as api from "../pkg/dist/web.js";
import examplesFile from "../catalogue/examples.json" with { type: "json" };
import { catalogueCases, measureCatalogue } from "./catalogue.mjs";
import { pairedRatio } from "./paired.mjs";
import { decodeCases, PAYLOAD } from "./peers.mjs";

/* global QUICK, CHECK */
const SAMPLES = 5;
const ROUNDS = QUICK ? 1 : 5;
const decoder = new TextDecoder();

/** Median nanoseconds per call of `fn`. @param {() => unknown} fn */
function medianPerCall(fn) {
  let iterations = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    if (performance.now() - start > 20) break;
    iterations *= 2;
  }
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(((performance.now() - start) / iterations) * 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

try {
  const cases = decodeCases(api, new TextEncoder().encode(PAYLOAD), (bytes) => decoder.decode(bytes));
  // Each case once per round, in turn, as in Node: drift moves all alike.
  /** @type {Record<string, number[]>} */
  const rounds = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(cases)) rounds[name].push(medianPerCall(fn));
  }
  const medians = Object.fromEntries(
    Object.entries(rounds).map(([name, values]) => [name, values.sort((a, b) => a - b)[values.length >> 1]]),
  );
  // Paired ratios, in batches long enough for the coarse clock.
  const paired = Object.fromEntries(
    Object.entries(cases)
      .filter(([name]) => !name.startsWith("ours"))
      .map(([name, fn]) => [name, pairedRatio(cases["ours: decode(string)"], fn, { batchMs: 20, pairs: QUICK ? 5 : 21 })]),
  );
  // The catalogue: 109 types x 3 peers, so short batches, which the finer
  // clock of a cross-origin isolated page (bench/run.mjs serves it so) times
  // well enough; --check runs each case once and times nothing.
  const batchMs = CHECK ? 0 : crossOriginIsolated ? 1 : 20;
  const catalogue = measureCatalogue(catalogueCases(api, examplesFile.examples), {
    check: CHECK,
    batchMs,
    rounds: CHECK || QUICK ? 1 : 3,
    pairs: CHECK ? 0 : QUICK ? 3 : 4,
    warmUpMs: CHECK ? 0 : QUICK ? 300 : 1000,
  });
  window.__bench = { medians, paired, catalogue };
} catch (error) {
  window.__bench = { error: String(error?.stack ?? error) };
}
