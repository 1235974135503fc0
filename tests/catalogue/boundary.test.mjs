// @ts-check
// The numbers the wasm boundary returns are stated once, in src/wasm.rs;
// the package's JavaScript compares with its own copy, held to it here.
//
// Run: node --test tests/catalogue/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../../scripts/catalogue.mjs";
import { NOTHING_TO_REPORT } from "../../pkg-template/src/decode.js";

/** The value of `pub const NAME: u32 = N;` in src/wasm.rs. @param {string} name */
function rustConstant(name) {
  const rust = readFileSync(join(ROOT, "src/wasm.rs"), "utf8");
  const found = [...rust.matchAll(new RegExp(`^pub const ${name}: u32 = (\\d+);$`, "gm"))];
  assert.equal(found.length, 1, `src/wasm.rs states ${name} once`);
  return Number(found[0][1]);
}

test("reportOf's NOTHING_TO_REPORT is src/wasm.rs's", () => {
  assert.equal(NOTHING_TO_REPORT, rustConstant("NOTHING_TO_REPORT"));
  assert.notEqual(rustConstant("REPORTED"), NOTHING_TO_REPORT);
});
