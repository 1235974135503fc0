// The package's TypeScript declarations held to the catalogue
// (catalogue/events.json), as src/schema.rs is by its Rust test, and the
// demo page's field table (www/catalogue.js, generated, read by www/schema.js).
//
// pkg-template/events.d.ts is generated (`node scripts/catalogue.mjs --check`
// fails when it drifts); here the TypeScript 5 checker reads what a user's
// compiler reads, pkg-template/index.d.ts and what it re-exports, and every
// event type of the catalogue must be there: the interface's name, each
// field at every depth (name, optional or not, nullable or not, its kind,
// the literals of enums), the descriptions as doc comments, the flags.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { computeStats, featureRows, referenceVersions } from "../../scripts/catalogue.mjs";
import { CatalogueError } from "../../scripts/catalogue/model.mjs";
import { marker } from "../../scripts/catalogue/render.mjs";
import { renderTypeScript } from "../../scripts/catalogue/typescript.mjs";
import { EVENT_TYPES, eventSchema, fieldAt } from "../../www/schema.js";
import { SAMPLES } from "../../www/catalogue.js";

const root = new URL("../../", import.meta.url);
const catalogue = JSON.parse(readFileSync(new URL("catalogue/events.json", root), "utf8"));
const ts = createRequire(new URL("tests/packaging/package.json", root))("typescript-5");

/** The two connect_webview events in the catalogue, by type. */
const EVENTS = ["connect_webview.login_succeeded", "connect_webview.login_failed"].map((type) => {
  const event = catalogue.events.find((/** @type {{ event_type: string }} */ e) => e.event_type === type);
  assert.ok(event, `${type} is not in catalogue/events.json`);
  return event;
});

/** The interface an event type is declared as: `device.connected` -> `DeviceConnectedEvent`. */
const interfaceName = (/** @type {string} */ type) => `${type.split(/[._]/).map((w) => w[0].toUpperCase() + w.slice(1)).join("")}Event`;

/**
 * What the catalogue says of every value, by path (`lock.unlocked/method`,
 * `access_code.changed/changed_properties/[]/from`); descriptions and flags apart.
 * @param {any} type a field, array items, or an event (kind object)
 * @param {string} path
 * @param {Map<string, any>} out
 */
function fromCatalogue(type, path, out = new Map()) {
  const { kind, nullable, required, values, record, description, deprecated, undocumented } = type;
  out.set(path, {
    shape: { kind, nullable: Boolean(nullable), required, values: values && [...values].sort(), record },
    doc: { description, deprecated: Boolean(deprecated), undocumented: Boolean(undocumented) },
  });
  if (kind === "array") fromCatalogue(type.items, `${path}/[]`, out);
  for (const field of type.fields ?? []) fromCatalogue(field, `${path}/${field.name}`, out);
  return out;
}

/** The kind of a string type by the alias it is declared with. */
const KIND_OF_ALIAS = /** @type {Record<string, string>} */ ({ Uuid: "uuid", DateTime: "datetime", Url: "url" });

