// The demo page: decodes the payload in the editor with the package's browser
// build as you type, and shows the event's fields (nested ones by their JSON
// Pointer) and every issue, each one able to select the text it is about;
// and verifies the payload's signature from a secret and pasted request headers.
import { EXAMPLE_GROUPS, EXAMPLES } from "./examples.js";
import { demoSecret, formatHeaders, isoSeconds, parseHeaders, timestampDate } from "./headers.js";
import { eventSchema } from "./schema.js";
import { fieldRows, parsedEvent } from "./fields.js";
import { breakable, fieldTableRows, h, issueButton } from "./table.js";
import { locateIssue, valueRanges } from "./locate.js";

/** Milliseconds of quiet typing before decoding. */
const DEBOUNCE_MS = 150;
/** Milliseconds of quiet typing before verifying again. */
const VERIFY_DEBOUNCE_MS = 250;

/**
 * The most rows the field table builds, and the most issues a list shows and
 * marks: the page builds each as DOM, and a payload of 8,000 array items
 * (32,000 rows) froze it for 10 s on every edit. The verdict counts them all.
 */
const MAX_ROWS = 500;
const MAX_ISSUES = 200;

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const payload = /** @type {HTMLTextAreaElement} */ ($("payload"));
const backdrop = $("backdrop");
const strict = /** @type {HTMLInputElement} */ ($("strict"));
const verdict = $("verdict");
const validView = $("valid-view");
const invalidView = $("invalid-view");
const badge = $("event-type");
const eventDoc = $("event-doc");
const fieldsView = $("fields-view");
const fieldsBody = $("fields");
const decodedView = $("decoded-view");
const decoded = $("decoded");
const copyButton = $("copy");
const copyStatus = $("copy-status");
const issueList = $("issues");
const exampleList = $("examples");
const verifyForm = $("verify-form");
const secretInput = /** @type {HTMLInputElement} */ ($("secret"));
const headersInput = /** @type {HTMLTextAreaElement} */ ($("headers"));
const headersRead = $("headers-read");
const checkNow = /** @type {HTMLInputElement} */ ($("check-now"));
const signButton = $("sign");
const verifyVerdict = $("verify-verdict");
const verifyHeadline = $("verify-headline");
const verifyDetail = $("verify-detail");
const verifyHelp = $("verify-help");
const verifyIssues = $("verify-issues");

/** Sets a live region's text only when it changes, so typing does not re-announce it. */
function say(/** @type {HTMLElement} */ element, /** @type {string} */ text, /** @type {string} */ state) {
  if (element.textContent !== text) element.textContent = text;
  element.className = `verdict ${state}`;
}

// --- the decoder -----------------------------------------------------------

/** @type {typeof import("../pkg/index.js") | undefined} */
let api;
try {
  api = await import("/pkg/dist/web.js");
} catch (error) {
  say(verdict, `The decoder did not load (${error instanceof Error ? error.message : error}). Build it with make pkg.`, "invalid");
}
const safeDecode = api?.safeDecode;

// --- the editor's backdrop -------------------------------------------------

/**
 * Repaints the backdrop: the text, with the given ranges marked.
 * @param {{ start: number, end: number }[]} marks
 */
function paintBackdrop(marks) {
  const text = payload.value;
  const sorted = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (start < at) continue; // overlaps a mark already painted
    parts.push(text.slice(at, start));
    parts.push(h("mark", start === end ? { class: "spot-empty" } : {}, [text.slice(start, end)]));
    at = end;
  }
  // A last line break needs something after it to take up its line.
  parts.push(`${text.slice(at)}\n `);
  backdrop.replaceChildren(...parts);
  backdrop.classList.remove("stale");
  syncScroll();
}

function syncScroll() {
  backdrop.scrollTop = payload.scrollTop;
  backdrop.scrollLeft = payload.scrollLeft;
}

/**
 * The top of the character at `offset`, in the backdrop's content (so with
 * the textarea's wrapping), or null if the backdrop does not hold it.
 * @param {number} offset
 */
function topOf(offset) {
  const walker = document.createTreeWalker(backdrop, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = /** @type {Text} */ (node).length;
    if (offset <= seen + length) {
      const range = document.createRange();
      range.setStart(node, offset - seen);
      range.setEnd(node, offset - seen);
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return rect.top - backdrop.getBoundingClientRect().top + backdrop.scrollTop;
    }
    seen += length;
  }
  return null;
}

/**
 * Selects a range of the payload, as when an issue is chosen, and scrolls
 * the editor so that the selection's first line is in view.
 * @param {{ start: number, end: number }} range
 */
