// The contract through `require`, and one instance shared with `import`.
import { createRequire } from "node:module";
import * as imported from "connect-webview-events";
import { contractCases } from "./cases.mjs";
import { hostileCases } from "./hostile-cases.mjs";
import { host } from "./node-host.mjs";
import { webhookCases } from "./webhook-cases.mjs";

const { test, assert } = host;
const required = createRequire(import.meta.url)("connect-webview-events");

contractCases(required, "require", host);
hostileCases(required, "require", host);
webhookCases(required, "require", host);

test("import and require share one instance, so one DecodeError class", () => {
  assert.equal(required.DecodeError, imported.DecodeError);
  assert.equal(required.decode, imported.decode);
  assert.equal(required.WebhookVerificationError, imported.WebhookVerificationError);
  const { error } = imported.safeDecode("{");
  assert.ok(error instanceof required.DecodeError);
});
