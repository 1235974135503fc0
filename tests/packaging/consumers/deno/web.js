// No package.json resolution and no permission at all: the browser build, by path.
import { decode } from "./node_modules/connect-webview-events/dist/web.js";
import { loginFailed } from "./events.js";

console.log(decode(loginFailed).event_type);
