//! JSON text to a verdict in one pass: every rule checked while `serde_json`
//! parses, with strings borrowed from the input and nothing built.
//!
//! `serde_json` does the parsing (syntax, escapes, numbers, a nesting limit of
//! 128). This module adds what it leaves out: a key that appears twice in any
//! object, and the schema of the two events. The values of known fields are
//! kept (borrowed) until the end of the object, because `event_type`, which
//! says which schema applies, may come last.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{quote, quote_char, DecodeError, Issue, IssueCode};
use crate::event::EventType;
use crate::pointer::{member, Pointer};
use crate::rules::{check_datetime, check_uuid};
use crate::schema::{fields_of, mask_of, Field, Rule};

/// Checks one event in JSON text: its type, or every issue.
pub(crate) fn check_event(text: &str, strict: bool) -> Result<EventType, DecodeError> {
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
pub(crate) fn check_array(text: &str, strict: bool) -> Result<Vec<Result<EventType, DecodeError>>, DecodeError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ArraySeed { strict }.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| DecodeError::new(vec![syntax_issue(text, &e)]))?.ok_or_else(|| {
        let message = "expected a JSON array of events, found another JSON value".to_string();
        DecodeError::new(vec![Issue::new(IssueCode::InvalidType, String::new(), message)])
    })
}

/// An `invalid_json` issue with a 1-based line and a 1-based column counted
/// in characters, and the character found there.
pub(crate) fn syntax_issue(text: &str, e: &serde_json::Error) -> Issue {
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

/// "a string", "an object", ...: what a value is, for messages.
#[derive(Debug, Clone, PartialEq)]
enum Value<'de> {
    Str(Cow<'de, str>),
    Other(&'static str),
}

impl Value<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Other(kind) => kind,
        }
    }
}

/// Keys seen in one object: a linear scan for the usual few, a hash set past
/// 16, so that time stays linear in the number of keys.
#[derive(Default)]
struct KeySet<'de> {
    keys: Vec<Cow<'de, str>>,
    index: Option<HashSet<Cow<'de, str>>>,
}

impl<'de> KeySet<'de> {
    /// Adds `key`; false when it was already there. Takes the `Cow` itself,
    /// so that a borrowed key is stored without a copy.
    #[allow(clippy::ptr_arg)]
    fn insert(&mut self, key: &Cow<'de, str>) -> bool {
        const LINEAR_SCAN_LIMIT: usize = 16;
        if let Some(index) = &mut self.index {
            return index.insert(key.clone());
        }
        if self.keys.contains(key) {
            return false;
        }
        self.keys.push(key.clone());
        if self.keys.len() > LINEAR_SCAN_LIMIT {
            self.index = Some(self.keys.drain(..).collect());
        }
        true
    }
}

fn duplicate(path: &Pointer<'_>, key: &str) -> Issue {
    let message = format!(
        "expected each key once in an object, found {} again (JSON.parse would keep only this last value)",
        quote(key)
    );
    Issue::new(IssueCode::DuplicateField, path.to_string(), message)
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
        let value = ValueSeed { path: Pointer::ROOT, issues: &mut *self.issues, metadata: None }.deserialize(deserializer)?;
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
        let in_schema = mask_of(schema);
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
                    if field == Field::ConnectedAccountCustomMetadata && matches!(event.values[field as usize], Some(Value::Other("an object"))) {
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
                let message = format!("expected field \"{}\" ({}), found no such key", field.name(), field.rule().describe());
                issues.push(Issue::new(IssueCode::MissingField, member(field.name()), message));
            }
        }
        event_type
    }
}

