//! A JSON reader for checking, not building: it walks the text byte by byte,
//! borrows strings from it (copying only strings with escapes), and skips
//! numbers after checking their syntax and range.
//!
//! It is written by hand because the validator needs less than a JSON
//! library offers, and the WebAssembly build is both smaller and faster
//! without one. It accepts exactly what `serde_json` accepts, and reports
//! each error with `serde_json`'s words at `serde_json`'s position: the
//! differential tests in `oracle.rs` hold it to that.

use std::borrow::Cow;

use crate::error::{quote_char, Issue, IssueCode};
use crate::text::{char_count, split_byte, split_once_byte, string_stop};

/// How deep arrays and objects may nest, the root counted as the first
/// level: 128 (I-JSON leaves the limit to us; serde_json's is 127). The
/// JavaScript side's limit for plain objects is held to it by a test.
pub(crate) const MAX_NESTING: u32 = 128;

/// Where the count of levels left starts: the error comes when it reaches 0.
const RECURSION_LIMIT: u32 = MAX_NESTING + 1;

/// An `invalid_json` message (which begins with where the error is) naming
/// the position `to` instead: a batch's event, placed in the whole input.
#[cold]
#[inline(never)]
pub(crate) fn moved_message(message: &str, (line, column): (usize, usize)) -> String {
    let rest = split_once_byte(message, b':').map_or("", |(_, rest)| rest);
    format!("not valid JSON at line {line}, column {column}:{rest}")
}

/// `serde_json`'s words for an escaped surrogate that is not half of a
/// pair, and ours: it says "leading" of a lone trailing surrogate
/// (`"\uDC00"`), and "end of hex escape" of a leading one with no `\u`
/// after it (`"\uD800b"`). Each is read as ours, here and by the reference
/// validator ([`ours`]), so that the two still say the same.
const SURROGATE_WORDS: [(&str, &str); 2] = [
    (
        "lone leading surrogate in hex escape",
        "lone surrogate in a \\u escape (a pair is \\uD800-\\uDBFF, then \\uDC00-\\uDFFF; one alone has no UTF-8 form)",
    ),
    (
        "unexpected end of hex escape",
        "leading surrogate in a \\u escape with no \\u escape of its trailing half after it (a lone surrogate has no UTF-8 form)",
    ),
];

/// `serde_json`'s description of a syntax error in our words, where they
/// differ ([`SURROGATE_WORDS`]).
#[cfg(any(test, fuzzing))]
pub(crate) fn ours(what: &str) -> &str {
    SURROGATE_WORDS.iter().find(|(theirs, _)| *theirs == what).map_or(what, |(_, ours)| ours)
}

/// What is wrong with a JSON text, in `serde_json`'s words (but for
/// [`SURROGATE_WORDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl Syntax {
    fn describe(self) -> &'static str {
        match self {
            Syntax::EofWhileParsingList => "EOF while parsing a list",
            Syntax::EofWhileParsingObject => "EOF while parsing an object",
            Syntax::EofWhileParsingString => "EOF while parsing a string",
            Syntax::EofWhileParsingValue => "EOF while parsing a value",
            Syntax::ExpectedColon => "expected `:`",
            Syntax::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Syntax::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Syntax::ExpectedSomeIdent => "expected ident",
            Syntax::ExpectedSomeValue => "expected value",
            Syntax::InvalidEscape => "invalid escape",
            Syntax::InvalidNumber => "invalid number",
            Syntax::NumberOutOfRange => "number out of range",
            Syntax::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Syntax::KeyMustBeAString => "key must be a string",
            Syntax::LoneLeadingSurrogateInHexEscape => SURROGATE_WORDS[0].1,
            Syntax::TrailingComma => "trailing comma",
            Syntax::TrailingCharacters => "trailing characters",
            Syntax::UnexpectedEndOfHexEscape => SURROGATE_WORDS[1].1,
            Syntax::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }

    fn is_eof(self) -> bool {
        matches!(
            self,
            Syntax::EofWhileParsingList
                | Syntax::EofWhileParsingObject
                | Syntax::EofWhileParsingString
                | Syntax::EofWhileParsingValue
        )
    }
}

/// A syntax error: what, and where. `end` is the byte offset just past the
/// byte that caused it (0 for empty input), as `serde_json` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) syntax: Syntax,
    end: usize,
}

