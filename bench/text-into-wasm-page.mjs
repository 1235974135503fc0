// @ts-check
// bench/text-into-wasm.mjs's page: the same cases in the browser, left in
// window.__ways (or the error, with its stack, in window.__ways.error, as
// bench/browser.mjs and bench/ab-page.mjs leave theirs).
import { measureWays } from "./text-into-wasm-cases.mjs";

/* global CHECK */
try {
  // Batches long enough for a browser's coarse clock (the page is not
  // cross-origin isolated everywhere).
  Object.assign(window, { __ways: measureWays({ check: CHECK, batchMs: CHECK ? 0 : 20 }) });
} catch (error) {
  Object.assign(window, { __ways: { error: String(error?.stack ?? error) } });
}