function selectInEditor({ start, end }) {
  payload.focus({ preventScroll: true });
  payload.setSelectionRange(start, end);
  const top = topOf(start);
  if (top !== null) {
    const lineHeight = parseFloat(getComputedStyle(payload).lineHeight) || 20;
    if (top < payload.scrollTop || top + 2 * lineHeight > payload.scrollTop + payload.clientHeight) {
      payload.scrollTop = Math.max(0, top - 2 * lineHeight);
    }
  }
  syncScroll();
  payload.scrollIntoView({ block: "nearest" });
}

// --- rendering a result ----------------------------------------------------

/** What choosing an issue does: select its text in the editor. @param {{ start: number, end: number }} range */
const choose = (range) => () => selectInEditor(range);

/**
 * Fills the field table and shows it.
 * @param {import("./fields.js").Row<import("../pkg/index.js").Issue>[]} rows
 * @param {(issue: import("../pkg/index.js").Issue) => { start: number, end: number }} [locate] where an issue is
 */
function renderFields(rows, locate) {
  const shown = fieldTableRows(rows.slice(0, MAX_ROWS), locate && ((issue) => choose(locate(issue))));
  const more = rows.length - MAX_ROWS;
  if (more > 0) {
    const note = cutShort(more, "value", "table", MAX_ROWS);
    shown.push(h("tr", { class: "more", role: "row" }, [h("td", { colspan: "4", role: "cell" }, [note])]));
  }
  fieldsBody.replaceChildren(...shown);
  fieldsView.hidden = false;
}

/** @param {number} n */
const count = (n) => n.toLocaleString("en-US");

/** `noun`, or its plural for any `n` but 1: `issue`, `issues`. @param {number} n @param {string} noun */
const plural = (n, noun) => (n === 1 ? noun : `${noun}s`);

/**
 * The note after a table or list cut short at `max`, with `more` left out:
 * "and 3 more values: the table shows the first 500".
 * @param {number} more @param {string} noun @param {string} where @param {number} max
 */
const cutShort = (more, noun, where, max) => `and ${count(more)} more ${plural(more, noun)}: the ${where} shows the first ${count(max)}`;

/**
 * The list items of `issues`, at most MAX_ISSUES, each able to select the
 * text it is about, and a last item that says how many more there are.
 * @param {import("../pkg/index.js").Issue[]} issues
 * @param {(issue: import("../pkg/index.js").Issue) => { start: number, end: number }} locate
 */
function issueItems(issues, locate) {
  const items = issues.slice(0, MAX_ISSUES).map((issue) => h("li", {}, [issueButton(issue, choose(locate(issue)))]));
  const more = issues.length - MAX_ISSUES;
  if (more > 0) items.push(h("li", { class: "more" }, [cutShort(more, "issue", "list", MAX_ISSUES)]));
  return items;
}

/**
 * Whether the decoder refused the text itself (not JSON, not UTF-8, too
 * large), so that what the browser's JSON.parse makes of it is no event to
 * show field by field: `1e999` would be null, an escaped lone surrogate U+FFFD.
 * @param {import("../pkg/index.js").Issue[]} issues
 */
const refusedAsText = (issues) => issues.some((issue) => issue.line !== undefined || issue.code === "payload_too_large");

/** @param {Record<string, unknown>} event */
function renderValid(event) {
  const type = String(event.event_type);
  const rows = fieldRows(type, event, /** @type {import("../pkg/index.js").Issue[]} */ ([]));
  const fields = Object.keys(event).length;
  const unknown = rows.filter((row) => !row.field).length;
  const kept = unknown === 0 ? "" : `, ${unknown} kept outside the schema`;
  // The table has a row for each nested value too: say what is counted.
  const nested = rows.length > fields ? ` (${count(rows.length)} values with the nested ones)` : "";
  say(verdict, `Valid ${type} event: ${fields} fields${nested}${kept}.`, "valid");

  badge.textContent = type;
  badge.dataset.type = type;
  eventDoc.textContent = eventSchema(type)?.description ?? "";
  renderFields(rows);
  decoded.textContent = JSON.stringify(event, null, 2);
  copyStatus.textContent = "";
  paintBackdrop([]);
  invalidView.hidden = true;
  validView.hidden = false;
  decodedView.hidden = false;
}

