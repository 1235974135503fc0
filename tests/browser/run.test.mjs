// Runs the shared JavaScript cases (tests/js/cases.mjs, webhook-cases.mjs)
// in headless Chromium and headless Firefox against pkg/dist/web.js, through
// chromedriver and geckodriver (scripts/webdriver.mjs), and reports each case
// as a node:test subtest. Needs `make pkg` first (make test does it).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { build } from "esbuild";
import { BROWSERS, readFromPage, serveFiles } from "../../scripts/webdriver.mjs";

const root = new URL("../../", import.meta.url).pathname;

/** @type {{ url: string, close(): void }} */
let page;

before(async () => {
  const bundle = await build({
    entryPoints: [`${root}tests/browser/suite.mjs`],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    loader: { ".json": "text" },
    logLevel: "warning",
  });
  page = await serveFiles({
    "/": { type: "text/html", body: '<!doctype html><meta charset="utf-8"><title>suite</title><script type="module" src="suite.js"></script>' },
    "/suite.js": { type: "text/javascript", body: Buffer.from(bundle.outputFiles[0].contents) },
  });
});

after(() => page?.close());

for (const browser of BROWSERS) {
  test(`the shared JavaScript cases pass in headless ${browser.name}`, { timeout: 120_000 }, async (t) => {
    const results = await readFromPage(browser, page.url, "__results", 90_000);
    assert.ok(results.length > 20, `expected the whole suite, found ${results.length} cases`);
    for (const result of results) {
      await t.test(result.name, () => {
        if (!result.ok) throw new Error(result.error);
      });
    }
  });
}
