// The same app (consumers/app/) bundled by webpack 5 with no configuration at
// all (`webpack --mode production --entry ./main.js`: no config file, no
// loader, no experiments flag), served and opened in headless Chromium and
// Firefox: the main thread and a module Web Worker must both decode.
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { BROWSERS, readFromPage, serveFiles } from "../../scripts/webdriver.mjs";
import { check, consumer, EXPECTED, filesOf, tool, WORKER_EXPECTED } from "./harness.mjs";

/** @type {string} */
let dir;
/** @type {{ url: string, close(): void }} */
let page;
/** @type {string} */
let log;

before(async () => {
  // consumers/webpack/ holds only the page: webpack does not write HTML.
  dir = await consumer("webpack", ["app", "webpack"]);
  ({ stdout: log } = await check(tool("webpack"), ["--mode", "production", "--entry", "./main.js"], { cwd: dir }));
  page = await serveFiles({ ...filesOf(`${dir}/dist`), "/": filesOf(dir)["/index.html"] });
});

after(() => page?.close());

test("webpack 5 bundles the package with no configuration, and without a warning", () => {
  assert.ok(!existsSync(`${dir}/webpack.config.js`));
  assert.match(log, /compiled successfully/);
  // Size hints (over 244 KiB) are about the app, not about how the package resolves.
  const warnings = log.split("\n").filter((line) => /WARNING|ERROR/.test(line) && !/size limit|performance recommendations/.test(line));
  assert.deepEqual(warnings, []);
  assert.ok(readdirSync(`${dir}/dist`).includes("main.js"));
});

for (const browser of BROWSERS) {
  test(`the webpack bundle decodes on the main thread and in a Web Worker, in headless ${browser.name}`, { timeout: 90_000 }, async () => {
    const results = await readFromPage(browser, page.url, "__results", 60_000);
    assert.deepEqual(results, { main: EXPECTED, worker: WORKER_EXPECTED, here: true });
  });
}
