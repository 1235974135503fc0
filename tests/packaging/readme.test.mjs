// The README's "Runtimes and bundlers" section shows only code that a
// packaging test runs: each of its code blocks must appear, verbatim, in a
// file of tests/packaging/ (a consumer's source or a test).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { root } from "./harness.mjs";

/** The text of every file under `dir`, node_modules left out. */
function sources(/** @type {string} */ dir) {
  /** @type {string[]} */
  const texts = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "package-lock.json") continue;
    const path = join(dir, entry.name);
    texts.push(...(entry.isDirectory() ? sources(path) : [readFileSync(path, "utf8")]));
  }
  return texts;
}

test("every code block of the README's 'Runtimes and bundlers' section comes from tests/packaging/", () => {
  const readme = readFileSync(`${root}README.md`, "utf8");
  const section = /^## Runtimes and bundlers\n([\s\S]*?)^## /m.exec(readme)?.[1];
  assert.ok(section, "README.md has no '## Runtimes and bundlers' section");
  const blocks = [...section.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  assert.ok(blocks.length >= 5, `only ${blocks.length} code blocks`);
  const texts = sources(`${root}tests/packaging`);
  for (const block of blocks) {
    assert.ok(texts.some((text) => text.includes(block)), `not in any file of tests/packaging/:\n${block}`);
  }
  // Commands named inline in the prose, too.
  const commands = [...section.matchAll(/`((?:webpack|vite|deno|tsc|workerd) [^`]*)`/g)].map((match) => match[1]);
  assert.ok(commands.length >= 1);
  for (const command of commands) {
    assert.ok(texts.some((text) => text.includes(command)), `not in any file of tests/packaging/: ${command}`);
  }
});

test("the README's endpoint examples (Express, the Fetch-style route) are the ones tests/js/endpoints.test.mjs runs", () => {
  const readme = readFileSync(`${root}README.md`, "utf8");
  const texts = sources(`${root}tests/js`);
  for (const heading of ["## Node: a webhook endpoint (Express)", "## A Fetch-style handler (Next.js route)"]) {
    const start = readme.indexOf(`${heading}\n`);
    assert.ok(start >= 0, `README.md has no '${heading}' section`);
    const block = /^```\w*\n([\s\S]*?)^```$/m.exec(readme.slice(start))?.[1];
    assert.ok(block, `no code block under '${heading}'`);
    assert.match(block, /unknown_event_type/, `${heading}: an authentic event of a type it does not know must be acknowledged`);
    assert.ok(texts.some((text) => text.includes(block)), `${heading}: not in any file of tests/js/:\n${block}`);
  }
});