/** The declarations as a program: pkg-template/index.d.ts and what it imports. */
function program() {
  const file = fileURLToPath(new URL("pkg-template/index.d.ts", root));
  const options = { strict: true, noEmit: true, types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const p = ts.createProgram([file], options);
  const checker = p.getTypeChecker();
  const exports = new Map(
    checker.getExportsOfModule(checker.getSymbolAtLocation(p.getSourceFile(file))).map((/** @type {any} */ s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]),
  );
  return { p, checker, exports };
}

/**
 * What the declarations say of every value, by the same paths, read with
 * the checker (optional, null, literals, arrays, index signatures) and,
 * for strings, the alias written in the declaration.
 * @param {any} checker
 */
function fromDeclarations(checker) {
  /** The declared type without `| null` and parentheses. @param {any} node */
  const bare = (node) => {
    while (node && ts.isParenthesizedTypeNode(node)) node = node.type;
    if (node && ts.isUnionTypeNode(node)) {
      const rest = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
      if (rest.length === 1) return bare(rest[0]);
    }
    return node;
  };
  /** @param {any} type @param {any} node @param {string} path @param {Map<string, any>} out @param {any} [symbol] */
  const walk = (type, node, path, out, symbol) => {
    const nullable = type.isUnion() && type.types.some((/** @type {any} */ t) => t.flags & ts.TypeFlags.Null);
    const t = checker.getNonNullableType(type);
    const n = bare(node);
    const shape = { kind: "", nullable, required: symbol && !(symbol.flags & ts.SymbolFlags.Optional) };
    const literals = (t.isUnion() ? t.types : [t]).filter((/** @type {any} */ x) => x.isStringLiteral());
    const index = checker.getIndexInfosOfType(t);
    if (t.flags & ts.TypeFlags.Boolean) shape.kind = "boolean";
    else if (literals.length > 0 && literals.length === (t.isUnion() ? t.types.length : 1)) Object.assign(shape, { kind: "enum", values: literals.map((/** @type {any} */ x) => x.value).sort() });
    else if (t.flags & ts.TypeFlags.String) shape.kind = (n && ts.isTypeReferenceNode(n) && KIND_OF_ALIAS[n.typeName.getText()]) || (n?.kind === ts.SyntaxKind.StringKeyword ? "string" : `string declared as ${n?.getText()}`);
    else if (t.flags & ts.TypeFlags.Number) shape.kind = "number";
    else if (checker.isArrayType(t)) {
      shape.kind = "array";
      walk(checker.getTypeArguments(t)[0], n && (ts.isArrayTypeNode(n) ? n.elementType : n.typeArguments?.[0]), `${path}/[]`, out);
    } else if (index.length === 1 && t.getProperties().length === 0) {
      const values = checker.typeToString(index[0].type);
      Object.assign(shape, { kind: "record", record: values === "string | boolean" ? "metadata" : values === "unknown" ? "any" : `of ${values}` });
    } else if (t.flags & ts.TypeFlags.Object) {
      shape.kind = "object";
      for (const prop of t.getProperties()) walk(checker.getTypeOfSymbol(prop), prop.valueDeclaration?.type, `${path}/${prop.name}`, out, prop);
    } else shape.kind = `unknown: ${checker.typeToString(t)}`;
    const doc = symbol && {
      text: ts.displayPartsToString(symbol.getDocumentationComment(checker)),
      deprecated: symbol.getJsDocTags(checker).some((/** @type {any} */ tag) => tag.name === "deprecated"),
    };
    out.set(path, { shape: Object.fromEntries(Object.entries(shape).filter(([, v]) => v !== undefined)), doc });
  };
  return walk;
}

test("the declarations have every event type of the catalogue: names, optional and nullable fields, kinds and enum literals at every depth", () => {
  const { p, checker, exports } = program();
  assert.deepEqual(ts.getPreEmitDiagnostics(p).map((/** @type {any} */ d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), [], "the declarations compile");
  const seamEvent = exports.get("SeamEvent");
  assert.ok(seamEvent, "index.d.ts exports no SeamEvent");
  const members = checker.getDeclaredTypeOfSymbol(seamEvent).types;
  assert.deepEqual(
    members.map((/** @type {any} */ m) => m.symbol.name).sort(),
    catalogue.events.map((/** @type {any} */ e) => interfaceName(e.event_type)).sort(),
    "SeamEvent is the union of one interface per event type, named from it",
  );
  const walk = fromDeclarations(checker);
  /** @type {Map<string, any>} */
  const declared = new Map();
  for (const member of members) {
    const interfaceSymbol = exports.get(member.symbol.name);
    assert.equal(interfaceSymbol, member.symbol, `${member.symbol.name} is exported from index.d.ts`);
    const type = /** @type {any} */ (checker.getPropertyOfType(member, "event_type") && checker.getTypeOfSymbol(checker.getPropertyOfType(member, "event_type"))).value;
    walk(member, undefined, type, declared, member.symbol);
    declared.get(type).shape.required = undefined;
  }
  /** @type {Map<string, any>} */
  const expected = new Map();
  for (const event of catalogue.events) fromCatalogue({ ...event, kind: "object", nullable: false }, event.event_type, expected);
  const shapes = (/** @type {Map<string, any>} */ m) => Object.fromEntries([...m].map(([path, { shape }]) => [path, JSON.parse(JSON.stringify(shape))]).sort(([a], [b]) => (a < b ? -1 : 1)));
  assert.deepEqual(shapes(declared), shapes(expected));

  // The reference's descriptions are the doc comments, with the flags.
  for (const [path, { doc }] of expected) {
    const got = declared.get(path).doc;
    if (!got) continue; // array items: their description is their field's
    if (doc.description) assert.ok(got.text.includes(doc.description), `${path}: the doc comment lacks the description\n${got.text}`);
    assert.equal(got.deprecated, doc.deprecated, `${path}: @deprecated`);
    assert.equal(/Undocumented in the reference/.test(got.text), doc.undocumented, `${path}: undocumented`);
  }
  assert.ok(declared.get("connected_account.successful_login").doc.deprecated);
});

test("the unions of the API: SeamEventType is every event type; ConnectWebviewEvent the two connect_webview ones; decode, verify, safeDecode, decodeBatch give a SeamEvent", () => {
  const { checker, exports } = program();
  const literals = (/** @type {string} */ name) =>
    checker
      .getDeclaredTypeOfSymbol(exports.get(name))
      .types.map((/** @type {any} */ t) => t.value)
      .sort();
  assert.deepEqual(literals("SeamEventType"), catalogue.events.map((/** @type {any} */ e) => e.event_type).sort());
  assert.deepEqual(literals("ConnectWebviewEventType"), EVENTS.map((e) => e.event_type).sort());
  const connectWebview = checker.getDeclaredTypeOfSymbol(exports.get("ConnectWebviewEvent"));
  assert.deepEqual(connectWebview.types.map((/** @type {any} */ t) => t.symbol.name).sort(), ["ConnectWebviewLoginFailedEvent", "ConnectWebviewLoginSucceededEvent"]);
  const returns = (/** @type {any} */ symbol) => checker.typeToString(checker.getReturnTypeOfSignature(checker.getTypeOfSymbol(symbol).getCallSignatures()[0]));
  assert.equal(returns(exports.get("decode")), "SeamEvent");
  assert.equal(returns(exports.get("verify")), "SeamEvent");
  const webhookVerify = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(exports.get("ConnectWebviewWebhook")), "verify");
  assert.equal(returns(webhookVerify), "SeamEvent");
  const data = (/** @type {string} */ name) => checker.typeToString(checker.getTypeOfSymbol(checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(exports.get(name)).types[0], "data")));
  assert.equal(data("SafeDecodeResult"), "SeamEvent");
  assert.equal(data("BatchResult"), "SeamEvent");
});

