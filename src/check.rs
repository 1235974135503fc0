//! JSON text to a verdict: the text read into a [`Node`] tree by this crate's
//! own reader ([`scan`](crate::scan)), which finds syntax errors and keys that
//! appear twice in any object, then checked against the catalogue by
//! [`validate`](crate::validate). This is the full check, which says what is
//! wrong and where; the usual valid event is taken before it by a fast lane
//! ([`fast`](crate::fast), [`lane`](crate::lane)).

use crate::error::{DecodeError, Issue};
use crate::pointer::Pointer;
use crate::scan::{Reader, Result, Syntax};
use crate::shape::SeamEventType;
use crate::tree::{Members, Node, Num};
use crate::validate;

/// Checks one event in JSON text: its type, or every issue.
pub(crate) fn check_event(text: &str, strict: bool) -> std::result::Result<SeamEventType, DecodeError> {
    let mut issues = Vec::new();
    let mut reader = Reader::new(text);
    match value(&mut reader, &Pointer::ROOT, &mut issues).and_then(|v| reader.end().map(|()| v)) {
        Ok(root) => verdict(&root, strict, issues),
        // Text that does not parse has no schema to speak of: what reading it
        // found (duplicate keys) and the syntax error.
        Err(e) => {
            issues.push(e.issue(text));
            Err(DecodeError::new(issues))
        }
    }
}

/// The schema pass over a parsed event, after the issues reading it found.
pub(crate) fn verdict(
    root: &Node<'_>,
    strict: bool,
    mut issues: Vec<Issue>,
) -> std::result::Result<SeamEventType, DecodeError> {
    match validate::event(root, strict, &mut issues) {
        Some(event_type) if issues.is_empty() => Ok(event_type),
        _ => Err(DecodeError::new(issues)),
    }
}

/// Whether `text` is a JSON array of values: if not, its syntax error, with
/// its position. The batch reads one so before taking its elements one by
/// one; the array's own level does not count, so that each element may nest
/// as deep as an event on its own.
pub(crate) fn check_array_syntax(text: &str) -> std::result::Result<(), DecodeError> {
    let mut reader = Reader::with_one_more_level(text);
    let parsed = value(&mut reader, &Pointer::ROOT, &mut Vec::new()).and_then(|_| reader.end());
    parsed.map_err(|e| DecodeError::new(vec![e.issue(text)]))
}

/// Any JSON value, with the duplicate keys at any depth below it. Never
/// inlined: its callers would each take a copy of it into the wasm.
#[inline(never)]
fn value<'a>(reader: &mut Reader<'a>, path: &Pointer<'_>, issues: &mut Vec<Issue>) -> Result<Node<'a>> {
    let Some(peek) = reader.skip_whitespace() else {
        return Err(reader.peek_error(Syntax::EofWhileParsingValue));
    };
    Ok(match peek {
        b'"' => {
            reader.eat();
            Node::Str(reader.string()?)
        }
        b'{' => {
            reader.enter()?;
            let mut members = Members::default();
            let mut first = true;
            while let Some(key) = reader.next_key(first)? {
                first = false;
                let at = path.key(&key);
                let member = value(reader, &at, issues)?;
                members.push(key.clone(), member, &at, issues);
            }
            reader.leave();
            members.into_node()
        }
        b'[' => {
            reader.enter()?;
            let mut elements = Vec::new();
            while reader.has_next_element(elements.is_empty())? {
                elements.push(value(reader, &path.index(elements.len()), issues)?);
            }
            reader.leave();
            Node::Array(elements)
        }
        b'n' | b't' | b'f' => {
            reader.eat();
            let (rest, node): (&[u8], _) = match peek {
                b'n' => (b"ull", Node::Null),
                b't' => (b"rue", Node::Bool),
                _ => (b"alse", Node::Bool),
            };
            reader.ident(rest)?;
            node
        }
        b'-' | b'0'..=b'9' => Node::Number(Num::Text(reader.number_text()?)),
        _ => return Err(reader.peek_error(Syntax::ExpectedSomeValue)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::IssueCode;

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
        // 128 levels, the root's included, and not one more.
        let event = include_str!("../tests/fixtures/login_failed.json");
        let nested = |levels: usize| {
            event.replacen('{', &format!("{{\"x\": {}{},", "[".repeat(levels - 1), "]".repeat(levels - 1)), 1)
        };
        assert!(check_event(&nested(128), false).is_ok());
        let issue = check_event(&nested(129), false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!((issue.code, issue.line, issue.column), (IssueCode::InvalidJson, Some(1), Some(134)));
        assert!(issue.message.ends_with("recursion limit exceeded, found '['"), "{}", issue.message);
        assert!(crate::DecodeOptions::new().decode(&nested(128)).is_ok(), "and the typed event is built");
    }

    #[test]
    fn numbers_beyond_a_double_are_refused_where_they_end() {
        let issue = check_event("{\"a\": [1, 2e308]}", false).unwrap_err().into_issues().pop().unwrap();
        assert_eq!(issue.message, "not valid JSON at line 1, column 15: number out of range, found '8'");
        assert!(check_event("{\"a\": [1.7976931348623157e308, -1e-400, 0e99999999999]}", false)
            .is_err_and(|e| e.issues()[0].code != IssueCode::InvalidJson));
    }

    #[test]
    fn a_batch_array_is_read_whole_for_its_syntax() {
        assert!(check_array_syntax(r#"[{"event_type": "device.exploded"}, 1, {"a": 1, "a": 2}]"#).is_ok());
        assert_eq!(check_array_syntax("[1, ").unwrap_err().issues()[0].code, IssueCode::InvalidJson);
        assert_eq!(check_array_syntax("[1] 2").unwrap_err().issues()[0].code, IssueCode::InvalidJson);
    }
}
