//! Property tests: every valid event round-trips exactly, and a change to one
//! field yields exactly that field's issue code and path.

#![cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency

use connect_webview_events::{decode, decode_slice, DecodeOptions, IssueCode};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// A UUID in canonical form, each digit in either case.
fn uuid() -> impl Strategy<Value = String> {
    proptest::collection::vec((0u8..16, any::<bool>()), 32).prop_map(|digits| {
        let mut out = String::with_capacity(36);
        for (i, (digit, upper)) in digits.into_iter().enumerate() {
            if matches!(i, 8 | 12 | 16 | 20) {
                out.push('-');
            }
            let c = char::from_digit(u32::from(digit), 16).unwrap_or('0');
            out.push(if upper { c.to_ascii_uppercase() } else { c });
        }
        out
    })
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// A date-time that exists: with seconds, with or without a fraction, or
/// without seconds (zod's seconds are optional; a fraction needs them).
fn datetime() -> impl Strategy<Value = String> {
    let seconds = proptest::option::weighted(0.75, (0u32..60, proptest::option::of("[0-9]{1,9}")));
    (0u32..10_000, 1u32..=12, 1u32..=31, 0u32..24, 0u32..60, seconds).prop_map(
        |(year, month, day, hour, minute, seconds)| {
            let days = match month {
                2 if is_leap(year) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let day = (day - 1) % days + 1;
            let seconds = seconds
                .map(|(second, fraction)| {
                    format!(":{second:02}{}", fraction.map(|f| format!(".{f}")).unwrap_or_default())
                })
                .unwrap_or_default();
            format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}{seconds}Z")
        },
    )
}

/// Any JSON value, nested a little.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(".{0,8}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Keys that end users might put in metadata, prototype names included.
fn metadata_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("__proto__".to_string()),
        Just("constructor".to_string()),
        Just("prototype".to_string()),
        ".{0,10}"
    ]
}

fn metadata() -> impl Strategy<Value = Value> {
    let value = prop_oneof![".{0,20}".prop_map(Value::String), any::<bool>().prop_map(Value::Bool)];
    proptest::collection::btree_map(metadata_key(), value, 0..6).prop_map(|m| Value::Object(m.into_iter().collect()))
}

/// Names of fields a later version of Seam might add.
fn extra_fields() -> impl Strategy<Value = Vec<(String, Value)>> {
    proptest::collection::vec(("x_[a-z_]{1,10}", json_value()), 0..4)
}

/// A valid event of either type, as a JSON object.
fn event() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        [uuid(), uuid(), uuid(), uuid()],
        [datetime(), datetime()],
        proptest::option::of(metadata()),
        proptest::option::of(".{0,16}"),
        proptest::option::of(".{0,40}"),
        extra_fields(),
    )
        .prop_map(
            |(
                succeeded,
                [event_id, workspace_id, webview_id, account_id],
                [created, occurred],
                metadata,
                customer_key,
                description,
                extra,
            )| {
                let mut object = Map::new();
                for (key, value) in extra {
                    object.insert(key, value);
                }
                let event_type =
                    if succeeded { "connect_webview.login_succeeded" } else { "connect_webview.login_failed" };
                object.insert("event_id".into(), event_id.into());
                object.insert("event_type".into(), event_type.into());
                object.insert("workspace_id".into(), workspace_id.into());
                object.insert("connect_webview_id".into(), webview_id.into());
                object.insert("created_at".into(), created.into());
                object.insert("occurred_at".into(), occurred.into());
                if let Some(description) = description {
                    object.insert("event_description".into(), description.into());
                }
                if succeeded {
                    object.insert("connected_account_id".into(), account_id.into());
                    if let Some(metadata) = metadata {
                        object.insert("connected_account_custom_metadata".into(), metadata);
                    }
                    if let Some(customer_key) = customer_key {
                        object.insert("customer_key".into(), customer_key.into());
                    }
                }
                Value::Object(object)
            },
        )
}

/// How one field of a valid event is broken, and the code that must follow.
#[derive(Debug, Clone)]
enum Breakage {
    Remove,
    Replace(Value),
}

