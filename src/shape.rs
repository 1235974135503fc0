//! The types of the catalogue's tables ([`catalogue`](crate::catalogue), which
//! is generated) and the lookups over them: an event type by its name, a
//! field of an object by its key.

use std::fmt;

use crate::catalogue::{
    EVENTS, EVENT_TYPES, EVENT_TYPE_MULTIPLIER, EVENT_TYPE_SLOTS, KINDS, NAMES, NAME_MULTIPLIER, NAME_SLOTS,
};

/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    /// The `event_type` discriminator: a string naming the event's own type.
    EventType,
    /// A canonical hyphenated UUID.
    Uuid,
    /// A date-time ending in `Z` (zod's `.datetime()`).
    DateTime,
    /// A URL the WHATWG URL parser accepts.
    Url,
    /// Any string, may be empty.
    Text,
    Boolean,
    /// A number within inclusive bounds (infinite when there are none), and
    /// the bounds in words ("from 0 to 1", or "" when there are none).
    Number {
        minimum: f64,
        maximum: f64,
        range: &'static str,
    },
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// An object with these fields (and any others).
    Object(&'static [Field]),
    /// An array of values of the kind with this index in [`KINDS`].
    Array(u8),
    /// An object of string and boolean values (custom metadata).
    Metadata,
    /// An object of any values.
    AnyRecord,
}

impl Kind {
    /// The kind with this index in [`KINDS`].
    pub(crate) fn at(index: u8) -> &'static Kind {
        &KINDS[usize::from(index)]
    }

    /// The JSON type this kind takes, as [`Node::kind`](crate::tree::Node::kind) names it.
    pub(crate) fn json_type(&self) -> &'static str {
        match self {
            Kind::EventType | Kind::Uuid | Kind::DateTime | Kind::Url | Kind::Text | Kind::Enum(_) => "a string",
            Kind::Boolean => "a boolean",
            Kind::Number { .. } => "a number",
            Kind::Object(_) | Kind::Metadata | Kind::AnyRecord => "an object",
            Kind::Array(_) => "an array",
        }
    }
}

/// What a value must be, in words: "a UUID", "one of \"a\", \"b\"", ...
impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::EventType => f.write_str("a Seam event type"),
            Kind::Uuid => f.write_str("a UUID"),
            Kind::DateTime => f.write_str("a date-time"),
            Kind::Url => f.write_str("a URL"),
            Kind::Text => f.write_str("a string"),
            Kind::Boolean => f.write_str("a boolean"),
            Kind::Number { range: "", .. } => f.write_str("a number"),
            Kind::Number { range, .. } => write!(f, "a number {range}"),
            Kind::Enum(values) => {
                f.write_str("one of ")?;
                for (i, value) in values.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}\"{value}\"")?;
                }
                Ok(())
            }
            Kind::Object(_) | Kind::AnyRecord => f.write_str("an object"),
            Kind::Array(_) => f.write_str("an array"),
            Kind::Metadata => f.write_str("an object of string and boolean values"),
        }
    }
}

/// A field of an object, in three bytes: its name and kind (indices into
/// [`NAMES`] and [`KINDS`], the kind's top bit saying whether the field may
/// be null), and whether it is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Field {
    name: u8,
    kind: u8,
    pub(crate) required: bool,
}

/// The bit of [`Field`]'s kind byte that says it may be null.
pub(crate) const NULLABLE: u8 = 0x80;

/// A required field.
pub(crate) const fn req(name: u8, kind: u8) -> Field {
    Field { name, kind, required: true }
}

/// An optional field.
pub(crate) const fn opt(name: u8, kind: u8) -> Field {
    Field { name, kind, required: false }
}

impl Field {
    /// The same field, which may also be null.
    pub(crate) const fn nullable(self) -> Field {
        Field { kind: self.kind | NULLABLE, ..self }
    }

    /// Whether null is valid here.
    pub(crate) fn is_nullable(&self) -> bool {
        self.kind & NULLABLE != 0
    }

    pub(crate) fn name(&self) -> &'static str {
        NAMES[usize::from(self.name)]
    }

    /// The index of its name in [`NAMES`].
    pub(crate) fn name_index(&self) -> u8 {
        self.name
    }

    /// Its kind's index in [`KINDS`], with the top bit set when it may be null.
    pub(crate) fn kind_byte(&self) -> u8 {
        self.kind
    }

    pub(crate) fn kind(&self) -> &'static Kind {
        Kind::at(self.kind & !NULLABLE)
    }
}

