// @ts-check
// `make ab REF=<commit>`: this package against the same package built at
// another commit, so that "did this change make it slower?" has a command
// that answers it. Both builds are loaded side by side and timed in pairs
// (bench/paired.mjs) on the cases of bench/ab-cases.mjs: decode of the
// benchmark's payload as a string and as bytes, verify, decodeBatch of 1,000
// NDJSON lines and of a JSON array of 1,000, and, when both builds decode the whole catalogue, decode of
// every event type's `full` example in turn. In Node (dist/node.cjs), then
// in headless Chromium and Firefox (dist/web.js, bench/ab-page.mjs).
//
// In one process, the module loaded second runs a few percent slower (up to
// 9 % measured in Node: the same build loaded twice gave 1.09 x). So every
// ratio is measured twice, in a fresh process or page per load order, and
// the one reported is the geometric mean of the two, which cancels that
// bias; both orders are shown beside it.
//
//   node bench/ab.mjs BASE_PKG [NEW_PKG=pkg] [--check]
//
// BASE_PKG and NEW_PKG are directories that scripts/build-pkg.mjs built.
// --check (make test-bench): each case once and few pairs, and a failure
// unless both builds decode every case to the same value; no timing is
// asserted. (The same directory twice is loaded once in Node.)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { BROWSERS, readFromPage, servePage } from "../scripts/webdriver.mjs";
import { abRatios } from "./ab-cases.mjs";

const root = new URL("../", import.meta.url).pathname;
const args = process.argv.slice(2);
const check = args.includes("--check");
const childAt = args.indexOf("--child");
const [base, next = "pkg"] = args.filter((arg, i) => !arg.startsWith("--") && (childAt < 0 || i !== childAt + 1));
if (base === undefined) {
  console.error("usage: node bench/ab.mjs BASE_PKG [NEW_PKG=pkg] [--check]");
  process.exit(2);
}

/** @typedef {Record<string, number | null>} Ratios new / base, by case */

if (childAt >= 0) {
  // A child: load the builds in the order given, then time every case.
  const baseFirst = args[childAt + 1] === "base-first";
  const require = createRequire(import.meta.url);
  const load = (/** @type {string} */ dir) => require(resolve(dir, "dist/node.cjs"));
  const [first, second] = baseFirst ? [load(base), load(next)] : [load(next), load(base)];
  const [baseApi, newApi] = baseFirst ? [first, second] : [second, first];
  const examples = JSON.parse(readFileSync(`${root}catalogue/examples.json`, "utf8")).examples;
  const fulls = Object.values(examples).map((m) => JSON.stringify(m.full));
  console.log(JSON.stringify(abRatios(baseApi, newApi, fulls, { check, batchMs: 2 })));
  process.exit(0);
}

/** @param {boolean} baseFirst @returns {Ratios} */
function inNode(baseFirst) {
  const childArgs = [new URL(import.meta.url).pathname, base, next, "--child", baseFirst ? "base-first" : "new-first"];
  return JSON.parse(execFileSync(process.execPath, [...childArgs, ...(check ? ["--check"] : [])], { encoding: "utf8" }));
}

/** @param {typeof BROWSERS[number]} browser @param {boolean} baseFirst @returns {Promise<Ratios>} */
async function inBrowser(browser, baseFirst) {
  const web = (/** @type {string} */ dir) => ({ type: "text/javascript", body: readFileSync(resolve(dir, "dist/web.js")) });
  const page = await servePage(`${root}bench/ab-page.mjs`, {
    define: { BASE_FIRST: JSON.stringify(baseFirst), CHECK: JSON.stringify(check) },
    files: { "/first.js": web(baseFirst ? base : next), "/second.js": web(baseFirst ? next : base) },
  });
  try {
    const result = await readFromPage(browser, page.url, "__ab", 300_000);
    if (result.error) throw new Error(`${browser.name}: ${result.error}`);
    return Object.fromEntries(result.ratios);
  } finally {
    await page.close();
  }
}

const x = (/** @type {number} */ r) => `${r.toFixed(3)} x`;
/** @param {string} where @param {Ratios} baseFirst @param {Ratios} newFirst */
function print(where, baseFirst, newFirst) {
  console.log(`\n${where}\n`);
  console.log("| case | geometric mean of both load orders | base loaded first | new loaded first |");
  console.log("|---|---:|---:|---:|");
  for (const [name, a] of Object.entries(baseFirst)) {
    const b = newFirst[name];
    if (a === null || b === null) console.log(`| ${name} | (a build does not decode the catalogue) | | |`);
    else console.log(`| ${name} | ${x(Math.sqrt(a * b))} | ${x(a)} | ${x(b)} |`);
  }
}

console.log(`${next} / ${base}: time per call, in pairs (below 1: ${next} is faster)`);
print(`Node ${process.version}`, inNode(true), inNode(false));
for (const browser of BROWSERS) print(`headless ${browser.name}`, await inBrowser(browser, true), await inBrowser(browser, false));
