// @ts-check
// The issue codes are one list: the Rust core's IssueCode (src/error.rs, the
// strings of IssueCode::as_str) and the package's IssueCode type
// (pkg-template/index.d.ts) name the same codes, plus "internal_error",
// which only the JavaScript side raises (a trap inside WebAssembly).
//
// Run: node --test tests/catalogue/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../../scripts/catalogue.mjs";

const read = (/** @type {string} */ path) => readFileSync(join(ROOT, path), "utf8");

test("the Rust IssueCode and the TypeScript IssueCode name the same codes", () => {
  const rust = read("src/error.rs");
  const asStr = rust.slice(rust.indexOf("pub fn as_str(self)"), rust.indexOf("impl fmt::Display for IssueCode"));
  const rustCodes = [...asStr.matchAll(/IssueCode::\w+ => "([a-z0-9_]+)"/g)].map((m) => m[1]);
  const dts = read("pkg-template/index.d.ts");
  const start = dts.indexOf("export type IssueCode =");
  const union = dts.slice(start, dts.indexOf("\n\n", start));
  const tsCodes = [...union.matchAll(/\| "([a-z0-9_]+)"/g)].map((m) => m[1]);
  assert.ok(rustCodes.includes("invalid_enum") && rustCodes.includes("out_of_range") && rustCodes.includes("invalid_url"), rustCodes.join());
  assert.deepEqual(tsCodes, [...rustCodes, "internal_error"]);
});
