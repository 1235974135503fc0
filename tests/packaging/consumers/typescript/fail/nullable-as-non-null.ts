// expect: error TS2322: Type 'number | null' is not assignable to type 'number'.
import { decode } from "connect-webview-events";

export function upperLimit(body: string): number {
  const event = decode(body);
  // Required but nullable: null when the thermostat has no upper limit.
  return event.event_type === "thermostat.temperature_threshold_exceeded" ? event.upper_limit_celsius : 0;
}
