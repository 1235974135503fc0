// The Cloudflare Workers runtime: the npm `workerd` package serves a Worker
// (consumers/workerd/) that imports the installed package, bundled with
// esbuild the way wrangler bundles (conditions workerd, worker, browser; the
// .wasm left as a module of its own). The test posts signed webhooks to it on
// 127.0.0.1.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { build } from "esbuild";
import { freePort } from "../../scripts/webdriver.mjs";
import { consumer, EXPECTED, root, run, tool } from "./harness.mjs";

/** @type {typeof import("../../pkg/dist/node.mjs")} */
const { sign } = await import(`${root}pkg/dist/node.mjs`);

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"; // the binding in config.capnp
const events = await import("./consumers/shared/events.js");

/** @type {string} */
let dir;
/** @type {import("esbuild").Metafile} */
let metafile;
/** @type {import("node:child_process").ChildProcess} */
let workerd;
let stderr = "";
/** @type {string} */
let base;

/**
 * Bundles index.js into <out>/worker.js with the given conditions, as
 * wrangler does, and copies the package's .wasm beside it.
 * @param {string[]} conditions @param {string} out
 */
async function bundle(conditions, out = "dist") {
  const result = await build({
    entryPoints: [`${dir}/index.js`],
    outfile: `${dir}/${out}/worker.js`,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions,
    external: ["*.wasm"],
    metafile: true,
    logLevel: "warning",
  });
  copyFileSync(`${dir}/node_modules/connect-webview-events/dist/connect_webview_events_bg.wasm`, `${dir}/${out}/connect_webview_events_bg.wasm`);
  return result.metafile;
}

/**
 * Starts `workerd serve <config>` on a free port; resolves when GET /probe
 * answers, rejects if it exits first.
 */
async function serve(config = "config.capnp") {
  const port = await freePort();
  const child = spawn(tool("workerd"), ["serve", config, "--socket-addr", `http=127.0.0.1:${port}`], { cwd: dir });
  let output = "";
  child.stderr.on("data", (chunk) => (output += chunk));
  child.stdout.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}:\n${output}`);
    const probe = await fetch(`${url}/probe`).catch(() => undefined);
    if (probe) return { child, url, probe, output: () => output };
    if (waited > 20_000) {
      child.kill();
      throw new Error(`workerd did not answer within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** @type {Response} */
let firstProbe;

before(async () => {
  dir = await consumer("workerd", ["workerd"]);
  metafile = await bundle(["workerd", "worker", "browser"]);
  const served = await serve();
  ({ child: workerd, url: base, probe: firstProbe } = served);
  workerd.on("exit", () => (stderr = served.output()));
});

after(() => workerd?.kill());

