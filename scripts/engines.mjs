// @ts-check
// The oldest engines the package supports, written once. scripts/build-pkg.mjs
// compiles the JavaScript for them (esbuild lowers the syntax they lack) and
// tests/packaging/engines.test.mjs holds the built package to them: the
// bundles have nothing left to lower, the .wasm validates with only the
// WebAssembly features they all have, and every place that names the versions
// names these.
//
// The line is drawn by the WebAssembly: SIMD (.cargo/config.toml) came with
// Chrome 91, Firefox 89 and Safari 16.4, and reference types, which rustc
// turns on by default and wasm-bindgen then uses for its table of JavaScript
// values, with Chrome 96, Firefox 79 and Safari 15. Below that the module
// cannot compile, so nothing is held to an older engine.

/** esbuild `target`s of the browser, worker and Deno bundles (web.js, workerd.js). */
export const BROWSERS = ["chrome96", "edge96", "firefox89", "safari16.4"];

/** esbuild `target` of the Node bundle, and `engines.node` of the package. */
export const NODE = "node20";

/**
 * The WebAssembly features every engine above has, as binaryen names them
 * (`wasm-opt --enable-<name>`); Cargo.toml gives wasm-opt exactly these.
 * Not tail calls (Chrome 112), extended constants (Chrome 114), GC or
 * exception handling.
 */
export const WASM_FEATURES = [
  "simd",
  "reference-types",
  "call-indirect-overlong", // part of reference types
  "bulk-memory",
  "bulk-memory-opt", // memory.copy and memory.fill, part of bulk memory
  "multivalue",
  "sign-ext",
  "nontrapping-float-to-int",
  "mutable-globals",
];
