// @ts-check
// `make bench`: our package against its peers, median time per event, ratios
// from one run on this machine, in Node and in headless Chromium and Firefox.
// Writes bench/results.md. Needs pkg/ (make bench builds it first).
//
//   node bench/run.mjs [--quick | --check] [--catalogue]
//
// --quick measures less. --check (make test-bench) is --quick written to
// target/bench-check.md instead, to show that every case still runs and
// agrees on the event in Node and both browsers; it asserts no timing (the
// catalogue table, bench/catalogue.mjs: every case run once, asserted, not
// timed). --catalogue: only the catalogue table, in Node, printed and not
// written.
import { spawnSync } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { gzipSync } from "node:zlib";
import { measure } from "mitata/src/lib.mjs";
import { Webhook as SvixWebhook } from "svix";
import * as api from "../pkg/dist/node.mjs";
import { GZIP_BUDGET } from "../scripts/size-budget.mjs";
import { BROWSERS, readFromPage, servePage } from "../scripts/webdriver.mjs";
import { pairedRatio } from "./paired.mjs";
import { catalogueCases, catalogueMarkdown, catalogueTargets, measureCatalogue, times } from "./catalogue.mjs";
import { compileAjv, decodeCases, PAYLOAD, SECRET } from "./peers.mjs";

// mitata collects the garbage before each measurement with `gc`, which Node
// has only with --expose-gc; without it, mitata allocates a 1 GiB array
// instead, to force a collection. After a few of those, code that allocates
// much runs slower for the rest of the process: zod's parse of the same event
// took 14 µs in some runs of this bench and 9 µs in others, and 8.3 x
// `JSON.parse` alone in a fresh process (README, "The zod peer ran at two
// speeds"). So the bench runs itself again with the flag.
if (typeof globalThis.gc !== "function") {
  const script = new URL(import.meta.url).pathname;
  const { status, signal } = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", script, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(status ?? (signal ? 1 : 0));
}

const root = new URL("../", import.meta.url).pathname;
const check = process.argv.includes("--check");
const quick = check || process.argv.includes("--quick");
const options = quick ? { min_cpu_time: 50e6 } : { min_cpu_time: 150e6 };

/** Rounds per group: each case is measured once per round, in turn, so that
 * a machine that speeds up or slows down during the run (this one does)
 * moves every case alike, and the ratios stay fair. */
const ROUNDS = quick ? 1 : 5;

/** @param {Record<string, () => unknown>} cases @param {number} [perCall] */
async function measureAll(cases, perCall = 1) {
  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(cases)) samples[name].push((await measure(fn, options)).p50 / perCall);
  }
  /** @type {Record<string, number>} */
  const out = {};
  for (const [name, values] of Object.entries(samples)) {
    values.sort((a, b) => a - b);
    out[name] = values[values.length >> 1];
    console.error(`  ${name}: ${format(out[name])}`);
  }
  return out;
}

/**
 * Paired ratios (bench/paired.mjs) of `ours` against every case not named
 * "ours: ...", by the peer's name.
 * @param {Record<string, () => unknown>} cases @param {string} ours @param {{ batchMs?: number, pairs?: number }} [options]
 */
function pairedAgainst(cases, ours, options) {
  /** @type {Record<string, { ratio: number, low: number, high: number }>} */
  const out = {};
  for (const [name, fn] of Object.entries(cases)) {
    if (name.startsWith("ours")) continue;
    out[name] = pairedRatio(cases[ours], fn, { pairs: quick ? 21 : 101, ...options });
    console.error(`  ${ours} / ${name}: ${out[name].ratio.toFixed(2)} x (middle half ${out[name].low.toFixed(2)} to ${out[name].high.toFixed(2)})`);
  }
  return out;
}

/**
 * "met", or by how much `value` is over `limit`: to a tenth of a percent
 * under 10 %, so that a near miss does not read "missed by 0 %".
 * @param {number} value @param {number} limit
 */
function verdict(value, limit) {
  if (value <= limit) return "met";
  const over = (value / limit - 1) * 100;
  return `missed by ${over < 10 ? over.toFixed(1) : over.toFixed(0)} %`;
}

/**
 * How the catalogue table measures: 109 types x 3 peers, so short (about a
 * minute here, and 20 s in each browser). --check times nothing.
 */
