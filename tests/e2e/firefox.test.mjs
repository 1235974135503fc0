// The demo page (www/) in headless Firefox: every example button, and every
// example of catalogue/examples.json pasted in, valid and broken, shows what
// the package decides in Node for the same text (its verdict, event type,
// issues by code and path, and the field table's rows by path).
//
// Firefox goes through geckodriver (scripts/webdriver.mjs), not
// playwright-core, whose Firefox needs Playwright's own patched build (see
// demo.test.mjs); so each step is a script run in the page. The page's
// layout and interactions are tested in Chromium by the other files here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { safeDecode } from "../../pkg/dist/node.mjs";
import { startDemoServer } from "../../scripts/serve-demo.mjs";
import { BROWSERS, waitFor, withPage } from "../../scripts/webdriver.mjs";
import { EXAMPLES } from "../../www/examples.js";

const root = new URL("../../", import.meta.url);
const firefox = BROWSERS.find((browser) => browser.name === "Firefox");
const CATALOGUE = JSON.parse(readFileSync(new URL("catalogue/examples.json", root), "utf8")).examples;

/**
 * For each [text, example] given: pastes `text` into the editor (which
 * decodes at once on a paste) or clicks the example button `example`, then
 * reads what the page shows.
 */
const SHOW = `
  return arguments[0].map(([text, example]) => {
    const payload = document.getElementById("payload");
    if (example) {
      document.querySelector('[data-example="' + example + '"]').click();
    } else {
      payload.value = text;
      payload.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
    }
    const verdict = document.getElementById("verdict");
    return {
      text: payload.value,
      valid: verdict.classList.contains("valid"),
      verdict: verdict.textContent,
      eventType: document.getElementById("event-type").textContent,
      // The issues in view (the list stays, hidden, under a valid event).
      issues: [...document.querySelectorAll("#issues .issue")].filter((b) => !b.closest("[hidden]")).map((b) => [b.querySelector(".issue-code").textContent, b.dataset.path]),
      rows: [...document.querySelectorAll("#fields tr[data-path]")].filter((row) => !row.closest("[hidden]")).map((row) => row.dataset.path),
    };
  });
`;

/** What the page must show for `text`: the package's verdict in Node. @param {string} text */
function expected(text) {
  const result = safeDecode(text);
  if (result.success) return { valid: true, eventType: result.data.event_type, issues: [] };
  const issues = result.error.issues.map((/** @type {{ code: string, path: string }} */ issue) => [issue.code, issue.path]);
  return { valid: false, eventType: null, issues: issues.sort() };
}

/** `text` with its first string value after `event_type` changed to a number. @param {string} text */
function broken(text) {
  return text.replace(/("event_type":"[^"]*",)("[^"]+":)"[^"]*"/, "$1$212");
}

/** @type {Awaited<ReturnType<typeof startDemoServer>>} */
let demo;
before(async () => {
  demo = await startDemoServer({ port: 0 });
});
after(() => demo?.close());

test("the demo page in headless Firefox shows what the package decides, for every example button and every catalogue example", { timeout: 120_000 }, async () => {
  assert.ok(firefox, "scripts/webdriver.mjs has Firefox");
  const texts = Object.values(CATALOGUE).flatMap((/** @type {Record<string, unknown>} */ modes) =>
    Object.values(modes).map((example) => JSON.stringify(example)),
  );
  // Minimal and full of every event type, and nulls of some (227 at 1.977.0).
  assert.ok(texts.length > 2 * Object.keys(CATALOGUE).length, `${texts.length} examples`);
  const brokenTexts = texts.map(broken).filter((text, i) => text !== texts[i]);
  // A string after event_type to break: most examples (203 of 227 at 1.977.0).
  assert.ok(brokenTexts.length > 0.8 * texts.length, `only ${brokenTexts.length} of ${texts.length} examples were broken`);
  await withPage(firefox, demo.url, async (page) => {
    // The page has loaded the decoder once its first example shows a verdict.
    await page.execute(`
      const ready = () => document.getElementById("verdict").matches(".valid, .invalid");
      window.__ready = ready() || null;
      if (!ready()) new MutationObserver(() => { if (ready()) window.__ready = true; }).observe(document.body, { subtree: true, childList: true, attributes: true });
    `);
    await waitFor(page, "Firefox", "__ready", 30_000);
    /** Each step's verdict: true if valid. @param {[string, string | null][]} steps */
    const show = async (steps) => {
      const shown = await page.execute(SHOW, steps);
      return shown.map((/** @type {any} */ one, /** @type {number} */ i) => check(one, steps[i][1] ? `button ${steps[i][1]}` : steps[i][0]));
    };
    const check = (/** @type {any} */ shown, /** @type {string} */ what) => {
      const want = expected(shown.text);
      assert.equal(shown.valid, want.valid, `${what}: ${shown.verdict}`);
      assert.deepEqual(shown.issues.sort(), want.issues, what);
      if (want.valid) {
        assert.equal(shown.eventType, want.eventType, what);
        // A row per top-level field at least, by its JSON Pointer.
        for (const key of Object.keys(JSON.parse(shown.text))) assert.ok(shown.rows.includes(`/${key}`), `${what}: no row for /${key}`);
      }
      return want.valid;
    };
    const buttons = await show(EXAMPLES.map((example) => ["", example.id]));
    const valid = buttons.filter(Boolean).length;
    assert.ok(valid > 3 && valid < EXAMPLES.length, `${valid} of ${EXAMPLES.length} buttons valid`);
    assert.deepEqual(await show(texts.map((text) => [text, null])), texts.map(() => true));
    assert.deepEqual(await show(brokenTexts.map((text) => [text, null])), brokenTexts.map(() => false));
  });
});
