// TypeScript consumers of the installed package (consumers/typescript/):
// `tsc --strict --noEmit` with the declarations checked too (skipLibCheck
// false), under module nodenext, moduleResolution bundler and module
// commonjs, with TypeScript 7 (npm `typescript`, the native compiler) and
// 5.9; and files that must not compile, each for exactly the error named on
// its first line.
//
// Every event type of catalogue/events.json, in one program: events.ts,
// written here from the catalogue, switches over SeamEvent with a case per
// event type, holds each narrowed interface equal to the catalogue's fields
// written as plain TypeScript (names, optional, nullable, enum literals, at
// every depth), reads every required field with its type, and ends in an
// exhaustive `never`; fail/missing-case.ts is the same switch less one case.
//
// The same event types held to the reference's own: reference.ts, written
// here from the catalogue, compares each `Extract<SeamEvent, { event_type: T }>`
// of ours with the same of `SeamEvent` from `@seamapi/types/connect` (zod's
// `z.infer` of `seam_event`; the root's devDependency, with its zod, linked
// into the consumer): each assignable to the other, and the same type at every
// depth (consumers/typescript/reference-diff.ts names each difference: a key,
// optional or nullable in one only, an enum literal more or less); and the
// same set of event_type literals in both unions.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { before, test } from "node:test";
import { consumer, consumers, root, run } from "./harness.mjs";

const catalogue = JSON.parse(readFileSync(`${root}catalogue/events.json`, "utf8"));

const TSC = {
  7: `${root}tests/packaging/node_modules/typescript/bin/tsc`,
  5.9: `${root}tests/packaging/node_modules/typescript-5/bin/tsc`,
};

/** @type {string} */
let dir;
/** @type {Map<string, ReturnType<typeof tsc>>} every tsc run, started together in before() */
const runs = new Map();

const cases = /** @type {const} */ ([
  ["tsconfig.json", "module nodenext: ESM through `import`, and require.cts through `require`", ["events.d.ts", "index.d.ts", "index.d.cts"]],
  ["tsconfig.bundler.json", "moduleResolution bundler", ["events.d.ts", "index.d.ts"]],
  ["tsconfig.commonjs.json", "module commonjs, `import x = require()`", ["events.d.ts", "index.d.cts"]],
]);
/** The case that fail/missing-case.ts leaves out of the exhaustive switch. */
const LEFT_OUT = "device.connected";
/** The files written here, each into the consumer project before tsc runs. */
const generated = {
  "events.ts": eventSwitch({ reads: true }),
  "fail/missing-case.ts": eventSwitch({ reads: false, leaveOut: LEFT_OUT }),
  "reference.ts": referenceComparison(),
};
/** The reference, installed at the root by `npm ci` (package.json pins it). */
const REFERENCE = `${root}node_modules/@seamapi/types`;
const failing = [...readdirSync(`${consumers}/typescript/fail`), "missing-case.ts"].filter((name) => name.endsWith(".ts"));

before(async () => {
  dir = await consumer("typescript", ["typescript"]);
  for (const [file, text] of Object.entries(generated)) writeFileSync(`${dir}/${file}`, text);
  // Start every compile at once: the slow ones (5.9) overlap the rest.
  for (const [project] of cases) runs.set(`7 ${project}`, tsc(7, project));
  for (const [project] of cases.slice(0, 2)) runs.set(`5.9 ${project}`, tsc(5.9, project));
  for (const file of failing) {
    const project = `fail/tsconfig.${file}.json`;
    writeFileSync(`${dir}/${project}`, JSON.stringify({ extends: "../tsconfig.json", files: [file] }));
    runs.set(`7 ${project}`, tsc(7, project));
  }
  writeFileSync(`${dir}/tsconfig.batch.json`, JSON.stringify({ extends: "./tsconfig.json", files: ["batch.ts"] }));
  runs.set("7 tsconfig.batch.json", tsc(7, "tsconfig.batch.json"));
  writeFileSync(`${dir}/tsconfig.events.json`, JSON.stringify({ extends: "./tsconfig.json", files: ["events.ts"] }));
  for (const version of /** @type {const} */ ([7, 5.9])) runs.set(`${version} tsconfig.events.json`, tsc(version, "tsconfig.events.json"));
  // The reference, linked rather than installed (no network, the pinned
  // version): tsc follows the link, so its `zod` resolves beside it at the
  // root. skipLibCheck: the reference's 12 MB of declarations are not ours to
  // check (tsc 7 takes 8 s with them, under 1 s without; 5.9 18 s and 3 s);
  // ours are checked by every run above.
  if (!existsSync(`${REFERENCE}/package.json`)) throw new Error(`${REFERENCE} is missing: run npm ci at the root`);
  mkdirSync(`${dir}/node_modules/@seamapi`, { recursive: true });
  symlinkSync(REFERENCE, `${dir}/node_modules/@seamapi/types`, "dir");
  const reference = { extends: "./tsconfig.json", compilerOptions: { skipLibCheck: true, noErrorTruncation: true }, files: ["reference.ts"] };
  writeFileSync(`${dir}/tsconfig.reference.json`, JSON.stringify(reference));
  for (const version of /** @type {const} */ ([7, 5.9])) runs.set(`${version} tsconfig.reference.json`, tsc(version, "tsconfig.reference.json"));
});