/// Checks one known field's value against its rule.
fn check_field(field: Field, value: &Value<'_>, issues: &mut Vec<Issue>) {
    let path = || member(field.name());
    let expected = if field.rule() == Rule::Metadata { "an object" } else { "a string" };
    let text = match value {
        Value::Str(text) if expected == "a string" => text,
        Value::Other("an object") if expected == "an object" => return,
        other => {
            issues.push(Issue::new(IssueCode::InvalidType, path(), format!("expected {expected}, found {}", other.kind())));
            return;
        }
    };
    let (code, example, verdict) = match field.rule() {
        Rule::Uuid => (IssueCode::InvalidUuid, "a UUID like 00000000-0000-0000-0000-000000000000", check_uuid(text)),
        Rule::DateTime => (IssueCode::InvalidDatetime, "a date-time like 2025-01-01T00:00:00.000Z", check_datetime(text)),
        Rule::EventType | Rule::Text | Rule::Metadata => return,
    };
    if let Err(why) = verdict {
        issues.push(Issue::new(code, path(), format!("expected {example}, found {}: {why}", quote(text))));
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
            let field = Field::from_key(&key);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn issues_of(text: &str) -> Vec<(IssueCode, String)> {
        match check_event(text, false) {
            Ok(_) => vec![],
            Err(e) => e.into_issues().into_iter().map(|i| (i.code, i.path)).collect(),
        }
    }

    fn duplicates_of(text: &str) -> Vec<String> {
        issues_of(text).into_iter().filter(|(code, _)| *code == IssueCode::DuplicateField).map(|(_, path)| path).collect()
    }

    #[test]
    fn duplicates_are_found_at_every_depth() {
        let text = r#"{"a": 1, "b": {"c": [ {"d": 1, "d": 2} ], "c": 0}, "a": 2}"#;
        assert_eq!(duplicates_of(text), ["/b/c/0/d", "/b/c", "/a"]);
        assert_eq!(duplicates_of(r#"[{"x": 1, "x": 2}]"#), ["/0/x"]);
    }

    #[test]
    fn escaped_and_plain_spellings_of_a_key_are_duplicates() {
        assert_eq!(duplicates_of(r#"{"a": 1, "\u0061": 2}"#), ["/a"]);
        assert_eq!(duplicates_of(r#"{"event_id": 1, "event\u005fid": 2}"#), ["/event_id"]);
    }

    #[test]
    fn duplicates_in_large_objects_are_found_through_the_hash_set() {
        let mut text = String::from("{");
        for i in 0..100 {
            text.push_str(&format!("\"k{i}\": {i},"));
        }
        text.push_str("\"k3\": 0, \"k99\": 1, \"k100\": 2}");
        assert_eq!(duplicates_of(&text), ["/k3", "/k99"]);
        let nested = format!("{{\"x\": {text}}}");
        assert_eq!(duplicates_of(&nested), ["/x/k3", "/x/k99"]);
    }

    #[test]
    fn syntax_errors_have_line_and_character_column() {
        let issue = check_event("{\n  \"é\": 1,\n  \"x\" 2\n}", false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!((issue.code, issue.line, issue.column), (IssueCode::InvalidJson, Some(3), Some(7)));
        assert_eq!(issue.message, "not valid JSON at line 3, column 7: expected `:`, found '2'");
        let issue = check_event("{\"é\": tru}", false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!((issue.line, issue.column), (Some(1), Some(10)));
        assert_eq!(issue.message, "not valid JSON at line 1, column 10: expected ident, found '}'");
    }

    #[test]
    fn a_syntax_error_keeps_duplicates_but_not_schema_issues() {
        assert_eq!(issues_of(r#"{"a": 1, "a": 2} x"#), [(IssueCode::DuplicateField, "/a".into()), (IssueCode::InvalidJson, String::new())]);
        assert_eq!(issues_of("{} {}"), [(IssueCode::InvalidJson, String::new())]);
    }

    #[test]
    fn end_of_input_is_named() {
        let issue = check_event("{\"a\": ", false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!(issue.message, "not valid JSON at line 1, column 6: EOF while parsing a value, found the end of the input");
        let issue = check_event("", false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!((issue.line, issue.column), (Some(1), Some(1)));
    }

    #[test]
    fn nesting_is_bounded() {
        for deep in ["[".repeat(100_000), "{\"a\":".repeat(100_000), format!("{{\"x\": {}", "[".repeat(100_000))] {
            let issue = check_event(&deep, false).unwrap_err().into_issues().pop().unwrap();
            assert_eq!(issue.code, IssueCode::InvalidJson);
            assert!(issue.message.contains("recursion limit exceeded"), "{}", issue.message);
        }
    }

    #[test]
    fn arrays_check_each_element_on_its_own() {
        let verdicts = check_array(r#"[{"event_type": "device.connected"}, 1, {"a": 1, "a": 2}]"#, false).unwrap();
        let codes: Vec<Vec<IssueCode>> = verdicts
            .into_iter()
            .map(|v| v.unwrap_err().into_issues().into_iter().map(|i| i.code).collect())
            .collect();
        assert_eq!(codes[0], [IssueCode::UnknownEventType]);
        assert_eq!(codes[1], [IssueCode::InvalidType]);
        assert_eq!(codes[2][0], IssueCode::DuplicateField);
        assert_eq!(check_array("[1, ", false).unwrap_err().issues()[0].code, IssueCode::InvalidJson);
    }
}
