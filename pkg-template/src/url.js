// @ts-check
// The URL rule in WebAssembly (src/rules.rs `is_url`): whether the engine's
// own WHATWG URL parser takes a string, which is zod's `.url()`. Imported by
// the wasm (src/wasm.rs, `#[wasm_bindgen(module = ...)]`), so that it is one
// function of ours and not `URL.canParse` itself.

/** A code unit beyond ASCII. */
const BEYOND_ASCII = /[^\x00-\x7f]/;

/**
 * Whether `new URL(text)` parses, as zod's `.url()` asks. `URL.canParse`
 * answers the same without making a URL, and it is used for ASCII text where
 * the engine has it (not before Chrome 120, Firefox 115 or Safari 17, which
 * the package supports). Not for other text: in Node 20 and 22, once V8 has
 * optimized the call (after a few thousand calls), it passes a string's
 * Latin-1 bytes to the parser as if they were UTF-8, and so refuses valid
 * text such as `https://bücher.de/` (Node 24 does not; see
 * tests/js/catalogue-oracle.test.mjs). ASCII is the same in both encodings.
 * @param {string} text
 */
export function urlParses(text) {
  if (typeof URL.canParse === "function" && !BEYOND_ASCII.test(text)) return URL.canParse(text);
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
