//! JSON text to a verdict in one pass: every rule checked while the text is
//! read (by [`scan`](crate::scan)), with strings borrowed from it and nothing
//! built. This is the full check, which says what is wrong and where; the
//! usual valid event is taken before it by the [fast lane](crate::fast).
//!
//! Besides the schema of the two events, this finds a key that appears twice
//! in any object. The values of known fields are kept (borrowed) until the end
//! of the object, because `event_type`, which says which schema applies, may
//! come last.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::error::{quote, DecodeError, Issue, IssueCode};
use crate::event::EventType;
use crate::hashing::KeyHashing;
use crate::pointer::{member, Pointer};
use crate::rules::{check_datetime, check_uuid};
use crate::scan::{Reader, Result, Syntax};
use crate::schema::{fields_of, masks_of, Field, Rule, FIELD_COUNT};

/// Checks one event in JSON text: its type, or every issue.
pub(crate) fn check_event(text: &str, strict: bool) -> std::result::Result<EventType, DecodeError> {
    let mut issues = Vec::new();
    let mut reader = Reader::new(text);
    let verdict = event(&mut reader, strict, &mut issues).and_then(|v| reader.end().map(|()| v));
    match verdict {
        Ok(Some(event_type)) if issues.is_empty() => Ok(event_type),
        Ok(_) => Err(DecodeError::new(issues)),
        Err(e) => {
            // Text that does not parse has no schema to speak of: keep what
            // reading it found (duplicate keys) and the syntax error, not the
            // issues of an object checked before trailing garbage.
            issues.retain(|issue| issue.code == IssueCode::DuplicateField);
            issues.push(e.issue(text));
            Err(DecodeError::new(issues))
        }
    }
}

/// Checks each element of a JSON array of events. `Err` only when the array
/// itself does not parse (or is not an array).
pub(crate) fn check_array(
    text: &str,
    strict: bool,
) -> std::result::Result<Vec<std::result::Result<EventType, DecodeError>>, DecodeError> {
    let mut reader = Reader::new(text);
    let parsed = array(&mut reader, strict).and_then(|v| reader.end().map(|()| v));
    parsed.map_err(|e| DecodeError::new(vec![e.issue(text)]))?.ok_or_else(|| {
        let message = "expected a JSON array of events, found another JSON value".to_string();
        DecodeError::new(vec![Issue::new(IssueCode::InvalidType, String::new(), message)])
    })
}

/// "a string", "an object", ...: what a value is, for messages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Str(Cow<'a, str>),
    Other(&'static str),
}

impl Value<'_> {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Other(kind) => kind,
        }
    }
}

/// Keys seen in one object: a linear scan for the usual few, a hash set past
/// 16, so that time stays linear in the number of keys (with keys no one can
/// predict: see [`hashing`](crate::hashing)).
#[derive(Default)]
pub(crate) struct KeySet<'a> {
    keys: Vec<Cow<'a, str>>,
    index: Option<HashSet<Cow<'a, str>, KeyHashing>>,
}

impl<'a> KeySet<'a> {
    /// Adds `key`; false when it was already there. Takes the `Cow` itself,
    /// so that a borrowed key is stored without a copy.
    #[allow(clippy::ptr_arg)]
    pub(crate) fn insert(&mut self, key: &Cow<'a, str>) -> bool {
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

#[cold]
#[inline(never)]
pub(crate) fn duplicate(path: &Pointer<'_>, key: &str) -> Issue {
    let message = format!(
        "expected each key once in an object, found {} again (JSON.parse would keep only this last value)",
        quote(key)
    );
    Issue::new(IssueCode::DuplicateField, path.to_string(), message)
}

/// Any JSON value below the known fields: walked for duplicate keys, and
/// reported as a string or by its kind. With `metadata`, an object's member
/// values must be strings or booleans (the custom metadata); those issues go
/// to `metadata`, as they count only for login_succeeded.
fn value<'a>(
    reader: &mut Reader<'a>,
    path: &Pointer<'_>,
    issues: &mut Vec<Issue>,
    metadata: Option<&mut Vec<Issue>>,
) -> Result<Value<'a>> {
    let Some(peek) = reader.skip_whitespace() else {
        return Err(reader.peek_error(Syntax::EofWhileParsingValue));
    };
    Ok(match peek {
        b'"' => {
            reader.eat();
            Value::Str(reader.string()?)
        }
        b'{' => {
            reader.enter()?;
            object(reader, path, issues, metadata)?;
            reader.leave();
            Value::Other("an object")
        }
        b'[' => {
            reader.enter()?;
            let mut index = 0;
            while reader.has_next_element(index == 0)? {
                value(reader, &path.index(index), issues, None)?;
                index += 1;
            }
            reader.leave();
            Value::Other("an array")
        }
        _ => Value::Other(scalar(reader, peek)?),
    })
}

