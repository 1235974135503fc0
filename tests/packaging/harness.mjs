// @ts-check
// Shared by tests/packaging/*.test.mjs: a fresh consumer project under
// target/packaging/<name>/ with the packed tarball installed, the tools of
// tests/packaging/node_modules called by absolute path, and the results that
// consumers/shared/probe.js must give in every runtime.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";

export const root = new URL("../../", import.meta.url).pathname;
const here = `${root}tests/packaging`;
export const consumers = `${here}/consumers`;

/** A tool of tests/packaging/package.json, by absolute path. */
export function tool(/** @type {string} */ name) {
  const path = `${here}/node_modules/.bin/${name}`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/setup.sh (npm ci in tests/packaging)`);
  return path;
}

/** What consumers/shared/probe.js returns, the same in every runtime. */
export const EXPECTED = {
  succeeded: ["connect_webview.login_succeeded", "00000000-0000-0000-0000-000000000000"],
  failed: "connect_webview.login_failed",
  invalid: ["invalid_uuid /connected_account_id", "invalid_type /created_at"],
  // HMAC-SHA256 of "msg_1.1735689600.<loginFailed>" (checked with node:crypto).
  signature: "v1,lwOzPi3D9m6gy2UPxKwLTi4NBpb1xO7EQXya0dzRiUk=",
  verified: "connect_webview.login_failed",
  tampered: "invalid_signature",
  batch: ["connect_webview.login_succeeded", "connect_webview.login_failed", "1 issues on line 3"],
};

/** What the apps' Web Worker posts: the probe, then its replies to loginFailed and invalidEvent. */
export const WORKER_EXPECTED = [EXPECTED, "connect_webview.login_failed", ["invalid_uuid", "invalid_type"]];

/**
 * Runs a command; never throws for a non-zero exit, so tests can assert on it.
 * @param {string} file @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeout?: number }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function run(file, args, options = {}) {
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 64 << 20, timeout: 120_000, ...options }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like run, but throws with the output when the command fails. */
export async function check(/** @type {string} */ file, /** @type {string[]} */ args, /** @type {Parameters<typeof run>[2]} */ options) {
  const result = await run(file, args, options);
  if (result.code !== 0) {
    throw new Error(`${file} ${args.join(" ")} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/**
 * A fresh consumer project target/packaging/<name>/: consumers/shared/ and
 * consumers/<each of sources>/ copied in, a package.json, and the tarball
 * from `npm pack pkg` installed. Returns its path.
 * @param {string} name @param {string[]} sources folders under consumers/
 * @param {Record<string, unknown>} [packageJson] merged into the package.json
 */
export async function consumer(name, sources, packageJson = {}) {
  if (!existsSync(`${root}pkg/dist/workerd.js`)) throw new Error("pkg/ is missing or stale: run `make pkg` first");
  const dir = `${root}target/packaging/${name}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const source of ["shared", ...sources]) cpSync(`${consumers}/${source}`, dir, { recursive: true });
  const manifest = { name: `consumer-${name}`, private: true, type: "module", ...packageJson };
  writeFileSync(`${dir}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  const { stdout } = await check("npm", ["pack", `${root}pkg`, "--pack-destination", dir, "--silent"], { cwd: dir });
  const tarball = stdout.trim().split("\n").at(-1) ?? "";
  await check("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", `./${tarball}`], { cwd: dir });
  return dir;
}

const TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
});

/**
 * Every file under `dir`, keyed by its URL path, for serveFiles of
 * scripts/webdriver.mjs; `index.html` is also served at "/".
 * @param {string} dir
 */
export function filesOf(dir, prefix = "/") {
  /** @type {Record<string, { type: string, body: Buffer }>} */
  const files = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, filesOf(path, `${prefix}${entry.name}/`));
    else files[`${prefix}${entry.name}`] = { type: TYPES[extname(entry.name)] ?? "application/octet-stream", body: readFileSync(path) };
  }
  if (files[`${prefix}index.html`]) files[prefix] = files[`${prefix}index.html`];
  return files;
}
