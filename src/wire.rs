//! The JSON forms of the generated event types (`src/seam_event.rs`) that
//! serde's defaults do not give, or give at a cost in compile time: numbers
//! written as JavaScript writes them, the readers of members (absent, `null`
//! and present told apart), and the split of an event's `event_type`.

use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::{Error, Map, Value};

/// The largest integer up to which every integer is exactly a double, 2^53.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// Writes a number as JavaScript's `JSON.stringify` does for the numbers it
/// sends: an integral value as an integer (`70`, not `70.0`), so that an
/// event decoded from Seam's JSON serialises back to an equal
/// `serde_json::Value`. `-0` and values past 2^53 stay floats.
pub(crate) fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    let integral = value.fract() == 0.0 && value.abs() < EXACT_INTEGERS;
    if integral && !(*value == 0.0 && value.is_sign_negative()) {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// [`number`] of an optional or nullable number; `None` is written as `null`
/// (an optional field's `None` is left out before this is called).
pub(crate) fn optional_number<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => number(value, serializer),
        None => serializer.serialize_none(),
    }
}

// The readers of the generated `from_map`s: each takes one member out of the
// object (keeping the order of the rest) and reads it; an error names the member.

/// Reads member `key`, present.
pub(crate) fn required<T: DeserializeOwned>(map: &mut Map<String, Value>, key: &'static str) -> Result<T, Error> {
    match map.shift_remove(key) {
        Some(value) => member(key, value),
        None => Err(de::Error::missing_field(key)),
    }
}

/// Reads member `key`, if present (`null` is not absent: it is read as a `T`).
pub(crate) fn optional<T: DeserializeOwned>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<Option<T>, Error> {
    map.shift_remove(key).map(|value| member(key, value)).transpose()
}

/// Reads member `key`, present, maybe `null` (`None`).
pub(crate) fn nullable<T: DeserializeOwned>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<Option<T>, Error> {
    required(map, key)
}

/// Reads member `key`, if present (`Some`), maybe `null` (`Some(None)`).
pub(crate) fn optional_nullable<T: DeserializeOwned>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<Option<Option<T>>, Error> {
    optional(map, key)
}

fn member<T: DeserializeOwned>(key: &str, value: Value) -> Result<T, Error> {
    serde_json::from_value(value).map_err(|e| de::Error::custom(format_args!("{key}: {e}")))
}

/// Deserialises a JSON object and reads it with a generated `from_map`.
pub(crate) fn object<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    from_map: fn(Map<String, Value>) -> Result<T, Error>,
) -> Result<T, D::Error> {
    from_map(Map::deserialize(deserializer)?).map_err(de::Error::custom)
}

/// Splits an event's JSON value into its `event_type` and the object of its
/// other members, with serde's messages for what is not an event.
pub(crate) fn split_event_type(value: Value) -> Result<(String, Map<String, Value>), Error> {
    let mut object = match value {
        Value::Object(object) => object,
        other => return Err(de::Error::invalid_type(unexpected(&other), &"an event object")),
    };
    match object.shift_remove("event_type") {
        Some(Value::String(event_type)) => Ok((event_type, object)),
        Some(other) => Err(de::Error::invalid_type(unexpected(&other), &"an event_type string")),
        None => Err(de::Error::missing_field("event_type")),
    }
}

/// What serde calls a JSON value in its messages.
fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => de::Unexpected::Unsigned(u),
            (_, Some(i), _) => de::Unexpected::Signed(i),
            (_, _, Some(f)) => de::Unexpected::Float(f),
            _ => de::Unexpected::Other("number"),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}