test("events.d.ts starts with the generated marker, and index.d.ts declares no event interface of its own", () => {
  assert.equal(readFileSync(new URL("pkg-template/events.d.ts", root), "utf8").split("\n")[0], `// ${marker(referenceVersions())}`);
  const index = readFileSync(new URL("pkg-template/index.d.ts", root), "utf8");
  assert.doesNotMatch(index, /interface \w+Event\b/);
  assert.match(index, /^export \* from "\.\/events\.js";$/m);
});

/**
 * Every value position of an event type, by the demo's path (array items and
 * record values `*`), with what the catalogue says of it.
 * @param {any[]} fields
 * @returns {[string, any, "required" | "optional" | "each item" | "each value"][]}
 */
function positions(fields, prefix = "") {
  return fields.flatMap((/** @type {any} */ field) => {
    /** @param {any} type @param {string} path @param {"required" | "optional" | "each item"} presence @returns {[string, any, any][]} */
    const at = (type, path, presence) => [
      [path, type, presence],
      ...(type.kind === "object" ? positions(type.fields, path) : []),
      ...(type.kind === "array" ? at(type.items, `${path}/*`, "each item") : []),
      ...(type.kind === "record" ? [[`${path}/*`, { kind: "value", record: type.record, nullable: false }, "each value"]] : []),
    ];
    return at(field, `${prefix}/${field.name}`, field.required ? "required" : "optional");
  });
}

