//! The reference for [`check`](crate::check): the same checks written over
//! `serde_json`'s deserializer, as the validator was before it had its own
//! reader. Compiled for tests and fuzzing only, where [`differential`] holds
//! the two to the same verdict, issues, messages and positions. It shares
//! what does not depend on the reader: the kinds of values, the key set, and
//! the messages of duplicate keys and of each field's rule.
//!
//! `serde_json` does the parsing (syntax, escapes, numbers, a nesting limit of
//! 128). This module adds what it leaves out: a key that appears twice in any
//! object, and the schema of the two events. The values of known fields are
//! kept (borrowed) until the end of the object, because `event_type`, which
//! says which schema applies, may come last.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::check::{check_field, duplicate, KeySet, Value};
use crate::error::{quote, quote_char, DecodeError, Issue, IssueCode};
use crate::event::EventType;
use crate::pointer::{member, Pointer};
use crate::schema::{fields_of, masks_of, Field};

/// Checks one event in JSON text: its type, or every issue.
pub fn check_event(text: &str, strict: bool) -> Result<EventType, DecodeError> {
    let mut issues = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let verdict = EventSeed { strict, issues: &mut issues }.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    match verdict {
        Ok(Some(event_type)) if issues.is_empty() => Ok(event_type),
        Ok(_) => Err(DecodeError::new(issues)),
        Err(e) => {
            // Text that does not parse has no schema to speak of: keep what
            // parsing itself found (duplicate keys) and the syntax error,
            // not the issues of an object checked before trailing garbage.
            issues.retain(|issue| issue.code == IssueCode::DuplicateField);
            issues.push(syntax_issue(text, &e));
            Err(DecodeError::new(issues))
        }
    }
}

/// Checks each element of a JSON array of events. `Err` only when the array
/// itself does not parse (or is not an array).
pub fn check_array(text: &str, strict: bool) -> Result<Vec<Result<EventType, DecodeError>>, DecodeError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ArraySeed { strict }.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| DecodeError::new(vec![syntax_issue(text, &e)]))?.ok_or_else(|| {
        let message = "expected a JSON array of events, found another JSON value".to_string();
        DecodeError::new(vec![Issue::new(IssueCode::InvalidType, String::new(), message)])
    })
}

/// An `invalid_json` issue with a 1-based line and a 1-based column counted
/// in characters, and the character found there.
fn syntax_issue(text: &str, e: &serde_json::Error) -> Issue {
    let full = e.to_string();
    let what = full.rsplit_once(" at line ").map_or(full.as_str(), |(what, _)| what);
    let line = e.line().max(1);
    // serde_json counts the column in bytes and points at the byte it stopped
    // on; count characters instead, up to the one that byte belongs to.
    let line_text = text.split('\n').nth(line - 1).unwrap_or("");
    let mut at = e.column().saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(at) {
        at -= 1;
    }
    let column = line_text[..at].chars().count() + 1;
    let found = match line_text[at..].chars().next() {
        _ if e.is_eof() => "the end of the input".to_string(),
        Some(c) => quote_char(c),
        None => "the end of the line".to_string(),
    };
    let message = format!("not valid JSON at line {line}, column {column}: {what}, found {found}");
    Issue::at(IssueCode::InvalidJson, message, line, column)
}

