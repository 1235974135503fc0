// expect: error TS2540: Cannot assign to 'issues' because it is a read-only property.
import { DecodeError } from "connect-webview-events";

export function clear(error: DecodeError): void {
  error.issues = [];
}
