//! What every fuzz input must satisfy, shared by the fuzz targets (cargo fuzz,
//! nightly) and by tests/fuzz_corpus.rs, which replays the saved corpus on
//! stable in `make test`. A failed assertion here is a bug in the library.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use connect_webview_events::{
    BatchOptions, DecodeError, DecodeOptions, IssueCode, Webhook, WebhookError, WebhookHeaders,
};

/// Every issue has a code, a JSON Pointer, a message, and a position exactly
/// when it is about the text rather than a value.
fn check_issues(error: &DecodeError) {
    assert!(!error.issues().is_empty(), "an error with no issue");
    for issue in error.issues() {
        assert!(issue.path.is_empty() || issue.path.starts_with('/'), "not a JSON Pointer: {:?}", issue.path);
        assert!(!issue.message.is_empty());
        let positioned = matches!(issue.code, IssueCode::InvalidJson | IssueCode::InvalidUtf8);
        assert_eq!(issue.line.is_some(), positioned, "{issue:?}");
        assert_eq!(issue.column.is_some(), positioned, "{issue:?}");
        assert!(issue.line.unwrap_or(1) >= 1 && issue.column.unwrap_or(1) >= 1, "{issue:?}");
    }
}

/// decode and validate agree; a decoded event serialises to JSON that decodes
/// to the same event; every failure is well formed.
pub fn decode(data: &[u8]) {
    for strict in [false, true] {
        let options = DecodeOptions::new().strict(strict);
        match (options.decode_slice(data), options.validate_slice(data)) {
            (Ok(event), Ok(event_type)) => {
                assert_eq!(event.event_type(), event_type.as_str());
                let again = options.decode(&event.to_value().to_string()).expect("a decoded event decodes again");
                assert_eq!(again, event);
            }
            (Err(decoded), Err(validated)) => {
                assert_eq!(decoded, validated);
                check_issues(&decoded);
            }
            (decoded, validated) => panic!("decode and validate disagree: {decoded:?} / {validated:?}"),
        }
    }
}

/// One item per event, in order, each result well formed and the same as
/// decoding that event alone would say (positions aside).
pub fn decode_batch(data: &[u8]) {
    let options = BatchOptions::default();
    match (options.decode_slice(data), options.validate_slice(data)) {
        (Ok(decoded), Ok(validated)) => {
            assert_eq!(decoded.len(), validated.len());
            // One item per element of an array, as serde_json counts them
            // (where it reads the array: nested at most 128 deep).
            if let Ok(serde_json::Value::Array(elements)) = serde_json::from_slice(data) {
                assert_eq!(decoded.len(), elements.len(), "items of an array");
            }
            let mut last_line = 0;
            for (index, (d, v)) in decoded.iter().zip(&validated).enumerate() {
                assert_eq!((d.index, v.index, d.line), (index, index, v.line));
                assert!(d.line > last_line || (d.line == last_line && d.line >= 1), "lines go backwards");
                last_line = d.line;
                match (&d.result, &v.result) {
                    (Ok(event), Ok(event_type)) => assert_eq!(event.event_type(), event_type.as_str()),
                    (Err(a), Err(b)) => {
                        assert_eq!(a, b);
                        check_issues(a);
                    }
                    _ => panic!("decode and validate disagree on item {index}"),
                }
            }
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            check_issues(&a);
            // An array that serde_json reads is never refused as a whole.
            let array = matches!(serde_json::from_slice(data), Ok(serde_json::Value::Array(_)));
            assert!(!array || a.issues()[0].code == IssueCode::PayloadTooLarge, "{a:?}");
        }
        _ => panic!("decode and validate disagree on the batch"),
    }
}

/// Signing then verifying always authenticates, and then gives what decoding
/// gives; a changed body never authenticates; arbitrary header text never
/// panics and never authenticates a body it was not signed for.
pub fn verify(data: &[u8]) {
    let (key, rest) = data.split_at(data.len().min(24));
    let secret = format!("whsec_{}", BASE64.encode(if key.is_empty() { b"k" } else { key }));
    let webhook = Webhook::new(&secret).expect("whsec_ and base64 of a non-empty key is a secret");
    let (headers_text, body) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, rest),
    };
    let now = 1_700_000_000;

    let signature = webhook.sign("msg_fuzz", now, body);
    let headers = WebhookHeaders { id: "msg_fuzz", timestamp: "1700000000", signature: &signature };
    match webhook.verify_at(body, &headers, now) {
        Ok(event) => assert_eq!(Ok(event), DecodeOptions::new().decode_slice(body)),
        Err(WebhookError::Decode(error)) => assert_eq!(Err(error), DecodeOptions::new().decode_slice(body)),
        Err(WebhookError::Verify(error)) => {
            assert!(body.len() > DecodeOptions::new().max_bytes, "a signed body did not verify: {error}")
        }
    }
    let mut changed = body.to_vec();
    changed.push(b' ');
    assert!(webhook.verify_signature(&changed, &headers, now).is_err(), "a changed body verified");

    let text = String::from_utf8_lossy(headers_text);
    let mut lines = text.split('\n');
    let pairs = std::iter::from_fn(|| Some((lines.next()?, lines.next()?)));
    if let Ok(found) = WebhookHeaders::from_pairs(pairs) {
        let verdict = webhook.verify_signature(body, &found, now);
        if verdict.is_ok() {
            assert!(found.signature.contains(&signature[3..]), "authenticated without the right signature");
        }
    }
}
