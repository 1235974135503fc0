// @ts-check
// The built package against the oldest engines it supports, named once in
// scripts/engines.mjs: every JavaScript file of pkg/dist/ has no syntax left
// that esbuild would lower for its engines (a private class field in web.js
// was a SyntaxError that stopped the whole module loading in Firefox 89), the
// .wasm validates with only the WebAssembly features they all have, and every
// place that names the versions names these. Needs pkg/ (make pkg).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { transformSync } from "esbuild";
import { BROWSERS, NODE, WASM_FEATURES } from "../../scripts/engines.mjs";
import { root } from "./harness.mjs";

const dist = `${root}pkg/dist`;
const WASM = `${dist}/connect_webview_events_bg.wasm`;

/** Each JavaScript file of pkg/dist/ with the engines that load it. */
const FILES = {
  "web.js": BROWSERS,
  "workerd.js": BROWSERS,
  "node.cjs": [NODE],
  "node.mjs": [NODE],
  "cli.mjs": [NODE],
};

/** `source` compiled by esbuild for `target`, unbundled and unminified. */
function lowered(/** @type {string} */ source, /** @type {string[]} */ target) {
  return transformSync(source, { loader: "js", target, logLevel: "silent" }).code;
}

test("every JavaScript file of pkg/dist/ is already what its oldest engines can parse", () => {
  const privateField = "class A { #x = 1; get x() { return this.#x; } }";
  assert.notEqual(lowered(privateField, BROWSERS), lowered(privateField, ["esnext"]), "the comparison below can fail");
  for (const [file, target] of Object.entries(FILES)) {
    const source = readFileSync(`${dist}/${file}`, "utf8");
    const asIs = lowered(source, ["esnext"]);
    const forEngines = lowered(source, target);
    if (asIs === forEngines) continue;
    const kept = new Set(forEngines.split("\n"));
    const changed = asIs.split("\n").filter((line) => !kept.has(line)).slice(0, 3);
    assert.fail(`pkg/dist/${file} has syntax that ${target.join(", ")} lack, in:\n${changed.join("\n")}`);
  }
});

test("the webhook class still keeps its secret out of sight after lowering", async () => {
  const api = await import(`${dist}/web.js`);
  const webhook = new api.ConnectWebviewWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  assert.deepEqual(Object.keys(webhook), []);
  assert.equal(JSON.stringify(webhook), "{}");
  assert.ok(!String(Object.getOwnPropertyNames(webhook)).includes("secret"));
});

/** Validates the .wasm with only `features` enabled: the validator's complaint, or "" when it is valid. */
function invalidWith(/** @type {string[]} */ features) {
  try {
    execFileSync(`${root}node_modules/.bin/wasm-opt`, [WASM, "--mvp-features", ...features.map((f) => `--enable-${f}`)], { stdio: "pipe" });
    return "";
  } catch (error) {
    return String(/** @type {{ stderr: Buffer }} */ (error).stderr);
  }
}

test("the .wasm uses only the WebAssembly features every supported engine has", () => {
  // binaryen would also enable what a target_features section lists; the
  // build strips it (Cargo.toml), so only the flags below count.
  assert.deepEqual(WebAssembly.Module.customSections(new WebAssembly.Module(readFileSync(WASM)), "target_features"), []);
  assert.equal(invalidWith(WASM_FEATURES), "");
  // The check bites: the module does use these, and is refused without each.
  assert.match(invalidWith(WASM_FEATURES.filter((f) => f !== "simd")), /require SIMD/);
  assert.match(invalidWith(WASM_FEATURES.filter((f) => f !== "reference-types")), /--enable-reference-types/);
  assert.match(invalidWith(WASM_FEATURES.filter((f) => f !== "multivalue")), /multivalue/);
  // The release build lets wasm-opt emit exactly these (Cargo.toml).
  const cargo = readFileSync(`${root}Cargo.toml`, "utf8");
  const flags = /^wasm-opt = \[(.*)\]$/m.exec(cargo)?.[1];
  assert.ok(flags, "Cargo.toml has no wasm-opt flags");
  assert.deepEqual([...flags.matchAll(/"--enable-([\w-]+)"/g)].map((m) => m[1]).sort(), [...WASM_FEATURES].sort());
});

test("the README, the comments and package.json name these engines", () => {
  const version = (/** @type {string} */ name) => BROWSERS.find((t) => t.startsWith(name))?.slice(name.length);
  const expected = { Chrome: version("chrome"), Edge: version("edge"), Firefox: version("firefox"), Safari: version("safari") };
  const files = ["README.md", ".cargo/config.toml", "tests/js/older-engines.test.mjs"];
  for (const file of files) {
    const named = new Set();
    // Comment markers at line starts dropped, so that "Firefox\n// 89+" reads as one phrase.
    const text = readFileSync(`${root}${file}`, "utf8").replace(/\n\s*(?:\/\/|#)?\s*/g, " ");
    for (const [, browsers, found] of text.matchAll(/\b((?:Chrome|Edge|Firefox|Safari)(?: and (?:Chrome|Edge|Firefox|Safari))*) (\d+(?:\.\d+)?)\+/g)) {
      for (const browser of browsers.split(" and ")) {
        assert.equal(found, expected[/** @type {keyof typeof expected} */ (browser)], `${file}: "${browsers} ${found}+"`);
        named.add(browser);
      }
    }
    for (const browser of ["Chrome", "Firefox", "Safari"]) assert.ok(named.has(browser), `${file} does not say which ${browser}`);
  }
  const manifest = JSON.parse(readFileSync(`${root}pkg-template/package.json`, "utf8"));
  assert.equal(manifest.engines.node, `>=${NODE.slice("node".length)}`);
});
