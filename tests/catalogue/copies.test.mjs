// The hand-written copies of the two connect_webview events' fields in
// JavaScript, held to the generated catalogue (catalogue/events.json), as
// src/schema.rs is by its Rust test: the package's TypeScript declarations
// (pkg-template/index.d.ts, read with the TypeScript 5 compiler API) and the
// demo page's field table (www/schema.js). Until the decoder reads the
// catalogue itself (issue 16), these tests are what keeps them from drifting.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { FIELDS } from "../../www/schema.js";

const root = new URL("../../", import.meta.url);
const catalogue = JSON.parse(readFileSync(new URL("catalogue/events.json", root), "utf8"));
const ts = createRequire(new URL("tests/packaging/package.json", root))("typescript-5");

/** The two events in the catalogue, by type. */
const EVENTS = ["connect_webview.login_succeeded", "connect_webview.login_failed"].map((type) => {
  const event = catalogue.events.find((/** @type {{ event_type: string }} */ e) => e.event_type === type);
  assert.ok(event, `${type} is not in catalogue/events.json`);
  return event;
});

/** [name, required, kind] of each field, sorted by name. @param {any[]} fields */
const sorted = (fields) => fields.map((f) => [f.name, f.required, f.kind]).sort(([a], [b]) => (a < b ? -1 : 1));

/** The TypeScript type each kind of the catalogue is declared as; the event type is its literal. */
const TYPE_OF_KIND = { uuid: "Uuid", datetime: "DateTime", string: "string", record: "CustomMetadata" };

test("index.d.ts: each connect_webview interface has the catalogue's fields, optional where it says, of its kind", () => {
  const source = ts.createSourceFile("index.d.ts", readFileSync(new URL("pkg-template/index.d.ts", root), "utf8"), ts.ScriptTarget.Latest, true);
  /** @type {Map<string, any>} */
  const interfaces = new Map();
  source.forEachChild((/** @type {any} */ node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  for (const event of EVENTS) {
    const name = `${event.event_type.split(/[._]/).map((w) => w[0].toUpperCase() + w.slice(1)).join("")}Event`;
    const declaration = interfaces.get(name);
    assert.ok(declaration, `index.d.ts declares no ${name}`);
    const members = declaration.members.map((/** @type {any} */ m) => {
      const type = m.type.getText(source);
      const kind = type === JSON.stringify(event.event_type) ? "enum" : Object.keys(TYPE_OF_KIND).find((k) => TYPE_OF_KIND[k] === type);
      assert.ok(kind, `${name}.${m.name.text}: type ${type} is none of the catalogue's kinds`);
      // Every field but the discriminator has a doc comment.
      if (kind !== "enum") assert.ok(ts.getJSDocCommentsAndTags(m).length > 0, `${name}.${m.name.text} has no doc comment`);
      return { name: m.name.text, required: m.questionToken === undefined, kind };
    });
    assert.deepEqual(sorted(members), sorted(event.fields), name);
  }
});

test("www/schema.js: the demo's field table has the catalogue's fields, required where it says, with the rule of their kind", () => {
  const RULE_OF_KIND = { uuid: "UUID", datetime: "date-time", string: "string", record: "object of string and boolean values", enum: "event type" };
  for (const event of EVENTS) {
    const fields = FIELDS[event.event_type];
    assert.ok(fields, `www/schema.js has no ${event.event_type}`);
    const kinds = fields.map((f) => ({ ...f, kind: Object.keys(RULE_OF_KIND).find((k) => RULE_OF_KIND[k] === f.rule) }));
    assert.deepEqual(sorted(kinds), sorted(event.fields), event.event_type);
  }
  assert.deepEqual(Object.keys(FIELDS).sort(), EVENTS.map((e) => e.event_type).sort());
});
