//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! It exposes validation only. The JavaScript side (`pkg-template/src/`)
//! checks the byte limit before anything is copied in, then calls one of these
//! functions once; when the event is valid, the engine's own `JSON.parse`
//! builds the result object, so keys such as `__proto__` arrive as plain data
//! and no per-field calls cross the boundary.

use wasm_bindgen::prelude::*;

use crate::{DecodeError, DecodeOptions, VerifyError, Webhook, WebhookHeaders};

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

/// Checks the signature headers against the raw body. `names` and `values`
/// are the request's header pairs (any case, `svix-*` or `webhook-*`); `now`
/// is Unix seconds from the JavaScript clock. Returns `undefined` when the
/// request is authentic, else `{ code, message }`.
#[wasm_bindgen(js_name = verifySignature)]
pub fn verify_signature(
    body: &[u8],
    names: Vec<String>,
    values: Vec<String>,
    secret: &str,
    now: f64,
    tolerance_seconds: f64,
) -> JsValue {
    let pairs = names.iter().map(String::as_str).zip(values.iter().map(String::as_str));
    let outcome = WebhookHeaders::from_pairs(pairs).and_then(|headers| {
        // Float-to-integer casts saturate; the JavaScript side passes integers.
        let webhook = Webhook::new(secret)?.tolerance_seconds(tolerance_seconds as u64);
        webhook.verify_signature(body, &headers, now as i64)
    });
    verify_error_or_undefined(outcome.err())
}

/// `undefined` for a usable secret, else `{ code: "invalid_secret", message }`.
#[wasm_bindgen(js_name = checkSecret)]
pub fn check_secret(secret: &str) -> JsValue {
    verify_error_or_undefined(Webhook::new(secret).err())
}

/// The `v1,<base64>` signature of `body`, or `{ code, message }` for a bad secret.
#[wasm_bindgen]
pub fn sign(body: &[u8], id: &str, timestamp: f64, secret: &str) -> JsValue {
    match Webhook::new(secret) {
        Ok(webhook) => JsValue::from_str(&webhook.sign(id, timestamp as i64, body)),
        Err(error) => verify_error_or_undefined(Some(error)),
    }
}

fn verify_error_or_undefined(error: Option<VerifyError>) -> JsValue {
    let Some(error) = error else { return JsValue::UNDEFINED };
    let object = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &"code".into(), &error.code().as_str().into());
    let _ = js_sys::Reflect::set(&object, &"message".into(), &error.message().into());
    object.into()
}
