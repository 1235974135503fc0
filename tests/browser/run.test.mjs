// Runs the shared JavaScript cases (tests/js/cases.mjs, webhook-cases.mjs)
// in headless Chromium and headless Firefox against pkg/dist/web.js, through
// chromedriver and geckodriver (scripts/webdriver.mjs), and reports each case
// as a node:test subtest. Needs `make pkg` first (make test does it).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BROWSERS, readFromPage, servePage } from "../../scripts/webdriver.mjs";

const root = new URL("../../", import.meta.url).pathname;

/** @type {{ url: string, close(): void }} */
let page;

before(async () => {
  page = await servePage(`${root}tests/browser/suite.mjs`, { loader: { ".json": "text" }, logLevel: "warning" });
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
