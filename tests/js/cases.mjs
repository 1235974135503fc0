// The contract of js-api.md as test cases, one body for every runtime: Node
// runs it against the packed and installed package through `import` and
// `require` (node:test, node:assert), and tests/browser/ runs it against
// dist/web.js in Chromium and Firefox (a small harness with the same API).
//
// `api` is the package's module object; `host` brings the runtime's pieces:
// `{ test, assert, fixtures: { SUCCEEDED, FAILED, WITH_METADATA, ... }, bytesOf }`
// (CATALOGUE is catalogue/events.json),
// where `bytesOf(text)` gives a Node Buffer in Node, a Uint8Array elsewhere.

const utf8Length = (text) => new TextEncoder().encode(text).length;

/** `text` as JSON with `field` set to `value` (removed when `value` is undefined). */
function withField(text, field, value) {
  const object = JSON.parse(text);
  if (value === undefined) delete object[field];
  else object[field] = value;
  return JSON.stringify(object);
}

/** @returns {{code: string, path: string}[]} */
function codesAndPaths(api, assert, payload, options) {
  const result = api.safeDecode(payload, options);
  assert.equal(result.success, false, `expected issues for ${String(payload).slice(0, 60)}`);
  return result.error.issues.map(({ code, path }) => ({ code, path }));
}

function assertIssues(api, assert, payload, expected, options) {
  assert.deepEqual(codesAndPaths(api, assert, payload, options), expected.map(([code, path]) => ({ code, path })));
  // decode throws the same, as a DecodeError.
  assert.throws(() => api.decode(payload, options), (error) => {
    assert.ok(error instanceof api.DecodeError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "DecodeError");
    assert.deepEqual(error.issues.map(({ code, path }) => [code, path]), expected);
    return true;
  });
}

/**
 * How an unknown event type's message names the catalogue the package was
 * built from (catalogue/events.json): "the 109 event types of
 * @seamapi/types 1.977.0" at that version of the reference.
 */
function catalogueWords({ reference, events }) {
  return `the ${events.length} event types of ${reference.package} ${reference.version}`;
}

