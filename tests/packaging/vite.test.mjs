// A Vite 7 app (consumers/app/ with consumers/vite/vite.config.js) that
// imports the installed package, built for production with `vite build`,
// served from dist/ and opened in headless Chromium and Firefox: the main
// thread and a module Web Worker must both decode.
import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { BROWSERS, readFromPage, serveFiles } from "../../scripts/webdriver.mjs";
import { check, consumer, EXPECTED, filesOf, run, tool, WORKER_EXPECTED } from "./harness.mjs";

/** @type {string} */
let dir;
/** @type {{ url: string, close(): void }} */
let page;

before(async () => {
  dir = await consumer("vite", ["app", "vite"]);
  await check(tool("vite"), ["build", "--logLevel", "warn"], { cwd: dir });
  page = await serveFiles(filesOf(`${dir}/dist`));
});

after(() => page?.close());

test("vite build bundles the worker as a separate ES module chunk, with the package inside", () => {
  const assets = readdirSync(`${dir}/dist/assets`);
  assert.equal(assets.filter((name) => /^index-.*\.js$/.test(name)).length, 1, assets.join(", "));
  assert.equal(assets.filter((name) => /^worker-.*\.js$/.test(name)).length, 1, assets.join(", "));
});

test("without worker.format 'es', vite build refuses the worker: the package's top-level await", async () => {
  writeFileSync(`${dir}/empty.config.js`, "export default {};\n");
  const result = await run(tool("vite"), ["build", "--config", "empty.config.js", "--outDir", "dist-default"], { cwd: dir });
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /Module format "iife" does not support top-level await/);
});

for (const browser of BROWSERS) {
  test(`the Vite production build decodes on the main thread and in a Web Worker, in headless ${browser.name}`, { timeout: 90_000 }, async () => {
    const results = await readFromPage(browser, page.url, "__results", 60_000);
    assert.deepEqual(results, { main: EXPECTED, worker: WORKER_EXPECTED, here: true });
  });
}
