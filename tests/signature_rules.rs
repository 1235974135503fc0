//! Standard Webhooks / Svix signatures as tables.

use connect_webview_events::{DecodeOptions, IssueCode, VerifyErrorCode, Webhook, WebhookError, WebhookHeaders};

/// The reference example of the Standard Webhooks spec and the svix libraries.
const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const TIMESTAMP: i64 = 1614265330;
const BODY: &[u8] = br#"{"test": 2432232314}"#;
const SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

const EVENT: &[u8] = include_bytes!("fixtures/login_succeeded.json");

fn webhook() -> Webhook {
    Webhook::new(SECRET).unwrap()
}

fn check(signature: &str, timestamp: &str, now: i64) -> Result<(), VerifyErrorCode> {
    let headers = WebhookHeaders { id: ID, timestamp, signature };
    webhook().verify_signature(BODY, &headers, now).map_err(|e| e.code())
}

#[test]
fn the_reference_example_verifies_and_signs_the_same() {
    assert_eq!(check(SIGNATURE, "1614265330", TIMESTAMP), Ok(()));
    assert_eq!(webhook().sign(ID, TIMESTAMP, BODY), SIGNATURE);
    // The bare base64 secret is the same key.
    assert_eq!(Webhook::new(&SECRET[6..]).unwrap().sign(ID, TIMESTAMP, BODY), SIGNATURE);
}

#[test]
fn signature_header_table() {
    let good = &SIGNATURE[3..];
    let other_key = Webhook::new("whsec_c2VjcmV0LWtleS1vbmU=").unwrap().sign(ID, TIMESTAMP, BODY);
    let cases: Vec<(String, Result<(), VerifyErrorCode>)> = vec![
        (SIGNATURE.into(), Ok(())),
        (format!("v1,{}", &good[..20]), Err(VerifyErrorCode::InvalidSignature)),
        (format!("v1,{}", &good[..good.len() - 4]), Err(VerifyErrorCode::InvalidSignature)),
        ("v1,".into(), Err(VerifyErrorCode::InvalidSignature)),
        // Empty: not there, as for svix.
        ("".into(), Err(VerifyErrorCode::MissingHeader)),
        ("v1".into(), Err(VerifyErrorCode::InvalidSignature)),
        // 31 and 33 bytes: right prefix, wrong length.
        ("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1A==".into(), Err(VerifyErrorCode::InvalidSignature)),
        (format!("v1,{}", base64_of_33_bytes()), Err(VerifyErrorCode::InvalidSignature)),
        (format!("v1,{}!", good), Err(VerifyErrorCode::InvalidSignature)),
        (format!("v2,{good}"), Err(VerifyErrorCode::InvalidSignature)),
        (format!("V1,{good}"), Err(VerifyErrorCode::InvalidSignature)),
        (format!("v1a,{good}"), Err(VerifyErrorCode::InvalidSignature)),
        // Several signatures: one match is enough, other versions are skipped.
        (format!("v2,{good} v1,AAAA {SIGNATURE}"), Ok(())),
        (format!("{other_key} {SIGNATURE}"), Ok(())),
        (format!("{SIGNATURE} {other_key}"), Ok(())),
        (format!("  {SIGNATURE}  "), Ok(())),
        // A header sent twice, as Node and `Headers` join it; what follows a
        // second comma is not read, as in svix.
        (format!("{SIGNATURE}, v1,AAAA"), Ok(())),
        (format!("v1,AAAA, {SIGNATURE}"), Ok(())),
        (format!("{SIGNATURE},v2"), Ok(())),
        (format!("v1,,{good}"), Err(VerifyErrorCode::InvalidSignature)),
        (format!("v1,AAAA,{good}"), Err(VerifyErrorCode::InvalidSignature)),
        (other_key.clone(), Err(VerifyErrorCode::InvalidSignature)),
    ];
    for (signature, expected) in cases {
        assert_eq!(check(&signature, "1614265330", TIMESTAMP), expected, "{signature:?}");
    }
}

fn base64_of_33_bytes() -> String {
    "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OEA".into()
}

