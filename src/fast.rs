//! The fast lane: "valid, of this type" for the usual event, or "not sure".
//!
//! Most of a validator's time goes to bookkeeping for errors it might have to
//! report: paths, positions, and the values of fields whose rules depend on an
//! `event_type` that may come last. A valid event needs none of it. So
//! [`accept`] reads the bytes once, keeping only a few bits per field, and
//! says `Some(event type)` only when it is sure that the full check
//! ([`check`](crate::check)) would find nothing to report. For anything
//! unusual (an escape in a key, a number with an exponent, deep nesting, many
//! keys in one object, and every error) it says `None`, and the caller runs
//! the full check, which says what is wrong and where. It checks UTF-8 as it
//! reads, so a yes needs no separate pass over the bytes.
//!
//! It must never say yes where the full check says no: `oracle::fast_lane`
//! holds it to that in the tests and in the `differential` fuzz target.

use crate::event::EventType;
use crate::rules::{is_datetime, is_uuid};
use crate::schema::{masks_of, Field, Rule};
use crate::shape::SeamEventType;
use crate::text::{same, string_stop};

/// Deeper nesting than this goes to the full check.
pub(crate) const MAX_DEPTH: u32 = 16;

/// An object with more keys than this goes to the full check.
pub(crate) const MAX_KEYS: usize = 16;

/// `Some(event type)` if `bytes` are sure to be a valid event (UTF-8 JSON,
/// every rule followed), `None` if not sure: then the full check says.
pub(crate) fn accept(bytes: &[u8], strict: bool) -> Option<SeamEventType> {
    let mut lane = Lane { bytes, at: 0 };
    let event_type = lane.event(strict)?;
    lane.skip_whitespace();
    (lane.at == bytes.len()).then(|| event_type.seam())
}

/// What a value is, as far as the rules care.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    Bool,
    /// An object; `plain` when its values are all strings or booleans, as
    /// custom metadata must be.
    Object {
        plain: bool,
    },
    Other,
}

/// The bytes, and how far the lane has read them.
pub(crate) struct Lane<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

/// The keys of one object, to find one that comes twice.
pub(crate) struct Keys<'a> {
    // `None` rather than `&[]` for the empty places: an array of zeros to
    // start, which costs one fill instead of a store per place.
    keys: [Option<&'a [u8]>; MAX_KEYS],
    len: usize,
}

impl<'a> Keys<'a> {
    pub(crate) fn new() -> Self {
        Keys { keys: [None; MAX_KEYS], len: 0 }
    }

    /// Adds `key`; false if it was there already, or there is no room.
    pub(crate) fn insert(&mut self, key: &'a [u8]) -> bool {
        if self.len == MAX_KEYS || self.keys[..self.len].iter().flatten().any(|k| same(k, key)) {
            return false;
        }
        self.keys[self.len] = Some(key);
        self.len += 1;
        true
    }
}

impl<'a> Lane<'a> {
    /// The next byte (0 at the end, which no rule accepts either).
    pub(crate) fn peek(&self) -> u8 {
        self.peek_at(self.at)
    }

    /// The byte at `at` (0 past the end).
    pub(crate) fn peek_at(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(0)
    }

    /// The next byte that is not whitespace (0 at the end), not consumed.
    pub(crate) fn skip_whitespace(&mut self) -> u8 {
        let b = self.peek();
        // Compact JSON, the usual: no whitespace, and one comparison.
        if b > b' ' {
            return b;
        }
        loop {
            match self.peek() {
                b' ' | b'\n' | b'\t' | b'\r' => self.at += 1,
                b => return b,
            }
        }
    }

    /// Consumes `byte`, after whitespace, if it is next.
    pub(crate) fn eat(&mut self, byte: u8) -> Option<()> {
        (self.skip_whitespace() == byte).then(|| self.at += 1)
    }

