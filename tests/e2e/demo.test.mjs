// End-to-end test of the demo page (www/), served by scripts/serve-demo.mjs on
// 127.0.0.1 (a free port) and driven in headless Chromium through
// playwright-core. Run with `make test-demo` or `node --test tests/e2e/`.
//
// Chromium only. Firefox was tried with playwright-core 1.65.1 and Debian's
// Firefox ESR (/usr/bin/firefox-esr, 153.8.0esr), and neither way works:
// - firefox.launch({ executablePath: "/usr/bin/firefox-esr" }) fails with
//     browserType.launch: Failed to launch the browser process.
//     <launching> /usr/bin/firefox-esr -no-remote -headless -profile /tmp/playwright_firefoxdev_profile-… -juggler-pipe -silent
//     [err] *** You are running in headless mode.
//     <process did exit: exitCode=0, signal=null>
//   (Playwright's Firefox protocol, Juggler, exists only in its own patched build.)
// - firefox.launch({ channel: "moz-firefox", executablePath: "/usr/bin/firefox-esr" }),
//   Playwright's WebDriver BiDi path, launches, but browser.newPage() fails with
//     browser.newPage: Protocol error (emulation.setMediaFeaturesOverride): unknown command
// The page's logic is plain ES2022 and the decoder itself runs in Firefox in
// `make test-wasm-firefox`; firefox.test.mjs drives this page in Firefox
// through geckodriver instead (every example, valid and broken).
//
// The set-up (server, browser, the record of requests and errors) is in
// harness.mjs, shared with verify.test.mjs, the signature panel's test.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { EXAMPLES, pretty } from "../../www/examples.js";
import { fieldRows as rowsOf } from "../../www/fields.js";
import { fieldAt } from "../../www/schema.js";
import { openDemo, shot, scrollsSideways as sideways } from "./harness.mjs";

const root = new URL("../../", import.meta.url);
const fixture = (/** @type {string} */ name) => readFileSync(new URL(`tests/fixtures/${name}.json`, root), "utf8");

const EXAMPLES_JSON = JSON.parse(readFileSync(new URL("catalogue/examples.json", root), "utf8")).examples;
const LOGIN_SUCCEEDED = fixture("login_succeeded");
const LOGIN_FAILED = fixture("login_failed");
const WITH_METADATA = fixture("login_succeeded_with_metadata");

/** The login_failed fixture with a bad UUID and a day that does not exist. */
const BROKEN = LOGIN_FAILED.replace(
  '"event_id": "00000000-0000-0000-0000-000000000000"',
  '"event_id": "not-a-uuid"',
).replace('"created_at": "2025-01-01T00:00:00.000Z"', '"created_at": "2023-02-29T00:00:00Z"');

/** The login_failed fixture without the comma that ends line 3. */
const MISSING_COMMA = LOGIN_FAILED.replace('"2025-01-01T00:00:00.000Z",\n  "event_id"', '"2025-01-01T00:00:00.000Z"\n  "event_id"');

/** @type {Awaited<ReturnType<typeof openDemo>>} */
let session;
/** @type {import("playwright-core").Page} */
let page;

/** Waits until the page has decoded what is in the editor now (the backdrop mirrors it then). */
async function settled() {
  await page.waitForFunction(() => {
    const payload = /** @type {HTMLTextAreaElement} */ (document.getElementById("payload"));
    const backdrop = /** @type {HTMLElement} */ (document.getElementById("backdrop"));
    return !backdrop.classList.contains("stale") && backdrop.textContent === `${payload.value}\n `;
  });
}

/** Replaces the editor's text as typing would (an input event), then waits for the decode. */
async function type(/** @type {string} */ text) {
  await page.fill("#payload", text);
  await settled();
}

/** The issues shown, as [code, path, line/column text] from the visible list. */
function shownIssues() {
  return page.$$eval("#issues .issue", (buttons) =>
    buttons.map((button) => [
      button.querySelector(".issue-code")?.textContent,
      button.dataset.path,
      button.querySelector(".issue-where")?.textContent ?? null,
    ]),
  );
}