/** tsc runs at once: one per core (tsc 7 is multi-threaded, 5.9 is not). */
let running = 0;
/** @type {(() => void)[]} */
const waiting = [];

/**
 * Runs tsc on a tsconfig with --listFiles; returns the exit code, the
 * package's declaration files it read, and every other line of output.
 * @param {keyof typeof TSC} version @param {string} project
 */
async function tsc(version, project) {
  while (running >= 2) await new Promise((resolve) => waiting.push(resolve));
  running++;
  const { code, stdout, stderr } = await run("node", [TSC[version], "--strict", "--noEmit", "--pretty", "false", "--listFiles", "-p", project], { cwd: dir }).finally(() => {
    running--;
    waiting.shift()?.();
  });
  const lines = `${stdout}${stderr}`.split("\n").filter(Boolean);
  const declarations = lines.filter((line) => line.includes("/node_modules/connect-webview-events/")).map((line) => line.replace(/^.*\/node_modules\//, ""));
  const output = lines.filter((line) => !line.startsWith("/"));
  return { code, declarations, output };
}

for (const [project, what, declarations] of cases) {
  test(`tsc 7 --strict: ${what} (${project})`, async () => {
    assert.deepEqual(await runs.get(`7 ${project}`), {
      code: 0,
      declarations: declarations.map((file) => `connect-webview-events/${file}`),
      output: [],
    });
  });
}

// TypeScript 5.9 (still what most projects run): the two modern resolutions.
// Under module commonjs it defaults to node10 resolution, which ignores
// `exports` and reads the top-level "types": index.d.ts.
for (const [project, what, declarations] of cases.slice(0, 2)) {
  test(`tsc 5.9 --strict: ${what} (${project})`, async () => {
    assert.deepEqual(await runs.get(`5.9 ${project}`), {
      code: 0,
      declarations: declarations.map((file) => `connect-webview-events/${file}`),
      output: [],
    });
  });
}

test("code that misuses the types does not compile, each file for its own reason", async (t) => {
  assert.ok(failing.length >= 10, failing.join(", "));
  for (const file of failing) {
    const expected = /^\/\/ expect: (.*)$/m.exec(readFileSync(`${dir}/fail/${file}`, "utf8"))?.[1];
    const result = await runs.get(`7 fail/tsconfig.${file}.json`);
    await t.test(file, () => {
      assert.ok(expected, `${file} has no "// expect: error TS...: message" line`);
      assert.ok(result);
      assert.notEqual(result.code, 0, `${file} compiled`);
      const errors = result.output.filter((line) => /^\S+\(\d+,\d+\): error /.test(line)).map((line) => line.replace(/^\S+\(\d+,\d+\): /, ""));
      assert.deepEqual(errors, [expected]);
    });
  }
});

test("decodeBatch, exported at run time, has types", async () => {
  assert.deepEqual(await runs.get("7 tsconfig.batch.json"), { code: 0, declarations: ["connect-webview-events/events.d.ts", "connect-webview-events/index.d.ts"], output: [] });
});

for (const version of /** @type {const} */ ([7, 5.9])) {
  test(`tsc ${version} --strict: every event type of the catalogue narrows to its interface, equal to the catalogue's fields, and the switch is exhaustive (events.ts)`, async () => {
    assert.deepEqual(await runs.get(`${version} tsconfig.events.json`), {
      code: 0,
      declarations: ["connect-webview-events/events.d.ts", "connect-webview-events/index.d.ts"],
      output: [],
    });
  });
}

for (const version of /** @type {const} */ ([7, 5.9])) {
  test(`tsc ${version} --strict: every event type is the same type as the reference's (@seamapi/types/connect SeamEvent), at every depth, and both unions have the same event types (reference.ts)`, async () => {
    assert.deepEqual(await runs.get(`${version} tsconfig.reference.json`), {
      code: 0,
      declarations: ["connect-webview-events/events.d.ts", "connect-webview-events/index.d.ts"],
      output: [],
    });
  });
}

test("reference.ts compares each of the catalogue's event types once, with the installed reference of the pinned version", () => {
  const types = catalogue.events.map((/** @type {{ event_type: string }} */ e) => e.event_type);
  const compared = [...generated["reference.ts"].matchAll(/^noDifference<Diff<Of<Ours, "([^"]+)">/gm)].map((m) => m[1]);
  assert.deepEqual(compared, types);
  const pinned = JSON.parse(readFileSync(`${root}package.json`, "utf8")).devDependencies["@seamapi/types"];
  assert.equal(JSON.parse(readFileSync(`${REFERENCE}/package.json`, "utf8")).version, pinned);
});

test("events.ts has a case for each of the catalogue's event types, and missing-case.ts all but one", () => {
  const cases = (/** @type {string} */ text) => [...text.matchAll(/^ {4}case "([^"]+)":/gm)].map((m) => m[1]);
  const types = catalogue.events.map((/** @type {{ event_type: string }} */ e) => e.event_type);
  assert.equal(types.length, catalogue.event_type_count);
  assert.deepEqual(cases(generated["events.ts"]), types);
  assert.deepEqual(cases(generated["fail/missing-case.ts"]), types.filter((t) => t !== LEFT_OUT));
});

/** The interface of an event type: `device.connected` -> `DeviceConnectedEvent`. */
function interfaceName(/** @type {string} */ type) {
  return `${type.split(/[._]/).map((w) => w[0].toUpperCase() + w.slice(1)).join("")}Event`;
}

/**
 * A type of the catalogue as plain TypeScript, without the package's aliases
 * or doc comments: what the generated declarations must be equal to.
 * @param {any} t a field, or array items
 * @returns {string}
 */
function plain(t) {
  const scalar = /** @type {Record<string, string>} */ ({ uuid: "string", datetime: "string", url: "string", string: "string", number: "number", boolean: "boolean" })[t.kind];
  const records = /** @type {Record<string, string>} */ ({ metadata: "Record<string, string | boolean>", any: "Record<string, unknown>" });
  const type =
    scalar ??
    { enum: () => t.values.map((/** @type {string} */ v) => JSON.stringify(v)).join(" | "), record: () => records[t.record], array: () => `Array<${plain(t.items)}>`, object: () => fields(t.fields) }[
      /** @type {"enum" | "record" | "array" | "object"} */ (t.kind)
    ]?.();
  if (type === undefined) throw new Error(`a kind this test does not know: ${JSON.stringify(t)}`);
  return t.nullable ? `${type} | null` : type;
}

/** An object type of fields, in plain TypeScript. @param {any[]} list */
function fields(list) {
  return `{ ${list.map((f) => `${JSON.stringify(f.name)}${f.required ? "" : "?"}: ${plain(f)}`).join("; ")} }`;
}

/**
 * A consumer file switching over SeamEvent (from `decode`) with a case per
 * event type of the catalogue and an exhaustive `never` default. With
 * `reads`, each case also holds the narrowed type equal to its interface and
 * to the catalogue's fields, and reads every required field with its type.
 * @param {{ reads: boolean, leaveOut?: string }} options
 */
function eventSwitch({ reads, leaveOut }) {
  const events = catalogue.events.filter((/** @type {any} */ e) => e.event_type !== leaveOut);
  const names = events.map((/** @type {any} */ e) => interfaceName(e.event_type));
  /** @type {Map<string, string[]>} */
  const families = new Map();
  for (const e of events) families.set(e.family, [...(families.get(e.family) ?? []), interfaceName(e.event_type)]);
  const same = (/** @type {string} */ a, /** @type {string} */ b) => `same<${a}, ${b}>(true);`;
  const caseOf = (/** @type {any} */ e) => {
    const required = e.fields.filter((/** @type {any} */ f) => f.required);
    const body = reads
      ? [
          same("typeof event", interfaceName(e.event_type)),
          same(interfaceName(e.event_type), fields(e.fields)),
          ...required.map((/** @type {any} */ f, /** @type {number} */ i) => `const field${i}: ${plain(f)} = event.${f.name};`),
          `return ${required.length};`,
        ]
      : ["return 1;"];
    return [`    case ${JSON.stringify(e.event_type)}: {`, ...body.map((line) => `      ${line}`), "    }"];
  };
  return [
    leaveOut
      ? `// expect: error TS2322: Type '${interfaceName(leaveOut)}' is not assignable to type 'never'.`
      : "// Every event type of catalogue/events.json; written by tests/packaging/typescript.test.mjs.",
    leaveOut ? `// The exhaustive switch of events.ts without its ${leaveOut} case.` : "// Must compile under --strict, in one program.",
    `import { decode, type SeamEvent${reads ? `, type SeamEventType, ${[...names, ...[...families.keys()].map(interfaceName)].map((n) => `type ${n}`).join(", ")}` : ""} } from "connect-webview-events";`,
    "",
    ...(reads
      ? [
          "/** true only when A and B are the same type. */",
          "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
          "declare function same<A, B>(proof: Equal<A, B>): void;",
          "",
          same("SeamEventType", events.map((/** @type {any} */ e) => JSON.stringify(e.event_type)).join(" | ")),
          ...[...families].map(([family, members]) => same(interfaceName(family), members.join(" | "))),
          "",
        ]
      : []),
    "export function readEvent(event: SeamEvent): number {",
    "  switch (event.event_type) {",
    ...events.flatMap(caseOf),
    "    default: {",
    "      const unreachable: never = event;",
    "      return unreachable;",
    "    }",
    "  }",
    "}",
    "",
    'export const read: number = readEvent(decode("{}"));',
    "",
  ].join("\n");
}

/**
 * A consumer file holding each event type of the catalogue to the
 * reference's: `Of<Ours, T>` and `Of<Reference, T>` (the union member with
 * that event_type) assignable both ways, and no Diff between them. Our
 * interfaces have no index signature (fields outside the schema are kept at
 * run time, not typed), and the reference's z.object types none (zod strips),
 * so the two are compared as they are.
 */
function referenceComparison() {
  const of = (/** @type {string} */ union, /** @type {string} */ type) => `Of<${union}, ${JSON.stringify(type)}>`;
  return [
    "// Every event type of catalogue/events.json against the reference; written by tests/packaging/typescript.test.mjs.",
    "// Must compile under --strict; each error names the event type (its line) and what differs.",
    'import type { SeamEvent as Ours } from "connect-webview-events";',
    'import type { SeamEvent as Reference } from "@seamapi/types/connect";',
    'import { type Diff, type Of, assignable, noDifference, notAny } from "./reference-diff.js";',
    "",
    "notAny<Reference>(true);",
    "// The same event_type literals: none only in ours, none only in the reference.",
    'noDifference<Exclude<Ours["event_type"], Reference["event_type"]>>();',
    'noDifference<Exclude<Reference["event_type"], Ours["event_type"]>>();',
    "",
    ...catalogue.events.flatMap((/** @type {{ event_type: string }} */ { event_type: t }) => [
      `noDifference<Diff<${of("Ours", t)}, ${of("Reference", t)}>>();`,
      `assignable<${of("Ours", t)}, ${of("Reference", t)}>();`,
      `assignable<${of("Reference", t)}, ${of("Ours", t)}>();`,
    ]),
    "",
  ].join("\n");
}
