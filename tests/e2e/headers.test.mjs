// The signature panel's header reader (www/headers.js), run in Node: what a
// pasted block of headers becomes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { demoSecret, formatHeaders, isoSeconds, parseHeaders, timestampDate } from "../../www/headers.js";

/** parseHeaders with its Map as pairs, for deepEqual. @param {string} text */
function read(text) {
  const parsed = parseHeaders(text);
  return parsed.ok ? { ...parsed, headers: [...parsed.headers] } : parsed;
}

describe("headers.js", () => {
  it("reads name: value lines as a log shows them, skipping what is not a header", () => {
    const log = "POST /webhooks/seam HTTP/1.1\nHost: example.com:443\n\nWebhook-Id: msg_1\n> webhook-timestamp:   1700000000  \r\nwebhook-signature:v1,a= v1,b=\nwebhook-id: msg_2\n";
    assert.deepEqual(read(log), {
      ok: true,
      headers: [["Host", "example.com:443"], ["Webhook-Id", "msg_1"], ["webhook-timestamp", "1700000000"], ["webhook-signature", "v1,a= v1,b="]],
      signature: ["Webhook-Id", "webhook-timestamp", "webhook-signature"],
      others: 1,
      duplicates: ["Webhook-Id"],
      skipped: [1],
    });
  });

  it("reads a JSON object, with numbers and arrays as Node's req.headers may hold", () => {
    assert.deepEqual(read('{"svix-id": "msg_1", "svix-timestamp": 1614265330, "svix-signature": ["v1,a=", "v1,b="], "x-n": null}'), {
      ok: true,
      headers: [["svix-id", "msg_1"], ["svix-timestamp", "1614265330"], ["svix-signature", "v1,a= v1,b="]],
      signature: ["svix-id", "svix-timestamp", "svix-signature"],
      others: 0,
      duplicates: [],
      skipped: [],
    });
  });

  it("reads an object printed one member a line (JSON-like, or Node's console.log)", () => {
    const printed = "{\n  host: 'example.com',\n  'webhook-id': 'msg_1',\n  \"webhook-timestamp\": \"1700000000\",\n}";
    const parsed = read(printed);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.signature, ["webhook-id", "webhook-timestamp"]);
    assert.deepEqual(parsed.headers.slice(1), [["webhook-id", "msg_1"], ["webhook-timestamp", "1700000000"]]);
    assert.deepEqual(parsed.skipped, []);
  });

  it("says why JSON that is not an object of headers cannot be read", () => {
    assert.deepEqual(read('{"webhook-id": null}'), { ok: false, error: 'header "webhook-id": expected a string, found null' });
    const broken = read('{"webhook-id": "msg_1",');
    assert.equal(broken.ok, false);
    assert.match(/** @type {{ error: string }} */ (broken).error, /^the headers look like JSON but are not: /);
    assert.deepEqual(read(""), { ok: true, headers: [], signature: [], others: 0, duplicates: [], skipped: [] });
  });

  it("turns only integer Unix seconds into a time", () => {
    assert.equal(isoSeconds(/** @type {Date} */ (timestampDate("1614265330"))), "2021-02-25T15:02:10Z");
    for (const bad of [undefined, "", "1e9", "-1", " 1", "1700000000abc", "999999999999999"]) assert.equal(timestampDate(bad), undefined, bad);
  });

  it("formats headers as lines and makes demo secrets of 24 random bytes", () => {
    assert.equal(formatHeaders({ "webhook-id": "msg_1", "webhook-timestamp": "1" }), "webhook-id: msg_1\nwebhook-timestamp: 1");
    const a = demoSecret();
    assert.match(a, /^whsec_[A-Za-z0-9+/]{32}$/);
    assert.equal(Buffer.from(a.slice(6), "base64").length, 24);
    assert.notEqual(a, demoSecret());
  });
});
