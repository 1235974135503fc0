// `require` from a file compiled as CommonJS (module commonjs): the
// `require` condition, so index.d.cts.
import events = require("connect-webview-events");

export function eventType(body: string): events.SeamEventType {
  return events.decode(body).event_type;
}
