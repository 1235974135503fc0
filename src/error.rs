//! Issues: what is wrong with a payload, where, and in words.
//!
//! Every failure of [`decode`](crate::decode) is a [`DecodeError`] holding one
//! [`Issue`] per problem found, each with a machine-readable [`IssueCode`], a
//! JSON Pointer ([RFC 6901](https://www.rfc-editor.org/rfc/rfc6901)) to the
//! value it is about, and a sentence that names what was expected and what was
//! found.

use std::fmt;

use serde::Serialize;

/// What kind of problem an [`Issue`] reports. Serialised in `snake_case`
/// (`"missing_field"`), the same strings the JavaScript package uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssueCode {
    /// The payload is not a string, byte array or plain object (JavaScript only).
    InvalidInput,
    /// The payload is longer than the byte limit.
    PayloadTooLarge,
    /// The bytes are not UTF-8.
    InvalidUtf8,
    /// The text is not JSON; the issue has a line and column.
    InvalidJson,
    /// The same key appears twice in one object.
    DuplicateField,
    /// A value has the wrong JSON type, or the root is not an object.
    InvalidType,
    /// A required field is absent.
    MissingField,
    /// A string is not a UUID in canonical hyphenated form.
    InvalidUuid,
    /// A string is not a date-time `YYYY-MM-DDTHH:MM[:SS[.fraction]]Z` (`2025-01-01T00:00:00.000Z`) of a real day and time.
    InvalidDatetime,
    /// A string is not one of the values an enum allows.
    InvalidEnum,
    /// A number is below its minimum or above its maximum.
    OutOfRange,
    /// A string is not a URL the WHATWG URL parser accepts.
    InvalidUrl,
    /// `event_type` is a string but not an event type of the catalogue.
    UnknownEventType,
    /// A field outside the schema, reported only in strict mode.
    UnknownField,
}

impl IssueCode {
    /// The code as it appears in JSON and in JavaScript, e.g. `"invalid_uuid"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::IssueCode;
    /// assert_eq!(IssueCode::MissingField.as_str(), "missing_field");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            IssueCode::InvalidInput => "invalid_input",
            IssueCode::PayloadTooLarge => "payload_too_large",
            IssueCode::InvalidUtf8 => "invalid_utf8",
            IssueCode::InvalidJson => "invalid_json",
            IssueCode::DuplicateField => "duplicate_field",
            IssueCode::InvalidType => "invalid_type",
            IssueCode::MissingField => "missing_field",
            IssueCode::InvalidUuid => "invalid_uuid",
            IssueCode::InvalidDatetime => "invalid_datetime",
            IssueCode::InvalidEnum => "invalid_enum",
            IssueCode::OutOfRange => "out_of_range",
            IssueCode::InvalidUrl => "invalid_url",
            IssueCode::UnknownEventType => "unknown_event_type",
            IssueCode::UnknownField => "unknown_field",
        }
    }
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with a payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// What kind of problem this is.
    pub code: IssueCode,
    /// JSON Pointer to the value: `""` for the root, `"/event_id"`,
    /// `"/connected_account_custom_metadata/vip"`.
    pub path: String,
    /// One sentence naming what was expected and what was found.
    pub message: String,
    /// 1-based line, for `invalid_json` and `invalid_utf8`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column in characters, for `invalid_json` and `invalid_utf8`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Issue {
    /// An issue without a text position.
    pub(crate) fn new(code: IssueCode, path: String, message: String) -> Issue {
        Issue { code, path, message, line: None, column: None }
    }

    /// An issue at a line and column of the input text.
    pub(crate) fn at(code: IssueCode, message: String, line: usize, column: usize) -> Issue {
        Issue { code, path: String::new(), message, line: Some(line), column: Some(column) }
    }
}

impl fmt::Display for Issue {
    /// `path: message (code)`, or `(root)` for the empty path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(root)" } else { &self.path };
        write!(f, "{path}: {} ({})", self.message, self.code)
    }
}

/// Every problem found in one payload, in the order they were found.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{decode, IssueCode};
///
/// let err = decode(r#"{"event_type": "connect_webview.login_failed"}"#).unwrap_err();
/// assert!(err.issues().iter().all(|issue| issue.code == IssueCode::MissingField));
/// assert_eq!(err.issues()[0].path, "/connect_webview_id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    issues: Vec<Issue>,
}

