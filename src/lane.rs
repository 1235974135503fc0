//! The fast lane for every event type of the catalogue: "valid, of this
//! type", or "not sure", in one pass over the bytes with nothing built, as
//! [`fast`](crate::fast) does for the two connect_webview events (whose
//! reading primitives it shares). The schema comes from the generated tables.
//!
//! Keys are found by a perfect hash of the catalogue's field names. Members
//! that come before `event_type` are checked against the kind their name has
//! in every event type, where it has one, and otherwise read for their syntax
//! and read again once the type is known. Anything unusual or wrong is "not sure", and the full check
//! ([`check`](crate::check)) says what is wrong and where. `oracle::fast_lane`
//! holds it to the full check in the tests and the `differential` fuzz target.

use crate::catalogue::{EVENT_TYPE_NAME, TOP_LEVEL_KINDS};
use crate::fast::{Keys, Kind as Json, Lane, MAX_DEPTH};
use crate::rules::{is_datetime, is_url, is_uuid, number_value};
use crate::shape::{find_by_name, name_index, opt, Field, Kind, SeamEventType};
use crate::text::string_stop;

/// Members read before `event_type`: past this many, the full check decides.
const MAX_DEFERRED: usize = 32;

/// `Some(event type)` if `bytes` are sure to be a valid event of the
/// catalogue, `None` if not sure.
pub(crate) fn accept(bytes: &[u8], strict: bool) -> Option<SeamEventType> {
    let mut lane = Lane { bytes, at: 0 };
    let event_type = lane.catalogue_event(strict)?;
    lane.skip_whitespace();
    (lane.at == bytes.len()).then_some(event_type)
}

/// One object's members against its fields: which fields were seen, and
/// the unknown keys (to find one that comes twice).
struct Walk<'a> {
    fields: &'static [Field],
    present: u64,
    unknown: Keys<'a>,
    strict: bool,
}

impl<'a> Walk<'a> {
    fn new(fields: &'static [Field], strict: bool) -> Option<Self> {
        (fields.len() <= 64).then(|| Walk { fields, present: 0, unknown: Keys::new(), strict })
    }

    /// The field of this object whose name has index `name`, if any.
    fn find(&self, name: Option<u8>) -> Option<usize> {
        find_by_name(self.fields, name?)
    }

    /// Field `i` is present; `None` if it was already.
    fn mark(&mut self, i: usize) -> Option<()> {
        let bit = 1 << i;
        (self.present & bit == 0).then(|| self.present |= bit)
    }

    /// A key the schema does not have: fine once, unless strict.
    fn unknown(&mut self, key: &'a [u8]) -> Option<()> {
        (!self.strict && self.unknown.insert(key)).then_some(())
    }

    /// The value of member `key` (whose name has index `name`), at `depth`.
    fn member(&mut self, lane: &mut Lane<'a>, key: &'a [u8], name: Option<u8>, depth: u32) -> Option<()> {
        match self.find(name) {
            Some(i) => {
                self.mark(i)?;
                lane.field(&self.fields[i], depth, self.strict)
            }
            None => {
                self.unknown(key)?;
                lane.value(depth).map(drop)
            }
        }
    }

    /// Every required field was there.
    fn complete(&self) -> Option<()> {
        let missing = self.fields.iter().enumerate().any(|(i, f)| f.required && self.present & (1 << i) == 0);
        (!missing).then_some(())
    }
}

/// A member read before `event_type`: its key, its name's index, where its
/// value starts, and the kind it was checked against (see [`TOP_LEVEL_KINDS`]).
#[derive(Clone, Copy)]
struct Deferred<'a> {
    key: &'a [u8],
    name: Option<u8>,
    start: usize,
    checked: Option<u8>,
}

