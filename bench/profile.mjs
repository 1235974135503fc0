// @ts-check
// `make profile`: where the time of one call goes, from a CPU profile. Runs
// decode (of the string, or of its bytes in a Buffer), verify or decodeBatch
// on the benchmark's payload in a loop under V8's sampling profiler
// (node:inspector), against the Node build of pkg/ with a .wasm that keeps
// its function names, and prints each function's share of the samples (self
// time): Rust functions by name, JSON.parse inside the JavaScript function
// that calls it. Then decode(string) in headless Chromium, profiled the same
// way through the DevTools protocol, and in headless Firefox, by the Gecko
// profiler. Needs pkg/ (make profile builds it).
//
//   node bench/profile.mjs [decode|bytes|verify|batch|catalogue|chromium|firefox ...] [--top N] [--check]
//
// --check (make test-profile): a twentieth of the calls, and a failure unless
// every profile names Rust functions, so that a change in an engine, a driver
// or the build that breaks profiling shows in the tests.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Session } from "node:inspector/promises";
import { BROWSERS, servePage, waitFor, withPage } from "../scripts/webdriver.mjs";
import { pairedRatio } from "./paired.mjs";
import { PAYLOAD, SECRET } from "./peers.mjs";

const root = new URL("../", import.meta.url).pathname;
const out = `${root}target/profile`;
const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
const check = args.includes("--check");
if (check) args.splice(args.indexOf("--check"), 1);
/** How many calls to profile: fewer with --check. @param {number} calls */
const scaled = (calls) => (check ? Math.ceil(calls / 20) : calls);
/** @type {string[]} Profiles that --check found wanting. */
const unnamed = [];
const chosen = args.length > 0 ? args : ["decode", "bytes", "verify", "batch", "chromium", "firefox"];

// 1. The release .wasm that make pkg built, through wasm-bindgen and wasm-opt
//    again with its names kept (-g), beside a copy of the Node entry. Same
//    code and flags as pkg/ (from Cargo.toml), only the name section added.
const built = `${root}target/wasm32-unknown-unknown/release/connect_webview_events.wasm`;
const flags = /^wasm-opt = \[(.*)\]$/m.exec(readFileSync(`${root}Cargo.toml`, "utf8"))?.[1];
if (!flags) throw new Error("no wasm-opt flags in Cargo.toml");
mkdirSync(`${out}/dist`, { recursive: true });
execFileSync("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", `${out}/bindgen`, built], { stdio: "inherit" });
execFileSync("wasm-opt", [...JSON.parse(`[${flags}]`), "-g", `${out}/bindgen/connect_webview_events_bg.wasm`, "-o", `${out}/dist/connect_webview_events_bg.wasm`], { stdio: "inherit" });
copyFileSync(`${root}pkg/dist/node.cjs`, `${out}/dist/node.cjs`);
const api = createRequire(import.meta.url)(`${out}/dist/node.cjs`);

// 2. What each case runs: one call per event.
const headers = api.sign({ payload: PAYLOAD, secret: SECRET });
const batch = Array(1000).fill(PAYLOAD).join("\n");
const buffer = Buffer.from(PAYLOAD);
const parse = () => JSON.parse(PAYLOAD);
/** The `full` example of every event type of the catalogue, taken in turn. */
const FULLS = Object.values(JSON.parse(readFileSync(`${root}catalogue/examples.json`, "utf8")).examples).map((m) => JSON.stringify(m.full));
let turn = 0;
const nextFull = () => FULLS[turn++ % FULLS.length];
/**
 * `parse`: the JSON.parse whose share of a call is measured, in pairs with
 * the call (the peer of its target); `parsed` names it, `call` the call.
 * @type {Record<string, { calls: number, run: () => unknown, parse?: () => unknown, call?: string, parsed?: string }>}
 */
const CASES = {
  decode: { calls: 300_000, run: () => api.decode(PAYLOAD), parse },
  bytes: {
    calls: 300_000,
    run: () => api.decode(buffer),
    parse: () => JSON.parse(buffer.toString()),
    call: "decode(Buffer)",
    parsed: "JSON.parse(buffer.toString())",
  },
  // Signed just before: the loop takes far less than the 300 s tolerance.
  verify: { calls: 150_000, run: () => api.verify(PAYLOAD, headers, SECRET), parse },
  batch: { calls: 300, run: () => api.decodeBatch(batch) },
  // The catalogue lane and the full check's share of it: every type in turn.
  catalogue: {
    calls: 300_000,
    run: () => api.decode(nextFull()),
    parse: () => JSON.parse(nextFull()),
    call: "decode(each type's full example)",
    parsed: "JSON.parse of the same examples",
  },
};

// 3. decode(string) in browsers: the page bench/profile-page.mjs, bundled
//    with the names-kept .wasm in place of pkg's.
/** @type {Record<string, typeof BROWSERS[number]>} */
const BROWSER_CASES = Object.fromEntries(BROWSERS.map((browser) => [browser.name.toLowerCase(), browser]));
const BROWSER_CALLS = scaled(300_000);

