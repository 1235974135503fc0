//! The reference for [`check`](crate::check): the same reading written over
//! `serde_json`'s deserializer, as the validator was before it had its own
//! reader. Compiled for tests and fuzzing only, where [`differential`] holds
//! the two to the same verdict, issues, messages and positions. Both build
//! the same [`Node`] tree and hand it to the one schema pass,
//! [`validate`](crate::validate): what differs is only the reading.
//!
//! `serde_json` does the parsing (syntax, escapes, numbers). This module adds
//! what it leaves out: a key that appears twice in any object, and the
//! nesting limit of [`MAX_NESTING`] levels (serde_json's own stops at 127, one
//! short: its limit is turned off here, and the same error given one level
//! later).

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::check::verdict;
use crate::error::{quote_char, DecodeError, Issue, IssueCode};
use crate::pointer::Pointer;
use crate::scan::MAX_NESTING;
use crate::shape::SeamEventType;
use crate::tree::{Members, Node, Num};

/// Checks one event in JSON text: its type, or every issue.
pub fn check_event(text: &str, strict: bool) -> Result<SeamEventType, DecodeError> {
    let mut issues = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    // Safe: ValueSeed stops past MAX_NESTING levels, before recursing further.
    de.disable_recursion_limit();
    let parsed = ValueSeed { path: Pointer::ROOT, depth: 1, issues: &mut issues }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    match parsed {
        Ok(root) => verdict(&root, strict, issues),
        Err(e) => {
            issues.push(syntax_issue(text, &e));
            Err(DecodeError::new(issues))
        }
    }
}

