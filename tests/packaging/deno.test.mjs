// Deno (the npm `deno` package) importing the installed package by its bare
// name, offline: resolved from the consumer's package.json and node_modules
// (--node-modules-dir=manual), never from the registry. The package's `deno`
// condition resolves dist/web.js, whose WebAssembly is inlined: no
// permission is needed (the `node` build would need read access to the .wasm).
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { consumer, EXPECTED, root, run, tool } from "./harness.mjs";

/** @type {string} */
let dir;
const env = {
  ...process.env,
  DENO_DIR: `${root}target/packaging/deno-cache`,
  DENO_NO_UPDATE_CHECK: "1",
  NO_COLOR: "1",
};

before(async () => {
  dir = await consumer("deno", ["deno"]);
});

const deno = (/** @type {string[]} */ args) => run(tool("deno"), ["run", "--no-prompt", "--node-modules-dir=manual", ...args], { cwd: dir, env });

test("deno run with a bare import decodes the spec's two examples and reports a bad one, with no permission", async () => {
  const result = await deno(["main.js"]);
  assert.equal(result.stderr, "");
  assert.equal(result.code, 0);
  const lines = result.stdout.trimEnd().split("\n");
  assert.deepEqual(lines.slice(0, 3), ["connect_webview.login_succeeded", "connect_webview.login_failed", "unknown_event_type"]);
  assert.deepEqual(JSON.parse(lines[3]), EXPECTED);
  assert.equal(lines.length, 4);
});

test("with reads denied, the bare import still works: it resolves the inlined dist/web.js, not dist/node.mjs", async () => {
  const result = await deno(["--deny-read", "main.js"]);
  assert.equal(result.stderr, "");
  assert.equal(result.code, 0);
});

test("deno run of dist/web.js by path: no permission needed", async () => {
  const result = await deno(["web.js"]);
  assert.deepEqual(result, { code: 0, stdout: "connect_webview.login_failed\n", stderr: "" });
});
