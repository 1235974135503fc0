// verify, sign and ConnectWebviewWebhook as test cases, cross-checked with
// the `svix` package as an independent implementation both ways. One body for
// Node and browsers; `host` is as in cases.mjs. `SvixWebhook` is svix's
// Webhook class, svix 1 unless given (svix2.test.mjs passes svix 2's).
import { Webhook as Svix1Webhook } from "svix";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const OTHER_SECRET = "whsec_c2VjcmV0LWtleS1vbmU=";

/** svix's own headers for `body`, signed now (or at `date`). */
function signedBySvix(SvixWebhook, body, { secret = SECRET, id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", date = new Date() } = {}) {
  const signature = new SvixWebhook(secret).sign(id, date, body);
  return { "svix-id": id, "svix-timestamp": String(Math.floor(date.getTime() / 1000)), "svix-signature": signature };
}

function verifyCode(api, assert, ...args) {
  try {
    api.verify(...args);
  } catch (error) {
    if (error instanceof api.WebhookVerificationError) {
      assert.equal(error.name, "WebhookVerificationError");
      return error.code;
    }
    throw error;
  }
  return "ok";
}

export function webhookCases(api, via, { test, assert, fixtures, bytesOf, otherRealm }, SvixWebhook = Svix1Webhook) {
  const BODY = fixtures.SUCCEEDED;
  const svixHeaders = (body, options) => signedBySvix(SvixWebhook, body, options);

  test(`${via}: svix signs, verify accepts and decodes, from a string, a Buffer and bytes`, () => {
    const headers = svixHeaders(BODY);
    for (const payload of [BODY, bytesOf(BODY), new TextEncoder().encode(BODY)]) {
      assert.deepEqual(api.verify(payload, headers, SECRET), JSON.parse(BODY));
    }
  });

  test(`${via}: an authentic string body with a lone surrogate: decode's one invalid_utf8 issue, whether or not the rest is valid`, () => {
    const valid = BODY.replace('"customer_key": ""', '"customer_key": "a\uD800b"');
    assert.notEqual(valid, BODY);
    const invalid = '{"event_type":"lock.unlocked","code":"a\uD800"}';
    for (const text of [valid, invalid]) {
      const expected = api.safeDecode(text).error.issues;
      assert.deepEqual(expected.map((i) => i.code), ["invalid_utf8"], text);
      let thrown;
      try {
        api.verify(text, api.sign({ payload: text, secret: SECRET }), SECRET);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown instanceof api.DecodeError, text);
      assert.deepEqual(thrown.issues, expected, text);
      // Not authentic stays not authentic.
      assert.equal(verifyCode(api, assert, text, api.sign({ payload: text, secret: OTHER_SECRET }), SECRET), "invalid_signature");
    }
  });

  test(`${via}: sign signs, svix verifies`, () => {
    const headers = api.sign({ payload: BODY, secret: SECRET });
    assert.deepEqual(Object.keys(headers), ["webhook-id", "webhook-timestamp", "webhook-signature"]);
    assert.match(headers["webhook-id"], /^msg_[0-9a-f]{32}$/);
    assert.doesNotThrow(() => new SvixWebhook(SECRET).verify(BODY, headers));
    const bytes = api.sign({ payload: bytesOf(BODY), secret: SECRET, id: "msg_1", timestamp: new Date() });
    assert.doesNotThrow(() => new SvixWebhook(SECRET).verify(BODY, bytes));
  });

  test(`${via}: sign and svix give the same signature for the same id and time`, () => {
    const date = new Date(1614265330_000);
    const ours = api.sign({ payload: BODY, secret: SECRET, id: "msg_x", timestamp: date });
    assert.equal(ours["webhook-signature"], new SvixWebhook(SECRET).sign("msg_x", date, BODY));
    assert.equal(ours["webhook-timestamp"], "1614265330");
    assert.deepEqual(api.sign({ payload: BODY, secret: SECRET, id: "msg_x", timestamp: 1614265330 }), ours);
  });

  test(`${via}: headers come as Fetch Headers, Node's req.headers with arrays, or any case`, () => {
    const h = svixHeaders(BODY);
    const forms = [
      new Headers(h),
      new Map(Object.entries(h)),
      { "SVIX-ID": h["svix-id"], "Svix-Timestamp": h["svix-timestamp"], "svix-signature": [h["svix-signature"]], host: "x" },
      { "webhook-id": h["svix-id"], "webhook-timestamp": h["svix-timestamp"], "webhook-signature": h["svix-signature"] },
      { "svix-id": h["svix-id"], "svix-timestamp": h["svix-timestamp"], "svix-signature": ["v1,AAAA", h["svix-signature"]] },
    ];
    for (const headers of forms) assert.equal(api.verify(BODY, headers, SECRET).event_type, "connect_webview.login_succeeded");
  });

  test(`${via}: a header value with no text in it is absent; headers that cannot be read are a TypeError`, () => {
    const h = svixHeaders(BODY);
    const webhookNamed = { "webhook-id": h["svix-id"], "webhook-timestamp": h["svix-timestamp"], "webhook-signature": h["svix-signature"] };
    for (const empty of [[], [5, null], undefined, 5]) {
      const headers = { ...webhookNamed, "svix-id": empty };
      assert.equal(api.signatureHeaders(headers).id, h["svix-id"], String(empty));
      assert.equal(api.verify(BODY, headers, SECRET).event_type, "connect_webview.login_succeeded");
    }
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": [] }, SECRET), "missing_header");
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = { get "svix-id"() {
      throw new Error("getter");
    } };
    for (const headers of [proxy, throwing]) assert.throws(() => api.verify(BODY, headers, SECRET), TypeError);
  });

  test(`${via}: a signature header sent twice, as Node and Headers join it, is read as svix reads it`, () => {
    const h = svixHeaders(BODY);
    const good = h["svix-signature"];
    const other = svixHeaders(BODY, { secret: OTHER_SECRET })["svix-signature"];
    const cases = [`${good}, ${other}`, `${other}, ${good}`, `${good},`, `${good},v2 v1,AAAA`, `v1,AAAA,${good.slice(3)}`, `v1,,${good.slice(3)}`, `${other}, v1,AAAA,`];
    for (const signature of cases) {
      const headers = { ...h, "svix-signature": signature };
      let svix;
      try {
        new SvixWebhook(SECRET).verify(BODY, headers);
        svix = "ok";
      } catch {
        svix = "invalid_signature";
      }
      assert.equal(verifyCode(api, assert, BODY, headers, SECRET), svix, signature);
    }
    // Two lines of one header, as a real Node server and Headers join them.
    const joined = new Headers([["svix-id", h["svix-id"]], ["svix-timestamp", h["svix-timestamp"]], ["svix-signature", other], ["svix-signature", good]]);
    assert.equal(joined.get("svix-signature"), `${other}, ${good}`);
    assert.equal(api.verify(BODY, joined, SECRET).event_type, "connect_webview.login_succeeded");
  });

  test(`${via}: signatureHeaders and verify read the headers by the table Rust and the CLI are held to`, () => {
    const { cases } = fixtures.SIGNATURE_HEADERS;
    assert.ok(cases.length >= 8);
    const fields = ["id", "timestamp", "signature"];
    for (const { name, headers, picks } of cases) {
      const expected = Object.fromEntries(fields.map((field) => [field, picks[field] ?? undefined]));
      const forms = [["a plain object", Object.fromEntries(headers)], ["a Map", new Map(headers)]];
      // Fetch Headers join two spellings of one name into one value.
      const names = headers.map(([header]) => header.toLowerCase());
      if (new Set(names).size === names.length && headers.every(([header]) => !header.includes(" "))) forms.push(["Headers", new Headers(headers)]);
      for (const [form, value] of forms) {
        assert.deepEqual(api.signatureHeaders(value), expected, `${name}, as ${form}`);
        // verify reads the same ones: a body signed with exactly the picked id and time verifies.
        if (picks.id === null || picks.timestamp === null) continue;
        const date = new Date(Number(picks.timestamp) * 1000);
        const signature = new SvixWebhook(SECRET).sign(picks.id, date, BODY);
        const signedPicks = headers.map(([header, text]) => [header, text === picks.signature ? signature : text]);
        const signedForm = form === "a Map" ? new Map(signedPicks) : form === "Headers" ? new Headers(signedPicks) : Object.fromEntries(signedPicks);
        if (picks.signature !== null) assert.equal(verifyCode(api, assert, BODY, signedForm, SECRET, { now: date }), "ok", `${name}, as ${form}`);
      }
    }
    assert.throws(() => api.signatureHeaders(undefined), (error) => error.code === "missing_header");
  });

  test(`${via}: which header is read when there are several, and what is left out`, () => {
    const h = svixHeaders(BODY);
    const wrong = { "svix-id": "msg_other", "svix-timestamp": h["svix-timestamp"], "svix-signature": "v1,AAAA" };
    // svix-* before webhook-*, in any case, and per header.
    assert.equal(verifyCode(api, assert, BODY, { ...h, "webhook-id": "msg_other", "webhook-signature": "v1,AAAA" }, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, { "webhook-id": h["svix-id"], "SVIX-TIMESTAMP": h["svix-timestamp"], "Svix-Signature": h["svix-signature"] }, SECRET), "ok");
    // svix- in any spelling comes before webhook-; of two spellings of one
    // name, the lowercase one (as Node gives them).
    assert.equal(verifyCode(api, assert, BODY, { "Svix-Id": "msg_other", "webhook-id": h["svix-id"], "webhook-timestamp": h["svix-timestamp"], "webhook-signature": h["svix-signature"] }, SECRET), "invalid_signature");
    assert.equal(verifyCode(api, assert, BODY, { "Svix-Id": h["svix-id"], "webhook-id": "msg_other", "webhook-timestamp": h["svix-timestamp"], "webhook-signature": h["svix-signature"] }, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, { "SVIX-ID": h["svix-id"], "svix-id": "msg_other", "svix-timestamp": h["svix-timestamp"], "svix-signature": h["svix-signature"] }, SECRET), "invalid_signature");
    // Only own properties, and only text, count.
    const inherited = Object.assign(Object.create(wrong), { "webhook-id": h["svix-id"], "webhook-timestamp": h["svix-timestamp"], "webhook-signature": h["svix-signature"] });
    assert.equal(verifyCode(api, assert, BODY, inherited, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, Object.create(h), SECRET), "missing_header");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-timestamp": 1 }, SECRET), "missing_header");
    // An array with no text in it is not text either.
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-timestamp": [1] }, SECRET), "missing_header");
    // Nor does empty text, as for svix: an empty svix-id leaves webhook-id to be read.
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": "" }, SECRET), "missing_header");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": "", "webhook-id": h["svix-id"] }, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, new Headers({ ...h, "svix-signature": "", "webhook-signature": h["svix-signature"] }), SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-signature": ["", h["svix-signature"]] }, SECRET), "ok");
    // Text is read as it is, line breaks too (HTTP cannot carry them, but an
    // object can): what was signed decides, as for svix.
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": `${h["svix-id"]}\n` }, SECRET), "invalid_signature");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": `${h["svix-id"]}\r`, "webhook-id": h["svix-id"] }, SECRET), "invalid_signature");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": "\r" }, SECRET), "invalid_signature");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-timestamp": `${h["svix-timestamp"]}\n` }, SECRET), "invalid_timestamp");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-signature": `${h["svix-signature"]}\r\n` }, SECRET), "invalid_signature");
    for (const id of ["msg_a\nb", "msg_\r", "\n\n"]) {
      const signed = api.sign({ payload: BODY, secret: SECRET, id });
      assert.equal(verifyCode(api, assert, BODY, signed, SECRET), "ok", JSON.stringify(id));
      assert.doesNotThrow(() => new SvixWebhook(SECRET).verify(BODY, signed));
    }
    const fetched = new Headers({ "webhook-id": "msg_other", ...h });
    assert.equal(verifyCode(api, assert, BODY, fetched, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, new Map([["Webhook-Id", h["svix-id"]], ...Object.entries(h).slice(1)]), SECRET), "ok");
  });

  test(`${via}: header values beyond ASCII, lone surrogates, arrays of anything and huge values`, () => {
    const h = svixHeaders(BODY);
    const id = "msg_é\u{1F600}";
    assert.equal(verifyCode(api, assert, BODY, api.sign({ payload: BODY, secret: SECRET, id }), SECRET), "ok");
    assert.doesNotThrow(() => new SvixWebhook(SECRET).verify(BODY, api.sign({ payload: BODY, secret: SECRET, id })));
    assert.equal(verifyCode(api, assert, BODY, { ...api.sign({ payload: BODY, secret: SECRET, id }), "webhook-id": "msg_e\u{1F600}" }, SECRET), "invalid_signature");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": `\uD800${h["svix-id"]}` }, SECRET), "invalid_signature");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-signature": `\uDC00 ${h["svix-signature"]}` }, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-timestamp": "\uFF11\uFF16\uFF11\uFF14" }, SECRET), "invalid_timestamp");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": [1, null, {}] }, SECRET), "missing_header");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": [1, h["svix-id"], {}] }, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-signature": `${"v1,AAAA ".repeat(20_000)}${h["svix-signature"]}` }, SECRET), "ok");
    assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-signature": "v1,".padEnd(100_000, "A") }, SECRET), "invalid_signature");
  });

  test(`${via}: headers and bodies go on being read right after wasm memory grows`, () => {
    // Header values are written into slots in wasm memory through views that
    // growing the memory detaches, as the body's are: each step below grows
    // it (a longer header, then a larger body), and the next request must
    // be read whole, not from a stale or too short view.
    const h = svixHeaders(BODY);
    const unknown = (n) => Array.from({ length: n }, (_, i) => `"u${i}": ${i}`).join(",");
    for (const size of [1_000, 10_000, 100_000]) {
      assert.equal(verifyCode(api, assert, BODY, h, SECRET), "ok");
      const rotated = `${"v1,AAAA ".repeat(size)}${h["svix-signature"]}`;
      assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-signature": rotated }, SECRET), "ok");
      assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-signature": "v1,AAAA" }, SECRET), "invalid_signature");
      const large = BODY.replace(/}\s*$/, `, ${unknown(size)}}`);
      const signed = svixHeaders(large);
      assert.equal(api.verify(large, signed, SECRET, { maxBytes: 8 << 20 })[`u${size - 1}`], size - 1);
      assert.equal(api.verify(bytesOf(BODY), h, SECRET).event_type, "connect_webview.login_succeeded");
      assert.equal(verifyCode(api, assert, BODY, { ...h, "svix-id": "msg_other" }, SECRET), "invalid_signature");
    }
  });

  test(`${via}: each way a request cannot be trusted has its code`, () => {
    const h = svixHeaders(BODY);
    const good = h["svix-signature"];
    const at = (seconds) => ({ now: new Date((Number(h["svix-timestamp"]) + seconds) * 1000) });
    const table = [
      [[BODY, h, SECRET], "ok"],
      [[BODY, h, SECRET, at(300)], "ok"],
      [[BODY, h, SECRET, at(301)], "timestamp_too_old"],
      [[BODY, h, SECRET, at(-301)], "timestamp_too_new"],
      [[BODY, h, SECRET, { ...at(3600), toleranceSeconds: 3600 }], "ok"],
      // Whole seconds, as svix compares them; Infinity skips the check.
      [[BODY, h, SECRET, { ...at(0.999), toleranceSeconds: 0 }], "ok"],
      [[BODY, h, SECRET, { ...at(1), toleranceSeconds: 0 }], "timestamp_too_old"],
      [[BODY, h, SECRET, { ...at(1), toleranceSeconds: 1.5 }], "ok"],
      [[BODY, h, SECRET, { ...at(2), toleranceSeconds: 1.5 }], "timestamp_too_old"],
      [[BODY, h, SECRET, { ...at(-2), toleranceSeconds: 1.5 }], "timestamp_too_new"],
      [[BODY, h, SECRET, { ...at(20 * 365 * 86_400), toleranceSeconds: Infinity }], "ok"],
      [[BODY, h, SECRET, { ...at(-20 * 365 * 86_400), toleranceSeconds: Infinity }], "ok"],
      [[BODY + " ", h, SECRET], "invalid_signature"],
      [[BODY.replace("login_succeeded", "login_failed"), h, SECRET], "invalid_signature"],
      [[BODY, { ...h, "svix-id": "msg_other" }, SECRET], "invalid_signature"],
      [[BODY, { ...h, "svix-signature": good.slice(0, 20) }, SECRET], "invalid_signature"],
      [[BODY, { ...h, "svix-signature": good.slice(0, -2) }, SECRET], "invalid_signature"],
      [[BODY, { ...h, "svix-signature": "v1," }, SECRET], "invalid_signature"],
      [[BODY, { ...h, "svix-signature": good.replace("v1,", "v2,") }, SECRET], "invalid_signature"],
      [[BODY, { ...h, "svix-signature": `v1,AAAA ${good}` }, SECRET], "ok"],
      [[BODY, h, OTHER_SECRET], "invalid_signature"],
      [[BODY, { ...h, "svix-timestamp": `${h["svix-timestamp"]}abc` }, SECRET], "invalid_timestamp"],
      [[BODY, { ...h, "svix-timestamp": "" }, SECRET], "missing_header"],
      [[BODY, { "svix-id": h["svix-id"], "svix-signature": good }, SECRET], "missing_header"],
      [[BODY, {}, SECRET], "missing_header"],
      [[BODY, undefined, SECRET], "missing_header"],
      [[BODY, h, "whsec_not base64!"], "invalid_secret"],
      [[BODY, h, "whsec_"], "invalid_secret"],
      [[BODY, h, undefined], "invalid_secret"],
    ];
    for (const [args, code] of table) assert.equal(verifyCode(api, assert, ...args), code, JSON.stringify(args.slice(1)));
  });

  test(`${via}: rotated keys: a header with the old and the new signature verifies with either`, () => {
    const date = new Date();
    const id = "msg_rotate";
    const both = `${new SvixWebhook(OTHER_SECRET).sign(id, date, BODY)} ${new SvixWebhook(SECRET).sign(id, date, BODY)}`;
    const headers = { "webhook-id": id, "webhook-timestamp": String(Math.floor(date / 1000)), "webhook-signature": both };
    assert.equal(api.verify(BODY, headers, SECRET).event_type, "connect_webview.login_succeeded");
    assert.equal(api.verify(BODY, headers, OTHER_SECRET).event_type, "connect_webview.login_succeeded");
  });

  test(`${via}: authentication comes first: a good signature over an invalid event is a DecodeError`, () => {
    const body = BODY.replace('"event_id": "00000000-0000-0000-0000-000000000000"', '"event_id": "nope"');
    assert.throws(() => api.verify(body, svixHeaders(body), SECRET), (error) => {
      assert.ok(error instanceof api.DecodeError);
      assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [["invalid_uuid", "/event_id"]]);
      return true;
    });
    const extra = JSON.stringify({ ...JSON.parse(BODY), added_later: 1 });
    assert.equal(api.verify(extra, svixHeaders(extra), SECRET).added_later, 1);
    assert.throws(() => api.verify(extra, svixHeaders(extra), SECRET, { strict: true }), api.DecodeError);
  });

  test(`${via}: a body over maxBytes is authenticated, never decoded: too large if authentic, else why not`, () => {
    const bytes = new TextEncoder().encode(BODY);
    const tooLarge = (found) => (error) => {
      assert.ok(error instanceof api.DecodeError);
      assert.deepEqual(error.issues.map((i) => [i.code, i.path, i.message]), [["payload_too_large", "", `expected at most 10 bytes, found ${found}`]]);
      return true;
    };
    const refused = (code) => (error) => {
      assert.ok(error instanceof api.WebhookVerificationError, String(error));
      assert.equal(error.code, code);
      return true;
    };
    for (const body of [BODY, bytes]) {
      assert.throws(() => api.verify(body, svixHeaders(BODY), SECRET, { maxBytes: 10 }), tooLarge(bytes.length));
      assert.throws(() => api.verify(body, svixHeaders(BODY, { secret: OTHER_SECRET }), SECRET, { maxBytes: 10 }), refused("invalid_signature"));
      assert.throws(() => api.verify(body, {}, SECRET, { maxBytes: 10 }), refused("missing_header"));
      const old = svixHeaders(BODY, { date: new Date("2023-11-14T22:13:20Z") });
      assert.throws(() => api.verify(body, old, SECRET, { maxBytes: 10 }), refused("timestamp_too_old"));
    }
    // Over the limit only once encoded (2 bytes a character), and one byte changed.
    const wide = BODY.replace("{", `{"pad": "${"é".repeat(40)}",`);
    const limit = { maxBytes: wide.length + 10 };
    assert.throws(() => api.verify(wide, svixHeaders(wide), SECRET, limit), (error) => error.issues[0].message.endsWith(`found ${wide.length + 40}`));
    assert.throws(() => api.verify(wide.replace("éé", "éè"), svixHeaders(wide), SECRET, limit), refused("invalid_signature"));
    // Larger than the parts it is given in (16 KiB), in the middle of which one byte changed.
    const large = BODY.replace("{", `{"pad": "${"x".repeat(100_000)}",`);
    assert.throws(() => api.verify(large, svixHeaders(large), SECRET, { maxBytes: 1000 }), (error) => error.issues[0].code === "payload_too_large");
    const changed = `${large.slice(0, 50_000)}y${large.slice(50_001)}`;
    assert.throws(() => api.verify(changed, svixHeaders(large), SECRET, { maxBytes: 1000 }), refused("invalid_signature"));
    // And the same limits on the class.
    const webhook = new api.ConnectWebviewWebhook(SECRET, { maxBytes: 10 });
    assert.throws(() => webhook.verify(BODY, svixHeaders(BODY)), tooLarge(bytes.length));
    assert.throws(() => webhook.verify(BODY, svixHeaders(BODY, { secret: OTHER_SECRET })), refused("invalid_signature"));
  });

  test(`${via}: ConnectWebviewWebhook is SeamWebhook's shape: new (secret), .verify(payload, headers)`, () => {
    const webhook = new api.ConnectWebviewWebhook(SECRET);
    assert.deepEqual(webhook.verify(BODY, svixHeaders(BODY)), JSON.parse(BODY));
    assert.throws(() => webhook.verify(BODY, svixHeaders(BODY, { secret: OTHER_SECRET })), (error) => error.code === "invalid_signature");
    assert.throws(() => new api.ConnectWebviewWebhook("whsec_%%%"), (error) => {
      assert.ok(error instanceof api.WebhookVerificationError);
      assert.equal(error.code, "invalid_secret");
      return true;
    });
  });

  test(`${via}: ConnectWebviewWebhook.verify takes verify's options, over the constructor's`, () => {
    // A webhook from an old log, replayed at the time it was signed.
    const date = new Date("2023-11-14T22:13:20Z");
    const old = svixHeaders(BODY, { date });
    const webhook = new api.ConnectWebviewWebhook(SECRET);
    assert.throws(() => webhook.verify(BODY, old), (error) => error.code === "timestamp_too_old");
    assert.deepEqual(webhook.verify(BODY, old, { now: date }), JSON.parse(BODY));
    assert.deepEqual(webhook.verify(BODY, old, { now: new Date(date.getTime() + 300_000) }), JSON.parse(BODY));
    assert.throws(() => webhook.verify(BODY, old, { now: new Date(date.getTime() + 301_000) }), (error) => error.code === "timestamp_too_old");
    // The constructor's tolerance holds unless the call sets its own.
    const strictTime = new api.ConnectWebviewWebhook(SECRET, { toleranceSeconds: 10 });
    assert.throws(() => strictTime.verify(BODY, old, { now: new Date(date.getTime() + 11_000) }), (error) => error.code === "timestamp_too_old");
    assert.equal(strictTime.verify(BODY, old, { now: new Date(date.getTime() + 11_000), toleranceSeconds: 60 }).event_type, "connect_webview.login_succeeded");
    // strict and maxBytes, from the constructor or the call.
    const extra = JSON.stringify({ ...JSON.parse(BODY), added_later: 1 });
    const strictFields = new api.ConnectWebviewWebhook(SECRET, { strict: true });
    assert.throws(() => strictFields.verify(extra, svixHeaders(extra)), (error) => error.issues[0].code === "unknown_field");
    assert.equal(strictFields.verify(extra, svixHeaders(extra), { strict: false }).added_later, 1);
    assert.throws(() => webhook.verify(extra, svixHeaders(extra), { strict: true }), (error) => error.issues[0].path === "/added_later");
    assert.throws(() => webhook.verify(BODY, svixHeaders(BODY), { maxBytes: 10 }), (error) => error.issues[0].code === "payload_too_large");
    // An option set to undefined in the call is not set: the constructor's holds.
    const lenient = new api.ConnectWebviewWebhook(SECRET, { toleranceSeconds: 1000 });
    const later = { now: new Date(date.getTime() + 900_000) };
    assert.equal(lenient.verify(BODY, old, { ...later, toleranceSeconds: undefined, strict: undefined }).event_type, "connect_webview.login_succeeded");
    // Bad options are a TypeError, as for verify.
    assert.throws(() => webhook.verify(BODY, old, { now: 5 }), TypeError);
    assert.throws(() => strictTime.verify(BODY, old, "soon"), TypeError);
  });

  test(`${via}: a parsed object cannot be verified; bad options are a TypeError`, () => {
    const headers = svixHeaders(BODY);
    assert.throws(() => api.verify(JSON.parse(BODY), headers, SECRET), TypeError);
    for (const [toleranceSeconds, found] of [[-1, "-1"], [-0.5, "-0.5"], [Number.NaN, "NaN"], [-Infinity, "-Infinity"], ["300", "a string"], [null, "null"]]) {
      const message = `options.toleranceSeconds: expected a non-negative number, found ${found}`;
      assert.throws(() => api.verify(BODY, headers, SECRET, { toleranceSeconds }), { name: "TypeError", message });
      assert.throws(() => new api.ConnectWebviewWebhook(SECRET, { toleranceSeconds }), { name: "TypeError", message });
    }
    // A parsed object is named as what it is, for verify and for sign.
    const parsed = "payload: expected the raw body as a string or a Uint8Array, found an object; the signature is over the raw bytes, not a parsed object";
    assert.throws(() => api.verify(JSON.parse(BODY), headers, SECRET), { name: "TypeError", message: parsed });
    assert.throws(() => api.sign({ payload: JSON.parse(BODY), secret: SECRET }), { name: "TypeError", message: parsed });
    const int8 = "payload: expected the raw body as a string or a Uint8Array, found an Int8Array object; the signature is over the raw bytes, not a parsed object";
    assert.throws(() => api.verify(new Int8Array(2), headers, SECRET), { name: "TypeError", message: int8 });
    const beforeEpoch = [[1.5, "1.5"], [-1, "-1"], ["soon", "a string"], [new Date(Number.NaN), "a Date object"], [new Date(-1000), "1969-12-31T23:59:59.000Z"]];
    for (const [timestamp, found] of beforeEpoch) {
      const message = `timestamp: expected a Date or integer Unix seconds, not before 1970, found ${found}`;
      assert.throws(() => api.sign({ payload: BODY, secret: SECRET, timestamp }), { name: "TypeError", message });
    }
    assert.throws(() => api.sign({ payload: BODY, secret: SECRET, id: 7 }), { name: "TypeError", message: "id: expected a non-empty string, found 7" });
    assert.throws(() => api.verify(BODY, headers, SECRET, { now: 5 }), { name: "TypeError", message: "options.now: expected a valid Date, found 5" });
    // A secret is never shown, whatever it is.
    assert.throws(() => api.verify(BODY, headers, 12345), (error) => error.code === "invalid_secret" && !error.message.includes("12345"));
    assert.throws(() => api.sign({ payload: BODY, secret: "whsec_" }), (error) => error.code === "invalid_secret");
    // An array, and options that throw when read, are a TypeError naming the
    // option, from verify, the class's constructor and its verify.
    const throwing = { get now() { throw new Error("boom"); } };
    const webhook = new api.ConnectWebviewWebhook(SECRET);
    for (const run of [(options) => api.verify(BODY, headers, SECRET, options), (options) => new api.ConnectWebviewWebhook(SECRET, options), (options) => webhook.verify(BODY, headers, options)]) {
      assert.throws(() => run([]), { name: "TypeError", message: "options: expected an object, found an array" });
      assert.throws(() => run(throwing), { name: "TypeError", message: "options.now: expected a value, but reading it threw: boom" });
      assert.throws(() => run({ now: Object.create(Date.prototype) }), { name: "TypeError", message: "options.now: expected a valid Date, found a Date object" });
    }
  });

  test(`${via}: a Date from another realm is a Date, for verify's now and sign's timestamp`, () => {
    const date = new Date("2023-11-14T22:13:20Z");
    const foreign = otherRealm(`new Date(${date.getTime()})`);
    assert.ok(!(foreign instanceof Date));
    const old = svixHeaders(BODY, { date });
    assert.deepEqual(api.verify(BODY, old, SECRET, { now: foreign }), JSON.parse(BODY));
    assert.deepEqual(new api.ConnectWebviewWebhook(SECRET, { now: foreign }).verify(BODY, old), JSON.parse(BODY));
    assert.equal(api.sign({ payload: BODY, secret: SECRET, id: "msg_1", timestamp: foreign })["webhook-timestamp"], String(date.getTime() / 1000));
  });

  test(`${via}: ConnectWebviewWebhook reads its options once, when made`, () => {
    const date = new Date("2023-11-14T22:13:20Z");
    const old = svixHeaders(BODY, { date });
    const options = { now: date };
    const webhook = new api.ConnectWebviewWebhook(SECRET, options);
    options.now = new Date(date.getTime() + 3_600_000);
    assert.deepEqual(webhook.verify(BODY, old), JSON.parse(BODY));
    // The Date too: its time is read when the class is made, not the object kept.
    date.setTime(0);
    assert.deepEqual(webhook.verify(BODY, old), JSON.parse(BODY));
  });
}
