//! JSON text or bytes to a [`SeamEvent`] of any type of the catalogue, collecting every issue.

use serde::Deserialize;

use crate::check::check_event;
use crate::error::{DecodeError, Issue, IssueCode};
use crate::event::EventType;
use crate::seam_event::SeamEvent;
use crate::shape::SeamEventType;
use crate::{fast, lane};
use core::sync::atomic::{AtomicBool, Ordering::Relaxed};

/// Whether the last event the quick lanes took was a connect_webview event:
/// which lane to try first. A hint: either order gives the same answer, and
/// a stream of other types no longer reads its events' first members twice
/// (1.7 % less time over the 109 types in a paired A/B).
static CONNECT_WEBVIEW_LAST: AtomicBool = AtomicBool::new(true);

/// The default byte limit: 1 MiB, far above any real event.
pub const DEFAULT_MAX_BYTES: usize = 1_048_576;

/// How to decode: strict about unknown fields or not, and a byte limit.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{DecodeOptions, IssueCode};
///
/// let json = include_str!("../tests/fixtures/login_failed.json").replace("{", r#"{"hint": 1,"#);
/// assert!(DecodeOptions::new().decode(&json).is_ok());
///
/// let err = DecodeOptions::new().strict(true).decode(&json).unwrap_err();
/// assert_eq!(err.issues()[0].code, IssueCode::UnknownField);
/// assert_eq!(err.issues()[0].path, "/hint");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Report fields outside the schema as `unknown_field` (default: keep them).
    pub strict: bool,
    /// Refuse inputs longer than this many bytes (default: [`DEFAULT_MAX_BYTES`]).
    pub max_bytes: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions { strict: false, max_bytes: DEFAULT_MAX_BYTES }
    }
}

impl DecodeOptions {
    /// The defaults: not strict, at most 1 MiB.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets strict mode.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Sets the byte limit.
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Decodes one event from JSON text.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{DecodeOptions, SeamEvent};
    ///
    /// let json = include_str!("../tests/fixtures/login_succeeded.json");
    /// let event = DecodeOptions::new().decode(json).unwrap();
    /// assert!(matches!(event, SeamEvent::ConnectWebviewLoginSucceeded(_)));
    /// ```
    pub fn decode(&self, text: &str) -> Result<SeamEvent, DecodeError> {
        build(text, self.validate(text)?)
    }

    /// Decodes one event from UTF-8 bytes, such as a raw request body.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{DecodeOptions, IssueCode};
    ///
    /// let err = DecodeOptions::new().decode_slice(b"{\"event_id\": \"\xff\"}").unwrap_err();
    /// assert_eq!(err.issues()[0].code, IssueCode::InvalidUtf8);
    /// assert_eq!((err.issues()[0].line, err.issues()[0].column), (Some(1), Some(15)));
    /// ```
    pub fn decode_slice(&self, bytes: &[u8]) -> Result<SeamEvent, DecodeError> {
        self.decode(self.utf8(bytes)?)
    }

    /// Checks one event without building it, and says which type it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{DecodeOptions, SeamEventType};
    ///
    /// let json = include_str!("../tests/fixtures/login_failed.json");
    /// let login_failed = SeamEventType::from_name("connect_webview.login_failed");
    /// assert_eq!(DecodeOptions::new().validate(json).ok(), login_failed);
    /// ```
    pub fn validate(&self, text: &str) -> Result<SeamEventType, DecodeError> {
        self.validate_slice(text.as_bytes())
    }

    /// [`validate`](Self::validate) for UTF-8 bytes.
    pub fn validate_slice(&self, bytes: &[u8]) -> Result<SeamEventType, DecodeError> {
        self.check_size(bytes.len())?;
        // The usual event in one quick pass; anything else read in full.
        // The connect_webview lane first, unless the last event was of
        // another type: that lane stops at the first key it does not know,
        // but the members before it would be read twice.
        let strict = self.strict;
        let connect_webview_first = CONNECT_WEBVIEW_LAST.load(Relaxed);
        let quick = connect_webview_first.then(|| fast::accept(bytes, strict)).flatten();
        match quick.or_else(|| lane::accept(bytes, strict)) {
            Some(event_type) => {
                let connect_webview = EventType::ALL.iter().any(|t| t.seam() == event_type);
                // Written only when it changes: threads that share it do not
                // then contend for it.
                if connect_webview != connect_webview_first {
                    CONNECT_WEBVIEW_LAST.store(connect_webview, Relaxed);
                }
                Ok(event_type)
            }
            None => check_event(self.utf8(bytes)?, self.strict),
        }
    }

