// Node only: date-times judged by the reference itself. Each string goes into
// created_at (and occurred_at) of the login_failed fixture, and our verdict
// (valid, or exactly invalid_datetime at that field) must be zod's: the zod
// schemas of @seamapi/types (its .datetime(), whose seconds are optional and
// whose fraction needs seconds), resolved from the repository's node_modules.
import * as api from "connect-webview-events";
import { schemas } from "@seamapi/types/connect";
import { host } from "./node-host.mjs";

const { test, assert, fixtures } = host;

// [value, valid]: `valid` is what zod says; the test checks that too, so a
// change of zod's rule shows here first.
const TABLE = [
  // Seconds are optional.
  ["2025-01-01T00:00Z", true],
  ["2024-02-29T23:59Z", true],
  ["2000-02-29T12:00Z", true],
  ["0400-02-29T00:00Z", true],
  ["0000-02-29T00:00Z", true],
  ["9999-12-31T23:59Z", true],
  ["2025-04-30T00:00Z", true],
  ["2025-01-01T00:00:00Z", true],
  ["2025-01-01T00:00:00.000Z", true],
  ["2025-01-01T00:00:00.5Z", true],
  ["2025-12-31T23:59:59.123456789Z", true],
  ["2025-06-14T09:21:37.482Z", true],
  // A fraction only after seconds.
  ["2025-01-01T00:00.5Z", false],
  ["2025-01-01T00:00.000Z", false],
  ["2025-01-01T00:00.Z", false],
  ["2025-01-01T00:00:00.Z", false],
  // The calendar, without seconds.
  ["2023-02-29T23:59Z", false],
  ["1900-02-29T00:00Z", false],
  ["2100-02-29T00:00Z", false],
  ["2024-02-30T00:00Z", false],
  ["2025-04-31T00:00Z", false],
  ["2025-13-01T00:00Z", false],
  ["2025-00-01T00:00Z", false],
  ["2025-01-00T00:00Z", false],
  ["2025-01-32T00:00Z", false],
  ["2025-01-01T24:00Z", false],
  ["2025-01-01T00:60Z", false],
  ["2025-01-01T00:00:60Z", false],
  // Shapes.
  ["2025-01-01T0:00Z", false],
  ["2025-01-01T00:0Z", false],
  ["2025-01-01T00Z", false],
  ["2025-01-01T00:00:0Z", false],
  ["2025-01-01T00:00", false],
  ["2025-01-01T00:00+01:00", false],
  ["2025-01-01T00:00:00+01:00", false],
  ["2025-01-01T00:00-05:00", false],
  ["2025-01-01T00:00z", false],
  ["2025-01-01t00:00Z", false],
  ["2025-01-01 00:00Z", false],
  ["2025-01-01T00:00ZZ", false],
  ["2025-01-01T00:00Z\n", false],
  ["+002025-01-01T00:00Z", false],
  ["2025-01-01", false],
  ["", false],
];

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
