// @ts-check
// Writes src/seam_event.rs: the Rust types of every event type of the
// catalogue. `SeamEvent` has a variant per event type, each holding a struct
// with a typed field per catalogue field; enum fields get an enum of their
// values, objects (and array items that are objects) a struct of their own.
// Every struct keeps the fields it does not know in `extra`.
//
// Types (also the module doc this writes, `moduleDoc`):
//   uuid -> uuid::Uuid; datetime, url, string -> String (the text as sent);
//   enum -> a generated enum; number -> f64; boolean -> bool;
//   object -> a generated struct; array -> Vec<T>;
//   record "metadata" -> crate::event::CustomMetadata; record "any" -> Map<String, Value>.
//   Optional: Option<T>, left out when None. Required nullable: Option<T>,
//   written as null when None. Optional nullable: Option<Option<T>>.
// Nested types are named after their owner and field
// (`AccessCodeChangedEventChangedProperties`); one that is the same at
// several places (same fields, values and docs) is written once and named
// after what its places share (`ErrorsItem`: the items of `device_errors`,
// `access_code_errors`, ...). Fails, naming the path, on a name that is not a
// Rust identifier, on two types of one name, and on a kind or combination
// the types below do not handle.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fail } from "./model.mjs";

/** @typedef {import("./model.mjs").Catalogue} Catalogue */
/** @typedef {import("./model.mjs").Variant} Variant */
/** @typedef {import("./model.mjs").Type} Type */
/** @typedef {import("./model.mjs").Field} Field */

/** Names the generated code takes from elsewhere, which no generated type may take. */
const TAKEN = new Set(["SeamEvent", "CustomMetadata", "MetadataValue", "Uuid", "Map", "Value", "String", "Vec", "Option", "Deserialize", "Deserializer", "Serialize"]);
const KEYWORDS = new Set(
  "as async await box break const continue crate do dyn else enum extern false final fn for gen if impl in let loop macro match mod move mut override priv pub ref return self static struct super trait true try type typeof unsafe unsized use virtual where while yield".split(" "),
);
const WIDTH = 100;

/** `device.unmanaged.connected` -> `DeviceUnmanagedConnected`. */
export function pascal(/** @type {string} */ name, /** @type {string} */ path) {
  if (!/^[a-z][a-z0-9]*(?:[._][a-z0-9]+)*$/.test(name)) fail(path, `"${name}" does not make a Rust type name (expected lower-case words joined by "." or "_")`);
  return name
    .split(/[._]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
}

/** A field name as a Rust identifier (`r#type` for a keyword). */
function ident(/** @type {string} */ name, /** @type {string} */ path) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) fail(path, `field name "${name}" is not a snake_case Rust identifier`);
  if (name === "extra") fail(path, `a field named "extra" would clash with the struct's field of unknown members`);
  return KEYWORDS.has(name) ? `r#${name}` : name;
}

/**
 * Catalogue text as rustdoc markdown: code spans and links as they are, bare
 * URLs in <>, and `<`, `[`, `]` escaped elsewhere (rustdoc would read them as
 * HTML or intra-doc links).
 */
