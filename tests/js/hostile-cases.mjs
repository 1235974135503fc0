// Hostile input, one body for Node, Chromium and Firefox (`host` as in
// cases.mjs): what an endpoint on the internet may be sent. Every outcome is
// an event or a DecodeError with the exact code and path, never another
// exception, and the module keeps working afterwards.

const PROTOTYPE_NAMES = ["__proto__", "constructor", "prototype"];

export function hostileCases(api, via, { test, assert, fixtures, bytesOf }) {
  const { SUCCEEDED, FAILED } = fixtures;

  /** The (code, path) pairs of a payload's issues. */
  const issuesOf = (payload, options) => {
    const result = api.safeDecode(payload, options);
    assert.equal(result.success, false, "expected issues");
    assert.ok(result.error instanceof api.DecodeError);
    return result.error.issues.map((i) => [i.code, i.path]);
  };

  /** The text of FAILED with `member` (raw JSON text) added first. */
  const withMember = (member) => FAILED.replace("{", `{${member},`);

  test(`${via}: nesting 100,000 deep is invalid_json as text and invalid_input as an object, in constant stack`, () => {
    assert.deepEqual(issuesOf(`{"x": ${"[".repeat(100_000)}`), [["invalid_json", ""]]);
    assert.deepEqual(issuesOf(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`), [["invalid_json", ""]]);
    let deep = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.deepEqual(issuesOf({ ...JSON.parse(FAILED), x: deep }).map(([code]) => code), ["invalid_input"]);
    // 128 levels, the root's included, is the limit, the same for text and objects.
    const levels = (n) => {
      let value = [];
      for (let i = 2; i < n; i++) value = [value];
      return { ...JSON.parse(FAILED), x: value };
    };
    for (const payload of [levels(128), JSON.stringify(levels(128))]) assert.equal(api.safeDecode(payload).success, true);
    assert.deepEqual(issuesOf(JSON.stringify(levels(129))), [["invalid_json", ""]]);
    assert.deepEqual(issuesOf(levels(129)), [["invalid_input", `/x${"/0".repeat(127)}`]]);
    assert.equal(api.decodeBatch(`[${JSON.stringify(levels(128))}]`)[0].success, true);
    // In a batch's array, an element nested deeper (129 levels, or 100,000)
    // is that element's invalid_json, and the others still decode.
    const one = FAILED.replaceAll("\n", "");
    for (const deeper of [JSON.stringify(levels(129)), `${"[".repeat(100_000)}${"]".repeat(100_000)}`]) {
      const batch = api.decodeBatch(`[${one},\n${deeper}, ${one}]`);
      assert.deepEqual(batch.map((r) => r.success), [true, false, true]);
      assert.deepEqual(batch[1].error.issues.map((i) => [i.code, i.path, i.line]), [["invalid_json", "", 2]]);
    }
    // 100 levels in an unknown field are kept.
    let depth = 0;
    for (let v = api.decode(withMember(`"x": ${"[".repeat(100)}${"]".repeat(100)}`)).x; v.length > 0; v = v[0]) depth++;
    assert.equal(depth, 99);
  });

  test(`${via}: an object with 100,000 keys decodes in linear time, and a duplicate among them is found`, () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}": ${i}`).join(",");
    const event = api.decode(withMember(`"many": {${keys}}`), { maxBytes: 8 << 20 });
    assert.equal(Object.keys(event.many).length, 100_000);
    assert.deepEqual(issuesOf(withMember(`"many": {${keys}, "k99999": 0}`), { maxBytes: 8 << 20 }), [["duplicate_field", "/many/k99999"]]);
    const huge = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    assert.equal(Object.keys(api.decode({ ...JSON.parse(FAILED), huge }, { maxBytes: 8 << 20 }).huge).length, 100_000);
  });

  test(`${via}: payloads go on being read right after wasm memory grows, whatever came before`, () => {
    // Payloads are written into a buffer in wasm memory through a view that
    // growing the memory detaches: each step below grows it (a larger
    // payload, or a larger issue list), and the next payload must be read
    // whole, not from a stale or too short view.
    const unknown = (n) => Array.from({ length: n }, (_, i) => `"u${i}": ${i}`).join(",");
    for (const size of [1_000, 10_000, 50_000]) {
      assert.equal(api.decode(FAILED).event_type, "connect_webview.login_failed");
      assert.equal(api.decode(bytesOf(SUCCEEDED)).event_type, "connect_webview.login_succeeded");
      const strictIssues = issuesOf(withMember(unknown(size)), { strict: true, maxBytes: 8 << 20 });
      assert.equal(strictIssues.length, size);
      assert.deepEqual(strictIssues[size - 1], ["unknown_field", `/u${size - 1}`]);
      assert.equal(api.decode(SUCCEEDED).event_type, "connect_webview.login_succeeded");
      assert.deepEqual(issuesOf(FAILED.replace("login_failed", "login_failed_")), [["unknown_event_type", "/event_type"]]);
      assert.equal(api.decode(bytesOf(withMember(unknown(size))), { maxBytes: 8 << 20 })[`u${size - 1}`], size - 1);
      assert.deepEqual(issuesOf(""), [["invalid_json", ""]]);
    }
  });

  test(`${via}: multi-megabyte strings are refused by size, or kept whole when allowed`, () => {
    const big = "é".repeat(3 << 20);
    assert.deepEqual(issuesOf(withMember(`"x": "${big}"`)), [["payload_too_large", ""]]);
    assert.deepEqual(issuesOf(bytesOf(withMember(`"x": "${big}"`))), [["payload_too_large", ""]]);
    assert.equal(api.decode(withMember(`"x": "${big}"`), { maxBytes: 8 << 20 }).x.length, 3 << 20);
    const longId = FAILED.replace('"event_id": "00000000-0000-0000-0000-000000000000"', `"event_id": "${"0".repeat(2 << 20)}"`);
    const [[code, path]] = issuesOf(longId, { maxBytes: 8 << 20 });
    assert.deepEqual([code, path], ["invalid_uuid", "/event_id"]);
    assert.ok(api.safeDecode(longId, { maxBytes: 8 << 20 }).error.issues[0].message.length < 300, "a huge value is cut in the message");
  });

  test(`${via}: NUL, control characters and a byte-order mark`, () => {
    assert.deepEqual(issuesOf(withMember('"x": "a\u0000b"')), [["invalid_json", ""]]);
    assert.deepEqual(issuesOf(withMember('"x": "tab\there"')), [["invalid_json", ""]]);
    assert.equal(api.decode(withMember('"x": "a\\u0000b"')).x, "a\u0000b");
    assert.deepEqual(issuesOf(FAILED.replace("00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000\\u0000")), [["invalid_uuid", "/connect_webview_id"]]);
    assert.deepEqual(issuesOf(`\uFEFF${FAILED}`), [["invalid_json", ""]]);
    assert.deepEqual(issuesOf(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytesOf(FAILED)])), [["invalid_json", ""]]);
    assert.deepEqual(issuesOf(Uint8Array.of(0)), [["invalid_json", ""]]);
  });

  test(`${via}: invalid UTF-8 of every kind is invalid_utf8`, () => {
    const cases = [[0xff], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80]];
    for (const bad of cases) {
      const bytes = Uint8Array.from([...bytesOf('{"customer_key": "'), ...bad, ...bytesOf('"}')]);
      const [issue] = api.safeDecode(bytes).error.issues;
      assert.deepEqual([issue.code, issue.path, issue.line, issue.column], ["invalid_utf8", "", 1, 19], String(bad));
    }
  });

  test(`${via}: lone surrogates, raw or escaped`, () => {
    assert.deepEqual(issuesOf(withMember('"x": "\uD800"')), [["invalid_utf8", ""]]);
    assert.deepEqual(issuesOf(withMember('"x": "\uDFFF"')), [["invalid_utf8", ""]]);
    assert.deepEqual(issuesOf(withMember('"x": "\\uD800"')), [["invalid_json", ""]]);
    assert.deepEqual(issuesOf(withMember('"x": "\\uDC00\\uD800"')), [["invalid_json", ""]]);
    assert.equal(api.decode(withMember('"x": "\\uD83D\\uDE00"')).x, "\u{1F600}");
  });

  test(`${via}: numbers out of range are invalid_json; large but finite ones are kept as JSON.parse keeps them`, () => {
    for (const n of ["1e400", "-1e400", "1e309"]) assert.deepEqual(issuesOf(withMember(`"x": ${n}`)), [["invalid_json", ""]]);
    for (const n of ["1e308", "123456789012345678901234567890", "-0", "5e-324", "1e-400"]) {
      assert.equal(api.decode(withMember(`"x": ${n}`)).x, JSON.parse(n));
    }
  });

  test(`${via}: __proto__, constructor and prototype at every level stay data, and no prototype changes`, () => {
    const nested = (depth) => (depth === 0 ? '"leaf"' : `{${PROTOTYPE_NAMES.map((k) => `"${k}": ${nested(depth - 1)}`).join(", ")}}`);
    const text = withMember(PROTOTYPE_NAMES.map((k) => `"${k}": ${nested(3)}`).join(", ")).replace(
      '"created_at"',
      `"list": [${nested(2)}, [${nested(1)}]], "created_at"`,
    );
    for (const payload of [text, bytesOf(text), JSON.parse(text)]) {
      const event = api.decode(payload);
      const walk = (value, depth) => {
        if (typeof value !== "object" || value === null) return;
        assert.ok([Object.prototype, Array.prototype].includes(Object.getPrototypeOf(value)), "a prototype was replaced");
        if (!Array.isArray(value) && depth > 0 && PROTOTYPE_NAMES.some((k) => k in value && Object.hasOwn(value, k))) {
          for (const key of PROTOTYPE_NAMES) assert.ok(Object.hasOwn(value, key), `${key} is not an own property`);
        }
        for (const key of Object.keys(value)) walk(value[key], depth + 1);
      };
      walk(event, 0);
      for (const key of PROTOTYPE_NAMES) assert.ok(Object.hasOwn(event, key));
      assert.deepEqual(Object.keys(event["__proto__"]), PROTOTYPE_NAMES);
      assert.equal(Object.getPrototypeOf(event), Object.prototype);
      assert.equal({}.leaf, undefined);
      assert.equal(Object.prototype.__proto__, null);
      assert.equal(typeof Object.prototype.constructor, "function");
    }
    const metadata = SUCCEEDED.replace('"connected_account_custom_metadata": {}', '"connected_account_custom_metadata": {"__proto__": {"x": 1}}');
    assert.deepEqual(issuesOf(metadata), [["invalid_type", "/connected_account_custom_metadata/__proto__"]]);
  });

  test(`${via}: every kind of JavaScript value that is not JSON is invalid_input, at the root or inside`, () => {
    const values = [undefined, null, true, 0, -0, NaN, Infinity, 1n, Symbol("s"), () => {}, function named() {}, class A {},
      [], [1], new Map([["a", 1]]), new Set([1]), new WeakMap(), new Date(), /re/g, new Error("e"), Promise.resolve(),
      new Proxy([], {}), new ArrayBuffer(0).constructor, new Int8Array(1), new Float64Array(1), new DataView(new ArrayBuffer(1)),
      new Boolean(true), new Number(1), new String("{}"), Object(1n), Object(Symbol("s")), globalThis, Math, JSON];
    for (const value of values) {
      assert.deepEqual(issuesOf(value).map(([code, path]) => [code, path]), [["invalid_input", ""]], String(typeof value));
      const inside = { ...JSON.parse(FAILED), x: { y: [value] } };
      if (value === null || value === true || value === 0 || Array.isArray(value)) {
        assert.equal(api.safeDecode(inside).success, true, "plain JSON inside is fine");
      } else {
        assert.deepEqual(issuesOf(inside), [["invalid_input", "/x/y/0"]], String(value?.constructor?.name ?? typeof value));
      }
    }
  });

  test(`${via}: objects that cannot be read, or that pretend to be bytes, are invalid_input; odd but real bytes decode`, () => {
    const event = bytesOf(SUCCEEDED);
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const trap = () => {
      throw new Error("trap");
    };
    const detached = event.buffer.slice(0);
    structuredClone(detached, { transfer: [detached] });
    const posing = { [Symbol.toStringTag]: "ArrayBuffer", length: event.length };
    event.forEach((byte, i) => (posing[i] = byte));
    const unreadable = [revoked, new Proxy({}, { getPrototypeOf: trap }), new Proxy({}, { get: trap }), { get [Symbol.toStringTag]() { return trap(); } },
      { [Symbol.toStringTag]: "ArrayBuffer", length: 2 ** 40 }, posing, new Proxy(event, {}), detached,
      Object.defineProperty(new DataView(event.buffer), Symbol.toStringTag, { value: "Uint8Array" })];
    for (const [i, payload] of unreadable.entries()) {
      assert.deepEqual(issuesOf(payload), [["invalid_input", ""]], `payload ${i}`);
      assert.throws(() => api.decodeBatch(payload), (error) => error instanceof api.DecodeError && error.issues[0].code === "invalid_input", `batch ${i}`);
      assert.throws(() => api.verify(payload, {}, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), TypeError, `verify ${i}`);
    }
    // A view of a buffer that was transferred away has no bytes left.
    const gone = new Uint8Array(event.buffer.slice(0));
    structuredClone(gone.buffer, { transfer: [gone.buffer] });
    assert.deepEqual(issuesOf(gone), [["invalid_json", ""]]);
    // A subclass that says it is empty is read for the bytes it has.
    class Quiet extends Uint8Array {
      get length() {
        return 0;
      }
    }
    assert.equal(api.decode(new Quiet(event)).event_type, "connect_webview.login_succeeded");
    // Shared memory (where the page may have it: cross-origin isolated in browsers).
    if (typeof SharedArrayBuffer === "function") {
      const share = (bytes) => {
        const view = new Uint8Array(new SharedArrayBuffer(bytes.length));
        view.set(bytes);
        return view;
      };
      const shared = share(event);
      assert.equal(api.decode(shared).event_type, "connect_webview.login_succeeded");
      const batch = api.decodeBatch(share(bytesOf(`[${SUCCEEDED}]`)));
      assert.equal(batch[0].data.event_type, "connect_webview.login_succeeded");
      const headers = api.sign({ payload: event, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
      assert.equal(api.verify(shared, headers, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").event_type, "connect_webview.login_succeeded");
    }
  });

  test(`${via}: after ten thousand hostile payloads the module still decodes`, () => {
    const hostile = ["", "{", "[".repeat(5000), "\uD800", "\uFEFF{}", Uint8Array.of(0xff), '{"a":1e999}', 42, null, {}, []];
    for (let i = 0; i < 10_000; i++) {
      const result = api.safeDecode(hostile[i % hostile.length]);
      assert.equal(result.success, false);
    }
    assert.equal(api.decode(SUCCEEDED).event_type, "connect_webview.login_succeeded");
  });

  test(`${via}: should the instance ever trap, the caller gets a DecodeError and a fresh instance carries on`, () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const headers = api.sign({ payload: SUCCEEDED, secret });
    for (let round = 0; round < 3; round++) {
      assert.throws(() => api.__forceTrapForTesting(), (error) => {
        assert.ok(error instanceof api.DecodeError, `expected a DecodeError, found ${error?.name}`);
        assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [["internal_error", ""]]);
        assert.match(error.issues[0].message, /restarted/);
        return true;
      });
      assert.equal(api.decode(SUCCEEDED).event_type, "connect_webview.login_succeeded");
      assert.equal(api.verify(SUCCEEDED, headers, secret).event_type, "connect_webview.login_succeeded");
      assert.equal(api.decodeBatch(`${FAILED.replaceAll("\n", "")}\n{`).length, 2);
      assert.deepEqual(issuesOf(FAILED.replace("00000000-0000-0000-0000-000000000000", "x")), [["invalid_uuid", "/connect_webview_id"]]);
    }
  });
}
