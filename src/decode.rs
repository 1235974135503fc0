//! JSON text or bytes to a [`ConnectWebviewEvent`], collecting every issue.

use std::borrow::Cow;

use crate::error::{quote, DecodeError, Issue, IssueCode};
use crate::event::{
    ConnectWebviewEvent, ConnectWebviewLoginFailedEvent, ConnectWebviewLoginSucceededEvent, CustomMetadata,
    EventType, MetadataValue,
};
use crate::pointer::member;
use crate::rules::{check_datetime, check_uuid};
use crate::schema::{fields_of, mask_of, Field, Rule};
use crate::tree::{self, Members, Node};

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
    /// use connect_webview_events::{ConnectWebviewEvent, DecodeOptions};
    ///
    /// let json = include_str!("../tests/fixtures/login_succeeded.json");
    /// let event = DecodeOptions::new().decode(json).unwrap();
    /// assert!(matches!(event, ConnectWebviewEvent::LoginSucceeded(_)));
    /// ```
    pub fn decode(&self, text: &str) -> Result<ConnectWebviewEvent, DecodeError> {
        let (event_type, fields) = self.check(text)?;
        Ok(fields.into_event(event_type))
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
    pub fn decode_slice(&self, bytes: &[u8]) -> Result<ConnectWebviewEvent, DecodeError> {
        self.decode(self.utf8(bytes)?)
    }

    /// Checks one event without building it, and says which type it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::{DecodeOptions, EventType};
    ///
    /// let json = include_str!("../tests/fixtures/login_failed.json");
    /// assert_eq!(DecodeOptions::new().validate(json), Ok(EventType::LoginFailed));
    /// ```
    pub fn validate(&self, text: &str) -> Result<EventType, DecodeError> {
        self.check(text).map(|(event_type, _)| event_type)
    }

    /// [`validate`](Self::validate) for UTF-8 bytes.
    pub fn validate_slice(&self, bytes: &[u8]) -> Result<EventType, DecodeError> {
        self.validate(self.utf8(bytes)?)
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

    /// Parses and validates, keeping the checked fields for building.
    pub(crate) fn check<'de>(&self, text: &'de str) -> Result<(EventType, Fields<'de>), DecodeError> {
        self.check_size(text.len())?;
        let mut issues = Vec::new();
        match tree::parse(text, &mut issues) {
            Ok(root) => self.check_node(root, issues),
            Err(syntax) => {
                issues.push(syntax);
                Err(DecodeError::new(issues))
            }
        }
    }

    /// Validates one parsed event. `issues` holds what parsing found
    /// (duplicate keys); the event is valid only if there is nothing else.
    pub(crate) fn check_node<'de>(
        &self,
        root: Node<'de>,
        mut issues: Vec<Issue>,
    ) -> Result<(EventType, Fields<'de>), DecodeError> {
        let members = match root {
            Node::Object(members) => members,
            other => {
                let message = format!("expected a JSON object, found {}", other.kind());
                issues.push(Issue::new(IssueCode::InvalidType, String::new(), message));
                return Err(DecodeError::new(issues));
            }
        };
        let event_type = check_event_type(&members, &mut issues)?;
        let fields = Fields::check(members, event_type, self.strict, &mut issues);
        match event_type {
            Some(event_type) if issues.is_empty() => Ok((event_type, fields)),
            _ => Err(DecodeError::new(issues)),
        }
    }
}

/// Decodes one event from JSON text with the default options.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{decode, ConnectWebviewEvent};
///
/// let json = include_str!("../tests/fixtures/login_succeeded.json");
/// match decode(json).unwrap() {
///     ConnectWebviewEvent::LoginSucceeded(e) => assert_eq!(e.customer_key.as_deref(), Some("")),
///     ConnectWebviewEvent::LoginFailed(_) => unreachable!(),
/// }
/// ```
pub fn decode(text: &str) -> Result<ConnectWebviewEvent, DecodeError> {
    DecodeOptions::default().decode(text)
}

/// Decodes one event from UTF-8 bytes with the default options.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{decode_slice, EventType};
///
/// let body: &[u8] = include_bytes!("../tests/fixtures/login_failed.json");
/// assert_eq!(decode_slice(body).unwrap().event_type(), EventType::LoginFailed);
/// ```
pub fn decode_slice(bytes: &[u8]) -> Result<ConnectWebviewEvent, DecodeError> {
    DecodeOptions::default().decode_slice(bytes)
}

/// An `invalid_utf8` issue naming the bad byte and where it is.
fn utf8_issue(bytes: &[u8], e: &std::str::Utf8Error) -> Issue {
    let offset = e.valid_up_to();
    // Everything before `offset` is valid UTF-8.
    let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    let byte = bytes.get(offset).copied().unwrap_or_default();
    let message = format!(
        "expected UTF-8 text, found byte 0x{byte:02x} at byte offset {offset} (line {line}, column {column}) that does not start or continue a UTF-8 character"
    );
    let mut issue = Issue::at(IssueCode::InvalidUtf8, message, line, column);
    issue.path = String::new();
    issue
}

/// Finds the event type. `Err` when `event_type` names another kind of event:
/// then the rest of the payload follows a schema we do not have. A missing or
/// non-string `event_type` is reported with the other fields.
fn check_event_type(members: &Members<'_>, issues: &mut Vec<Issue>) -> Result<Option<EventType>, DecodeError> {
    let Some(Node::String(name)) = members.iter().find(|(k, _)| k == "event_type").map(|(_, v)| v) else {
        return Ok(None);
    };
    if let Some(event_type) = EventType::from_name(name) {
        return Ok(Some(event_type));
    }
    let message = format!(
        "expected \"{}\" or \"{}\", found {}, which is not a connect_webview event",
        EventType::LoginSucceeded,
        EventType::LoginFailed,
        quote(name)
    );
    issues.push(Issue::new(IssueCode::UnknownEventType, member("event_type"), message));
    Err(DecodeError::new(std::mem::take(issues)))
}