/// An `invalid_json` issue with a 1-based line and a 1-based column counted
/// in characters, and the character found there.
fn syntax_issue(text: &str, e: &serde_json::Error) -> Issue {
    let full = e.to_string();
    let what = crate::scan::ours(full.rsplit_once(" at line ").map_or(full.as_str(), |(what, _)| what));
    // serde_json's own limit points at the bracket that goes too deep; the
    // same error from inside the visitor (ours, one level later) comes after
    // serde_json has read on, so its position is found here instead.
    let too_deep = if what == RECURSION_LIMIT_EXCEEDED { too_deep_at(text) } else { None };
    let (line, column) = match too_deep {
        Some(offset) => {
            let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
            (text[..line_start].matches('\n').count() + 1, offset - line_start + 1)
        }
        _ => (e.line().max(1), e.column()),
    };
    // serde_json counts the column in bytes and points at the byte it stopped
    // on; count characters instead, up to the one that byte belongs to.
    let line_text = text.split('\n').nth(line - 1).unwrap_or("");
    let mut at = column.saturating_sub(1).min(line_text.len());
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

/// The byte offset of the bracket that opens the first array or object past
/// [`MAX_NESTING`] levels, if any: found by counting brackets outside
/// strings, which is exact for text that reads as JSON up to that bracket.
fn too_deep_at(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0u32, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' if depth == MAX_NESTING => return Some(i),
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Any JSON value, with the duplicate keys at any depth below it.
struct ValueSeed<'p, 'i> {
    path: Pointer<'p>,
    /// The level of the value: 1 for the root.
    depth: u32,
    issues: &'i mut Vec<Issue>,
}

impl ValueSeed<'_, '_> {
    /// serde_json's error for nesting too deep, for an array or object at
    /// this level, once its bracket is read.
    fn too_deep<E: serde::de::Error>(&self) -> Result<(), E> {
        if self.depth > MAX_NESTING {
            return Err(E::custom(RECURSION_LIMIT_EXCEEDED));
        }
        Ok(())
    }
}

/// serde_json's words for nesting too deep.
const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = Node<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool)
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Num::Value(v as f64)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Num::Value(v as f64)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Num::Value(v)))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        self.too_deep()?;
        let mut elements = Vec::new();
        loop {
            let path = self.path.index(elements.len());
            match seq.next_element_seed(ValueSeed { path, depth: self.depth + 1, issues: &mut *self.issues })? {
                Some(element) => elements.push(element),
                None => return Ok(Node::Array(elements)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        self.too_deep()?;
        let mut members = Members::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let path = self.path.key(&key);
            let value = map.next_value_seed(ValueSeed { path, depth: self.depth + 1, issues: &mut *self.issues })?;
            members.push(key.clone(), value, &path, self.issues);
        }
        Ok(members.into_node())
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

/// Holds the fast lanes ([`crate::fast`] for the two connect_webview events,
/// [`crate::lane`] for the whole catalogue) to their promise on any bytes:
/// when one says an event is valid, the full check says so too, of the same
/// type.
pub fn fast_lane(bytes: &[u8]) {
    for strict in [false, true] {
        for (lane, verdict) in
            [("fast", crate::fast::accept(bytes, strict)), ("lane", crate::lane::accept(bytes, strict))]
        {
            if let Some(event_type) = verdict {
                let text = std::str::from_utf8(bytes)
                    .unwrap_or_else(|e| panic!("the {lane} lane took bytes that are not UTF-8 ({e}): {bytes:?}"));
                assert_eq!(
                    crate::check::check_event(text, strict),
                    Ok(event_type),
                    "the {lane} lane, strict {strict}, on {text:?}"
                );
            }
        }
    }
}

/// Asserts that the validator and this reference agree on `text`: the same
/// verdict, with the same issues, messages and positions, strict or not.
pub fn differential(text: &str) {
    for strict in [false, true] {
        let (ours, reference) = (crate::check::check_event(text, strict), check_event(text, strict));
        assert_eq!(ours, reference, "check_event, strict {strict}, on {text:?}");
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
        // Every example of the catalogue, compact and pretty.
        samples.extend(examples());
        // Every fuzz corpus file that is UTF-8.
        samples.extend(corpus().into_iter().filter_map(|bytes| String::from_utf8(bytes).ok()));
        samples
    }

    /// Every example of catalogue/examples.json, as compact text.
    fn examples() -> Vec<String> {
        let text = include_str!("../catalogue/examples.json");
        let doc: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let mut out = Vec::new();
        for by_mode in doc["examples"].as_object().into_iter().flat_map(|m| m.values()) {
            for example in by_mode.as_object().into_iter().flat_map(|m| m.values()) {
                out.push(example.to_string());
            }
        }
        out
    }

    #[test]
    fn the_catalogue_lane_takes_every_example_and_agrees_on_every_one_byte_change() {
        let examples = examples();
        // Minimal and full of every event type, and nulls of some (227 at 1.977.0).
        assert!(examples.len() > 2 * crate::catalogue::EVENT_TYPES.len(), "{}", examples.len());
        for text in &examples {
            let verdict = crate::lane::accept(text.as_bytes(), true);
            assert_eq!(verdict, crate::check::check_event(text, true).ok(), "{text}");
            assert!(verdict.is_some(), "the lane does not take {text}");
        }
        // A lock, a thermostat (numbers, nulls), an access code (nested arrays), a camera (URLs).
        for text in examples.iter().filter(|t| {
            [
                "\"lock.locked\"",
                "temperature_threshold_exceeded",
                "delay_in_removing",
                "camera.activated",
                "battery_status_changed",
            ]
            .iter()
            .any(|name| t.contains(name))
        }) {
            let bytes = text.as_bytes();
            for at in 0..bytes.len() {
                for &b in b"\"\\{}[]:,0-.enx" {
                    let mut changed = bytes.to_vec();
                    changed[at] = b;
                    fast_lane(&changed);
                }
                let mut deleted = bytes.to_vec();
                deleted.remove(at);
                fast_lane(&deleted);
            }
        }
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
    fn the_validator_agrees_with_serde_json_on_what_follows_a_bracket_too_deep() {
        // serde_json reads on past the bracket before an error from inside
        // the visitor gets its position: found by the fuzz corpus.
        for inner in ["{}", "{ }", "{\n  \"co", "[ 1]", "[\n]", "{\"a\":1}", "[1]"] {
            // One level in front, after a line break, or after a string with
            // brackets and an escaped quote in it.
            for open in ["[", "[\r\n", r#"["[{\"", "#] {
                differential(&format!("{open}{}{inner}", "[".repeat(127)));
            }
        }
    }

    #[test]
    fn the_validator_agrees_with_serde_json_on_deep_nesting() {
        for depth in [126, 127, 128, 129, 130] {
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
