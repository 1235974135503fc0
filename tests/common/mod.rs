//! One test body for the WebAssembly boundary, included by `tests/node.rs`
//! (run with `wasm-pack test --node`) and `tests/web.rs` (run in headless
//! Chromium and Firefox), so that every runtime runs the same cases.

use connect_webview_events::wasm::{
    header_buffer, input_buffer, key_hash_for_testing, seed_hash_keys, take_report, validate_bytes, validate_input,
    Verifier, NOTHING_TO_REPORT, REPORTED,
};
use connect_webview_events::Webhook;
use serde::Deserialize;
use wasm_bindgen_test::wasm_bindgen_test;

const SUCCEEDED: &str = include_str!("../fixtures/login_succeeded.json");
const FAILED: &str = include_str!("../fixtures/login_failed.json");
const WITH_METADATA: &str = include_str!("../fixtures/login_succeeded_with_metadata.json");

/// An issue as JavaScript sees it.
#[derive(Debug, Deserialize, PartialEq)]
struct JsIssue {
    code: String,
    path: String,
    message: String,
    line: Option<u32>,
    column: Option<u32>,
}

/// Text as the JavaScript side passes it: its UTF-8 bytes.
fn validate_text(text: &str, strict: bool) -> Option<String> {
    validate_bytes(text.as_bytes(), strict)
}

/// What a call that crosses the boundary with a status (`validateInput`,
/// `Verifier.verifyInput`) reported: its JSON text, taken as JavaScript
/// takes it (decode.js, `reportOf`), or `None`.
fn report(status: u32) -> Option<String> {
    assert!(status == NOTHING_TO_REPORT || status == REPORTED, "{status}");
    (status == REPORTED).then(take_report)
}

fn issues(result: Option<String>) -> Vec<JsIssue> {
    let text = result.expect("expected issues, the payload was valid");
    serde_json::from_str(&text).expect("the JSON text is an array of issues")
}

fn codes_and_paths(result: Option<String>) -> Vec<(String, String)> {
    issues(result).into_iter().map(|i| (i.code, i.path)).collect()
}

fn one(code: &str, path: &str) -> Vec<(String, String)> {
    vec![(code.to_string(), path.to_string())]
}

#[wasm_bindgen_test]
fn the_spec_examples_are_valid_as_text_and_as_bytes() {
    for text in [SUCCEEDED, FAILED, WITH_METADATA] {
        assert!(validate_text(text, false).is_none());
        assert!(validate_bytes(text.as_bytes(), false).is_none());
    }
}

/// Writes `bytes` at `at`, in a buffer that `input_buffer` or
/// `header_buffer` made room in, as JavaScript does: how many.
fn write_into(at: *mut u8, bytes: &[u8]) -> i32 {
    // SAFETY: the buffer functions made room for at least this many bytes there.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len()) };
    i32::try_from(bytes.len()).unwrap()
}

/// `validateInput` as the JavaScript side calls it: `text` written into the
/// input buffer first.
fn validate_through_buffer(text: &str, strict: bool) -> u32 {
    write_into(input_buffer(text.len()), text.as_bytes());
    validate_input(text.len(), strict)
}

#[wasm_bindgen_test]
fn validate_input_returns_a_status_and_leaves_the_issues_to_be_taken_once() {
    assert_eq!(validate_through_buffer(SUCCEEDED, false), NOTHING_TO_REPORT);
    assert_eq!(validate_through_buffer(WITH_METADATA, true), REPORTED);
    assert_eq!(codes_and_paths(Some(take_report())), one("unknown_field", "/hint"));
    assert_eq!(take_report(), "", "taken once");
    assert_eq!(validate_through_buffer(SUCCEEDED, false), NOTHING_TO_REPORT);
    assert_eq!(take_report(), "", "a valid event leaves nothing to take");
}

#[wasm_bindgen_test]
fn strict_mode_reports_the_unknown_field_by_path() {
    assert_eq!(codes_and_paths(validate_text(WITH_METADATA, true)), one("unknown_field", "/hint"));
}

#[wasm_bindgen_test]
fn issues_cross_the_boundary_as_json_text_with_every_property() {
    let result = validate_text("{\n  \"event_id\": 1,\n}", false);
    assert_eq!(
        issues(result),
        vec![JsIssue {
            code: "invalid_json".into(),
            path: "".into(),
            message: "not valid JSON at line 3, column 1: trailing comma, found '}'".into(),
            line: Some(3),
            column: Some(1),
        }]
    );
    let no_position = validate_text("[]", false).unwrap();
    assert_eq!(
        no_position,
        r#"[{"code":"invalid_type","path":"","message":"expected a JSON object, found an array"}]"#
    );
}

