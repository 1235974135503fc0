// expect: error TS2741: Property 'secret' is missing in type '{ payload: string; }' but required in type 'SignArgs'.
import { sign } from "connect-webview-events";

sign({ payload: "{}" });
