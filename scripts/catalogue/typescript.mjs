// @ts-check
// pkg-template/events.d.ts, the TypeScript declarations of every event type,
// from the normalized catalogue: an interface per event type named from it
// (`device.connected` is `DeviceConnectedEvent`) with the reference's
// descriptions as doc comments, `SeamEvent` (the union of all of them,
// discriminated by `event_type`) and a union per family (`ConnectWebviewEvent`).
// index.d.ts re-exports the file; it declares types only, no values, so the
// CommonJS index.d.cts can re-export the same file.
//
// Kinds: uuid, datetime and url are the aliases `Uuid`, `DateTime`, `Url`
// (plain strings, named for what the decoder checks); enums are unions of
// string literals; nested objects are inline object types; metadata records
// are `CustomMetadata`, records of anything `Record<string, unknown>`.
// A field that is not required is optional (`?:`), a nullable one `| null`.
import { fail } from "./model.mjs";
import { marker } from "./render.mjs";

/** @typedef {import("./model.mjs").Catalogue} Catalogue */
/** @typedef {import("./model.mjs").Type} Type */
/** @typedef {import("./model.mjs").Field} Field */
/** @typedef {import("./render.mjs").Versions} Versions */

/** `connect_webview.login_succeeded` -> `ConnectWebviewLoginSucceeded`. */
const pascal = (/** @type {string} */ dotted) =>
  dotted
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

/** The interface of an event type: `device.connected` -> `DeviceConnectedEvent`. */
export const interfaceName = (/** @type {string} */ eventType) => `${pascal(eventType)}Event`;

/** The union of a family's event types: `connect_webview` -> `ConnectWebviewEvent`. */
export const familyUnionName = (/** @type {string} */ family) => `${pascal(family)}Event`;

/** The aliases every declaration uses, with what each one means. */
const PRELUDE = [
  "/** A UUID in canonical hyphenated form, exactly as sent (either case). */",
  "export type Uuid = string;",
  "",
  "/** A date-time such as `2025-01-01T00:00:00.000Z`, exactly as sent. */",
  "export type DateTime = string;",
  "",
  "/** A URL that the WHATWG URL parser accepts (`new URL(value)`), exactly as sent. */",
  "export type Url = string;",
  "",
  "/** Custom metadata (of a connected account, a device, ...): string and boolean values; keys are end-user data. */",
  "export type CustomMetadata = Record<string, string | boolean>;",
];

/** The TypeScript of each scalar kind. */
const SCALARS = /** @type {Record<string, string>} */ ({ uuid: "Uuid", datetime: "DateTime", url: "Url", string: "string", number: "number", boolean: "boolean" });

/**
 * Text from the reference for a doc comment: `*` + `/` would end the
 * comment, and an `@` after a space would start a tag, so neither may appear.
 * @param {string} text @param {string} path
 */
function docText(text, path) {
  if (text.includes("*/")) fail(path, "a description contains `*/`, which would end the doc comment");
  if (/(^|\s)@/.test(text)) fail(path, "a description contains `@` after a space, which a doc comment would read as a tag");
  return text;
}

/**
 * A doc comment at `pad`: paragraphs, then `@deprecated` when the catalogue
 * says so; [] when there is nothing to say.
 * @param {(string | undefined | false)[]} paragraphs
 * @param {Pick<Type, "deprecated" | "deprecated_note">} flags
 * @param {string} pad
 * @param {string} path
 */
