//! The two `connect_webview` events, as typed Rust values.
//!
//! Identifiers and timestamps keep the exact text that was sent. Fields that
//! the schema does not know are kept, in order, in `extra`, so that
//! serialising an event gives back the JSON object it was decoded from.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

/// The two `connect_webview` event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    /// `connect_webview.login_succeeded`
    LoginSucceeded,
    /// `connect_webview.login_failed`
    LoginFailed,
}

impl EventType {
    /// Every event type, in the order of the spec.
    pub const ALL: [EventType; 2] = [EventType::LoginSucceeded, EventType::LoginFailed];

    /// The `event_type` string on the wire.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::EventType;
    /// assert_eq!(EventType::LoginFailed.as_str(), "connect_webview.login_failed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::LoginSucceeded => "connect_webview.login_succeeded",
            EventType::LoginFailed => "connect_webview.login_failed",
        }
    }

    /// The event type named by an `event_type` string, if it is one of ours.
    ///
    /// # Examples
    ///
    /// ```
    /// use connect_webview_events::EventType;
    /// assert_eq!(EventType::from_name("connect_webview.login_succeeded"), Some(EventType::LoginSucceeded));
    /// assert_eq!(EventType::from_name("device.connected"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<EventType> {
        EventType::from_name_bytes(name.as_bytes())
    }

    /// The same event type among all of the catalogue's.
    pub fn seam(self) -> crate::SeamEventType {
        use crate::catalogue::event_type::{CONNECT_WEBVIEW_LOGIN_FAILED, CONNECT_WEBVIEW_LOGIN_SUCCEEDED};
        crate::SeamEventType::at(match self {
            EventType::LoginSucceeded => CONNECT_WEBVIEW_LOGIN_SUCCEEDED,
            EventType::LoginFailed => CONNECT_WEBVIEW_LOGIN_FAILED,
        })
    }

    /// [`from_name`](Self::from_name) for the bytes of a name.
    pub(crate) fn from_name_bytes(name: &[u8]) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| crate::text::same(t.as_str().as_bytes(), name))
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A decoded `connect_webview` event: one of the two types, told apart by
/// `event_type`. Serialises to the JSON object it was decoded from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event_type")]
pub enum ConnectWebviewEvent {
    /// `connect_webview.login_succeeded`: an end user connected an account.
    #[serde(rename = "connect_webview.login_succeeded")]
    LoginSucceeded(ConnectWebviewLoginSucceededEvent),
    /// `connect_webview.login_failed`: the login did not complete.
    #[serde(rename = "connect_webview.login_failed")]
    LoginFailed(ConnectWebviewLoginFailedEvent),
}

impl ConnectWebviewEvent {
    /// Which of the two event types this is.
    pub fn event_type(&self) -> EventType {
        match self {
            ConnectWebviewEvent::LoginSucceeded(_) => EventType::LoginSucceeded,
            ConnectWebviewEvent::LoginFailed(_) => EventType::LoginFailed,
        }
    }

    /// `event_id`, common to both types.
    pub fn event_id(&self) -> &str {
        match self {
            ConnectWebviewEvent::LoginSucceeded(e) => &e.event_id,
            ConnectWebviewEvent::LoginFailed(e) => &e.event_id,
        }
    }

    /// `connect_webview_id`, common to both types.
    pub fn connect_webview_id(&self) -> &str {
        match self {
            ConnectWebviewEvent::LoginSucceeded(e) => &e.connect_webview_id,
            ConnectWebviewEvent::LoginFailed(e) => &e.connect_webview_id,
        }
    }

    /// Fields outside the schema, kept in document order.
    pub fn extra(&self) -> &Map<String, Value> {
        match self {
            ConnectWebviewEvent::LoginSucceeded(e) => &e.extra,
            ConnectWebviewEvent::LoginFailed(e) => &e.extra,
        }
    }

    /// The event as a JSON value, equal to the JSON object it was decoded from.
    pub fn to_value(&self) -> Value {
        // Every field is a string, a boolean or an already valid JSON value.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// `connect_webview.login_succeeded`: an end user signed in and a connected
/// account now exists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConnectWebviewLoginSucceededEvent {
    /// ID of the event (a UUID, as sent).
    pub event_id: String,
    /// ID of the workspace (a UUID, as sent).
    pub workspace_id: String,
    /// ID of the Connect Webview (a UUID, as sent).
    pub connect_webview_id: String,
    /// ID of the connected account (a UUID, as sent).
    pub connected_account_id: String,
    /// When the event was created (a date-time, as sent).
    pub created_at: String,
    /// When the event occurred (a date-time, as sent).
    pub occurred_at: String,
    /// Custom metadata of the connected account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connected_account_custom_metadata: Option<CustomMetadata>,
    /// The customer key, if the webview was created with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_key: Option<String>,
    /// Human-readable description of the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_description: Option<String>,
    /// Fields outside the schema, kept in document order.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `connect_webview.login_failed`: the end user's login did not complete.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConnectWebviewLoginFailedEvent {
    /// ID of the event (a UUID, as sent).
    pub event_id: String,
    /// ID of the workspace (a UUID, as sent).
    pub workspace_id: String,
    /// ID of the Connect Webview (a UUID, as sent).
    pub connect_webview_id: String,
    /// When the event was created (a date-time, as sent).
    pub created_at: String,
    /// When the event occurred (a date-time, as sent).
    pub occurred_at: String,
    /// Human-readable description of the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_description: Option<String>,
    /// Fields outside the schema, kept in document order.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A custom metadata value: a string or a boolean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum MetadataValue {
    /// A string value.
    String(String),
    /// A boolean value.
    Bool(bool),
}

/// Custom metadata of a connected account: keys in document order, each value
/// a string or a boolean. Keys are end-user data, whatever they spell.
///
/// # Examples
///
/// ```
/// use connect_webview_events::{decode, ConnectWebviewEvent, MetadataValue};
///
/// let json = include_str!("../tests/fixtures/login_succeeded_with_metadata.json");
/// let ConnectWebviewEvent::LoginSucceeded(event) = decode(json).unwrap() else { panic!() };
/// let metadata = event.connected_account_custom_metadata.unwrap();
/// assert_eq!(metadata.get("vip"), Some(&MetadataValue::Bool(true)));
/// assert_eq!(metadata.keys().collect::<Vec<_>>(), ["tenant", "vip", "__proto__"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomMetadata(pub Vec<(String, MetadataValue)>);

impl CustomMetadata {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&MetadataValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Keys in document order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Entries in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &MetadataValue)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries (`{}`).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for CustomMetadata {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
