// @ts-check
// What `make ab` times (bench/ab.mjs), in Node and in the browser page
// (bench/ab-page.mjs): the cases of `make bench` that every build since the
// connect_webview events has, for two builds of the package, in pairs.
import { sameJson } from "./catalogue.mjs";
import { pairedRatio } from "./paired.mjs";
import { PAYLOAD, SECRET } from "./peers.mjs";

/**
 * The cases for one build, by name: each a function that does one call and
 * returns what it decoded (the batch: its data, in order).
 * @param {any} api @param {string[]} fulls every event type's `full` example, as JSON text
 */
function casesOf(api, fulls) {
  const headers = api.sign({ payload: PAYLOAD, secret: SECRET });
  const bytes = new TextEncoder().encode(PAYLOAD);
  const ndjson = Array(1000).fill(PAYLOAD).join("\n");
  const array = `[${Array(1000).fill(PAYLOAD).join(",\n")}]`;
  let turn = 0;
  return {
    "decode(string)": () => api.decode(PAYLOAD),
    "decode(bytes)": () => api.decode(bytes),
    "verify(string)": () => api.verify(PAYLOAD, headers, SECRET),
    "decodeBatch, 1,000 lines": () => api.decodeBatch(ndjson).map((/** @type {any} */ item) => item.data),
    "decodeBatch, a JSON array of 1,000": () => api.decodeBatch(array).map((/** @type {any} */ item) => item.data),
    "catalogue: decode of each full example in turn": () => api.decode(fulls[turn++ % fulls.length]),
  };
}

/**
 * Whether a build decodes every catalogue example (builds from before the
 * catalogue take only the connect_webview events).
 * @param {any} api @param {string[]} fulls
 */
const decodesCatalogue = (api, fulls) => fulls.every((text) => api.safeDecode(text).success);

/**
 * New / base time per call of every case, paired (bench/paired.mjs), after a
 * warm-up (WebAssembly tiers up only after many calls); null for the
 * catalogue case when a build does not decode it. Throws unless both builds
 * decode every case to the same value. `check`: each case once, few pairs.
 * @param {any} baseApi @param {any} newApi @param {string[]} fulls
 * @param {{ check: boolean, batchMs: number }} options
 * @returns {Record<string, number | null>}
 */
export function abRatios(baseApi, newApi, fulls, { check, batchMs }) {
  const baseCases = casesOf(baseApi, fulls);
  const newCases = casesOf(newApi, fulls);
  const catalogue = decodesCatalogue(baseApi, fulls) && decodesCatalogue(newApi, fulls);
  /** @type {Record<string, number | null>} */
  const ratios = {};
  for (const name of Object.keys(newCases)) {
    const key = /** @type {keyof typeof newCases} */ (name);
    const [ours, theirs] = [newCases[key], baseCases[key]];
    const inTurn = name.startsWith("catalogue");
    if (inTurn && !catalogue) {
      ratios[name] = null;
      continue;
    }
    for (let i = 0; i < (inTurn ? fulls.length : 1); i++) {
      if (!sameJson(ours(), theirs())) throw new Error(`${name}: the two builds decode differently`);
    }
    const batch = name.startsWith("decodeBatch");
    if (!check) for (let i = 0; i < (batch ? 200 : 50_000); i++) ours(), theirs();
    const options = check ? { batchMs: 1, pairs: 3 } : { batchMs: batch ? 10 * batchMs : batchMs, pairs: batch ? 31 : 101 };
    ratios[name] = pairedRatio(ours, theirs, options).ratio;
  }
  return ratios;
}
