// expect: error TS2322: Type '"solar"' is not assignable to type '"critical" | "full" | "good" | "low"'.
import { decode } from "connect-webview-events";

const event = decode("{}");
if (event.event_type === "device.battery_status_changed") event.battery_status = "solar"; // critical, low, good or full
