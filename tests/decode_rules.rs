//! Every rule of the wire format as tables of (input, code, path).

use connect_webview_events::{decode, decode_slice, DecodeOptions, IssueCode, MetadataValue, SeamEvent, SeamEventType};
use serde_json::{json, Map, Value};

const SUCCEEDED: &str = include_str!("fixtures/login_succeeded.json");
const FAILED: &str = include_str!("fixtures/login_failed.json");
const WITH_METADATA: &str = include_str!("fixtures/login_succeeded_with_metadata.json");

/// The `valid` or `invalid` date-times of `fixtures/date_times.json`, the
/// table that tests/js/zod-datetime.test.mjs holds to zod's `.datetime()`.
fn date_times(which: &str) -> Vec<&'static str> {
    static TABLE: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| serde_json::from_str(include_str!("fixtures/date_times.json")).unwrap());
    let list: Vec<&str> = table[which].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(list.len() >= 10, "{which}: {}", list.len());
    list
}

/// The unknown fields of a connect_webview event.
fn extra(event: &SeamEvent) -> &Map<String, Value> {
    match event {
        SeamEvent::ConnectWebviewLoginFailed(e) => &e.extra,
        SeamEvent::ConnectWebviewLoginSucceeded(e) => &e.extra,
        other => panic!("not a connect_webview event: {other:?}"),
    }
}

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The (code, path) of every issue, in order.
fn issues(text: &str, options: DecodeOptions) -> Vec<(IssueCode, String)> {
    match options.decode(text) {
        Ok(event) => panic!("expected issues, decoded {event:?}"),
        Err(err) => err.issues().iter().map(|i| (i.code, i.path.clone())).collect(),
    }
}

/// `base` with `field` set to `value`, or removed when `value` is `None`.
fn with(base: &str, field: &str, value: Option<Value>) -> String {
    let mut v = fixture(base);
    let object = v.as_object_mut().unwrap();
    match value {
        Some(value) => object.insert(field.to_string(), value),
        None => object.remove(field),
    };
    v.to_string()
}

#[test]
fn the_spec_examples_decode() {
    let SeamEvent::ConnectWebviewLoginSucceeded(e) = decode(SUCCEEDED).unwrap() else { panic!("wrong type") };
    assert_eq!(e.event_id.to_string(), "00000000-0000-0000-0000-000000000000");
    assert_eq!(e.customer_key.as_deref(), Some(""));
    assert!(e.connected_account_custom_metadata.unwrap().is_empty());
    assert!(e.extra.is_empty());

    let SeamEvent::ConnectWebviewLoginFailed(e) = decode(FAILED).unwrap() else { panic!("wrong type") };
    assert_eq!(e.created_at, "2025-01-01T00:00:00.000Z");
    assert_eq!(e.event_description, None);
}

#[test]
fn every_valid_event_serialises_back_to_its_input() {
    for text in [SUCCEEDED, FAILED, WITH_METADATA] {
        assert_eq!(decode(text).unwrap().to_value(), fixture(text), "{text}");
        assert_eq!(decode_slice(text.as_bytes()).unwrap().to_value(), fixture(text));
    }
}

#[test]
fn unknown_fields_are_kept_in_order_and_unchanged() {
    let text = r#"{"zeta": [1, {"b": null, "a": "x"}], "event_type": "connect_webview.login_failed", "alpha": -0.5,
        "event_id": "00000000-0000-0000-0000-000000000000", "workspace_id": "00000000-0000-0000-0000-000000000000",
        "connect_webview_id": "00000000-0000-0000-0000-000000000000", "created_at": "2025-01-01T00:00:00Z",
        "occurred_at": "2025-01-01T00:00:00Z", "connected_account_id": "not checked on a failed login"}"#;
    let event = decode(text).unwrap();
    let keys: Vec<_> = extra(&event).keys().collect();
    assert_eq!(keys, ["zeta", "alpha", "connected_account_id"]);
    assert_eq!(extra(&event)["zeta"], json!([1, {"b": null, "a": "x"}]));
    assert_eq!(event.to_value(), fixture(text));
}