/** @param {import("../pkg/index.js").Issue[]} issues */
function renderInvalid(issues) {
  const text = payload.value;
  const ranges = valueRanges(text);
  const locate = (/** @type {import("../pkg/index.js").Issue} */ issue) => locateIssue(text, issue, ranges);
  const n = issues.length;
  say(verdict, `Invalid: ${count(n)} ${plural(n, "issue")}.`, "invalid");

  issueList.replaceChildren(...issueItems(issues, locate));
  // Mark where each listed issue is, except those about the whole payload or
  // a whole object (the root, a missing field), which would mark everything.
  paintBackdrop(
    issues
      .slice(0, MAX_ISSUES)
      .filter((issue) => issue.line !== undefined || (issue.path !== "" && issue.code !== "missing_field"))
      .map(locate),
  );
  // The fields of a payload that parses, of a type the catalogue has, each
  // with its issues; none for text the decoder refused as text.
  const parsed = refusedAsText(issues) ? undefined : parsedEvent(text, (type) => eventSchema(type) !== undefined);
  if (parsed) renderFields(fieldRows(parsed.eventType, parsed.data, issues), locate);
  else fieldsView.hidden = true;
  validView.hidden = true;
  decodedView.hidden = true;
  invalidView.hidden = false;
}

function decodeNow() {
  clearTimeout(pending);
  if (!safeDecode) return;
  const result = safeDecode(payload.value, { strict: strict.checked });
  if (result.success) renderValid(/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (result.data)));
  else renderInvalid(result.error.issues);
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let pending;
function decodeSoon() {
  clearTimeout(pending);
  pending = setTimeout(decodeNow, DEBOUNCE_MS);
}

// --- copy ------------------------------------------------------------------

async function copyDecoded() {
  const text = decoded.textContent ?? "";
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = "Copied.";
    return;
  } catch {
    // No clipboard API (an insecure origin, an old browser) or no permission.
  }
  const selection = getSelection();
  const range = document.createRange();
  range.selectNodeContents(decoded);
  selection?.removeAllRanges();
  selection?.addRange(range);
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  copyStatus.textContent = copied ? "Copied." : "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
}

// --- verify signature --------------------------------------------------------

/** Set once Verify or Sign this body is chosen: from then on the panel verifies again as its inputs change. */
let verifyUsed = false;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let verifyPending;

/** What to do about each way a signature check fails. */
const VERIFY_HELP = /** @type {Record<string, string>} */ ({
  missing_header: "A signed request has webhook-id, webhook-timestamp and webhook-signature headers (or svix-id, svix-timestamp and svix-signature).",
  invalid_timestamp: "The timestamp header must be whole Unix seconds, such as 1700000000.",
  timestamp_too_old: "The request is more than 5 minutes old. To check a request copied from a log, switch off Check the timestamp against now.",
  timestamp_too_new: "The timestamp is more than 5 minutes ahead of this computer's clock.",
  invalid_signature: "The body, the message ID, the timestamp or the secret differs from what was signed.",
  invalid_secret: "The secret is whsec_ followed by base64, as the endpoint's settings show it.",
});

/**
 * Shows a verdict of the signature panel. Its live region is changed only
 * when the verdict does, so verifying again to the same outcome is not read
 * out again.
 * @param {{ outcome: string, state: "neutral" | "valid" | "warn" | "invalid", code?: string,
 *   headline: (Node | string)[], detail: string | (Node | string)[], help?: string }} verdict
 */
function showVerdict({ outcome, state, code = "", headline, detail, help = "" }) {
  const nextHeadline = h("p", {}, headline);
  const nextDetail = h("p", {}, typeof detail === "string" ? [detail] : detail);
  const text = `${nextHeadline.textContent}\n${nextDetail.textContent}\n${help}`;
  if (verifyVerdict.dataset.text !== text) {
    verifyHeadline.replaceChildren(...nextHeadline.childNodes);
    verifyDetail.replaceChildren(...nextDetail.childNodes);
    verifyHelp.textContent = help;
    verifyHelp.hidden = help === "";
    verifyVerdict.dataset.text = text;
  }
  verifyVerdict.dataset.outcome = outcome;
  verifyVerdict.dataset.code = code;
  verifyVerdict.className = `verdict ${state}`;
  verifyVerdict.removeAttribute("aria-busy");
  if (outcome !== "invalid_event") {
    verifyIssues.hidden = true;
    verifyIssues.replaceChildren();
  }
}