impl SyntaxError {
    /// The `invalid_json` issue for this error in `text`: a 1-based line, a
    /// 1-based column counted in characters, and the character found there.
    pub(crate) fn issue(&self, text: &str) -> Issue {
        let before = &text.as_bytes()[..self.end.min(text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        let rest = text.get(line_start..).unwrap_or_default();
        let line_text = split_byte(rest, b'\n').next().unwrap_or_default();
        let mut at = (self.end - line_start).saturating_sub(1).min(line_text.len());
        while !line_text.is_char_boundary(at) {
            at -= 1;
        }
        let column = char_count(line_text.get(..at).unwrap_or_default()) + 1;
        let found = match line_text.get(at..).unwrap_or_default().chars().next() {
            _ if self.syntax.is_eof() => "the end of the input".to_string(),
            Some(c) => quote_char(c),
            None => "the end of the line".to_string(),
        };
        let what = self.syntax.describe();
        // The beginning as `moved_message` reads it.
        let message = format!("not valid JSON at line {line}, column {column}: {what}, found {found}");
        Issue::at(IssueCode::InvalidJson, message, line, column)
    }
}

pub(crate) type Result<T> = std::result::Result<T, SyntaxError>;

/// The reader: the text and how far it has got.
pub(crate) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    index: usize,
    /// Containers that may still be opened.
    remaining_depth: u32,
    /// Whether I-JSON's limits hold: numbers within a double, no escaped
    /// lone surrogate. Both are JSON's syntax (RFC 8259) all the same.
    i_json: bool,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Reader<'a> {
        Reader { text, bytes: text.as_bytes(), index: 0, remaining_depth: RECURSION_LIMIT, i_json: true }
    }

    /// A reader of JSON's syntax alone, with no limit on nesting and none of
    /// I-JSON's, for a reading that does not recurse: a batch array's syntax
    /// check. Each element is then checked with every limit, on its own, so
    /// that one too deep, with `1e400` or with `"\ud800"` is that element's
    /// failure, not the whole batch's.
    pub(crate) fn unbounded(text: &'a str) -> Reader<'a> {
        Reader { remaining_depth: u32::MAX, i_json: false, ..Reader::new(text) }
    }

    /// How far it has got: the byte offset of the next byte to read.
    pub(crate) fn offset(&self) -> usize {
        self.index
    }

    /// An error about the byte just read.
    #[cold]
    fn error(&self, syntax: Syntax) -> SyntaxError {
        SyntaxError { syntax, end: self.index }
    }

    /// An error about the byte about to be read.
    #[cold]
    pub(crate) fn peek_error(&self, syntax: Syntax) -> SyntaxError {
        SyntaxError { syntax, end: (self.index + 1).min(self.bytes.len()) }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.index += 1;
        Some(b)
    }

    /// Moves past the byte just peeked.
    pub(crate) fn eat(&mut self) {
        self.index += 1;
    }

    /// The next byte that is not whitespace, not consumed.
    pub(crate) fn skip_whitespace(&mut self) -> Option<u8> {
        loop {
            match self.peek() {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.index += 1,
                other => return other,
            }
        }
    }

    /// Enters an array or object (at its opening bracket, not consumed).
    pub(crate) fn enter(&mut self) -> Result<()> {
        self.remaining_depth -= 1;
        if self.remaining_depth == 0 {
            return Err(self.peek_error(Syntax::RecursionLimitExceeded));
        }
        self.index += 1;
        Ok(())
    }

    /// Leaves an array or object (at its closing bracket, not consumed).
    pub(crate) fn leave(&mut self) {
        self.remaining_depth += 1;
        self.index += 1;
    }

    /// Nothing but whitespace may follow the value.
    pub(crate) fn end(&mut self) -> Result<()> {
        match self.skip_whitespace() {
            Some(_) => Err(self.peek_error(Syntax::TrailingCharacters)),
            None => Ok(()),
        }
    }

    /// The rest of `null`, `true` or `false`, after its first letter.
    pub(crate) fn ident(&mut self, rest: &[u8]) -> Result<()> {
        for &expected in rest {
            match self.next() {
                None => return Err(self.error(Syntax::EofWhileParsingValue)),
                Some(b) if b != expected => return Err(self.error(Syntax::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Before each element of an array after `[`: true if there is one,
    /// false at `]` (not consumed).
    pub(crate) fn has_next_element(&mut self, first: bool) -> Result<bool> {
        let peek = self.skip_whitespace().ok_or_else(|| self.peek_error(Syntax::EofWhileParsingList))?;
        if peek == b']' {
            Ok(false)
        } else if first {
            Ok(true)
        } else if peek == b',' {
            self.index += 1;
            match self.skip_whitespace() {
                Some(b']') => Err(self.peek_error(Syntax::TrailingComma)),
                Some(_) => Ok(true),
                None => Err(self.peek_error(Syntax::EofWhileParsingValue)),
            }
        } else {
            Err(self.peek_error(Syntax::ExpectedListCommaOrEnd))
        }
    }

    /// Before each member of an object after `{`: its key, read up to the
    /// colon, or `None` at `}` (not consumed).
    pub(crate) fn next_key(&mut self, first: bool) -> Result<Option<Cow<'a, str>>> {
        let peek = self.skip_whitespace().ok_or_else(|| self.peek_error(Syntax::EofWhileParsingObject))?;
        if peek == b'}' {
            return Ok(None);
        } else if first {
            if peek != b'"' {
                return Err(self.peek_error(Syntax::KeyMustBeAString));
            }
        } else if peek == b',' {
            self.index += 1;
            match self.skip_whitespace() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.peek_error(Syntax::TrailingComma)),
                Some(_) => return Err(self.peek_error(Syntax::KeyMustBeAString)),
                None => return Err(self.peek_error(Syntax::EofWhileParsingValue)),
            }
        } else {
            return Err(self.peek_error(Syntax::ExpectedObjectCommaOrEnd));
        }
        self.index += 1;
        let key = self.string()?;
        match self.skip_whitespace() {
            Some(b':') => self.index += 1,
            Some(_) => return Err(self.peek_error(Syntax::ExpectedColon)),
            None => return Err(self.peek_error(Syntax::EofWhileParsingObject)),
        }
        Ok(Some(key))
    }

    /// A string, after its opening quote: borrowed from the text unless it
    /// has escapes.
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>> {
        match self.plain_string() {
            Some(text) => Ok(Cow::Borrowed(text)),
            None => self.escaped_string(),
        }
    }

    /// The usual string, with no escape: borrowed, and read up to past its
    /// closing quote. `None`, with nothing read, for any other.
    #[inline]
    fn plain_string(&mut self) -> Option<&'a str> {
        let start = self.index;
        self.skip_to_special();
        if self.peek() == Some(b'"') {
            let text = self.text.get(start..self.index)?;
            self.index += 1;
            return Some(text);
        }
        self.index = start;
        None
    }

    /// A string that has escapes (or errors), after its opening quote.
    #[inline(never)]
    fn escaped_string(&mut self) -> Result<Cow<'a, str>> {
        let mut start = self.index;
        let mut owned: Option<String> = None;
        loop {
            self.skip_to_special();
            match self.peek() {
                None => return Err(self.error(Syntax::EofWhileParsingString)),
                Some(b'"') => {
                    let tail = self.text.get(start..self.index).unwrap_or_default();
                    self.index += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.text.get(start..self.index).unwrap_or_default());
                    self.index += 1;
                    self.escape(s)?;
                    start = self.index;
                }
                Some(_) => {
                    self.index += 1;
                    return Err(self.error(Syntax::ControlCharacterWhileParsingString));
                }
            }
        }
    }