/// Any JSON value below the known fields: walked for duplicate keys, and
/// reported as a string or by its kind. With `metadata`, the value is the
/// custom metadata object, whose values must be strings or booleans; those
/// issues go to `metadata` (they count only for login_succeeded).
struct ValueSeed<'p, 'i> {
    path: Pointer<'p>,
    issues: &'i mut Vec<Issue>,
    metadata: Option<&'i mut Vec<Issue>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = Value<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Other("null"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Value<'de>, E> {
        Ok(Value::Other("a boolean"))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Value<'de>, E> {
        Ok(Value::Other("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Value<'de>, E> {
        Ok(Value::Other("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Value<'de>, E> {
        Ok(Value::Other("a number"))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Value<'de>, E> {
        Ok(Value::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        for index in 0.. {
            let path = self.path.index(index);
            if seq.next_element_seed(ValueSeed { path, issues: &mut *self.issues, metadata: None })?.is_none() {
                break;
            }
        }
        Ok(Value::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value<'de>, A::Error> {
        let mut keys = KeySet::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let path = self.path.key(&key);
            let value = map.next_value_seed(ValueSeed { path, issues: &mut *self.issues, metadata: None })?;
            if !keys.insert(&key) {
                self.issues.push(duplicate(&path, &key));
            }
            if let Some(metadata) = self.metadata.as_deref_mut() {
                if !matches!(value, Value::Str(_) | Value::Other("a boolean")) {
                    let message = format!("expected a string or a boolean, found {}", value.kind());
                    metadata.push(Issue::new(IssueCode::InvalidType, path.to_string(), message));
                }
            }
        }
        Ok(Value::Other("an object"))
    }
}

/// Reads an object key, borrowing it from the input when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// A member of the event object, in document order, each key once.
enum Entry {
    Known(Field),
    /// An index into `Event::unknown`.
    Unknown(usize),
}

/// What the top-level object held, kept until its end.
#[derive(Default)]
struct Event<'de> {
    /// The last value of each known field, indexed by `Field as usize`.
    values: [Option<Value<'de>>; 10],
    /// Issues with the metadata's values, if it is a login_succeeded event.
    metadata: Vec<Issue>,
    unknown: Vec<Cow<'de, str>>,
    order: Vec<Entry>,
}

/// The whole event: the top-level object, checked when it ends.
struct EventSeed<'i> {
    strict: bool,
    issues: &'i mut Vec<Issue>,
}

impl<'de> DeserializeSeed<'de> for EventSeed<'_> {
    type Value = Option<EventType>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<EventType>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> EventSeed<'_> {
    /// The root is not an object: walk it for duplicate keys, then say so.
    fn not_an_object<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<EventType>, D::Error> {
        let value =
            ValueSeed { path: Pointer::ROOT, issues: &mut *self.issues, metadata: None }.deserialize(deserializer)?;
        let message = format!("expected a JSON object, found {}", value.kind());
        self.issues.push(Issue::new(IssueCode::InvalidType, String::new(), message));
        Ok(None)
    }

    /// Every rule, now that the whole object is known.
    fn finish(self, event: Event<'de>) -> Option<EventType> {
        let issues = self.issues;
        let event_type = match &event.values[Field::EventType as usize] {
            Some(Value::Str(name)) => match EventType::from_name(name) {
                Some(event_type) => Some(event_type),
                None => {
                    let message = format!(
                        "expected \"{}\" or \"{}\", found {}, which is not a connect_webview event",
                        EventType::LoginSucceeded,
                        EventType::LoginFailed,
                        quote(name)
                    );
                    issues.push(Issue::new(IssueCode::UnknownEventType, member("event_type"), message));
                    return None;
                }
            },
            _ => None,
        };
        let schema = fields_of(event_type);
        let (in_schema, _) = masks_of(event_type);
        let unknown_field = |key: &str| {
            let message = format!("expected only the fields of {} events, found {}", event_type?, quote(key));
            Some(Issue::new(IssueCode::UnknownField, member(key), message))
        };
        let mut metadata = Some(event.metadata);
        for entry in &event.order {
            match *entry {
                Entry::Known(field) if in_schema & field.bit() != 0 => {
                    if let Some(value) = &event.values[field as usize] {
                        check_field(field, value, issues);
                    }
                    if field == Field::ConnectedAccountCustomMetadata
                        && matches!(event.values[field as usize], Some(Value::Other("an object")))
                    {
                        issues.extend(metadata.take().unwrap_or_default());
                    }
                }
                Entry::Known(field) if self.strict => issues.extend(unknown_field(field.name())),
                Entry::Unknown(i) if self.strict => issues.extend(unknown_field(&event.unknown[i])),
                _ => {}
            }
        }
        for spec in schema {
            if spec.required && event.values[spec.field as usize].is_none() {
                let field = spec.field;
                let message =
                    format!("expected field \"{}\" ({}), found no such key", field.name(), field.rule().describe());
                issues.push(Issue::new(IssueCode::MissingField, member(field.name()), message));
            }
        }
        event_type
    }
}

impl<'de> Visitor<'de> for EventSeed<'_> {
    type Value = Option<EventType>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a connect_webview event")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<EventType>, A::Error> {
        let mut event = Event { order: Vec::with_capacity(12), ..Event::default() };
        let mut unknown = KeySet::default();
        let mut seen = 0u16;
        let root = Pointer::ROOT;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let path = root.key(&key);
            let field = Field::from_key(key.as_bytes());
            let is_metadata = field == Some(Field::ConnectedAccountCustomMetadata);
            let mut metadata = Vec::new();
            let seed = ValueSeed { path, issues: &mut *self.issues, metadata: is_metadata.then_some(&mut metadata) };
            let value = map.next_value_seed(seed)?;
            let first = match field {
                Some(field) => {
                    let first = seen & field.bit() == 0;
                    seen |= field.bit();
                    if first {
                        event.order.push(Entry::Known(field));
                    }
                    event.values[field as usize] = Some(value);
                    if is_metadata {
                        event.metadata = metadata;
                    }
                    first
                }
                None => {
                    let first = unknown.insert(&key);
                    if first {
                        event.order.push(Entry::Unknown(event.unknown.len()));
                        event.unknown.push(key.clone());
                    }
                    first
                }
            };
            if !first {
                self.issues.push(duplicate(&path, &key));
            }
        }
        Ok(self.finish(event))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<EventType>, A::Error> {
        self.not_an_object(serde::de::value::SeqAccessDeserializer::new(seq))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<EventType>, E> {
        self.not_an_object(serde::de::value::UnitDeserializer::new())
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Option<EventType>, E> {
        self.not_an_object(serde::de::value::BoolDeserializer::new(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Option<EventType>, E> {
        self.not_an_object(serde::de::value::I64Deserializer::new(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Option<EventType>, E> {
        self.not_an_object(serde::de::value::U64Deserializer::new(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Option<EventType>, E> {
        self.not_an_object(serde::de::value::F64Deserializer::new(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Option<EventType>, E> {
        self.not_an_object(serde::de::value::StrDeserializer::new(v))
    }
}

/// A JSON array whose elements are each checked as an event, each with its
/// own issues. `None` when the value is not an array.
struct ArraySeed {
    strict: bool,
}

impl<'de> DeserializeSeed<'de> for ArraySeed {
    type Value = Option<Vec<Result<EventType, DecodeError>>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ArraySeed {
    type Value = Option<Vec<Result<EventType, DecodeError>>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of events")
    }

    // Not an array (the caller only asks when the text starts with `[`, so
    // this does not happen): None, rather than serde's invalid-type error,
    // whose message formatting would add kilobytes to the wasm.
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        ValueSeed { path: Pointer::ROOT, issues: &mut Vec::new(), metadata: None }.visit_map(map)?;
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut results = Vec::new();
        loop {
            let mut issues = Vec::new();
            let Some(verdict) = seq.next_element_seed(EventSeed { strict: self.strict, issues: &mut issues })? else {
                return Ok(Some(results));
            };
            results.push(match verdict {
                Some(event_type) if issues.is_empty() => Ok(event_type),
                _ => Err(DecodeError::new(issues)),
            });
        }
    }
}

/// Holds the fast lane ([`crate::fast`]) to its promise on any bytes: when
/// it says an event is valid, the full check says so too, of the same type.
pub fn fast_lane(bytes: &[u8]) {
    for strict in [false, true] {
        if let Some(event_type) = crate::fast::accept(bytes, strict) {
            let text = std::str::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("the fast lane took bytes that are not UTF-8 ({e}): {bytes:?}"));
            assert_eq!(
                crate::check::check_event(text, strict),
                Ok(event_type),
                "the fast lane, strict {strict}, on {text:?}"
            );
        }
    }
}

/// Asserts that the validator and this reference agree on `text`: the same
/// verdict, with the same issues, messages and positions, strict or not, as
/// one event and as a JSON array of events.
pub fn differential(text: &str) {
    for strict in [false, true] {
        let (ours, reference) = (crate::check::check_event(text, strict), check_event(text, strict));
        assert_eq!(ours, reference, "check_event, strict {strict}, on {text:?}");
        let (ours, reference) = (crate::check::check_array(text, strict), check_array(text, strict));
        assert_eq!(ours, reference, "check_array, strict {strict}, on {text:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::{differential, fast_lane};

    /// Bytes that change what a JSON text means.
    const SPECIAL: &[u8] = b"\"\\{}[]:,0123456789-+.eEntfu xA\n\t\x01\x7f";

    /// Bytes that are never UTF-8 by themselves: for the fast lane, which
    /// reads bytes.
    const NOT_ASCII: &[u8] = b"\x80\xbf\xc3\xe2\xf0\xff";

    fn samples() -> Vec<String> {
        let mut samples: Vec<String> = [
            include_str!("../tests/fixtures/login_succeeded.json"),
            include_str!("../tests/fixtures/login_failed.json"),
            r#"{"event_type": "connect_webview.login_succeeded", "connected_account_custom_metadata": {"a": 1, "a": [true], "b": "x"}, "x": {"y": [1, {"z": null, "z": 2}]}, "event_type": "connect_webview.login_failed"}"#,
            r#"[{"a": "\u00e9\ud83d\ude00\n\"\\\/\b\f\r\t"}, "\uDBFF\uDFFF", -0.5e-3, 1E+2, 0, -0, 1e309, 123456789012345678901234567890]"#,
            r#"{"n": [1.7976931348623157e308, 1.7976931348623159e308, 17976931348623158e292, 0.00000001e316, 1e2147483648, 0e2147483648, 1e-2147483648]}"#,
            r#"{"s": "\ud800", "t": "\ud800\u0041", "u": "\udc00", "v": "\ud800x", "w": "\u12G4", "q": "\x"}"#,
            "  {\"é\" :\t\"ü\"\r\n, \"k\": nul, \"l\": tru, \"m\": fals}  \n x",
            "[[[[[[]]]]]] , {} [",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every fuzz corpus file that is UTF-8.
        samples.extend(corpus().into_iter().filter_map(|bytes| String::from_utf8(bytes).ok()));
        samples
    }

    /// The fuzz corpora of decode and decode_batch.
    fn corpus() -> Vec<Vec<u8>> {
        let mut files = Vec::new();
        for target in ["decode", "decode_batch"] {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/").to_string() + target;
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                files.push(std::fs::read(entry.path()).unwrap_or_default());
            }
        }
        files
    }

    #[test]
    fn the_validator_agrees_with_serde_json_on_samples_and_the_fuzz_corpus() {
        let samples = samples();
        assert!(samples.len() > 100, "the fuzz corpus was not found");
        for text in &samples {
            differential(text);
        }
        // The samples, then the corpus files that are not UTF-8 (the others are samples).
        for bytes in samples
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .chain(corpus().into_iter().filter(|b| std::str::from_utf8(b).is_err()))
        {
            fast_lane(&bytes);
        }
    }

    #[test]
    fn the_validator_agrees_with_serde_json_on_every_prefix_and_one_byte_change() {
        for text in samples().iter().take(8) {
            let bytes = text.as_bytes();
            for end in 0..=bytes.len() {
                fast_lane(&bytes[..end]);
                if let Ok(prefix) = std::str::from_utf8(&bytes[..end]) {
                    differential(prefix);
                }
            }
            for at in 0..bytes.len() {
                for &b in SPECIAL.iter().chain(NOT_ASCII) {
                    let mut changed = bytes.to_vec();
                    changed[at] = b;
                    fast_lane(&changed);
                    if let Ok(changed) = String::from_utf8(changed) {
                        differential(&changed);
                    }
                }
            }
        }
    }

    #[test]
    fn the_fast_lane_never_takes_an_insertion_deletion_or_repeated_string_the_validator_refuses() {
        for text in samples().iter().take(2) {
            let bytes = text.as_bytes();
            for at in 0..bytes.len() {
                let mut deleted = bytes.to_vec();
                deleted.remove(at);
                fast_lane(&deleted);
                for &b in SPECIAL.iter().chain(NOT_ASCII) {
                    let mut inserted = bytes.to_vec();
                    inserted.insert(at, b);
                    fast_lane(&inserted);
                }
            }
            // Each quoted string written twice in a row, as in "event_id""event_id".
            let quotes: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'"').collect();
            for pair in quotes.chunks(2) {
                if let [open, close] = *pair {
                    let mut repeated = bytes[..=close].to_vec();
                    repeated.extend_from_slice(&bytes[open..]);
                    fast_lane(&repeated);
                }
            }
        }
    }

    #[test]
    fn the_fast_lane_never_takes_an_event_the_validator_refuses() {
        let too_long = "9".repeat(400);
        let members = [
            r#""x": 1e309"#,
            r#""x": -2e308"#,
            r#""x": 1.8e308"#,
            r#""x": 1e308"#,
            r#""x": 0e99999999999"#,
            &format!("\"x\": {too_long}"),
            &format!("\"x\": 0.{too_long}"),
            r#""x": 1, "x": 2"#,
            r#""x": {"a": 1, "a": 2}"#,
            r#""x": [{"a": 1, "a": 2}]"#,
            r#""x": 1, "\u0078": 2"#,
            r#""event_id": "4d5c8e2a-1b7f-4c3e-9a6d-2f8b0e1c7a95""#,
            r#""event_type": 1"#,
            r#""created_at": "2025-02-29T00:00:00Z""#,
            r#""customer_key": 1"#,
            r#""connected_account_custom_metadata": {"a": 1}"#,
            r#""connected_account_custom_metadata": {"a": "b", "a": true}"#,
            r#""connected_account_custom_metadata": []"#,
            r#""connected_account_id": "x""#,
            r#""x": "\ud800""#,
            r#""x": "\udc00\u0041""#,
            r#""x": "\u00e9\n""#,
            "\"x\": \"\t\"",
        ];
        let succeeded = include_str!("../tests/fixtures/login_succeeded.json");
        // Without its optional fields, so that members can add them.
        let required_only =
            succeeded.replace("\"connected_account_custom_metadata\": {},", "").replace("\"customer_key\": \"\",", "");
        assert!(!required_only.contains("customer_key") && !required_only.contains("metadata"));
        for event in [include_str!("../tests/fixtures/login_failed.json"), succeeded, &required_only] {
            for member in members {
                let first = event.replacen('{', &format!("{{{member},"), 1);
                let last = format!("{},{member}}}", event.trim_end().trim_end_matches('}'));
                for text in [first, last] {
                    fast_lane(text.as_bytes());
                    for &b in NOT_ASCII {
                        let mut bytes = text.clone().into_bytes();
                        if let Some(at) = text.find("\"x\"") {
                            bytes[at + 1] = b;
                            fast_lane(&bytes);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_validator_agrees_with_serde_json_on_deep_nesting() {
        for depth in [126, 127, 128, 129] {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                differential(&format!("{}1{}", open.repeat(depth), close.repeat(depth)));
                differential(&format!("{{\"x\": {}1{}}}", open.repeat(depth), close.repeat(depth)));
            }
        }
        let event = include_str!("../tests/fixtures/login_failed.json");
        for depth in 0..20 {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                fast_lane(
                    event
                        .replacen('{', &format!("{{\"x\": {}1{},", open.repeat(depth), close.repeat(depth)), 1)
                        .as_bytes(),
                );
            }
        }
    }
}