/** POSTs `body` with `headers` and returns the status and JSON body, and the webhook-delivery header when there is one. */
async function post(/** @type {string} */ body, /** @type {Record<string, string>} */ headers, url = base) {
  const response = await fetch(`${url}/webhooks/seam`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  const text = await response.text();
  const delivery = response.headers.get("webhook-delivery");
  return { status: response.status, body: text ? JSON.parse(text) : null, ...(delivery === null ? {} : { delivery }) };
}

test("the bundle takes dist/workerd.js through the `workerd` condition, with the .wasm as its own module", () => {
  const inputs = Object.keys(metafile.inputs).filter((path) => path.includes("connect-webview-events"));
  assert.deepEqual(inputs.map((path) => path.replace(/^.*node_modules\//, "")), ["connect-webview-events/dist/workerd.js"]);
  const output = Object.values(metafile.outputs)[0];
  assert.deepEqual(output.imports, [{ path: "./connect_webview_events_bg.wasm", kind: "import-statement", external: true }]);
  assert.ok(readFileSync(`${dir}/dist/worker.js`).length < 80_000, "the .wasm is not inlined");
});

test("GET /probe: the checks every runtime runs", async () => {
  assert.equal(firstProbe.status, 200);
  assert.deepEqual(await firstProbe.json(), EXPECTED);
});

test("a signed login_succeeded webhook: 200 with the decoded event", async () => {
  const headers = sign({ payload: events.loginSucceeded, secret });
  const response = await post(events.loginSucceeded, { ...headers });
  assert.deepEqual(response, {
    status: 200,
    body: { event_type: "connect_webview.login_succeeded", connect_webview_id: "00000000-0000-0000-0000-000000000000" },
  });
});

test("svix-* headers work too, in any case", async () => {
  const signed = sign({ payload: events.loginFailed, secret });
  const headers = { "Svix-Id": signed["webhook-id"], "Svix-Timestamp": signed["webhook-timestamp"], "Svix-Signature": signed["webhook-signature"] };
  const response = await post(events.loginFailed, headers);
  assert.equal(response.status, 200);
  assert.equal(response.body.event_type, "connect_webview.login_failed");
});

test("a tampered body: 401 with invalid_signature", async () => {
  const headers = sign({ payload: events.loginFailed, secret });
  const response = await post(events.loginFailed.replace("login_failed", "login_succeeded"), { ...headers });
  assert.equal(response.status, 401);
  assert.equal(response.body.name, "WebhookVerificationError");
  assert.equal(response.body.code, "invalid_signature");
});

test("no signature headers: 401 with missing_header", async () => {
  const response = await post(events.loginFailed, {});
  assert.equal(response.status, 401);
  assert.equal(response.body.code, "missing_header");
});

test("an authentic event of a type newer than the catalogue: 204, so that Svix neither retries nor disables the endpoint", async () => {
  const body = JSON.stringify({ ...JSON.parse(events.loginFailed), event_type: "device.teleported", device_id: "11111111-1111-1111-1111-111111111111" });
  assert.deepEqual(await post(body, { ...sign({ payload: body, secret }) }), { status: 204, body: null });
});

test("an invalid event with a good signature: 422 with webhook-delivery: abort-message, and each issue's code and path", async () => {
  const headers = sign({ payload: events.invalidEvent, secret });
  const response = await post(events.invalidEvent, { ...headers });
  assert.equal(response.status, 422);
  assert.equal(response.delivery, "abort-message");
  assert.equal(response.body.name, "DecodeError");
  assert.deepEqual(
    response.body.issues.map((/** @type {{ code: string, path: string }} */ issue) => [issue.code, issue.path]),
    [
      ["invalid_uuid", "/connected_account_id"],
      ["invalid_type", "/created_at"],
    ],
  );
});

test("workerd serve wrangler.json: wrangler's own bundling of the same Worker, no esbuild step of ours", async (t) => {
  const served = await serve("wrangler.json");
  t.after(() => served.child.kill());
  assert.equal(served.probe.status, 200);
  assert.deepEqual(await served.probe.json(), EXPECTED);
  const headers = sign({ payload: events.loginFailed, secret });
  assert.deepEqual(await post(events.loginFailed, { ...headers }, served.url), {
    status: 200,
    body: { event_type: "connect_webview.login_failed", connect_webview_id: "00000000-0000-0000-0000-000000000000" },
  });
});

test("why the `workerd` condition: the browser build does not start in workerd", async () => {
  // dist/web.js compiles its inlined .wasm with `await WebAssembly.instantiate`
  // at module load, which workerd does not let settle.
  await bundle(["browser"], "dist-browser");
  writeFileSync(`${dir}/browser.capnp`, readFileSync(`${dir}/config.capnp`, "utf8").replaceAll('"dist/', '"dist-browser/'));
  const result = await run(tool("workerd"), ["serve", "browser.capnp", "--socket-addr", `http=127.0.0.1:${await freePort()}`], { cwd: dir, timeout: 20_000 });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /service main: Uncaught Error: Top-level await in module is unsettled\./);
});

test("workerd is still running after every request", () => {
  assert.equal(workerd.exitCode, null, stderr);
});
