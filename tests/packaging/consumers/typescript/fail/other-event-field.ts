// expect: error TS2339: Property 'access_code_id' does not exist on type 'DeviceConnectedEvent'.
import { decode } from "connect-webview-events";

const event = decode("{}");
if (event.event_type === "device.connected") console.log(event.access_code_id); // a field of access_code.* events
