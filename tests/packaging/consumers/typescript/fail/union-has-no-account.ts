// expect: error TS2339: Property 'connected_account_id' does not exist on type 'SeamEvent'.
import { decode } from "connect-webview-events";

console.log(decode("{}").connected_account_id); // not narrowed: login_failed, access_grant.* and others have none
