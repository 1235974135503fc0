// @ts-check
// make ab's cases (bench/ab-cases.mjs) in a browser: bundled and served by
// bench/ab.mjs beside the two builds' dist/web.js, as /first.js and
// /second.js (base or new first, as BASE_FIRST says), which it loads in that
// order; leaves new / base ratios in window.__ab.
import examplesFile from "../catalogue/examples.json" with { type: "json" };
import { abRatios } from "./ab-cases.mjs";

/* global BASE_FIRST, CHECK */
const FILES = ["./first.js", "./second.js"];
try {
  const first = await import(FILES[0]);
  const second = await import(FILES[1]);
  const [baseApi, newApi] = BASE_FIRST ? [first, second] : [second, first];
  const fulls = Object.values(examplesFile.examples).map((m) => JSON.stringify(m.full));
  // A cross-origin isolated page (bench/ab.mjs serves it so) has a clock fine
  // enough for batches of a few milliseconds.
  const ratios = abRatios(baseApi, newApi, fulls, { check: CHECK, batchMs: crossOriginIsolated ? 4 : 20 });
  // As entries, which keep their order through WebDriver.
  window.__ab = { ratios: Object.entries(ratios) };
} catch (error) {
  window.__ab = { error: String(error?.stack ?? error) };
}
