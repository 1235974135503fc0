// expect: error TS2678: Type '"device.connected"' is not comparable to type '"connect_webview.login_failed" | "connect_webview.login_succeeded"'.
import { decode } from "connect-webview-events";

switch (decode("{}").event_type) {
  case "device.connected":
    break;
}