#[wasm_bindgen_test]
fn each_rule_gives_its_code_and_path() {
    let table: &[(&str, &str, &str)] = &[
        (r#""event_id": "00000000-0000-0000-0000-000000000000""#, r#""event_id": "0000""#, "invalid_uuid"),
        (r#""created_at": "2025-01-01T00:00:00.000Z""#, r#""created_at": "2025-02-29T00:00:00Z""#, "invalid_datetime"),
        (
            r#""occurred_at": "2025-01-01T00:00:00.000Z""#,
            r#""occurred_at": "2025-01-01T00:00:00+01:00""#,
            "invalid_datetime",
        ),
        (r#""workspace_id": "00000000-0000-0000-0000-000000000000""#, r#""workspace_id": null"#, "invalid_type"),
        (
            r#""event_type": "connect_webview.login_failed""#,
            r#""event_type": "device.teleported""#,
            "unknown_event_type",
        ),
    ];
    for (from, to, code) in table {
        let text = FAILED.replace(from, to);
        let field = to.split('"').nth(1).unwrap();
        assert_eq!(codes_and_paths(validate_text(&text, false)), one(code, &format!("/{field}")), "{text}");
    }
    let missing = FAILED.replace("\"workspace_id\": \"00000000-0000-0000-0000-000000000000\"", "\"other\": 1");
    assert_eq!(codes_and_paths(validate_text(&missing, false)), one("missing_field", "/workspace_id"));
    let metadata = SUCCEEDED
        .replace("\"connected_account_custom_metadata\": {}", "\"connected_account_custom_metadata\": {\"vip\": 1}");
    assert_eq!(
        codes_and_paths(validate_text(&metadata, false)),
        one("invalid_type", "/connected_account_custom_metadata/vip")
    );
    let duplicate = FAILED.replacen('{', "{\"event_id\": \"00000000-0000-0000-0000-000000000000\",", 1);
    assert_eq!(codes_and_paths(validate_text(&duplicate, false)), one("duplicate_field", "/event_id"));
}

#[wasm_bindgen_test]
fn date_times_without_seconds_are_valid_and_a_fraction_needs_seconds() {
    // zod's .datetime(): the seconds are optional; a fraction only follows them.
    for value in ["2025-01-01T00:00Z", "2024-02-29T23:59Z", "0000-02-29T00:00Z"] {
        let text = FAILED.replace("2025-01-01T00:00:00.000Z", value);
        assert!(validate_text(&text, true).is_none(), "{text}");
        assert!(validate_bytes(text.as_bytes(), false).is_none(), "{text}");
    }
    let table: &[(&str, &str)] = &[
        (r#""created_at": "2025-01-01T00:00.5Z""#, "/created_at"),
        (r#""occurred_at": "2023-02-29T23:59Z""#, "/occurred_at"),
        (r#""created_at": "2025-01-01T0:00Z""#, "/created_at"),
        (r#""occurred_at": "2025-01-01T00:00""#, "/occurred_at"),
    ];
    for (to, path) in table {
        let field = to.split('"').nth(1).unwrap();
        let text = FAILED.replace(&format!("\"{field}\": \"2025-01-01T00:00:00.000Z\""), to);
        assert_ne!(text, FAILED);
        assert_eq!(codes_and_paths(validate_text(&text, false)), one("invalid_datetime", path), "{text}");
    }
    let text = FAILED.replace("\"created_at\": \"2025-01-01T00:00:00.000Z\"", r#""created_at": "2025-01-01T00:00.5Z""#);
    assert_eq!(
        issues(validate_text(&text, false))[0].message,
        "expected a date-time like 2025-01-01T00:00:00.000Z, found \"2025-01-01T00:00.5Z\": \
         expected ':' or 'Z' at index 16, found '.' (a fraction is allowed only after seconds)"
    );
}

#[wasm_bindgen_test]
fn invalid_utf8_bytes_are_reported_with_position() {
    let found = issues(validate_bytes(b"{\"customer_key\": \"\xc0\xaf\"}", false));
    assert_eq!((found[0].code.as_str(), found[0].line, found[0].column), ("invalid_utf8", Some(1), Some(19)));
}

#[wasm_bindgen_test]
fn hostile_inputs_give_issues_and_the_module_keeps_working() {
    let deep_array = "[".repeat(100_000);
    let deep_object = "{\"a\":".repeat(100_000);
    let huge_string = format!("{{\"customer_key\": \"{}\"}}", "x".repeat(4 << 20));
    let many_keys = format!("{{{}\"end\": 0}}", (0..100_000).map(|i| format!("\"k{i}\": {i},")).collect::<String>());
    let table: &[(&str, &str)] = &[
        ("", "invalid_json"),
        (&deep_array, "invalid_json"),
        (&deep_object, "invalid_json"),
        ("\u{feff}{}", "invalid_json"),
        ("{\"a\": \"\\ud800\"}", "invalid_json"),
        ("{\"a\": 1e999}", "invalid_json"),
        ("{\"a\u{0}\": 1}", "invalid_json"),
        (&huge_string, "missing_field"),
        (&many_keys, "missing_field"),
    ];
    for (text, code) in table {
        let found = issues(validate_text(text, false));
        assert_eq!(found[0].code, *code, "{}", &text[..text.len().min(40)]);
        assert!(validate_text(SUCCEEDED, false).is_none(), "the module still works");
    }
    assert!(validate_bytes(&[0xff; 1 << 16], false).is_some());
    assert!(validate_text(SUCCEEDED, false).is_none());
    assert!(validate_bytes(FAILED.as_bytes(), false).is_none());
}

/// The Standard Webhooks reference example.
const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SIGNED_BODY: &[u8] = br#"{"test": 2432232314}"#;
const SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

fn verify_code(body: &[u8], headers: &[(&str, &str)], secret: &str, now: f64) -> Option<String> {
    let result = match Verifier::new(secret, 300.0) {
        Ok(verifier) => verify_through_buffers(&verifier, body, values_of(headers).map(|v| v.map(str::as_bytes)), now)?,
        Err(error) => error.as_string().expect("JSON text"),
    };
    match json(&result) {
        serde_json::Value::Array(_) => Some("decode".into()),
        failure => failure["code"].as_str().map(str::to_string),
    }
}

/// The header values as the JavaScript side picks them: the id, timestamp
/// and signature, `None` for one that is absent.
fn values_of<'a>(headers: &[(&str, &'a str)]) -> [Option<&'a str>; 3] {
    ["id", "timestamp", "signature"].map(|field| {
        let found = headers.iter().find(|(name, _)| name.to_ascii_lowercase().ends_with(&format!("-{field}")));
        found.map(|(_, value)| *value)
    })
}

/// `Verifier.verifyInput` as the JavaScript side calls it: the body written
/// into the input buffer, each header value into its slot of the header
/// buffer (slots of 64 bytes at least), and their lengths, -1 for one absent.
fn verify_through_buffers(verifier: &Verifier, body: &[u8], values: [Option<&[u8]>; 3], now: f64) -> Option<String> {
    let slot = values.iter().flatten().map(|v| v.len()).max().unwrap_or(0).max(64);
    write_into(input_buffer(body.len()), body);
    let at = header_buffer(slot);
    let [id, timestamp, signature] =
        std::array::from_fn(|k| values[k].map_or(-1, |value| write_into(at.wrapping_add(k * slot), value)));
    report(verifier.verify_input(body.len(), slot, id, timestamp, signature, now, false, false))
}

/// The bytes of a `v1,<base64>` signature.
fn base64_of(signature: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(signature.trim_start_matches("v1,")).unwrap()
}

/// What crossed as JSON text, parsed.
fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[wasm_bindgen_test]
fn signatures_verify_and_fail_with_their_codes() {
    let headers =
        [("Svix-Id", "msg_p5jXN8AQM9LWM0D4loKWxJek"), ("svix-timestamp", "1614265330"), ("SVIX-SIGNATURE", SIGNATURE)];
    let now = 1614265330.0;
    // The reference body is authentic but not an event: the issues follow.
    assert_eq!(verify_code(SIGNED_BODY, &headers, SECRET, now).as_deref(), Some("decode"));
    assert_eq!(verify_code(b"{}", &headers, SECRET, now).as_deref(), Some("invalid_signature"));
    assert_eq!(verify_code(SIGNED_BODY, &headers, SECRET, now + 301.0).as_deref(), Some("timestamp_too_old"));
    assert_eq!(verify_code(SIGNED_BODY, &headers, SECRET, now - 301.0).as_deref(), Some("timestamp_too_new"));
    assert_eq!(verify_code(SIGNED_BODY, &headers[..2], SECRET, now).as_deref(), Some("missing_header"));
    assert_eq!(verify_code(SIGNED_BODY, &headers, "whsec_!", now).as_deref(), Some("invalid_secret"));
    let truncated = [headers[0], headers[1], ("svix-signature", &SIGNATURE[..30])];
    assert_eq!(verify_code(SIGNED_BODY, &truncated, SECRET, now).as_deref(), Some("invalid_signature"));
    let bad_time = [headers[0], ("svix-timestamp", "1614265330x"), headers[2]];
    assert_eq!(verify_code(SIGNED_BODY, &bad_time, SECRET, now).as_deref(), Some("invalid_timestamp"));
}

#[wasm_bindgen_test]
fn header_values_are_read_from_their_slots_by_length() {
    let verifier = Verifier::new(SECRET, 300.0).unwrap();
    let now = 1614265330.0;
    let code = |result: Option<String>| result.map_or("ok".to_string(), |text| json(&text).to_string());
    let [id, timestamp, signature] = ["msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", SIGNATURE].map(str::as_bytes);
    let authentic = verify_through_buffers(&verifier, SIGNED_BODY, [Some(id), Some(timestamp), Some(signature)], now);
    assert!(code(authentic).contains("\"path\""), "the reference body is authentic but not an event");
    // Long values get larger slots; a longer one in a slot before does not leak into the next.
    let rotated = format!("{} {SIGNATURE}", "v1,AAAA".repeat(40));
    let result =
        verify_through_buffers(&verifier, SIGNED_BODY, [Some(id), Some(timestamp), Some(rotated.as_bytes())], now);
    assert!(code(result).contains("\"path\""));
    // A length that is negative, or past the slot, is a header not there.
    verify_through_buffers(&verifier, SIGNED_BODY, [Some(id), Some(timestamp), Some(signature)], now);
    for (lens, name) in [([28, -1, 47], "timestamp"), ([28, 10, 65], "signature"), ([-1, 10, 47], "id")] {
        let result = report(verifier.verify_input(SIGNED_BODY.len(), 64, lens[0], lens[1], lens[2], now, false, false));
        let result = json(&result.expect("a report"));
        assert_eq!(result["code"], "missing_header", "{lens:?}");
        assert!(result["message"].as_str().unwrap().contains(name), "{lens:?}");
    }
    assert!(
        code(report(verifier.verify_input(SIGNED_BODY.len(), 64, 28, 10, 47, now, false, false))).contains("\"path\"")
    );
}

#[wasm_bindgen_test]
fn an_authentic_valid_event_verifies_and_signing_matches_the_reference() {
    let verifier = Verifier::new(SECRET, 300.0).unwrap();
    let mac = verifier.sign(SIGNED_BODY, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330.0);
    assert_eq!(Webhook::new(SECRET).unwrap().sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, SIGNED_BODY), SIGNATURE);
    assert_eq!(mac, base64_of(SIGNATURE));
    let signature = Webhook::new(SECRET).unwrap().sign("msg_1", 1700000000, FAILED.as_bytes());
    assert_eq!(verifier.sign(FAILED.as_bytes(), "msg_1", 1700000000.0), base64_of(&signature));
    assert!(verifier
        .verify(FAILED.as_bytes(), [Some("msg_1"), Some("1700000000"), Some(&signature)], 1700000000.0, false, false)
        .is_none());
    let error = json(&Verifier::new("whsec_", 300.0).err().unwrap().as_string().expect("JSON text"));
    assert_eq!(error["code"], "invalid_secret");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("empty")), "{error:?}");
}

#[wasm_bindgen_test]
fn object_keys_are_hashed_under_the_seeded_keys() {
    seed_hash_keys(1, 2, 3, 4);
    let first = key_hash_for_testing("event_id");
    for changed in [(0, 2, 3, 4), (1, 0, 3, 4), (1, 2, 0, 4), (1, 2, 3, 0)] {
        seed_hash_keys(changed.0, changed.1, changed.2, changed.3);
        assert_ne!(key_hash_for_testing("event_id"), first, "{changed:?}");
    }
    seed_hash_keys(1, 2, 3, 4);
    assert_eq!(key_hash_for_testing("event_id"), first);
    // Duplicates are still found past 16 keys, through the hash set.
    let mut members: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
    members.push("\"k7\": 0".into());
    let text = format!("{{{}}}", members.join(","));
    assert!(codes_and_paths(validate_text(&text, false)).contains(&("duplicate_field".to_string(), "/k7".to_string())));
}
