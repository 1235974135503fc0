// @ts-check
// src/seam_event.rs, the Rust types of every event (scripts/catalogue/rust-types.mjs):
// the checked-in file is what the renderer writes (also `node
// scripts/catalogue.mjs --check`), it has a variant and a struct of every
// event type, type names are unique, and the renderer fails on what it does
// not handle, naming the path. That the types read every example is
// tests/seam_event.rs (cargo test).
//
// Run: node --test tests/catalogue/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ROOT, generate, referenceVersions } from "../../scripts/catalogue.mjs";
import { marker } from "../../scripts/catalogue/render.mjs";
import { markdown, pascal, renderRustTypes } from "../../scripts/catalogue/rust-types.mjs";

const source = readFileSync(join(ROOT, "src/seam_event.rs"), "utf8");
/** The source as one line, undoing how rustfmt breaks long lines: match arms in blocks, arguments on lines of their own. */
const flat = source
  .replace(/\s+/g, " ")
  .replace(/=> \{ ([^{}]*?) \}/g, "=> $1,")
  .replace(/\( /g, "(")
  .replace(/,? \)/g, ")");
/** @type {{ events: import("../../scripts/catalogue/model.mjs").Variant[] }} */
const catalogue = JSON.parse(readFileSync(join(ROOT, "catalogue/events.json"), "utf8"));

describe("src/seam_event.rs", () => {
  test("is what the renderer writes now", async () => {
    const files = await generate();
    assert.equal(files["src/seam_event.rs"], source);
  });

  test("starts with the generated marker, then the module doc", () => {
    const [first, second] = source.split("\n");
    assert.equal(first, `// ${marker(referenceVersions())}`);
    assert.match(second, /^\/\/! /);
  });

  test("has a variant, a struct and an event_type arm of every event type", () => {
    for (const { event_type } of catalogue.events) {
      const variant = pascal(event_type, event_type);
      assert.ok(flat.includes(` #[serde(rename = "${event_type}")] ${variant}(${variant}Event), `), event_type);
      assert.ok(source.includes(`\npub struct ${variant}Event {\n`), event_type);
      assert.ok(flat.includes(` SeamEvent::${variant}(_) => "${event_type}", `), event_type);
      assert.ok(flat.includes(` "${event_type}" => SeamEvent::${variant}(${variant}Event::from_map(map)?), `), event_type);
    }
    assert.match(source, new RegExp(`pub const EVENT_TYPES: \\[&'static str; ${catalogue.events.length}\\]`));
  });

  test("type names are unique, and the same nested type is written once", () => {
    const names = [...source.matchAll(/^pub (?:struct|enum) (\w+)/gm)].map((m) => m[1]);
    assert.equal(new Set(names).size, names.length);
    assert.equal(names.filter((n) => n.endsWith("Event") && n !== "SeamEvent").length, catalogue.events.length);
    assert.ok(names.includes("ErrorsItem") && names.includes("WarningsItem") && names.includes("DeviceErrorCode"));
    assert.ok(names.includes("AccessCodeChangedEventChangedProperties"));
  });

  test("has a doc test for each family, on its first event", () => {
    const families = [...new Set(catalogue.events.map((e) => e.family))];
    assert.equal(families.length, 21);
    const tested = [...source.matchAll(/^\/\/\/ let example = &examples\["examples"\]\["([^"]+)"\]/gm)].map((m) => m[1]);
    assert.deepEqual(tested, families.map((f) => catalogue.events.find((e) => e.family === f)?.event_type));
  });

  test("every field is a typed member: UUIDs are Uuid, the optional nullable one a double Option", () => {
    assert.match(source, /\n    pub event_id: Uuid,\n/);
    assert.match(source, /\n    pub thermostat_schedule_id: Option<Uuid>,\n/);
    assert.match(source, /\n    pub device_name: Option<Option<String>>,\n/);
    assert.match(source, /\n    pub acs_entrance_ids: Vec<Uuid>,\n/);
  });
});

describe("the renderer", () => {
  /** A one-event catalogue with `fields` beside event_type. */
  const withFields = (/** @type {any[]} */ fields) => ({
    events: [
      {
        event_type: "device.tested",
        family: "device",
        deprecated: false,
        undocumented: false,
        fields: [{ name: "event_type", kind: "enum", required: true, nullable: false, values: ["device.tested"], discriminator: true }, ...fields],
      },
    ],
  });
  const field = (/** @type {object} */ more) => ({ name: "x", kind: "string", required: true, nullable: false, ...more });

  test("fails on a field name that is not a Rust identifier, naming the path", () => {
    assert.throws(() => renderRustTypes(/** @type {any} */ (withFields([field({ name: "Bad-Name" })])), "m", ROOT), {
      name: "CatalogueError",
      message: 'device.tested/Bad-Name: field name "Bad-Name" is not a snake_case Rust identifier',
    });
  });

  test("fails on a field named extra", () => {
    assert.throws(() => renderRustTypes(/** @type {any} */ (withFields([field({ name: "extra" })])), "m", ROOT), /device\.tested\/extra: a field named "extra"/);
  });

  test("fails on arrays of numbers and optional nullable numbers", () => {
    const numbers = field({ kind: "array", items: { kind: "number", nullable: false } });
    assert.throws(() => renderRustTypes(/** @type {any} */ (withFields([numbers])), "m", ROOT), /device\.tested\/x\/0: arrays of numbers/);
    const optional = field({ kind: "number", required: false, nullable: true });
    assert.throws(() => renderRustTypes(/** @type {any} */ (withFields([optional])), "m", ROOT), /device\.tested\/x: an optional nullable number/);
  });

  test("writes a keyword field as a raw identifier", () => {
    const text = renderRustTypes(/** @type {any} */ (withFields([field({ name: "type", description: "A type." })])), "m", ROOT);
    assert.match(text, /\n    pub r#type: String,\n/);
    assert.match(text, /r#type: wire::required\(&mut map, "type"\)\?,/);
  });

  test("escapes what rustdoc would misread, keeping code spans and links", () => {
    assert.equal(markdown("a <b> [c] `[d]` [e](https://x.y/z) see https://seam.co/docs."), "a \\<b\\> \\[c\\] `[d]` [e](https://x.y/z) see <https://seam.co/docs>.");
  });
});
