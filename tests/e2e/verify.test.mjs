// End-to-end test of the demo page's "Verify signature" panel (www/), in
// headless Chromium through playwright-core, with the set-up of harness.mjs.
// Signatures made by the page are checked with the `svix` package in Node,
// and the page checks signatures that `svix` made, so that neither side is
// only checked against itself.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { Webhook } from "svix";
import { EXAMPLES } from "../../www/examples.js";
import { openDemo, scrollsSideways, shot } from "./harness.mjs";

const root = new URL("../../", import.meta.url);
const fixture = (/** @type {string} */ name) => readFileSync(new URL(`tests/fixtures/${name}.json`, root), "utf8");

const LOGIN_SUCCEEDED = fixture("login_succeeded");
const LOGIN_FAILED = fixture("login_failed");

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const WRONG_SECRET = "whsec_c2VjcmV0LWtleS1vbmU=";
const MALFORMED_SECRET = "whsec_%%%";

/** The Standard Webhooks reference example: a valid signature over a body that is not an event. */
const REFERENCE = {
  body: '{"test": 2432232314}',
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: "1614265330",
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const REFERENCE_HEADERS = `webhook-id: ${REFERENCE.id}
webhook-timestamp: ${REFERENCE.timestamp}
webhook-signature: ${REFERENCE.signature}`;

/**
 * What the decoder reports for the reference body: with no event_type there
 * is no schema to check the rest against, so only that (as zod does).
 */
const REFERENCE_ISSUES = [["missing_field", "/event_type"]];

/** login_failed, signed by svix at 2023-11-14T22:13:20Z: a real event from an old log. */
const OLD = { id: "msg_2YHqN5a8kTqVb0dY3nKc1xWz", timestamp: 1700000000 };
OLD.signature = new Webhook(SECRET).sign(OLD.id, new Date(OLD.timestamp * 1000), LOGIN_FAILED);

/** @type {Awaited<ReturnType<typeof openDemo>>} */
let session;
/** @type {import("playwright-core").Page} */
let page;

/**
 * Lets the page's timers that are pending now run: a page timer of 400 ms,
 * set after them, fires only once every earlier timer of up to 400 ms has
 * (HTML's timer ordering), the debounced check of 250 ms among them. So a
 * check that should not happen would have happened, however slow the machine.
 */
async function pendingTimersRan() {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
}

/** Waits for the panel's pending check, if any, to finish. */
async function verified() {
  await page.waitForSelector("#verify-verdict:not([aria-busy])", { state: "attached" });
}

/** The verdict as shown: what it is, its code, and its three lines. */
async function verdict() {
  await verified();
  return page.$eval("#verify-verdict", (el) => ({
    outcome: /** @type {HTMLElement} */ (el).dataset.outcome,
    code: /** @type {HTMLElement} */ (el).dataset.code,
    headline: el.querySelector("#verify-headline")?.textContent,
    detail: el.querySelector("#verify-detail")?.textContent,
    help: /** @type {HTMLElement} */ (el.querySelector("#verify-help")).hidden ? "" : el.querySelector("#verify-help")?.textContent,
  }));
}

/**
 * Whether a person sees all of an element: its box inside the window, and
 * the element itself (nothing over it) just inside its top and bottom edges.
 * @param {string} selector
 */
function seenWhole(selector) {
  return page.$eval(selector, (el) => {
    const { top, bottom, left, right } = el.getBoundingClientRect();
    const inside = top >= 0 && left >= 0 && bottom <= innerHeight && right <= innerWidth;
    const edges = [top + 1, bottom - 1].every((y) => el.contains(document.elementFromPoint((left + right) / 2, y)));
    return { top, bottom, height: innerHeight, inside, edges };
  });
}

/** The issues listed under the verdict, as [code, path]. */
function verifyIssues() {
  return page.$$eval("#verify-issues:not([hidden]) .issue", (buttons) =>
    buttons.map((button) => [button.querySelector(".issue-code")?.textContent, button.dataset.path]),
  );
}

/** Fills the three inputs (each as typing would: an input event) and chooses Verify. */
async function check(/** @type {{ body?: string, secret?: string, headers?: string }} */ { body, secret, headers }) {
  if (body !== undefined) await page.fill("#payload", body);
  if (secret !== undefined) await page.fill("#secret", secret);
  if (headers !== undefined) await page.fill("#headers", headers);
  await page.click("#verify");
  return verdict();
}

describe("demo page: verify signature", { timeout: 30_000 }, () => {
  before(async () => {
    session = await openDemo();
    page = session.page;
    await page.waitForSelector("#verdict.valid");
  });

  after(() => session?.close());

  it("has labelled inputs, a live verdict, and waits to be used", async () => {
    assert.equal(await page.isVisible("#verify-panel"), true);
    assert.deepEqual(
      await page.$eval("#secret", (el) => {
        const input = /** @type {HTMLInputElement} */ (el);
        return [input.type, input.getAttribute("autocomplete"), input.getAttribute("spellcheck"), input.labels?.[0]?.textContent];
      }),
      ["text", "off", "false", "Webhook secret"],
    );
    assert.deepEqual(
      await page.$eval("#headers", (el) => [el.tagName, el.getAttribute("spellcheck"), /** @type {HTMLTextAreaElement} */ (el).labels?.[0]?.textContent]),
      ["TEXTAREA", "false", "Request headers"],
    );
    assert.match((await page.$eval("#check-now", (el) => /** @type {HTMLInputElement} */ (el).labels?.[0]?.textContent)) ?? "", /Check the timestamp against now/);
    assert.equal(await page.isChecked("#check-now"), false);
    assert.match((await page.textContent("#check-now-hint")) ?? "", /old log still verifies/);
    assert.deepEqual(
      await page.$eval("#verify-verdict", (el) => [el.getAttribute("role"), el.getAttribute("aria-live"), el.getAttribute("aria-atomic")]),
      ["status", "polite", "true"],
    );
    assert.equal((await verdict()).outcome, "idle");
    // Typing before the panel is used checks nothing (no invalid_secret while
    // the secret is half typed).
    await page.fill("#secret", "whsec_Mf");
    await page.fill("#headers", "webhook-id: msg_1");
    await pendingTimersRan();
    assert.deepEqual(await verdict(), {
      outcome: "idle",
      code: undefined,
      headline: "Not checked yet.",
      detail: "Enter the secret and the headers, then choose Verify, or choose Sign this body to try it.",
      help: "",
    });
    // What was read from the headers is said at once, under the box.
    assert.equal(await page.textContent("#headers-read"), "Read webhook-id.");
  });

  it("signs the body with a known secret, and the signature verifies here and in svix", async () => {
    await page.click('[data-example="login_succeeded"]');
    await page.fill("#secret", SECRET);
    await page.click("#sign");
    const headers = await page.inputValue("#headers");
    const match = /^webhook-id: (msg_[0-9a-f]{32})\nwebhook-timestamp: (\d+)\nwebhook-signature: (v1,[A-Za-z0-9+/]{43}=)$/.exec(headers);
    assert.ok(match, headers);
    const [, id, timestamp, signature] = match;
    assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 30, timestamp);
    // svix agrees, over the exact body in the editor.
    const event = new Webhook(SECRET).verify(LOGIN_SUCCEEDED, { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature });
    assert.equal(/** @type {any} */ (event).event_type, "connect_webview.login_succeeded");

    const signedAt = new Date(Number(timestamp) * 1000).toISOString().replace(".000Z", "Z");
    assert.deepEqual(await verdict(), {
      outcome: "authentic",
      code: "connect_webview.login_succeeded",
      headline: "Authentic: connect_webview.login_succeeded",
      detail: `Signed at ${signedAt} as message ${id}; the time was not checked against now. The event is valid.`,
      help: "",
    });
    assert.equal(await page.textContent("#verify-event-type"), "connect_webview.login_succeeded");
    assert.equal(await page.getAttribute("#verify-verdict", "class"), "verdict valid");
    assert.equal(await page.textContent("#headers-read"), "Read webhook-id, webhook-timestamp, webhook-signature.");

    // A fresh signature passes the live check too.
    await page.check("#check-now");
    assert.equal((await verdict()).detail, `Signed at ${signedAt} as message ${id}; within 5 minutes of now. The event is valid.`);
    await page.uncheck("#check-now");
    await page.screenshot({ path: shot("demo-verify.png"), fullPage: true });
  });

  it("verifies again as the body changes: one character makes it invalid_signature", async () => {
    const changed = LOGIN_SUCCEEDED.replace('"connected_account_id": "0', '"connected_account_id": "1');
    assert.equal(changed.length, LOGIN_SUCCEEDED.length);
    await page.fill("#payload", changed);
    assert.equal(await page.getAttribute("#verify-verdict", "aria-busy"), "true"); // debounced
    assert.deepEqual(await verdict(), {
      outcome: "not_authentic",
      code: "invalid_signature",
      headline: "Not authentic: invalid_signature",
      detail: "No matching signature found.",
      help: "The body, the message ID, the timestamp or the secret differs from what was signed.",
    });
    assert.equal(await page.getAttribute("#verify-verdict", "class"), "verdict invalid");
    // The body is the raw text: even a line break added at the end counts.
    await page.fill("#payload", `${LOGIN_SUCCEEDED}\n`);
    assert.equal((await verdict()).code, "invalid_signature");
    await page.fill("#payload", LOGIN_SUCCEEDED);
    assert.equal((await verdict()).outcome, "authentic");
  });

  it("checks a body that was signed with CRLF line breaks as it was sent, which the editor shows with LF", async () => {
    // The tests after this one go on from the body and headers left here.
    const before = { body: await page.inputValue("#payload"), headers: await page.inputValue("#headers") };
    const sent = LOGIN_FAILED.replace(/\n/g, "\r\n");
    const signature = new Webhook(SECRET).sign(OLD.id, new Date(OLD.timestamp * 1000), sent);
    const headers = `svix-id: ${OLD.id}\nsvix-timestamp: ${OLD.timestamp}\nsvix-signature: ${signature}`;
    const shown = await check({ body: sent, secret: SECRET, headers });
    // The text box turned each CRLF into LF, as HTML says.
    assert.equal(await page.inputValue("#payload"), LOGIN_FAILED);
    assert.deepEqual(shown, {
      outcome: "authentic",
      code: "connect_webview.login_failed",
      headline: "Authentic: connect_webview.login_failed",
      detail: `Signed at 2023-11-14T22:13:20Z as message ${OLD.id}; the time was not checked against now. It was signed with CRLF line breaks, which the editor shows as LF. The event is valid.`,
      help: "",
    });
    // Only the line breaks: a changed character is still not authentic either way.
    await page.fill("#payload", LOGIN_FAILED.replace('"connect_webview_id": "0', '"connect_webview_id": "1'));
    assert.equal((await verdict()).code, "invalid_signature");
    // Signed as shown (LF): no note.
    const lf = new Webhook(SECRET).sign(OLD.id, new Date(OLD.timestamp * 1000), LOGIN_FAILED);
    const plain = await check({ body: LOGIN_FAILED, headers: `svix-id: ${OLD.id}\nsvix-timestamp: ${OLD.timestamp}\nsvix-signature: ${lf}` });
    assert.equal(plain.outcome, "authentic");
    assert.doesNotMatch(plain.detail ?? "", /CRLF/);
    assert.equal((await check(before)).outcome, "authentic");
  });

  it("reports a removed signature header as missing_header, and a changed one as invalid_signature", async () => {
    const signed = await page.inputValue("#headers");
    const withoutSignature = signed.split("\n").filter((line) => !line.startsWith("webhook-signature")).join("\n");
    await page.fill("#headers", withoutSignature);
    assert.deepEqual(await verdict(), {
      outcome: "not_authentic",
      code: "missing_header",
      headline: "Not authentic: missing_header",
      detail: "Missing header webhook-signature (or svix-signature).",
      help: "A signed request has webhook-id, webhook-timestamp and webhook-signature headers (or svix-id, svix-timestamp and svix-signature).",
    });
    const timestamp = Number(/webhook-timestamp: (\d+)/.exec(signed)?.[1]);
    await page.fill("#headers", signed.replace(`webhook-timestamp: ${timestamp}`, `webhook-timestamp: ${timestamp + 1}`));
    assert.equal((await verdict()).code, "invalid_signature");
    await page.fill("#headers", signed);
    assert.equal((await verdict()).outcome, "authentic");
  });

  it("refuses a wrong secret (invalid_signature) and a malformed one (invalid_secret)", async () => {
    const signed = await page.inputValue("#headers");
    assert.deepEqual(await check({ secret: WRONG_SECRET }), {
      outcome: "not_authentic",
      code: "invalid_signature",
      headline: "Not authentic: invalid_signature",
      detail: "No matching signature found.",
      help: "The body, the message ID, the timestamp or the secret differs from what was signed.",
    });
    const malformed = await check({ secret: MALFORMED_SECRET });
    assert.equal(malformed.code, "invalid_secret");
    assert.equal(malformed.headline, "Not authentic: invalid_secret");
    assert.match(malformed.detail ?? "", /^The secret is not whsec_ followed by base64/);
    // Signing with it fails the same way and leaves the headers alone, and
    // a check still pending from typing does not then replace that verdict.
    await page.fill("#secret", `${MALFORMED_SECRET}x`);
    await page.click("#sign");
    await pendingTimersRan();
    assert.deepEqual(
      [(await verdict()).outcome, (await verdict()).headline, await page.inputValue("#headers")],
      ["not_signed", "Cannot sign: invalid_secret", signed],
    );
    // Spaces around a pasted secret do not count.
    assert.equal((await check({ secret: ` ${SECRET}  ` })).outcome, "authentic");
  });

  it("checks the reference example's 2021 timestamp only when asked to", async () => {
    await page.check("#check-now");
    assert.deepEqual(await check({ body: REFERENCE.body, secret: SECRET, headers: REFERENCE_HEADERS }), {
      outcome: "not_authentic",
      code: "timestamp_too_old",
      headline: "Not authentic: timestamp_too_old",
      detail: (await verdict()).detail, // the age in seconds depends on today
      help: "The request is more than 5 minutes old. To check a request copied from a log, switch off Check the timestamp against now.",
    });
    assert.match((await verdict()).detail ?? "", /^Message timestamp too old: \d+ s ago, more than the 300 s allowed\.$/);
    assert.deepEqual(await verifyIssues(), []);

    await page.uncheck("#check-now"); // verifies again at once
    assert.deepEqual(await verdict(), {
      outcome: "invalid_event",
      code: "decode_error",
      headline: "Authentic, but the event is invalid",
      detail:
        "Signed at 2021-02-25T15:02:10Z as message msg_p5jXN8AQM9LWM0D4loKWxJek; the time was not checked against now. " +
        "The signature matches, but the body is not a valid Seam event: 1 issue.",
      help: "",
    });
    assert.equal(await page.getAttribute("#verify-verdict", "class"), "verdict warn");
    assert.deepEqual(await verifyIssues(), REFERENCE_ISSUES);
    await page.screenshot({ path: shot("demo-verify-invalid-event.png"), fullPage: true });
  });

  it("reads Svix-* headers in mixed case among other lines of a log", async () => {
    const log = [
      "POST /webhooks/seam HTTP/1.1",
      "Host: api.example.com",
      `Svix-Id: ${REFERENCE.id}`,
      `SVIX-TIMESTAMP: ${REFERENCE.timestamp}`,
      `svix-Signature: ${REFERENCE.signature}`,
      "Content-Type: application/json",
    ].join("\n");
    assert.deepEqual([(await check({ headers: log })).outcome, await verifyIssues()], ["invalid_event", REFERENCE_ISSUES]);
    assert.equal(await page.textContent("#headers-read"), "Read Svix-Id, SVIX-TIMESTAMP, svix-Signature; 2 other headers ignored; line 1 not a header.");

    // A real event from an old log, signed by svix, in mixed case and curl -v style.
    const old = [`> Webhook-ID: ${OLD.id}`, `> WEBHOOK-Timestamp:   ${OLD.timestamp}  `, `> webhook-SIGNATURE: ${OLD.signature}`].join("\n");
    assert.deepEqual(await check({ body: LOGIN_FAILED, headers: old }), {
      outcome: "authentic",
      code: "connect_webview.login_failed",
      headline: "Authentic: connect_webview.login_failed",
      detail: `Signed at 2023-11-14T22:13:20Z as message ${OLD.id}; the time was not checked against now. The event is valid.`,
      help: "",
    });
    assert.deepEqual(await verifyIssues(), []);
  });

  it("reads svix-* before webhook-* when a log has both, and names the message it verified", async () => {
    // The svix-* set is the signed one; the webhook-* set names another message at another time.
    const both = [
      `webhook-id: msg_not_this_one`,
      `webhook-timestamp: 1614265330`,
      `webhook-signature: v1,AAAA`,
      `svix-id: ${OLD.id}`,
      `svix-timestamp: ${OLD.timestamp}`,
      `svix-signature: ${OLD.signature}`,
    ].join("\n");
    assert.deepEqual(await check({ body: LOGIN_FAILED, headers: both }), {
      outcome: "authentic",
      code: "connect_webview.login_failed",
      headline: "Authentic: connect_webview.login_failed",
      detail: `Signed at 2023-11-14T22:13:20Z as message ${OLD.id}; the time was not checked against now. The event is valid.`,
      help: "",
    });
  });

  it("verifies events of other families, and lists the nested issues of an authentic but invalid one", async () => {
    const text = (/** @type {string} */ id) => EXAMPLES.find((example) => example.id === id)?.text ?? "";
    /** Svix's headers for a body, signed at OLD's time. */
    const signed = (/** @type {string} */ body) =>
      `webhook-id: ${OLD.id}\nwebhook-timestamp: ${OLD.timestamp}\nwebhook-signature: ${new Webhook(SECRET).sign(OLD.id, new Date(OLD.timestamp * 1000), body)}`;
    for (const [id, type] of [["lock_unlocked", "lock.unlocked"], ["access_code", "access_code.failed_to_set_on_device"]]) {
      const result = await check({ body: text(id), secret: SECRET, headers: signed(text(id)) });
      assert.deepEqual([result.outcome, result.code, result.headline], ["authentic", type, `Authentic: ${type}`], id);
    }
    const broken = text("access_code_broken");
    const result = await check({ body: broken, headers: signed(broken) });
    assert.deepEqual([result.outcome, result.headline], ["invalid_event", "Authentic, but the event is invalid"]);
    assert.match(result.detail ?? "", /not a valid Seam event: 2 issues\.$/);
    assert.deepEqual((await verifyIssues()).sort(), [
      ["invalid_datetime", "/access_code_errors/1/created_at"],
      ["missing_field", "/access_code_warnings/1/warning_code"],
    ]);
    await page.click('#verify-issues .issue[data-code="invalid_datetime"]');
    const selected = await page.evaluate(() => {
      const payload = /** @type {HTMLTextAreaElement} */ (document.getElementById("payload"));
      return [payload.selectionStart, payload.value.slice(payload.selectionStart, payload.selectionEnd)];
    });
    assert.deepEqual(selected, [broken.indexOf('"2025-01-01 00:00:00Z"'), '"2025-01-01 00:00:00Z"']);
    await page.fill("#payload", LOGIN_FAILED); // the body the next test's headers sign
  });

  it("reads a JSON object of headers, and says when it cannot", async () => {
    const json = JSON.stringify({ "content-type": "application/json", "webhook-id": OLD.id, "webhook-timestamp": OLD.timestamp, "webhook-signature": OLD.signature }, null, 2);
    const result = await check({ headers: json });
    assert.deepEqual([result.outcome, result.headline], ["authentic", "Authentic: connect_webview.login_failed"]);
    assert.equal(await page.textContent("#headers-read"), "Read webhook-id, webhook-timestamp, webhook-signature; 1 other header ignored.");

    assert.deepEqual(await check({ headers: `{"webhook-id": "${OLD.id}",` }), {
      outcome: "unreadable",
      code: "",
      headline: "Cannot read the headers",
      detail: (await verdict()).detail,
      help: "",
    });
    assert.match((await verdict()).detail ?? "", /^The headers look like JSON but are not: /);
  });

  it("makes a demo secret when there is none, and is usable by keyboard", async () => {
    await page.click('[data-example="login_succeeded"]');
    await page.fill("#secret", "");
    await page.focus("#sign");
    await page.keyboard.press("Enter");
    const secret = await page.inputValue("#secret");
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{32}$/);
    assert.equal((await verdict()).outcome, "authentic");
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, "nothing is stored");

    // Tab order: secret, headers, the check, Verify, Sign.
    await page.focus("#secret");
    const order = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id));
    }
    assert.deepEqual(order, ["headers", "check-now", "verify", "sign"]);
    assert.equal(await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.activeElement)).outlineStyle), "solid");

    // Enter in the secret box verifies; so does Ctrl+Enter in the headers box.
    await page.fill("#secret", WRONG_SECRET);
    await page.focus("#secret");
    await page.keyboard.press("Enter");
    assert.equal((await verdict()).code, "invalid_signature");
    await page.fill("#secret", secret);
    await verified();
    await page.fill("#headers", (await page.inputValue("#headers")).replace("webhook-id: msg_", "webhook-id: msg_x"));
    await page.focus("#headers");
    await page.keyboard.press("Control+Enter");
    assert.equal(await page.getAttribute("#verify-verdict", "aria-busy"), null);
    assert.equal((await verdict()).code, "invalid_signature");
  });

  it("fits a phone's width, in light and dark", async () => {
    await page.check("#check-now");
    await check({ body: REFERENCE.body, secret: SECRET, headers: REFERENCE_HEADERS });
    await page.uncheck("#check-now");
    assert.equal((await verdict()).outcome, "invalid_event");
    await page.setViewportSize({ width: 375, height: 800 });
    assert.equal(await scrollsSideways(page), false);
    // The verdict, below the inputs at this width, is brought into view after
    // Sign and after Verify, whole: from the top of the page, where it is out
    // of view, so that it must be scrolled to (by whole pixels, while its
    // edges may fall between two).
    const revealed = async (/** @type {string} */ button, /** @type {string} */ when) => {
      await page.evaluate(() => scrollTo(0, 0));
      assert.equal((await seenWhole("#verify-verdict")).inside, false, `${when}, ${button}: in view before`);
      await page.click(button);
      await verified();
      assert.equal(await scrollsSideways(page), false);
      const box = await seenWhole("#verify-verdict");
      assert.ok(box.top >= 0 && box.bottom <= box.height && box.inside && box.edges, `${when}, ${button}: ${JSON.stringify(box)}`);
    };
    for (const button of ["#sign", "#verify"]) await revealed(button, "after a check at desktop width");
    // And on a fresh page, filled in at desktop width, then narrowed, Sign
    // first: where a verdict of 218.23 px, its edge between two pixels, was
    // cut by 0.16 px (bottom 800.16) before it had a scroll margin.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.waitForSelector("#verdict.valid");
    await page.fill("#payload", REFERENCE.body);
    await page.fill("#secret", SECRET);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.click("#sign");
    await verified();
    const fresh = await seenWhole("#verify-verdict");
    assert.ok(fresh.top >= 0 && fresh.bottom <= fresh.height && fresh.inside && fresh.edges, `fresh page, #sign: ${JSON.stringify(fresh)}`);
    for (const button of ["#sign", "#verify"]) await revealed(button, "on the fresh page");
    assert.equal((await verdict()).outcome, "invalid_event");
    await page.locator("#verify-panel").screenshot({ path: shot("demo-verify-phone.png") });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.locator("#verify-panel").screenshot({ path: shot("demo-verify-phone-dark.png") });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("made no request off the machine and logged no error", () => {
    assert.deepEqual(session.offMachine(), []);
    assert.deepEqual(session.problems, []);
  });
});