/** What the words of a rule must say for a kind: held loosely, so that the wording may change. */
const WORDS = {
  uuid: () => /^a UUID$/,
  datetime: () => /^a date-time$/,
  url: () => /^a URL$/,
  string: () => /^a string$/,
  boolean: () => /^a boolean$/,
  object: () => /^an object$/,
  number: (/** @type {any} */ t) => new RegExp(`^a number${t.minimum === undefined ? "" : `.* ${t.minimum}`}${t.maximum === undefined ? "" : `.* ${t.maximum}`}$`),
  enum: (/** @type {any} */ t) => new RegExp(`^(exactly|one of) ${t.values.map((/** @type {string} */ v) => JSON.stringify(v).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(", ")}$`),
  array: (/** @type {any} */ t) => ({ uuid: /^an array of UUIDs$/, string: /^an array of strings$/, object: /^an array of objects$/ })[/** @type {"uuid"} */ (t.items.kind)],
  record: (/** @type {any} */ t) => (t.record === "metadata" ? /^an object of string and boolean values$/ : /^an object of any values$/),
  value: (/** @type {any} */ t) => (t.record === "metadata" ? /^a string or a boolean$/ : /^any value$/),
};

test("the TypeScript renderer fails loudly on what it cannot write: a doc comment's end or a tag in a description, an unknown kind, two types of one name", () => {
  const versions = { types: "1.977.0", zod: "3.25.76" };
  const field = (/** @type {object} */ f) => ({ name: "device_id", kind: "uuid", required: true, nullable: false, ...f });
  const event = (/** @type {string} */ type, /** @type {object[]} */ fields) => ({
    event_type: type,
    family: type.split(".")[0],
    deprecated: false,
    undocumented: false,
    fields: [{ name: "event_type", kind: "enum", required: true, nullable: false, values: [type], discriminator: true }, ...fields],
  });
  const render = (/** @type {object[]} */ events) => () => renderTypeScript({ events: /** @type {any} */ (events) }, versions);
  assert.match(render([event("device.connected", [field({})])])(), /^export interface DeviceConnectedEvent \{\n {2}event_type: "device\.connected";\n {2}device_id: Uuid;\n\}$/m);
  const fails = (/** @type {object[]} */ events, /** @type {RegExp} */ message) => assert.throws(render(events), (/** @type {any} */ e) => e instanceof CatalogueError && message.test(e.message));
  fails([event("device.connected", [field({ description: "ends */ here" })])], /^device\.connected\/device_id: a description contains `\*\/`/);
  fails([event("device.connected", [field({ description: "see @internal" })])], /^device\.connected\/device_id: a description contains `@`/);
  fails([event("device.connected", [field({ kind: "tuple" })])], /^device\.connected\/device_id: a tuple the TypeScript renderer does not understand/);
  fails([event("device.connected", []), event("device_connected", [])], /^device_connected: its TypeScript name DeviceConnectedEvent is also that of device\.connected$/);
});

