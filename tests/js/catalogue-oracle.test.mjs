// The packed package held to the reference for every event type of the
// catalogue: the zod `seam_event` of @seamapi/types is the oracle
// (tests/oracle/zod.mjs, its issues mapped to our codes as catalogue.md
// says), the cases are tests/oracle/mutations.mjs's (each valid example,
// then single-point mutations at every path). For a valid example, ours and
// zod both accept and ours keeps the data as it was, in order; for every
// mutation, our verdict and our set of (code, path) are zod's. Then the
// deliberate differences from zod, each with our exact code and path.
//
// Runs in the consumer project of scripts/test-package.sh, which copies
// tests/oracle/ to ./oracle/ and catalogue/*.json to ./catalogue/ beside
// this file; zod resolves from the repository's node_modules.
import * as api from "connect-webview-events";
import assert from "node:assert/strict";
import { test } from "node:test";
import { schemas } from "@seamapi/types/connect";
import { applied, catalogueCases, loadCatalogue, pointer, randomCases, rootCases } from "./oracle/mutations.mjs";
import { issueSet, zodVerdict } from "./oracle/zod.mjs";

const catalogue = loadCatalogue(new URL("./catalogue/", import.meta.url));
const byType = catalogueCases(catalogue);
const examples = (/** @type {string} */ eventType) => catalogue.examples[eventType];

/** Our verdict on `text`, in the oracle's terms. */
function ours(text, options) {
  const result = api.safeDecode(text, options);
  return result.success ? { ok: true, issues: [], data: result.data } : { ok: false, issues: result.error.issues };
}

/** What differs between ours and zod (`expected`) on one case, or null when they agree. */
function disagreement({ name, payload, text = JSON.stringify(payload) }, expected = zodVerdict(payload)) {
  const actual = ours(text);
  const [want, got] = [issueSet(expected.issues), issueSet(actual.issues)];
  if (expected.ok === actual.ok && want.join("\n") === got.join("\n")) return null;
  return `${name}\n    zod:  ${JSON.stringify(want)}\n    ours: ${JSON.stringify(got)}\n    text: ${text}`;
}

/** What is wrong with a valid example: zod or we refuse it, or our data is not its data in its order. */
function validDisagreement({ name, payload }) {
  const text = JSON.stringify(payload);
  const [zod, result] = [zodVerdict(payload), ours(text)];
  if (!zod.ok) return `the ${name} example: zod refuses it: ${JSON.stringify(issueSet(zod.issues))}`;
  if (!result.ok) return `the ${name} example: ours refuses it: ${JSON.stringify(issueSet(result.issues))}\n    text: ${text}`;
  try {
    assert.deepEqual(result.data, payload);
    assert.equal(JSON.stringify(result.data), text, "the data in order");
  } catch (error) {
    return `the ${name} example: our data is not its data: ${error.message}`;
  }
  return null;
}

/** Fails with the count and the first few, when there are any. */
function assertNone(/** @type {(string | null)[]} */ results) {
  const disagreements = results.filter((d) => d !== null);
  const shown = disagreements.slice(0, 5).join("\n");
  assert.equal(disagreements.length, 0, `${disagreements.length} of ${results.length} cases disagree with zod; the first ones:\n${shown}`);
}

const counts = { valid: 0, mutations: 0, zodValidMutations: 0, types: 0 };

for (const { eventType, valid, mutations } of byType) {
  test(`${eventType}: its ${valid.length} examples decode intact and its ${mutations.length} mutations have zod's verdict, paths and codes`, () => {
    const verdicts = mutations.map((m) => zodVerdict(m.payload));
    assertNone([...valid.map(validDisagreement), ...mutations.map((m, i) => disagreement(m, verdicts[i]))]);
    const zodValid = verdicts.filter((v) => v.ok).length;
    // Each type's mutations are mostly refused, and some are valid odd values.
    assert.ok(zodValid > 0 && zodValid < mutations.length / 2, `${zodValid} of ${mutations.length} valid`);
    counts.valid += valid.length;
    counts.mutations += mutations.length;
    counts.zodValidMutations += zodValid;
    counts.types += 1;
  });
}