#[test]
fn metadata_keeps_prototype_names_as_data() {
    let SeamEvent::ConnectWebviewLoginSucceeded(e) = decode(WITH_METADATA).unwrap() else { panic!("wrong type") };
    let metadata = e.connected_account_custom_metadata.unwrap();
    assert_eq!(metadata.get("__proto__"), Some(&MetadataValue::String("data".into())));
    assert_eq!(metadata.get("tenant"), Some(&MetadataValue::String("acme-hotels".into())));
}

#[test]
fn field_rules_table() {
    let uuid_fields = ["event_id", "workspace_id", "connect_webview_id", "connected_account_id"];
    let time_fields = ["created_at", "occurred_at"];
    let mut cases: Vec<(&str, String, IssueCode)> = Vec::new();
    for field in uuid_fields {
        for bad in [
            "",
            "x",
            "00000000000000000000000000000000",
            "{00000000-0000-0000-0000-000000000000}",
            "urn:uuid:00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-00000000000g",
            " 00000000-0000-0000-0000-000000000000",
        ] {
            cases.push((field, with(SUCCEEDED, field, Some(json!(bad))), IssueCode::InvalidUuid));
        }
    }
    for field in time_fields {
        for bad in [
            "2025-02-29T00:00:00Z",
            "2025-01-01T00:00:00",
            "2025-01-01T00:00:00+00:00",
            "2025-01-01 00:00:00Z",
            "2025-01-01t00:00:00z",
            "2025-13-01T00:00:00Z",
            "2025-01-01T24:00:00Z",
            "1735689600",
        ]
        .into_iter()
        .chain(date_times("invalid"))
        {
            cases.push((field, with(SUCCEEDED, field, Some(json!(bad))), IssueCode::InvalidDatetime));
        }
    }
    for field in uuid_fields.iter().chain(&time_fields).chain(&["customer_key", "event_description"]) {
        for bad in [json!(null), json!(1), json!(true), json!([]), json!({})] {
            cases.push((field, with(SUCCEEDED, field, Some(bad)), IssueCode::InvalidType));
        }
    }
    for field in uuid_fields.iter().chain(&time_fields).chain(&["event_type"]) {
        cases.push((field, with(SUCCEEDED, field, None), IssueCode::MissingField));
    }
    for (field, text, code) in cases {
        assert_eq!(issues(&text, DecodeOptions::new()), vec![(code, format!("/{field}"))], "{text}");
    }
}

#[test]
fn date_times_follow_zod_seconds_optional_and_a_fraction_only_after_seconds() {
    for value in date_times("valid") {
        for field in ["created_at", "occurred_at"] {
            for base in [SUCCEEDED, FAILED] {
                let text = with(base, field, Some(json!(value)));
                let event = decode(&text).unwrap_or_else(|e| panic!("{value} in {field}: {e}"));
                assert_eq!(event.to_value()[field], json!(value), "kept as sent");
                assert_eq!(decode_slice(text.as_bytes()).unwrap(), event);
                assert_eq!(
                    DecodeOptions::new().strict(true).validate(&text),
                    Ok(SeamEventType::from_name(event.event_type()).unwrap())
                );
            }
        }
    }
    let SeamEvent::ConnectWebviewLoginFailed(e) = decode(&FAILED.replace("00:00:00.000Z", "00:00Z")).unwrap() else {
        panic!("wrong type")
    };
    assert_eq!((e.created_at.as_str(), e.occurred_at.as_str()), ("2025-01-01T00:00Z", "2025-01-01T00:00Z"));
    // Both fields broken at once: one issue each, in document order.
    let both = with(&with(FAILED, "created_at", Some(json!("2025-01-01T00:00.5Z"))), "occurred_at", Some(json!("x")));
    assert_eq!(
        issues(&both, DecodeOptions::new()),
        vec![(IssueCode::InvalidDatetime, "/created_at".into()), (IssueCode::InvalidDatetime, "/occurred_at".into())]
    );
}

#[test]
fn optional_fields_may_be_absent_and_customer_key_may_be_empty() {
    let mut text = SUCCEEDED.to_string();
    for field in ["connected_account_custom_metadata", "customer_key"] {
        text = with(&text, field, None);
    }
    assert!(decode(&text).is_ok());
    assert!(decode(&with(FAILED, "event_description", Some(json!("The user closed the window.")))).is_ok());
}