    /// Advances to the next `"`, `\` or control character.
    fn skip_to_special(&mut self) {
        self.index = string_stop(self.bytes, self.index, false);
    }

    /// An escape, after its backslash, appended to `out`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next().ok_or_else(|| self.error(Syntax::EofWhileParsingString))? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(Syntax::InvalidEscape)),
        };
        out.push(c);
        Ok(())
    }

    /// `\uXXXX`, after the `u`; a surrogate pair must be complete (unless
    /// not `i_json`: then a lone one stands for U+FFFD, and
    /// an escape after it is read as one of its own).
    fn unicode_escape(&mut self, out: &mut String) -> Result<()> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF if self.i_json => return Err(self.error(Syntax::LoneLeadingSurrogateInHexEscape)),
            0xD800..=0xDBFF => {
                let after = self.index;
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.error(Syntax::EofWhileParsingString)),
                        Some(b) if b != expected => {
                            self.index += 1;
                            return self.lone_surrogate(after, out, Syntax::UnexpectedEndOfHexEscape);
                        }
                        Some(_) => self.index += 1,
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.lone_surrogate(after, out, Syntax::LoneLeadingSurrogateInHexEscape);
                }
                0x1_0000 + ((u32::from(first) - 0xD800) << 10 | (u32::from(second) - 0xDC00))
            }
            _ => u32::from(first),
        };
        // Not a surrogate: a char.
        out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    /// A leading surrogate with no trailing one after it (the escape ends
    /// at `after`): the error `syntax` under I-JSON's limits, else U+FFFD,
    /// and what follows it read from `after` on.
    #[cold]
    fn lone_surrogate(&mut self, after: usize, out: &mut String, syntax: Syntax) -> Result<()> {
        if self.i_json {
            return Err(self.error(syntax));
        }
        self.index = after;
        out.push(char::REPLACEMENT_CHARACTER);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(Syntax::EofWhileParsingString));
        };
        self.index += 4;
        let mut value = 0u16;
        for &d in digits {
            let digit = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(Syntax::InvalidEscape)),
            };
            value = value << 4 | u16::from(digit);
        }
        Ok(value)
    }

    /// A number, at its `-` or first digit, as [`number`](Self::number)
    /// reads it: its text.
    pub(crate) fn number_text(&mut self) -> Result<&'a str> {
        let start = self.index;
        self.number()?;
        Ok(self.text.get(start..self.index).unwrap_or_default())
    }

    /// A number, at its `-` or first digit: its syntax, and that it is within
    /// the range of a double (JavaScript would read a larger one as Infinity).
    pub(crate) fn number(&mut self) -> Result<()> {
        if self.peek() == Some(b'-') {
            self.index += 1;
        }
        let int_start = self.index;
        match self.next() {
            None => return Err(self.error(Syntax::EofWhileParsingValue)),
            Some(b'0') => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(Syntax::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error(Syntax::InvalidNumber)),
        }
        let int_end = self.index;
        let mut frac_end = int_end;
        if self.peek() == Some(b'.') {
            self.index += 1;
            if !self.peek_or_null().is_ascii_digit() {
                let syntax = if self.peek().is_some() { Syntax::InvalidNumber } else { Syntax::EofWhileParsingValue };
                return Err(self.peek_error(syntax));
            }
            self.digits();
            frac_end = self.index;
        }
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.index += 1;
            let negative = match self.peek() {
                Some(b'+') => {
                    self.index += 1;
                    false
                }
                Some(b'-') => {
                    self.index += 1;
                    true
                }
                _ => false,
            };
            match self.next() {
                None => return Err(self.error(Syntax::EofWhileParsingValue)),
                Some(d @ b'0'..=b'9') => exponent = i64::from(d - b'0'),
                Some(_) => return Err(self.error(Syntax::InvalidNumber)),
            }
            let zero = self.bytes[int_start..frac_end].iter().all(|&b| matches!(b, b'0' | b'.'));
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.index += 1;
                exponent = exponent * 10 + i64::from(d - b'0');
                if exponent > i64::from(i32::MAX) {
                    // serde_json's exponent is an i32: past it, a positive
                    // exponent of a non-zero number is out of range, and
                    // anything else is zero.
                    if !zero && !negative && self.i_json {
                        return Err(self.error(Syntax::NumberOutOfRange));
                    }
                    self.digits();
                    return Ok(());
                }
            }
            if negative {
                exponent = -exponent;
            }
        }
        if self.i_json
            && overflows(&self.bytes[int_start..int_end], &self.bytes[(int_end + 1).min(frac_end)..frac_end], exponent)
        {
            return Err(self.error(Syntax::NumberOutOfRange));
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek_or_null().is_ascii_digit() {
            self.index += 1;
        }
    }
}