    /// The byte limit, then UTF-8.
    pub(crate) fn utf8<'a>(&self, bytes: &'a [u8]) -> Result<&'a str, DecodeError> {
        self.check_size(bytes.len())?;
        std::str::from_utf8(bytes).map_err(|e| DecodeError::new(vec![utf8_issue(bytes, &e)]))
    }

    /// `payload_too_large` when `len` bytes are over the limit.
    pub(crate) fn check_size(&self, len: usize) -> Result<(), DecodeError> {
        if len <= self.max_bytes {
            return Ok(());
        }
        let message = format!("expected at most {} bytes, found {len}", self.max_bytes);
        Err(DecodeError::new(vec![Issue::new(IssueCode::PayloadTooLarge, String::new(), message)]))
    }
}

/// Decodes one event from JSON text with the default options.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{decode, SeamEvent};
///
/// let json = include_str!("../tests/fixtures/login_succeeded.json");
/// match decode(json).unwrap() {
///     SeamEvent::ConnectWebviewLoginSucceeded(e) => assert_eq!(e.customer_key.as_deref(), Some("")),
///     SeamEvent::LockLocked(e) => println!("{} was locked", e.device_id),
///     other => println!("{}", other.event_type()),
/// }
/// ```
pub fn decode(text: &str) -> Result<SeamEvent, DecodeError> {
    DecodeOptions::default().decode(text)
}

/// Decodes one event from UTF-8 bytes with the default options.
///
/// # Examples
///
/// ```
/// use connect_webview_events::decode_slice;
///
/// let body: &[u8] = include_bytes!("../tests/fixtures/login_failed.json");
/// assert_eq!(decode_slice(body).unwrap().event_type(), "connect_webview.login_failed");
/// ```
pub fn decode_slice(bytes: &[u8]) -> Result<SeamEvent, DecodeError> {
    DecodeOptions::default().decode_slice(bytes)
}

/// An `invalid_utf8` issue naming the bad byte and where it is.
fn utf8_issue(bytes: &[u8], e: &std::str::Utf8Error) -> Issue {
    let offset = e.valid_up_to();
    // Everything before `offset` is valid UTF-8.
    let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let line_start = before.bytes().rposition(|b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = crate::text::char_count(before.get(line_start..).unwrap_or_default()) + 1;
    let byte = bytes.get(offset).copied().unwrap_or_default();
    let what = match (e.error_len(), byte) {
        (None, _) => "that starts a UTF-8 character the input ends before",
        (Some(_), 0x80..=0xbf) => "that continues a UTF-8 character, with none to continue",
        (Some(_), 0xc2..=0xf4) => "that starts a UTF-8 character the bytes after it do not make",
        (Some(_), _) => "that is never in UTF-8 text",
    };
    let message = format!(
        "expected UTF-8 text, found byte 0x{byte:02x} at byte offset {offset} (line {line}, column {column}) {what}"
    );
    Issue::at(IssueCode::InvalidUtf8, message, line, column)
}

/// Builds the typed event from text that has passed validation (a fast
/// lane or [`check_event`]), so every field is there with its type: the
/// generated [`SeamEvent::from_value`]. `serde_json::Map` keeps the members
/// in document order.
pub(crate) fn build(text: &str, _: SeamEventType) -> Result<SeamEvent, DecodeError> {
    let mut de = serde_json::Deserializer::from_str(text);
    // The check has bounded the nesting (to 128 levels, one more than
    // serde_json's own limit allows).
    de.disable_recursion_limit();
    serde_json::Value::deserialize(&mut de).and_then(SeamEvent::from_value).map_err(|e| {
        // Not reached: the text was checked first, by the same rules.
        let message = format!("a valid event could not be built (a bug: please report it): {e}");
        DecodeError::new(vec![Issue::new(IssueCode::InvalidType, String::new(), message)])
    })
}
