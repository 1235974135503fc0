// TypeScript consumers of the installed package (consumers/typescript/):
// `tsc --strict --noEmit` with the declarations checked too (skipLibCheck
// false), under module nodenext, moduleResolution bundler and module
// commonjs, with TypeScript 7 (npm `typescript`, the native compiler) and
// 5.9; and files that must not compile, each for exactly the error named on
// its first line.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { before, test } from "node:test";
import { consumer, consumers, root, run } from "./harness.mjs";

const TSC = {
  7: `${root}tests/packaging/node_modules/typescript/bin/tsc`,
  5.9: `${root}tests/packaging/node_modules/typescript-5/bin/tsc`,
};

/** @type {string} */
let dir;
/** @type {Map<string, ReturnType<typeof tsc>>} every tsc run, started together in before() */
const runs = new Map();

const cases = /** @type {const} */ ([
  ["tsconfig.json", "module nodenext: ESM through `import`, and require.cts through `require`", ["index.d.ts", "index.d.cts"]],
  ["tsconfig.bundler.json", "moduleResolution bundler", ["index.d.ts"]],
  ["tsconfig.commonjs.json", "module commonjs, `import x = require()`", ["index.d.cts"]],
]);
const failing = readdirSync(`${consumers}/typescript/fail`).filter((name) => name.endsWith(".ts"));

before(async () => {
  dir = await consumer("typescript", ["typescript"]);
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
  assert.deepEqual(await runs.get("7 tsconfig.batch.json"), { code: 0, declarations: ["connect-webview-events/index.d.ts"], output: [] });
});
