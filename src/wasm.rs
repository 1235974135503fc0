//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! It exposes validation only. The JavaScript side (`pkg-template/src/`)
//! checks the byte limit before anything is copied in, then calls one of these
//! functions once; when the event is valid, the engine's own `JSON.parse`
//! builds the result object, so keys such as `__proto__` arrive as plain data
//! and no per-field calls cross the boundary.

use wasm_bindgen::prelude::*;

use crate::{DecodeError, DecodeOptions};

/// Installs the panic hook, so that a bug would at least say where it was.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Validates JSON text. Returns `undefined` when it is a valid event, else
/// the array of issues (`{ code, path, message, line?, column? }`).
#[wasm_bindgen(js_name = validateText)]
pub fn validate_text(text: &str, strict: bool) -> JsValue {
    issues_or_undefined(options(strict).validate(text).err())
}

/// Validates UTF-8 bytes, such as a raw request body. Same result as
/// [`validate_text`], with `invalid_utf8` for bytes that are not UTF-8.
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes(bytes: &[u8], strict: bool) -> JsValue {
    issues_or_undefined(options(strict).validate_slice(bytes).err())
}

/// The JavaScript side has already enforced `maxBytes` without copying.
fn options(strict: bool) -> DecodeOptions {
    DecodeOptions::new().strict(strict).max_bytes(usize::MAX)
}

fn issues_or_undefined(error: Option<DecodeError>) -> JsValue {
    match error {
        None => JsValue::UNDEFINED,
        // Issues hold only strings and integers, which always serialise.
        Some(error) => serde_wasm_bindgen::to_value(error.issues()).unwrap_or(JsValue::NULL),
    }
}
