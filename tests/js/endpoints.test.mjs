// The README's webhook endpoints (Express, and the Fetch-style route), run as
// users copy them (endpoint-express.mjs, endpoint-route.ts), against requests
// signed by the svix package: what each answers decides whether Svix retries
// a delivery, and whether it disables the endpoint.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { transform } from "esbuild";
import { Webhook as SvixWebhook } from "svix";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
process.env.SEAM_WEBHOOK_SECRET = SECRET;

const fixture = (/** @type {string} */ name) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
const SUCCEEDED = fixture("login_succeeded");
const FAILED = fixture("login_failed");
/** An authentic event of a type newer than the catalogue: Seam sends every type to the endpoint. */
const DEVICE_TELEPORTED = JSON.stringify({
  event_id: "7b8e5c2a-3f41-4f0a-9d6e-1c2b3a4d5e6f",
  event_type: "device.teleported",
  workspace_id: "00000000-0000-0000-0000-000000000000",
  device_id: "11111111-1111-1111-1111-111111111111",
  connected_account_id: "22222222-2222-2222-2222-222222222222",
  created_at: "2025-01-01T00:00:00.000Z",
  occurred_at: "2025-01-01T00:00:00.000Z",
});
const INVALID = FAILED.replace('"event_id": "00000000-0000-0000-0000-000000000000"', '"event_id": "nope"');

/** svix's headers for `body`, as Seam's deliveries carry them. */
function signed(/** @type {string} */ body, secret = SECRET) {
  const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  const date = new Date();
  const signature = new SvixWebhook(secret).sign(id, date, body);
  return { "svix-id": id, "svix-timestamp": String(Math.floor(date.getTime() / 1000)), "svix-signature": signature, "content-type": "application/json" };
}

/** What the endpoint answered: status, the webhook-delivery header, and the JSON body if any. */
async function answer(/** @type {Response} */ response) {
  const text = await response.text();
  return { status: response.status, delivery: response.headers.get("webhook-delivery"), body: text ? JSON.parse(text) : null };
}

/**
 * The cases every README endpoint must pass, whatever its framework.
 * @param {() => (body: string, headers: Record<string, string>) => Promise<Response>} post
 * @param {() => string[]} handled what the handler did with the events it handles
 * @param {{ body: string, handled: string }} own an event the handler acts on
 */
function endpointCases(post, handled, own) {
  test("an authentic event it handles: 204, and the handler ran", async () => {
    assert.deepEqual(await answer(await post()(own.body, signed(own.body))), { status: 204, delivery: null, body: null });
    assert.deepEqual(handled(), [own.handled]);
  });

  test("an authentic event of a type it does not know: a 2xx, so that Svix neither retries nor disables the endpoint", async () => {
    const response = await answer(await post()(DEVICE_TELEPORTED, signed(DEVICE_TELEPORTED)));
    assert.equal(response.status, 204);
    assert.equal(response.delivery, null);
    assert.equal(handled().length, 1); // nothing else was acted on
  });

  test("an authentic but invalid event: 422 with webhook-delivery: abort-message and every issue", async () => {
    const { status, delivery, body } = await answer(await post()(INVALID, signed(INVALID)));
    assert.deepEqual([status, delivery], [422, "abort-message"]);
    assert.equal(body.name, "DecodeError");
    assert.match(body.message, /^invalid Seam event: \/event_id: /);
    assert.deepEqual(body.issues, [
      { code: "invalid_uuid", path: "/event_id", message: 'expected a UUID like 00000000-0000-0000-0000-000000000000, found "nope": it has 4 characters, not 36' },
    ]);
    assert.equal(handled().length, 1);
  });

  test("a request Seam did not sign: 401 with the code, and Svix may retry", async () => {
    const tampered = await answer(await post()(own.body.replace("0000", "0001"), signed(own.body)));
    assert.deepEqual([tampered.status, tampered.delivery, tampered.body.code], [401, null, "invalid_signature"]);
    const unsigned = await answer(await post()(own.body, { "content-type": "application/json" }));
    assert.deepEqual([unsigned.status, unsigned.body.code], [401, "missing_header"]);
    const otherSecret = await answer(await post()(DEVICE_TELEPORTED, signed(DEVICE_TELEPORTED, "whsec_c2VjcmV0LWtleS1vbmU=")));
    assert.deepEqual([otherSecret.status, otherSecret.body.code], [401, "invalid_signature"]);
  });
}

describe("README: the Express endpoint", () => {
  /** @type {import("node:http").Server} */
  let server;
  /** @type {string} */
  let url;
  /** @type {string[]} */
  let linked;
  before(async () => {
    const example = await import("./endpoint-express.mjs");
    linked = example.linked;
    server = example.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const address = /** @type {import("node:net").AddressInfo} */ (server.address());
    url = `http://127.0.0.1:${address.port}/webhooks/seam`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  endpointCases(
    () => (body, headers) => fetch(url, { method: "POST", body, headers }),
    () => linked,
    { body: SUCCEEDED, handled: JSON.parse(SUCCEEDED).connected_account_id },
  );
});

describe("README: the Fetch-style route", () => {
  /** @type {(request: Request) => Promise<Response>} */
  let POST;
  /** @type {string[]} */
  let notified;
  before(async () => {
    // Types stripped as a bundler would; the imports stay as written.
    const { code } = await transform(readFileSync(new URL("./endpoint-route.ts", import.meta.url), "utf8"), { loader: "ts", format: "esm" });
    const compiled = new URL("./endpoint-route.compiled.mjs", import.meta.url);
    writeFileSync(compiled, code);
    ({ POST, notified } = await import(compiled.href));
  });

  endpointCases(
    () => (body, headers) => POST(new Request("http://localhost/api/webhooks/seam", { method: "POST", body, headers })),
    () => notified,
    { body: FAILED, handled: JSON.parse(FAILED).connect_webview_id },
  );
});
