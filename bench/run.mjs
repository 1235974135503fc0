// @ts-check
// `make bench`: our package against its peers, median time per event, ratios
// from one run on this machine, in Node and in headless Chromium and Firefox.
// Writes bench/results.md. Needs pkg/ (make bench builds it first).
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { measure } from "mitata/src/lib.mjs";
import { Webhook as SvixWebhook } from "svix";
import * as api from "../pkg/dist/node.mjs";
import { BROWSERS, readFromPage, serveFiles } from "../scripts/webdriver.mjs";
import { compileAjv, decodeCases, PAYLOAD } from "./peers.mjs";

const root = new URL("../", import.meta.url).pathname;
const quick = process.argv.includes("--quick");
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

const format = (/** @type {number} */ ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

// --- decode -----------------------------------------------------------------
console.error("decode, per event");
const buffer = Buffer.from(PAYLOAD);
const decode = await measureAll(decodeCases(api, buffer, (b) => b.toString()));

// --- verify and decode ------------------------------------------------------
console.error("verify and decode, per event");
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
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

// --- batch ------------------------------------------------------------------
console.error("batch of 10,000 NDJSON events, per event");
const EVENTS = 10_000;
const ndjson = Array.from({ length: EVENTS }, () => PAYLOAD).join("\n");
const ndjsonBytes = Buffer.from(ndjson);
const batch = await measureAll(
  {
    "ours: decodeBatch(string)": () => api.decodeBatch(ndjson),
    "ours: decodeBatch(bytes)": () => api.decodeBatch(ndjsonBytes),
    "loop of JSON.parse + ajv": () =>
      ndjson.split("\n").map((line) => {
        const event = JSON.parse(line);
        if (!validate(event)) throw new Error("invalid");
        return event;
      }),
  },
  EVENTS,
);

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

// --- browsers -----------------------------------------------------------------
console.error("decode in headless browsers");
const bundle = await build({
  entryPoints: [`${root}bench/browser.mjs`],
  bundle: true,
  write: false,
  format: "esm",
  platform: "browser",
  target: "es2022",
  define: { QUICK: JSON.stringify(quick) },
  logLevel: "error",
});
const page = await serveFiles({
  "/": { type: "text/html", body: '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="bench.js"></script>' },
  "/bench.js": { type: "text/javascript", body: Buffer.from(bundle.outputFiles[0].contents) },
});
/** @type {Record<string, Record<string, number>>} */
const browsers = {};
try {
  for (const browser of BROWSERS) {
    const result = await readFromPage(browser, page.url, "__bench", 300_000);
    if (result.error) throw new Error(`${browser.name}: ${result.error}`);
    browsers[browser.name] = result;
    for (const [name, ns] of Object.entries(result)) console.error(`  ${browser.name} ${name}: ${format(ns)}`);
  }
} finally {
  page.close();
}

// --- report -------------------------------------------------------------------
const wasm = readFileSync(`${root}pkg/dist/connect_webview_events_bg.wasm`);
const wasmGzip = gzipSync(wasm, { level: 9 }).length;
const version = (/** @type {string} */ name) => JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;

/** [label, ours, peer, limit] */
const targets = [
  ["decode(string) / JSON.parse + ajv", decode["ours: decode(string)"], decode["JSON.parse + ajv"], 1.0],
  ["decode(string) / JSON.parse + zod", decode["ours: decode(string)"], decode["JSON.parse + zod (@seamapi/types)"], 0.2],
  ["decode(string) / JSON.parse alone", decode["ours: decode(string)"], decode["JSON.parse(string)"], 2.0],
  ["decode(Buffer) / JSON.parse(buffer.toString())", decode["ours: decode(bytes)"], decode["JSON.parse(bytes to string)"], 1.5],
  ["verify / svix Webhook.verify", verify["ours: verify(string)"], verify["svix Webhook.verify"], 0.25],
  ["verify / node:crypto + JSON.parse + ajv", verify["ours: verify(string)"], verify["node:crypto HMAC + JSON.parse + ajv"], 1.2],
  ["decodeBatch / JSON.parse + ajv loop", batch["ours: decodeBatch(string)"], batch["loop of JSON.parse + ajv"], 0.8],
];
for (const [name, results] of Object.entries(browsers)) {
  targets.push([`${name}: decode(string) / JSON.parse + ajv`, results["ours: decode(string)"], results["JSON.parse + ajv"], 1.0]);
  targets.push([`${name}: decode(string) / JSON.parse + zod`, results["ours: decode(string)"], results["JSON.parse + zod (@seamapi/types)"], 0.2]);
  targets.push([`${name}: decode(string) / JSON.parse alone`, results["ours: decode(string)"], results["JSON.parse(string)"], 2.0]);
}

const table = (/** @type {Record<string, number>} */ rows, /** @type {string} */ reference) =>
  ["| case | median per event | ours / this |", "|---|---:|---:|"]
    .concat(Object.entries(rows).map(([name, ns]) => `| ${name} | ${format(ns)} | ${name.startsWith("ours") ? "" : `${(rows[reference] / ns).toFixed(2)} x`} |`))
    .join("\n");

const lines = [
  "# Benchmark results",
  "",
  `Written by \`make bench\` (\`node bench/run.mjs\`${quick ? " --quick" : ""}) on ${new Date().toISOString().slice(0, 10)}. One run: in Node, each case`,
  `measured by [mitata](https://github.com/evanwashere/mitata) once in each of ${ROUNDS} rounds, in turn, and the median of the rounds' medians kept;`,
  "in browsers, medians of timed loops. Ratios are ours divided by the peer, so below 1 means we are faster.",
  "",
  `Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version};`,
  `connect-webview-events ${JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8")).version}, svix ${version("svix")}, ajv ${version("ajv")},`,
  `ajv-formats ${version("ajv-formats")}, zod ${version("zod")}, @seamapi/types ${version("@seamapi/types")}, mitata ${version("mitata")}.`,
  `Payload: a ${PAYLOAD.length}-byte connect_webview.login_succeeded event (bench/peers.mjs).`,
  "",
  "## Targets",
  "",
  "| ratio | measured | target | |",
  "|---|---:|---:|---|",
  ...targets.map(([name, ours, peer, limit]) => {
    const ratio = /** @type {number} */ (ours) / /** @type {number} */ (peer);
    const missed = ratio > /** @type {number} */ (limit);
    return `| ${name} | ${ratio.toFixed(2)} x | ≤ ${limit} x | ${missed ? `missed by ${((ratio / /** @type {number} */ (limit) - 1) * 100).toFixed(0)} %` : "met"} |`;
  }),
  `| .wasm gzipped | ${(wasmGzip / 1024).toFixed(1)} KiB (${(wasm.length / 1024).toFixed(1)} KiB raw) | ≤ 40 KB | ${wasmGzip <= 40_000 ? "met" : `missed by ${((wasmGzip / 40_000 - 1) * 100).toFixed(0)} %`} |`,
  "",
  "## Decode, per event (Node)",
  "",
  table(decode, "ours: decode(string)"),
  "",
  "## Verify and decode, per event (Node)",
  "",
  table(verify, "ours: verify(string)"),
  "",
  `## Batch of ${EVENTS.toLocaleString("en")} NDJSON events, per event (Node)`,
  "",
  table(batch, "ours: decodeBatch(string)"),
  "",
  ...Object.entries(browsers).flatMap(([name, results]) => [`## Decode, per event (headless ${name})`, "", table(results, "ours: decode(string)"), ""]),
  "## Decode time against input size (Node)",
  "",
  "A login_succeeded event whose `event_description` is padded to the size; time per byte should stay flat.",
  "",
  "| input | median | per KiB |",
  "|---|---:|---:|",
  ...Object.entries(scaling).map(([size, ns]) => `| ${size} | ${format(ns)} | ${format(ns / parseInt(size))} |`),
  "",
];
writeFileSync(`${root}bench/results.md`, `${lines.join("\n")}`);
console.log(lines.join("\n"));
