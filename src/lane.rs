//! The fast lane for every event type of the catalogue: "valid, of this
//! type", or "not sure", in one pass over the bytes with nothing built, as
//! [`fast`](crate::fast) does for the two connect_webview events (whose
//! reading primitives it shares). The schema comes from the generated tables.
//!
//! Keys are found by a perfect hash of the catalogue's field names; a
//! top-level key is first compared with a guess from the last event's key
//! order ([`NEXT_KEY`]), and a nested one with the name of the field after
//! the last one found ([`Lane::nested_key`]). Members that come before
//! `event_type` are checked against the kind their name has in every event
//! type, where it has one, and otherwise read for their syntax and read
//! again once the type is known. Anything unusual or wrong is "not sure", and the full check
//! ([`check`](crate::check)) says what is wrong and where. `oracle::fast_lane`
//! holds it to the full check in the tests and the `differential` fuzz target.

use core::sync::atomic::{AtomicU8, Ordering::Relaxed};

use crate::catalogue::{EVENT_TYPE_NAME, NAMES, TOP_LEVEL_KINDS};
use crate::fast::{Keys, Kind as Json, Lane, MAX_DEPTH};
use crate::rules::{is_url, is_uuid, number_value};
use crate::shape::{find_from, name_index, opt, Field, Kind, SeamEventType};

/// Members read before `event_type`: past this many, the full check decides.
const MAX_DEFERRED: usize = 32;

/// The top-level keys of the last event read, as a guess at the next one's:
/// for each name (by its index in [`NAMES`]), and for [`FIRST`] and
/// [`UNKNOWN`], the index of the name of the key that came after it, or
/// [`NO_GUESS`]. A sender writes its events' keys in the same order, so
/// that a key is usually found by one comparison with the guess, in place,
/// instead of a scan for its closing quote and a hash. A guess is only ever
/// checked, never trusted: a wrong one costs that comparison, and the key
/// is then read as it would be without it. Shared by every call (a hint,
/// so any order of loads and stores between threads is fine).
static NEXT_KEY: [AtomicU8; NAMES.len() + 2] = [const { AtomicU8::new(NO_GUESS) }; NAMES.len() + 2];
/// Where in [`NEXT_KEY`] the guess for an object's first key is.
const FIRST: usize = NAMES.len();
/// Where in [`NEXT_KEY`] the guess for the key after an unknown one is.
const UNKNOWN: usize = NAMES.len() + 1;
/// No name follows; [`NAMES`] has fewer, so no index is this.
const NO_GUESS: u8 = u8::MAX;
const _: () = assert!(NAMES.len() < NO_GUESS as usize);

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
    /// The field after the last one found, tried first ([`find_from`]).
    /// With it, the lane validates the catalogue's `full` examples in about
    /// 8 % less time (`cargo run --release --example profile_validate --
    /// --catalogue`: 1.30 to 1.19 x serde_json's syntax-only pass).
    next: usize,
    unknown: Keys<'a>,
    strict: bool,
}

impl<'a> Walk<'a> {
    fn new(fields: &'static [Field], strict: bool) -> Option<Self> {
        let mut walk = Walk { fields: &[], present: 0, next: 0, unknown: Keys::new(), strict };
        walk.begin(fields)?;
        Some(walk)
    }

    /// Walks `fields`, for a walk that has found none yet: where the top
    /// level learns its event type. (Built in place: a walk is about 300
    /// bytes, and moving one into place cost a `memcpy` per event.)
    fn begin(&mut self, fields: &'static [Field]) -> Option<()> {
        (fields.len() <= 64).then(|| self.fields = fields)
    }

