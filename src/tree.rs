//! JSON text to a borrowed tree, rejecting duplicate keys at any depth.
//!
//! `serde_json` does the parsing (syntax, escapes, numbers, a nesting limit of
//! 128); this module adds what it leaves out: every object is checked for a
//! key that appears twice, and strings without escapes borrow from the input.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};

use crate::error::{Issue, IssueCode};
use crate::pointer::Pointer;

/// Members of an object, in document order, each key once.
pub(crate) type Members<'de> = Vec<(Cow<'de, str>, Node<'de>)>;

/// A parsed JSON value whose strings borrow from the input where they can.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'de> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'de, str>),
    Array(Vec<Node<'de>>),
    Object(Members<'de>),
}

impl<'de> Node<'de> {
    /// "a string", "an object", ...: for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }

    /// The owned `serde_json` value, keys in document order.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Number(n) => Value::Number(n),
            Node::String(s) => Value::String(s.into_owned()),
            Node::Array(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Object(members) => {
                Value::Object(members.into_iter().map(|(k, v)| (k.into_owned(), v.into_value())).collect())
            }
        }
    }
}

/// Parses one JSON text. Duplicate keys become issues (the last value wins, as
/// with `JSON.parse`); a syntax error is the single issue returned as `Err`.
pub(crate) fn parse<'de>(text: &'de str, issues: &mut Vec<Issue>) -> Result<Node<'de>, Issue> {
    let mut de = serde_json::Deserializer::from_str(text);
    let root = Pointer::ROOT;
    let node = NodeSeed { path: root, issues }
        .deserialize(&mut de)
        .and_then(|node| de.end().map(|()| node))
        .map_err(|e| syntax_issue(text, &e))?;
    Ok(node)
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
        Some(c) => crate::error::quote_char(c),
        None => "the end of the line".to_string(),
    };
    let message = format!("not valid JSON at line {line}, column {column}: {what}, found {found}");
    Issue::at(IssueCode::InvalidJson, message, line, column)
}

/// Objects with more members than this find duplicates through a hash map
/// rather than a linear scan, so that time stays linear in the input size.
const LINEAR_SCAN_LIMIT: usize = 16;

struct NodeSeed<'p, 'i> {
    path: Pointer<'p>,
    issues: &'i mut Vec<Issue>,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, '_> {
    type Value = Node<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_, '_> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Node<'de>, E> {
        // serde_json reports numbers out of range itself, so `v` is finite.
        Number::from_f64(v).map(Node::Number).ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        loop {
            let path = self.path.index(items.len());
            match seq.next_element_seed(NodeSeed { path, issues: &mut *self.issues })? {
                Some(item) => items.push(item),
                None => return Ok(Node::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        // Events have about ten members: one allocation in the usual case.
        let mut members: Members<'de> = Vec::with_capacity(LINEAR_SCAN_LIMIT);
        let mut index: Option<HashMap<Cow<'de, str>, usize>> = None;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let path = self.path.key(&key);
            let value = map.next_value_seed(NodeSeed { path, issues: &mut *self.issues })?;
            let earlier = match &index {
                Some(index) => index.get(&key).copied(),
                None => members.iter().position(|(k, _)| *k == key),
            };
            if let Some(earlier) = earlier {
                self.issues.push(Issue::new(
                    IssueCode::DuplicateField,
                    path.to_string(),
                    format!("expected each key once in an object, found {} again (JSON.parse would keep only this last value)", crate::error::quote(&key)),
                ));
                members[earlier].1 = value;
                continue;
            }
            if let Some(index) = &mut index {
                index.insert(key.clone(), members.len());
            } else if members.len() == LINEAR_SCAN_LIMIT {
                let mut built: HashMap<_, _> = members.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect();
                built.insert(key.clone(), members.len());
                index = Some(built);
            }
            members.push((key, value));
        }
        Ok(Node::Object(members))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn issues_of(text: &str) -> Vec<(IssueCode, String)> {
        let mut issues = Vec::new();
        if let Err(issue) = parse(text, &mut issues) {
            issues.push(issue);
        }
        issues.into_iter().map(|i| (i.code, i.path)).collect()
    }

    #[test]
    fn duplicates_are_found_at_every_depth() {
        let text = r#"{"a": 1, "b": {"c": [ {"d": 1, "d": 2} ], "c": 0}, "a": 2}"#;
        assert_eq!(
            issues_of(text),
            vec![
                (IssueCode::DuplicateField, "/b/c/0/d".to_string()),
                (IssueCode::DuplicateField, "/b/c".to_string()),
                (IssueCode::DuplicateField, "/a".to_string()),
            ]
        );
    }

    #[test]
    fn escaped_and_plain_spellings_of_a_key_are_duplicates() {
        assert_eq!(issues_of(r#"{"a": 1, "\u0061": 2}"#), vec![(IssueCode::DuplicateField, "/a".to_string())]);
    }

    #[test]
    fn the_last_duplicate_wins_as_in_json_parse() {
        let mut issues = Vec::new();
        let node = parse(r#"{"a": 1, "b": 2, "a": 3}"#, &mut issues).unwrap();
        assert_eq!(node.into_value(), serde_json::json!({"a": 3, "b": 2}));
    }

    #[test]
    fn duplicates_in_large_objects_are_found_through_the_index() {
        let mut text = String::from("{");
        for i in 0..100 {
            text.push_str(&format!("\"k{i}\": {i},"));
        }
        text.push_str("\"k3\": 0, \"k99\": 1, \"k100\": 2}");
        assert_eq!(
            issues_of(&text),
            vec![(IssueCode::DuplicateField, "/k3".to_string()), (IssueCode::DuplicateField, "/k99".to_string())]
        );
    }

    #[test]
    fn syntax_errors_have_line_and_character_column() {
        let mut issues = Vec::new();
        let issue = parse("{\n  \"é\": 1,\n  \"x\" 2\n}", &mut issues).unwrap_err();
        assert_eq!((issue.code, issue.line, issue.column), (IssueCode::InvalidJson, Some(3), Some(7)));
        assert_eq!(issue.message, "not valid JSON at line 3, column 7: expected `:`, found '2'");
        let issue = parse("{\"é\": tru}", &mut issues).unwrap_err();
        assert_eq!((issue.line, issue.column), (Some(1), Some(10)));
        assert_eq!(issue.message, "not valid JSON at line 1, column 10: expected ident, found '}'");
    }

    #[test]
    fn end_of_input_is_named() {
        let mut issues = Vec::new();
        let issue = parse("{\"a\": ", &mut issues).unwrap_err();
        assert_eq!(issue.message, "not valid JSON at line 1, column 6: EOF while parsing a value, found the end of the input");
        let issue = parse("", &mut issues).unwrap_err();
        assert_eq!((issue.line, issue.column), (Some(1), Some(1)));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(100_000);
        let mut issues = Vec::new();
        let issue = parse(&deep, &mut issues).unwrap_err();
        assert_eq!(issue.code, IssueCode::InvalidJson);
        assert!(issue.message.contains("recursion limit exceeded"), "{}", issue.message);
    }
}