    /// After a member or element: true at `,`, false at `close`, both consumed.
    pub(crate) fn more(&mut self, close: u8) -> Option<bool> {
        match self.skip_whitespace() {
            b',' => {
                self.at += 1;
                Some(true)
            }
            b if b == close => {
                self.at += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// The top-level object, up to its `}`: its event type if every rule of
    /// that type holds.
    fn event(&mut self, strict: bool) -> Option<EventType> {
        self.eat(b'{')?;
        let mut event_type = None;
        // Known fields present, and those whose value follows their rule.
        let (mut present, mut fine) = (0u16, 0u16);
        loop {
            // Any other key, a field Seam added say, is for the catalogue's
            // lane (crate::lane): this one stops as soon as it sees one, so
            // that the other event types lose little time here.
            let field = self.field_key()?;
            self.eat(b':')?;
            if present & field.bit() != 0 {
                return None;
            }
            present |= field.bit();
            if self.field_value(field, &mut event_type)? {
                fine |= field.bit();
            }
            if !self.more(b'}')? {
                break;
            }
        }
        let event_type = event_type?;
        let (in_schema, required) = masks_of(Some(event_type));
        let valid = present & required == required
            && present & in_schema & !fine == 0
            && !(strict && present & !in_schema != 0);
        valid.then_some(event_type)
    }

    /// A known field's value: whether it follows the field's rule (which
    /// matters only if the event type has the field).
    fn field_value(&mut self, field: Field, event_type: &mut Option<EventType>) -> Option<bool> {
        match field.rule() {
            Rule::Uuid => {
                if self.skip_whitespace() == b'"' {
                    if let Some(b) = self.bytes.get(self.at + 1..self.at + 38) {
                        if b[36] == b'"' && is_uuid(&b[..36]) {
                            self.at += 38;
                            return Some(true);
                        }
                    }
                }
            }
            Rule::DateTime => {
                if self.skip_whitespace() == b'"' {
                    if let Some(end) = self.datetime_end(self.at + 1) {
                        self.at = end + 1;
                        return Some(true);
                    }
                }
            }
            Rule::EventType => {
                let name = self.plain_string()?;
                *event_type = Some(EventType::from_name_bytes(name)?);
                return Some(true);
            }
            Rule::Text => return Some(self.value(1)? == Kind::Str),
            Rule::Metadata => return Some(self.value(1)? == Kind::Object { plain: true }),
        }
        // Not the usual UUID or date-time: read it as any value.
        self.value(1).map(|_| false)
    }

    /// A key that is a field's name, with its quotes, found without looking
    /// for the key's end: its first eight bytes say which name it can be, and
    /// that name and a quote must follow. `None`, with nothing read, for any
    /// other key.
    fn field_key(&mut self) -> Option<Field> {
        /// The first eight bytes of a name, as the word they make.
        const fn head(name: &str) -> u64 {
            let b = name.as_bytes();
            u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
        }
        const EVENT_ID: u64 = head("event_id");
        const EVENT_TYPE: u64 = head("event_type");
        const EVENT_DESCRIPTION: u64 = head("event_description");
        const WORKSPACE_ID: u64 = head("workspace_id");
        const CONNECT_WEBVIEW_ID: u64 = head("connect_webview_id");
        const CONNECTED: u64 = head("connected_account_id");
        const CREATED_AT: u64 = head("created_at");
        const OCCURRED_AT: u64 = head("occurred_at");
        const CUSTOMER_KEY: u64 = head("customer_key");
        if self.skip_whitespace() != b'"' {
            return None;
        }
        let start = self.at + 1;
        let mut word = [0; 8];
        word.copy_from_slice(self.bytes.get(start..start + 8)?);
        let field = match u64::from_le_bytes(word) {
            EVENT_ID => Field::EventId,
            EVENT_TYPE => Field::EventType,
            EVENT_DESCRIPTION => Field::EventDescription,
            WORKSPACE_ID => Field::WorkspaceId,
            CONNECT_WEBVIEW_ID => Field::ConnectWebviewId,
            // connected_account_ then id, or custom_metadata.
            CONNECTED if self.peek_at(start + 18) == b'i' => Field::ConnectedAccountId,
            CONNECTED => Field::ConnectedAccountCustomMetadata,
            CREATED_AT => Field::CreatedAt,
            OCCURRED_AT => Field::OccurredAt,
            CUSTOMER_KEY => Field::CustomerKey,
            _ => return None,
        };
        self.quoted_name(field.name().as_bytes())?;
        Some(field)
    }

    /// `name` and its closing quote, after the `"` the lane is on, found in
    /// place without looking for the key's end: read past that quote, or
    /// `None` with nothing read. For [`field_key`] and the catalogue lane's
    /// guessed key; inlined into both, as the two copies it replaced were
    /// (the same speed in `make ab`, the .wasm 48 bytes smaller gzipped; a
    /// call made decode 2.7 % slower).
    ///
    /// [`field_key`]: Lane::field_key
    #[inline(always)]
    pub(crate) fn quoted_name(&mut self, name: &[u8]) -> Option<&'a [u8]> {
        let start = self.at + 1;
        let end = start + name.len();
        let key = self.bytes.get(start..end).filter(|key| same(key, name))?;
        if self.peek_at(end) != b'"' {
            return None;
        }
        self.at = end + 1;
        Some(key)
    }

    /// Where the closing quote is of a string that starts at `start` (after
    /// its opening quote) and is a date-time as [`is_datetime`] has it, if it
    /// is one. The usual length, with milliseconds, is tried first, with no
    /// scan for the quote: a valid date-time has no byte that ends a string.
    #[inline(always)]
    pub(crate) fn datetime_end(&self, start: usize) -> Option<usize> {
        const USUAL: usize = "2025-01-01T00:00:00.000Z".len();
        let usual = start + USUAL;
        if self.peek_at(usual) == b'"' && is_datetime(&self.bytes[start..usual]) {
            return Some(usual);
        }
        let end = string_stop(self.bytes, start, true);
        (self.peek_at(end) == b'"' && is_datetime(&self.bytes[start..end])).then_some(end)
    }

    /// A key with no escapes, with its `"` before and its `:` after.
    pub(crate) fn key(&mut self) -> Option<&'a [u8]> {
        let key = self.plain_string()?;
        self.eat(b':')?;
        Some(key)
    }

    /// A string with no escapes, with its quotes (a key, or the event type):
    /// what is between them.
    pub(crate) fn plain_string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        self.string(false)
    }

