// @ts-check
// `make ab REF=<commit>`: this package against the same package built at
// another commit, so that "did this change make it slower?" has a command
// that answers it. Both builds are loaded into one Node process and timed in
// pairs (bench/paired.mjs) on the cases of `make bench` that every build
// since the connect_webview events has: decode of the benchmark's payload as
// a string and as bytes, verify, decodeBatch of 1,000 NDJSON lines, and, when
// the base build decodes the whole catalogue, decode of every event type's
// `full` example in turn.
//
// In one process, the module loaded second runs a few percent slower (up to
// 9 % measured: the same build loaded twice gave 1.09 x). So the pairs run in
// two child processes, one per load order, and each ratio reported is the
// geometric mean of the two orders' ratios, which cancels that bias; both
// orders are shown beside it.
//
//   node bench/ab.mjs BASE_PKG [NEW_PKG=pkg] [--check]
//
// BASE_PKG and NEW_PKG are directories built by scripts/build-pkg.mjs (their
// dist/node.cjs is loaded). --check (make test-bench): few pairs, and a
// failure unless both builds decode every case to the same value; no timing
// is asserted.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { sameJson } from "./catalogue.mjs";
import { pairedRatio } from "./paired.mjs";
import { PAYLOAD, SECRET } from "./peers.mjs";

const root = new URL("../", import.meta.url).pathname;
const args = process.argv.slice(2);
const check = args.includes("--check");
const childAt = args.indexOf("--child");
const [base, next = "pkg"] = args.filter((arg, i) => !arg.startsWith("--") && (childAt < 0 || i !== childAt + 1));
if (base === undefined) {
  console.error("usage: node bench/ab.mjs BASE_PKG [NEW_PKG=pkg] [--check]");
  process.exit(2);
}

/** The `full` example of every event type of the catalogue. */
const FULLS = Object.values(JSON.parse(readFileSync(`${root}catalogue/examples.json`, "utf8")).examples).map((m) => JSON.stringify(m.full));

/**
 * The cases for one build, by name: each a function that does one call and
 * returns what it decoded (the batch: its data, in order).
 * @param {any} api
 */
function casesOf(api) {
  const headers = api.sign({ payload: PAYLOAD, secret: SECRET });
  const bytes = Buffer.from(PAYLOAD);
  const ndjson = Array(1000).fill(PAYLOAD).join("\n");
  let turn = 0;
  return {
    "decode(string)": () => api.decode(PAYLOAD),
    "decode(bytes)": () => api.decode(bytes),
    "verify(string)": () => api.verify(PAYLOAD, headers, SECRET),
    "decodeBatch, 1,000 lines": () => api.decodeBatch(ndjson).map((/** @type {any} */ item) => item.data),
    "catalogue: decode of each full example in turn": () => api.decode(FULLS[turn++ % FULLS.length]),
  };
}

/**
 * Whether a build decodes every catalogue example (builds from before the
 * catalogue take only the connect_webview events).
 * @param {any} api
 */
const decodesCatalogue = (api) => FULLS.every((text) => api.safeDecode(text).success);

if (childAt >= 0) {
  // A child: load the builds in the order given, then time every case.
  const order = args[childAt + 1] === "base-first" ? [base, next] : [next, base];
  const require = createRequire(import.meta.url);
  const [first, second] = order.map((dir) => require(resolve(dir, "dist/node.cjs")));
  const [baseApi, newApi] = order[0] === base ? [first, second] : [second, first];
  const baseCases = casesOf(baseApi);
  const newCases = casesOf(newApi);
  const catalogue = decodesCatalogue(baseApi) && decodesCatalogue(newApi);
  /** @type {Record<string, number | null>} */
  const ratios = {};
  for (const name of Object.keys(newCases)) {
    const key = /** @type {keyof typeof newCases} */ (name);
    const [ours, theirs] = [newCases[key], baseCases[key]];
    if (name.startsWith("catalogue") && !catalogue) {
      ratios[name] = null;
      continue;
    }
    // Every call of each side decodes the same thing.
    for (let i = 0; i < (name.startsWith("catalogue") ? FULLS.length : 1); i++) {
      if (!sameJson(ours(), theirs())) throw new Error(`${name}: the two builds decode differently`);
    }
    const batch = name.startsWith("decodeBatch");
    if (!check) for (let i = 0; i < (batch ? 200 : 50_000); i++) ours(), theirs();
    const options = check ? { batchMs: 1, pairs: 3 } : { batchMs: batch ? 20 : 2, pairs: batch ? 31 : 101 };
    ratios[name] = pairedRatio(ours, theirs, options).ratio;
  }
  console.log(JSON.stringify(ratios));
} else {
  const run = (/** @type {string} */ order) =>
    /** @type {Record<string, number | null>} */ (
      JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, base, next, "--child", order, ...(check ? ["--check"] : [])], { encoding: "utf8" }))
    );
  const baseFirst = run("base-first");
  const newFirst = run("new-first");
  const x = (/** @type {number} */ r) => `${r.toFixed(3)} x`;
  console.log(`${next} / ${base}, time per call, paired in one Node ${process.version} process (below 1: ${next} is faster)\n`);
  console.log("| case | geometric mean of both load orders | base loaded first | new loaded first |");
  console.log("|---|---:|---:|---:|");
  for (const [name, a] of Object.entries(baseFirst)) {
    const b = newFirst[name];
    if (a === null || b === null) console.log(`| ${name} | (the base build does not decode the catalogue) | | |`);
    else console.log(`| ${name} | ${x(Math.sqrt(a * b))} | ${x(a)} | ${x(b)} |`);
  }
}
