// @ts-check
// Just enough WebDriver to open a page in headless Chromium or Firefox and
// read a value the page leaves on `window`: used by tests/browser/ and bench/.
// Plain HTTP to Debian's chromedriver and to geckodriver; no browser download.
import { spawn } from "node:child_process";
import { createServer } from "node:http";

export const BROWSERS = [
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
export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** @param {string} base @param {string} method @param {string} path @param {unknown} [body] */
async function command(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `url` in `browser`, waits until `window[key]` is set (up to
 * `timeoutMs`), and returns it.
 * @param {typeof BROWSERS[number]} browser @param {string} url @param {string} key @param {number} timeoutMs
 */
export async function readFromPage(browser, url, key, timeoutMs) {
  const port = await freePort();
  const driver = spawn(browser.driver, [`--port=${port}`], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  let session;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await command(base, "GET", "/status")).ready) break;
      } catch (error) {
        if (i > 100) throw error;
      }
      await sleep(100);
    }
    session = (await command(base, "POST", "/session", { capabilities: { alwaysMatch: browser.capabilities } })).sessionId;
    await command(base, "POST", `/session/${session}/url`, { url });
    const script = `return window[${JSON.stringify(key)}] ?? null`;
    for (let waited = 0; ; waited += 250) {
      const value = await command(base, "POST", `/session/${session}/execute/sync`, { script, args: [] });
      if (value !== null) return value;
      if (waited > timeoutMs) throw new Error(`${browser.name}: window.${key} was not set within ${timeoutMs / 1000} s`);
      await sleep(250);
    }
  } finally {
    if (session) await command(base, "DELETE", `/session/${session}`).catch(() => {});
    driver.kill();
  }
}

/**
 * Serves files from memory on 127.0.0.1 and returns its base URL.
 * @param {Record<string, { type: string, body: string | Buffer }>} files path to content, e.g. "/": html
 */
export async function serveFiles(files) {
  const server = createServer((req, res) => {
    const file = files[req.url ?? ""];
    if (!file) return res.writeHead(404).end();
    // Cross-origin isolation gives pages finer performance.now() timers.
    res.writeHead(200, {
      "content-type": file.type,
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    res.end(file.body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