const CATALOGUE = check
  ? { rounds: 0, pairs: 0, batchMs: 0, warmUpMs: 0 }
  : quick
    ? { rounds: 1, pairs: 7, batchMs: 1, warmUpMs: 300 }
    : { rounds: 3, pairs: 9, batchMs: 1, warmUpMs: 1000 };
const examples = JSON.parse(readFileSync(`${root}catalogue/examples.json`, "utf8")).examples;

function nodeCatalogue() {
  console.error(`catalogue: the full example of each of ${Object.keys(examples).length} event types, ours / JSON.parse, ajv, zod`);
  return measureCatalogue(catalogueCases(api, examples), { check, ...CATALOGUE, log: console.error });
}

if (process.argv.includes("--catalogue")) {
  console.log(catalogueMarkdown(nodeCatalogue(), "Node", { verdict }));
  process.exit(0);
}

const format = (/** @type {number} */ ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

// --- decode -----------------------------------------------------------------
console.error("decode, per event");
const buffer = Buffer.from(PAYLOAD);
const decodeFns = decodeCases(api, buffer, (b) => b.toString());
const decode = await measureAll(decodeFns);
const decodePaired = pairedAgainst(decodeFns, "ours: decode(string)");
const bufferPaired = pairedRatio(decodeFns["ours: decode(bytes)"], decodeFns["JSON.parse(bytes to string)"], { pairs: quick ? 21 : 101 });
console.error(`  ours: decode(bytes) / JSON.parse(bytes to string): ${bufferPaired.ratio.toFixed(2)} x`);

// --- verify and decode ------------------------------------------------------
console.error("verify and decode, per event");
const key = Buffer.from(SECRET.slice(6), "base64");
const validate = compileAjv();
const signed = () => api.sign({ payload: PAYLOAD, secret: SECRET });
const headers = signed();
const svix = new SvixWebhook(SECRET);
const verifyCases = {
  "ours: verify(string)": () => api.verify(PAYLOAD, headers, SECRET),
  "ours: ConnectWebviewWebhook.verify(bytes)": (() => {
    const webhook = new api.ConnectWebviewWebhook(SECRET);
    return () => webhook.verify(buffer, headers);
  })(),
  "svix Webhook.verify": () => svix.verify(PAYLOAD, headers),
  "node:crypto HMAC + JSON.parse + ajv": () => {
    const timestamp = Number(headers["webhook-timestamp"]);
    if (Math.abs(Date.now() / 1000 - timestamp) > 300) throw new Error("timestamp");
    const mac = createHmac("sha256", key).update(`${headers["webhook-id"]}.${timestamp}.`).update(PAYLOAD).digest();
    const given = Buffer.from(headers["webhook-signature"].slice(3), "base64");
    if (given.length !== mac.length || !timingSafeEqual(given, mac)) throw new Error("signature");
    const event = JSON.parse(PAYLOAD);
    if (!validate(event)) throw new Error("invalid");
    return event;
  },
};
for (const [name, fn] of Object.entries(verifyCases)) {
  if (/** @type {any} */ (fn())?.event_type !== "connect_webview.login_succeeded") throw new Error(`${name} failed`);
}
// The headers were signed just before: the group takes far less than 300 s.
const verify = await measureAll(verifyCases);
const verifyPaired = pairedAgainst(verifyCases, "ours: verify(string)");

// --- batch ------------------------------------------------------------------
console.error("batch of 10,000 NDJSON events, per event");
const EVENTS = 10_000;
const ndjson = Array.from({ length: EVENTS }, () => PAYLOAD).join("\n");
const ndjsonBytes = Buffer.from(ndjson);
const batchCases = {
  "ours: decodeBatch(string)": () => api.decodeBatch(ndjson),
  "ours: decodeBatch(bytes)": () => api.decodeBatch(ndjsonBytes),
  "loop of JSON.parse + ajv": () =>
    ndjson.split("\n").map((line) => {
      const event = JSON.parse(line);
      if (!validate(event)) throw new Error("invalid");
      return event;
    }),
};
const batch = await measureAll(batchCases, EVENTS);
// One call is a whole batch (tens of milliseconds): one call per side per pair.
const batchPaired = pairedAgainst(batchCases, "ours: decodeBatch(string)", { batchMs: 0, pairs: quick ? 5 : 21 });

// --- time against input size ------------------------------------------------
console.error("decode time against input size");
/** @type {Record<string, number>} */
const scaling = {};
for (const size of [1 << 10, 100 << 10, 1 << 20]) {
  const base = JSON.parse(PAYLOAD);
  const filler = "x".repeat(size - PAYLOAD.length - 24);
  const text = JSON.stringify({ ...base, event_description: filler });
  scaling[`${Math.round(text.length / 1024)} KiB`] = (await measure(() => api.decode(text, { maxBytes: 2 << 20 }), options)).p50;
  console.error(`  ${text.length} bytes: ${format(scaling[`${Math.round(text.length / 1024)} KiB`])}`);
}

// --- catalogue ----------------------------------------------------------------
// After the connect_webview sections, so that their figures are taken as
// before, by decoders that have seen only connect_webview events.
const catalogue = nodeCatalogue();

// --- browsers -----------------------------------------------------------------
console.error("decode in headless browsers");
const page = await servePage(`${root}bench/browser.mjs`, { define: { QUICK: JSON.stringify(quick), CHECK: JSON.stringify(check) } });
/** @type {Record<string, { medians: Record<string, number>, paired: Record<string, { ratio: number, low: number, high: number }>, catalogue: import("./catalogue.mjs").Result }>} */
const browsers = {};
try {
  for (const browser of BROWSERS) {
    const result = await readFromPage(browser, page.url, "__bench", 300_000);
    if (result.error) throw new Error(`${browser.name}: ${result.error}`);
    browsers[browser.name] = result;
    for (const [name, ns] of Object.entries(result.medians)) console.error(`  ${browser.name} ${name}: ${format(ns)}`);
    for (const [name, { ratio }] of Object.entries(result.paired)) console.error(`  ${browser.name} ours / ${name}: ${ratio.toFixed(2)} x`);
    for (const [label, { ratio }] of catalogueTargets(result.catalogue)) console.error(`  ${browser.name} ${label}: ${times(ratio)}`);
  }
} finally {
  page.close();
}

// --- report -------------------------------------------------------------------
const wasm = readFileSync(`${root}pkg/dist/connect_webview_events_bg.wasm`);
const wasmGzip = gzipSync(wasm, { level: 9 }).length;
const version = (/** @type {string} */ name) => JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;

/** @typedef {{ ratio: number, low: number, high: number }} Paired */
/**
 * [label, paired ratio (the middle half when it is one pairing's), limit,
 * the verdict when the ratio cannot say it]
 * @type {[string, { ratio: number, low?: number, high?: number }, number, string?][]}
 */
const targets = [
  ["decode(string) / JSON.parse + ajv", decodePaired["JSON.parse + ajv"], 1.0],
  ["decode(string) / JSON.parse + zod", decodePaired["JSON.parse + zod (@seamapi/types)"], 0.2],
  ["decode(string) / JSON.parse alone", decodePaired["JSON.parse(string)"], 2.0],
  ["decode(Buffer) / JSON.parse(buffer.toString())", bufferPaired, 1.5],
  ["verify / svix Webhook.verify", verifyPaired["svix Webhook.verify"], 0.25],
  ["verify / node:crypto + JSON.parse + ajv", verifyPaired["node:crypto HMAC + JSON.parse + ajv"], 1.2],
  ["decodeBatch / JSON.parse + ajv loop", batchPaired["loop of JSON.parse + ajv"], 0.8],
  ...catalogueTargets(catalogue),
];
for (const [name, results] of Object.entries(browsers)) {
  targets.push([`${name}: decode(string) / JSON.parse + ajv`, results.paired["JSON.parse + ajv"], 1.0]);
  targets.push([`${name}: decode(string) / JSON.parse + zod`, results.paired["JSON.parse + zod (@seamapi/types)"], 0.2]);
  targets.push([`${name}: decode(string) / JSON.parse alone`, results.paired["JSON.parse(string)"], 2.0]);
  targets.push(...catalogueTargets(results.catalogue, `${name}: `));
}

const table = (/** @type {Record<string, number>} */ rows, /** @type {Record<string, Paired>} */ paired) =>
  ["| case | median per event | ours / this (paired) |", "|---|---:|---:|"]
    .concat(Object.entries(rows).map(([name, ns]) => `| ${name} | ${format(ns)} | ${paired[name] ? `${paired[name].ratio.toFixed(2)} x` : ""} |`))
    .join("\n");

const lines = [
  "# Benchmark results",
  "",
  `Written by \`make bench\` (\`node bench/run.mjs\`${check ? " --check" : quick ? " --quick" : ""}) on ${new Date().toISOString().slice(0, 10)}, in one run. Time per event: in Node,`,
  `each case measured by [mitata](https://github.com/evanwashere/mitata) once in each of ${ROUNDS} rounds, in turn, and the median of the rounds' medians`,
  "kept (Node with --expose-gc, so that mitata collects the garbage before each measurement as it means to); in browsers, medians of timed loops. Ratios are ours divided by the peer (below 1, we are faster), measured in pairs",
  "(bench/paired.mjs): short batches of ours and of the peer back to back, alternating which goes first, many times, and the",
  "median of the pairs' ratios, so that both sides of each ratio see the same machine (this one's speed drifts by up to 2x",
  "from one second to the next). The middle half of the pairs' ratios is shown beside each target.",
  "",
  `Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version};`,
  `connect-webview-events ${JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8")).version}, svix ${version("svix")}, ajv ${version("ajv")},`,
  `ajv-formats ${version("ajv-formats")}, zod ${version("zod")}, @seamapi/types ${version("@seamapi/types")}, mitata ${version("mitata")}.`,
  `Payload: a ${PAYLOAD.length}-byte connect_webview.login_succeeded event (bench/peers.mjs); in the catalogue tables, the \`full\``,
  "example of every event type (catalogue/examples.json; bench/catalogue.mjs). A catalogue target is a geometric mean over the",
  "event types (which has no middle half), or the worst type, of paired ratios per type.",
  "",
  "## Targets",
  "",
  "| ratio | measured | middle half | target | |",
  "|---|---:|---:|---:|---|",
  ...targets.map(([name, { ratio, low, high }, limit, override]) => {
    // A ratio that rounds to its target is shown with one more digit, to say which side it is on.
    const shown = Number(ratio?.toFixed(2)) === limit ? `${ratio.toFixed(3)} x` : times(ratio);
    const middle = typeof low === "number" && typeof high === "number" ? `${low.toFixed(2)} to ${high.toFixed(2)}` : "";
    const met = override ?? (Number.isFinite(ratio) ? verdict(ratio, limit) : "not measured");
    return `| ${name} | ${shown} | ${middle} | ≤ ${limit} x | ${met} |`;
  }),
  `| .wasm gzipped | ${wasmGzip.toLocaleString("en")} bytes (${(wasm.length / 1024).toFixed(1)} KiB raw) | | ≤ ${GZIP_BUDGET.toLocaleString("en")} bytes | ${verdict(wasmGzip, GZIP_BUDGET)} |`,
  "",
  "## Decode, per event (Node)",
  "",
  table(decode, decodePaired),
  "",
  `decode(bytes) / JSON.parse(bytes to string), paired: ${bufferPaired.ratio.toFixed(2)} x.`,
  "",
  "## Verify and decode, per event (Node)",
  "",
  table(verify, verifyPaired),
  "",
  `## Batch of ${EVENTS.toLocaleString("en")} NDJSON events, per event (Node)`,
  "",
  table(batch, batchPaired),
  "",
  catalogueMarkdown(catalogue, "Node", { verdict }),
  ...Object.entries(browsers).flatMap(([name, results]) => [`## Decode, per event (headless ${name})`, "", table(results.medians, results.paired), ""]),
  ...Object.entries(browsers).map(([name, results]) => catalogueMarkdown(results.catalogue, `headless ${name}`, { verdict })),
  "## Decode time against input size (Node)",
  "",
  "A login_succeeded event whose `event_description` is padded to the size; time per byte should stay flat.",
  "",
  "| input | median | per KiB |",
  "|---|---:|---:|",
  ...Object.entries(scaling).map(([size, ns]) => `| ${size} | ${format(ns)} | ${format(ns / parseInt(size))} |`),
  "",
];
writeFileSync(check ? `${root}target/bench-check.md` : `${root}bench/results.md`, `${lines.join("\n")}`);
console.log(lines.join("\n"));
