//! The schema pass: a parsed event ([`Node`]) against the catalogue, every
//! issue collected with its code and JSON Pointer, at any depth. The same
//! pass serves the validator and the reference it is tested against; they
//! differ only in how they read the text.

use crate::error::{quote, Issue, IssueCode};
use crate::pointer::{member, Pointer};
use crate::rules::{check_datetime, check_url, check_uuid};
use crate::shape::{find, Field, Kind, SeamEventType, UnknownEventType};
use crate::tree::Node;

/// Checks one parsed event: its type, or `None` when there is none to go by
/// (the issues say why). Issues are appended to `issues`.
pub(crate) fn event(root: &Node<'_>, strict: bool, issues: &mut Vec<Issue>) -> Option<SeamEventType> {
    let Node::Object(members) = root else {
        let message = format!("expected a JSON object, found {}", root.kind());
        issues.push(Issue::new(IssueCode::InvalidType, String::new(), message));
        return None;
    };
    // Without a known type there is no schema for the rest: only this is said.
    let event_type = match members.iter().find(|(key, _)| key == "event_type") {
        None => {
            issues.push(missing(&Pointer::ROOT, "event_type", &Kind::EventType));
            return None;
        }
        Some((_, Node::Str(name))) => match SeamEventType::from_name(name) {
            Some(event_type) => event_type,
            None => {
                issues.push(unknown_event_type(name));
                return None;
            }
        },
        Some((_, other)) => {
            issues.push(wrong_type(&Pointer::ROOT.key("event_type"), &Kind::EventType, false, other));
            return None;
        }
    };
    let mut pass = Pass { event_type, strict, issues };
    pass.object(event_type.fields(), members, &Pointer::ROOT);
    Some(event_type)
}

/// One event's check under way.
struct Pass<'i> {
    event_type: SeamEventType,
    strict: bool,
    issues: &'i mut Vec<Issue>,
}

impl Pass<'_> {
    /// An object's members against its fields, in the members' order, then
    /// the required fields that are missing, in the schema's order.
    fn object(
        &mut self,
        fields: &'static [Field],
        members: &[(std::borrow::Cow<'_, str>, Node<'_>)],
        path: &Pointer<'_>,
    ) {
        for (key, value) in members {
            let at = path.key(key);
            match find(fields, key.as_bytes()) {
                Some(field) => self.field(field, value, &at),
                None if self.strict => self.issues.push(unknown_field(self.event_type, &at, key)),
                None => {}
            }
        }
        for field in fields.iter().filter(|f| f.required) {
            if !members.iter().any(|(key, _)| key == field.name()) {
                self.issues.push(missing(path, field.name(), field.kind()));
            }
        }
    }

    fn field(&mut self, field: &Field, value: &Node<'_>, path: &Pointer<'_>) {
        if !(field.is_nullable() && *value == Node::Null) {
            self.value(field.kind(), field.is_nullable(), value, path);
        }
    }

    /// A value against its kind.
    fn value(&mut self, kind: &Kind, nullable: bool, value: &Node<'_>, path: &Pointer<'_>) {
        match (kind, value) {
            (Kind::EventType | Kind::Text, Node::Str(_))
            | (Kind::Boolean, Node::Bool)
            | (Kind::AnyRecord, Node::Object(_)) => {}
            (Kind::Uuid, Node::Str(text)) => self.rule(IssueCode::InvalidUuid, kind, path, text, check_uuid(text)),
            (Kind::DateTime, Node::Str(text)) => {
                self.rule(IssueCode::InvalidDatetime, kind, path, text, check_datetime(text))
            }
            (Kind::Url, Node::Str(text)) => self.rule(IssueCode::InvalidUrl, kind, path, text, check_url(text)),
            (Kind::Enum(values), Node::Str(text)) => {
                if !values.contains(&text.as_ref()) {
                    let message = format!("expected {kind}, found {}", quote(text));
                    self.report(IssueCode::InvalidEnum, path, message);
                }
            }
            (Kind::Number { minimum, maximum, .. }, Node::Number(n)) => {
                if minimum.is_finite() || maximum.is_finite() {
                    let n = n.value();
                    if n < *minimum || n > *maximum {
                        let side = if n < *minimum { "below the minimum" } else { "above the maximum" };
                        let message = format!("expected {kind}, found a number {side}");
                        self.report(IssueCode::OutOfRange, path, message);
                    }
                }
            }
            (Kind::Object(fields), Node::Object(members)) => self.object(fields, members, path),
            (Kind::Array(items), Node::Array(elements)) => {
                for (i, element) in elements.iter().enumerate() {
                    self.value(Kind::at(*items), false, element, &path.index(i));
                }
            }
            (Kind::Metadata, Node::Object(members)) => {
                for (key, value) in members {
                    if !matches!(value, Node::Str(_) | Node::Bool) {
                        let message = format!("expected a string or a boolean, found {}", value.kind());
                        self.report(IssueCode::InvalidType, &path.key(key), message);
                    }
                }
            }
            (kind, other) => self.issues.push(wrong_type(path, kind, nullable, other)),
        }
    }

    /// Adds an issue at `path`.
    #[cold]
    #[inline(never)]
    fn report(&mut self, code: IssueCode, path: &Pointer<'_>, message: String) {
        self.issues.push(Issue::new(code, path.to_string(), message));
    }

    /// A string's format rule: `verdict` says why it is broken, if it is.
    fn rule(&mut self, code: IssueCode, kind: &Kind, path: &Pointer<'_>, text: &str, verdict: Result<(), String>) {
        if let Err(why) = verdict {
            let example = match kind {
                Kind::Uuid => "a UUID like 00000000-0000-0000-0000-000000000000",
                Kind::DateTime => "a date-time like 2025-01-01T00:00:00.000Z",
                _ => "a URL like https://example.com/",
            };
            let message = format!("expected {example}, found {}: {why}", quote(text));
            self.report(code, path, message);
        }
    }
}

#[cold]
#[inline(never)]
fn wrong_type(path: &Pointer<'_>, kind: &Kind, nullable: bool, found: &Node<'_>) -> Issue {
    let or_null = if nullable { " or null" } else { "" };
    let message = format!("expected {}{or_null}, found {}", kind.json_type(), found.kind());
    Issue::new(IssueCode::InvalidType, path.to_string(), message)
}

#[cold]
#[inline(never)]
fn missing(path: &Pointer<'_>, name: &str, kind: &Kind) -> Issue {
    let message = format!("expected field \"{name}\" ({kind}), found no such key");
    Issue::new(IssueCode::MissingField, path.key(name).to_string(), message)
}

#[cold]
#[inline(never)]
fn unknown_event_type(name: &str) -> Issue {
    Issue::new(IssueCode::UnknownEventType, member("event_type"), UnknownEventType::message(name))
}

#[cold]
#[inline(never)]
fn unknown_field(event_type: SeamEventType, path: &Pointer<'_>, key: &str) -> Issue {
    let message = format!("expected only the fields of {event_type} events, found {}", quote(key));
    Issue::new(IssueCode::UnknownField, path.to_string(), message)
}
