// vite.config.js: nothing for WebAssembly. Only workers need a setting: Vite
// bundles them as classic scripts (format "iife") unless told otherwise, and
// the package's browser build uses top-level await, which needs ES modules.
export default {
  worker: { format: "es" },
};