/// The digits of the midpoint between the largest double and 2^1024, with
/// its trailing zeros left out: numbers from it up round to infinity.
const OVERFLOW_DIGITS: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether `int.frac` times ten to `exponent` rounds to infinity as a double.
fn overflows(int: &[u8], frac: &[u8], exponent: i64) -> bool {
    let digits = || int.iter().chain(frac).copied();
    let Some(leading_zeros) = digits().position(|d| d != b'0') else { return false };
    // The number is 0.ddd times ten to `scale`, where the first d is not 0.
    let scale = int.len() as i64 - leading_zeros as i64 + exponent;
    match scale {
        ..=308 => false,
        309 => {
            let significant = digits().skip(leading_zeros);
            let padded = OVERFLOW_DIGITS.iter().copied().chain(std::iter::repeat(b'0'));
            // Compare digit by digit until the number's digits run out.
            for (d, o) in significant.zip(padded) {
                if d != o {
                    return d > o;
                }
            }
            // Equal so far, and the rest of the number is zeros: it is at
            // least the midpoint only if the midpoint has no digits left.
            digits().skip(leading_zeros).count() >= OVERFLOW_DIGITS.len()
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overflow_threshold_is_exact() {
        let max = f64::MAX.to_string();
        assert!(!overflows(max.as_bytes(), b"", 0));
        assert!(!overflows(b"17976931348623158", b"", 292));
        assert!(overflows(b"17976931348623159", b"", 292));
        let mid = std::str::from_utf8(OVERFLOW_DIGITS).unwrap();
        assert!(overflows(mid.as_bytes(), b"", 309 - mid.len() as i64));
        assert!(overflows(b"1", &mid.as_bytes()[1..], 308));
        let below = format!("{}{}", &mid[..mid.len() - 1], "1");
        assert!(!overflows(below.as_bytes(), b"", 309 - below.len() as i64));
        assert!(!overflows(b"0", b"000001", 313));
        assert!(overflows(b"0", b"000001", 315));
        assert!(!overflows(b"0", b"0", 99999));
        for text in [
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.79769313486231581e308",
            "2e308",
            "1e309",
            "0.1e310",
        ] {
            let (mantissa, exp) = text.split_once('e').unwrap();
            let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
            let expected = text.parse::<f64>().unwrap().is_infinite();
            assert_eq!(overflows(int.as_bytes(), frac.as_bytes(), exp.parse().unwrap()), expected, "{text}");
        }
    }
}
