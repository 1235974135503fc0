// What the shared cases need from Node: node:test, node:assert, the fixtures
// (and catalogue/events.json, which scripts/test-package.sh copies beside them),
// Buffer as the byte payload (a Buffer is the Uint8Array Node users have), and
// another realm (node:vm).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { runInNewContext } from "node:vm";

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");

export const host = {
  test,
  assert,
  fixtures: {
    SUCCEEDED: fixture("login_succeeded"),
    FAILED: fixture("login_failed"),
    WITH_METADATA: fixture("login_succeeded_with_metadata"),
    SIGNATURE_HEADERS: JSON.parse(fixture("signature_headers")),
    DATE_TIMES: JSON.parse(fixture("date_times")),
    DECODE_ERRORS: JSON.parse(fixture("decode_errors")),
    CATALOGUE: JSON.parse(readFileSync(new URL("./catalogue/events.json", import.meta.url), "utf8")),
  },
  bytesOf: (text) => Buffer.from(text),
  /** The value of a script run in a realm of its own (its own Date, Object, ...). */
  otherRealm: (source) => runInNewContext(source),
};
