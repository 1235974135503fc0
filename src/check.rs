//! JSON text to a verdict: the text read into a [`Node`] tree by this crate's
//! own reader ([`scan`](crate::scan)), which finds syntax errors and keys that
//! appear twice in any object, then checked against the catalogue by
//! [`validate`](crate::validate). This is the full check, which says what is
//! wrong and where; the usual valid event is taken before it by a fast lane
//! ([`fast`](crate::fast), [`lane`](crate::lane)).

use std::ops::Range;

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

/// Where each element of `text`, a JSON array (its first non-blank byte is
/// `[`), is: the byte range of each, or the array's syntax error with its
/// position. The batch reads its array so, once, before checking each
/// element as an event on its own. Syntax only, building nothing, and with
/// no limit on nesting: an element nested too deep is that element's
/// failure, found when it is checked, and the others still decode.
pub(crate) fn array_elements(text: &str) -> std::result::Result<Vec<Range<usize>>, DecodeError> {
    let mut reader = Reader::unbounded(text);
    let mut elements = Vec::new();
    let parsed = syntax(&mut reader, &mut elements).and_then(|()| reader.end());
    parsed.map(|()| elements).map_err(|e| DecodeError::new(vec![e.issue(text)]))
}

/// Reads one JSON value for its syntax, with the byte range of each value
/// one level below the root (an array's elements): the reader's steps in the
/// order [`value`] takes them, so the same error at the same place, but in a
/// loop that keeps the open containers as bits (one per level, 1 for an
/// object), so that no depth can overflow the stack.
fn syntax(reader: &mut Reader<'_>, elements: &mut Vec<Range<usize>>) -> Result<()> {
    let (mut objects, mut depth, mut start) = (Vec::<u64>::new(), 0usize, 0);
    loop {
        let peek = reader.skip_whitespace().ok_or_else(|| reader.peek_error(Syntax::EofWhileParsingValue))?;
        if depth == 1 {
            start = reader.offset();
        }
        let mut first = matches!(peek, b'{' | b'[');
        if first {
            reader.enter()?;
            if depth % 64 == 0 {
                objects.push(0);
            }
            if let Some(word) = objects.last_mut() {
                let bit = 1u64 << (depth % 64);
                *word = if peek == b'{' { *word | bit } else { *word & !bit };
            }
            depth += 1;
        } else {
            scalar(reader, peek)?;
        }
        // Past a value: close each container that has no more, up to one that has.
        loop {
            let Some(level) = depth.checked_sub(1) else { return Ok(()) };
            if level == 0 && !first {
                elements.push(start..reader.offset());
            }
            let object = objects.get(level / 64).is_some_and(|word| word >> (level % 64) & 1 == 1);
            let more = if object { reader.next_key(first)?.is_some() } else { reader.has_next_element(first)? };
            if more {
                break;
            }
            reader.leave();
            depth = level;
            if depth % 64 == 0 {
                objects.pop();
            }
            first = false;
        }
    }
}

/// Any JSON value, with the duplicate keys at any depth below it. Never
/// inlined: its callers would each take a copy of it into the wasm.
#[inline(never)]
fn value<'a>(reader: &mut Reader<'a>, path: &Pointer<'_>, issues: &mut Vec<Issue>) -> Result<Node<'a>> {
    let Some(peek) = reader.skip_whitespace() else {
        return Err(reader.peek_error(Syntax::EofWhileParsingValue));
    };
    Ok(match peek {
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
        _ => scalar(reader, peek)?,
    })
}

