// scripts/serve-demo.mjs: what it serves, with which Content-Type, and what
// it refuses.
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { startDemoServer } from "../../scripts/serve-demo.mjs";

/** @type {Awaited<ReturnType<typeof startDemoServer>>} */
let demo;

/** GET a raw path (not normalised by a URL parser). */
function get(/** @type {string} */ path, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: demo.port, path, method }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serve-demo.mjs", () => {
  before(async () => {
    demo = await startDemoServer({ port: 0 });
  });
  after(() => demo.close());

  it("listens on 127.0.0.1 on the free port it picked", () => {
    assert.notEqual(demo.port, 0);
    assert.equal(demo.url, `http://127.0.0.1:${demo.port}/`);
    assert.equal(/** @type {import("node:net").AddressInfo} */ (demo.server.address()).address, "127.0.0.1");
  });

  it("serves www/ at / and pkg/ at /pkg/ with their Content-Types", async () => {
    const expected = {
      "/": "text/html; charset=utf-8",
      "/index.html": "text/html; charset=utf-8",
      "/app.js": "text/javascript; charset=utf-8",
      "/headers.js": "text/javascript; charset=utf-8",
      "/style.css": "text/css; charset=utf-8",
      "/favicon.svg": "image/svg+xml",
      "/pkg/dist/web.js": "text/javascript; charset=utf-8",
      "/pkg/dist/node.mjs": "text/javascript; charset=utf-8",
      "/pkg/package.json": "application/json; charset=utf-8",
      "/pkg/dist/connect_webview_events_bg.wasm": "application/wasm",
    };
    for (const [path, type] of Object.entries(expected)) {
      const res = /** @type {any} */ (await get(path));
      assert.deepEqual([res.status, res.type], [200, type], path);
    }
    assert.match(/** @type {any} */ (await get("/")).body, /<title>connect-webview-events/);
  });

  it("refuses paths outside www/ and pkg/, and other methods", async () => {
    for (const path of ["/nope.js", "/../Makefile", "/%2e%2e/Makefile", "/pkg/../Makefile", "/pkg/%2e%2e/Makefile", "/pkg/..%2fCargo.toml", "/..%5cMakefile", "/a%00b", "/%E0%A4%A", "/pkg/", "/pkg", "/examples.js/"]) {
      assert.equal(/** @type {any} */ (await get(path)).status, 404, path);
    }
    assert.equal(/** @type {any} */ (await get("/", "POST")).status, 405);
  });
});
