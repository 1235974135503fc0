//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! It exposes validation only. The JavaScript side (`pkg-template/src/`)
//! checks the byte limit before anything is copied in, then calls one of these
//! functions once, always with bytes, and gets a number back (and only when
//! there are issues to say, their JSON text from [`take_report`]); when the
//! event is valid, the engine's own `JSON.parse` builds the result object, so
//! keys such as `__proto__` arrive as plain data and no per-field calls cross
//! the boundary.

use std::cell::Cell;
use std::fmt::Write;
use std::thread::LocalKey;

use wasm_bindgen::prelude::*;

use crate::batch::Layout;
use crate::signature::{check_signature, BodyMac};
use crate::{BatchOptions, DecodeError, DecodeOptions, Issue, IssueCode, VerifyError, Webhook, WebhookHeaders};

/// The allocator: talc, made as a drop-in for WebAssembly's default
/// (dlmalloc). The .wasm is 2,261 bytes smaller gzipped with it (44,939 to
/// 42,678), at the same speed (`make ab`); the memory tests hold it to the
/// same bounds.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs a panic hook that says where a bug was: the file, line and
/// column, on the console. Not the message: formatting it would bring
/// kilobytes of formatting code into the wasm, and the location is what a
/// bug report needs. (A panic aborts; the JavaScript side then replaces the
/// instance and throws `internal_error`.)
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let (file, line, column) = info.location().map_or(("unknown", 0, 0), |l| (l.file(), l.line(), l.column()));
        console_error(file, line, column);
    }));
}

#[wasm_bindgen]
extern "C" {
    /// `console.error`, with the panic's location.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(file: &str, line: u32, column: u32);

    /// `Number`, for the text of a JSON number: the value `JSON.parse` gives.
    #[wasm_bindgen(js_name = Number)]
    fn js_number(text: &str) -> f64;
}

/// A JSON number's value in WebAssembly, for one that `simple_number` (in
/// src/rules.rs) does not read: the engine reads it.
pub(crate) fn number_value(text: &str) -> f64 {
    js_number(text)
}

#[wasm_bindgen(module = "/pkg-template/src/url.js")]
extern "C" {
    /// Whether the engine's WHATWG URL parser takes the string, which is
    /// zod's `.url()` (`new URL(value)` that does not throw): `URL.canParse`
    /// where Node's answers right, the constructor elsewhere (see url.js).
    #[wasm_bindgen(js_name = urlParses)]
    fn js_url_parses(url: &str) -> bool;
}

#[wasm_bindgen(module = "/pkg-template/src/parts.js")]
extern "C" {
    /// Writes the next part of a body given in parts at `at`, up to `room`
    /// bytes: how many it wrote, 0 at the end.
    #[wasm_bindgen(js_name = nextPart)]
    fn next_part(at: *mut u8, room: usize) -> usize;
}

/// Adds to `mac` the parts of a body given in parts, which JavaScript writes
/// one after another into a buffer here, until none is left.
fn add_parts(mac: &mut BodyMac) {
    let mut part = [0u8; 16 << 10];
    loop {
        let len = next_part(part.as_mut_ptr(), part.len());
        match part.get(..len) {
            Some(bytes) if len > 0 => mac.update(bytes),
            _ => return,
        }
    }
}

/// The URL rule in WebAssembly: the engine's own parser decides.
pub(crate) fn url_parses(url: &str) -> bool {
    js_url_parses(url)
}

thread_local! {
    /// The input of the next call, which JavaScript writes straight into
    /// wasm memory (a string with `encodeInto`): no allocation, copy or free
    /// per call. It only grows, so a view of it stays valid until it moves.
    static INPUT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    /// The values of a webhook's three signature headers, which JavaScript
    /// writes in the same way: each in its own slot of equal size, so that
    /// JavaScript keeps a view of each slot instead of making one per call.
    static HEADERS: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    /// What the last call that returned [`REPORTED`] had to say, as JSON
    /// text, until [`take_report`] takes it.
    static REPORT: Cell<String> = const { Cell::new(String::new()) };
}

/// What [`validate_input`] and `Verifier.verifyInput` return when there is
/// nothing to report: the event is valid (and authentic). A number, not
/// `undefined`: a `JsValue` return costs each call a trip through the
/// externref table (about 0.8 % of a catalogue decode, paired).
pub const NOTHING_TO_REPORT: u32 = 0;
/// What they return when [`take_report`] has something to say.
pub const REPORTED: u32 = 1;

/// [`NOTHING_TO_REPORT`] for `None`; else [`REPORTED`], with `report` left
/// for [`take_report`].
fn reported(report: Option<String>) -> u32 {
    match report {
        None => NOTHING_TO_REPORT,
        Some(report) => {
            REPORT.set(report);
            REPORTED
        }
    }
}

