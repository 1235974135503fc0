// The contract through `import`, as an ES-module app sees it.
import * as api from "connect-webview-events";
import { contractCases } from "./cases.mjs";
import { webhookCases } from "./webhook-cases.mjs";

contractCases(api, "import");
webhookCases(api, "import");