impl<'a> Lane<'a> {
    /// The top-level object, up to its `}`. A member before `event_type`
    /// whose name has one kind in every event type is checked against it
    /// at once; the others are read again once the type is known.
    fn catalogue_event(&mut self, strict: bool) -> Option<SeamEventType> {
        self.eat(b'{')?;
        let none = Deferred { key: &[], name: None, start: 0, checked: None };
        let mut deferred = [none; MAX_DEFERRED];
        let mut count = 0;
        let mut schema: Option<(SeamEventType, Walk<'a>)> = None;
        loop {
            let key = self.key()?;
            let name = name_index(key);
            match &mut schema {
                Some((_, walk)) => walk.member(self, key, name, 1)?,
                None if name == Some(EVENT_TYPE_NAME) => {
                    let event_type = SeamEventType::from_name_bytes(self.plain_string()?)?;
                    let mut walk = Walk::new(event_type.fields(), strict)?;
                    walk.mark(walk.find(name)?)?;
                    let resume = self.at;
                    for member in &deferred[..count] {
                        self.again(&mut walk, member)?;
                    }
                    self.at = resume;
                    schema = Some((event_type, walk));
                }
                None => {
                    let start = self.at;
                    let common = name.map(|n| TOP_LEVEL_KINDS[usize::from(n)]).filter(|&k| k != 0xff);
                    match common {
                        Some(kind) => {
                            self.field(&opt(0, kind), 1, strict)?;
                        }
                        None => {
                            self.value(1)?;
                        }
                    }
                    *deferred.get_mut(count)? = Deferred { key, name, start, checked: common };
                    count += 1;
                }
            }
            if !self.more(b'}')? {
                break;
            }
        }
        let (event_type, walk) = schema?;
        walk.complete()?;
        Some(event_type)
    }

    /// A member read before the type was known, now against its schema:
    /// taken as checked when it was checked against the same kind.
    fn again(&mut self, walk: &mut Walk<'a>, member: &Deferred<'a>) -> Option<()> {
        let Some(i) = walk.find(member.name) else { return walk.unknown(member.key) };
        let field = &walk.fields[i];
        if member.checked == Some(field.kind_byte()) {
            return walk.mark(i);
        }
        self.at = member.start;
        walk.member(self, member.key, member.name, 1)
    }

    /// A field's value.
    fn field(&mut self, field: &Field, depth: u32, strict: bool) -> Option<()> {
        if field.is_nullable() && self.skip_whitespace() == b'n' {
            return self.word(b"null", Json::Other).map(drop);
        }
        self.kind(field.kind(), depth, strict)
    }

    /// A value of `kind`, at `depth`.
    fn kind(&mut self, kind: &Kind, depth: u32, strict: bool) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match kind {
            Kind::Uuid => {
                self.eat(b'"')?;
                let b = self.bytes.get(self.at..self.at + 37)?;
                (b[36] == b'"' && is_uuid(&b[..36])).then(|| self.at += 37)
            }
            Kind::DateTime => {
                self.eat(b'"')?;
                let end = string_stop(self.bytes, self.at, true);
                let valid = self.peek_at(end) == b'"' && is_datetime(&self.bytes[self.at..end]);
                valid.then(|| self.at = end + 1)
            }
            Kind::Text => {
                self.eat(b'"')?;
                self.string(true).map(drop)
            }
            Kind::Url => is_url(std::str::from_utf8(self.plain_string()?).ok()?).then_some(()),
            Kind::Enum(values) => {
                let found = self.plain_string()?;
                values.iter().any(|v| v.as_bytes() == found).then_some(())
            }
            Kind::Boolean => match self.skip_whitespace() {
                b't' => self.word(b"true", Json::Bool).map(drop),
                b'f' => self.word(b"false", Json::Bool).map(drop),
                _ => None,
            },
            Kind::Number { minimum, maximum, .. } => {
                if !matches!(self.skip_whitespace(), b'-' | b'0'..=b'9') {
                    return None;
                }
                let start = self.at;
                self.number()?;
                if minimum.is_finite() || maximum.is_finite() {
                    let n = number_value(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
                    return (n >= *minimum && n <= *maximum).then_some(());
                }
                Some(())
            }
            Kind::Object(fields) => {
                self.eat(b'{')?;
                let mut walk = Walk::new(fields, strict)?;
                if self.skip_whitespace() == b'}' {
                    self.at += 1;
                } else {
                    loop {
                        let key = self.key()?;
                        walk.member(self, key, name_index(key), depth + 1)?;
                        if !self.more(b'}')? {
                            break;
                        }
                    }
                }
                walk.complete()
            }
            Kind::Array(items) => {
                self.eat(b'[')?;
                if self.skip_whitespace() == b']' {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.kind(Kind::at(*items), depth + 1, strict)?;
                    if !self.more(b']')? {
                        return Some(());
                    }
                }
            }
            Kind::Metadata => (self.value(depth)? == Json::Object { plain: true }).then_some(()),
            Kind::AnyRecord => matches!(self.value(depth)?, Json::Object { .. }).then_some(()),
            // The discriminator is read where the type is found; again, it is a duplicate.
            Kind::EventType => None,
        }
    }
}