/// The JSON text that the last call returning [`REPORTED`] left (issues, or
/// a webhook's `{"code", "message"}`), taken: empty after.
#[wasm_bindgen(js_name = takeReport)]
pub fn take_report() -> String {
    REPORT.take()
}

/// Seeds the keys with which object keys are hashed to find duplicates, from
/// 128 random bits that JavaScript draws from `crypto.getRandomValues` as it
/// instantiates the module: there is no random source in here (see
/// `src/hashing.rs`).
#[wasm_bindgen(js_name = seedHashKeys)]
pub fn seed_hash_keys(a: u32, b: u32, c: u32, d: u32) {
    crate::hashing::seed(u64::from(a) << 32 | u64::from(b), u64::from(c) << 32 | u64::from(d));
}

/// The hash of `key` under the current keys: for tests, not exported.
#[doc(hidden)]
pub fn key_hash_for_testing(key: &str) -> u64 {
    use std::hash::BuildHasher;
    crate::hashing::KeyHashing::default().hash_one(key)
}

/// Makes room for `len` bytes of input, and says where: JavaScript writes the
/// input there, then calls [`validate_input`] or `Verifier.verifyInput`.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> *mut u8 {
    room(&INPUT, len)
}

/// Makes room for three header values of up to `slot_len` bytes each, and
/// says where: the first slot is there, the others `slot_len` and
/// `2 * slot_len` bytes on. JavaScript writes them, then calls
/// `Verifier.verifyInput` with `slot_len` and their lengths.
#[wasm_bindgen(js_name = headerBuffer)]
pub fn header_buffer(slot_len: usize) -> *mut u8 {
    room(&HEADERS, slot_len.saturating_mul(3))
}

/// Grows `buffer` (`INPUT` or `HEADERS`) to at least `len` bytes, and says
/// where it starts.
fn room(buffer: &'static LocalKey<Cell<Vec<u8>>>, len: usize) -> *mut u8 {
    buffer.with(|cell| {
        let mut bytes = cell.take();
        if bytes.len() < len {
            bytes.resize(len, 0);
        }
        let at = bytes.as_mut_ptr();
        cell.set(bytes);
        at
    })
}

/// `f` of what `buffer` (`INPUT` or `HEADERS`) holds, lent for the call.
fn read<R>(buffer: &'static LocalKey<Cell<Vec<u8>>>, f: impl FnOnce(&[u8]) -> R) -> R {
    buffer.with(|cell| {
        let bytes = cell.take();
        let result = f(&bytes);
        cell.set(bytes);
        result
    })
}

/// The first `len` bytes of the input buffer.
fn with_input<R>(len: usize, f: impl FnOnce(&[u8]) -> R) -> R {
    read(&INPUT, |input| f(input.get(..len).unwrap_or_default()))
}

/// The header values in the slots of `slot_len` bytes: each the first
/// `lens[k]` bytes of its slot, or `None` for a negative length (an absent
/// header). They come from `encodeInto`, so they are UTF-8; anything else, or
/// a length past its slot, reads as absent.
fn with_headers<R>(slot_len: usize, lens: [i32; 3], f: impl FnOnce([Option<&str>; 3]) -> R) -> R {
    read(&HEADERS, |headers| {
        let mut slots = headers.chunks(slot_len.max(1));
        f(lens.map(|len| {
            let slot = slots.next().unwrap_or_default();
            let len = usize::try_from(len).ok()?;
            std::str::from_utf8(slot.get(..len)?).ok()
        }))
    })
}

/// [`validate_bytes`] on the first `len` bytes of the input buffer:
/// [`NOTHING_TO_REPORT`] for a valid event, else [`REPORTED`] (the issues
/// are then [`take_report`]'s).
#[wasm_bindgen(js_name = validateInput)]
pub fn validate_input(len: usize, strict: bool) -> u32 {
    reported(with_input(len, |bytes| validate_bytes(bytes, strict)))
}

/// Validates UTF-8 bytes: a raw request body, or a string the JavaScript side
/// encoded. Returns `None` when they are a valid event, else the issues
/// (`[{ code, path, message, line?, column? }]`) as JSON text.
pub fn validate_bytes(bytes: &[u8], strict: bool) -> Option<String> {
    issues_of(options(strict).validate_slice(bytes).err())
}

/// The JavaScript side has already enforced `maxBytes` without copying.
fn options(strict: bool) -> DecodeOptions {
    DecodeOptions::new().strict(strict).max_bytes(usize::MAX)
}

