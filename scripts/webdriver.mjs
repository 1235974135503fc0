// @ts-check
// Just enough WebDriver to open a page in headless Chromium or Firefox and
// read a value the page leaves on `window` (and serve a bundled page to it):
// used by tests/browser/ and bench/.
// Plain HTTP to Debian's chromedriver and to geckodriver; no browser download.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { basename } from "node:path";
import { build } from "esbuild";

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

/** How long one `execute` may wait for the page: 10 minutes. */
const SCRIPT_TIMEOUT_MS = 600_000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `url` in `browser` and calls `use` with the open page: `execute`
 * runs a script in it (WebDriver's execute: the script's return value,
 * awaited if a promise), `cdp` sends a Chrome DevTools Protocol command
 * (Chromium only), `context` switches Firefox between the page ("content")
 * and the browser's own privileged code ("chrome", which needs
 * `{ systemAccess: true }`). The browser and its driver are gone when the
 * returned promise settles.
 * @template T
 * @param {typeof BROWSERS[number]} browser @param {string} url
 * @param {(page: {
 *   execute(script: string, ...args: unknown[]): Promise<any>,
 *   cdp(cmd: string, params?: object): Promise<any>,
 *   context(name: "content" | "chrome"): Promise<void>,
 * }) => Promise<T>} use
 * @param {{ systemAccess?: boolean }} [options]
 * @returns {Promise<T>}
 */
export async function withPage(browser, url, use, { systemAccess = false } = {}) {
  const port = await freePort();
  const driver = spawn(browser.driver, [`--port=${port}`], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  /** @type {Record<string, any>} */
  let capabilities = browser.capabilities;
  if (systemAccess) {
    const firefox = capabilities["moz:firefoxOptions"];
    if (!firefox) throw new Error(`${browser.name}: systemAccess is for Firefox`);
    capabilities = { ...capabilities, "moz:firefoxOptions": { ...firefox, args: [...firefox.args, "-remote-allow-system-access"] } };
  }
  /** @type {string | undefined} */
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
    // A script waits its turn while the page's own code runs (a bench page
    // times for minutes in one go): WebDriver's default of 30 s would fail
    // it on a slow enough machine. Each caller has its own deadline.
    const timeouts = { script: SCRIPT_TIMEOUT_MS };
    session = (await command(base, "POST", "/session", { capabilities: { alwaysMatch: { ...capabilities, timeouts } } })).sessionId;
    await command(base, "POST", `/session/${session}/url`, { url });
    return await use({
      execute: (script, ...args) => command(base, "POST", `/session/${session}/execute/sync`, { script, args }),
      cdp: (cmd, params = {}) => command(base, "POST", `/session/${session}/goog/cdp/execute`, { cmd, params }),
      context: (name) => command(base, "POST", `/session/${session}/moz/context`, { context: name }),
    });
  } finally {
    if (session) await command(base, "DELETE", `/session/${session}`).catch(() => {});
    driver.kill();
  }
}

/**
 * Waits until `window[key]` is set on the page (up to `timeoutMs`), and
 * returns it.
 * @param {{ execute(script: string): Promise<any> }} page @param {string} name the browser's, for errors
 * @param {string} key @param {number} timeoutMs
 */
export async function waitFor(page, name, key, timeoutMs) {
  const script = `return window[${JSON.stringify(key)}] ?? null`;
  for (let waited = 0; ; waited += 250) {
    const value = await page.execute(script);
    if (value !== null) return value;
    if (waited > timeoutMs) throw new Error(`${name}: window.${key} was not set within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/**
 * Opens `url` in `browser`, waits until `window[key]` is set (up to
 * `timeoutMs`), and returns it.
 * @param {typeof BROWSERS[number]} browser @param {string} url @param {string} key @param {number} timeoutMs
 */
export function readFromPage(browser, url, key, timeoutMs) {
  return withPage(browser, url, (page) => waitFor(page, browser.name, key, timeoutMs));
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

/**
 * Bundles `entry` for the browser (esbuild: ESM, ES2022) and serves it as
 * the module script of a page at `/`, named after it (`suite.mjs` as
 * `/suite.js`), beside `files`; `head` goes in the page before the script.
 * Other options go to esbuild (`define`, `plugins`, `loader`, `logLevel`).
 * @param {string} entry
 * @param {{ head?: string, files?: Record<string, { type: string, body: string | Buffer }> } & import("esbuild").BuildOptions} [options]
 */
export async function servePage(entry, { head = "", files = {}, ...options } = {}) {
  const bundle = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "browser", target: "es2022", logLevel: "error", ...options });
  const script = basename(entry).replace(/\.m?js$/, ".js");
  return serveFiles({
    "/": { type: "text/html", body: `<!doctype html><meta charset="utf-8"><title>${script}</title>${head}<script type="module" src="${script}"></script>` },
    [`/${script}`]: { type: "text/javascript", body: Buffer.from(bundle.outputFiles[0].contents) },
    ...files,
  });
}
