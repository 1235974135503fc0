//! Custom metadata, as typed Rust values, and the two `connect_webview`
//! event types of the fast lane. The typed events of the whole catalogue are
//! generated: [`seam_event`](crate::seam_event).
//!
//! In the typed events, timestamps keep the exact text that was sent; UUIDs
//! are [`uuid::Uuid`], which serialise in lower case (the JavaScript package,
//! whose result is `JSON.parse` of the payload, keeps them as sent). Fields
//! that the schema does not know are kept, in order, in `extra`, so that
//! serialising an event gives back the JSON object it was decoded from, but
//! for the case of UUIDs.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

/// The two `connect_webview` event types, which have a fast lane of their
/// own ([`fast`](crate::fast)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum EventType {
    /// `connect_webview.login_succeeded`
    LoginSucceeded,
    /// `connect_webview.login_failed`
    LoginFailed,
}

impl EventType {
    /// Every event type, in the order of the spec.
    pub const ALL: [EventType; 2] = [EventType::LoginSucceeded, EventType::LoginFailed];

    /// The `event_type` string on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::LoginSucceeded => "connect_webview.login_succeeded",
            EventType::LoginFailed => "connect_webview.login_failed",
        }
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
/// use connect_webview_events::{decode, MetadataValue, SeamEvent};
///
/// let json = include_str!("../tests/fixtures/login_succeeded_with_metadata.json");
/// let SeamEvent::ConnectWebviewLoginSucceeded(event) = decode(json).unwrap() else { panic!() };
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

/// Reads a string or a boolean, nothing else.
impl<'de> Deserialize<'de> for MetadataValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl Visitor<'_> for ValueVisitor {
            type Value = MetadataValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a boolean")
            }
            fn visit_bool<E>(self, v: bool) -> Result<MetadataValue, E> {
                Ok(MetadataValue::Bool(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<MetadataValue, E> {
                Ok(MetadataValue::String(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<MetadataValue, E> {
                Ok(MetadataValue::String(v))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// Reads a JSON object, keeping its entries in document order; every key is
/// data (`__proto__` included).
impl<'de> Deserialize<'de> for CustomMetadata {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MetadataVisitor;
        impl<'de> Visitor<'de> for MetadataVisitor {
            type Value = CustomMetadata;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of strings and booleans")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CustomMetadata, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(CustomMetadata(entries))
            }
        }
        deserializer.deserialize_map(MetadataVisitor)
    }
}