/** @param {string} name chromium or firefox */
async function profileBrowser(name) {
  const browser = BROWSER_CASES[name];
  const wasmBase64 = readFileSync(`${out}/dist/connect_webview_events_bg.wasm`).toString("base64");
  // A page that fails to load says why in __profileReady.
  const failed = `addEventListener("error", (e) => (window.__profileReady = { error: e.message }));
    addEventListener("unhandledrejection", (e) => (window.__profileReady = { error: String(e.reason) }));`;
  const page = await servePage(`${root}bench/profile-page.mjs`, {
    head: `<script>${failed}</script>`,
    plugins: [
      {
        name: "names-kept-wasm",
        setup(build) {
          build.onResolve({ filter: /wasm-base64\.js$/ }, () => ({ path: "wasm-base64", namespace: "profile" }));
          build.onLoad({ filter: /.*/, namespace: "profile" }, () => ({ contents: `export default ${JSON.stringify(wasmBase64)};` }));
        },
      },
    ],
  });
  try {
    const { ms, parse, profile } = await withPage(
      browser,
      page.url,
      async (tab) => {
        /** @param {string} task @param {unknown[]} args */
        const run = async (task, ...args) => {
          await tab.execute(`window.__profile.${task}(...arguments)`, ...args);
          return waitFor(tab, browser.name, "__profileDone", 300_000);
        };
        const ready = await waitFor(tab, browser.name, "__profileReady", 60_000);
        if (ready !== true) throw new Error(`${browser.name}: the profile page failed: ${JSON.stringify(ready)}`);
        await run("loop", BROWSER_CALLS / 10); // to optimised code first
        if (name === "chromium") {
          await tab.cdp("Profiler.enable");
          await tab.cdp("Profiler.setSamplingInterval", { interval: 50 });
          await tab.cdp("Profiler.start");
        } else {
          // The Gecko profiler, started and read by the browser's own code
          // (privileged: the session has system access), every 0.2 ms.
          await tab.context("chrome");
          await tab.execute('Services.profiler.StartProfiler(10_000_000, 0.2, ["js"], ["GeckoMain"])');
          await tab.context("content");
        }
        const ms = await run("loop", BROWSER_CALLS);
        let profile;
        if (name === "chromium") {
          profile = selfTime((await tab.cdp("Profiler.stop")).profile);
        } else {
          await tab.context("chrome");
          profile = geckoSelfTime(await tab.execute("return Services.profiler.getProfileDataAsync()"));
          await tab.execute("Services.profiler.StopProfiler()");
          await tab.context("content");
        }
        const parse = await run("parseShare");
        return { ms, parse, profile };
      },
      { systemAccess: name === "firefox" },
    );
    console.log(`\n${browser.name}, decode(string): ${((ms * 1000) / BROWSER_CALLS).toFixed(2)} µs per event while profiled; share of samples, self time:`);
    print(profile, browser.name);
    printParseShare(parse, "decode");
  } finally {
    page.close();
  }
}

const nodeCases = chosen.filter((name) => !(name in BROWSER_CASES));
if (nodeCases.length > 0) {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  for (const name of nodeCases) {
    const job = CASES[name];
    if (!job) throw new Error(`unknown case ${name}: decode, bytes, verify, batch, chromium or firefox`);
    const calls = scaled(job.calls);
    for (let i = 0; i < calls / 10; i++) job.run(); // to optimised code first
    await session.post("Profiler.start");
    const start = performance.now();
    for (let i = 0; i < calls; i++) job.run();
    const elapsed = performance.now() - start;
    const { profile } = await session.post("Profiler.stop");
    const perCall = (elapsed * 1000) / calls / (name === "batch" ? 1000 : 1);
    console.log(`\n${name}: ${perCall.toFixed(2)} µs per event while profiled; share of samples, self time:`);
    print(selfTime(profile), name);
    if (job.parse) printParseShare(pairedRatio(job.parse, job.run, { pairs: check ? 5 : 21 }), job.call ?? name, job.parsed);
  }
  session.disconnect();
}
for (const name of chosen.filter((name) => name in BROWSER_CASES)) await profileBrowser(name);
if (unnamed.length > 0) {
  console.error(`\nno Rust function named in the profile of ${unnamed.join(", ")}`);
  process.exit(1);
}

/**
 * The `top` functions, then every sample by kind of work. Notes in `unnamed`
 * a profile that names no Rust function.
 * @param {[string, number][]} shares @param {string} name the profile's
 */
function print(shares, name) {
  if (!shares.some(([fn]) => fn.startsWith("connect_webview_events::"))) unnamed.push(name);
  for (const [fn, share] of shares.slice(0, top)) console.log(`${(share * 100).toFixed(1).padStart(6)} %  ${fn}`);
  /** @type {Map<string, number>} */
  const kinds = new Map();
  for (const [fn, share] of shares) {
    const kind = kindOf(fn);
    kinds.set(kind, (kinds.get(kind) ?? 0) + share);
  }
  const line = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, share]) => `${kind} ${(share * 100).toFixed(1)} %`);
  console.log(`  by kind: ${line.join(", ")}`);
}