fn issues_of(error: Option<DecodeError>) -> Option<String> {
    error.map(|error| issues_json(error.issues()))
}

/// One endpoint secret, parsed and keyed once, for checking and signing many
/// webhooks. The JavaScript side keeps a few, by secret and tolerance.
#[wasm_bindgen]
pub struct Verifier {
    webhook: Webhook,
}

#[wasm_bindgen]
impl Verifier {
    /// Parses `secret` (`whsec_` and base64, or bare base64). Throws
    /// `{"code": "invalid_secret", "message"}` as JSON text when it is not
    /// usable.
    #[wasm_bindgen(constructor)]
    pub fn new(secret: &str, tolerance_seconds: f64) -> Result<Verifier, JsValue> {
        // Float-to-integer casts saturate; the JavaScript side passes integers.
        let webhook = Webhook::new(secret).map_err(|e| JsValue::from_str(&verify_error(&e)))?;
        Ok(Verifier { webhook: webhook.tolerance_seconds(tolerance_seconds as u64) })
    }

    /// [`Verifier::verify`] on the body in the first `len` bytes of the
    /// input buffer and the id, timestamp and signature header values in the
    /// header buffer's slots of `slot_len` bytes: `id_len`, `timestamp_len`
    /// and `signature_len` bytes of them, or -1 for a header not there.
    /// With `in_parts`, the body is over the byte limit and comes in parts
    /// (`len` is 0): it is only authenticated. [`NOTHING_TO_REPORT`] or
    /// [`REPORTED`], as [`Verifier::verify`] says.
    #[wasm_bindgen(js_name = verifyInput)]
    // Plain numbers are what crosses the boundary with no allocation per call.
    #[allow(clippy::too_many_arguments)]
    pub fn verify_input(
        &self,
        len: usize,
        slot_len: usize,
        id_len: i32,
        timestamp_len: i32,
        signature_len: i32,
        now: f64,
        strict: bool,
        in_parts: bool,
    ) -> u32 {
        reported(with_headers(slot_len, [id_len, timestamp_len, signature_len], |values| {
            with_input(len, |body| self.verify(body, values, now, strict, in_parts))
        }))
    }

    /// The HMAC-SHA256 of `body` sent with `id` at `timestamp`: the 32 bytes
    /// that the signature `v1,<base64>` encodes. JavaScript encodes them with
    /// the platform's `btoa`, which keeps a base64 encoder out of the wasm.
    pub fn sign(&self, body: &[u8], id: &str, timestamp: f64) -> Vec<u8> {
        self.webhook.mac(id, timestamp as i64, body).to_vec()
    }
}

impl Verifier {
    /// Authenticates the raw body, then validates it, in one call.
    /// `values` are the request's id, timestamp and signature header values,
    /// as the JavaScript side picked them out (`None` for one not there).
    /// `now` is Unix seconds from the JavaScript clock. Returns `None`
    /// for an authentic, valid event, else JSON text: `{"code", "message"}`
    /// when the request cannot be trusted, the issues (an array) when it can
    /// but the event is invalid. With `in_parts`, the rest of the body comes
    /// in parts (see [`add_parts`]), and an authentic one is `None`
    /// without being validated: it is over the byte limit.
    pub fn verify(
        &self,
        body: &[u8],
        values: [Option<&str>; 3],
        now: f64,
        strict: bool,
        in_parts: bool,
    ) -> Option<String> {
        let authentic = WebhookHeaders::from_values(values).and_then(|headers| {
            let timestamp = self.webhook.timestamp_within_tolerance(&headers, now as i64)?;
            let expected = self.webhook.mac_of(headers.id, timestamp, &mut |mac| {
                mac.update(body);
                if in_parts {
                    add_parts(mac);
                }
            });
            check_signature(headers.signature, &expected)
        });
        match authentic {
            Err(error) => Some(verify_error(&error)),
            Ok(()) if in_parts => None,
            Ok(()) => issues_of(options(strict).validate_slice(body).err()),
        }
    }
}

/// `{"code", "message"}` as JSON text, for JavaScript's
/// WebhookVerificationError (an object, where issues are an array).
fn verify_error(error: &VerifyError) -> String {
    let mut json = String::from("{\"code\":\"");
    json.push_str(error.code().as_str());
    json.push_str("\",\"message\":");
    push_string(&mut json, error.message());
    json.push('}');
    json
}