/// The field of `fields` (sorted by name, as the tables are) named `key`.
pub(crate) fn find(fields: &'static [Field], key: &[u8]) -> Option<&'static Field> {
    find_by_name(fields, name_index(key)?).map(|i| &fields[i])
}

/// The index in `fields` of the field whose name has index `name`. A scan:
/// an object has few fields (at most 64, most under 16), and with
/// [`find_from`]'s guess in front, the scan made the .wasm smaller than a
/// binary search did (`scripts/size-budget.mjs`).
pub(crate) fn find_by_name(fields: &[Field], name: u8) -> Option<usize> {
    fields.iter().position(|field| field.name == name)
}

/// [`find_by_name`], trying field `hint` first: a sender that writes keys in
/// the schema's order (sorted by name) names the field after the last one
/// found, and one comparison finds it.
pub(crate) fn find_from(fields: &[Field], name: u8, hint: usize) -> Option<usize> {
    match fields.get(hint) {
        Some(field) if field.name == name => Some(hint),
        _ => find_by_name(fields, name),
    }
}

/// The index in [`NAMES`] of the name `key`, if it is one: found by a hash
/// that the generator made perfect for these names, then compared once.
pub(crate) fn name_index(key: &[u8]) -> Option<u8> {
    lookup(key, &NAMES, NAME_MULTIPLIER, &NAME_SLOTS)
}

/// The index in `names` of `key`, if it is one of them, found through the
/// table of `slots` that the generator made for them with `multiplier`
/// (scripts/catalogue/rust.mjs, `perfectSlots`): by slot, 1 + the index of
/// the name in it, or 0. Then the name is compared once.
fn lookup(key: &[u8], names: &[&str], multiplier: u64, slots: &[u8]) -> Option<u8> {
    let word = |at: usize| u64::from_le_bytes(key[at..at + 8].try_into().unwrap_or_default());
    let (head, middle, tail) = if key.len() >= 8 {
        // The usual name: three loads of eight bytes.
        (word(0), word(key.len() / 2 - 4), word(key.len() - 8))
    } else {
        let w = crate::text::short_word(key);
        (w, w, w)
    };
    let mixed = head.wrapping_mul(31).wrapping_add(middle).wrapping_mul(31).wrapping_add(tail);
    let mixed = mixed.wrapping_add(key.len() as u64);
    let slot = (mixed.wrapping_mul(multiplier) >> (64 - slots.len().trailing_zeros())) as usize;
    let index = slots.get(slot).copied()?.checked_sub(1)?;
    crate::text::same(names.get(usize::from(index))?.as_bytes(), key).then_some(index)
}

/// A Seam event type of the catalogue: one of [`all`](Self::all), the 109
/// of the reference it was made from ([`reference`](Self::reference),
/// `@seamapi/types` 1.977.0).
///
/// # Examples
///
/// ```
/// use connect_webview_events::SeamEventType;
///
/// let locked = SeamEventType::from_name("lock.locked").unwrap();
/// assert_eq!((locked.as_str(), locked.family()), ("lock.locked", "lock"));
/// assert_eq!(SeamEventType::from_name("lock.exploded"), None);
/// assert!(SeamEventType::all().any(|t| t == locked));
/// assert!(SeamEventType::reference().starts_with("@seamapi/types "));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeamEventType(u8);

impl SeamEventType {
    /// The event type with this index in the tables (a constant of
    /// [`event_type`](crate::catalogue::event_type)).
    pub(crate) const fn at(index: u8) -> SeamEventType {
        SeamEventType(index)
    }

    /// The event type named `name`, if the catalogue has it.
    pub fn from_name(name: &str) -> Option<SeamEventType> {
        Self::from_name_bytes(name.as_bytes())
    }

    pub(crate) fn from_name_bytes(name: &[u8]) -> Option<SeamEventType> {
        lookup(name, &EVENT_TYPES, EVENT_TYPE_MULTIPLIER, &EVENT_TYPE_SLOTS).map(SeamEventType)
    }

    /// Its name, as in `event_type`.
    pub fn as_str(self) -> &'static str {
        EVENT_TYPES[usize::from(self.0)]
    }

    /// Its family: the name up to the first dot (`access_code`, `lock`, ...).
    pub fn family(self) -> &'static str {
        let name = self.as_str();
        name.split_once('.').map_or(name, |(family, _)| family)
    }

    /// Every event type of the catalogue, sorted by name.
    pub fn all() -> impl Iterator<Item = SeamEventType> {
        (0..EVENT_TYPES.len()).filter_map(|i| u8::try_from(i).ok()).map(SeamEventType)
    }

    /// Its top-level fields, sorted by name.
    pub(crate) fn fields(self) -> &'static [Field] {
        EVENTS[usize::from(self.0)]
    }

    /// The reference its catalogue was made from, such as `@seamapi/types 1.977.0`.
    pub fn reference() -> &'static str {
        crate::catalogue::REFERENCE
    }
}

