//! The two connect_webview events' fields and rules, for their fast lane
//! ([`fast`](crate::fast)); held to the generated catalogue by a test.

use crate::event::EventType;

/// How a field's value is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// The `event_type` discriminator itself.
    EventType,
    /// A canonical hyphenated UUID.
    Uuid,
    /// A date-time ending in `Z`.
    DateTime,
    /// Any string, may be empty.
    Text,
    /// An object of string and boolean values.
    Metadata,
}

/// A field of the wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    EventId,
    EventType,
    WorkspaceId,
    ConnectWebviewId,
    ConnectedAccountId,
    CreatedAt,
    OccurredAt,
    ConnectedAccountCustomMetadata,
    CustomerKey,
    EventDescription,
}

impl Field {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Field::EventId => "event_id",
            Field::EventType => "event_type",
            Field::WorkspaceId => "workspace_id",
            Field::ConnectWebviewId => "connect_webview_id",
            Field::ConnectedAccountId => "connected_account_id",
            Field::CreatedAt => "created_at",
            Field::OccurredAt => "occurred_at",
            Field::ConnectedAccountCustomMetadata => "connected_account_custom_metadata",
            Field::CustomerKey => "customer_key",
            Field::EventDescription => "event_description",
        }
    }

    pub(crate) fn rule(self) -> Rule {
        match self {
            Field::EventType => Rule::EventType,
            Field::EventId | Field::WorkspaceId | Field::ConnectWebviewId | Field::ConnectedAccountId => Rule::Uuid,
            Field::CreatedAt | Field::OccurredAt => Rule::DateTime,
            Field::CustomerKey | Field::EventDescription => Rule::Text,
            Field::ConnectedAccountCustomMetadata => Rule::Metadata,
        }
    }

    /// A bit for sets of fields.
    pub(crate) const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A field of one event type's schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldSpec {
    pub(crate) field: Field,
    pub(crate) required: bool,
}

const fn required(field: Field) -> FieldSpec {
    FieldSpec { field, required: true }
}

const fn optional(field: Field) -> FieldSpec {
    FieldSpec { field, required: false }
}

/// `connect_webview.login_succeeded`, in the spec's order.
const LOGIN_SUCCEEDED: &[FieldSpec] = &[
    required(Field::EventId),
    required(Field::EventType),
    required(Field::WorkspaceId),
    required(Field::ConnectWebviewId),
    required(Field::ConnectedAccountId),
    required(Field::CreatedAt),
    required(Field::OccurredAt),
    optional(Field::ConnectedAccountCustomMetadata),
    optional(Field::CustomerKey),
    optional(Field::EventDescription),
];

/// `connect_webview.login_failed`, in the spec's order.
const LOGIN_FAILED: &[FieldSpec] = &[
    required(Field::EventId),
    required(Field::EventType),
    required(Field::WorkspaceId),
    required(Field::ConnectWebviewId),
    required(Field::CreatedAt),
    required(Field::OccurredAt),
    optional(Field::EventDescription),
];

/// The fields of both types: what is checked while the type is unknown.
const COMMON: &[FieldSpec] = LOGIN_FAILED;

/// A schema's fields and its required fields, as sets of [`Field::bit`]s.
const fn masks(schema: &[FieldSpec]) -> (u16, u16) {
    let (mut all, mut required, mut i) = (0, 0, 0);
    while i < schema.len() {
        let bit = schema[i].field.bit();
        all |= bit;
        if schema[i].required {
            required |= bit;
        }
        i += 1;
    }
    (all, required)
}

/// [`masks`] of [`fields_of`]`(event_type)`, worked out at compile time.
pub(crate) fn masks_of(event_type: Option<EventType>) -> (u16, u16) {
    const SUCCEEDED: (u16, u16) = masks(LOGIN_SUCCEEDED);
    const FAILED: (u16, u16) = masks(LOGIN_FAILED);
    const COMMON_MASKS: (u16, u16) = masks(COMMON);
    match event_type {
        Some(EventType::LoginSucceeded) => SUCCEEDED,
        Some(EventType::LoginFailed) => FAILED,
        None => COMMON_MASKS,
    }
}

/// The schema of `event_type`, or the common fields when it is not known.
#[cfg(test)]
pub(crate) fn fields_of(event_type: Option<EventType>) -> &'static [FieldSpec] {
    match event_type {
        Some(EventType::LoginSucceeded) => LOGIN_SUCCEEDED,
        Some(EventType::LoginFailed) => LOGIN_FAILED,
        None => COMMON,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind `catalogue/events.json` gives a field of each rule.
    fn catalogue_kind(rule: Rule) -> &'static str {
        match rule {
            Rule::EventType => "enum",
            Rule::Uuid => "uuid",
            Rule::DateTime => "datetime",
            Rule::Text => "string",
            Rule::Metadata => "record",
        }
    }

    /// The hand-written schemas of the two connect_webview events hold the
    /// same fields, required sets and rules as the catalogue generated from
    /// the reference (`make catalogue`), so that they cannot drift from it.
    /// Read at run time: the catalogue is not part of the published crate.
    #[test]
    fn both_schemas_are_the_generated_catalogues() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogue/events.json");
        let catalogue: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for event_type in [EventType::LoginSucceeded, EventType::LoginFailed] {
            let event = catalogue["events"]
                .as_array()
                .unwrap()
                .iter()
                .find(|event| event["event_type"] == event_type.as_str())
                .unwrap_or_else(|| panic!("{event_type} is not in the catalogue"));
            let mut generated: Vec<(&str, bool, &str)> = event["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| (f["name"].as_str().unwrap(), f["required"].as_bool().unwrap(), f["kind"].as_str().unwrap()))
                .collect();
            let mut ours: Vec<(&str, bool, &str)> = fields_of(Some(event_type))
                .iter()
                .map(|spec| (spec.field.name(), spec.required, catalogue_kind(spec.field.rule())))
                .collect();
            generated.sort();
            ours.sort();
            assert_eq!(ours, generated, "{event_type}");
            for field in event["fields"].as_array().unwrap() {
                assert_eq!(field["nullable"], false, "{event_type}: {}", field["name"]);
                if field["kind"] == "record" {
                    assert_eq!(field["record"], "metadata", "{event_type}: {}", field["name"]);
                }
                if field["name"] == "event_type" {
                    assert_eq!(field["values"], serde_json::json!([event_type.as_str()]));
                }
            }
        }
    }
}