/// Validates a batch (NDJSON or a JSON array, as UTF-8 bytes) in one call.
/// Returns JSON text: `{"array", "lines", "failures"}`, whether the input was
/// read as one JSON array, one line number per event and
/// `[{ index, issues }]`, or `{"issues"}` when the input as a whole is refused.
#[wasm_bindgen(js_name = validateBatchBytes)]
pub fn validate_batch_bytes(input: &[u8], strict: bool, max_bytes: f64, max_batch_bytes: f64) -> JsValue {
    JsValue::from_str(&batch_outcome(&batch_options(strict, max_bytes, max_batch_bytes), input))
}

fn batch_options(strict: bool, max_bytes: f64, max_batch_bytes: f64) -> BatchOptions {
    // Float-to-integer casts saturate, so Infinity means no limit.
    BatchOptions {
        decode: DecodeOptions::new().strict(strict).max_bytes(max_bytes as usize),
        max_batch_bytes: max_batch_bytes as usize,
    }
}

/// The most a batch's report (its JSON text) may take, in MiB: far below the
/// longest string an engine makes (about 2^29 characters in V8) and the
/// memory a wasm32 instance has, and more than the report of any batch of
/// valid events within the default `maxBatchBytes`. Millions of failing
/// lines (3 million one-byte lines in a 6 MiB input) would pass both.
macro_rules! max_batch_report_mib {
    () => {
        64
    };
}

/// [`max_batch_report_mib`] in bytes.
pub(crate) const MAX_BATCH_REPORT_BYTES: usize = max_batch_report_mib!() << 20;

/// The report of a batch, each event written as it is checked: with
/// [`MAX_BATCH_REPORT_BYTES`] on its size, past which the batch as a whole
/// is refused as `payload_too_large`.
fn batch_outcome(options: &BatchOptions, input: &[u8]) -> String {
    let mut lines = String::from("[");
    let mut failures = String::from("[");
    let outcome = options.validate_slice_as(input).and_then(|(layout, items)| {
        for item in items {
            let comma = if item.index > 0 { "," } else { "" };
            let _ = write!(lines, "{comma}{}", item.line);
            if let Err(error) = &item.result {
                let comma = if failures.len() > 1 { "," } else { "" };
                let _ = write!(failures, "{comma}{{\"index\":{},\"issues\":", item.index);
                push_issues(&mut failures, error.issues());
                failures.push('}');
            }
            if lines.len() + failures.len() > MAX_BATCH_REPORT_BYTES {
                let message = concat!(
                    "expected a batch whose results take at most ",
                    max_batch_report_mib!(),
                    " MiB as JSON, found more: decode it in parts, fewer events a call"
                );
                return Err(DecodeError::new(vec![Issue::new(
                    IssueCode::PayloadTooLarge,
                    String::new(),
                    message.into(),
                )]));
            }
        }
        Ok(layout)
    });
    let layout = match outcome {
        Err(error) => {
            let mut json = String::from("{\"issues\":");
            push_issues(&mut json, error.issues());
            json.push('}');
            return json;
        }
        Ok(layout) => layout,
    };
    let mut json = String::from(if layout == Layout::Array { "{\"array\":true" } else { "{\"array\":false" });
    json.push_str(",\"lines\":");
    json.push_str(&lines);
    json.push_str("],\"failures\":");
    json.push_str(&failures);
    json.push_str("]}");
    json
}

/// `issues` as JSON text, for JavaScript.
fn issues_json(issues: &[Issue]) -> String {
    let mut json = String::new();
    push_issues(&mut json, issues);
    json
}

/// Issues cross as one JSON text, which JavaScript parses with `JSON.parse`:
/// one string to decode rather than one per field (Chromium's TextDecoder
/// costs microseconds per call, which made an invalid event with seven issues
/// take 190 us there). Written by hand: serde_json would add kilobytes to the
/// wasm for these few shapes.
fn push_issues(json: &mut String, issues: &[Issue]) {
    json.push('[');
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str("{\"code\":\"");
        json.push_str(issue.code.as_str());
        json.push_str("\",\"path\":");
        push_string(json, &issue.path);
        json.push_str(",\"message\":");
        push_string(json, &issue.message);
        if let (Some(line), Some(column)) = (issue.line, issue.column) {
            let _ = write!(json, ",\"line\":{line},\"column\":{column}");
        }
        json.push('}');
    }
    json.push(']');
}

/// A JSON string literal.
fn push_string(json: &mut String, text: &str) {
    json.push('"');
    for c in text.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\u{0}'..='\u{1f}' => {
                let _ = write!(json, "\\u{:04x}", u32::from(c));
            }
            c => json.push(c),
        }
    }
    json.push('"');
}

/// Traps on purpose (a panic aborts), so that tests can check that the
/// JavaScript side replaces the instance and throws a DecodeError. Not part
/// of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __forceTrapForTesting)]
pub fn force_trap_for_testing() {
    panic!("a trap requested by a test");
}