#[test]
fn rotated_keys_verify_with_either_signature() {
    let old = Webhook::new("whsec_b2xkLWtleQ==").unwrap();
    let new = Webhook::new("whsec_bmV3LWtleQ==").unwrap();
    let both = format!("{} {}", old.sign(ID, TIMESTAMP, BODY), new.sign(ID, TIMESTAMP, BODY));
    let headers = WebhookHeaders { id: ID, timestamp: "1614265330", signature: &both };
    assert_eq!(old.verify_signature(BODY, &headers, TIMESTAMP), Ok(()));
    assert_eq!(new.verify_signature(BODY, &headers, TIMESTAMP), Ok(()));
    assert_eq!(
        webhook().verify_signature(BODY, &headers, TIMESTAMP).unwrap_err().code(),
        VerifyErrorCode::InvalidSignature
    );
}

#[test]
fn timestamp_table() {
    let cases = [
        ("1614265330", TIMESTAMP + 300, Ok(())),
        ("1614265330", TIMESTAMP - 300, Ok(())),
        ("1614265330", TIMESTAMP + 301, Err(VerifyErrorCode::TimestampTooOld)),
        ("1614265330", TIMESTAMP - 301, Err(VerifyErrorCode::TimestampTooNew)),
        ("01614265330", TIMESTAMP, Ok(())),
        ("", TIMESTAMP, Err(VerifyErrorCode::MissingHeader)),
        ("abc", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("1614265330abc", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("1614265330.0", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("1614265330 ", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        (" 1614265330", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("+1614265330", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("-1", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("1e9", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("99999999999999999999999", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        ("9223372036854775807", i64::MIN, Err(VerifyErrorCode::TimestampTooNew)),
        ("9223372036854775808", TIMESTAMP, Err(VerifyErrorCode::InvalidTimestamp)),
        // In time, but the signature is for another time.
        ("999999999999999999", 999_999_999_999_999_999, Err(VerifyErrorCode::InvalidSignature)),
        ("999999999999999999", 999_999_999_999_999_698, Err(VerifyErrorCode::TimestampTooNew)),
        ("0000000001614265330", TIMESTAMP, Ok(())),
        ("0000000000000000000001614265330", TIMESTAMP - 300, Ok(())),
        ("0", i64::MAX, Err(VerifyErrorCode::TimestampTooOld)),
    ];
    for (timestamp, now, expected) in cases {
        assert_eq!(check(SIGNATURE, timestamp, now), expected, "{timestamp:?} at {now}");
    }
    let wide = webhook().tolerance_seconds(3600);
    let headers = WebhookHeaders { id: ID, timestamp: "1614265330", signature: SIGNATURE };
    assert_eq!(wide.verify_signature(BODY, &headers, TIMESTAMP + 3600), Ok(()));
}

#[test]
fn an_empty_header_value_is_not_there_as_for_svix() {
    let signed_for_no_id = webhook().sign("", TIMESTAMP, BODY);
    let headers = WebhookHeaders { id: "", timestamp: "1614265330", signature: &signed_for_no_id };
    let err = webhook().verify_signature(BODY, &headers, TIMESTAMP).unwrap_err();
    assert_eq!((err.code(), err.message()), (VerifyErrorCode::MissingHeader, "missing header webhook-id (or svix-id)"));
    // From pairs, an empty svix- value leaves the webhook- one to be read.
    let pairs = [("svix-id", ""), ("webhook-id", ID), ("svix-timestamp", "1614265330"), ("svix-signature", SIGNATURE)];
    let headers = WebhookHeaders::from_pairs(pairs).unwrap();
    assert_eq!(webhook().verify_signature(BODY, &headers, TIMESTAMP), Ok(()));
}

#[test]
fn a_verify_error_code_is_shown_and_serialised_as_its_as_str() {
    use VerifyErrorCode::*;
    let codes = [MissingHeader, InvalidTimestamp, TimestampTooOld, TimestampTooNew, InvalidSignature, InvalidSecret];
    for code in codes {
        assert_eq!(code.to_string(), code.as_str());
        assert_eq!(serde_json::to_value(code).unwrap(), serde_json::Value::from(code.as_str()));
    }
}

#[test]
fn secrets_table() {
    for (secret, ok) in [
        (SECRET, true),
        ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true),
        ("whsec_", false),
        ("", false),
        ("whsec_not base64", false),
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", false),
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw=", false),
    ] {
        match Webhook::new(secret) {
            Ok(_) => assert!(ok, "{secret:?} was accepted"),
            Err(e) => {
                assert!(!ok, "{secret:?}: {e}");
                assert_eq!(e.code(), VerifyErrorCode::InvalidSecret);
            }
        }
    }
}

#[test]
fn the_secret_never_shows_in_debug_output() {
    let shown = format!("{:?}", webhook());
    assert!(shown.contains("[redacted]"), "{shown}");
    assert!(!shown.contains("MfKQ9r8"), "{shown}");
}

#[test]
fn a_changed_body_id_or_timestamp_fails() {
    let w = webhook();
    let headers = WebhookHeaders { id: ID, timestamp: "1614265330", signature: SIGNATURE };
    let err = w.verify_signature(br#"{"test": 2432232315}"#, &headers, TIMESTAMP).unwrap_err();
    assert_eq!((err.code(), err.message()), (VerifyErrorCode::InvalidSignature, "no matching signature found"));
    let other_id = WebhookHeaders { id: "msg_other", ..headers };
    assert_eq!(w.verify_signature(BODY, &other_id, TIMESTAMP).unwrap_err().code(), VerifyErrorCode::InvalidSignature);
    let other_time = WebhookHeaders { timestamp: "1614265331", ..headers };
    assert_eq!(w.verify_signature(BODY, &other_time, TIMESTAMP).unwrap_err().code(), VerifyErrorCode::InvalidSignature);
}

#[test]
fn headers_are_found_in_any_case_with_either_prefix() {
    let tables: [&[(&str, &str)]; 3] = [
        &[("svix-id", ID), ("svix-timestamp", "1614265330"), ("svix-signature", SIGNATURE)],
        &[("Webhook-Id", ID), ("WEBHOOK-TIMESTAMP", "1614265330"), ("webhook-Signature", SIGNATURE)],
        &[
            ("content-type", "application/json"),
            ("SVIX-ID", ID),
            ("webhook-timestamp", "1614265330"),
            ("Svix-Signature", SIGNATURE),
        ],
    ];
    for pairs in tables {
        let headers = WebhookHeaders::from_pairs(pairs.iter().copied()).unwrap();
        assert_eq!(webhook().verify_signature(BODY, &headers, TIMESTAMP), Ok(()));
    }
    for missing in ["id", "timestamp", "signature"] {
        let pairs = ["id", "timestamp", "signature"].into_iter().filter(|f| *f != missing).map(|f| match f {
            "id" => ("webhook-id", ID),
            "timestamp" => ("webhook-timestamp", "1614265330"),
            _ => ("webhook-signature", SIGNATURE),
        });
        let err = WebhookHeaders::from_pairs(pairs).unwrap_err();
        assert_eq!(err.code(), VerifyErrorCode::MissingHeader);
        assert_eq!(err.message(), format!("missing header webhook-{missing} (or svix-{missing})"));
    }
}

#[test]
fn authentication_comes_first_then_decoding() {
    let w = webhook();
    let signature = w.sign(ID, TIMESTAMP, EVENT);
    let headers = WebhookHeaders { id: ID, timestamp: "1614265330", signature: &signature };
    assert_eq!(w.verify_at(EVENT, &headers, TIMESTAMP).unwrap().event_type(), "connect_webview.login_succeeded");

    // A good signature over a body that is not a valid event: a decode error.
    let signature = w.sign(ID, TIMESTAMP, BODY);
    let headers = WebhookHeaders { signature: &signature, ..headers };
    let Err(WebhookError::Decode(err)) = w.verify_at(BODY, &headers, TIMESTAMP) else {
        panic!("expected a decode error")
    };
    assert_eq!(err.issues()[0].code, IssueCode::MissingField);

    // A bad signature over an invalid body: the verification error, body unread.
    let headers = WebhookHeaders { signature: "v1,AAAA", ..headers };
    let Err(WebhookError::Verify(err)) = w.verify_at(b"\xff not json", &headers, TIMESTAMP) else {
        panic!("expected a verify error")
    };
    assert_eq!(err.code(), VerifyErrorCode::InvalidSignature);

    // A body over the byte limit is authenticated, not decoded: too large
    // when authentic, the verification error when forged.
    let small = w.clone().decode_options(DecodeOptions::new().max_bytes(EVENT.len() - 1));
    let signature = small.sign(ID, TIMESTAMP, EVENT);
    let headers = WebhookHeaders { signature: &signature, ..headers };
    let Err(WebhookError::Decode(err)) = small.verify_at(EVENT, &headers, TIMESTAMP) else { panic!() };
    assert_eq!(err.issues()[0].code, IssueCode::PayloadTooLarge);
    let forged = WebhookHeaders { signature: "v1,AAAA", ..headers };
    let Err(WebhookError::Verify(err)) = small.verify_at(EVENT, &forged, TIMESTAMP) else { panic!() };
    assert_eq!(err.code(), VerifyErrorCode::InvalidSignature);
    let Err(WebhookError::Verify(err)) = small.verify_at(EVENT, &headers, TIMESTAMP + 301) else { panic!() };
    assert_eq!(err.code(), VerifyErrorCode::TimestampTooOld);

    // Decode options apply after authentication.
    let strict = w.decode_options(DecodeOptions::new().strict(true));
    let body = br#"{"x": 1}"#;
    let signature = strict.sign(ID, TIMESTAMP, body);
    let headers = WebhookHeaders { signature: &signature, ..headers };
    let Err(WebhookError::Decode(err)) = strict.verify_at(body, &headers, TIMESTAMP) else { panic!() };
    assert_eq!(err.issues()[0].code, IssueCode::MissingField);
}

#[test]
fn the_signed_content_is_id_dot_timestamp_dot_body_for_any_timestamp() {
    use base64::Engine;
    use hmac::{KeyInit, Mac};
    let engine = base64::engine::general_purpose::STANDARD;
    let key = engine.decode(SECRET.trim_start_matches("whsec_")).unwrap();
    for timestamp in [0, 7, -1, TIMESTAMP, -TIMESTAMP, i64::MAX, i64::MIN] {
        let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(&key).unwrap();
        mac.update(format!("{ID}.{timestamp}.").as_bytes());
        mac.update(BODY);
        let expected = format!("v1,{}", engine.encode(mac.finalize().into_bytes()));
        assert_eq!(webhook().sign(ID, timestamp, BODY), expected, "at {timestamp}");
    }
}

/// The table that Rust, the JavaScript package and the command-line tool are
/// each held to: which header of several is read.
const SIGNATURE_HEADERS: &str = include_str!("fixtures/signature_headers.json");

#[test]
fn from_pairs_reads_the_signature_headers_by_the_shared_table() {
    let table: serde_json::Value = serde_json::from_str(SIGNATURE_HEADERS).unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let pairs: Vec<(&str, &str)> = case["headers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| (pair[0].as_str().unwrap(), pair[1].as_str().unwrap()))
            .collect();
        let picks = ["id", "timestamp", "signature"].map(|field| case["picks"][field].as_str());
        match WebhookHeaders::from_pairs(pairs.iter().copied()) {
            Ok(headers) => {
                assert_eq!([Some(headers.id), Some(headers.timestamp), Some(headers.signature)], picks, "{name}")
            }
            Err(err) => {
                // The first field not there is the one named.
                let missing = ["id", "timestamp", "signature"][picks.iter().position(Option::is_none).expect(name)];
                assert_eq!(err.code(), VerifyErrorCode::MissingHeader, "{name}");
                assert_eq!(err.message(), format!("missing header webhook-{missing} (or svix-{missing})"), "{name}");
            }
        }
    }
}
