// expect: error TS2678: Type '"device.connected"' is not comparable to type '"connect_webview.login_failed" | "connect_webview.login_succeeded"'.
import type { ConnectWebviewEvent } from "connect-webview-events";

export function handle(event: ConnectWebviewEvent): void {
  switch (event.event_type) {
    case "device.connected": // a Seam event, but not a connect_webview one
      break;
  }
}
