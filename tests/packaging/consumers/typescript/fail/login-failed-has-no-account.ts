// expect: error TS2339: Property 'connected_account_id' does not exist on type 'ConnectWebviewLoginFailedEvent'.
import { decode } from "connect-webview-events";

const event = decode("{}");
if (event.event_type === "connect_webview.login_failed") console.log(event.connected_account_id);
