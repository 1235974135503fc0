// The contract through `import`, as an ES-module app sees it.
import * as api from "connect-webview-events";
import { contractCases } from "./cases.mjs";
import { hostileCases } from "./hostile-cases.mjs";
import { host } from "./node-host.mjs";
import { webhookCases } from "./webhook-cases.mjs";

contractCases(api, "import", host);
hostileCases(api, "import", host);
webhookCases(api, "import", host);

// Node only: a fresh process whose crypto.getRandomValues records its calls.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";

test("import: each wasm instance hashes object keys under keys drawn from crypto.getRandomValues, on its first call", () => {
  const script = `
    const draws = [];
    const original = crypto.getRandomValues.bind(crypto);
    crypto.getRandomValues = (array) => (draws.push(array.constructor.name + " " + array.length), original(array));
    const api = await import("connect-webview-events");
    const atLoad = draws.splice(0);
    api.safeDecode("{}");
    api.safeDecode("{}");
    const firstCalls = draws.splice(0);
    try { api.__forceTrapForTesting(); } catch {}
    api.safeDecode("{}");
    console.log(JSON.stringify({ atLoad, firstCalls, afterTrap: draws }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  // Not at load (Cloudflare Workers refuse random values there), once for the
  // first instance, and once for the one that replaces it after a trap.
  assert.deepEqual(JSON.parse(out), { atLoad: [], firstCalls: ["Uint32Array 4"], afterTrap: ["Uint32Array 4"] });
});
