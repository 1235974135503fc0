// A module worker: decodes what the page posts, off the main thread.
import { safeDecode } from "connect-webview-events";
import { probe } from "./probe.js";

self.onmessage = ({ data }) => {
  const result = safeDecode(data);
  self.postMessage(result.success ? result.data.event_type : result.error.issues.map((issue) => issue.code));
};

self.postMessage(probe());