    /// A string after its opening quote, up to past its closing quote: what
    /// is between them (escapes left as they are). Escapes must be valid, and
    /// there must be none without `escapes`.
    pub(crate) fn string(&mut self, escapes: bool) -> Option<&'a [u8]> {
        let start = self.at;
        loop {
            let at = string_stop(self.bytes, self.at, true);
            match self.bytes.get(at).copied()? {
                b'"' => {
                    self.at = at + 1;
                    return Some(&self.bytes[start..at]);
                }
                b'\\' if escapes => {
                    self.at = at + 1;
                    self.escape()?;
                }
                b if b >= 0x80 => self.at = non_ascii(self.bytes, at)?,
                _ => return None,
            }
        }
    }

    /// An escape after its backslash. A `\u` surrogate goes to the full check.
    fn escape(&mut self) -> Option<()> {
        let b = self.peek();
        self.at += 1;
        match b {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Some(()),
            b'u' => {
                let digits = self.bytes.get(self.at..self.at + 4)?;
                let code = digits.iter().try_fold(0u32, |code, &d| Some(code << 4 | char::from(d).to_digit(16)?))?;
                self.at += 4;
                (!(0xD800..=0xDFFF).contains(&code)).then_some(())
            }
            _ => None,
        }
    }

    /// Any value, at `depth` (the top-level object's members are at 1).
    pub(crate) fn value(&mut self, depth: u32) -> Option<Kind> {
        if depth > MAX_DEPTH {
            return None;
        }
        let kind = match self.skip_whitespace() {
            b'"' => {
                self.at += 1;
                self.string(true)?;
                Kind::Str
            }
            b'{' => {
                self.at += 1;
                Kind::Object { plain: self.object(depth)? }
            }
            b'[' => {
                self.at += 1;
                self.array(depth)?;
                Kind::Other
            }
            b't' => self.word(b"true", Kind::Bool)?,
            b'f' => self.word(b"false", Kind::Bool)?,
            b'n' => self.word(b"null", Kind::Other)?,
            b'-' | b'0'..=b'9' => {
                self.number()?;
                Kind::Other
            }
            _ => return None,
        };
        Some(kind)
    }

    /// An object's members after its `{`, up to past its `}`: whether its
    /// values are all strings or booleans.
    fn object(&mut self, depth: u32) -> Option<bool> {
        if self.skip_whitespace() == b'}' {
            self.at += 1;
            return Some(true);
        }
        let mut keys = Keys::new();
        let mut plain = true;
        loop {
            let key = self.key()?;
            if !keys.insert(key) {
                return None;
            }
            plain &= matches!(self.value(depth + 1)?, Kind::Str | Kind::Bool);
            if !self.more(b'}')? {
                return Some(plain);
            }
        }
    }

    /// An array's elements after its `[`, up to past its `]`.
    fn array(&mut self, depth: u32) -> Option<()> {
        if self.skip_whitespace() == b']' {
            self.at += 1;
            return Some(());
        }
        loop {
            self.value(depth + 1)?;
            if !self.more(b']')? {
                return Some(());
            }
        }
    }

    /// `true`, `false` or `null`, spelled out.
    pub(crate) fn word(&mut self, word: &[u8], kind: Kind) -> Option<Kind> {
        let found = self.bytes.get(self.at..self.at + word.len())?;
        same(found, word).then(|| {
            self.at += word.len();
            kind
        })
    }

    /// A number with no exponent and too few digits to overflow a double;
    /// others go to the full check, which checks their range.
    pub(crate) fn number(&mut self) -> Option<()> {
        let start = self.at;
        if self.peek() == b'-' {
            self.at += 1;
        }
        match self.peek() {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == b'.' {
            self.at += 1;
            let first = self.at;
            self.digits();
            if self.at == first {
                return None;
            }
        }
        (!matches!(self.peek(), b'e' | b'E') && self.at - start < 300).then_some(())
    }

    fn digits(&mut self) {
        while self.peek().is_ascii_digit() {
            self.at += 1;
        }
    }
}

