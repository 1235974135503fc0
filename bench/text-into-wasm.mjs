// @ts-check
// How a string payload gets into WebAssembly memory, measured: the package's
// way (encodeInto into a kept view) against the others in
// bench/text-into-wasm-cases.mjs, in pairs, in Node, headless Chromium and
// headless Firefox. A ratio above 1 means that way is slower than ours.
//
//   node bench/text-into-wasm.mjs [--check]
//
// --check (make test-bench): a few short pairs, to show that it runs and
// that every way writes the same bytes.
import { BROWSERS, readFromPage, servePage } from "../scripts/webdriver.mjs";
import { times } from "./catalogue.mjs";
import { measureWays } from "./text-into-wasm-cases.mjs";

const check = process.argv.includes("--check");
/** @type {Record<string, Record<string, import("./catalogue.mjs").Paired>>} */
const engines = { [`Node ${process.version}`]: measureWays({ check, batchMs: check ? 0 : 2 }) };
const page = await servePage(new URL("text-into-wasm-page.mjs", import.meta.url).pathname, {
  define: { CHECK: JSON.stringify(check) },
});
try {
  for (const browser of BROWSERS) {
    const ways = await readFromPage(browser, page.url, "__ways", 120_000);
    if ("error" in ways) throw new Error(`${browser.name}: ${ways.error}`);
    engines[`headless ${browser.name}`] = ways;
  }
} finally {
  page.close();
}
const names = Object.keys(Object.values(engines)[0]);
console.log(`| time / encodeInto into a kept view | ${Object.keys(engines).join(" | ")} |`);
console.log(`|---|${Object.keys(engines).map(() => "---:").join("|")}|`);
for (const name of names) {
  const cells = Object.values(engines).map(({ [name]: { ratio, low, high } }) => `${times(ratio)} (${times(low)} to ${times(high)})`);
  console.log(`| ${name} | ${cells.join(" | ")} |`);
}