fn breakage_for(field: &'static str) -> impl Strategy<Value = (Breakage, IssueCode)> {
    let wrong_type = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        Just(Value::Array(vec![])),
        Just(Value::Object(Map::new())),
    ];
    let invalid = match field {
        "created_at" | "occurred_at" => prop_oneof![
            Just("2023-02-29T00:00:00Z".to_string()),
            Just("2025-01-01T00:00:00+01:00".to_string()),
            Just("2025-01-01 00:00:00Z".to_string()),
            "[0-9]{4}-1[3-9]-01T00:00:00Z",
            "[0-9]{4}-01-01T2[4-9]:00:00Z",
            // Without seconds: a fraction needs them; the rest as with them.
            "[0-9]{4}-01-01T[01][0-9]:[0-5][0-9]\\.[0-9]{1,9}Z",
            "[0-9]{4}-01-01T[0-9]:[0-5][0-9]Z",
            "[0-9]{4}-01-01T[01][0-9]:[6-9][0-9]Z",
            "[0-9]{4}-01-01T[01][0-9]:[0-5][0-9]:[6-9][0-9]Z",
            "[0-9]{4}-01-01T[01][0-9]:[0-5][0-9]([+-][01][0-9]:[0-5][0-9]|z)?",
            "[0-9]{4}-01-01[t ][01][0-9]:[0-5][0-9]Z",
            "(2023|2025|1900)-02-29T[01][0-9]:[0-5][0-9]Z",
        ]
        .prop_map(|s| (Breakage::Replace(Value::String(s)), IssueCode::InvalidDatetime))
        .boxed(),
        _ => prop_oneof![
            "[0-9a-f]{32}",
            "\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}",
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{11}[g-z]",
            ".{0,35}",
        ]
        .prop_map(|s| (Breakage::Replace(Value::String(s)), IssueCode::InvalidUuid))
        .boxed(),
    };
    prop_oneof![
        Just((Breakage::Remove, IssueCode::MissingField)),
        wrong_type.prop_map(|v| (Breakage::Replace(v), IssueCode::InvalidType)),
        invalid,
    ]
}

const REQUIRED: [&str; 5] = ["event_id", "workspace_id", "connect_webview_id", "created_at", "occurred_at"];

/// A required field of both types, and how to break it.
fn broken_field() -> impl Strategy<Value = (&'static str, Breakage, IssueCode)> {
    (0..REQUIRED.len()).prop_flat_map(|i| breakage_for(REQUIRED[i]).prop_map(move |(b, c)| (REQUIRED[i], b, c)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_valid_event_round_trips_exactly(event in event(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&event) } else { serde_json::to_string(&event) }.unwrap();
        let decoded = decode(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // UUIDs are `uuid::Uuid`s, which serialise in lower case.
        let mut expected = event.clone();
        for (key, value) in expected.as_object_mut().unwrap() {
            if ["event_id", "workspace_id", "connect_webview_id", "connected_account_id"].contains(&key.as_str()) {
                *value = value.as_str().unwrap().to_lowercase().into();
            }
        }
        prop_assert_eq!(decoded.to_value(), expected.clone());
        prop_assert_eq!(decode_slice(text.as_bytes()).unwrap().to_value(), expected);
        prop_assert_eq!(DecodeOptions::new().validate(&text).unwrap().as_str(), decoded.event_type());
    }

    #[test]
    fn one_broken_field_gives_exactly_its_code_and_path(event in event(), (field, broken, code) in broken_field()) {
        let mut event = event;
        let object = event.as_object_mut().unwrap();
        match broken {
            Breakage::Remove => { object.remove(field); }
            Breakage::Replace(value) => { object.insert(field.to_string(), value); }
        }
        let err = decode(&event.to_string()).unwrap_err();
        let found: Vec<_> = err.issues().iter().map(|i| (i.code, i.path.clone())).collect();
        prop_assert_eq!(found, vec![(code, format!("/{field}"))]);
    }

    #[test]
    fn metadata_values_of_another_type_are_reported_at_their_key(
        key in metadata_key(),
        value in prop_oneof![Just(Value::Null), any::<i32>().prop_map(Value::from), Just(Value::Array(vec![]))],
        event in event().prop_filter("login_succeeded only", |e| e["event_type"] == "connect_webview.login_succeeded"),
    ) {
        let mut event = event;
        let mut metadata = Map::new();
        metadata.insert(key.clone(), value);
        event["connected_account_custom_metadata"] = Value::Object(metadata);
        let err = decode(&event.to_string()).unwrap_err();
        let pointer = format!("/connected_account_custom_metadata/{}", key.replace('~', "~0").replace('/', "~1"));
        let found: Vec<_> = err.issues().iter().map(|i| (i.code, i.path.clone())).collect();
        prop_assert_eq!(found, vec![(IssueCode::InvalidType, pointer)]);
    }

    #[test]
    fn no_input_makes_decode_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = decode_slice(&bytes);
        let _ = DecodeOptions::new().strict(true).validate_slice(&bytes);
    }
}