function docComment(paragraphs, flags, pad, path) {
  const text = paragraphs.filter((p) => typeof p === "string").map((p) => docText(p, path));
  const deprecated = flags.deprecated ? [`@deprecated ${docText(flags.deprecated_note ?? "", path)}`.trimEnd()] : [];
  const lines = [...text.flatMap((p, i) => [...(i > 0 ? [""] : []), ...p.split("\n")]), ...deprecated];
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${pad}/** ${lines[0]} */`];
  return [`${pad}/**`, ...lines.map((l) => (l === "" ? `${pad} *` : `${pad} * ${l}`)), `${pad} */`];
}

/** What an undocumented event type or field says about it. @param {{ undocumented?: boolean, undocumented_note?: string }} t */
const undocumented = (t) => t.undocumented && `Undocumented in the reference${t.undocumented_note ? `: ${t.undocumented_note}` : "."}`;

/** What the catalogue says of a field beyond its description. @param {Type} t */
function notes(t) {
  const { minimum, maximum } = t;
  const bounds =
    minimum !== undefined && maximum !== undefined
      ? `Between ${minimum} and ${maximum}, inclusive.`
      : minimum !== undefined
        ? `At least ${minimum}.`
        : maximum !== undefined
          ? `At most ${maximum}.`
          : undefined;
  return [bounds, t.kind === "array" && t.items?.description !== undefined && `Each item: ${t.items.description}`, undocumented(t)];
}

/**
 * The type of a value position, multi-line for objects.
 * @param {Type} t @param {string} pad the indentation of the line it starts on
 * @param {string} path
 * @returns {string}
 */
function typeOf(t, pad, path) {
  /** @type {string} */
  let type;
  if (t.kind in SCALARS) type = SCALARS[t.kind];
  else if (t.kind === "enum" && t.values?.length) type = t.values.map((v) => JSON.stringify(v)).join(" | ");
  else if (t.kind === "record" && t.record === "metadata") type = "CustomMetadata";
  else if (t.kind === "record" && t.record === "any") type = "Record<string, unknown>";
  else if (t.kind === "array" && t.items) {
    const items = typeOf(t.items, pad, `${path}/0`);
    type = /^[\w]+$/.test(items) ? `${items}[]` : `Array<${items}>`;
  } else if (t.kind === "object" && t.fields) type = `{\n${members(t.fields, `${pad}  `, path).join("\n")}\n${pad}}`;
  else fail(path, `a ${t.kind} the TypeScript renderer does not understand: ${JSON.stringify(t)}`);
  return t.nullable ? `${type} | null` : type;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The members of an object type, each with its doc comment.
 * @param {Field[]} fields @param {string} pad @param {string} path
 */
function members(fields, pad, path) {
  return fields.flatMap((f) => {
    const at = `${path}/${f.name}`;
    const key = IDENTIFIER.test(f.name) ? f.name : JSON.stringify(f.name);
    return [...docComment([f.description, ...notes(f)], f, pad, at), `${pad}${key}${f.required ? "" : "?"}: ${typeOf(f, pad, at)};`];
  });
}

/** @param {import("./model.mjs").Variant} v */
function eventInterface(v) {
  const discriminator = v.fields.filter((f) => f.discriminator);
  if (discriminator.length !== 1 || discriminator[0].name !== "event_type" || discriminator[0].values?.join() !== v.event_type) {
    fail(v.event_type, "an event type needs exactly one discriminator, `event_type`, of its own name");
  }
  const doc = docComment([`\`${v.event_type}\`${v.description ? `: ${v.description}` : ""}`, undocumented(v)], v, "", v.event_type);
  // The discriminator first, then the fields in the catalogue's order.
  const fields = [...discriminator, ...v.fields.filter((f) => !f.discriminator)];
  return [...doc, `export interface ${interfaceName(v.event_type)} {`, ...members(fields, "  ", v.event_type), "}"];
}

/** `export type Name =` a union of interfaces, one a line. @param {string} name @param {string[]} names */
const union = (name, names) => [`export type ${name} =`, ...names.map((n, i) => `  | ${n}${i === names.length - 1 ? ";" : ""}`)];

/**
 * @param {Catalogue} catalogue sorted
 * @param {Versions} versions
 */
export function renderTypeScript(catalogue, versions) {
  const names = catalogue.events.map((v) => interfaceName(v.event_type));
  /** @type {Map<string, string[]>} family to its interfaces, in catalogue order */
  const families = new Map();
  catalogue.events.forEach((v, i) => families.set(v.family, [...(families.get(v.family) ?? []), names[i]]));
  const taken = new Map();
  for (const [name, what] of [...names.map((n, i) => [n, catalogue.events[i].event_type]), ...[...families.keys()].map((f) => [familyUnionName(f), `family ${f}`])]) {
    if (taken.has(name)) fail(what, `its TypeScript name ${name} is also that of ${taken.get(name)}`);
    taken.set(name, what);
  }
  const out = [
    `// ${marker(versions)}`,
    "//",
    `// The TypeScript declarations of every Seam event type in catalogue/events.json`,
    "// (scripts/catalogue/typescript.mjs), re-exported by index.d.ts. Fields that",
    "// Seam adds later are kept on the decoded object at run time, unchanged.",
    "",
    ...PRELUDE,
    ...catalogue.events.flatMap((v) => ["", ...eventInterface(v)]),
    "",
    `/** Every Seam event type (${names.length}), discriminated by \`event_type\`: a \`switch\` on it narrows to each event's own fields. */`,
    ...union("SeamEvent", names),
    "",
    "/** The `event_type` of a {@link SeamEvent}. */",
    'export type SeamEventType = SeamEvent["event_type"];',
    ...[...families].flatMap(([family, members]) => {
      const name = familyUnionName(family);
      return [
        "",
        `/** The \`${family}\` events (${members.length}); narrow them with \`event.event_type\`. */`,
        ...union(name, members),
        "",
        `/** The \`event_type\` of a {@link ${name}}. */`,
        `export type ${name}Type = ${name}["event_type"];`,
      ];
    }),
    "",
  ];
  return out.join("\n");
}
