// @ts-check
// Builds pkg/, the npm package `connect-webview-events`, from the release
// WebAssembly build and pkg-template/. Run through `make pkg`, which first
// runs scripts/setup.sh so that wasm-pack, wasm-bindgen and wasm-opt are there.
//
//   pkg/dist/node.cjs   Node, `require`: loads the .wasm beside it synchronously
//   pkg/dist/node.mjs   Node, `import`: re-exports node.cjs (one instance)
//   pkg/dist/web.js     browsers, bundlers, Deno, workers: .wasm inlined
//   pkg/index.d.ts      types (index.d.cts for `require` under node16 resolution)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const wasmOut = `${root}target/wasm-pkg`;
const pkg = `${root}pkg`;
const template = `${root}pkg-template`;
const wasmName = "connect_webview_events_bg.wasm";

/** Size budget for the gzipped .wasm, in bytes. */
const GZIP_BUDGET = 56 * 1024;

// 1. Compile the crate to WebAssembly with the `web` target's ES-module glue;
//    wasm-pack runs wasm-bindgen and then wasm-opt (the npm `binaryen` one on
//    PATH, see scripts/setup.sh) with the flags in Cargo.toml.
execFileSync(
  "wasm-pack",
  ["build", "--release", "--target", "web", "--out-dir", wasmOut, "--out-name", "connect_webview_events", "--no-pack"],
  { cwd: root, stdio: "inherit" },
);

// 2. The .wasm as a base64 module for the web entry, which cannot count on a
//    bundler plugin or an asset URL to load a separate file.
const wasm = readFileSync(`${wasmOut}/${wasmName}`);
writeFileSync(`${wasmOut}/wasm-base64.js`, `export default ${JSON.stringify(wasm.toString("base64"))};\n`);

// 3. A clean pkg/.
rmSync(pkg, { recursive: true, force: true });
mkdirSync(`${pkg}/dist`, { recursive: true });

// 4. Bundle the entries. Not minified: users' bundlers minify, and readable
//    code in node_modules helps anyone debugging.
const common = { bundle: true, logLevel: /** @type {const} */ ("warning"), legalComments: /** @type {const} */ ("none") };
await build({
  ...common,
  entryPoints: [`${template}/src/node.js`],
  outfile: `${pkg}/dist/node.cjs`,
  format: "cjs",
  platform: "node",
  target: "node20",
  // The glue's default .wasm URL uses import.meta, which CommonJS lacks; the
  // Node entry always passes the bytes itself, so that branch never runs.
  logOverride: { "empty-import-meta": "silent" },
});
await build({
  ...common,
  entryPoints: [`${template}/src/web.js`],
  outfile: `${pkg}/dist/web.js`,
  format: "esm",
  platform: "neutral",
  target: "es2022",
});
copyFileSync(`${wasmOut}/${wasmName}`, `${pkg}/dist/${wasmName}`);
copyFileSync(`${template}/node.mjs`, `${pkg}/dist/node.mjs`);

// 5. Types, README, licence, and package.json with the crate's version.
copyFileSync(`${template}/index.d.ts`, `${pkg}/index.d.ts`);
copyFileSync(`${template}/index.d.ts`, `${pkg}/index.d.cts`);
copyFileSync(`${root}README.md`, `${pkg}/README.md`);
copyFileSync(`${root}LICENSE`, `${pkg}/LICENSE`);
const cargoToml = readFileSync(`${root}Cargo.toml`, "utf8");
const version = /^version = "([^"]+)"/m.exec(cargoToml)?.[1];
if (!version) throw new Error("no version in Cargo.toml");
const manifest = JSON.parse(readFileSync(`${template}/package.json`, "utf8"));
manifest.version = version;
writeFileSync(`${pkg}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);

// 6. Size report and budget.
const gzipped = gzipSync(wasm, { level: 9 }).length;
const kib = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`pkg/: connect-webview-events ${version}; ${wasmName} ${kib(wasm.length)} raw, ${kib(gzipped)} gzipped (budget ${kib(GZIP_BUDGET)})`);
if (gzipped > GZIP_BUDGET) {
  console.error(`the gzipped .wasm is over its budget by ${kib(gzipped - GZIP_BUDGET)}`);
  process.exit(1);
}
