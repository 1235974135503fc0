// The contract through `import`, as an ES-module app sees it.
import * as api from "connect-webview-events";
import { contractCases } from "./cases.mjs";
import { hostileCases } from "./hostile-cases.mjs";
import { host } from "./node-host.mjs";
import { webhookCases } from "./webhook-cases.mjs";

contractCases(api, "import", host);
hostileCases(api, "import", host);
webhookCases(api, "import", host);
