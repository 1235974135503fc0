// The demo page's field table without the DOM (www/fields.js), run in Node:
// which rows a payload gets, nested ones by their JSON Pointer, and which
// row each issue sits on.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SAMPLES } from "../../www/catalogue.js";
import { fieldRows, parsedEvent, shownValue } from "../../www/fields.js";
import { eventSchema } from "../../www/schema.js";

/** [pointer, depth, the field's schema path or null, shown value] of each row. */
const summary = (/** @type {ReturnType<typeof fieldRows>} */ rows) => rows.map((row) => [row.pointer, row.depth, row.field?.path ?? null, shownValue(row)]);

const issue = (/** @type {string} */ code, /** @type {string} */ path) => ({ code, path, message: `${code} at ${path}` });

describe("fields.js", () => {
  it("gives each nested value a row by its path, after its parent, with the schema's field", () => {
    const rows = fieldRows("access_code.changed", {
      event_type: "access_code.changed",
      changed_properties: [{ property: "name", from: "a", to: null, zz: 1 }],
      device_custom_metadata: { vip: true, "a/b": "x" },
      hint: { deep: [1] },
    });
    assert.deepEqual(summary(rows), [
      ["/event_type", 0, "/event_type", '"access_code.changed"'],
      ["/changed_properties", 0, "/changed_properties", "[1 item]"],
      ["/changed_properties/0", 1, "/changed_properties/*", "{4 fields}"],
      ["/changed_properties/0/property", 2, "/changed_properties/*/property", '"name"'],
      ["/changed_properties/0/from", 2, "/changed_properties/*/from", '"a"'],
      ["/changed_properties/0/to", 2, "/changed_properties/*/to", "null"],
      ["/changed_properties/0/zz", 2, null, "1"],
      ["/device_custom_metadata", 0, "/device_custom_metadata", "{2 fields}"],
      ["/device_custom_metadata/vip", 1, "/device_custom_metadata/*", "true"],
      ["/device_custom_metadata/a~1b", 1, "/device_custom_metadata/*", '"x"'],
      ["/hint", 0, null, '{"deep":[1]}'],
    ]);
  });

  it("keeps a record value of any kind, and an empty container, on one row", () => {
    const rows = fieldRows("access_code.mutations_requested", {
      requested_mutations: [{ mutation_code: "deleting", from: { a: { b: 1 } }, to: {} }],
    });
    assert.deepEqual(summary(rows).slice(2), [
      ["/requested_mutations/0/mutation_code", 2, "/requested_mutations/*/mutation_code", '"deleting"'],
      ["/requested_mutations/0/from", 2, "/requested_mutations/*/from", "{1 field}"],
      ["/requested_mutations/0/from/a", 3, "/requested_mutations/*/from/*", '{"b":1}'],
      ["/requested_mutations/0/to", 2, "/requested_mutations/*/to", "{}"],
    ]);
  });

  it("puts each issue on its row or its nearest ancestor's, and gives a missing field a row after its siblings", () => {
    const data = structuredClone(SAMPLES["access_code.failed_to_set_on_device"]);
    data.access_code_errors[1].created_at = "2025-01-01 00:00:00Z";
    delete data.access_code_warnings[1].warning_code;
    data.device_custom_metadata.n = 7;
    const issues = [
      issue("invalid_datetime", "/access_code_errors/1/created_at"),
      issue("missing_field", "/access_code_warnings/1/warning_code"),
      issue("invalid_type", "/device_custom_metadata/n"),
      issue("invalid_type", "/device_errors/0/nothing/here"),
      issue("invalid_type", ""),
      { ...issue("invalid_json", ""), line: 1, column: 1 },
    ];
    const rows = fieldRows("access_code.failed_to_set_on_device", data, issues);
    const withIssues = rows.filter((row) => row.issues.length > 0).map((row) => [row.pointer, row.issues.map((i) => i.path)]);
    assert.deepEqual(withIssues, [
      ["/access_code_errors/1/created_at", ["/access_code_errors/1/created_at"]],
      ["/access_code_warnings/1/warning_code", ["/access_code_warnings/1/warning_code"]],
      ["/device_custom_metadata/n", ["/device_custom_metadata/n"]],
      ["/device_errors/0", ["/device_errors/0/nothing/here"]],
    ]);
    const at = rows.findIndex((row) => row.pointer === "/access_code_warnings/1/warning_code");
    assert.deepEqual(summary(rows.slice(at - 2, at + 1)), [
      ["/access_code_warnings/1/created_at", 2, "/access_code_warnings/*/created_at", '"2025-01-01T00:00:00.000Z"'],
      ["/access_code_warnings/1/message", 2, "/access_code_warnings/*/message", '"message text"'],
      ["/access_code_warnings/1/warning_code", 2, "/access_code_warnings/*/warning_code", "missing"],
    ]);
    assert.equal(rows[at].missing, true);
    assert.equal(rows[at].field?.presence, "required");
  });

  it("gives a row to every value of every sample, each in the schema", () => {
    for (const [type, sample] of Object.entries(SAMPLES)) {
      const rows = fieldRows(type, sample);
      assert.ok(rows.length >= Object.keys(sample).length, type);
      assert.deepEqual(rows.filter((row) => !row.field).map((row) => row.pointer), [], type);
      assert.ok(eventSchema(type), type);
    }
  });

  it("reads a payload with issues as an event of a known type, or not at all", () => {
    const known = (/** @type {string} */ type) => eventSchema(type) !== undefined;
    assert.deepEqual(parsedEvent('{"event_type": "lock.unlocked", "method": 1}', known), {
      eventType: "lock.unlocked",
      data: { event_type: "lock.unlocked", method: 1 },
    });
    for (const text of ['{"event_type": "device.teleported"}', '{"event_type": 1}', "[]", "null", '{"event_type": "lock.unlocked"', '"lock.unlocked"', '{"event_type": "__proto__"}']) {
      assert.equal(parsedEvent(text, known), undefined, text);
    }
  });
});