/// Past the run of bytes beyond ASCII at `at`, if it is UTF-8. Such a run
/// is whole characters only if it is UTF-8 by itself: no character that is
/// not ASCII has an ASCII byte.
fn non_ascii(bytes: &[u8], at: usize) -> Option<usize> {
    let run = bytes[at..].iter().take_while(|&&b| b >= 0x80).count();
    std::str::from_utf8(&bytes[at..at + run]).ok()?;
    Some(at + run)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// This lane, then the catalogue's, as decoding tries them: an event
    /// with a field Seam added goes on to the catalogue's.
    fn either(bytes: &[u8], strict: bool) -> Option<SeamEventType> {
        accept(bytes, strict).or_else(|| crate::lane::accept(bytes, strict))
    }

    const SUCCEEDED: &str = include_str!("../tests/fixtures/login_succeeded.json");
    const FAILED: &str = include_str!("../tests/fixtures/login_failed.json");
    const WITH_METADATA: &str = include_str!("../tests/fixtures/login_succeeded_with_metadata.json");

    /// `text` with `member` added as the first member of the top-level object.
    fn with(text: &str, member: &str) -> String {
        text.replacen('{', &format!("{{{member},"), 1)
    }

    #[test]
    fn takes_the_spec_examples_itself_and_leaves_added_fields_to_the_catalogue_lane() {
        assert_eq!(accept(SUCCEEDED.as_bytes(), true), Some(EventType::LoginSucceeded.seam()));
        assert_eq!(accept(FAILED.as_bytes(), true), Some(EventType::LoginFailed.seam()));
        assert_eq!(accept(WITH_METADATA.as_bytes(), false), None);
        assert_eq!(either(WITH_METADATA.as_bytes(), false), Some(EventType::LoginSucceeded.seam()));
    }

    #[test]
    fn takes_the_usual_events() {
        assert_eq!(either(SUCCEEDED.as_bytes(), true), Some(EventType::LoginSucceeded.seam()));
        assert_eq!(either(FAILED.as_bytes(), true), Some(EventType::LoginFailed.seam()));
        // It has an unknown field ("hint"), which strict mode refuses.
        assert_eq!(either(WITH_METADATA.as_bytes(), false), Some(EventType::LoginSucceeded.seam()));
        assert_eq!(either(WITH_METADATA.as_bytes(), true), None);
        let compact: serde_json::Value = serde_json::from_str(WITH_METADATA).unwrap();
        assert_eq!(either(compact.to_string().as_bytes(), false), Some(EventType::LoginSucceeded.seam()));
        let pretty = serde_json::to_string_pretty(&compact).unwrap();
        assert_eq!(either(format!(" \r\n{pretty}\t\n").as_bytes(), false), Some(EventType::LoginSucceeded.seam()));
    }

    #[test]
    fn takes_date_times_without_seconds() {
        // `YYYY-MM-DDTHH:MMZ` is 17 bytes: zod's seconds are optional.
        for value in ["2025-01-01T00:00Z", "2024-02-29T23:59Z", "0000-02-29T00:00Z", "2025-01-01T00:00:00.5Z"] {
            let text = FAILED.replace("2025-01-01T00:00:00.000Z", value);
            assert_eq!(either(text.as_bytes(), true), Some(EventType::LoginFailed.seam()), "{text}");
        }
        // Not the rule: left to the full check, which reports it.
        for value in [
            "2025-01-01T00:00.5Z",
            "2023-02-29T23:59Z",
            "2025-01-01T00:00",
            "2025-01-01T0:00Z",
            "2025-01-01T00:0Z",
            "2025-01-01T24:00Z",
            "2025-01-01T00:00:60Z",
            "2025-01-01T00:00+01:00",
        ] {
            let text = FAILED.replacen("2025-01-01T00:00:00.000Z", value, 1);
            assert_eq!(either(text.as_bytes(), false), None, "{text}");
        }
    }

    #[test]
    fn reads_field_names_in_place_and_other_keys_in_full() {
        // Keys that start like a field's name but are not one.
        for key in [
            "event_idx",
            "event_i",
            "connected_account_idx",
            "connected_account_custom",
            "connected_accountXid",
            "customer_keys",
            "event_type_",
        ] {
            let text = with(FAILED, &format!("\"{key}\": 1"));
            assert_eq!(either(text.as_bytes(), false), Some(EventType::LoginFailed.seam()), "{text}");
            assert_eq!(either(text.as_bytes(), true), None, "strict: {text}");
        }
        // A field's name at the very end of the input.
        assert_eq!(either(b"{\"event_id", false), None);
        assert_eq!(either(b"{\"event_id\"", false), None);
    }

    #[test]
    fn takes_fields_seam_may_add_and_text_beyond_ascii() {
        let added = [
            r#""new_field": {"a": [1, -0.5, 0, true, null, "x", {"b": {}}], "c": []}"#,
            r#""note": "caf\u00e9 \"quoted\"\n\\ \/ \b\f\r\t""#,
            r#""name": "Zoë 😀 東京""#,
            r#""count": -12.25"#,
        ];
        for member in added {
            let text = with(FAILED, member);
            assert_eq!(either(text.as_bytes(), false), Some(EventType::LoginFailed.seam()), "{text}");
            assert_eq!(either(text.as_bytes(), true), None, "strict: {text}");
        }
        let metadata = r#""connected_account_custom_metadata": {"tenant": "Zoë", "vip": false}"#;
        let text = SUCCEEDED.replace(r#""connected_account_custom_metadata": {}"#, metadata);
        assert_ne!(text, SUCCEEDED);
        assert_eq!(either(text.as_bytes(), true), Some(EventType::LoginSucceeded.seam()));
    }

    #[test]
    fn leaves_every_kind_of_doubt_to_the_full_check() {
        let doubtful = [
            r#""event_id": "00000000-0000-0000-0000-00000000000g""#, // a broken rule
            r#""workspace_id": 1"#,
            r#""x": 1, "x": 2"#, // a duplicate key
            r#""x": {"a": 1, "a": 2}"#,
            r#""event_type": "connect_webview.login_failed""#, // a duplicate field
            r#""x\u0041": 1"#,                                 // an escape in a key
            r#""x": "\ud83d\ude00""#,                          // a surrogate escape
            r#""x": 1e3"#,                                     // an exponent
            r#""x": 01"#,
            r#""x": 1."#,
            r#""x": -"#,
            r#""x": tru"#,
            r#""x": "\q""#,
            r#""x": [1,]"#,
            r#""x": {"a": 1,}"#,
            "\"x\": \"\x01\"",
            r#""x": [[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]"#, // deep nesting
        ];
        for member in doubtful {
            let text = with(FAILED, member);
            assert_eq!(either(text.as_bytes(), false), None, "{text}");
        }
        let many: Vec<String> = (0..17).map(|i| format!("\"k{i}\": {i}")).collect();
        assert_eq!(either(with(FAILED, &many.join(",")).as_bytes(), false), None);
        assert_eq!(either(with(FAILED, &many[..16].join(",")).as_bytes(), false), Some(EventType::LoginFailed.seam()));
        let nested = format!("\"x\": {{{}}}", many.join(","));
        assert_eq!(either(with(FAILED, &nested).as_bytes(), false), None);
    }

    #[test]
    fn leaves_schema_breaches_and_broken_text_to_the_full_check() {
        let no_account = SUCCEEDED.replace("\"connected_account_id\"", "\"x\"");
        assert_eq!(either(no_account.as_bytes(), false), None);
        let unknown_type = FAILED.replace("login_failed", "login_maybe");
        assert_eq!(either(unknown_type.as_bytes(), false), None);
        let bad_metadata = SUCCEEDED
            .replace(r#""connected_account_custom_metadata": {}"#, r#""connected_account_custom_metadata": {"n": 1}"#);
        assert_ne!(bad_metadata, SUCCEEDED);
        assert_eq!(either(bad_metadata.as_bytes(), false), None);
        // On login_failed, metadata is not in the schema: any value, unless strict.
        let extra = with(FAILED, r#""connected_account_custom_metadata": {"n": 1}"#);
        assert_eq!(
            (either(extra.as_bytes(), false), either(extra.as_bytes(), true)),
            (Some(EventType::LoginFailed.seam()), None)
        );
        for broken in [
            &b"\xef\xbb\xbf{}"[..],
            b"{\"x\": \"\xff\"}",
            b"{\"x\": \"\xc3\"}",
            b"[]",
            b"",
            b"{}",
            b"{\"event_type\": \"connect_webview.login_failed\"} x",
        ] {
            assert_eq!(either(broken, false), None, "{}", String::from_utf8_lossy(broken));
        }
        let mut text = FAILED.as_bytes().to_vec();
        text.push(0);
        assert_eq!(either(&text, false), None);
        // A field's name read in place must still be followed by a colon.
        for broken in ["\"event_id\" \"event_id\": ", "\"event_id\"\"event_id\": ", "\"event_id\",\"event_id\": "] {
            let text = SUCCEEDED.replace("\"event_id\": ", broken);
            assert_ne!(text, SUCCEEDED);
            assert_eq!(either(text.as_bytes(), false), None, "{text}");
        }
    }
}
