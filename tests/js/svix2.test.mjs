// The signature cases of webhook-cases.mjs cross-checked with svix 2 (the dev
// alias `svix-2`) instead of svix 1: svix 2 signs and our verify accepts and
// decodes, our sign and svix 2 verifies, the same signature for the same id,
// time and secret. svix 2 requires Node 22+ (its `engines`), so on Node 20
// the file reports one skipped test with the reason rather than passing.
import * as api from "connect-webview-events";
import { test } from "node:test";
import { host } from "./node-host.mjs";
import { webhookCases } from "./webhook-cases.mjs";

const node = process.versions.node;
const runtime = process.versions.bun ? `Bun ${process.versions.bun}` : `Node ${node}`;
if (process.versions.bun || Number(node.split(".")[0]) >= 22) {
  const { Webhook } = await import("svix-2");
  webhookCases(api, `import, svix 2 (${runtime})`, host, Webhook);
} else {
  test("import, svix 2: the cross-check with svix 2", { skip: `svix 2 requires Node 22+, this is ${runtime}` }, () => {});
}
