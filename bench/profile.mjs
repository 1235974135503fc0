// @ts-check
// `make profile`: where the time of one call goes, from a CPU profile. Runs
// decode, verify or decodeBatch on the benchmark's payload in a loop under
// V8's sampling profiler (node:inspector), against the Node build of pkg/
// with a .wasm that keeps its function names, and prints each function's
// share of the samples (self time): Rust functions by name, JSON.parse inside
// the JavaScript function that calls it. Needs pkg/ (make profile builds it).
//
//   node bench/profile.mjs [decode|verify|batch ...] [--top N]
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Session } from "node:inspector/promises";
import { PAYLOAD } from "./peers.mjs";

const root = new URL("../", import.meta.url).pathname;
const out = `${root}target/profile`;
const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
const chosen = args.length > 0 ? args : ["decode", "verify", "batch"];

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
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const headers = api.sign({ payload: PAYLOAD, secret: SECRET });
const batch = Array(1000).fill(PAYLOAD).join("\n");
/** @type {Record<string, { calls: number, run: () => unknown }>} */
const CASES = {
  decode: { calls: 300_000, run: () => api.decode(PAYLOAD) },
  // Signed just before: the loop takes far less than the 300 s tolerance.
  verify: { calls: 150_000, run: () => api.verify(PAYLOAD, headers, SECRET) },
  batch: { calls: 300, run: () => api.decodeBatch(batch) },
};

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 50 });
for (const name of chosen) {
  const job = CASES[name];
  if (!job) throw new Error(`unknown case ${name}: decode, verify or batch`);
  for (let i = 0; i < job.calls / 10; i++) job.run(); // to optimised code first
  await session.post("Profiler.start");
  const start = performance.now();
  for (let i = 0; i < job.calls; i++) job.run();
  const elapsed = performance.now() - start;
  const { profile } = await session.post("Profiler.stop");
  const perCall = (elapsed * 1000) / job.calls / (name === "batch" ? 1000 : 1);
  console.log(`\n${name}: ${perCall.toFixed(2)} µs per event while profiled; share of samples, self time:`);
  for (const [fn, share] of selfTime(profile).slice(0, top)) console.log(`${(share * 100).toFixed(1).padStart(6)} %  ${fn}`);
}
session.disconnect();

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
  let total = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url } = node.callFrame;
    const where = url.endsWith(".wasm") || url.includes("wasm-") ? "wasm" : url.split("/").pop() || "";
    const key = `${demangle(functionName || "(anonymous)")}  [${where || "native"}]`;
    byName.set(key, (byName.get(key) ?? 0) + count);
    total += count;
  }
  return [...byName].map(([key, count]) => /** @type {[string, number]} */ ([key, count / total])).sort((a, b) => b[1] - a[1]);
}

/** A Rust symbol without its hash: `connect_webview_events::fast::Lane::value`. @param {string} name */
function demangle(name) {
  return name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");
}