/** Says what was read from the headers box, under it. @param {import("./headers.js").ParsedHeaders} parsed */
function describeHeaders(parsed) {
  if (headersInput.value.trim() === "") return void (headersRead.textContent = "");
  if (!parsed.ok) return void (headersRead.textContent = `Not readable: ${parsed.error}.`);
  const { signature, others, duplicates, skipped } = parsed;
  const parts = [signature.length > 0 ? `Read ${signature.join(", ")}` : "No webhook-* or svix-* header found"];
  if (others > 0) parts.push(`${others} other ${plural(others, "header")} ignored`);
  if (skipped.length > 0) parts.push(`${plural(skipped.length, "line")} ${skipped.join(", ")} not a header`);
  if (duplicates.length > 0) parts.push(`${duplicates.join(", ")} given more than once: the first counts`);
  headersRead.textContent = `${parts.join("; ")}.`;
}

/** A message as a sentence: capital first letter, full stop. @param {string} message */
const sentence = (message) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? "" : "."}`;

/** `1 issue`, `6 issues`. @param {number} n */
const issues = (n) => `${n} ${plural(n, "issue")}`;

function verifyNow() {
  clearTimeout(verifyPending);
  const parsed = parseHeaders(headersInput.value);
  describeHeaders(parsed);
  if (!api) {
    return showVerdict({ outcome: "error", state: "invalid", headline: ["Cannot verify"], detail: "The package did not load. Build it with make pkg." });
  }
  if (!parsed.ok) {
    return showVerdict({ outcome: "unreadable", state: "invalid", headline: ["Cannot read the headers"], detail: sentence(parsed.error) });
  }
  const secret = secretInput.value.trim();
  if (secret === "") {
    return showVerdict({
      outcome: "idle",
      state: "neutral",
      headline: ["No secret"],
      detail: "Enter the webhook secret (whsec_…), or choose Sign this body to make a demo one.",
    });
  }

  const { headers } = parsed;
  // The values verify reads, by the package's own rule (svix-* first).
  const picked = api.signatureHeaders(headers);
  const signedAt = timestampDate(picked.timestamp);
  /** @type {import("../pkg/index.js").VerifyOptions} */
  const options = { strict: strict.checked };
  // A request from a log is checked at its own time unless asked otherwise.
  if (!checkNow.checked && signedAt) options.now = signedAt;
  /** Which message, sent when, for a verdict that got past the signature. */
  const signed = signedAt
    ? [
        "Signed at ",
        h("code", {}, [isoSeconds(signedAt)]),
        " as message ",
        h("code", {}, [picked.id ?? ""]),
        `; ${checkNow.checked ? "within 5 minutes of now" : "the time was not checked against now"}. `,
      ]
    : [];

  const verifyBody = (/** @type {string} */ body) => {
    try {
      return { event: api.verify(body, headers, secret, options) };
    } catch (error) {
      return { error };
    }
  };
  const body = payload.value;
  let { event, error } = verifyBody(body);
  // A text box keeps line breaks as LF (HTML turns a pasted CRLF into LF):
  // a body sent with CRLF line breaks is checked as it was sent, too.
  if (error instanceof api.WebhookVerificationError && error.code === "invalid_signature" && body.includes("\n") && !body.includes("\r")) {
    const asSent = verifyBody(body.replace(/\n/g, "\r\n"));
    if (!(asSent.error instanceof api.WebhookVerificationError)) {
      ({ event, error } = asSent);
      signed.push("It was signed with CRLF line breaks, which the editor shows as LF. ");
    }
  }
  if (error === undefined) {
    const type = String(/** @type {Record<string, unknown>} */ (event).event_type);
    showVerdict({
      outcome: "authentic",
      state: "valid",
      code: type,
      headline: ["Authentic: ", h("span", { class: "badge", "data-type": type, id: "verify-event-type" }, [type])],
      detail: [...signed, "The event is valid."],
    });
  } else if (error instanceof api.WebhookVerificationError) {
    showVerdict({
      outcome: "not_authentic",
      state: "invalid",
      code: error.code,
      headline: ["Not authentic: ", h("code", {}, [error.code])],
      detail: sentence(error.message),
      help: VERIFY_HELP[error.code] ?? "",
    });
  } else if (error instanceof api.DecodeError && error.issues.some((issue) => issue.code === "payload_too_large")) {
    // Refused for its size before the signature was checked.
    showVerdict({
      outcome: "not_checked",
      state: "invalid",
      code: "payload_too_large",
      headline: ["Not checked: ", h("code", {}, ["payload_too_large"])],
      detail: sentence(error.issues[0].message),
      help: "The body is refused for its size before its signature is checked.",
    });
  } else if (error instanceof api.DecodeError) {
    const ranges = valueRanges(body);
    verifyIssues.replaceChildren(...issueItems(error.issues, (issue) => locateIssue(body, issue, ranges)));
    verifyIssues.hidden = false;
    showVerdict({
      outcome: "invalid_event",
      state: "warn",
      code: "decode_error",
      headline: ["Authentic, but the event is invalid"],
      detail: [...signed, `The signature matches, but the body is not a valid Seam event: ${issues(error.issues.length)}.`],
    });
  } else {
    showVerdict({ outcome: "error", state: "invalid", headline: ["Error"], detail: error instanceof Error ? error.message : String(error) });
  }
}

/** Verifies after a pause in typing, once the panel has been used. */
function verifySoon() {
  if (!verifyUsed) return;
  clearTimeout(verifyPending);
  verifyVerdict.setAttribute("aria-busy", "true");
  verifyVerdict.classList.add("stale");
  verifyPending = setTimeout(verifyNow, VERIFY_DEBOUNCE_MS);
}

/** Signs the payload with the secret (a new demo one if the box is empty) and fills in the headers. */
function signBody() {
  clearTimeout(verifyPending);
  verifyUsed = true;
  if (!api) return verifyNow();
  let secret = secretInput.value.trim();
  if (secret === "") {
    secret = demoSecret();
    secretInput.value = secret;
  }
  let signed;
  try {
    signed = api.sign({ payload: payload.value, secret });
  } catch (error) {
    const code = error instanceof api.WebhookVerificationError ? error.code : "";
    return showVerdict({
      outcome: "not_signed",
      state: "invalid",
      code,
      headline: code ? ["Cannot sign: ", h("code", {}, [code])] : ["Cannot sign"],
      detail: sentence(error instanceof Error ? error.message : String(error)),
      help: VERIFY_HELP[code] ?? "",
    });
  }
  headersInput.value = formatHeaders(/** @type {Record<string, string>} */ (/** @type {unknown} */ (signed)));
  verifyNow();
}

// --- wiring ----------------------------------------------------------------

/** @param {import("./examples.js").Example} example */
function loadExample(example) {
  payload.value = example.text;
  payload.scrollTop = 0;
  for (const button of exampleList.querySelectorAll("button")) {
    button.setAttribute("aria-current", String(button.dataset.example === example.id));
  }
  decodeNow();
  if (verifyUsed) verifyNow();
}

exampleList.replaceChildren(
  ...EXAMPLE_GROUPS.map((group, i) => {
    const label = h("span", { class: "example-group-label", id: `example-group-${i}` }, breakable(group.label));
    const buttons = group.examples.map((example) => {
      const button = h("button", { type: "button", class: "button", "data-example": example.id, "data-valid": String(example.valid) }, [
        example.label,
      ]);
      button.title = example.valid ? "A valid event" : "A broken payload";
      button.addEventListener("click", () => loadExample(example));
      return button;
    });
    return h("div", { class: "example-group", role: "group", "aria-labelledby": label.id }, [label, h("div", { class: "example-buttons" }, buttons)]);
  }),
);

payload.addEventListener("input", (event) => {
  backdrop.classList.add("stale");
  for (const button of exampleList.querySelectorAll("button")) button.setAttribute("aria-current", "false");
  const type = /** @type {InputEvent} */ (event).inputType;
  if (type === "insertFromPaste" || type === "insertFromDrop") {
    decodeNow();
    if (verifyUsed) verifyNow();
  } else {
    decodeSoon();
    verifySoon();
  }
});
payload.addEventListener("scroll", syncScroll);
new ResizeObserver(syncScroll).observe(payload);
strict.addEventListener("change", () => {
  decodeNow();
  if (verifyUsed) verifyNow();
});
copyButton.addEventListener("click", copyDecoded);

/** On a phone the verdict is below the inputs: bring it into view after Verify or Sign. */
const revealVerdict = () => verifyVerdict.scrollIntoView({ block: "nearest" });

verifyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  verifyUsed = true;
  verifyNow();
  revealVerdict();
});
signButton.addEventListener("click", () => {
  signBody();
  revealVerdict();
});
secretInput.addEventListener("input", verifySoon);
headersInput.addEventListener("input", () => {
  describeHeaders(parseHeaders(headersInput.value));
  verifySoon();
});
headersInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    verifyUsed = true;
    verifyNow();
    revealVerdict();
  }
});
checkNow.addEventListener("change", () => {
  if (verifyUsed) verifyNow();
});

loadExample(EXAMPLES[0]);