/// A value that is not an array or object, at its first byte `peek` (not
/// consumed).
fn scalar<'a>(reader: &mut Reader<'a>, peek: u8) -> Result<Node<'a>> {
    Ok(match peek {
        b'"' => {
            reader.eat();
            Node::Str(reader.string()?)
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
    fn a_batch_array_is_read_whole_for_its_syntax_and_its_elements() {
        // Brackets, commas and quotes inside strings are not the array's;
        // a key twice is the element's to report, not the array's.
        let text = "\n [ {\"a\": \"],[\\\"{\", \"a\": 1}, [1, [2]],\n  \"x\\\\\" , -1.5e3 ,{}, true ] ";
        let elements: Vec<_> = array_elements(text).unwrap().into_iter().map(|r| &text[r]).collect();
        assert_eq!(elements, ["{\"a\": \"],[\\\"{\", \"a\": 1}", "[1, [2]]", "\"x\\\\\"", "-1.5e3", "{}", "true"]);
        assert_eq!(array_elements("[]").unwrap(), []);
        assert_eq!(array_elements("[ \n ]").unwrap(), []);
        assert_eq!(array_elements("[1, ").unwrap_err().issues()[0].code, IssueCode::InvalidJson);
        assert_eq!(array_elements("[1] 2").unwrap_err().issues()[0].code, IssueCode::InvalidJson);
    }

    /// The syntax error of `text` as the recursive reader finds it.
    fn recursive_error(text: &str) -> Option<Issue> {
        let mut reader = Reader::new(text);
        let parsed = value(&mut reader, &Pointer::ROOT, &mut Vec::new()).and_then(|_| reader.end());
        parsed.err().map(|e| e.issue(text))
    }

    fn loop_error(text: &str) -> Option<Issue> {
        array_elements(text).err().map(|e| e.into_issues().remove(0))
    }

    #[test]
    fn the_batch_syntax_loop_finds_the_errors_the_reader_does_where_it_does() {
        let array = r#" [ {"a": [1, -2.5e3, "x\"y\u00e9"], "b": {"c": {}, "d": []}}, true, null, false, "s", [[{}], {"e": [0]}] ] "#;
        let mut texts: Vec<String> = (0..=array.len()).filter_map(|end| array.get(..end)).map(str::to_owned).collect();
        for (at, _) in array.char_indices() {
            texts.push(format!("{}{}", &array[..at], &array[at..].chars().skip(1).collect::<String>()));
            for swap in ["}", "]", ",", ":", "\"", "x"] {
                texts.push(format!("{}{swap}{}", &array[..at], &array[at..].chars().skip(1).collect::<String>()));
            }
        }
        let mut failures = 0;
        for text in &texts {
            let (ours, reader) = (loop_error(text), recursive_error(text));
            failures += usize::from(reader.is_some());
            assert_eq!(
                ours.map(|i| (i.message, i.line, i.column)),
                reader.map(|i| (i.message, i.line, i.column)),
                "{text}"
            );
        }
        assert!(failures > texts.len() / 2, "{failures} of {}", texts.len());
    }

    #[test]
    fn the_batch_syntax_loop_has_no_limit_on_nesting() {
        // Objects and arrays in turn, so that levels on either side of each
        // 64th are of both kinds.
        let deep = |levels: usize, close: &dyn Fn(usize) -> &'static str| {
            let open: String = (0..levels).map(|l| if l.is_multiple_of(2) { "{\"k\": " } else { "[" }).collect();
            let shut: String = (0..levels).rev().map(close).collect();
            format!("[{open}0{shut}]")
        };
        let right = |l: usize| if l.is_multiple_of(2) { "}" } else { "]" };
        assert_eq!(loop_error(&deep(100_000, &right)), None);
        // A `}` that should be `]`, at level 131 of 200: found there, the
        // 69th closing bracket after the 0, at its 1-based column.
        let text = deep(200, &|l| if l == 131 { "}" } else { right(l) });
        let issue = loop_error(&text).unwrap();
        assert_eq!(issue.code, IssueCode::InvalidJson);
        let column = text.find('0').unwrap() + 1 + (199 - 131) + 1;
        assert_eq!(text.as_bytes()[column - 1], b'}');
        assert_eq!((issue.line, issue.column), (Some(1), Some(column)), "{}", issue.message);
    }
}
