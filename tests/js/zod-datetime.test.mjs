// Node only: date-times judged by the reference itself. Each string goes into
// created_at (and occurred_at) of the login_failed fixture, and our verdict
// (valid, or exactly invalid_datetime at that field) must be zod's: the zod
// schemas of @seamapi/types (its .datetime(), whose seconds are optional and
// whose fraction needs seconds), resolved from the repository's node_modules.
import * as api from "connect-webview-events";
import { schemas } from "@seamapi/types/connect";
import { host } from "./node-host.mjs";

const { test, assert, fixtures } = host;

// [value, valid], from tests/fixtures/date_times.json, which the Rust and
// JavaScript tables decode too: `valid` is what zod must say, so a change of
// zod's rule shows here first, and every table is held to zod through it.
const TABLE = [
  ...fixtures.DATE_TIMES.valid.map((value) => [value, true]),
  ...fixtures.DATE_TIMES.invalid.map((value) => [value, false]),
];
assert.ok(TABLE.length >= 40);

/** zod's verdict: true, or the paths of its issues (each a failed .datetime()). */
function zodVerdict(text) {
  const result = schemas.seam_event.safeParse(JSON.parse(text));
  if (result.success) return true;
  for (const issue of result.error.issues) {
    assert.deepEqual([issue.code, issue.validation], ["invalid_string", "datetime"], `${text}: ${issue.message}`);
  }
  return result.error.issues.map((issue) => issue.path);
}

/** Our verdict, in the same terms: true, or the paths of our issues as zod spells them. */
function ourVerdict(text) {
  const result = api.safeDecode(text);
  if (result.success) return true;
  for (const issue of result.error.issues) assert.equal(issue.code, "invalid_datetime", `${text}: ${issue.message}`);
  return result.error.issues.map((issue) => issue.path.split("/").slice(1));
}

test("zod: the login_failed fixture is valid for both", () => {
  assert.equal(zodVerdict(fixtures.FAILED), true);
  assert.equal(ourVerdict(fixtures.FAILED), true);
});

for (const field of ["created_at", "occurred_at"]) {
  test(`zod: a date-time in ${field} is valid for us exactly when zod's .datetime() says so`, () => {
    for (const [value, valid] of TABLE) {
      const event = JSON.parse(fixtures.FAILED);
      event[field] = value;
      const text = JSON.stringify(event);
      const expected = valid || [[field]];
      assert.deepEqual(zodVerdict(text), expected, `zod on ${JSON.stringify(value)}`);
      assert.deepEqual(ourVerdict(text), expected, `ours on ${JSON.stringify(value)}`);
    }
  });
}
