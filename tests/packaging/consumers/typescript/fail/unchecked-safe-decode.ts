// expect: error TS18048: 'result.data' is possibly 'undefined'.
import { safeDecode } from "connect-webview-events";

const result = safeDecode("{}");
console.log(result.data.event_type); // success not checked
