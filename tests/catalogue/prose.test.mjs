// @ts-check
// Prose that names the catalogue's size or the reference's version (the
// README, the package descriptions, rustdoc) says what the generated
// catalogue/events.json holds, so that a bump of the reference cannot leave
// it behind: each sentence below must be there, with the figures of the
// catalogue now. After a bump, this test names the sentences to update.
//
// Run: node --test tests/catalogue/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, computeStats } from "../../scripts/catalogue.mjs";

const catalogue = JSON.parse(readFileSync(join(ROOT, "catalogue/events.json"), "utf8"));
const stats = computeStats(catalogue);
/** What each named group of the patterns below must be. */
const expected = {
  types: String(catalogue.events.length),
  version: catalogue.reference.version,
  zod: catalogue.reference.zod,
  // The types the second lane reads: all but connect_webview's, which have the fast lane.
  others: String(catalogue.events.filter((/** @type {any} */ e) => e.family !== "connect_webview").length),
  names: String(stats.names.size),
};

/** A file's text with every run of white space (and rustdoc's `///`) as one space. */
const prose = (/** @type {string} */ path) => readFileSync(join(ROOT, path), "utf8").replace(/\s*(?:\/\/\/|\/\/!)?\s+/g, " ");

/** @type {[string, RegExp][]} */
const SENTENCES = [
  ["README.md", /all \*\*(?<types>\d+) event types\*\* of the reference \(`@seamapi\/types` (?<version>[\d.]+):/g],
  ["README.md", /any of the (?<types>\d+) types, typed/g],
  ["README.md", /typed as `SeamEvent`, the union of the (?<types>\d+) event types' interfaces/g],
  ["README.md", /\*\*The other (?<others>\d+) event types\*\* take a second lane/g],
  ["README.md", /a perfect hash of the catalogue's (?<names>\d+) field names, the event type by a perfect hash of the (?<types>\d+) type names/g],
  ["README.md", /\(`@seamapi\/types` (?<version>[\d.]+) and its `zod` (?<zod>[\d.]+)\), takes the structure of all (?<types>\d+) event types/g],
  ["Cargo.toml", /\(the (?<types>\d+) types of the reference schemas\)/g],
  ["pkg-template/package.json", /\(the (?<types>\d+) types of the reference schemas\)/g],
  ["src/shape.rs", /`expected one of the (?<types>\d+) event types of @seamapi\/types (?<version>[\d.]+), found "lock\.exploded"`/g],
  ["src/shape.rs", /one of \[`all`\]\(Self::all\), the (?<types>\d+) of the reference it was made from \(\[`reference`\]\(Self::reference\), `@seamapi\/types` (?<version>[\d.]+)\)/g],
];

test("prose that names the catalogue's size or the reference's version says what catalogue/events.json holds", () => {
  /** @type {string[]} */
  const stale = [];
  for (const [path, pattern] of SENTENCES) {
    const matches = [...prose(path).matchAll(pattern)];
    if (matches.length === 0) stale.push(`${path} no longer has the sentence ${pattern}`);
    for (const match of matches) {
      for (const [group, value] of Object.entries(match.groups ?? {})) {
        const want = expected[/** @type {keyof typeof expected} */ (group)];
        if (value !== want) stale.push(`${path}: "${match[0]}" says ${value} where the catalogue (${group}) has ${want}`);
      }
    }
  }
  assert.deepEqual(stale, [], `update:\n${stale.join("\n")}`);
});
