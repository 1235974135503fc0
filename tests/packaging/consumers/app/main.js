// The app's entry, bundled by Vite (index.html) and by webpack (--entry
// ./main.js): decodes on the main thread and in a module worker, renders both
// into the page, and leaves them on window.__results for the test.
import { safeDecode } from "connect-webview-events";
import { invalidEvent, loginFailed } from "./events.js";
import { probe } from "./probe.js";

const show = (/** @type {string} */ id, /** @type {unknown} */ value) => {
  document.getElementById(id).textContent = JSON.stringify(value);
};

try {
  show("main", probe());
} catch (error) {
  show("main", String(error?.stack ?? error));
}

const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const replies = [];
worker.onmessage = ({ data }) => {
  replies.push(data);
  if (replies.length === 1) {
    // The worker's first message says it has loaded; now ask it to decode.
    worker.postMessage(loginFailed);
    worker.postMessage(invalidEvent);
  } else if (replies.length === 3) {
    show("worker", replies);
    const text = (/** @type {string} */ id) => JSON.parse(document.getElementById(id).textContent);
    window.__results = { main: text("main"), worker: text("worker"), here: safeDecode(loginFailed).success };
  }
};
worker.onerror = (event) => {
  window.__results = { error: `worker: ${event.message}` };
};