test("payloads of no event type (the root, event_type itself) have zod's verdict, paths and codes", () => {
  const cases = rootCases(catalogue);
  assertNone(cases.map((c) => disagreement(c)));
});

test("the oracle ran every event type of the catalogue, with over 15,000 cases", (t) => {
  // 109 at 1.977.0 (catalogue.md; tests/catalogue/spec.mjs).
  assert.deepEqual(byType.map((c) => c.eventType), catalogue.events.map((e) => e.event_type));
  assert.equal(counts.types, catalogue.events.length, "every event type's test above passed");
  const total = counts.valid + counts.mutations;
  assert.ok(total > 15_000, `${total} cases`);
  t.diagnostic?.(`${counts.valid} valid examples, ${counts.mutations} mutations (${counts.zodValidMutations} of them valid for zod)`);
});

// The deliberate differences (catalogue.md, "Where we differ from zod on
// purpose"), each at several depths of catalogue types beyond connect_webview.

/** The full example of `eventType` with `edits` made: [path, value] pairs. */
const fullWith = (eventType, ...edits) => edits.reduce((payload, [path, value]) => applied(payload, { path, value }), examples(eventType).full);

/** The JSON text of the full example of `eventType` with the value at `path` written as `raw`, JSON text that JSON.stringify cannot write. */
function fullWithText(eventType, path, raw) {
  const marker = "@@raw@@";
  return JSON.stringify(fullWith(eventType, [path, marker])).replace(JSON.stringify(marker), raw);
}

/** Our (code, path) pairs for `text`. */
const issuesOf = (text, options) => ours(text, options).issues.map(({ code, path }) => [code, path]);

test("a duplicate key is duplicate_field at its own path at any depth, where zod sees only the value JSON.parse kept", () => {
  const cases = [
    ["lock.unlocked", ["method"]],
    ["device.unmanaged.disconnected", ["device_warnings", 1, "message"]],
    ["access_code.changed", ["changed_properties", 1, "to"]],
    ["access_code.mutations_requested", ["requested_mutations", 1, "from", "count"]],
    ["device.connected", ["device_custom_metadata", "vip"]],
  ];
  for (const [eventType, path] of cases) {
    // `"key":value` becomes `"key":value,"key":value`.
    const value = JSON.stringify(path.reduce((at, key) => at[key], examples(eventType).full));
    const text = fullWithText(eventType, path, `${value},${JSON.stringify(path.at(-1))}:${value}`);
    assert.equal(zodVerdict(JSON.parse(text)).ok, true, text);
    assert.deepEqual(issuesOf(text), [["duplicate_field", pointer(path)]], text);
  }
});

test("unknown fields are kept at every depth in input order, and strict reports each at its own path, never inside a record", () => {
  const cases = {
    // [event type, paths of unknown fields, paths of new keys inside records]
    "access_code.mutations_requested": [
      [["zz_top"], ["requested_mutations", 0, "zz_first"], ["requested_mutations", 1, "zz_item"]],
      [["requested_mutations", 1, "from", "zz_data"], ["device_custom_metadata", "zz_meta"]],
    ],
    "lock.access_denied": [[["reason", "zz_nested"], ["zz_top"]], [["connected_account_custom_metadata", "zz_meta"]]],
  };
  for (const [eventType, [unknown, inRecords]] of Object.entries(cases)) {
    const payload = fullWith(eventType, ...[...unknown, ...inRecords].map((path) => [path, "kept"]));
    const text = JSON.stringify(payload);
    const zod = schemas.seam_event.safeParse(payload);
    assert.equal(zod.success, true, eventType);
    assert.equal("zz_top" in zod.data, false, "zod strips unknown fields");
    const result = ours(text);
    assert.deepEqual(result.issues, [], eventType);
    assert.equal(JSON.stringify(result.data), text, `${eventType}: every field kept, in order`);
    const expected = unknown.map((path) => ["unknown_field", pointer(path)]);
    assert.deepEqual(issuesOf(text, { strict: true }).sort(), expected.sort(), eventType);
  }
});