#[test]
fn failed_logins_do_not_require_account_fields() {
    assert!(decode(FAILED).is_ok());
    let mut failed_with_succeeded_type = fixture(FAILED);
    failed_with_succeeded_type["event_type"] = json!("connect_webview.login_succeeded");
    assert_eq!(
        issues(&failed_with_succeeded_type.to_string(), DecodeOptions::new()),
        vec![(IssueCode::MissingField, "/connected_account_id".into())]
    );
}

#[test]
fn metadata_values_must_be_strings_or_booleans() {
    let metadata = json!({"ok": "x", "yes": false, "n": 1, "null": null, "list": ["a"], "obj": {"a": "b"}, "a/b": 2});
    assert_eq!(
        issues(&with(SUCCEEDED, "connected_account_custom_metadata", Some(metadata)), DecodeOptions::new()),
        vec![
            (IssueCode::InvalidType, "/connected_account_custom_metadata/n".into()),
            (IssueCode::InvalidType, "/connected_account_custom_metadata/null".into()),
            (IssueCode::InvalidType, "/connected_account_custom_metadata/list".into()),
            (IssueCode::InvalidType, "/connected_account_custom_metadata/obj".into()),
            (IssueCode::InvalidType, "/connected_account_custom_metadata/a~1b".into()),
        ]
    );
    for bad in [json!([]), json!("{}"), json!(null)] {
        assert_eq!(
            issues(&with(SUCCEEDED, "connected_account_custom_metadata", Some(bad)), DecodeOptions::new()),
            vec![(IssueCode::InvalidType, "/connected_account_custom_metadata".into())]
        );
    }
}

#[test]
fn every_issue_is_collected_not_only_the_first() {
    let text = r#"{"event_type": "connect_webview.login_succeeded", "event_id": "nope", "workspace_id": 7,
        "created_at": "2025-02-30T00:00:00Z", "connected_account_custom_metadata": {"vip": 1}}"#;
    assert_eq!(
        issues(text, DecodeOptions::new()),
        vec![
            (IssueCode::InvalidUuid, "/event_id".into()),
            (IssueCode::InvalidType, "/workspace_id".into()),
            (IssueCode::InvalidDatetime, "/created_at".into()),
            (IssueCode::InvalidType, "/connected_account_custom_metadata/vip".into()),
            (IssueCode::MissingField, "/connect_webview_id".into()),
            (IssueCode::MissingField, "/connected_account_id".into()),
            (IssueCode::MissingField, "/occurred_at".into()),
        ]
    );
}

/// As zod does: without an event type there is no schema for the rest.
#[test]
fn without_a_usable_event_type_only_that_is_reported() {
    let text = with(&with(FAILED, "event_type", Some(json!(5))), "event_id", Some(json!("bad")));
    assert_eq!(issues(&text, DecodeOptions::new()), vec![(IssueCode::InvalidType, "/event_type".into())]);
    let text = with(FAILED, "event_type", None);
    assert_eq!(issues(&text, DecodeOptions::new()), vec![(IssueCode::MissingField, "/event_type".into())]);
}

#[test]
fn other_event_types_are_reported_by_name() {
    for other in
        ["device.exploded", "lock.unlocked2", "Device.Connected", "connect_webview.login", "connect_webview", ""]
    {
        let err = decode(&with(FAILED, "event_type", Some(json!(other)))).unwrap_err();
        assert_eq!(err.issues().len(), 1);
        assert_eq!((err.issues()[0].code, err.issues()[0].path.as_str()), (IssueCode::UnknownEventType, "/event_type"));
        assert!(err.issues()[0].message.contains(&format!("found \"{other}\"")), "{}", err.issues()[0].message);
    }
}

#[test]
fn strict_mode_reports_unknown_fields_by_event_type() {
    let strict = DecodeOptions::new().strict(true);
    assert!(strict.decode(SUCCEEDED).is_ok());
    assert!(strict.decode(FAILED).is_ok());
    let text = with(&with(FAILED, "connected_account_id", Some(json!("x"))), "a/b", Some(json!(1)));
    assert_eq!(
        issues(&text, strict),
        vec![(IssueCode::UnknownField, "/connected_account_id".into()), (IssueCode::UnknownField, "/a~1b".into())]
    );
    assert!(DecodeOptions::new().decode(&text).is_ok());
}

