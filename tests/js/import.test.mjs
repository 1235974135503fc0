// The contract through `import`, as an ES-module app sees it.
import * as api from "connect-webview-events";
import { contractCases } from "./cases.mjs";

contractCases(api, "import");
