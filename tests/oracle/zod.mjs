// @ts-check
// The reference's verdict on a payload in our terms: the zod `seam_event` of
// @seamapi/types (resolved from the repository's node_modules, also from the
// consumer project under target/), its issues mapped to our codes as
// ../shared/spec/catalogue.md says ("Issues") and their paths to JSON
// Pointers. A zod issue this file does not know fails loudly.
import { schemas } from "@seamapi/types/connect";
import { pointer } from "./mutations.mjs";

/**
 * @typedef {{ code: string, path: string }} Issue
 * @typedef {{ ok: boolean, issues: Issue[] }} Verdict
 */

/** @type {Record<string, string>} */
const FORMAT_CODES = { uuid: "invalid_uuid", datetime: "invalid_datetime", url: "invalid_url" };

/**
 * Our code for one zod issue about `payload`.
 * @param {any} issue
 * @param {any} payload
 */
function codeOf(issue, payload) {
  switch (issue.code) {
    case "invalid_type":
      return issue.received === "undefined" ? "missing_field" : "invalid_type";
    case "invalid_union":
      return "invalid_type";
    case "invalid_string":
      if (Object.hasOwn(FORMAT_CODES, issue.validation)) return FORMAT_CODES[issue.validation];
      break;
    case "invalid_enum_value":
      return "invalid_enum";
    case "too_small":
    case "too_big":
      if (issue.type === "number") return "out_of_range";
      break;
    case "invalid_union_discriminator": {
      const eventType = payload?.event_type;
      if (eventType === undefined) return "missing_field";
      return typeof eventType === "string" ? "unknown_event_type" : "invalid_type";
    }
  }
  throw new Error(`zod issue the oracle does not map: ${JSON.stringify(issue)}`);
}

/**
 * zod's verdict on `payload` (a JSON value), deduplicated: one entry per
 * (code, path), in zod's order.
 * @param {any} payload
 * @returns {Verdict}
 */
export function zodVerdict(payload) {
  const result = schemas.seam_event.safeParse(payload);
  if (result.success) return { ok: true, issues: [] };
  const seen = new Set();
  const issues = [];
  for (const issue of result.error.issues) {
    const mapped = { code: codeOf(issue, payload), path: pointer(issue.path) };
    const key = `${mapped.code} ${mapped.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(mapped);
  }
  return { ok: false, issues };
}

/** The (code, path) pairs of issues as sorted strings, for comparing sets. */
export const issueSet = (/** @type {Issue[]} */ issues) => [...new Set(issues.map((i) => `${i.code} ${i.path}`))].sort();