/** The text the editor's selection covers, and whether the editor has the focus. */
function editorSelection() {
  return page.evaluate(() => {
    const payload = /** @type {HTMLTextAreaElement} */ (document.getElementById("payload"));
    return {
      focused: document.activeElement === payload,
      start: payload.selectionStart,
      end: payload.selectionEnd,
      text: payload.value.slice(payload.selectionStart, payload.selectionEnd),
    };
  });
}

/** The rows of the field table: [path, rule, presence]; the rows of issues under them apart. */
function fieldRows() {
  return page.$$eval("#fields tr:not(.field-issues)", (rows) =>
    rows.map((row) => [
      row.querySelector("th")?.textContent,
      row.querySelector("td.rule .rule-text")?.textContent,
      row.querySelector("td.presence")?.textContent,
    ]),
  );
}

/** The row of the field table at a JSON Pointer: [path, value, rule, presence, description, depth, class]. */
function fieldRow(/** @type {string} */ pointer) {
  return page.$eval(`#fields tr[data-path="${pointer}"]`, (row) => [
    row.querySelector("th")?.textContent,
    row.querySelector("td.value")?.textContent,
    row.querySelector("td.rule .rule-text")?.textContent,
    row.querySelector("td.presence")?.textContent,
    row.querySelector("td.rule .doc")?.textContent ?? null,
    row.getAttribute("data-depth"),
    row.className,
  ]);
}

/** The issues shown under the rows of the field table: [row's path, code, issue's path]. */
function fieldIssues() {
  return page.$$eval("#fields tr.field-issues", (rows) =>
    rows.flatMap((row) =>
      [...row.querySelectorAll(".field-issue")].map((button) => [
        row.previousElementSibling?.getAttribute("data-path"),
        button.querySelector(".issue-code")?.textContent,
        /** @type {HTMLElement} */ (button).dataset.path,
      ]),
    ),
  );
}

/**
 * Puts a long text in the editor as a paste does (an input event of type
 * insertFromPaste), then waits for the decode: page.fill types it in, which
 * takes seconds for a few hundred KB.
 */
async function paste(/** @type {string} */ text) {
  await page.$eval(
    "#payload",
    (payload, value) => {
      /** @type {HTMLTextAreaElement} */ (payload).value = value;
      payload.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
    },
    text,
  );
  await settled();
}

/** Loads an example by its button and waits for its verdict. */
async function load(/** @type {string} */ id) {
  await page.click(`[data-example="${id}"]`);
  await settled();
}

/** The text of an example. */
const exampleText = (/** @type {string} */ id) => EXAMPLES.find((example) => example.id === id)?.text ?? "";

/** The marks painted behind the editor: [offset in the text, marked text]. */
function marks() {
  return page.evaluate(() => {
    /** @type {[number, string][]} */
    const found = [];
    let at = 0;
    for (const node of document.getElementById("backdrop")?.childNodes ?? []) {
      if (node.nodeName === "MARK") found.push([at, node.textContent ?? ""]);
      at += node.textContent?.length ?? 0;
    }
    return found;
  });
}

/** Whether the page scrolls sideways. */
const scrollsSideways = () => sideways(page);