impl DecodeError {
    /// Wraps a non-empty list of issues.
    pub(crate) fn new(issues: Vec<Issue>) -> DecodeError {
        debug_assert!(!issues.is_empty());
        DecodeError { issues }
    }

    /// Every issue found, at least one.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Takes the issues out.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

impl fmt::Display for DecodeError {
    /// The first issue, and how many more there are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.issues.as_slice() {
            [] => f.write_str("invalid Seam event"),
            [only] => write!(f, "invalid Seam event: {only}"),
            [first, rest @ ..] => {
                let n = rest.len();
                let s = if n == 1 { "" } else { "s" };
                write!(f, "invalid Seam event: {first}, and {n} more issue{s}")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Serialised as `JSON.stringify` writes the JavaScript package's
/// `DecodeError`: `{"name": "DecodeError", "message", "issues"}`, e.g. for the
/// body of a `422`.
///
/// # Examples
///
/// ```
/// let err = connect_webview_events::decode("[]").unwrap_err();
/// let json = serde_json::to_string(&err).unwrap();
/// assert!(json.starts_with(r#"{"name":"DecodeError","message":"invalid Seam event: (root): expected a JSON object"#));
/// assert!(json.ends_with(r#""issues":[{"code":"invalid_type","path":"","message":"expected a JSON object, found an array"}]}"#));
/// ```
impl Serialize for DecodeError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut error = serializer.serialize_struct("DecodeError", 3)?;
        error.serialize_field("name", "DecodeError")?;
        error.serialize_field("message", &self.to_string())?;
        error.serialize_field("issues", &self.issues)?;
        error.end()
    }
}

/// A string value for a message: quoted, escaped as Rust's `{:?}` would for
/// the common cases, with invisible characters spelled out, and cut after 64
/// characters so that a huge value stays readable.
pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 64;
    let mut out = String::with_capacity(s.len().min(MAX * 4) + 2);
    out.push('"');
    for c in s.chars().take(MAX) {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    let total = crate::text::char_count(s);
    if total > MAX {
        out.push_str(&format!("… ({total} characters)"));
    }
    out
}

/// A character for a message, in single quotes, escaped like [`quote`].
pub(crate) fn quote_char(c: char) -> String {
    let mut out = String::from("'");
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}

/// Escapes quotes, backslashes, control characters, and the characters that
/// print as nothing (zero-width, bidirectional controls, the byte-order mark),
/// which are exactly what a person cannot see in a bad value. Written out
/// rather than `{:?}`, whose Unicode tables would add kilobytes to the wasm.
fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\0' => out.push_str("\\0"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}' => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_spells_out_what_cannot_be_seen() {
        assert_eq!(quote("a\u{200b}b\u{feff}\u{1}é"), r#""a\u{200b}b\u{feff}\u{1}é""#);
        assert_eq!(quote_char('\''), r"'\''");
        assert_eq!(quote_char('"'), "'\"'");
        assert_eq!(quote_char('\u{202e}'), r"'\u{202e}'");
        for c in [' ', 'é', '\n', '\t', '\\', '\0', '\u{7f}', 'x', '２'] {
            assert_eq!(quote_char(c), format!("{c:?}"), "{c:?}");
            assert_eq!(quote(&c.to_string()), format!("{:?}", c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn quote_escapes_and_cuts_long_values() {
        assert_eq!(quote("a\"b\n"), r#""a\"b\n""#);
        let long = "x".repeat(100);
        assert_eq!(quote(&long), format!("\"{}\"… (100 characters)", "x".repeat(64)));
    }

    #[test]
    fn display_names_the_first_issue_and_counts_the_rest() {
        let issue = |path: &str| Issue::new(IssueCode::MissingField, path.into(), "gone".into());
        assert_eq!(DecodeError::new(vec![issue("")]).to_string(), "invalid Seam event: (root): gone (missing_field)");
        assert_eq!(
            DecodeError::new(vec![issue("/a"), issue("/b"), issue("/c")]).to_string(),
            "invalid Seam event: /a: gone (missing_field), and 2 more issues"
        );
    }
}
