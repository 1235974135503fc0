//! A parsed JSON value that keeps what a schema check needs: object members
//! in the order they first appeared, each key once with its last value (as
//! `JSON.parse` keeps it), strings borrowed from the text where they have no
//! escapes. Both readers build it, the validator's own
//! ([`check`](crate::check)) and the reference's over `serde_json`
//! ([`oracle`](crate::oracle)); [`validate`](crate::validate) then checks it
//! against the catalogue, the same pass for both.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::error::{quote, Issue, IssueCode};
use crate::hashing::KeyHashing;
use crate::pointer::Pointer;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool,
    Number(Num<'a>),
    Str(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// A number: its text as read, or its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Num<'a> {
    Text(&'a str),
    /// Read by `serde_json`, in the reference.
    #[cfg_attr(not(any(test, fuzzing)), allow(dead_code))]
    Value(f64),
}

impl Num<'_> {
    /// Its value, as `JSON.parse` reads it. Only bounded numbers ask
    /// ([`number_value`](crate::rules::number_value)).
    pub(crate) fn value(self) -> f64 {
        match self {
            Num::Text(text) => crate::rules::number_value(text),
            Num::Value(value) => value,
        }
    }
}

impl Node<'_> {
    /// "a string", "an object", ...: what the value is, for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool => "a boolean",
            Node::Number(_) => "a number",
            Node::Str(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }
}

/// The members of an object while it is read: a key that comes again is
/// reported as `duplicate_field` and its value replaces the earlier one, in
/// the earlier one's place.
#[derive(Default)]
pub(crate) struct Members<'a> {
    entries: Vec<(Cow<'a, str>, Node<'a>)>,
    keys: KeySet<'a>,
}

impl<'a> Members<'a> {
    /// Adds a member read at `path` (the member's own path).
    pub(crate) fn push(&mut self, key: Cow<'a, str>, value: Node<'a>, path: &Pointer<'_>, issues: &mut Vec<Issue>) {
        if self.keys.insert(&key) {
            self.entries.push((key, value));
        } else {
            issues.push(duplicate(path, &key));
            if let Some(entry) = self.entries.iter_mut().find(|(k, _)| *k == key) {
                entry.1 = value;
            }
        }
    }

    pub(crate) fn into_node(self) -> Node<'a> {
        Node::Object(self.entries)
    }
}

/// Keys seen in one object: a linear scan for the usual few, a hash set past
/// 16, so that time stays linear in the number of keys (with keys no one can
/// predict: see [`hashing`](crate::hashing)).
#[derive(Default)]
pub(crate) struct KeySet<'a> {
    keys: Vec<Cow<'a, str>>,
    index: Option<HashSet<Cow<'a, str>, KeyHashing>>,
}

impl<'a> KeySet<'a> {
    /// Adds `key`; false when it was already there.
    #[allow(clippy::ptr_arg)]
    pub(crate) fn insert(&mut self, key: &Cow<'a, str>) -> bool {
        const LINEAR_SCAN_LIMIT: usize = 16;
        if let Some(index) = &mut self.index {
            return index.insert(key.clone());
        }
        if self.keys.contains(key) {
            return false;
        }
        self.keys.push(key.clone());
        if self.keys.len() > LINEAR_SCAN_LIMIT {
            self.index = Some(self.keys.drain(..).collect());
        }
        true
    }
}

#[cold]
#[inline(never)]
fn duplicate(path: &Pointer<'_>, key: &str) -> Issue {
    let message = format!(
        "expected each key once in an object, found {} again (JSON.parse would keep only this last value)",
        quote(key)
    );
    Issue::new(IssueCode::DuplicateField, path.to_string(), message)
}