    /// The field of this object whose name has index `name`, if any.
    fn find(&mut self, name: Option<u8>) -> Option<usize> {
        let i = find_from(self.fields, name?, self.next)?;
        self.next = i + 1;
        Some(i)
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
        // `None` for the empty places, so that the array starts as zeros.
        let mut deferred: [Option<Deferred<'a>>; MAX_DEFERRED] = [None; MAX_DEFERRED];
        let mut count = 0;
        let mut found: Option<SeamEventType> = None;
        // Its fields are the event type's once that is known.
        let mut walk = Walk::new(&[], strict)?;
        let mut after = FIRST;
        loop {
            let (key, name) = self.named_key(&mut after)?;
            match found {
                Some(_) => walk.member(self, key, name, 1)?,
                None if name == Some(EVENT_TYPE_NAME) => {
                    let event_type = SeamEventType::from_name_bytes(self.plain_string()?)?;
                    walk.begin(event_type.fields())?;
                    let resume = self.at;
                    for member in deferred[..count].iter().flatten() {
                        self.again(&mut walk, member)?;
                    }
                    self.at = resume;
                    // After the members before it, so that the field after
                    // it is the one tried first for the next key.
                    let at = walk.find(name)?;
                    walk.mark(at)?;
                    found = Some(event_type);
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
                    *deferred.get_mut(count)? = Some(Deferred { key, name, start, checked: common });
                    count += 1;
                }
            }
            if !self.more(b'}')? {
                break;
            }
        }
        let event_type = found?;
        walk.complete()?;
        Some(event_type)
    }

    /// A top-level key and the index of its name, if it is one of
    /// [`NAMES`]: the guess of [`NEXT_KEY`] for the key after `after` tried
    /// first ([`guessed_key`](Lane::guessed_key)), and the name read left as
    /// the guess for next time. `after` becomes where the guess for the next
    /// key is.
    fn named_key(&mut self, after: &mut usize) -> Option<(&'a [u8], Option<u8>)> {
        let guess = NEXT_KEY.get(*after)?;
        let guessed = guess.load(Relaxed);
        let (key, name) = self.guessed_key(guessed)?;
        if name != Some(guessed) {
            guess.store(name.unwrap_or(NO_GUESS), Relaxed);
        }
        *after = name.map_or(UNKNOWN, usize::from);
        Some((key, name))
    }

    /// A key of a nested object and the index of its name, if it is one of
    /// [`NAMES`]: the name of the field after the last one found (see
    /// [`Walk::next`]) tried first, as a sender that writes the fields in
    /// the schema's order has it.
    fn nested_key(&mut self, walk: &Walk<'a>) -> Option<(&'a [u8], Option<u8>)> {
        self.guessed_key(walk.fields.get(walk.next).map_or(NO_GUESS, Field::name_index))
    }

    /// A key and the index of its name, if it is one of [`NAMES`]: the name
    /// with index `guess` if the bytes are that name in quotes (compared in
    /// place, with no scan for the closing quote and no hash), else read as
    /// [`key`](Lane::key) reads it and hashed. A wrong guess, or
    /// [`NO_GUESS`], costs one comparison at most. In line in both callers:
    /// a call of its own costs about 1.5 % of a catalogue decode.
    #[inline(always)]
    fn guessed_key(&mut self, guess: u8) -> Option<(&'a [u8], Option<u8>)> {
        if let Some(name) = NAMES.get(usize::from(guess)).filter(|_| self.skip_whitespace() == b'"') {
            if let Some(key) = self.quoted_name(name.as_bytes()) {
                self.eat(b':')?;
                return Some((key, Some(guess)));
            }
        }
        let key = self.key()?;
        Some((key, name_index(key)))
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
                self.at = self.datetime_end(self.at)? + 1;
                Some(())
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
                        let (key, name) = self.nested_key(&walk)?;
                        walk.member(self, key, name, depth + 1)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::event_type;

    const LOCKED: &str = r#"{"connected_account_id":"00000000-0000-4000-8000-000000000001","created_at":"2025-01-01T00:00:00.000Z","device_id":"00000000-0000-4000-8000-000000000002","event_id":"00000000-0000-4000-8000-000000000003","event_type":"lock.locked","method":"manual","occurred_at":"2025-01-01T00:00:00.000Z","workspace_id":"00000000-0000-4000-8000-000000000004"}"#;

    fn forget_guesses() {
        for guess in &NEXT_KEY {
            guess.store(NO_GUESS, Relaxed);
        }
    }

    /// The verdicts on `text`, strict and not, with no guesses, then with
    /// the guesses `teacher` leaves, then with those `text` leaves; they
    /// must be the same. (Tests on other threads may change the guesses in
    /// between, which the verdicts must not depend on either.)
    fn verdict(text: &str, teacher: &str) -> [Option<SeamEventType>; 2] {
        let read = |text: &str| [false, true].map(|strict| accept(text.as_bytes(), strict));
        forget_guesses();
        let cold = read(text);
        read(teacher);
        assert_eq!(read(text), cold, "after {teacher}: {text}");
        read(text);
        assert_eq!(read(text), cold, "after itself: {text}");
        cold
    }

    /// `value` with the keys of every object in reverse order.
    fn reversed(value: &serde_json::Value) -> serde_json::Value {
        match value {
            serde_json::Value::Object(map) => map.iter().rev().map(|(k, v)| (k.clone(), reversed(v))).collect(),
            serde_json::Value::Array(items) => items.iter().map(reversed).collect(),
            other => other.clone(),
        }
    }

    /// The compact text of `object` with its first member written twice in
    /// a row: where [`Walk`]'s guess of the next field points after the first.
    fn first_member_twice(object: &serde_json::Value) -> Option<String> {
        let (key, value) = object.as_object()?.iter().next()?;
        let member = format!("\"{key}\":{value}");
        Some(object.to_string().replacen(&member, &format!("{member},{member}"), 1))
    }

    /// The compact text of `event` with [`first_member_twice`] done to the
    /// first object it holds (as a member's value or an array's first item).
    fn nested_member_twice(event: &serde_json::Value) -> Option<String> {
        for (key, value) in event.as_object()? {
            let inner = value.as_array().map_or(Some(value), |items| items.first());
            let Some((inner, twice)) = inner.and_then(|inner| Some((inner, first_member_twice(inner)?))) else {
                continue;
            };
            let whole = event.to_string();
            // From the member's own key on, so that an equal object before it is left as it is.
            let at = whole.find(&format!("\"{key}\":"))?;
            return Some(format!("{}{}", &whole[..at], whole[at..].replacen(&inner.to_string(), &twice, 1)));
        }
        None
    }

    #[test]
    fn keys_in_any_order_are_taken_and_a_key_repeated_where_the_next_field_is_guessed_is_not() {
        let doc: serde_json::Value = serde_json::from_str(include_str!("../catalogue/examples.json")).unwrap();
        let mut nested = 0;
        for (name, by_mode) in doc["examples"].as_object().unwrap() {
            let event_type = SeamEventType::from_name(name);
            for example in by_mode.as_object().unwrap().values() {
                for text in [example.to_string(), reversed(example).to_string()] {
                    assert_eq!(verdict(&text, &text), [event_type; 2], "{text}");
                }
                let top = first_member_twice(example).unwrap();
                assert_eq!(verdict(&top, &example.to_string()), [None; 2], "{top}");
                if let Some(text) = nested_member_twice(example) {
                    nested += 1;
                    assert_eq!(verdict(&text, &example.to_string()), [None; 2], "{text}");
                    assert!(crate::check::check_event(&text, false).is_err(), "{text}");
                }
            }
        }
        assert!(nested > 20, "{nested} examples with a nested object");
    }

    #[test]
    fn a_nested_key_the_schema_order_almost_names_is_read_as_it_is() {
        // `from` and `to` have the fields `ends_at` and `starts_at`, in that
        // order: after `ends_at`, `starts_at` is the name guessed.
        const CHANGED: &str = r#"{"access_code_id":"00000000-0000-4000-8000-000000000001","connected_account_id":"00000000-0000-4000-8000-000000000002","created_at":"2025-01-01T00:00:00.000Z","description":"d","device_id":"00000000-0000-4000-8000-000000000003","event_id":"00000000-0000-4000-8000-000000000004","event_type":"access_code.time_frame_changed","from":{"ends_at":"e","starts_at":"s"},"occurred_at":"2025-01-01T00:00:00.000Z","to":{"ends_at":"e","starts_at":"s"},"workspace_id":"00000000-0000-4000-8000-000000000005"}"#;
        let changed = Some(SeamEventType::at(event_type::ACCESS_CODE_TIME_FRAME_CHANGED));
        assert_eq!(verdict(CHANGED, CHANGED), [changed, changed]);
        let cases: &[(&str, &str, [Option<SeamEventType>; 2])] = &[
            // In another order than the schema's: read, not guessed.
            (r#"{"ends_at":"e","starts_at":"s"}"#, r#"{"starts_at":"s","ends_at":"e"}"#, [changed, changed]),
            // Longer or shorter than the name guessed: unknown, and then
            // `starts_at` is missing, or comes after it.
            (r#""starts_at""#, r#""starts_atx""#, [None, None]),
            (r#""starts_at""#, r#""starts_a""#, [None, None]),
            (r#""starts_at""#, r#""starts_atx":1,"starts_at""#, [changed, None]),
            (r#""starts_at""#, r#""starts_a":1,"starts_at""#, [changed, None]),
            // The name, but escaped: the full check decides.
            (r#""starts_at""#, r#""starts_\u0061t""#, [None, None]),
            // The name with no closing quote, or whitespace around it.
            (r#""starts_at":"s"}"#, r#""starts_at "s"}"#, [None, None]),
            (r#","starts_at":"#, " ,\n \"starts_at\"\t:  ", [changed, changed]),
            // The name guessed twice, and a name that is not this object's.
            (r#""starts_at":"s""#, r#""starts_at":"s","starts_at":"s""#, [None, None]),
            (r#""starts_at":"s""#, r#""starts_at":"s","event_id":"x""#, [changed, None]),
        ];
        for (from, to, expected) in cases {
            assert!(CHANGED.contains(from), "{from}");
            let text = CHANGED.replacen(from, to, 1);
            assert_eq!(verdict(&text, CHANGED), *expected, "{text}");
            let full = crate::check::check_event(&text, false);
            assert_eq!(full.is_ok(), expected[0].is_some() || to.contains('\\'), "{text}");
        }
    }

    #[test]
    fn a_date_time_of_any_length_is_read_to_its_quote() {
        // `datetime_end` tries the usual 24 bytes first: a quote there is not
        // enough, and a date-time of another length is still read in full.
        const USUAL: &str = "2025-01-01T00:00:00.000Z";
        let locked = Some(SeamEventType::at(event_type::LOCK_LOCKED));
        let cases: &[(&str, Option<SeamEventType>)] = &[
            (USUAL, locked),
            ("2025-01-01T00:00:00Z", locked),
            ("2025-01-01T00:00Z", locked),
            ("2025-01-01T00:00:00.0Z", locked),
            ("2025-01-01T00:00:00.00Z", locked),
            ("2025-01-01T00:00:00.0000Z", locked),
            ("2025-01-01T00:00:00.000000000Z", locked),
            // 24 bytes, but not a date-time.
            ("2025-13-01T00:00:00.000Z", None),
            ("2025-02-30T00:00:00.000Z", None),
            ("2025-01-01T00:00:00.000z", None),
            ("2025-01-01 00:00:00.000Z", None),
            ("2025-01-01T00:00:00.00ZZ", None),
            // The usual date-time, then more before the quote.
            ("2025-01-01T00:00:00.000Zx", None),
            ("2025-01-01T00:00:00.000Z ", None),
            (r"2025-01-01T00:00:00.000Z\n", None),
            ("2025-01-01T00:00:00.000Zé", None),
            // An escape or a character beyond ASCII inside: the full check decides.
            (r"2025-01-01T00:00:00.000\u005a", None),
            ("2025-01-01T00:00:00.000Ｚ", None),
            ("", None),
        ];
        let member = format!(r#""created_at":"{USUAL}""#);
        assert!(LOCKED.contains(&member));
        for (value, expected) in cases {
            let text = LOCKED.replacen(&member, &format!(r#""created_at":"{value}""#), 1);
            assert_eq!(verdict(&text, LOCKED), [*expected; 2], "{text}");
            let full = crate::check::check_event(&text, false).is_ok();
            assert_eq!(full, expected.is_some() || value.contains("u005a"), "{text}");
        }
    }

    #[test]
    fn a_key_the_guess_almost_names_is_read_as_it_is() {
        let locked = Some(SeamEventType::at(event_type::LOCK_LOCKED));
        assert_eq!(verdict(LOCKED, LOCKED), [locked, locked]);
        let cases: &[(&str, &str, [Option<SeamEventType>; 2])] = &[
            // Longer or shorter than the name guessed: unknown, and `event_id` is missing.
            (r#""event_id""#, r#""event_idx""#, [None, None]),
            (r#""event_id""#, r#""event_i""#, [None, None]),
            (r#""event_id""#, r#""event_ie""#, [None, None]),
            (r#""event_id""#, r#""event_idé""#, [None, None]),
            // The name, but escaped: the full check decides.
            (r#""event_id""#, r#""event_\u0069d""#, [None, None]),
            (r#""event_id""#, r#""event_id\"""#, [None, None]),
            // The name with no closing quote.
            (r#""event_id""#, r#""event_id "#, [None, None]),
            // The name, with whitespace around it.
            (r#","event_id":"#, " ,\n \"event_id\"\t:  ", [locked, locked]),
            (r#"{"connected_account_id""#, r#"{ "connected_account_id""#, [locked, locked]),
            // Cut off in the middle of the name guessed.
            (
                r#""event_id":"00000000-0000-4000-8000-000000000003","event_type":"lock.locked","method":"manual","occurred_at":"2025-01-01T00:00:00.000Z","workspace_id":"00000000-0000-4000-8000-000000000004"}"#,
                r#""event_i"#,
                [None, None],
            ),
            // An unknown key in place of a name, then the names again.
            (r#""device_id""#, r#""x":1,"device_id""#, [locked, None]),
            // A name that comes twice, the second time where the guess expects it.
            (r#","method":"manual""#, r#","method":"manual","method":"manual""#, [None, None]),
            (
                r#","device_id":"00000000-0000-4000-8000-000000000002""#,
                r#","device_id":"00000000-0000-4000-8000-000000000002","device_id":"00000000-0000-4000-8000-000000000002""#,
                [None, None],
            ),
        ];
        for (from, to, expected) in cases {
            assert!(LOCKED.contains(from), "{from}");
            let text = LOCKED.replacen(from, to, 1);
            assert_eq!(verdict(&text, LOCKED), *expected, "{text}");
            if expected[0].is_none() {
                assert!(crate::check::check_event(&text, false).is_err() || to.contains('\\'), "{text}");
            }
        }
    }
}
