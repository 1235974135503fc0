// expect: error TS2322: Type 'number' is not assignable to type 'Date'.
import { ConnectWebviewWebhook } from "connect-webview-events";

const webhook = new ConnectWebviewWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
webhook.verify("{}", {}, { now: 1700000000 });