/// null, a boolean or a number, at its first byte: its kind.
fn scalar(reader: &mut Reader<'_>, peek: u8) -> Result<&'static str> {
    match peek {
        b'n' | b't' | b'f' => {
            reader.eat();
            let (rest, kind): (&[u8], _) = match peek {
                b'n' => (b"ull", "null"),
                b't' => (b"rue", "a boolean"),
                _ => (b"alse", "a boolean"),
            };
            reader.ident(rest)?;
            Ok(kind)
        }
        b'-' | b'0'..=b'9' => {
            reader.number()?;
            Ok("a number")
        }
        _ => Err(reader.peek_error(Syntax::ExpectedSomeValue)),
    }
}

/// The members of an object, after `{`, up to its `}` (not consumed).
fn object<'a>(
    reader: &mut Reader<'a>,
    path: &Pointer<'_>,
    issues: &mut Vec<Issue>,
    mut metadata: Option<&mut Vec<Issue>>,
) -> Result<()> {
    let mut keys = KeySet::default();
    let mut first = true;
    while let Some(key) = reader.next_key(first)? {
        first = false;
        let path = path.key(&key);
        let member = value(reader, &path, issues, None)?;
        if !keys.insert(&key) {
            issues.push(duplicate(&path, &key));
        }
        if let Some(metadata) = metadata.as_deref_mut() {
            if !matches!(member, Value::Str(_) | Value::Other("a boolean")) {
                metadata.push(not_metadata(&path, &member));
            }
        }
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn not_metadata(path: &Pointer<'_>, member: &Value<'_>) -> Issue {
    let message = format!("expected a string or a boolean, found {}", member.kind());
    Issue::new(IssueCode::InvalidType, path.to_string(), message)
}

/// A JSON array whose elements are each checked as an event, each with its
/// own issues. `None` when the value is not an array.
fn array(reader: &mut Reader<'_>, strict: bool) -> Result<Option<Vec<std::result::Result<EventType, DecodeError>>>> {
    if reader.skip_whitespace() != Some(b'[') {
        // Read it all the same: its syntax errors come first.
        value(reader, &Pointer::ROOT, &mut Vec::new(), None)?;
        return Ok(None);
    }
    reader.enter()?;
    let mut results = Vec::new();
    while reader.has_next_element(results.is_empty())? {
        let mut issues = Vec::new();
        results.push(match event(reader, strict, &mut issues)? {
            Some(event_type) if issues.is_empty() => Ok(event_type),
            _ => Err(DecodeError::new(issues)),
        });
    }
    reader.leave();
    Ok(Some(results))
}

/// The last value of each known field, and where each key first appeared.
struct Event<'a> {
    /// By `Field as usize`: the last value, and the member's first position.
    values: [Option<(Value<'a>, u32)>; FIELD_COUNT],
    /// Issues with the metadata's values, if it is a login_succeeded event.
    metadata: Vec<Issue>,
    /// Keys that are not fields, each once, with its first position.
    unknown: Vec<(u32, Cow<'a, str>)>,
}

/// The whole event: the top-level object, checked when it ends. `None` when
/// there is no event type to go by (the issues say why).
fn event<'a>(reader: &mut Reader<'a>, strict: bool, issues: &mut Vec<Issue>) -> Result<Option<EventType>> {
    if reader.skip_whitespace() != Some(b'{') {
        let value = value(reader, &Pointer::ROOT, issues, None)?;
        let message = format!("expected a JSON object, found {}", value.kind());
        issues.push(Issue::new(IssueCode::InvalidType, String::new(), message));
        return Ok(None);
    }
    reader.enter()?;
    let mut event = Event { values: Default::default(), metadata: Vec::new(), unknown: Vec::new() };
    let mut unknown_keys = KeySet::default();
    let root = Pointer::ROOT;
    let mut position = 0u32;
    while let Some(key) = reader.next_key(position == 0)? {
        let path = root.key(&key);
        let field = Field::from_key(key.as_bytes());
        let first = match field {
            Some(field) => {
                let is_metadata = field == Field::ConnectedAccountCustomMetadata;
                let mut metadata = Vec::new();
                let value = value(reader, &path, issues, is_metadata.then_some(&mut metadata))?;
                if is_metadata {
                    event.metadata = metadata;
                }
                let slot = &mut event.values[field as usize];
                let first = slot.is_none();
                let at = slot.as_ref().map_or(position, |(_, at)| *at);
                *slot = Some((value, at));
                first
            }
            None => {
                value(reader, &path, issues, None)?;
                let first = unknown_keys.insert(&key);
                if first {
                    event.unknown.push((position, key.clone()));
                }
                first
            }
        };
        if !first {
            issues.push(duplicate(&path, &key));
        }
        position += 1;
    }
    reader.leave();
    Ok(finish(&mut event, strict, issues))
}

/// Every rule, now that the whole object is known.
#[inline(never)]
fn finish(event: &mut Event<'_>, strict: bool, issues: &mut Vec<Issue>) -> Option<EventType> {
    let event_type = match &event.values[Field::EventType as usize] {
        Some((Value::Str(name), _)) => match EventType::from_name(name) {
            Some(event_type) => Some(event_type),
            None => {
                issues.push(unknown_event_type(name));
                return None;
            }
        },
        _ => None,
    };
    let schema = fields_of(event_type);
    let (in_schema, _) = masks_of(event_type);
    // The known fields present, in the order they first appeared (an
    // insertion sort: there are at most ten).
    let mut known = [(u32::MAX, Field::EventType); FIELD_COUNT];
    let mut count = 0;
    for field in Field::ALL {
        if let Some((_, at)) = &event.values[field as usize] {
            let mut i = count;
            while i > 0 && known[i - 1].0 > *at {
                known[i] = known[i - 1];
                i -= 1;
            }
            known[i] = (*at, field);
            count += 1;
        }
    }
    let mut metadata = Some(std::mem::take(&mut event.metadata));
    let mut unknown = event.unknown.iter();
    let mut next_unknown = unknown.next();
    for &(at, field) in &known[..count] {
        // Unknown keys that came before this field.
        while let Some((_, key)) = next_unknown.filter(|(u, _)| *u < at) {
            if let (true, Some(event_type)) = (strict, event_type) {
                issues.push(unknown_field(event_type, key));
            }
            next_unknown = unknown.next();
        }
        let Some((value, _)) = &event.values[field as usize] else { continue };
        if in_schema & field.bit() != 0 {
            check_field(field, value, issues);
            if field == Field::ConnectedAccountCustomMetadata && *value == Value::Other("an object") {
                issues.extend(metadata.take().unwrap_or_default());
            }
        } else if let (true, Some(event_type)) = (strict, event_type) {
            issues.push(unknown_field(event_type, field.name()));
        }
    }
    if let (true, Some(event_type)) = (strict, event_type) {
        for (_, key) in next_unknown.into_iter().chain(unknown) {
            issues.push(unknown_field(event_type, key));
        }
    }
    for spec in schema {
        if spec.required && event.values[spec.field as usize].is_none() {
            issues.push(missing_field(spec.field));
        }
    }
    event_type
}

#[cold]
#[inline(never)]
fn unknown_event_type(name: &str) -> Issue {
    let message = format!(
        "expected \"{}\" or \"{}\", found {}, which is not a connect_webview event",
        EventType::LoginSucceeded,
        EventType::LoginFailed,
        quote(name)
    );
    Issue::new(IssueCode::UnknownEventType, member("event_type"), message)
}

#[cold]
#[inline(never)]
fn unknown_field(event_type: EventType, key: &str) -> Issue {
    let message = format!("expected only the fields of {event_type} events, found {}", quote(key));
    Issue::new(IssueCode::UnknownField, member(key), message)
}

#[cold]
#[inline(never)]
fn missing_field(field: Field) -> Issue {
    let message = format!("expected field \"{}\" ({}), found no such key", field.name(), field.rule().describe());
    Issue::new(IssueCode::MissingField, member(field.name()), message)
}

/// Checks one known field's value against its rule.
pub(crate) fn check_field(field: Field, value: &Value<'_>, issues: &mut Vec<Issue>) {
    let expected = if field.rule() == Rule::Metadata { "an object" } else { "a string" };
    let text = match value {
        Value::Str(text) if expected == "a string" => text,
        Value::Other("an object") if expected == "an object" => return,
        other => return issues.push(wrong_type(field, expected, other.kind())),
    };
    let (code, example, verdict) = match field.rule() {
        Rule::Uuid => (IssueCode::InvalidUuid, "a UUID like 00000000-0000-0000-0000-000000000000", check_uuid(text)),
        Rule::DateTime => {
            (IssueCode::InvalidDatetime, "a date-time like 2025-01-01T00:00:00.000Z", check_datetime(text))
        }
        Rule::EventType | Rule::Text | Rule::Metadata => return,
    };
    if let Err(why) = verdict {
        issues.push(broken_rule(field, code, example, text, &why));
    }
}

#[cold]
#[inline(never)]
fn wrong_type(field: Field, expected: &str, found: &str) -> Issue {
    Issue::new(IssueCode::InvalidType, member(field.name()), format!("expected {expected}, found {found}"))
}

#[cold]
#[inline(never)]
fn broken_rule(field: Field, code: IssueCode, example: &str, text: &str, why: &str) -> Issue {
    Issue::new(code, member(field.name()), format!("expected {example}, found {}: {why}", quote(text)))
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
        issues_of(text)
            .into_iter()
            .filter(|(code, _)| *code == IssueCode::DuplicateField)
            .map(|(_, path)| path)
            .collect()
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
        assert_eq!(
            issues_of(r#"{"a": 1, "a": 2} x"#),
            [(IssueCode::DuplicateField, "/a".into()), (IssueCode::InvalidJson, String::new())]
        );
        assert_eq!(issues_of("{} {}"), [(IssueCode::InvalidJson, String::new())]);
    }

    #[test]
    fn end_of_input_is_named() {
        let issue = check_event("{\"a\": ", false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!(
            issue.message,
            "not valid JSON at line 1, column 6: EOF while parsing a value, found the end of the input"
        );
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
    fn numbers_beyond_a_double_are_refused_where_they_end() {
        let issue = check_event("{\"a\": [1, 2e308]}", false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!(issue.message, "not valid JSON at line 1, column 15: number out of range, found '8'");
        assert!(check_event("{\"a\": [1.7976931348623157e308, -1e-400, 0e99999999999]}", false)
            .is_err_and(|e| e.issues()[0].code != IssueCode::InvalidJson));
    }

    #[test]
    fn arrays_check_each_element_on_its_own() {
        let verdicts = check_array(r#"[{"event_type": "device.connected"}, 1, {"a": 1, "a": 2}]"#, false).unwrap();
        let codes: Vec<Vec<IssueCode>> =
            verdicts.into_iter().map(|v| v.unwrap_err().into_issues().into_iter().map(|i| i.code).collect()).collect();
        assert_eq!(codes[0], [IssueCode::UnknownEventType]);
        assert_eq!(codes[1], [IssueCode::InvalidType]);
        assert_eq!(codes[2][0], IssueCode::DuplicateField);
        assert_eq!(check_array("[1, ", false).unwrap_err().issues()[0].code, IssueCode::InvalidJson);
    }
}