export function markdown(/** @type {string} */ text) {
  return text.replace(/(`[^`]*`)|(\[[^\]]*\]\([^)\s]*\))|(https?:\/\/[^\s)>]*[^\s)>.,;:])|([<>\[\]\\])/g, (all, code, link, url, char) =>
    code ?? link ?? (url ? `<${url}>` : `\\${char}`),
  );
}

/**
 * `///` lines of paragraphs, wrapped near WIDTH columns. A word that would
 * start a markdown block (a list item, a heading) is never put first on a
 * continued line.
 * @param {string[]} paragraphs
 * @param {string} indent
 */
function docLines(paragraphs, indent) {
  const out = [];
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i > 0) out.push(`${indent}///`);
    const hang = paragraph.startsWith("- ") ? "  " : "";
    let line = "";
    for (const word of paragraph.match(/\[[^\]]*\]\([^)\s]*\)\S*|\S+/g) ?? []) {
      const opensBlock = /^([-+*#>]|\d+[.)])$/.test(word) || /^#/.test(word);
      if (line !== "" && indent.length + 4 + line.length + 1 + word.length > WIDTH && !opensBlock) {
        out.push(`${indent}/// ${line}`);
        line = `${hang}${word}`;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    out.push(`${indent}/// ${line}`);
  }
  return out;
}

/** Doc notes for deprecated and undocumented things. */
function notes(/** @type {{ deprecated?: boolean, deprecated_note?: string, undocumented?: boolean, undocumented_note?: string }} */ t) {
  const out = [];
  if (t.deprecated) out.push(`**Deprecated** in the Seam reference${t.deprecated_note ? `: ${markdown(t.deprecated_note)}` : "."}`);
  if (t.undocumented) out.push(`**Undocumented** in the Seam reference${t.undocumented_note ? `: ${markdown(t.undocumented_note)}` : "."}`);
  return out;
}

/** Structure and docs of a type, the key under which identical ones are written once. */
const signature = (/** @type {Type} */ t) => JSON.stringify(t, (key, value) => (key === "name" || key === "required" ? undefined : value));

/**
 * @typedef {object} Use one place a nested type stands
 * @property {string} owner the signature of the owning nested type, or the event type
 * @property {string} field the field's name
 * @property {boolean} item the type is the field's array items
 * @property {string} family
 * @property {string} path `event.type/field/0/...`
 */

/**
 * @typedef {object} Nested a generated enum or struct other than an event's
 * @property {Type} type
 * @property {Use[]} uses
 * @property {string} [name]
 */

/**
 * Every nested enum and object of the catalogue, parents before children,
 * each structurally distinct one once, with the places it stands.
 * @param {Catalogue} catalogue
 */
function collectNested(catalogue) {
  /** @type {Map<string, Nested>} */
  const nested = new Map();
  /** @param {Type} t @param {Omit<Use, "item">} at @param {boolean} item */
  const visit = (t, at, item) => {
    if (t.kind === "array") {
      if (!t.items) fail(at.path, "an array without items");
      return visit(t.items, { ...at, path: `${at.path}/0` }, true);
    }
    if (t.kind !== "object" && t.kind !== "enum") return;
    const sig = signature(t);
    const known = nested.get(sig);
    if (known) return void known.uses.push({ ...at, item });
    nested.set(sig, { type: t, uses: [{ ...at, item }] });
    for (const f of t.fields ?? []) visit(f, { owner: sig, field: f.name, family: at.family, path: `${at.path}/${f.name}` }, false);
  };
  for (const event of catalogue.events) {
    for (const f of event.fields) {
      if (!f.discriminator) visit(f, { owner: event.event_type, field: f.name, family: event.family, path: `${event.event_type}/${f.name}` }, false);
    }
  }
  return nested;
}

/** The longest run of `_`-words that ends every name (`["device_errors", "acs_system_errors"]` -> `errors`). */
function commonSuffix(/** @type {string[]} */ names) {
  const split = names.map((n) => n.split("_").reverse());
  const words = [];
  for (let i = 0; split.every((w) => i < w.length && w[i] === split[0][i]); i++) words.unshift(split[0][i]);
  return words.join("_");
}

/**
 * Names every nested type: after its owner and field where it stands once,
 * after the family (when all its places share one) and the field names' common
 * ending where it stands at several.
 * @param {Map<string, Nested>} nested
 * @param {Map<string, string>} structOf event type -> struct name
 */
function nameNested(nested, structOf) {
  for (const n of nested.values()) {
    const [first] = n.uses;
    const item = n.uses.every((u) => u.item);
    if (n.uses.length === 1) {
      const owner = structOf.get(first.owner) ?? nested.get(first.owner)?.name;
      n.name = `${owner}${pascal(first.field, first.path)}`;
      continue;
    }
    const families = new Set(n.uses.map((u) => u.family));
    const suffix = commonSuffix(n.uses.map((u) => u.field));
    if (suffix === "") fail(first.path, `the same type stands at ${n.uses.map((u) => u.path).join(", ")}, whose field names end in no common word to name it after`);
    n.name = `${families.size === 1 ? pascal(first.family, first.path) : ""}${pascal(suffix, first.path)}${item ? "Item" : ""}`;
  }
}

/**
 * @typedef {object} Context
 * @property {Map<string, Nested>} nested
 * @property {Set<string>} used what the code refers to: "Uuid", "Map", "CustomMetadata", "wire"
 * @property {string[]} doubleOptions the paths of the optional nullable fields
 */

/** The Rust type of a value (without the Option of an optional or nullable field). */
function rustType(/** @type {Type} */ t, /** @type {string} */ path, /** @type {Context} */ cx) {
  switch (t.kind) {
    case "uuid":
      cx.used.add("Uuid");
      return "Uuid";
    case "datetime":
    case "url":
    case "string":
      return "String";
    case "number":
      return "f64";
    case "boolean":
      return "bool";
    case "enum":
    case "object":
      return /** @type {string} */ (cx.nested.get(signature(t))?.name);
    case "array": {
      const items = /** @type {Type} */ (t.items);
      if (items.nullable) fail(`${path}/0`, "nullable array items are not handled by the Rust types");
      if (items.kind === "number") fail(`${path}/0`, "arrays of numbers are not handled by the Rust types (numbers are written by wire::number)");
      return `Vec<${rustType(items, `${path}/0`, cx)}>`;
    }
    case "record":
      if (t.record === "metadata") {
        cx.used.add("CustomMetadata");
        return "CustomMetadata";
      }
      if (t.record === "any") {
        cx.used.add("Map");
        return "Map<String, Value>";
      }
      return fail(path, `record of "${t.record}" is not handled by the Rust types`);
    default:
      return fail(path, `kind "${t.kind}" is not handled by the Rust types`);
  }
}

/**
 * A struct field: its declaration (docs, serde attributes for writing it)
 * and its initialiser in `from_map` (a reader of src/wire.rs by requiredness).
 * @param {Field} f
 * @param {string} path
 * @param {Context} cx
 */
function renderField(f, path, cx) {
  const base = rustType(f, path, cx);
  const number = f.kind === "number";
  const docs = [f.description ? markdown(f.description) : `\`${f.name}\`.`];
  const facts = [];
  if (f.kind === "datetime") facts.push("A date-time, kept as the text sent.");
  if (f.kind === "url") facts.push("A URL, kept as the text sent.");
  if (f.minimum !== undefined || f.maximum !== undefined) facts.push(`From ${f.minimum ?? "any"} to ${f.maximum ?? "any"}, inclusive.`);
  /** @type {string[]} */
  const serde = [];
  let type = `Option<${base}>`;
  let reader = "optional";
  if (f.required && !f.nullable) {
    type = base;
    reader = "required";
    if (number) serde.push('serialize_with = "wire::number"');
  } else if (f.required) {
    reader = "nullable";
    facts.push("`None` when sent as `null`; never absent.");
    if (number) serde.push('serialize_with = "wire::optional_number"');
  } else if (!f.nullable) {
    serde.push('skip_serializing_if = "Option::is_none"');
    if (number) serde.push('serialize_with = "wire::optional_number"');
  } else {
    if (number) fail(path, "an optional nullable number is not handled by the Rust types");
    type = `Option<Option<${base}>>`;
    reader = "optional_nullable";
    cx.doubleOptions.push(path);
    facts.push("`None` when absent, `Some(None)` when sent as `null`.");
    serde.push('skip_serializing_if = "Option::is_none"');
  }
  if (facts.length) docs.push(facts.join(" "));
  const name = ident(f.name, path);
  return {
    declaration: [...docLines([...docs, ...notes(f)], "    "), ...(serde.length ? [`    #[serde(${serde.join(", ")})]`] : []), `    pub ${name}: ${type},`],
    init: `            ${name}: wire::${reader}(&mut map, "${f.name}")?,`,
  };
}

/**
 * A struct of fields, with `from_map` (reads the fields it knows out of a
 * JSON object and keeps the rest as `extra`) and a Deserialize impl by it.
 * Reading is written out rather than derived: serde's derive of a struct
 * with `#[serde(flatten)]` buffers every member and builds a deserializer
 * per field, which, for every struct here, made the crate take several
 * times as long to build.
 * @param {string} name
 * @param {string[]} docs paragraphs
 * @param {Field[]} fields
 * @param {string} path
 * @param {Context} cx
 * @param {string[]} [example] doc test lines
 */
function renderStruct(name, docs, fields, path, cx, example = []) {
  cx.used.add("Map");
  const rendered = fields.filter((f) => !f.discriminator).map((f) => renderField(f, `${path}/${f.name}`, cx));
  return [
    ...docLines(docs, ""),
    ...example,
    "#[derive(Debug, Clone, PartialEq, Serialize)]",
    `pub struct ${name} {`,
    ...rendered.flatMap((r) => r.declaration),
    "    /// Fields outside the catalogue, kept as sent, in the order they came in.",
    "    #[serde(flatten)]",
    "    pub extra: Map<String, Value>,",
    "}",
    "",
    `impl ${name} {`,
    "    /// The fields of a JSON object; the members it does not know are kept in `extra`.",
    "    pub fn from_map(mut map: Map<String, Value>) -> Result<Self, serde_json::Error> {",
    `        Ok(${name} {`,
    ...rendered.map((r) => r.init),
    "            extra: map,",
    "        })",
    "    }",
    "}",
    "",
    `/// Reads a JSON object by [\`${name}::from_map\`]: it fits the fields, and checks neither the`,
    "/// catalogue's rules of format nor `event_type` (kept in `extra`). To check an event, use",
    "/// [`decode`](crate::decode), or deserialise a [`SeamEvent`].",
    `impl<'de> Deserialize<'de> for ${name} {`,
    "    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {",
    `        wire::object(deserializer, ${name}::from_map)`,
    "    }",
    "}",
  ];
}

/** An enum of string values. */
function renderEnum(/** @type {string} */ name, /** @type {string[]} */ docs, /** @type {string[]} */ values, /** @type {string} */ path) {
  const variants = values.map((v) => [pascal(v, `${path} value "${v}"`), v]);
  if (new Set(variants.map(([n]) => n)).size !== variants.length) fail(path, `two values make the same Rust variant name: ${values.join(", ")}`);
  return [
    ...docLines(docs, ""),
    "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]",
    "#[non_exhaustive]",
    `pub enum ${name} {`,
    ...variants.flatMap(([variant, value]) => [`    /// \`${value}\``, `    #[serde(rename = "${value}")]`, `    ${variant},`]),
    "}",
  ];
}

/** The docs of a nested type: its description, and where it stands when at several places. */
function nestedDocs(/** @type {Nested} */ n) {
  const [first] = n.uses;
  const docs = [n.type.description ? markdown(n.type.description) : `The \`${first.field}\` of \`${first.path}\`.`];
  if (n.uses.length > 1) docs.push(`The same type at ${n.uses.length} places, such as \`${first.path}\`.`);
  return [...docs, ...notes(n.type)];
}

/**
 * The doc test of a family's first event: its full example decodes to this
 * variant and serialises back to the same JSON value.
 * @param {Variant} event
 * @param {string} variant
 */
function exampleLines(event, variant) {
  const uuid = event.fields.find((f) => f.kind === "uuid" && f.required && !f.nullable);
  const lines = [
    "# Examples",
    "",
    "```",
    "use connect_webview_events::SeamEvent;",
    "",
    'let examples: serde_json::Value = serde_json::from_str(include_str!("../catalogue/examples.json"))?;',
    `let example = &examples["examples"]["${event.event_type}"]["full"];`,
    "let event = SeamEvent::from_value(example.clone())?;",
    `assert_eq!(event.event_type(), "${event.event_type}");`,
    "assert_eq!(event.to_value(), *example);",
    `let SeamEvent::${variant}(event) = event else { unreachable!() };`,
    ...(uuid ? [`assert_eq!(event.${ident(uuid.name, event.event_type)}.to_string(), example["${uuid.name}"]);`] : []),
    "# Ok::<(), Box<dyn std::error::Error>>(())",
    "```",
  ];
  return ["///", ...lines.map((l) => (l === "" ? "///" : `/// ${l}`))];
}

/** The module doc, paragraphs; a paragraph that starts with "- " is a list item. */
const moduleDoc = (/** @type {string[]} */ doubleOptions) => [
  "Every Seam event type of the catalogue as a Rust type: [`SeamEvent`] has a variant per event type, each holding a struct with a typed field per field of the catalogue (`catalogue/events.json`).",
  "- UUIDs are [`uuid::Uuid`]; they serialise in lower case. Date-times, URLs and other strings are `String`s, kept as the text sent.",
  "- Numbers are `f64`, serialised as JavaScript writes the numbers it sends: an integral value below 2^53 as an integer (`70`, not `70.0`); `-0` and larger integral values stay floats (`-0.0`, `1e16`), which JavaScript would write as `0` and `10000000000000000`.",
  "- An optional field is an `Option`, left out when `None`. A required field that may be `null` is an `Option` written as `null` when `None`. " +
    `An optional field that may be \`null\` (${doubleOptions.map((p) => `\`${p}\``).join(", ") || "none here"}) is an \`Option<Option<_>>\`: \`None\` when absent, \`Some(None)\` when \`null\`.`,
  "- Custom metadata is [`CustomMetadata`], keys in the order sent; records of anything are JSON objects.",
  "- Every struct keeps the fields the catalogue does not name in `extra`, in the order they came in, so that an event serialises back to the JSON value it was decoded from. Written out, an object's named fields come first, in the struct's order, then those of `extra`; `serde_json::Value`'s equality does not look at the order.",
  "- [`SeamEvent`]'s `Deserialize` checks an event as [`decode`](crate::decode) does; a struct's own only fits its fields (for values already checked, or made by hand).",
  "Enum fields get an enum of their values, objects a struct named after the event and field; a type that is the same at several places is written once. [`SeamEvent`] and the value enums are `#[non_exhaustive]`: a newer catalogue adds variants.",
];

