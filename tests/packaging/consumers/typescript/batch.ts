// decodeBatch, exported at run time: its types.
import { decodeBatch } from "connect-webview-events";

export function eventTypes(ndjson: string): string[] {
  return decodeBatch(ndjson).map((result) => (result.success ? result.data.event_type : `line ${result.line}: ${result.error.issues[0].code}`));
}
