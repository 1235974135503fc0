// The demo page's JSON locator (www/locate.js), run in Node: which text an
// issue selects in the editor.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { locateIssue, offsetAt, valueRanges } from "../../www/locate.js";
import { EXAMPLES } from "../../www/examples.js";

/** The text that `locateIssue` picks for an issue. */
function picked(/** @type {string} */ text, /** @type {import("../../www/locate.js").IssueLike} */ issue) {
  const { start, end } = locateIssue(text, issue);
  return text.slice(start, end);
}

describe("locate.js", () => {
  const text = `{
  "a": 1,
  "b": {"c": [true, {"d": "x"}], "e~/f": null},
  "a" : "two"
}`;

  it("finds a value by JSON Pointer, escapes included", () => {
    assert.equal(picked(text, { code: "invalid_type", path: "/b/c/1/d" }), '"x"');
    assert.equal(picked(text, { code: "invalid_type", path: "/b/c/0" }), "true");
    assert.equal(picked(text, { code: "invalid_type", path: "/b/e~0~1f" }), "null");
    assert.equal(picked(text, { code: "invalid_type", path: "/b" }), '{"c": [true, {"d": "x"}], "e~/f": null}');
  });

  it("takes the last of two equal keys, with its key for duplicate_field", () => {
    assert.equal(picked(text, { code: "invalid_type", path: "/a" }), '"two"');
    assert.equal(picked(text, { code: "duplicate_field", path: "/a" }), '"a" : "two"');
    assert.equal(picked(text, { code: "unknown_field", path: "/b/c" }), '"c": [true, {"d": "x"}]');
  });

  it("gives the enclosing object for missing_field, and the whole text for the root", () => {
    assert.equal(picked(text, { code: "missing_field", path: "/b/zz" }), '{"c": [true, {"d": "x"}], "e~/f": null}');
    assert.equal(picked(text, { code: "missing_field", path: "/event_id" }), text);
    assert.equal(picked(` ${text} `, { code: "invalid_type", path: "" }), ` ${text} `);
    assert.equal(picked(text, { code: "invalid_type", path: "/b/nothing/here" }), '{"c": [true, {"d": "x"}], "e~/f": null}');
  });

  it("finds values in arrays of objects by index, where the same key is in every item", () => {
    const nested = EXAMPLES.find((example) => example.id === "access_code_broken")?.text ?? "";
    const start = nested.indexOf('"2025-01-01 00:00:00Z"');
    assert.ok(start > nested.indexOf('"created_at"'), "the broken date is not the first created_at");
    assert.deepEqual(locateIssue(nested, { code: "invalid_datetime", path: "/access_code_errors/1/created_at" }), {
      start,
      end: start + '"2025-01-01 00:00:00Z"'.length,
    });
    assert.equal(picked(nested, { code: "invalid_type", path: "/access_code_errors/0/created_at" }), '"2025-01-01T00:00:00.000Z"');
    // A missing field in the second item: that item, not the first.
    const item = picked(nested, { code: "missing_field", path: "/access_code_warnings/1/warning_code" });
    assert.deepEqual(JSON.parse(item), { created_at: "2025-01-01T00:00:00.000Z", message: "message text" });
    assert.equal(picked(nested, { code: "unknown_field", path: "/access_code_warnings/0/message" }), '"message": "message text"');
    assert.equal(picked(nested, { code: "invalid_type", path: "/device_custom_metadata/vip" }), "true");
  });

  it("maps a line and a column counted in code points", () => {
    // The decoder says column 11 for the `x`: 😀 is one character, two UTF-16 units.
    const emoji = '{"a":"😀", x}';
    assert.equal(offsetAt(emoji, 1, 11), emoji.indexOf("x"));
    assert.equal(picked(emoji, { code: "invalid_json", path: "", line: 1, column: 11 }), "x");
    const lines = '{\n  "a": 1\n  "b" 2\n}';
    assert.equal(picked(lines, { code: "invalid_json", path: "", line: 3, column: 7 }), "2");
    // Past a line's end or the text's end: an empty range there.
    assert.deepEqual(locateIssue(lines, { code: "invalid_json", path: "", line: 2, column: 99 }), { start: 10, end: 10 });
    assert.deepEqual(locateIssue("", { code: "invalid_json", path: "", line: 1, column: 1 }), { start: 0, end: 0 });
    assert.deepEqual(locateIssue("{}", { code: "invalid_json", path: "", line: 7, column: 1 }), { start: 2, end: 2 });
  });

  it("tolerates broken JSON", () => {
    const broken = '{\n  "a": "unterminated\n  "b": 2,\n  c: [1, 2\n}';
    assert.equal(picked(broken, { code: "invalid_type", path: "/b" }), "2");
    assert.equal(picked(broken, { code: "invalid_type", path: "/c/1" }), "2");
    assert.equal(picked('{"a": , "b": 3}', { code: "invalid_type", path: "/b" }), "3");
    assert.equal(picked('{"a": }', { code: "missing_field", path: "/a/x" }), "");
    for (const text of ["", "{", "[", '{"', "}", "]]]", ":::", '{"a":', "[".repeat(100_000), '{"a":'.repeat(50_000)]) {
      assert.doesNotThrow(() => valueRanges(text), JSON.stringify(text.slice(0, 10)));
    }
  });
});