#[test]
fn the_root_must_be_an_object() {
    for (text, found) in
        [("[]", "an array"), ("\"x\"", "a string"), ("1", "a number"), ("null", "null"), ("true", "a boolean")]
    {
        let err = decode(text).unwrap_err();
        assert_eq!((err.issues()[0].code, err.issues()[0].path.as_str()), (IssueCode::InvalidType, ""));
        assert_eq!(err.issues()[0].message, format!("expected a JSON object, found {found}"));
    }
}

#[test]
fn duplicate_keys_are_rejected_with_their_path() {
    let text = SUCCEEDED.replacen("{", r#"{"event_id": "00000000-0000-0000-0000-000000000000","#, 1);
    assert_eq!(issues(&text, DecodeOptions::new()), vec![(IssueCode::DuplicateField, "/event_id".into())]);
    let text = with(SUCCEEDED, "connected_account_custom_metadata", Some(json!({}))).replace(
        "\"connected_account_custom_metadata\":{}",
        r#""connected_account_custom_metadata":{"vip":true,"vip":false}"#,
    );
    assert_eq!(
        issues(&text, DecodeOptions::new()),
        vec![(IssueCode::DuplicateField, "/connected_account_custom_metadata/vip".into())]
    );
}

#[test]
fn syntax_errors_table() {
    let cases = [
        ("", 1, 1),
        ("{", 1, 1),
        ("{\"event_id\" 1}", 1, 13),
        ("{\n\"a\": 1,\n}", 3, 1),
        ("{\"a\": 01}", 1, 8),
        ("{\"a\": NaN}", 1, 7),
        ("{\"a\": \"\\ud800\"}", 1, 14),
        ("{\"a\": \"tab\there\"}", 1, 11),
        ("\u{feff}{}", 1, 1),
        ("{} {}", 1, 4),
        ("{\"a\": 1e400}", 1, 11),
    ];
    for (text, line, column) in cases {
        let err = decode(text).unwrap_err();
        let issue = &err.issues()[0];
        assert_eq!((issue.code, issue.path.as_str()), (IssueCode::InvalidJson, ""), "{text:?}");
        assert_eq!((issue.line, issue.column), (Some(line), Some(column)), "{text:?}: {}", issue.message);
    }
}

#[test]
fn an_escaped_lone_surrogate_is_named_as_one() {
    // Not serde_json's words, which call a lone trailing surrogate "leading"
    // and a leading one with no pair "the end of hex escape".
    const LONE: &str =
        "lone surrogate in a \\u escape (a pair is \\uD800-\\uDBFF, then \\uDC00-\\uDFFF; one alone has no UTF-8 form)";
    const NO_PAIR: &str =
        "leading surrogate in a \\u escape with no \\u escape of its trailing half after it (a lone surrogate has no UTF-8 form)";
    let cases = [
        (r#"{"a": "x\udc00y"}"#, format!("line 1, column 14: {LONE}, found '0'")),
        (r#"{"a": "\ud800\u0041"}"#, format!("line 1, column 19: {LONE}, found '1'")),
        (r#"{"a": "\ud800\ud800"}"#, format!("line 1, column 19: {LONE}, found '0'")),
        (r#"{"a": "x\ud800y"}"#, format!("line 1, column 15: {NO_PAIR}, found 'y'")),
        (r#"{"a": "\ud800"}"#, format!("line 1, column 14: {NO_PAIR}, found '\"'")),
    ];
    for (text, expected) in cases {
        let err = decode(text).unwrap_err();
        let issue = &err.issues()[0];
        assert_eq!(issue.code, IssueCode::InvalidJson, "{text}");
        assert_eq!(issue.message, format!("not valid JSON at {expected}"), "{text}");
    }
    // A pair is one character.
    let pair = r#"{"a": "\ud83d\ude00"}"#;
    assert_eq!(decode(pair).unwrap_err().issues()[0].code, IssueCode::MissingField);
}

#[test]
fn a_decode_error_serialises_as_the_javascript_one_stringifies() {
    let doc: serde_json::Value = serde_json::from_str(include_str!("fixtures/decode_errors.json")).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 5);
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let err = decode(input).unwrap_err();
        let json = case["json"].as_str().unwrap().replace("{catalogue}", &catalogue());
        assert_eq!(serde_json::to_string(&err).unwrap(), json, "{input}");
    }
}

#[test]
fn invalid_utf8_names_the_byte_and_position() {
    let err = decode_slice(b"{\n  \"customer_key\": \"caf\xc3\xa9 \xff\"\n}").unwrap_err();
    let issue = &err.issues()[0];
    assert_eq!((issue.code, issue.path.as_str()), (IssueCode::InvalidUtf8, ""));
    assert_eq!((issue.line, issue.column), (Some(2), Some(25)));
    assert!(issue.message.starts_with("expected UTF-8 text, found byte 0xff at byte offset 27"), "{}", issue.message);
    // A truncated multi-byte character at the very end.
    let err = decode_slice(b"{\"a\": \"\xe2\x82").unwrap_err();
    assert_eq!(err.issues()[0].code, IssueCode::InvalidUtf8);
    // What is wrong with the byte, in each of the ways it can be.
    let cases: [(&[u8], &str); 6] = [
        (
            b"{\"a\": \"\xe2\x82",
            "0xe2 at byte offset 7 (line 1, column 8) that starts a UTF-8 character the input ends before",
        ),
        (
            b"{\"a\": \"\xc3\x28\"}",
            "0xc3 at byte offset 7 (line 1, column 8) that starts a UTF-8 character the bytes after it do not make",
        ),
        (
            b"{\"a\": \"\xed\xa0\x80\"}",
            "0xed at byte offset 7 (line 1, column 8) that starts a UTF-8 character the bytes after it do not make",
        ),
        (
            b"{\"a\": \"\x80\"}",
            "0x80 at byte offset 7 (line 1, column 8) that continues a UTF-8 character, with none to continue",
        ),
        (b"{\"a\": \"\xc0\x80\"}", "0xc0 at byte offset 7 (line 1, column 8) that is never in UTF-8 text"),
        (b"{\"a\": \"\xff\"}", "0xff at byte offset 7 (line 1, column 8) that is never in UTF-8 text"),
    ];
    for (bytes, expected) in cases {
        let err = decode_slice(bytes).unwrap_err();
        assert_eq!(err.issues()[0].message, format!("expected UTF-8 text, found byte {expected}"), "{bytes:?}");
    }
}

#[test]
fn the_byte_limit_is_checked_first() {
    let options = DecodeOptions::new().max_bytes(10);
    for result in [options.decode("{\"a\": \"0123456789\"}"), options.decode_slice(&[0xff; 11])] {
        let err = result.unwrap_err();
        assert_eq!((err.issues()[0].code, err.issues()[0].path.as_str()), (IssueCode::PayloadTooLarge, ""));
        assert!(err.issues()[0].message.starts_with("expected at most 10 bytes, found "));
    }
    assert!(DecodeOptions::new().max_bytes(SUCCEEDED.len()).decode(SUCCEEDED).is_ok());
    let big = " ".repeat(connect_webview_events::DEFAULT_MAX_BYTES) + SUCCEEDED;
    assert_eq!(decode(&big).unwrap_err().issues()[0].code, IssueCode::PayloadTooLarge);
}

#[test]
fn validate_agrees_with_decode() {
    let options = DecodeOptions::new();
    assert_eq!(
        options.validate(SUCCEEDED),
        SeamEventType::from_name("connect_webview.login_succeeded").ok_or_else(|| unreachable!())
    );
    assert_eq!(
        options.validate_slice(FAILED.as_bytes()),
        SeamEventType::from_name("connect_webview.login_failed").ok_or_else(|| unreachable!())
    );
    let bad = with(FAILED, "event_id", Some(json!(1)));
    assert_eq!(options.validate(&bad).unwrap_err(), options.decode(&bad).unwrap_err());
}

#[test]
fn messages_name_what_was_expected_and_what_was_found() {
    let table = [
        (with(FAILED, "event_id", Some(json!("abc"))),
         "expected a UUID like 00000000-0000-0000-0000-000000000000, found \"abc\": it has 3 characters, not 36"),
        (with(FAILED, "created_at", Some(json!("2025-04-31T00:00:00Z"))),
         "expected a date-time like 2025-01-01T00:00:00.000Z, found \"2025-04-31T00:00:00Z\": April 2025 has no day 31"),
        (with(FAILED, "created_at", Some(json!("2025-01-01T00:00.5Z"))),
         "expected a date-time like 2025-01-01T00:00:00.000Z, found \"2025-01-01T00:00.5Z\": expected ':' or 'Z' at index 16, found '.' (a fraction is allowed only after seconds)"),
        (with(FAILED, "occurred_at", Some(json!("2023-02-29T23:59Z"))),
         "expected a date-time like 2025-01-01T00:00:00.000Z, found \"2023-02-29T23:59Z\": February 2023 has no day 29"),
        (with(FAILED, "occurred_at", None), "expected field \"occurred_at\" (a date-time), found no such key"),
        (with(FAILED, "workspace_id", Some(json!([]))), "expected a string, found an array"),
        (with(FAILED, "event_type", Some(json!("device.exploded"))),
         "expected one of {catalogue}, found \"device.exploded\""),
    ];
    for (text, message) in table {
        assert_eq!(decode(&text).unwrap_err().issues()[0].message, message.replace("{catalogue}", &catalogue()));
    }
}

#[test]
fn an_unknown_name_parses_to_the_error_whose_text_is_the_issue_message() {
    let err = "device.exploded".parse::<SeamEventType>().unwrap_err();
    assert_eq!(err.name(), "device.exploded");
    let decoded = decode(&with(FAILED, "event_type", Some(json!("device.exploded")))).unwrap_err();
    assert_eq!(err.to_string(), decoded.issues()[0].message);
    // serde gives the same text, for a config file or a queue message that names event types.
    let err = serde_json::from_str::<Vec<SeamEventType>>(r#"["lock.locked", "device.exploded"]"#).unwrap_err();
    assert!(err.to_string().starts_with(&decoded.issues()[0].message), "{err}");
    // Names are exact: no case folding, no trimming.
    for name in ["Lock.locked", "lock.locked ", "", "lock"] {
        assert!(name.parse::<SeamEventType>().is_err(), "{name:?}");
    }
}

/// How an unknown event type's message names the catalogue: "the 109 event
/// types of @seamapi/types 1.977.0" at that version of the reference.
fn catalogue() -> String {
    format!("the {} event types of {}", SeamEventType::all().count(), SeamEventType::reference())
}

/// Found by the round-trip property test: serde_json's default float parser
/// is not exact, so 4.55607655067659e299 came back as 4.5560765506765896e299.
#[test]
fn regression_unknown_float_fields_round_trip_exactly() {
    let text = include_str!("fixtures/login_failed.json").replacen('{', r#"{"x": {"": 4.55607655067659e299},"#, 1);
    let event = decode(&text).unwrap();
    assert_eq!(extra(&event)["x"][""], json!(4.55607655067659e299));
    assert_eq!(event.to_value(), fixture(&text));
}

#[test]
fn numbers_of_any_length_are_read_without_overflow() {
    // A mantissa of 20 digits and more overflowed a u64 on the native fast
    // path: a panic in a debug build (found by the fuzz corpus).
    let examples: Value = serde_json::from_str(include_str!("../catalogue/examples.json")).unwrap();
    let full = examples["examples"]["device.battery_status_changed"]["full"].to_string();
    let at = |level: &str| {
        full.replacen(
            &format!(
                "\"battery_level\":{}",
                examples["examples"]["device.battery_status_changed"]["full"]["battery_level"]
            ),
            &format!("\"battery_level\":{level}"),
            1,
        )
    };
    for level in [
        "0.1000000000000000000001",
        "0.99999999999999999999999999",
        "-0.000000000000000000000",
        "1.00000000000000000001",
    ] {
        let text = at(level);
        assert!(text.contains(level), "{text}");
        assert!(decode(&text).is_ok(), "{level}");
    }
    for level in ["123456789012345678901234567890", "-99999999999999999999.5", "1.0000000000000002"] {
        assert_eq!(
            issues(&at(level), DecodeOptions::new()),
            [(IssueCode::OutOfRange, "/battery_level".to_string())],
            "{level}"
        );
    }
}
