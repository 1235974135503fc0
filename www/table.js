// The demo page's elements for a result: the field table's rows and the
// issue buttons, built with the DOM (www/fields.js decides what the rows are).
import { shownValue } from "./fields.js";

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") element.className = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/**
 * Text with a line-break opportunity after each "_", "/", "." and "-",
 * between a lowercase letter and a capital (`reservationNumber`), and every
 * 16 characters of a run that has none and no space: a path cell breaks only there
 * (its CSS keeps words whole), and a long key must not widen the page.
 * @param {string} text
 */
export const breakable = (text) =>
  text
    .split(/(?<=[_/.-])|(?<=\p{Ll})(?=\p{Lu})/u)
    .flatMap((part) => (part.length > 16 && !/\s/.test(part) ? (part.match(/.{1,16}/gsu) ?? [part]) : [part]))
    .flatMap((part, i) => (i === 0 ? [part] : [h("wbr"), part]));

/** A JSON Pointer as a row shows it: the enclosing path muted, the last token stressed. @param {string} pointer */
function pathLabel(pointer) {
  const cut = pointer.lastIndexOf("/") + 1;
  return [h("span", { class: "path-parent" }, breakable(pointer.slice(0, cut))), h("span", { class: "path-name" }, breakable(pointer.slice(cut)))];
}

/**
 * A button that shows an issue and, chosen, selects the text it is about: in
 * the issue list, or (`compact`, without the path) under its row of the field table.
 * @param {import("../pkg/index.js").Issue} issue
 * @param {() => void} choose
 */
export function issueButton(issue, choose, compact = false) {
  const where = issue.line !== undefined ? `line ${issue.line}, column ${issue.column}` : "";
  const head = compact
    ? [h("span", { class: "issue-code" }, [issue.code])]
    : [
        h("span", { class: "issue-code" }, [issue.code]),
        h("span", { class: "issue-path" }, issue.path === "" ? ['"" (root)'] : breakable(issue.path)),
        ...(where ? [h("span", { class: "issue-where" }, [where])] : []),
      ];
  const button = h("button", { type: "button", class: compact ? "field-issue" : "issue", "data-code": issue.code, "data-path": issue.path }, [
    h("span", { class: "issue-head" }, head),
    h("span", { class: "issue-message" }, [issue.message]),
  ]);
  button.addEventListener("click", choose);
  return button;
}

/**
 * The rows of the field table: a row for each value, nested ones by their
 * path, and under a row with issues, the issues (when `chooser` gives what
 * choosing one does). A field's description is shown once, on its first row
 * (not again for each item of an array).
 * @param {import("./fields.js").Row<import("../pkg/index.js").Issue>[]} rows
 * @param {(issue: import("../pkg/index.js").Issue) => () => void} [chooser]
 * @returns {HTMLTableRowElement[]}
 */
export function fieldTableRows(rows, chooser) {
  const described = new Set();
  return rows.flatMap((row) => {
    const { field } = row;
    const state = row.missing ? "missing" : field ? "" : "unknown";
    const doc = field && field.description !== "" && !described.has(field.path) ? [h("span", { class: "doc" }, [field.description])] : [];
    if (field) described.add(field.path);
    const rule = [h("span", { class: "rule-text" }, breakable(field ? field.rule : "kept, not in the schema")), ...doc];
    const tr = h("tr", { class: `${state}${row.issues.length > 0 ? " has-issue" : ""}`.trim(), "data-path": row.pointer, "data-depth": String(row.depth), role: "row" }, [
      h("th", { scope: "row", role: "rowheader" }, [h("code", {}, pathLabel(row.pointer))]),
      h("td", { class: "value", "data-label": "Value", role: "cell" }, [row.missing ? h("em", {}, ["missing"]) : h("code", {}, [shownValue(row)])]),
      h("td", { class: "rule", "data-label": "Rule", role: "cell" }, rule),
      h("td", { class: "presence", "data-label": "Presence", role: "cell" }, [field ? field.presence : "extra"]),
    ]);
    if (row.issues.length === 0 || !chooser) return [tr];
    const buttons = row.issues.map((issue) => issueButton(issue, chooser(issue), true));
    const issues = h("td", { colspan: "4", role: "cell" }, [h("div", { class: "field-issue-list" }, buttons)]);
    return [tr, h("tr", { class: "field-issues", "data-issues-of": row.pointer, role: "row" }, [issues])];
  });
}
