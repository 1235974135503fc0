// Runs the shared JavaScript cases (tests/js/cases.mjs, webhook-cases.mjs)
// in headless Chromium and headless Firefox against pkg/dist/web.js, through
// chromedriver and geckodriver with plain WebDriver requests, and reports each
// case as a node:test subtest. Needs `make pkg` first (make test does it).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { build } from "esbuild";

const root = new URL("../../", import.meta.url).pathname;
const out = `${root}target/browser-suite`;

/** @type {import("node:http").Server} */
let server;
let pageUrl = "";

before(async () => {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [`${root}tests/browser/suite.mjs`],
    outfile: `${out}/suite.js`,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    loader: { ".json": "text" },
    logLevel: "warning",
  });
  writeFileSync(`${out}/index.html`, '<!doctype html><meta charset="utf-8"><title>suite</title><script type="module" src="suite.js"></script>\n');
  server = createServer((req, res) => {
    const file = req.url === "/" ? "index.html" : req.url === "/suite.js" ? "suite.js" : null;
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html" });
    res.end(readFileSync(`${out}/${file}`));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  pageUrl = `http://127.0.0.1:${address.port}/`;
});

after(() => server?.close());

const browsers = [
  {
    name: "Chromium",
    driver: "chromedriver",
    capabilities: {
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: "/usr/bin/chromium",
        args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
          "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
      },
    },
  },
  {
    name: "Firefox",
    driver: "geckodriver",
    capabilities: { browserName: "firefox", "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"] } },
  },
];

/** A free port on 127.0.0.1. */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** One WebDriver command. */
async function webdriver(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

for (const browser of browsers) {
  test(`the shared JavaScript cases pass in headless ${browser.name}`, { timeout: 120_000 }, async (t) => {
    const port = await freePort();
    const driver = spawn(browser.driver, [`--port=${port}`], { stdio: "ignore" });
    const base = `http://127.0.0.1:${port}`;
    let session;
    try {
      for (let i = 0; ; i++) {
        try {
          if ((await webdriver(base, "GET", "/status")).ready) break;
        } catch (error) {
          if (i > 100) throw error;
        }
        await sleep(100);
      }
      session = (await webdriver(base, "POST", "/session", { capabilities: { alwaysMatch: browser.capabilities } })).sessionId;
      await webdriver(base, "POST", `/session/${session}/url`, { url: pageUrl });
      let results = null;
      for (let waited = 0; results === null; waited += 250) {
        assert.ok(waited < 90_000, "the suite did not finish within 90 s");
        results = await webdriver(base, "POST", `/session/${session}/execute/sync`, { script: "return window.__results ?? null", args: [] });
        if (results === null) await sleep(250);
      }
      assert.ok(results.length > 20, `expected the whole suite, found ${results.length} cases`);
      for (const result of results) {
        await t.test(result.name, () => {
          if (!result.ok) throw new Error(result.error);
        });
      }
    } finally {
      if (session) await webdriver(base, "DELETE", `/session/${session}`).catch(() => {});
      driver.kill();
    }
  });
}
