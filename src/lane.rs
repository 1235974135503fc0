//! The fast lane for every event type of the catalogue: "valid, of this
//! type", or "not sure", in one pass over the bytes with nothing built, as
//! [`fast`](crate::fast) does for the two connect_webview events (whose
//! reading primitives it shares). The schema comes from the generated tables.
//!
//! Members that come before `event_type` are read for their syntax and their
//! place remembered; once the type is known they are read again against its
//! schema. Anything unusual or wrong is "not sure", and the full check
//! ([`check`](crate::check)) says what is wrong and where. `oracle::fast_lane`
//! holds it to the full check in the tests and the `differential` fuzz target.

use crate::fast::{Keys, Kind as Json, Lane, MAX_DEPTH};
use crate::rules::{is_datetime, is_url, is_uuid, number_value};
use crate::shape::{find_index, Field, Kind, SeamEventType};
use crate::text::string_stop;

/// Members read before `event_type`: past this many, the full check decides.
const MAX_DEFERRED: usize = 32;

/// `Some(event type)` if `bytes` are sure to be a valid event of the
/// catalogue, `None` if not sure.
///
/// Not in the WebAssembly build for now: it would take the `.wasm` some
/// 2.9 KB gzipped past its 45,000-byte budget (`scripts/size-budget.mjs`);
/// there every event other than the two connect_webview ones goes to the
/// full check, with the same verdicts.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn accept(bytes: &[u8], strict: bool) -> Option<SeamEventType> {
    accept_here(bytes, strict)
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn accept(_: &[u8], _: bool) -> Option<SeamEventType> {
    None
}

/// The lane itself, on every target (the tests hold it to the full check).
pub(crate) fn accept_here(bytes: &[u8], strict: bool) -> Option<SeamEventType> {
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

    /// The value of member `key`, at `depth`.
    fn member(&mut self, lane: &mut Lane<'a>, key: &'a [u8], depth: u32) -> Option<()> {
        match find_index(self.fields, key) {
            Some(i) => {
                let bit = 1 << i;
                if self.present & bit != 0 {
                    return None;
                }
                self.present |= bit;
                lane.field(&self.fields[i], depth, self.strict)
            }
            None if self.strict || !self.unknown.insert(key) => None,
            None => lane.value(depth).map(drop),
        }
    }

    /// Every required field was there.
    fn complete(&self) -> Option<()> {
        let missing = self.fields.iter().enumerate().any(|(i, f)| f.required && self.present & (1 << i) == 0);
        (!missing).then_some(())
    }
}

impl<'a> Lane<'a> {
    /// A string after its `"` (see [`Lane::string`]), in one copy for this
    /// lane's many uses: inlined, each would add its scanning code to the wasm.
    #[inline(never)]
    fn text(&mut self, escapes: bool) -> Option<&'a [u8]> {
        self.string(escapes)
    }

    /// A key with no escapes, and its colon.
    fn lane_key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let key = self.text(false)?;
        self.eat(b':')?;
        Some(key)
    }

    /// A string with no escapes, with its quotes.
    fn plain(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        self.text(false)
    }

    /// The top-level object, up to its `}`.
    fn catalogue_event(&mut self, strict: bool) -> Option<SeamEventType> {
        self.eat(b'{')?;
        let mut deferred: [(&[u8], usize); MAX_DEFERRED] = [(&[], 0); MAX_DEFERRED];
        let mut count = 0;
        let mut schema: Option<(SeamEventType, Walk<'a>)> = None;
        loop {
            let key = self.lane_key()?;
            match &mut schema {
                Some((_, walk)) => walk.member(self, key, 1)?,
                None if key == b"event_type" => {
                    let event_type = SeamEventType::from_name_bytes(self.plain()?)?;
                    let mut walk = Walk::new(event_type.fields(), strict)?;
                    walk.present |= 1 << find_index(walk.fields, key)?;
                    let resume = self.at;
                    for &(key, start) in &deferred[..count] {
                        self.at = start;
                        walk.member(self, key, 1)?;
                    }
                    self.at = resume;
                    schema = Some((event_type, walk));
                }
                None => {
                    *deferred.get_mut(count)? = (key, self.at);
                    count += 1;
                    self.value(1)?;
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

    /// A field's value.
    fn field(&mut self, field: &Field, depth: u32, strict: bool) -> Option<()> {
        if field.nullable && self.skip_whitespace() == b'n' {
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
                self.text(true).map(drop)
            }
            Kind::Url => is_url(std::str::from_utf8(self.plain()?).ok()?).then_some(()),
            Kind::Enum(values) => {
                let found = self.plain()?;
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
                        let key = self.lane_key()?;
                        walk.member(self, key, depth + 1)?;
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