test("www/catalogue.js: the demo's field table has every value of every event type, with its rule, presence, nullability and description", () => {
  assert.deepEqual(EVENT_TYPES, catalogue.events.map((/** @type {any} */ e) => e.event_type));
  let count = 0;
  for (const event of catalogue.events) {
    const schema = eventSchema(event.event_type);
    assert.ok(schema, `www/catalogue.js has no ${event.event_type}`);
    assert.ok(schema.description.endsWith(event.description ?? ""), `${event.event_type}: description`);
    const expected = positions(event.fields);
    assert.deepEqual([...schema.fields.keys()], expected.map(([path]) => path), `${event.event_type}: the paths`);
    for (const [path, type, presence] of expected) {
      const field = /** @type {import("../../www/schema.js").Field} */ (schema.fields.get(path));
      const where = `${event.event_type} ${path}`;
      assert.equal(field.presence, presence, where);
      assert.equal(field.required, presence === "required", where);
      assert.equal(field.nullable, type.nullable, where);
      const words = type.nullable ? field.rule.replace(/, or null$/, "") : field.rule;
      assert.match(words, WORDS[/** @type {keyof WORDS} */ (type.kind)](type), where);
      // The reference's description, after its deprecated or undocumented note.
      assert.ok(field.description.endsWith(type.description ?? ""), `${where}: description`);
      if (type.deprecated || type.undocumented) assert.match(field.description, /^(Deprecated|Undocumented)\b/, where);
      count++;
    }
  }
  // Every property at every depth, the items of every array and the values of
  // every record, as the summary counts them (at 1.977.0: 1,437 + 83 + 126,
  // the figures of catalogue.md that tests/catalogue/spec.mjs holds it to).
  const rows = featureRows(computeStats(catalogue));
  const row = (/** @type {string} */ label) => rows.find(([l]) => l === label)?.[1];
  assert.equal(count, Number(row("properties")) + Number(row("array")) + Number(row("record")));
});

test("www/schema.js: a payload's JSON Pointer finds its field at any depth, array indexes and record keys included", () => {
  const path = (/** @type {string} */ type, /** @type {string} */ pointer) => fieldAt(type, pointer)?.path;
  assert.equal(path("access_code.failed_to_set_on_device", "/access_code_errors/1/created_at"), "/access_code_errors/*/created_at");
  assert.equal(path("access_code.failed_to_set_on_device", "/access_code_errors/1"), "/access_code_errors/*");
  assert.equal(path("access_code.changed", "/changed_properties/0/from"), "/changed_properties/*/from");
  assert.equal(path("lock.unlocked", "/connected_account_custom_metadata/__proto__"), "/connected_account_custom_metadata/*");
  assert.equal(path("access_code.code_changed", "/from/code"), "/from/code");
  const methods = catalogue.events.find((/** @type {any} */ e) => e.event_type === "lock.unlocked").fields.find((/** @type {any} */ f) => f.name === "method").values;
  assert.ok(methods.length > 1);
  assert.equal(fieldAt("lock.unlocked", "/method")?.rule, `one of ${methods.map((/** @type {string} */ v) => JSON.stringify(v)).join(", ")}`);
  assert.equal(fieldAt("device.battery_status_changed", "/battery_level")?.rule, "a number from 0 to 1");
  // Outside the schema: an unknown field at any depth, inside a record value of any kind, an unknown type.
  for (const [type, pointer] of [["lock.unlocked", "/hint"], ["access_code.failed_to_set_on_device", "/access_code_errors/0/zz"], ["access_code.mutations_requested", "/requested_mutations/0/from/a/b"], ["lock.unlocked", ""], ["device.teleported", "/event_id"]]) {
    assert.equal(fieldAt(type, pointer), undefined, `${type} ${pointer}`);
  }
  assert.equal(eventSchema("__proto__"), undefined);
  assert.equal(fieldAt("access_code.mutations_requested", "/requested_mutations/0/from/a")?.expands, false);
  assert.equal(fieldAt("access_code.mutations_requested", "/requested_mutations/0")?.expands, true);
});

test("www/catalogue.js: the demo's samples are catalogue/examples.json's", () => {
  const examples = JSON.parse(readFileSync(new URL("catalogue/examples.json", root), "utf8")).examples;
  assert.ok(Object.keys(SAMPLES).length >= 4);
  for (const [type, sample] of Object.entries(SAMPLES)) {
    const which = Object.keys(examples[type] ?? {}).filter((k) => JSON.stringify(examples[type][k]) === JSON.stringify(sample));
    assert.ok(which.length > 0, `${type}: the demo's sample is none of catalogue/examples.json's`);
  }
});
