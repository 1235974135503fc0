//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! It exposes validation only. The JavaScript side (`pkg-template/src/`)
//! checks the byte limit before anything is copied in, then calls one of these
//! functions once; when the event is valid, the engine's own `JSON.parse`
//! builds the result object, so keys such as `__proto__` arrive as plain data
//! and no per-field calls cross the boundary.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{BatchItem, BatchOptions, DecodeError, DecodeOptions, EventType, VerifyError, Webhook, WebhookHeaders};

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
        Some(error) => to_js(error.issues()),
    }
}

/// Checks the signature headers against the raw body. `headers` holds the
/// request's header names and values, one per line, name then value (HTTP
/// header names and values never hold a line break); names in any case,
/// `svix-*` or `webhook-*`. `now` is Unix seconds from the JavaScript clock.
/// Returns `undefined` when the request is authentic, else `{ code, message }`.
#[wasm_bindgen(js_name = verifySignature)]
pub fn verify_signature(body: &[u8], headers: &str, secret: &str, now: f64, tolerance_seconds: f64) -> JsValue {
    let mut lines = headers.split('\n');
    let pairs = std::iter::from_fn(|| Some((lines.next()?, lines.next()?)));
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
    set(&object, "code", error.code().as_str().into());
    set(&object, "message", error.message().into());
    object.into()
}

/// Validates a batch (NDJSON or a JSON array) in one call. Returns
/// `{ lines: Uint32Array, failures: [{ index, issues }] }`, one line number per
/// event, or `{ issues }` when the input as a whole is refused.
#[wasm_bindgen(js_name = validateBatchText)]
pub fn validate_batch_text(input: &str, strict: bool, max_bytes: f64, max_batch_bytes: f64) -> JsValue {
    batch_outcome(batch_options(strict, max_bytes, max_batch_bytes).validate(input))
}

/// [`validate_batch_text`] for UTF-8 bytes.
#[wasm_bindgen(js_name = validateBatchBytes)]
pub fn validate_batch_bytes(input: &[u8], strict: bool, max_bytes: f64, max_batch_bytes: f64) -> JsValue {
    batch_outcome(batch_options(strict, max_bytes, max_batch_bytes).validate_slice(input))
}

fn batch_options(strict: bool, max_bytes: f64, max_batch_bytes: f64) -> BatchOptions {
    // Float-to-integer casts saturate, so Infinity means no limit.
    BatchOptions { decode: DecodeOptions::new().strict(strict).max_bytes(max_bytes as usize), max_batch_bytes: max_batch_bytes as usize }
}

fn batch_outcome(outcome: Result<Vec<BatchItem<EventType>>, DecodeError>) -> JsValue {
    #[derive(Serialize)]
    struct Failure<'a> {
        index: usize,
        issues: &'a [crate::Issue],
    }
    let object = js_sys::Object::new();
    match outcome {
        Err(error) => set(&object, "issues", to_js(error.issues())),
        Ok(items) => {
            let lines: Vec<u32> = items.iter().map(|item| u32::try_from(item.line).unwrap_or(u32::MAX)).collect();
            let failures: Vec<Failure<'_>> = items
                .iter()
                .filter_map(|item| item.result.as_ref().err().map(|e| Failure { index: item.index, issues: e.issues() }))
                .collect();
            set(&object, "lines", js_sys::Uint32Array::from(lines.as_slice()).into());
            set(&object, "failures", to_js(&failures));
        }
    }
    object.into()
}

/// Issues and failures hold only strings, integers and arrays of them, which
/// always serialise.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::new()).unwrap_or(JsValue::NULL)
}

/// Setting a property on a fresh plain object cannot fail.
fn set(object: &js_sys::Object, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), &value);
}
