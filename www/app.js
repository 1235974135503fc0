// The demo page: decodes the payload in the editor with the package's browser
// build as you type, and shows the event's fields or every issue, each one
// able to select the text it is about.
import { EXAMPLES } from "./examples.js";
import { fieldOf } from "./schema.js";
import { locateIssue, valueRanges } from "./locate.js";

/** Milliseconds of quiet typing before decoding. */
const DEBOUNCE_MS = 150;

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const payload = /** @type {HTMLTextAreaElement} */ ($("payload"));
const backdrop = $("backdrop");
const strict = /** @type {HTMLInputElement} */ ($("strict"));
const verdict = $("verdict");
const validView = $("valid-view");
const invalidView = $("invalid-view");
const badge = $("event-type");
const fieldRows = $("fields");
const decoded = $("decoded");
const copyButton = $("copy");
const copyStatus = $("copy-status");
const issueList = $("issues");
const exampleList = $("examples");

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") element.className = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** Sets a live region's text only when it changes, so typing does not re-announce it. */
function say(/** @type {HTMLElement} */ element, /** @type {string} */ text, /** @type {string} */ state) {
  if (element.textContent !== text) element.textContent = text;
  element.className = `verdict ${state}`;
}

// --- the decoder -----------------------------------------------------------

/** @type {typeof import("../pkg/index.js").safeDecode | undefined} */
let safeDecode;
try {
  ({ safeDecode } = await import("/pkg/dist/web.js"));
} catch (error) {
  say(verdict, `The decoder did not load (${error instanceof Error ? error.message : error}). Build it with make pkg.`, "invalid");
}

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

/** @param {unknown} value */
const show = (value) => JSON.stringify(value);

/** A field name with a line-break opportunity after each "_". @param {string} name */
const breakable = (name) => name.split(/(?<=_)/).flatMap((part, i) => (i === 0 ? [part] : [h("wbr"), part]));

/** @param {Record<string, unknown>} event */
function renderValid(event) {
  const type = String(event.event_type);
  const entries = Object.entries(event);
  const unknown = entries.filter(([name]) => !fieldOf(type, name)).length;
  const kept = unknown === 0 ? "" : `, ${unknown} kept outside the schema`;
  say(verdict, `Valid ${type} event: ${entries.length} fields${kept}.`, "valid");

  badge.textContent = type;
  badge.dataset.type = type;
  fieldRows.replaceChildren(
    ...entries.map(([name, value]) => {
      const field = fieldOf(type, name);
      return h("tr", { class: field ? "" : "unknown", "data-field": name, role: "row" }, [
        h("th", { scope: "row", role: "rowheader" }, [h("code", {}, breakable(name))]),
        h("td", { class: "value", "data-label": "Value", role: "cell" }, [h("code", {}, [show(value)])]),
        h("td", { class: "rule", "data-label": "Rule", role: "cell" }, [field ? field.rule : "kept, not in the schema"]),
        h("td", { class: "presence", "data-label": "Presence", role: "cell" }, [field ? (field.required ? "required" : "optional") : "extra"]),
      ]);
    }),
  );
  decoded.textContent = JSON.stringify(event, null, 2);
  copyStatus.textContent = "";
  paintBackdrop([]);
  invalidView.hidden = true;
  validView.hidden = false;
}

/** @param {import("../pkg/index.js").Issue[]} issues */
function renderInvalid(issues) {
  const text = payload.value;
  const ranges = valueRanges(text);
  const located = issues.map((issue) => ({ issue, range: locateIssue(text, issue, ranges) }));
  const n = issues.length;
  say(verdict, `Invalid: ${n} ${n === 1 ? "issue" : "issues"}.`, "invalid");

  issueList.replaceChildren(
    ...located.map(({ issue, range }) => {
      const where = issue.line !== undefined ? `line ${issue.line}, column ${issue.column}` : "";
      const button = h("button", { type: "button", class: "issue", "data-code": issue.code, "data-path": issue.path }, [
        h("span", { class: "issue-head" }, [
          h("span", { class: "issue-code" }, [issue.code]),
          h("span", { class: "issue-path" }, [issue.path === "" ? '"" (root)' : issue.path]),
          ...(where ? [h("span", { class: "issue-where" }, [where])] : []),
        ]),
        h("span", { class: "issue-message" }, [issue.message]),
      ]);
      button.addEventListener("click", () => selectInEditor(range));
      return h("li", {}, [button]);
    }),
  );
  // Mark where each issue is, except those about the whole payload or a
  // whole object (the root, a missing field), which would mark everything.
  paintBackdrop(
    located
      .filter(({ issue }) => issue.line !== undefined || (issue.path !== "" && issue.code !== "missing_field"))
      .map(({ range }) => range),
  );
  validView.hidden = true;
  invalidView.hidden = false;
}

function decodeNow() {
  clearTimeout(pending);
  if (!safeDecode) return;
  const result = safeDecode(payload.value, { strict: strict.checked });
  if (result.success) renderValid(/** @type {Record<string, unknown>} */ (result.data));
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

// --- wiring ----------------------------------------------------------------

/** @param {import("./examples.js").Example} example */
function loadExample(example) {
  payload.value = example.text;
  payload.scrollTop = 0;
  for (const button of exampleList.querySelectorAll("button")) {
    button.setAttribute("aria-current", String(button.dataset.example === example.id));
  }
  decodeNow();
}

exampleList.replaceChildren(
  ...EXAMPLES.map((example) => {
    const button = h("button", { type: "button", class: "button", "data-example": example.id, "data-valid": String(example.valid) }, [
      example.label,
    ]);
    button.title = example.valid ? "A valid event" : "A broken payload";
    button.addEventListener("click", () => loadExample(example));
    return button;
  }),
);

payload.addEventListener("input", (event) => {
  backdrop.classList.add("stale");
  for (const button of exampleList.querySelectorAll("button")) button.setAttribute("aria-current", "false");
  const type = /** @type {InputEvent} */ (event).inputType;
  if (type === "insertFromPaste" || type === "insertFromDrop") decodeNow();
  else decodeSoon();
});
payload.addEventListener("scroll", syncScroll);
new ResizeObserver(syncScroll).observe(payload);
strict.addEventListener("change", decodeNow);
copyButton.addEventListener("click", copyDecoded);

loadExample(EXAMPLES[0]);
