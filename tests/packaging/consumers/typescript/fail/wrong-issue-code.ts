// expect: error TS2367: This comparison appears to be unintentional because the types 'IssueCode' and '"missing"' have no overlap.
import { DecodeError } from "connect-webview-events";

export function isMissing(error: DecodeError): boolean {
  return error.issues.some((issue) => issue.code === "missing"); // it is "missing_field"
}