/**
 * The text of src/seam_event.rs, formatted by rustfmt with the repository's rustfmt.toml.
 * @param {Catalogue} catalogue sorted
 * @param {string} marker the generated marker
 * @param {string} root the repository, for rustfmt.toml
 */
export function renderRustTypes(catalogue, marker, root) {
  /** @type {Context} */
  const cx = { nested: collectNested(catalogue), used: new Set(), doubleOptions: [] };
  const variants = catalogue.events.map((e) => ({ event: e, variant: pascal(e.event_type, e.event_type) }));
  const structOf = new Map(variants.map(({ event, variant }) => [event.event_type, `${variant}Event`]));
  nameNested(cx.nested, structOf);

  /** @type {Map<string, string>} */
  const owners = new Map();
  for (const [name, path] of [...[...structOf].map(([t, n]) => [n, t]), ...[...cx.nested.values()].map((n) => [/** @type {string} */ (n.name), n.uses[0].path])]) {
    if (TAKEN.has(name)) fail(path, `the Rust type name ${name} is taken by the module's imports`);
    if (owners.has(name)) fail(path, `the Rust type name ${name} is also that of ${owners.get(name)}`);
    owners.set(name, path);
  }

  const families = new Set();
  const structs = variants.flatMap(({ event, variant }) => {
    const docs = [`\`${event.event_type}\`: ${event.description ? markdown(event.description) : "an event."}`, ...notes(event)];
    const example = families.has(event.family) ? [] : exampleLines(event, variant);
    families.add(event.family);
    return ["", ...renderStruct(/** @type {string} */ (structOf.get(event.event_type)), docs, event.fields, event.event_type, cx, example)];
  });
  const nested = [...cx.nested.values()].flatMap((n) => {
    const name = /** @type {string} */ (n.name);
    const path = n.uses[0].path;
    const docs = nestedDocs(n);
    if (n.type.kind === "enum") return ["", ...renderEnum(name, docs, /** @type {string[]} */ (n.type.values), path)];
    return ["", ...renderStruct(name, docs, /** @type {Field[]} */ (n.type.fields), path, cx)];
  });

  const imports = [
    cx.used.has("CustomMetadata") && "use crate::event::CustomMetadata;",
    "use crate::wire;",
    "use serde::{Deserialize, Deserializer, Serialize};",
    cx.used.has("Map") ? "use serde_json::{Map, Value};" : "use serde_json::Value;",
    cx.used.has("Uuid") && "use uuid::Uuid;",
  ].filter(Boolean);

  const count = catalogue.events.length;
  const doc = moduleDoc(cx.doubleOptions);
  const code = [
    `// ${marker}`,
    ...doc.flatMap((p, i) => [
      ...(i && !(p.startsWith("- ") && doc[i - 1].startsWith("- ")) ? ["//!"] : []),
      ...docLines([p], "").map((l) => l.replace(/^\/\/\//, "//!")),
    ]),
    "",
    ...imports,
    "",
    `/// A Seam event of any of the ${count} event types of the catalogue, told apart by \`event_type\`.`,
    "///",
    "/// Deserialises from, and serialises to, the JSON object of the event, `event_type` included;",
    "/// deserialising checks every field, as [`decode`](crate::decode) does.",
    "#[derive(Debug, Clone, PartialEq, Serialize)]",
    '#[serde(tag = "event_type")]',
    "#[non_exhaustive]",
    "pub enum SeamEvent {",
    ...variants.flatMap(({ event, variant }) => [
      `    /// \`${event.event_type}\`: see [\`${structOf.get(event.event_type)}\`].`,
      `    #[serde(rename = "${event.event_type}")]`,
      `    ${variant}(${structOf.get(event.event_type)}),`,
    ]),
    "}",
    "",
    // Deserialize by hand: serde's internally tagged enums buffer the whole
    // event and build a deserializer of every variant for it (compile time).
    "/// Checks the JSON as [`decode`](crate::decode) does, every field by the rules of the catalogue,",
    "/// then builds the event: so `serde_json::from_str::<SeamEvent>`, or a web framework's JSON",
    "/// extractor, validates too, with the [`DecodeError`](crate::DecodeError)'s text as its error. A",
    "/// key sent twice is not seen here (the deserializer has kept one of the two): decode the raw",
    "/// body to refuse it.",
    "impl<'de> Deserialize<'de> for SeamEvent {",
    "    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {",
    "        let text = Value::deserialize(deserializer)?.to_string();",
    "        crate::DecodeOptions::new().max_bytes(usize::MAX).decode(&text).map_err(serde::de::Error::custom)",
    "    }",
    "}",
    "",
    "impl SeamEvent {",
    `    /// Every event type of the catalogue, sorted (the validator's own list).`,
    `    pub const EVENT_TYPES: [&'static str; ${count}] = crate::catalogue::EVENT_TYPES;`,
    "",
    "    /// The `event_type` of this event.",
    "    pub fn event_type(&self) -> &'static str {",
    "        match self {",
    ...variants.map(({ event, variant }) => `            SeamEvent::${variant}(_) => "${event.event_type}",`),
    "        }",
    "    }",
    "",
    "    /// The event as a JSON value, equal to the one it was decoded from, but for the case of UUIDs",
    "    /// and for a number of a typed field written otherwise than JavaScript writes it (`1.0` comes",
    "    /// back as `1`, `1e2` as `100`).",
    "    pub fn to_value(&self) -> Value {",
    "        // Every member is a string, a number, a boolean or a JSON value: writing cannot fail.",
    "        serde_json::to_value(self).unwrap_or(Value::Null)",
    "    }",
    "",
    "    /// The event of a JSON object, by its `event_type`; an error names what does not fit the type",
    "    /// (an unknown `event_type`, a missing field, a value of another type). It does not apply the",
    "    /// catalogue's rules of format (the exact text of UUIDs and date-times, URLs, bounds): it is for",
    "    /// values already checked, or made by hand; [`decode`](crate::decode) and `Deserialize` check.",
    "    pub fn from_value(value: Value) -> Result<SeamEvent, serde_json::Error> {",
    "        let (event_type, map) = wire::split_event_type(value)?;",
    "        Ok(match event_type.as_str() {",
    ...variants.map(({ event, variant }) => `            "${event.event_type}" => SeamEvent::${variant}(${structOf.get(event.event_type)}::from_map(map)?),`),
    "            other => return Err(serde::de::Error::unknown_variant(other, &SeamEvent::EVENT_TYPES)),",
    "        })",
    "    }",
    "}",
    ...structs,
    ...nested,
    "",
  ].join("\n");
  return rustfmt(code, root);
}

/** `code` as rustfmt writes it. */
function rustfmt(/** @type {string} */ code, /** @type {string} */ root) {
  const run = spawnSync("rustfmt", ["--edition", "2021", "--emit", "stdout", "--config-path", join(root, "rustfmt.toml")], { input: code, encoding: "utf8" });
  if (run.error) throw new Error(`cannot run rustfmt (${run.error.message}): install Rust (make setup) and put ~/.cargo/bin on PATH`);
  if (run.status !== 0) throw new Error(`rustfmt refused the generated src/seam_event.rs:\n${run.stderr}`);
  return run.stdout;
}