impl fmt::Display for SeamEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses an event type's name: an error, [`UnknownEventType`], for a name
/// the catalogue does not have.
///
/// ```
/// use connect_webview_events::SeamEventType;
///
/// let locked: SeamEventType = "lock.locked".parse().unwrap();
/// assert_eq!(locked.as_str(), "lock.locked");
/// let err = "lock.exploded".parse::<SeamEventType>().unwrap_err();
/// assert_eq!(err.name(), "lock.exploded");
/// assert!(err.to_string().ends_with(r#"found "lock.exploded""#));
/// ```
impl std::str::FromStr for SeamEventType {
    type Err = UnknownEventType;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        SeamEventType::from_name(name).ok_or_else(|| UnknownEventType { name: name.to_owned() })
    }
}

/// As its name, the JSON string `"lock.locked"`.
///
/// ```
/// use connect_webview_events::SeamEventType;
///
/// let locked = SeamEventType::from_name("lock.locked").unwrap();
/// assert_eq!(serde_json::to_string(&locked).unwrap(), r#""lock.locked""#);
/// assert_eq!(serde_json::from_str::<SeamEventType>(r#""lock.locked""#).unwrap(), locked);
/// assert!(serde_json::from_str::<SeamEventType>(r#""lock.exploded""#).is_err());
/// ```
impl serde::Serialize for SeamEventType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// From its name; any other string is an error, with [`UnknownEventType`]'s text.
impl<'de> serde::Deserialize<'de> for SeamEventType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

/// A name that is not an event type of the catalogue, from parsing a
/// [`SeamEventType`]. Its text is that of decode's `unknown_event_type`
/// issue: `expected one of the 109 event types of @seamapi/types 1.977.0,
/// found "lock.exploded"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEventType {
    name: String,
}

impl UnknownEventType {
    /// The name that was not found.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The message of an `unknown_event_type` issue for `name`.
    pub(crate) fn message(name: &str) -> String {
        format!(
            "expected one of the {} event types of {}, found {}",
            EVENT_TYPES.len(),
            SeamEventType::reference(),
            crate::error::quote(name)
        )
    }
}

impl fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&UnknownEventType::message(&self.name))
    }
}

impl std::error::Error for UnknownEventType {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_every_field_is_found_by_its_name() {
        assert!(EVENT_TYPES.windows(2).all(|w| w[0] < w[1]));
        assert!(NAMES.windows(2).all(|w| w[0] < w[1]));
        for event_type in SeamEventType::all() {
            assert_eq!(SeamEventType::from_name(event_type.as_str()), Some(event_type));
            let fields = event_type.fields();
            assert!(fields.windows(2).all(|w| w[0].name() < w[1].name()), "{event_type}");
            for field in fields {
                assert_eq!(find(fields, field.name().as_bytes()), Some(field));
            }
            assert_eq!(find(fields, b"zz"), None);
        }
    }

    #[test]
    fn every_name_and_nothing_else_is_found_by_its_hash() {
        for (i, name) in NAMES.iter().enumerate() {
            assert_eq!(name_index(name.as_bytes()), Some(i as u8), "{name}");
            assert_eq!(name_index(format!("{name}x").as_bytes()), None);
            assert_eq!(name_index(&name.as_bytes()[1..]), None);
        }
        for other in ["", "a", "event_typ", "event_type_", "EVENT_TYPE", "zz"] {
            assert_eq!(name_index(other.as_bytes()), None, "{other}");
        }
        assert!(NAME_SLOTS.len().is_power_of_two());
    }

    #[test]
    fn every_event_type_and_nothing_else_is_found_by_its_hash() {
        for event_type in SeamEventType::all() {
            let name = event_type.as_str();
            assert_eq!(SeamEventType::from_name(name), Some(event_type));
            assert_eq!(SeamEventType::from_name(&format!("{name}x")), None);
            assert_eq!(SeamEventType::from_name(&name[1..]), None);
            assert_eq!(SeamEventType::from_name(&name[..name.len() - 1]), None);
        }
        for other in ["", "a", "lock", "lock.", "LOCK.LOCKED", "access_code.code_changes"] {
            assert_eq!(SeamEventType::from_name(other), None, "{other}");
        }
        assert!(EVENT_TYPE_SLOTS.len().is_power_of_two());
    }

    #[test]
    fn kinds_say_what_they_want() {
        let battery = SeamEventType::from_name("device.battery_status_changed").unwrap();
        let level = find(battery.fields(), b"battery_level").unwrap();
        assert_eq!(level.kind().to_string(), "a number from 0 to 1");
        let status = find(battery.fields(), b"battery_status").unwrap();
        assert_eq!(status.kind().to_string(), "one of \"critical\", \"low\", \"good\", \"full\"");
        let space = SeamEventType::from_name("space.created").unwrap();
        assert_eq!(find(space.fields(), b"device_ids").unwrap().kind().to_string(), "an array");
    }
}
