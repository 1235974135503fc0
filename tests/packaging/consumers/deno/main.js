// deno run --node-modules-dir=manual main.js
import { decode, safeDecode } from "connect-webview-events";
import { loginFailed, loginSucceeded } from "./events.js";
import { probe } from "./probe.js";

console.log(decode(loginSucceeded).event_type); // "connect_webview.login_succeeded"
console.log(decode(loginFailed).event_type); // "connect_webview.login_failed"
const result = safeDecode('{"event_type": "device.teleported"}');
if (!result.success) console.log(result.error.issues[0].code); // "unknown_event_type"
console.log(JSON.stringify(probe()));