/**
 * How much of a call's time JSON.parse of the payload alone would take.
 * @param {{ ratio: number, low: number, high: number }} parse paired ratio, JSON.parse / the call
 * @param {string} call
 * @param {string} [parsed] what the parse is, as it is named
 */
function printParseShare(parse, call, parsed = "JSON.parse") {
  const percent = (/** @type {number} */ x) => (x * 100).toFixed(0);
  console.log(`  ${parsed} alone takes ${percent(parse.ratio)} % of a ${call}'s time (paired, middle half ${percent(parse.low)} to ${percent(parse.high)} %).`);
}

/**
 * The kind of work a function of `selfTime` does. V8 counts JSON.parse in
 * the JavaScript function that calls it; Gecko names it.
 * @param {string} fn
 */
function kindOf(fn) {
  if (fn.endsWith("[wasm]")) return "wasm";
  if (fn.includes("encodeInto")) return "text into wasm (encodeInto)";
  if (/^(decode {2}\[encoding\]|decodeUTF8 )/.test(fn)) return "bytes into text (TextDecoder)";
  if (/^(parse JSON|JSON\.parse) /.test(fn)) return "JSON.parse";
  if (/garbage collector|GC {2}/.test(fn)) return "garbage collection";
  if (fn.endsWith("[native]")) return "engine, other";
  return "JavaScript";
}

/**
 * Each function's share of the samples, largest first.
 * @param {import("node:inspector").Profiler.Profile} profile
 */
function selfTime(profile) {
  /** @type {Map<number, number>} */
  const hits = new Map();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  /** @type {Map<string, number>} */
  const byName = new Map();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url } = node.callFrame;
    const where = url.startsWith("wasm://") || url.endsWith(".wasm") || url.includes("wasm-") ? "wasm" : url.split("/").pop() || "";
    const key = `${demangle(functionName || "(anonymous)")}  [${where || "native"}]`;
    byName.set(key, (byName.get(key) ?? 0) + count);
  }
  return shares(byName);
}

/**
 * Samples by function as each one's share of them all, largest first.
 * @param {Map<string, number>} byName
 * @returns {[string, number][]}
 */
function shares(byName) {
  let total = 0;
  for (const count of byName.values()) total += count;
  return [...byName].map(([key, count]) => /** @type {[string, number]} */ ([key, count / total])).sort((a, b) => b[1] - a[1]);
}

/** A Rust symbol without its hash: `connect_webview_events::fast::Lane::value`. @param {string} name */
function demangle(name) {
  return name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");
}

/**
 * Each function's share of the samples of a Gecko profile (Firefox), largest
 * first, as `selfTime`: only samples inside the page's `profiledLoop`, each
 * counted for its innermost JavaScript or wasm frame (Gecko records the
 * native code under it as bare addresses).
 * @param {any} profile
 */
function geckoSelfTime(profile) {
  const threads = profile.processes.flatMap((/** @type {any} */ process) => process.threads);
  const loop = "profiledLoop "; // how Gecko's locations of bench/profile-page.mjs's loop begin
  const thread = threads.find((/** @type {any} */ t) => t.stringTable.some((/** @type {string} */ s) => s.startsWith(loop)));
  if (!thread) throw new Error("no thread of the Gecko profile ran profiledLoop");
  const { stringTable: strings, stackTable, frameTable, samples } = thread;
  const prefixOf = stackTable.schema.prefix;
  const frameOf = stackTable.schema.frame;
  const locationOf = frameTable.schema.location;
  /** @param {number} stack */
  const location = (stack) => /** @type {string} */ (strings[frameTable.data[stackTable.data[stack][frameOf]][locationOf]]);
  /** @type {Map<string, number>} */
  const byName = new Map();
  for (const row of samples.data) {
    /** @type {string | undefined} */
    let innermost;
    let inLoop = false;
    for (let stack = row[samples.schema.stack]; stack !== null && stack !== undefined; stack = stackTable.data[stack][prefixOf]) {
      const where = location(stack);
      if (innermost === undefined && !/^0x[0-9a-f]+$/.test(where)) innermost = where;
      if (where.startsWith(loop)) inLoop = true;
    }
    if (!inLoop || innermost === undefined) continue;
    const key = geckoName(innermost);
    byName.set(key, (byName.get(key) ?? 0) + 1);
  }
  return shares(byName);
}

/**
 * A Gecko frame's location as `selfTime` names functions: `fn  [file]` for
 * JavaScript (`fn (url:line:column)[depth]`), `fn  [wasm]` for wasm
 * (`module.wasm.fn (… > WebAssembly.compile:offset)`), and the engine's
 * own labels (`parse JSON`, `TextEncoder.encodeInto`, `Minor GC`) with
 * `[native]`.
 * @param {string} location
 */
function geckoName(location) {
  const match = /^(.*?) \((.*)\)(\[\d+\])?$/.exec(location);
  if (!match) return `${location}  [native]`;
  const [, fn, where] = match;
  if (where.includes("WebAssembly.") || where.includes(".wasm")) return `${demangle(fn.replace(/^[\w-]+\.wasm\./, ""))}  [wasm]`;
  return `${fn}  [${where.replace(/:\d+:\d+$/, "").split("/").pop()}]`;
}