describe("demo page", { timeout: 30_000 }, () => {
  before(async () => {
    session = await openDemo();
    page = session.page;
  });

  after(() => session?.close());

  it("keeps the example payloads equal to the fixtures", () => {
    const text = Object.fromEntries(EXAMPLES.map((example) => [example.id, example.text]));
    assert.equal(text.login_succeeded, LOGIN_SUCCEEDED);
    assert.equal(text.login_failed, LOGIN_FAILED);
    assert.equal(text.with_metadata, WITH_METADATA);
    assert.equal(EXAMPLES[0].id, "login_succeeded");
  });

  it("takes the valid examples of the other families from catalogue/examples.json, as the page shows a payload", () => {
    /** @type {[string, string, string][]} */
    const derived = [
      ["lock_unlocked", "lock.unlocked", "full"],
      ["battery", "device.battery_status_changed", "full"],
      ["access_code", "access_code.failed_to_set_on_device", "full"],
      ["acs_user_deleted", "acs_user.deleted", "minimal"],
      ["camera", "camera.activated", "full"],
    ];
    for (const [id, type, which] of derived) {
      assert.equal(exampleText(id), pretty(EXAMPLES_JSON[type][which]), id);
      assert.equal(EXAMPLES.find((example) => example.id === id)?.valid, true, id);
    }
    // Each broken variant is its valid example with one or two values changed.
    assert.equal(exampleText("battery_broken"), exampleText("battery").replace('"battery_level": 0.5', '"battery_level": 1.5'));
    assert.equal(exampleText("lock_unlocked_broken"), exampleText("lock_unlocked").replace(`"method": ${JSON.stringify(EXAMPLES_JSON["lock.unlocked"].full.method)}`, '"method": "fingerprint"'));
    /** @param {string} text */
    const family = (text) => {
      try {
        return String(JSON.parse(text).event_type).split(".")[0];
      } catch {
        return undefined; // the syntax error
      }
    };
    const families = new Set(EXAMPLES.map((example) => family(example.text)));
    for (const name of ["connect_webview", "lock", "device", "access_code", "acs_user"]) assert.ok(families.has(name), name);
  });

  it("opens with the spec's login_succeeded example decoded", async () => {
    await page.waitForSelector("#verdict.valid");
    assert.equal(await page.inputValue("#payload"), LOGIN_SUCCEEDED);
    assert.equal(await page.textContent("#event-type"), "connect_webview.login_succeeded");
    assert.equal(await page.textContent("#verdict"), "Valid connect_webview.login_succeeded event: 9 fields.");
    assert.deepEqual(await fieldRows(), [
      ["/connect_webview_id", "a UUID", "required"],
      ["/connected_account_custom_metadata", "an object of string and boolean values", "optional"],
      ["/connected_account_id", "a UUID", "required"],
      ["/created_at", "a date-time", "required"],
      ["/customer_key", "a string", "optional"],
      ["/event_id", "a UUID", "required"],
      ["/event_type", 'exactly "connect_webview.login_succeeded"', "required"],
      ["/occurred_at", "a date-time", "required"],
      ["/workspace_id", "a UUID", "required"],
    ]);
    assert.equal(await page.textContent('#fields tr[data-path="/customer_key"] td.value'), '""');
    assert.equal(await page.textContent('#fields tr[data-path="/connected_account_custom_metadata"] td.value'), "{}");
    // The reference's description of each field, and of the event type.
    assert.equal((await fieldRow("/connect_webview_id"))[4], "ID of the affected Connect Webview.");
    assert.match((await page.textContent("#event-doc")) ?? "", /Connect Webview/);
    assert.equal(await page.textContent("#decoded"), JSON.stringify(JSON.parse(LOGIN_SUCCEEDED), null, 2));
    assert.equal(await page.isVisible("#invalid-view"), false);
    await page.screenshot({ path: shot("demo-valid.png"), fullPage: true });
  });

  it("copies the decoded JSON", async () => {
    await page.click("#copy");
    await page.waitForFunction(() => document.getElementById("copy-status")?.textContent !== "");
    assert.equal(await page.textContent("#copy-status"), "Copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, JSON.stringify(JSON.parse(LOGIN_SUCCEEDED), null, 2));
  });

  it("lists exactly the issues of a broken payload as it is typed", async () => {
    await type(BROKEN);
    assert.equal(await page.textContent("#verdict"), "Invalid: 2 issues.");
    assert.deepEqual(await shownIssues(), [
      ["invalid_datetime", "/created_at", null],
      ["invalid_uuid", "/event_id", null],
    ]);
    assert.deepEqual(
      await page.$$eval(".issue-path", (paths) => paths.map((path) => path.textContent)),
      ["/created_at", "/event_id"],
    );
    assert.match((await page.textContent(".issue:nth-of-type(1) .issue-message")) ?? "", /February 2023 has no day 29/);
    assert.equal(await page.isVisible("#valid-view"), false);
    // The field table shows the payload's fields, each issue under its field.
    assert.equal(await page.isVisible("#fields-view"), true);
    assert.deepEqual(await fieldIssues(), [
      ["/created_at", "invalid_datetime", "/created_at"],
      ["/event_id", "invalid_uuid", "/event_id"],
    ]);
    assert.equal(await page.isVisible("#decoded-view"), false);
    // Each value with an issue is marked behind the editor.
    assert.deepEqual(await marks(), [
      [BROKEN.indexOf('"2023-02-29T00:00:00Z"'), '"2023-02-29T00:00:00Z"'],
      [BROKEN.indexOf('"not-a-uuid"'), '"not-a-uuid"'],
    ]);
  });

  it("selects the text of an issue when it is clicked or chosen with Enter", async () => {
    await page.click('.issue[data-code="invalid_uuid"]');
    assert.deepEqual(await editorSelection(), {
      focused: true,
      start: BROKEN.indexOf('"not-a-uuid"'),
      end: BROKEN.indexOf('"not-a-uuid"') + '"not-a-uuid"'.length,
      text: '"not-a-uuid"',
    });
    await page.focus('.issue[data-code="invalid_datetime"]');
    await page.keyboard.press("Enter");
    const chosen = await editorSelection();
    assert.equal(chosen.focused, true);
    assert.equal(chosen.text, '"2023-02-29T00:00:00Z"');
    await page.screenshot({ path: shot("demo-invalid.png"), fullPage: true });
  });

  it("shows a syntax error's line and column and marks the spot", async () => {
    await type(MISSING_COMMA);
    assert.deepEqual(await shownIssues(), [["invalid_json", "", "line 4, column 3"]]);
    assert.match((await page.textContent(".issue-message")) ?? "", /line 4, column 3/);
    const spot = MISSING_COMMA.indexOf('"event_id"');
    assert.deepEqual(await marks(), [[spot, '"']]);
    await page.click('.issue[data-code="invalid_json"]');
    assert.deepEqual(await editorSelection(), { focused: true, start: spot, end: spot + 1, text: '"' });
  });

  it("decodes while typing without moving the caret", async () => {
    await page.click('[data-example="login_failed"]');
    await page.waitForSelector("#verdict.valid");
    await page.focus("#payload");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("x");
    await settled();
    assert.deepEqual(await shownIssues(), [["invalid_json", "", "line 9, column 1"]]);
    await page.keyboard.type("yz", { delay: 40 });
    await settled();
    const caret = await editorSelection();
    const length = LOGIN_FAILED.length + 3;
    assert.deepEqual(caret, { focused: true, start: length, end: length, text: "" });
    assert.equal(await page.inputValue("#payload"), `${LOGIN_FAILED}xyz`);
    assert.deepEqual(await marks(), [[LOGIN_FAILED.length, "x"]]);
  });

  it("decodes a paste at once, without waiting for the typing pause", async () => {
    await page.click('[data-example="login_succeeded"]');
    await page.evaluate((text) => navigator.clipboard.writeText(text), BROKEN);
    await page.focus("#payload");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    // No wait here: the input handler decodes a paste synchronously.
    assert.equal(await page.getAttribute("#verdict", "class"), "verdict invalid");
    assert.deepEqual((await shownIssues()).map(([code, path]) => [code, path]), [
      ["invalid_datetime", "/created_at"],
      ["invalid_uuid", "/event_id"],
    ]);
  });

  it("decodes each example button's payload", async () => {
    /** @type {[string, string | [string, string, string | null][]][]} */
    const expected = [
      ["login_failed", "connect_webview.login_failed"],
      ["with_metadata", "connect_webview.login_succeeded"],
      ["bad_uuid", [["invalid_uuid", "/connected_account_id", null]]],
      ["impossible_date", [["invalid_datetime", "/created_at", null]]],
      ["lock_unlocked", "lock.unlocked"],
      ["lock_unlocked_broken", [["invalid_enum", "/method", null]]],
      ["battery", "device.battery_status_changed"],
      ["battery_broken", [["out_of_range", "/battery_level", null]]],
      ["access_code", "access_code.failed_to_set_on_device"],
      [
        "access_code_broken",
        [
          ["invalid_datetime", "/access_code_errors/1/created_at", null],
          ["missing_field", "/access_code_warnings/1/warning_code", null],
        ],
      ],
      ["acs_user_deleted", "acs_user.deleted"],
      ["acs_user_deleted_broken", [["invalid_uuid", "/acs_user_id", null]]],
      ["camera", "camera.activated"],
      ["camera_broken", [["invalid_url", "/image_url", null]]],
      ["other_event_type", [["unknown_event_type", "/event_type", null]]],
      ["syntax_error", [["invalid_json", "", "line 4, column 3"]]],
      ["duplicate_key", [["duplicate_field", "/event_type", null]]],
      ["login_succeeded", "connect_webview.login_succeeded"],
    ];
    // Every button is in the table.
    assert.deepEqual(expected.map(([id]) => id).sort(), EXAMPLES.map((example) => example.id).sort());
    for (const [id, outcome] of expected) {
      await page.click(`[data-example="${id}"]`);
      assert.equal(await page.getAttribute(`[data-example="${id}"]`, "aria-current"), "true", id);
      if (typeof outcome === "string") {
        assert.equal(await page.getAttribute("#verdict", "class"), "verdict valid", id);
        assert.equal(await page.textContent("#event-type"), outcome, id);
        const fields = Object.keys(JSON.parse(exampleText(id))).length;
        assert.match((await page.textContent("#verdict")) ?? "", new RegExp(`^Valid ${outcome.replaceAll(".", "\\.")} event: ${fields} fields`), id);
      } else {
        assert.equal(await page.getAttribute("#verdict", "class"), "verdict invalid", id);
        // Sorted: the order the decoder reports them in is not this test's.
        assert.deepEqual((await shownIssues()).sort(), [...outcome].sort(), id);
      }
    }
    // A duplicate key selects its last occurrence, the one JSON.parse keeps.
    await page.click('[data-example="duplicate_key"]');
    await page.click('.issue[data-code="duplicate_field"]');
    const text = EXAMPLES.find((example) => example.id === "duplicate_key")?.text ?? "";
    const last = text.lastIndexOf('"event_type"');
    assert.deepEqual(await editorSelection(), {
      focused: true,
      start: last,
      end: last + '"event_type": "connect_webview.login_failed"'.length,
      text: '"event_type": "connect_webview.login_failed"',
    });
  });

  it("keeps an unknown field, and reports it in strict mode", async () => {
    await page.click('[data-example="with_metadata"]');
    assert.deepEqual(await page.$eval('#fields tr[data-path="/hint"]', (row) => [row.className, row.querySelector("td.rule")?.textContent]), [
      "unknown",
      "kept, not in the schema",
    ]);
    assert.equal(await page.textContent("#verdict"), "Valid connect_webview.login_succeeded event: 11 fields (14 values with the nested ones), 1 kept outside the schema.");
    await page.check("#strict");
    assert.deepEqual(await shownIssues(), [["unknown_field", "/hint", null]]);
    await page.click('.issue[data-code="unknown_field"]');
    assert.equal((await editorSelection()).text, '"hint": {"added_by_seam_later": [1, 2.5, null]}');
    await page.uncheck("#strict");
    assert.equal(await page.getAttribute("#verdict", "class"), "verdict valid");
  });

  it("shows nested fields by their JSON Pointer, each with its rule, presence and description", async () => {
    await load("access_code");
    assert.equal(await page.getAttribute("#verdict", "class"), "verdict valid");
    const rows = await fieldRows();
    const paths = rows.map(([path]) => path);
    // Parents first, then each item and its fields, by index.
    const first = paths.indexOf("/access_code_errors");
    assert.deepEqual(paths.slice(first, first + 9), [
      "/access_code_errors",
      "/access_code_errors/0",
      "/access_code_errors/0/created_at",
      "/access_code_errors/0/error_code",
      "/access_code_errors/0/message",
      "/access_code_errors/1",
      "/access_code_errors/1/created_at",
      "/access_code_errors/1/error_code",
      "/access_code_errors/1/message",
    ]);
    assert.deepEqual(await fieldRow("/access_code_errors"), ["/access_code_errors", "[2 items]", "an array of objects", "required", "Errors associated with the access code.", "0", ""]);
    assert.deepEqual((await fieldRow("/access_code_errors/0")).slice(1, 4), ["{3 fields}", "an object", "each item"]);
    const created = await fieldRow("/access_code_errors/0/created_at");
    assert.deepEqual(created.slice(0, 4), ["/access_code_errors/0/created_at", '"2025-01-01T00:00:00.000Z"', "a date-time", "required"]);
    assert.equal(created[5], "2");
    assert.match(created[4] ?? "", /error/);
    // A field's description is shown once, not again for the next item.
    assert.equal((await fieldRow("/access_code_errors/1/created_at"))[4], null);
    // A record's entries: each value by its key.
    assert.deepEqual((await fieldRow("/device_custom_metadata/vip")).slice(0, 4), ["/device_custom_metadata/vip", "true", "a string or a boolean", "each value"]);
    // Every value of the payload has its row, and every row its rule.
    /** @type {(value: unknown, pointer: string) => string[]} */
    const pointers = (value, pointer) => [pointer, ...(typeof value === "object" && value !== null ? Object.entries(value).flatMap(([k, v]) => pointers(v, `${pointer}/${k}`)) : [])];
    assert.deepEqual(paths, pointers(JSON.parse(exampleText("access_code")), "").slice(1));
    assert.deepEqual(rows.filter(([, rule]) => !rule || rule === "kept, not in the schema"), []);
    assert.equal(await scrollsSideways(), false);
    await page.screenshot({ path: shot("demo-nested.png"), fullPage: true });
  });

  it("shows the issues at nested paths under their fields and selects each one's text", async () => {
    await load("access_code_broken");
    const text = exampleText("access_code_broken");
    assert.deepEqual(await fieldIssues(), [
      ["/access_code_errors/1/created_at", "invalid_datetime", "/access_code_errors/1/created_at"],
      ["/access_code_warnings/1/warning_code", "missing_field", "/access_code_warnings/1/warning_code"],
    ]);
    const bad = await fieldRow("/access_code_errors/1/created_at");
    assert.deepEqual([bad[1], bad[2], bad[6]], ['"2025-01-01 00:00:00Z"', "a date-time", "has-issue"]);
    // The missing field has a row of its own, after the item's other fields.
    const missing = await fieldRow("/access_code_warnings/1/warning_code");
    assert.deepEqual([missing[1], missing[3], missing[6]], ["missing", "required", "missing has-issue"]);
    const rows = (await fieldRows()).map(([path]) => path);
    assert.equal(rows.indexOf("/access_code_warnings/1/warning_code"), rows.indexOf("/access_code_warnings/1/message") + 1);

    // The bad date: the second created_at of the errors, not the first.
    const date = text.indexOf('"2025-01-01 00:00:00Z"');
    const selected = { focused: true, start: date, end: date + '"2025-01-01 00:00:00Z"'.length, text: '"2025-01-01 00:00:00Z"' };
    await page.click('#fields .field-issue[data-code="invalid_datetime"]');
    assert.deepEqual(await editorSelection(), selected);
    await page.click('#issues .issue[data-code="invalid_datetime"]');
    assert.deepEqual(await editorSelection(), selected);
    assert.ok((await marks()).some(([at, marked]) => at === date && marked === '"2025-01-01 00:00:00Z"'));
    // The missing field: the item that lacks it, the second warning.
    await page.click('#fields .field-issue[data-code="missing_field"]');
    const item = await editorSelection();
    assert.deepEqual(JSON.parse(item.text), { created_at: "2025-01-01T00:00:00.000Z", message: "message text" });
    assert.equal(item.start, text.indexOf("{", text.indexOf("},", text.indexOf('"access_code_warnings"'))));
  });

  it("names the rule broken by an enum, a bound and a URL next to the field", async () => {
    await load("lock_unlocked_broken");
    assert.deepEqual(await fieldIssues(), [["/method", "invalid_enum", "/method"]]);
    // The rule www/schema.js gives (held to the catalogue's values by tests/catalogue/copies.test.mjs).
    assert.equal((await fieldRow("/method"))[2], fieldAt("lock.unlocked", "/method")?.rule);
    assert.match((await fieldRow("/method"))[2] ?? "", /^one of "keycode", "manual", /);
    const message = (await page.textContent("#fields .field-issue .issue-message")) ?? "";
    assert.match(message, /"keycode"/);
    assert.match(message, /"fingerprint"/);

    await load("battery_broken");
    assert.deepEqual(await fieldIssues(), [["/battery_level", "out_of_range", "/battery_level"]]);
    assert.deepEqual((await fieldRow("/battery_level")).slice(1, 4), ["1.5", "a number from 0 to 1", "required"]);
    await page.click('#fields .field-issue[data-code="out_of_range"]');
    assert.equal((await editorSelection()).text, "1.5");

    await load("camera_broken");
    assert.deepEqual(await fieldIssues(), [["/image_url", "invalid_url", "/image_url"]]);
    assert.equal((await fieldRow("/image_url"))[2], "a URL");
  });

  it("keeps a nested unknown field, and reports it at its own path in strict mode", async () => {
    const withExtra = exampleText("access_code").replace('"error_code": "error_code text",', '"error_code": "error_code text",\n      "zz": [1],');
    assert.notEqual(withExtra, exampleText("access_code"));
    await type(withExtra);
    assert.match((await page.textContent("#verdict")) ?? "", /^Valid access_code\.failed_to_set_on_device event: \d+ fields \(\d+ values with the nested ones\), 1 kept outside the schema\.$/);
    assert.deepEqual((await fieldRow("/access_code_errors/0/zz")).slice(1, 4), ["[1]", "kept, not in the schema", "extra"]);
    await page.check("#strict");
    assert.deepEqual(await shownIssues(), [["unknown_field", "/access_code_errors/0/zz", null]]);
    assert.deepEqual(await fieldIssues(), [["/access_code_errors/0/zz", "unknown_field", "/access_code_errors/0/zz"]]);
    await page.click('#fields .field-issue[data-code="unknown_field"]');
    assert.equal((await editorSelection()).text, '"zz": [1]');
    await page.uncheck("#strict");
  });

  it("still says unknown_event_type for a type outside the catalogue, naming it, with no field table", async () => {
    await load("other_event_type");
    assert.deepEqual(await shownIssues(), [["unknown_event_type", "/event_type", null]]);
    assert.match((await page.textContent("#issues .issue-message")) ?? "", /device\.teleported/);
    assert.equal(await page.isVisible("#fields-view"), false);
    // A type the catalogue has, but of another family than the connect_webview events: not unknown.
    await type(exampleText("acs_user_deleted").replace('"acs_user.deleted"', '"acs_user.deleted_later"'));
    assert.deepEqual(await shownIssues(), [["unknown_event_type", "/event_type", null]]);
    await type(exampleText("acs_user_deleted"));
    assert.equal(await page.textContent("#event-type"), "acs_user.deleted");
  });

  it("shows no field table for text the decoder refused as text, whatever the browser's JSON.parse makes of it", async () => {
    const unlocked = exampleText("lock_unlocked");
    const cases = [
      // JSON.parse: null for 1e999, U+FFFD for the escape, a deep array, a long string.
      [unlocked.replace('"is_via_nfc": true', '"is_via_nfc": 1e999'), "invalid_json"],
      [unlocked.replace('"code": "code text"', '"code": "a\\uD800b"'), "invalid_json"],
      [unlocked.replace('"is_via_nfc": true', `"is_via_nfc": ${"[".repeat(200)}${"]".repeat(200)}`), "invalid_json"],
      [unlocked.replace('"code": "code text"', `"code": "${"x".repeat(1 << 20)}"`), "payload_too_large"],
    ];
    assert.ok(cases.every(([text]) => text !== unlocked));
    for (const [text, code] of cases) {
      await paste(text);
      assert.deepEqual((await shownIssues()).map(([c]) => c), [code]);
      assert.equal(await page.isVisible("#fields-view"), false, code);
    }
    // An invalid event the decoder read as JSON still has its table.
    await load("lock_unlocked_broken");
    assert.equal(await page.isVisible("#fields-view"), true);
  });

  it("cuts a long table and a long issue list short, and says how many more, with the verdict's counts whole", async () => {
    const event = structuredClone(EXAMPLES_JSON["access_code.failed_to_set_on_device"].full);
    const [item] = event.access_code_errors;
    assert.ok(item);
    event.access_code_errors = Array.from({ length: 1000 }, () => ({ ...item, created_at: "nope" }));
    // How many rows the whole table would have, by the page's own rules (www/fields.js).
    const total = rowsOf("access_code.failed_to_set_on_device", event).length;
    assert.ok(total > 1000 * (1 + Object.keys(item).length), String(total));
    await paste(JSON.stringify(event, null, 2));
    assert.equal(await page.textContent("#verdict"), "Invalid: 1,000 issues.");
    const listed = await shownIssues();
    assert.equal(listed.length, 200);
    assert.deepEqual(listed[199], ["invalid_datetime", "/access_code_errors/199/created_at", null]);
    assert.equal(await page.textContent("#issues li.more"), "and 800 more issues: the list shows the first 200");
    assert.equal((await marks()).length, 200);
    const rows = await page.$$eval("#fields tr:not(.field-issues):not(.more)", (trs) => trs.length);
    assert.equal(rows, 500);
    assert.equal(await page.textContent("#fields tr.more"), `and ${(total - 500).toLocaleString("en-US")} more values: the table shows the first 500`);
    // Valid: the verdict counts the top-level fields and, apart, every value.
    event.access_code_errors = event.access_code_errors.map(() => item);
    await paste(JSON.stringify(event));
    assert.equal(
      await page.textContent("#verdict"),
      `Valid access_code.failed_to_set_on_device event: ${Object.keys(event).length} fields (${total.toLocaleString("en-US")} values with the nested ones).`,
    );
    assert.equal(await page.$$eval("#fields tr:not(.more)", (trs) => trs.length), 500);
  });

  it("is usable at phone width, by keyboard, and in dark mode", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const id of ["with_metadata", "bad_uuid", "syntax_error", "access_code", "access_code_broken", "lock_unlocked"]) {
      await page.click(`[data-example="${id}"]`);
      assert.equal(await scrollsSideways(), false, `${id} scrolls sideways at 375px`);
    }
    // A long key with no "_" in it, in a record and at the top level.
    const unlocked = exampleText("lock_unlocked");
    for (const key of ["externalReservationConfirmationNumber", "x".repeat(300)]) {
      await type(unlocked.replace('"tenant": "acme"', `"${key}": "v"`));
      assert.equal(await scrollsSideways(), false, `a key of ${key.length} characters scrolls sideways at 375px`);
      await type(unlocked.replace("{", `{"${key}": 1,`));
      assert.equal(await scrollsSideways(), false, `a top-level key of ${key.length} characters scrolls sideways at 375px`);
    }
    await page.click('[data-example="with_metadata"]');
    await page.screenshot({ path: shot("demo-phone.png"), fullPage: true });

    // Keyboard: from the strict switch back to the last example button, with
    // a visible focus ring, and Enter loads it.
    await page.focus("#strict");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => (/** @type {HTMLElement} */ (document.activeElement)).dataset.example), "duplicate_key");
    const outline = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.activeElement)).outlineStyle);
    assert.equal(outline, "solid");
    await page.keyboard.press("Enter");
    assert.deepEqual(await shownIssues(), [["duplicate_field", "/event_type", null]]);
    assert.equal(await page.getAttribute(".skip", "href"), "#payload");

    // Labels and the live verdict.
    assert.equal(await page.$eval("#payload", (el) => /** @type {HTMLTextAreaElement} */ (el).labels?.[0]?.textContent), "Webhook body (JSON)");
    assert.match((await page.$eval("#strict", (el) => /** @type {HTMLInputElement} */ (el).labels?.[0]?.textContent)) ?? "", /Strict mode/);
    assert.deepEqual(await page.$eval("#verdict", (el) => [el.getAttribute("role"), el.getAttribute("aria-live")]), ["status", "polite"]);
    // The signature panel is there, shown, and labelled by its heading
    // (verify.test.mjs tests what it does).
    assert.deepEqual(
      await page.$eval("#verify-panel", (el) => [el.tagName, /** @type {HTMLElement} */ (el).hidden, document.getElementById(el.getAttribute("aria-labelledby") ?? "")?.textContent]),
      ["SECTION", false, "Verify signature"],
    );

    await page.emulateMedia({ colorScheme: "dark" });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(13, 17, 23)");
    await page.screenshot({ path: shot("demo-phone-dark.png"), fullPage: true });
  });

  it("made no request off the machine and logged no error", () => {
    assert.ok(session.requests.some((url) => url === `${session.demo.url}pkg/dist/web.js`), "the page loads the package's browser build");
    assert.deepEqual(session.offMachine(), []);
    assert.deepEqual(session.problems, []);
  });
});