test("a number beyond a double is invalid_json, where zod takes JSON.parse's Infinity", () => {
  const text = (path) => fullWithText("device.battery_status_changed", path, "1e400");
  for (const path of [["battery_level"], ["zz_unknown"], ["device_custom_metadata", "zz"]]) {
    assert.deepEqual(issuesOf(text(path)), [["invalid_json", ""]], pointer(path));
  }
  assert.deepEqual(zodVerdict(JSON.parse(text(["battery_level"]))).issues, [{ code: "out_of_range", path: "/battery_level" }]);
  assert.equal(zodVerdict(JSON.parse(text(["zz_unknown"]))).ok, true);
});

test("a bounded number has zod's verdict on JSON.parse's value however it is written, short or long", () => {
  // With up to 15 digits and no exponent, the wasm works the value out
  // itself (src/rules.rs, simple_number); any other number goes to the
  // engine's Number. Both sides of that line, at and around the bounds 0 and 1.
  const short = ["0", "-0", "1", "0.5", "-0.5", "1.5", "2", "1.0", "-0.0", "0.999999999999999", "1.00000000000000"];
  const long = ["1.000000000000000", "1.000000000000001", "1.0000000000000002", "0.9999999999999999", "0.99999999999999999", "-0.000000000000001"];
  const exponents = ["1e0", "10e-1", "0.1E1", "1e-400", "-1e-400", "1.5e0", "5e-324", "-5e-324", "1e1"];
  const refused = [];
  for (const number of [...short, ...long, ...exponents]) {
    const text = fullWithText("device.low_battery", ["battery_level"], number);
    const zod = zodVerdict(JSON.parse(text));
    assert.deepEqual(issuesOf(text), zod.issues.map(({ code, path }) => [code, path]), number);
    if (!zod.ok) refused.push(number);
  }
  // The oracle itself, on the same texts.
  assert.deepEqual(refused, ["-0.5", "1.5", "2", "1.000000000000001", "1.0000000000000002", "-0.000000000000001", "1.5e0", "-5e-324", "1e1"]);
});

test("an escaped lone surrogate is invalid_json at any depth, where zod takes the string", () => {
  const eventType = "device.unmanaged.disconnected";
  for (const path of [["event_description"], ["device_warnings", 1, "message"], ["device_custom_metadata", "tenant"]]) {
    const text = fullWithText(eventType, path, '"\\ud800"');
    assert.equal(zodVerdict(JSON.parse(text)).ok, true, pointer(path));
    assert.deepEqual(issuesOf(text), [["invalid_json", ""]], pointer(path));
  }
});

test("seeded near-misses of every format at any depth, and several mutations at once, have zod's verdict, paths and codes", () => {
  const cases = randomCases(catalogue, { seed: 1, perType: 20 });
  assert.equal(cases.length, catalogue.events.length * 40);
  assertNone(cases.map((c) => disagreement(c)));
});

test("a URL beyond ASCII has zod's verdict however many URLs came before it", () => {
  // Node 20 and 22's URL.canParse, once V8 has optimized the call, reads a
  // Latin-1 string as UTF-8 and refuses "https://bücher.de/": after about
  // 1,500 calls, every one (pkg-template/src/url.js).
  const [eventType, name] = catalogue.events.flatMap((e) => e.fields.filter((f) => f.kind === "url").map((f) => [e.event_type, f.name]))[0];
  const urls = ["https://bücher.de/", "http://[::1]/ä?ö#ü", "foo:bär", "http://ü ber/", "http://bü:cher/", "foo:bar", "http://"];
  const texts = urls.map((url) => JSON.stringify(fullWith(eventType, [[name], url])));
  const expected = urls.map((url) => zodVerdict(fullWith(eventType, [[name], url])));
  assert.deepEqual(expected.map((v) => v.ok), [true, true, true, false, false, true, false], "zod's verdicts");
  const wrong = [];
  for (let round = 0; round < 3000; round++) {
    texts.forEach((text, i) => {
      if (api.safeDecode(text).success !== expected[i].ok) wrong.push(`round ${round}: ${urls[i]}`);
    });
  }
  assert.deepEqual(wrong.slice(0, 5), []);
});