fn missing(field: Field) -> Issue {
    let message = format!("expected field \"{}\" ({}), found no such key", field.name(), field.rule().describe());
    Issue::new(IssueCode::MissingField, member(field.name()), message)
}

fn wrong_type(path: String, expected: &str, found: &Node<'_>) -> Issue {
    Issue::new(IssueCode::InvalidType, path, format!("expected {expected}, found {}", found.kind()))
}

/// The checked fields of one event, borrowed from the input where possible.
#[derive(Default)]
pub(crate) struct Fields<'de> {
    /// String fields, indexed by `Field as usize`.
    strings: [Option<Cow<'de, str>>; 10],
    /// Checked: every value is a string or a boolean.
    metadata: Option<Members<'de>>,
    extra: Members<'de>,
}

impl<'de> Fields<'de> {
    /// Checks every member against the schema of `event_type` (the common
    /// fields when it is unknown), then looks for missing required fields.
    fn check(members: Members<'de>, event_type: Option<EventType>, strict: bool, issues: &mut Vec<Issue>) -> Self {
        let schema = fields_of(event_type);
        let in_schema = mask_of(schema);
        let mut fields = Fields::default();
        let mut seen = 0u16;
        for (key, node) in members {
            let known = Field::from_key(&key).filter(|f| in_schema & f.bit() != 0);
            let Some(field) = known else {
                if strict {
                    if let Some(event_type) = event_type {
                        let message = format!("expected only the fields of {event_type} events, found {}", quote(&key));
                        issues.push(Issue::new(IssueCode::UnknownField, member(&key), message));
                    }
                }
                fields.extra.push((key, node));
                continue;
            };
            seen |= field.bit();
            fields.check_field(field, node, issues);
        }
        for spec in schema {
            if spec.required && seen & spec.field.bit() == 0 {
                issues.push(missing(spec.field));
            }
        }
        fields
    }

    fn check_field(&mut self, field: Field, node: Node<'de>, issues: &mut Vec<Issue>) {
        let path = || member(field.name());
        let rule = field.rule();
        if rule == Rule::Metadata {
            match node {
                Node::Object(members) => {
                    check_metadata(&members, issues);
                    self.metadata = Some(members);
                }
                other => issues.push(wrong_type(path(), "an object", &other)),
            }
            return;
        }
        let Node::String(value) = node else {
            issues.push(wrong_type(path(), "a string", &node));
            return;
        };
        let (code, example, verdict) = match rule {
            Rule::Uuid => (IssueCode::InvalidUuid, "a UUID like 00000000-0000-0000-0000-000000000000", check_uuid(&value)),
            Rule::DateTime => (IssueCode::InvalidDatetime, "a date-time like 2025-01-01T00:00:00.000Z", check_datetime(&value)),
            Rule::EventType | Rule::Text | Rule::Metadata => (IssueCode::InvalidType, "", Ok(())),
        };
        if let Err(why) = verdict {
            issues.push(Issue::new(code, path(), format!("expected {example}, found {}: {why}", quote(&value))));
        }
        self.strings[field as usize] = Some(value);
    }

    fn take(&mut self, field: Field) -> Option<String> {
        self.strings[field as usize].take().map(Cow::into_owned)
    }

    /// Builds the event. Only called after a check without issues, so every
    /// required field is present.
    pub(crate) fn into_event(mut self, event_type: EventType) -> ConnectWebviewEvent {
        let mut required = |field| self.take(field).unwrap_or_default();
        let event_id = required(Field::EventId);
        let workspace_id = required(Field::WorkspaceId);
        let connect_webview_id = required(Field::ConnectWebviewId);
        let connected_account_id = required(Field::ConnectedAccountId);
        let created_at = required(Field::CreatedAt);
        let occurred_at = required(Field::OccurredAt);
        let customer_key = self.take(Field::CustomerKey);
        let event_description = self.take(Field::EventDescription);
        let metadata = self.metadata.map(|members| {
            let entries = members.into_iter().filter_map(|(key, node)| {
                let value = match node {
                    Node::String(s) => MetadataValue::String(s.into_owned()),
                    Node::Bool(b) => MetadataValue::Bool(b),
                    _ => return None, // refused by check_metadata
                };
                Some((key.into_owned(), value))
            });
            CustomMetadata(entries.collect())
        });
        let extra = self.extra.into_iter().map(|(k, v)| (k.into_owned(), v.into_value())).collect();
        match event_type {
            EventType::LoginSucceeded => ConnectWebviewEvent::LoginSucceeded(ConnectWebviewLoginSucceededEvent {
                event_id,
                workspace_id,
                connect_webview_id,
                connected_account_id,
                created_at,
                occurred_at,
                connected_account_custom_metadata: metadata,
                customer_key,
                event_description,
                extra,
            }),
            EventType::LoginFailed => ConnectWebviewEvent::LoginFailed(ConnectWebviewLoginFailedEvent {
                event_id,
                workspace_id,
                connect_webview_id,
                created_at,
                occurred_at,
                event_description,
                extra,
            }),
        }
    }
}

/// Checks that every metadata value is a string or a boolean.
fn check_metadata(members: &Members<'_>, issues: &mut Vec<Issue>) {
    for (key, node) in members {
        if !matches!(node, Node::String(_) | Node::Bool(_)) {
            let path = format!("{}{}", member(Field::ConnectedAccountCustomMetadata.name()), member(key));
            issues.push(wrong_type(path, "a string or a boolean", node));
        }
    }
}
