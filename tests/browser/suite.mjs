// The shared JavaScript cases in a browser, against the package's browser
// build (pkg/dist/web.js). Bundled by run.test.mjs; the results are left in
// window.__results for the WebDriver runner to collect.
import * as api from "../../pkg/dist/web.js";
import { contractCases } from "../js/cases.mjs";
import { hostileCases } from "../js/hostile-cases.mjs";
import { webhookCases } from "../js/webhook-cases.mjs";
import FAILED from "../fixtures/login_failed.json";
import SUCCEEDED from "../fixtures/login_succeeded.json";
import WITH_METADATA from "../fixtures/login_succeeded_with_metadata.json";
import SIGNATURE_HEADERS from "../fixtures/signature_headers.json";
import DATE_TIMES from "../fixtures/date_times.json";
import DECODE_ERRORS from "../fixtures/decode_errors.json";
import CATALOGUE from "../../catalogue/events.json";
import * as assert from "./assert.mjs";

const tests = [];
const host = {
  test: (name, fn) => tests.push({ name, fn }),
  assert,
  fixtures: { SUCCEEDED, FAILED, WITH_METADATA, SIGNATURE_HEADERS: JSON.parse(SIGNATURE_HEADERS), DATE_TIMES: JSON.parse(DATE_TIMES), DECODE_ERRORS: JSON.parse(DECODE_ERRORS), CATALOGUE: JSON.parse(CATALOGUE) },
  bytesOf: (text) => new TextEncoder().encode(text),
  /** The value of a script run in a realm of its own: an iframe's window. */
  otherRealm: (source) => {
    const frame = document.createElement("iframe");
    document.body.append(frame);
    try {
      return frame.contentWindow.eval(source);
    } finally {
      frame.remove();
    }
  },
};
contractCases(api, "web.js", host);
hostileCases(api, "web.js", host);
webhookCases(api, "web.js", host);

const results = [];
for (const { name, fn } of tests) {
  try {
    await fn();
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, error: `${error?.name}: ${error?.message}\n${error?.stack ?? ""}` });
  }
}
window.__results = results;