export function contractCases(api, via, { test, assert, fixtures, bytesOf }) {
  const { SUCCEEDED, FAILED, WITH_METADATA } = fixtures;
  const catalogue = catalogueWords(fixtures.CATALOGUE);

  test(`${via}: exports every name of the contract`, () => {
    const names = ["decode", "safeDecode", "decodeBatch", "DecodeError", "verify", "sign", "ConnectWebviewWebhook", "WebhookVerificationError", "signatureHeaders"];
    for (const name of names) assert.equal(typeof api[name], "function", name);
    assert.equal(api.DEFAULT_MAX_BYTES, 1048576);
  });

  test(`${via}: the spec's examples decode to JSON.parse of their text, from every payload form`, () => {
    for (const text of [SUCCEEDED, FAILED, WITH_METADATA]) {
      const expected = JSON.parse(text);
      const bytes = new TextEncoder().encode(text);
      for (const payload of [text, bytesOf(text), bytes, bytes.buffer, JSON.parse(text)]) {
        const event = api.decode(payload);
        assert.deepEqual(event, expected);
        assert.equal(Object.getPrototypeOf(event), Object.prototype);
      }
    }
    assert.equal(api.decode(SUCCEEDED).event_type, "connect_webview.login_succeeded");
    assert.equal(api.decode(FAILED).event_type, "connect_webview.login_failed");
  });

  test(`${via}: a decoded plain object is a fresh copy`, () => {
    const input = JSON.parse(WITH_METADATA);
    const event = api.decode(input);
    assert.notEqual(event, input);
    assert.notEqual(event.connected_account_custom_metadata, input.connected_account_custom_metadata);
  });

  test(`${via}: safeDecode returns success or a DecodeError, zod style`, () => {
    const ok = api.safeDecode(FAILED);
    assert.equal(ok.success, true);
    assert.deepEqual(ok.data, JSON.parse(FAILED));
    const bad = api.safeDecode("{");
    assert.equal(bad.success, false);
    assert.ok(bad.error instanceof api.DecodeError);
  });

  test(`${via}: DecodeError collects every issue and summarises them`, () => {
    const text = JSON.stringify({ event_type: "connect_webview.login_failed", event_id: "x", created_at: "2025-02-29T00:00:00Z" });
    const { error } = api.safeDecode(text);
    assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [
      ["invalid_uuid", "/event_id"],
      ["invalid_datetime", "/created_at"],
      ["missing_field", "/connect_webview_id"],
      ["missing_field", "/occurred_at"],
      ["missing_field", "/workspace_id"],
    ]);
    assert.equal(
      error.message,
      'invalid Seam event: /event_id: expected a UUID like 00000000-0000-0000-0000-000000000000, found "x": it has 1 characters, not 36 (invalid_uuid), and 4 more issues',
    );
    assert.equal(error.issues[1].message, 'expected a date-time like 2025-01-01T00:00:00.000Z, found "2025-02-29T00:00:00Z": February 2025 has no day 29');
    assert.deepEqual(JSON.parse(JSON.stringify(error)).issues, error.issues);
  });

  test(`${via}: a DecodeError as JSON is what the Rust crate serialises (tests/fixtures/decode_errors.json)`, () => {
    for (const { input, json } of fixtures.DECODE_ERRORS.cases) {
      const result = api.safeDecode(input);
      assert.equal(result.success, false, input);
      assert.equal(JSON.stringify(result.error), json.replaceAll("{catalogue}", catalogue), input);
    }
  });

  test(`${via}: each rule of the spec gives its code and path`, () => {
    const table = [
      [withField(SUCCEEDED, "event_id", "00000000000000000000000000000000"), "invalid_uuid", "/event_id"],
      [withField(SUCCEEDED, "workspace_id", "{00000000-0000-0000-0000-000000000000}"), "invalid_uuid", "/workspace_id"],
      [withField(SUCCEEDED, "connected_account_id", "urn:uuid:00000000-0000-0000-0000-000000000000"), "invalid_uuid", "/connected_account_id"],
      [withField(SUCCEEDED, "connect_webview_id", "00000000-0000-0000-0000-00000000000g"), "invalid_uuid", "/connect_webview_id"],
      [withField(SUCCEEDED, "created_at", "2025-01-01T00:00:00+01:00"), "invalid_datetime", "/created_at"],
      [withField(SUCCEEDED, "occurred_at", "2023-02-29T00:00:00Z"), "invalid_datetime", "/occurred_at"],
      [withField(SUCCEEDED, "occurred_at", "2025-01-01 00:00:00Z"), "invalid_datetime", "/occurred_at"],
      [withField(SUCCEEDED, "customer_key", 42), "invalid_type", "/customer_key"],
      [withField(SUCCEEDED, "event_description", null), "invalid_type", "/event_description"],
      [withField(SUCCEEDED, "connected_account_custom_metadata", []), "invalid_type", "/connected_account_custom_metadata"],
      [withField(SUCCEEDED, "connected_account_custom_metadata", { "a/b": 1 }), "invalid_type", "/connected_account_custom_metadata/a~1b"],
      [withField(SUCCEEDED, "connected_account_id", undefined), "missing_field", "/connected_account_id"],
      [withField(FAILED, "event_type", undefined), "missing_field", "/event_type"],
      [withField(FAILED, "event_type", "device.teleported"), "unknown_event_type", "/event_type"],
      [withField(FAILED, "event_type", ["connect_webview.login_failed"]), "invalid_type", "/event_type"],
      [FAILED.replace("{", '{"event_id": "00000000-0000-0000-0000-000000000000",'), "duplicate_field", "/event_id"],
      ["[]", "invalid_type", ""],
      ["null", "invalid_type", ""],
    ];
    for (const [text, code, path] of table) {
      assertIssues(api, assert, text, [[code, path]]);
      assertIssues(api, assert, bytesOf(text), [[code, path]]);
    }
  });

  test(`${via}: date-times follow zod's .datetime(): seconds optional, a fraction only after seconds`, () => {
    // The table zod-datetime.test.mjs holds to zod itself.
    const { valid, invalid } = fixtures.DATE_TIMES;
    assert.ok(valid.length >= 10 && invalid.length >= 30);
    for (const value of valid) {
      for (const field of ["created_at", "occurred_at"]) {
        for (const base of [SUCCEEDED, FAILED]) {
          const text = withField(base, field, value);
          assert.deepEqual(api.decode(text), JSON.parse(text), `${field}: ${value}`);
          assert.deepEqual(api.decode(bytesOf(text), { strict: true }), JSON.parse(text), `${field}: ${value}`);
        }
      }
    }
    for (const value of invalid) {
      for (const field of ["created_at", "occurred_at"]) {
        const text = withField(FAILED, field, value);
        assertIssues(api, assert, text, [["invalid_datetime", `/${field}`]]);
        assertIssues(api, assert, bytesOf(text), [["invalid_datetime", `/${field}`]]);
        assertIssues(api, assert, JSON.parse(text), [["invalid_datetime", `/${field}`]]);
      }
    }
    const { error } = api.safeDecode(withField(FAILED, "created_at", "2025-01-01T00:00.5Z"));
    assert.equal(
      error.issues[0].message,
      `expected a date-time like 2025-01-01T00:00:00.000Z, found "2025-01-01T00:00.5Z": expected ':' or 'Z' at index 16, found '.' (a fraction is allowed only after seconds)`,
    );
  });

  test(`${via}: other event types are named in the message`, () => {
    const { error } = api.safeDecode(withField(FAILED, "event_type", "lock.teleported"));
    assert.equal(error.issues[0].message, `expected one of ${catalogue}, found "lock.teleported"`);
    assert.equal(error.issues.length, 1);
  });

  test(`${via}: syntax errors have a 1-based line and column`, () => {
    const table = [
      ["", 1, 1],
      ['{\n  "event_id": 1,\n}', 3, 1],
      ['{"a" 1}', 1, 6],
      ["{\"é\": tru}", 1, 10],
      ["\uFEFF{}", 1, 1],
    ];
    for (const [text, line, column] of table) {
      const [issue] = api.safeDecode(text).error.issues;
      assert.deepEqual([issue.code, issue.path, issue.line, issue.column], ["invalid_json", "", line, column], text);
    }
  });

  test(`${via}: invalid UTF-8 bytes and lone surrogates give invalid_utf8 with a position`, () => {
    const bytes = Uint8Array.from([...bytesOf('{\n "customer_key": "'), 0xff, ...bytesOf('"}')]);
    const [issue] = api.safeDecode(bytes).error.issues;
    assert.deepEqual([issue.code, issue.path, issue.line, issue.column], ["invalid_utf8", "", 2, 19]);
    const lone = api.safeDecode('{"customer_key": "\uD800"}').error.issues[0];
    assert.deepEqual([lone.code, lone.path, lone.line, lone.column], ["invalid_utf8", "", 1, 19]);
    // Columns count characters: the emoji before it is one.
    const afterEmoji = api.safeDecode('{"customer_key": "\u{1F600}\uD800"}').error.issues[0];
    assert.deepEqual([afterEmoji.line, afterEmoji.column], [1, 20]);
    assertIssues(api, assert, { ...JSON.parse(FAILED), customer_key: "\uDC00" }, [["invalid_utf8", "/customer_key"]]);
    assertIssues(api, assert, { ...JSON.parse(FAILED), ["\uD800x"]: 1 }, [["invalid_utf8", "/\uD800x"]]);
  });

  test(`${via}: values that are not a JSON payload give invalid_input`, () => {
    const values = [undefined, null, 0, 1.5, NaN, true, 10n, Symbol("x"), () => 1, [], [SUCCEEDED], new Map(), new Set(),
      new Date(), /x/, new Uint16Array(2), new DataView(new ArrayBuffer(2)), Promise.resolve(), new (class Event {})(),
      new String(SUCCEEDED), new Error("x")];
    for (const value of values) assertIssues(api, assert, value, [["invalid_input", ""]]);
  });

  test(`${via}: plain objects holding non-JSON values name the value's path`, () => {
    const event = JSON.parse(WITH_METADATA);
    const table = [
      [{ ...event, customer_key: 1n }, "/customer_key"],
      [{ ...event, hint: NaN }, "/hint"],
      [{ ...event, hint: [1, Infinity] }, "/hint/1"],
      [{ ...event, connected_account_custom_metadata: { "a~b": new Map() } }, "/connected_account_custom_metadata/a~0b"],
      [{ ...event, hint: Symbol("s") }, "/hint"],
      [{ ...event, hint: () => 1 }, "/hint"],
      [{ ...event, created_at: new Date(0) }, "/created_at"],
    ];
    for (const [payload, path] of table) assertIssues(api, assert, payload, [["invalid_input", path]]);
    // An undefined property counts as absent, as in JSON.stringify.
    const expected = JSON.parse(WITH_METADATA);
    delete expected.customer_key;
    assert.deepEqual(api.decode({ ...event, customer_key: undefined }), expected);
  });

  test(`${via}: cycles, deep nesting and throwing getters are invalid_input, not a crash`, () => {
    const cyclic = JSON.parse(FAILED);
    cyclic.self = cyclic;
    assert.equal(codesAndPaths(api, assert, cyclic)[0].code, "invalid_input");
    let deep = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    assert.equal(codesAndPaths(api, assert, deep)[0].code, "invalid_input");
    const getter = { ...JSON.parse(FAILED), get hint() { throw new Error("boom"); } };
    const issues = api.safeDecode(getter).error.issues;
    assert.deepEqual([issues[0].code, issues[0].path], ["invalid_input", ""]);
    assert.match(issues[0].message, /boom/);
  });

  test(`${via}: deeply nested JSON text is invalid_json`, () => {
    for (const text of ["[".repeat(100_000), '{"a":'.repeat(100_000), `{"hint": ${"[".repeat(200)}${"]".repeat(200)}}`]) {
      const [issue] = codesAndPaths(api, assert, text);
      assert.deepEqual(issue, { code: "invalid_json", path: "" });
    }
  });

  test(`${via}: multi-megabyte payloads are refused before copying, or decoded when allowed`, () => {
    const huge = withField(SUCCEEDED, "customer_key", "x".repeat(5 << 20));
    assertIssues(api, assert, huge, [["payload_too_large", ""]]);
    assertIssues(api, assert, bytesOf(huge), [["payload_too_large", ""]]);
    assertIssues(api, assert, JSON.parse(huge), [["payload_too_large", ""]]);
    assert.equal(api.decode(huge, { maxBytes: 6 << 20 }).customer_key.length, 5 << 20);
    // The limit counts UTF-8 bytes: 3 bytes per "€".
    const euros = withField(FAILED, "event_description", "€".repeat(1000));
    assert.doesNotThrow(() => api.decode(euros, { maxBytes: utf8Length(euros) }));
    assertIssues(api, assert, euros, [["payload_too_large", ""]], { maxBytes: utf8Length(euros) - 1 });
    assertIssues(api, assert, bytesOf(euros), [["payload_too_large", ""]], { maxBytes: utf8Length(euros) - 1 });
  });

  test(`${via}: __proto__ and constructor keys arrive as own data properties`, () => {
    const text = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ' +
      SUCCEEDED.trim().slice(1).replace('"connected_account_custom_metadata": {}',
        '"connected_account_custom_metadata": {"__proto__": "x", "constructor": true, "prototype": "y"}');
    for (const payload of [text, bytesOf(text), JSON.parse(text)]) {
      const event = api.decode(payload);
      assert.equal(Object.getPrototypeOf(event), Object.prototype);
      assert.ok(Object.hasOwn(event, "__proto__"));
      assert.deepEqual(event["__proto__"], { polluted: true });
      assert.deepEqual(Object.getOwnPropertyDescriptor(event, "constructor").value, { prototype: { polluted: true } });
      const metadata = event.connected_account_custom_metadata;
      assert.deepEqual(Object.keys(metadata), ["__proto__", "constructor", "prototype"]);
      assert.equal(Object.getOwnPropertyDescriptor(metadata, "__proto__").value, "x");
      assert.equal(Object.getPrototypeOf(metadata), Object.prototype);
      assert.equal({}.polluted, undefined);
      assert.equal(Object.prototype.polluted, undefined);
    }
  });

  test(`${via}: unknown fields are kept; strict mode reports them`, () => {
    const text = withField(FAILED, "added_later", { nested: [1, "two", null] });
    assert.deepEqual(api.decode(text).added_later, { nested: [1, "two", null] });
    assertIssues(api, assert, text, [["unknown_field", "/added_later"]], { strict: true });
    assertIssues(api, assert, JSON.parse(WITH_METADATA), [["unknown_field", "/hint"]], { strict: true });
    assert.doesNotThrow(() => api.decode(SUCCEEDED, { strict: true }));
  });

  test(`${via}: the module keeps working after every kind of bad input`, () => {
    const bad = ["", "{", "[".repeat(100_000), Uint8Array.of(0xff, 0xfe), 1, null, Symbol(), "\uD800", "x".repeat(2 << 20)];
    for (let round = 0; round < 3; round++) {
      for (const payload of bad) {
        const result = api.safeDecode(payload);
        assert.equal(result.success, false);
        assert.ok(result.error instanceof api.DecodeError);
      }
      assert.equal(api.decode(SUCCEEDED).event_type, "connect_webview.login_succeeded");
    }
  });

  test(`${via}: malformed options are a TypeError, not a DecodeError`, () => {
    assert.throws(() => api.safeDecode(SUCCEEDED, "strict"), TypeError);
    assert.throws(() => api.decode(SUCCEEDED, { strict: null }), TypeError);
    assert.doesNotThrow(() => api.decode(SUCCEEDED, { maxBytes: Infinity }));
    // The message names a number given, and says what else was.
    for (const [maxBytes, found] of [[-1, "-1"], [1.5, "1.5"], [Number.NaN, "NaN"], [-Infinity, "-Infinity"], ["1", "a string"], [null, "null"]]) {
      const message = `options.maxBytes: expected a non-negative integer, found ${found}`;
      assert.throws(() => api.decode(SUCCEEDED, { maxBytes }), { name: "TypeError", message });
      assert.throws(() => api.decodeBatch(SUCCEEDED, { maxBatchBytes: maxBytes }), { name: "TypeError", message: message.replace("maxBytes", "maxBatchBytes") });
    }
    assert.throws(() => api.decode(SUCCEEDED, { strict: 1 }), { name: "TypeError", message: "options.strict: expected a boolean, found 1" });
    assert.throws(() => api.decode(SUCCEEDED, { strict: "yes" }), { name: "TypeError", message: "options.strict: expected a boolean, found a string" });
    // An array is not an options object; options that throw when read are
    // a TypeError naming the option, from decode, safeDecode and decodeBatch.
    const throwing = { get maxBytes() { throw new Error("boom"); } };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const run of [api.decode, api.safeDecode, api.decodeBatch]) {
      assert.throws(() => run(SUCCEEDED, []), { name: "TypeError", message: "options: expected an object, found an array" });
      assert.throws(() => run(SUCCEEDED, throwing), { name: "TypeError", message: "options.maxBytes: expected a value, but reading it threw: boom" });
      assert.throws(() => run(SUCCEEDED, revoked.proxy), (error) => error instanceof TypeError && error.message.startsWith("options: expected an object that can be read, but reading it threw: "));
      const proxy = new Proxy({}, { get: () => { throw new Error("trap"); } });
      assert.throws(() => run(SUCCEEDED, proxy), { name: "TypeError", message: "options.strict: expected a value, but reading it threw: trap" });
    }
    const batchThrowing = { get maxBatchBytes() { throw new Error("boom"); } };
    assert.throws(() => api.decodeBatch(SUCCEEDED, batchThrowing), { name: "TypeError", message: "options.maxBatchBytes: expected a value, but reading it threw: boom" });
    assert.throws(() => api.decodeBatch(SUCCEEDED, { maxBatchBytes: -1 }), TypeError);
    // A limit above what one call takes into wasm (tests/memory/limits.test.mjs) is that limit.
    assert.equal(api.safeDecode(SUCCEEDED, { maxBytes: 2 ** 40 }).success, true);
  });

  test(`${via}: decodeBatch reads NDJSON: one result per event, blank lines skipped, with index and line`, () => {
    const one = (text) => JSON.stringify(JSON.parse(text));
    const input = `${one(SUCCEEDED)}\r\n\n  \n{"event_type": "device.teleported"}\n{"a": }\n${one(FAILED)}\n`;
    for (const payload of [input, bytesOf(input)]) {
      const results = api.decodeBatch(payload);
      assert.deepEqual(results.map((r) => [r.index, r.line, r.success]), [[0, 1, true], [1, 4, false], [2, 5, false], [3, 6, true]]);
      assert.deepEqual(results[0].data, JSON.parse(SUCCEEDED));
      assert.deepEqual(results[3].data, JSON.parse(FAILED));
      assert.ok(results[1].error instanceof api.DecodeError);
      assert.deepEqual(results[1].error.issues.map((i) => [i.code, i.path]), [["unknown_event_type", "/event_type"]]);
      const [syntax] = results[2].error.issues;
      assert.deepEqual([syntax.code, syntax.line, syntax.column], ["invalid_json", 5, 7]);
    }
    assert.deepEqual(api.decodeBatch(""), []);
    assert.deepEqual(api.decodeBatch("\n \n"), []);
  });

  test(`${via}: decodeBatch of millions of failing events is payload_too_large as a whole, and the instance decodes on`, () => {
    // 3 million one-byte lines: results past 64 MiB (src/wasm.rs), a string
    // longer than the engine makes. tests/memory/limits.test.mjs has larger ones.
    const lines = "x\n".repeat(3 << 20);
    for (const payload of [lines, bytesOf(lines)]) {
      assert.throws(
        () => api.decodeBatch(payload),
        (error) => {
          assert.ok(error instanceof api.DecodeError);
          assert.deepEqual(error.issues, [{ code: "payload_too_large", path: "", message: "expected a batch whose results take at most 64 MiB as JSON, found more: decode it in parts, fewer events a call" }]);
          return true;
        },
      );
    }
    assert.deepEqual(api.decode(FAILED), JSON.parse(FAILED));
  });

  test(`${via}: decodeBatch reads a JSON array, and strict and maxBytes apply to each event`, () => {
    const input = `[\n${SUCCEEDED.trim()},\n${WITH_METADATA.trim()}, 7]`;
    const results = api.decodeBatch(input);
    assert.deepEqual(results.map((r) => [r.index, r.success]), [[0, true], [1, true], [2, false]]);
    assert.deepEqual(results[1].data, JSON.parse(WITH_METADATA));
    assert.equal(results[1].line, 1 + SUCCEEDED.trim().split("\n").length + 1);
    assert.deepEqual(results[2].error.issues.map((i) => [i.code, i.path]), [["invalid_type", ""]]);
    const strict = api.decodeBatch(input, { strict: true });
    assert.deepEqual(strict[1].error.issues.map((i) => [i.code, i.path]), [["unknown_field", "/hint"]]);
    const small = api.decodeBatch(input, { maxBytes: FAILED.length });
    assert.deepEqual(small.map((r) => r.success || r.error.issues[0].code), ["payload_too_large", "payload_too_large", "invalid_type"]);
  });

  test(`${via}: decodeBatch reads NDJSON whose first line is a whole array: that line is not an event, the others decode`, () => {
    const one = (text) => JSON.stringify(JSON.parse(text));
    const input = `[1, 2]\n${one(SUCCEEDED)}\n[]\n${one(FAILED)}`;
    for (const payload of [input, bytesOf(input)]) {
      const results = api.decodeBatch(payload);
      assert.deepEqual(results.map((r) => [r.index, r.line, r.success]), [[0, 1, false], [1, 2, true], [2, 3, false], [3, 4, true]]);
      assert.deepEqual(results[0].error.issues.map((i) => [i.code, i.path]), [["invalid_type", ""]]);
      assert.deepEqual(results[1].data, JSON.parse(SUCCEEDED));
      assert.deepEqual(results[3].data, JSON.parse(FAILED));
    }
    // The same events as one array on one line, with nothing after it, are an array.
    const array = api.decodeBatch(`[${one(SUCCEEDED)}, ${one(FAILED)}]\n`);
    assert.deepEqual(array.map((r) => [r.index, r.line, r.success]), [[0, 1, true], [1, 1, true]]);
    assert.deepEqual(array[1].data, JSON.parse(FAILED));
  });

  test(`${via}: decodeBatch refuses a whole input only when it cannot read it`, () => {
    const whole = (input, options) => {
      const error = (() => {
        try {
          api.decodeBatch(input, options);
        } catch (error) {
          return error;
        }
      })();
      assert.ok(error instanceof api.DecodeError, `expected a DecodeError for ${String(input).slice(0, 40)}`);
      return error.issues.map((i) => [i.code, i.line]);
    };
    assert.deepEqual(whole("[\n{},\n"), [["invalid_json", 3]]);
    // A first line that is not a whole value: an array that breaks on line 2.
    assert.deepEqual(whole("[{},\n{} 1]\n{}"), [["invalid_json", 2]]);
    assert.deepEqual(whole(Uint8Array.of(0x7b, 0xff)), [["invalid_utf8", 1]]);
    assert.deepEqual(whole("{}\n\uD800"), [["invalid_utf8", 2]]);
    assert.deepEqual(whole(`${FAILED}\n${FAILED}`, { maxBatchBytes: 10 }), [["payload_too_large", undefined]]);
    for (const input of [undefined, 1, {}, [SUCCEEDED], null]) assert.deepEqual(whole(input), [["invalid_input", undefined]]);
  });

  test(`${via}: decodeBatch takes ten thousand events in one call`, () => {
    const line = JSON.stringify(JSON.parse(WITH_METADATA));
    const input = Array.from({ length: 10_000 }, (_, i) => (i % 1000 === 7 ? line.replace("acme", "\\u") : line)).join("\n");
    const results = api.decodeBatch(input);
    assert.equal(results.length, 10_000);
    assert.equal(results.filter((r) => !r.success).length, 10);
    assert.equal(results[7].error.issues[0].code, "invalid_json");
    assert.equal(results[9_999].data.connected_account_custom_metadata.vip, true);
    assert.ok(results.every((r, i) => r.index === i && r.line === i + 1), "every index and line, up to five digits");
  });
}
