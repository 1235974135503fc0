// @ts-check
// Serves the demo page: www/ at / and the built package pkg/ at /pkg/, on
// 127.0.0.1 only. No dependencies. Run by `make demo`:
//
//   PORT=8099 node scripts/serve-demo.mjs     (PORT=0 picks a free port)
//
// or started in-process, as the e2e test does:
//
//   const demo = await startDemoServer({ port: 0 }); ... await demo.close();
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const HOST = "127.0.0.1";

/** @type {Record<string, string>} */
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".cts": "text/plain; charset=utf-8",
};

/**
 * The file a URL path names, inside `base`, or null for anything that could
 * leave it (`..`, an encoded slash or backslash, a NUL byte).
 * @param {string} base an absolute directory
 * @param {string} urlPath the path after the mount point, still URL-encoded
 */
function fileIn(base, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.includes("\\")) return null;
  if (path.split("/").some((segment) => segment === "..")) return null;
  const file = resolve(base, `.${path.startsWith("/") ? path : `/${path}`}`);
  return file === base || file.startsWith(base + sep) ? file : null;
}

/**
 * Maps a request path to a file: /pkg/... to pkg/, everything else to www/,
 * and a path ending in / to its index.html.
 * @param {string} pathname
 * @param {{ www: string, pkg: string }} dirs
 */
function route(pathname, { www, pkg }) {
  const inPkg = pathname === "/pkg" || pathname.startsWith("/pkg/");
  const file = inPkg ? fileIn(pkg, pathname.slice("/pkg".length)) : fileIn(www, pathname);
  if (file && pathname.endsWith("/")) return join(file, "index.html");
  return file;
}

/**
 * Starts the demo server.
 * @param {{ port?: number, www?: string, pkg?: string }} [options]
 *   port 0 picks a free one; www and pkg default to the repository's.
 * @returns {Promise<{ url: string, port: number, server: import("node:http").Server, close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 8080, www = join(root, "www"), pkg = join(root, "pkg") } = {}) {
  const dirs = { www: resolve(www), pkg: resolve(pkg) };
  const server = createServer(async (request, response) => {
    const send = (/** @type {number} */ status, /** @type {string} */ text) => {
      response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" });
      response.end(request.method === "HEAD" ? undefined : `${text}\n`);
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      return send(405, "method not allowed");
    }
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = route(pathname, dirs);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return send(404, "not found");
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": info.size,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (request.method === "HEAD") return response.end();
    createReadStream(file)
      .on("error", () => response.destroy())
      .pipe(response);
  });
  await new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolvePromise(undefined);
    });
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${HOST}:${actual}/`,
    port: actual,
    server,
    close: () =>
      new Promise((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

// Run as a program: serve until stopped.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const raw = process.env.PORT ?? "8080";
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    console.error(`demo: PORT must be a number from 0 to 65535, found ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  if (!existsSync(join(root, "pkg", "dist", "web.js"))) {
    console.error("demo: pkg/dist/web.js is missing; build it with `make pkg` (the page needs it)");
  }
  try {
    const demo = await startDemoServer({ port });
    console.log(`demo: ${demo.url}`);
    console.log("demo: serving www/ and pkg/; stop with Ctrl+C");
    const stop = () => demo.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    console.error(code === "EADDRINUSE" ? `demo: port ${port} is in use; pick another with PORT=...` : `demo: ${error}`);
    process.exit(1);
  }
}
