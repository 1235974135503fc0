# workerd serve config.capnp --socket-addr http=127.0.0.1:<port>
# dist/worker.js is index.js bundled with esbuild as wrangler does (conditions
# workerd, worker, browser); the package's .wasm stays an import beside it,
# which workerd compiles before the Worker starts, as Cloudflare does.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .webhooks)],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);

const webhooks :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "connect_webview_events_bg.wasm", wasm = embed "dist/connect_webview_events_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  bindings = [(name = "SEAM_WEBHOOK_SECRET", text = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")],
);
