//! The value rules of the wire format: UUIDs, date-times and URLs.
//!
//! Each check returns `Ok(())` or a short phrase saying what is wrong, which
//! the decoder puts into the issue message after the value it found.

use crate::error::quote_char;

/// Checks the canonical hyphenated UUID form: 8-4-4-4-12 hex digits, either
/// case, any version or variant (the nil UUID is valid). The 32-digit,
/// `{braced}` and `urn:uuid:` forms are rejected, as the reference schema does.
///
/// # Examples
///
/// ```
/// use connect_webview_events::rules::check_uuid;
///
/// assert!(check_uuid("00000000-0000-0000-0000-000000000000").is_ok());
/// assert!(check_uuid("6BA7B810-9DAD-11D1-80B4-00C04FD430C8").is_ok());
/// assert_eq!(
///     check_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430cg").unwrap_err(),
///     "character 'g' at index 35 is not a hex digit"
/// );
/// ```
pub fn check_uuid(s: &str) -> Result<(), String> {
    if is_uuid(s.as_bytes()) {
        return Ok(());
    }
    let hyphen = |i: usize| (HYPHENS >> i) & 1 == 1;
    // Otherwise say what is wrong, counting in characters.
    let length = crate::text::char_count(s);
    if length != 36 {
        return Err(format!("it has {length} characters, not 36"));
    }
    for (index, c) in s.chars().enumerate() {
        if hyphen(index) && c != '-' {
            return Err(format!("expected '-' at index {index}, found {}", quote_char(c)));
        }
        if !hyphen(index) && !c.is_ascii_hexdigit() {
            return Err(format!("character {} at index {index} is not a hex digit", quote_char(c)));
        }
    }
    Ok(())
}

/// Checks a date-time as the reference schema (zod 3.25 `.datetime()`) does:
/// `YYYY-MM-DDTHH:MM`, then optionally `:SS` and, only after seconds, a
/// fraction of one or more digits, and a final upper-case `Z`; that is
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]]Z`. The calendar is checked (month 01-12,
/// a day that exists in that month, February 29 only in Gregorian leap years,
/// year 0000 included; hour 00-23, minute and second 00-59).
///
/// # Examples
///
/// ```
/// use connect_webview_events::rules::check_datetime;
///
/// assert!(check_datetime("2025-01-01T00:00:00.000Z").is_ok());
/// assert!(check_datetime("2024-02-29T23:59:59Z").is_ok());
/// // Seconds are optional, as in zod.
/// assert!(check_datetime("2025-01-01T00:00Z").is_ok());
/// assert!(check_datetime("2024-02-29T23:59Z").is_ok());
/// assert_eq!(
///     check_datetime("2025-01-01T00:00.5Z").unwrap_err(),
///     "expected ':' or 'Z' at index 16, found '.' (a fraction is allowed only after seconds)"
/// );
/// assert_eq!(
///     check_datetime("2023-02-29T00:00:00Z").unwrap_err(),
///     "February 2023 has no day 29"
/// );
/// assert_eq!(
///     check_datetime("2025-01-01T00:00:00+01:00").unwrap_err(),
///     "a numeric offset is not allowed; the time must end with 'Z'"
/// );
/// ```
pub fn check_datetime(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    if is_datetime(b) {
        return Ok(());
    }
    let year = digits(b, 0, 4)?;
    expect(b, 4, b'-')?;
    let month = digits(b, 5, 2)?;
    expect(b, 7, b'-')?;
    let day = digits(b, 8, 2)?;
    expect(b, 10, b'T')?;
    let hour = digits(b, 11, 2)?;
    expect(b, 13, b':')?;
    let minute = digits(b, 14, 2)?;

    // The seconds are optional; a fraction may only follow them.
    let (second, mut end) = match b.get(16) {
        Some(b':') => (Some(digits(b, 17, 2)?), 19),
        Some(b'.') => {
            return Err("expected ':' or 'Z' at index 16, found '.' (a fraction is allowed only after seconds)".into())
        }
        _ => (None, 16),
    };
    if second.is_some() && b.get(end) == Some(&b'.') {
        end += 1;
        let fraction_start = end;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end == fraction_start {
            return Err(format!(
                "expected a digit after '.' at index {fraction_start}, found {}",
                found_at(s, fraction_start)
            ));
        }
    }
    match b.get(end) {
        Some(b'Z') if end + 1 == b.len() => {}
        Some(b'Z') => return Err(format!("unexpected {} after 'Z' at index {}", found_at(s, end + 1), end + 1)),
        Some(b'+' | b'-') => return Err("a numeric offset is not allowed; the time must end with 'Z'".into()),
        _ if second.is_none() => return Err(format!("expected ':' or 'Z' at index 16, found {}", found_at(s, 16))),
        _ => return Err(format!("expected 'Z' at index {end}, found {}", found_at(s, end))),
    }

    if !(1..=12).contains(&month) {
        return Err(format!("month {month:02} does not exist"));
    }
    let days = days_in_month(year, month);
    if !(1..=days).contains(&day) {
        return Err(format!("{} {year:04} has no day {day:02}", MONTH_NAMES[month as usize - 1]));
    }
    if hour > 23 {
        return Err(format!("hour {hour:02} does not exist (00-23)"));
    }
    if minute > 59 {
        return Err(format!("minute {minute:02} does not exist (00-59)"));
    }
    if let Some(second @ 60..) = second {
        return Err(format!("second {second:02} does not exist (00-59)"));
    }
    Ok(())
}

/// Checks a URL as the WHATWG URL Standard parses one (zod's `.url()` is
/// `new URL(value)`): natively with the `url` crate, which implements that
/// standard; in WebAssembly with the engine's own `URL`, so that the rule is
/// the one the JavaScript reference applies.
///
/// # Examples
///
/// ```
/// use connect_webview_events::rules::check_url;
///
/// assert!(check_url("https://example.com/a.jpg").is_ok());
/// assert!(check_url("foo:bar").is_ok());
/// assert_eq!(check_url("http://").unwrap_err(), "the WHATWG URL parser refuses it");
/// assert!(check_url("not a url").is_err());
/// ```
pub fn check_url(s: &str) -> Result<(), String> {
    if is_url(s) {
        Ok(())
    } else {
        Err("the WHATWG URL parser refuses it".to_string())
    }
}

/// [`check_url`] without the message.
pub(crate) fn is_url(s: &str) -> bool {
    if is_plain_web_url(s.as_bytes()) {
        return true;
    }
    // In wasm the engine's parser decides: the same standard, no parser in the wasm.
    #[cfg(target_arch = "wasm32")]
    return crate::wasm::url_parses(s);
    #[cfg(not(target_arch = "wasm32"))]
    return url::Url::parse(s).is_ok();
}

/// The usual URL, taken without asking a parser (in wasm, without a call out
/// to JavaScript): `http://` or `https://`, a host of ASCII letters, digits
/// and hyphens in non-empty labels, the last starting with a letter (so it is
/// not read as an IPv4 address) and none starting with `xn--` (which IDNA
/// checks), then nothing or `/`, `?` or `#` and printable ASCII, which the
/// WHATWG parser never refuses (it percent-encodes what needs it). A subset
/// of what the standard accepts: anything else (a port, say) goes to the parser.
fn is_plain_web_url(b: &[u8]) -> bool {
    let Some(rest) = b.strip_prefix(b"https://").or_else(|| b.strip_prefix(b"http://")) else { return false };
    let (mut label, mut at) = (0, 0);
    loop {
        match rest.get(at) {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-') => at += 1,
            end => {
                let name = &rest[label..at];
                if name.is_empty() || name.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--")) {
                    return false;
                }
                if end != Some(&b'.') {
                    if !name[0].is_ascii_alphabetic() {
                        return false;
                    }
                    break;
                }
                at += 1;
                label = at;
            }
        }
    }
    let rest = &rest[at..];
    rest.first().is_none_or(|c| matches!(c, b'/' | b'?' | b'#')) && rest.iter().all(|&c| (0x21..=0x7e).contains(&c))
}

/// The value of a JSON number's text (valid JSON, within a double's range),
/// as `JSON.parse` reads it: a short one such as `0.25` by
/// [`simple_number`], any other natively by Rust's exact parser and in
/// WebAssembly by the engine's `Number`, which leaves some 16 KB of parsing
/// out of the wasm (and the call out to JavaScript, with the text decoded
/// there, to the rare number).
pub(crate) fn number_value(text: &str) -> f64 {
    if let Some(value) = simple_number(text.as_bytes()) {
        return value;
    }
    #[cfg(target_arch = "wasm32")]
    return crate::wasm::number_value(text);
    #[cfg(not(target_arch = "wasm32"))]
    return text.parse().unwrap_or(f64::NAN);
}

/// A number with at most 15 digits and no exponent, such as `0.25` or `-12`,
/// exactly: its digits make an integer that a double holds exactly, and
/// dividing it by a power of ten that a double also holds exactly rounds
/// once, correctly (Clinger's fast path), as a full parser would. `None` for
/// any other number.
fn simple_number(b: &[u8]) -> Option<f64> {
    let (negative, digits) = match b.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, b),
    };
    let (mut mantissa, mut count, mut scale) = (0u64, 0, None);
    for (i, &d) in digits.iter().enumerate() {
        match d {
            // Past 15 digits, before the mantissa can overflow.
            b'0'..=b'9' if count == 15 => return None,
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(d - b'0');
                count += 1;
            }
            b'.' if scale.is_none() => scale = Some(digits.len() - i - 1),
            _ => return None,
        }
    }
    if count == 0 {
        return None;
    }
    const POWERS: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let value = mantissa as f64 / POWERS[scale.unwrap_or(0)];
    Some(if negative { -value } else { value })
}

/// Where a UUID has its hyphens, as bits.
const HYPHENS: u64 = 1 << 8 | 1 << 13 | 1 << 18 | 1 << 23;

/// The common case of [`check_uuid`], with no message to build: eight bytes
/// at a time, in five overlapping windows.
pub(crate) fn is_uuid(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    /// Per byte, the high bit if the byte is at least `n`; every byte must
    /// be ASCII, and `n` at most 0x80 (so that no byte borrows from the next).
    fn at_least(v: u64, n: u8) -> u64 {
        ((v | HIGH) - ONES * u64::from(n)) & HIGH
    }
    // Bytes `at..at + 8` hold hyphens where `hyphens` has high bits, and hex
    // digits everywhere else.
    let window = |at: usize, hyphens: u64| {
        let mut word = [0; 8];
        word.copy_from_slice(&b[at..at + 8]);
        let v = u64::from_le_bytes(word);
        let lower = v | (ONES * 0x20);
        let digit = at_least(v, b'0') & !at_least(v, b'9' + 1);
        let letter = at_least(lower, b'a') & !at_least(lower, b'f' + 1);
        let dash = !at_least(v ^ (ONES * u64::from(b'-')), 1) & HIGH;
        v & HIGH == 0 && (digit | letter) | hyphens == HIGH && dash & hyphens == hyphens
    };
    // The hyphens are at 8, 13, 18 and 23.
    let byte = |j: u32| 0x80u64 << (8 * j);
    b.len() == 36
        && window(0, 0)
        && window(8, byte(0) | byte(5))
        && window(16, byte(2) | byte(7))
        && window(24, 0)
        && window(28, 0)
}

/// The common case of [`check_datetime`], with no message to build: true
/// only for a date-time that the full check accepts. `YYYY-MM-DDTHH:MM` is
/// read as two words of eight bytes, each checked against its template with
/// no branch per byte; then come the `Z` at the end and, between, nothing,
/// `:SS`, or `:SS` and a fraction.
pub(crate) fn is_datetime(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Each word as a template: a digit as '0', a separator as itself.
    const DATE: u64 = u64::from_le_bytes(*b"0000-00-");
    const TIME: u64 = u64::from_le_bytes(*b"00T00:00");
    // Where the separators are in each word.
    const DATE_SEPARATORS: u64 = 0xff << 32 | 0xff << 56;
    const TIME_SEPARATORS: u64 = 0xff << 16 | 0xff << 40;
    let (Some(head), Some((&b'Z', tail))) = (b.get(..16), b.get(16..).and_then(<[u8]>::split_last)) else {
        return false;
    };
    // Between the minutes and the `Z`: the seconds are optional, and a
    // fraction (one or more digits) may only follow them.
    let seconds = match tail {
        [] | [b':', b'0'..=b'5', b'0'..=b'9'] => true,
        [b':', b'0'..=b'5', b'0'..=b'9', b'.', fraction @ ..] => {
            !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    };
    let word = |at: usize| {
        let mut word = [0; 8];
        word.copy_from_slice(&head[at..at + 8]);
        u64::from_le_bytes(word)
    };
    // XORed with its template, a digit becomes 0-9 and its separator 0;
    // every other byte becomes something else (XOR is one-to-one).
    let (date, time) = (word(0) ^ DATE, word(8) ^ TIME);
    // The high bit of any byte above 9: adding 0x76 sets it, and cannot
    // carry into the next byte unless a high bit was set already.
    let over_nine = (date | time | date.wrapping_add(ONES * 0x76) | time.wrapping_add(ONES * 0x76)) & HIGH;
    let digit = |v: u64, i: u32| (v >> (8 * i)) as u32 & 0xff;
    let two = |v: u64, i: u32| digit(v, i) * 10 + digit(v, i + 1);
    let (year, month, day) = (two(date, 0) * 100 + two(date, 2), two(date, 5), two(time, 0));
    seconds
        && (over_nine | (date & DATE_SEPARATORS) | (time & TIME_SEPARATORS)) == 0
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
        && two(time, 3) <= 23
        && two(time, 6) <= 59
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days in `month` (1-12) of `year` in the proleptic Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads `count` ASCII digits at `start` as a number.
fn digits(b: &[u8], start: usize, count: usize) -> Result<u32, String> {
    let mut value = 0;
    for index in start..start + count {
        match b.get(index) {
            Some(d) if d.is_ascii_digit() => value = value * 10 + u32::from(d - b'0'),
            _ => return Err(format!("expected a digit at index {index}, found {}", found_at_bytes(b, index))),
        }
    }
    Ok(value)
}

fn expect(b: &[u8], index: usize, want: u8) -> Result<(), String> {
    if b.get(index) == Some(&want) {
        Ok(())
    } else {
        Err(format!("expected '{}' at index {index}, found {}", want as char, found_at_bytes(b, index)))
    }
}

/// The character at byte `index`, quoted, or "the end".
fn found_at(s: &str, index: usize) -> String {
    found_at_bytes(s.as_bytes(), index)
}

fn found_at_bytes(b: &[u8], index: usize) -> String {
    if index >= b.len() {
        return "the end".into();
    }
    // Every byte before `index` was ASCII (digits and separators were checked
    // in order), so `index` starts a character.
    match std::str::from_utf8(&b[index..]).ok().and_then(|rest| rest.chars().next()) {
        Some(c) => quote_char(c),
        None => format!("byte 0x{:02x}", b[index]),
    }
}

#[cfg(test)]
mod tests {
    use super::simple_number;

    /// Every URL the shortcut takes, the standard's parser takes too; and
    /// the shortcut takes the usual ones.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_plain_web_url_shortcut_is_a_subset_of_the_standard() {
        // Here, not with the module's imports: natively only, as `url` is.
        use super::is_plain_web_url;

        let taken = [
            "https://example.com/event/image.jpg",
            "http://a.b-c.de/x?y=1#z",
            "https://EXAMPLE.com",
            "https://x1.example/",
            "https://a/",
            "http://x.y",
        ];
        for url in taken {
            assert!(is_plain_web_url(url.as_bytes()), "{url}");
        }
        let mut probes: Vec<String> = taken.iter().map(|s| s.to_string()).collect();
        probes.extend(
            [
                "http://",
                "https://1.2.3.4.5/",
                "http://example.123",
                "http://xn--a.com",
                "http://a..b",
                "http://x:65535",
                "http://x:65536",
                "http://x:",
                "http://x:0x1",
                "https://a b",
                "http://-a-.b",
                "http://0x1",
                "http://user@x.y",
                "http://x.y.",
                "http://[::1]",
                "http://x_y.z",
                "https://x.y/ path",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        for url in taken {
            for at in 0..url.len() {
                for c in ['.', ':', '/', '0', '9', 'x', '-', '@', '%', ' ', '#'] {
                    let mut changed = url.to_string();
                    changed.replace_range(at..at + 1, &c.to_string());
                    probes.push(changed);
                }
            }
        }
        for url in &probes {
            if is_plain_web_url(url.as_bytes()) {
                assert!(url::Url::parse(url).is_ok(), "the shortcut took {url:?}, which the standard refuses");
            }
        }
    }

    #[test]
    fn simple_numbers_are_read_exactly() {
        let mut texts: Vec<String> =
            ["0", "-0", "1", "0.5", "1.0", "0.1", "0.3", "-12.25", "999999999999999", "0.00000000000001"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        // Digits that round near halfway, and every length up to the limit.
        for digits in 1..=15 {
            for seed in [1u64, 7, 123_456_789, 999_999_999_999_999] {
                let m = seed % 10u64.pow(digits);
                for scale in 0..=digits as usize {
                    let s = format!("{m:0width$}", width = digits as usize);
                    let (int, frac) = s.split_at(s.len() - scale);
                    texts.push(if scale == 0 {
                        int.to_string()
                    } else {
                        format!("{}.{frac}", if int.is_empty() { "0" } else { int })
                    });
                }
            }
        }
        for text in &texts {
            let exact: f64 = text.parse().unwrap();
            let digits = text.bytes().filter(u8::is_ascii_digit).count();
            let expected = (digits <= 15).then_some(exact.to_bits());
            assert_eq!(simple_number(text.as_bytes()).map(f64::to_bits), expected, "{text}");
        }
        // 20 digits and more would overflow a u64 mantissa (a panic in a
        // debug build, found by the fuzz corpus).
        let long = ["123456789012345678901234567890", "-99999999999999999999.5", "0.000000000000000000001"];
        for other in ["1e5", "1234567890123456", "0.1234567890123456", "", "-", "."].into_iter().chain(long) {
            assert_eq!(simple_number(other.as_bytes()), None, "{other}");
        }
    }

    use super::*;

    /// The fast paths accept exactly what the full checks accept, on valid
    /// values and on every one-byte change and cut of them.
    #[test]
    fn the_fast_paths_agree_with_the_full_checks() {
        let uuids = ["00000000-0000-0000-0000-000000000000", "6BA7B810-9dad-11d1-80b4-00c04fd430c8"];
        let datetimes = [
            "2024-02-29T23:59:59Z",
            "2025-01-01T00:00:00.000Z",
            "1900-02-28T12:30:45.123456789Z",
            "0000-12-31T00:00:00.5Z",
            // Without seconds, as zod allows.
            "2025-01-01T00:00Z",
            "2024-02-29T23:59Z",
            "0000-02-29T09:30Z",
        ];
        let changes = b"0129afAFgG-T:.Z+ \x00\xc3";
        for (samples, fast, full) in [
            (&uuids[..], is_uuid as fn(&[u8]) -> bool, check_uuid as fn(&str) -> Result<(), String>),
            (&datetimes[..], is_datetime, check_datetime),
        ] {
            for sample in samples {
                let bytes = sample.as_bytes();
                let mut variants: Vec<Vec<u8>> = (0..=bytes.len()).map(|end| bytes[..end].to_vec()).collect();
                for at in 0..bytes.len() {
                    for &c in changes {
                        let mut changed = bytes.to_vec();
                        changed[at] = c;
                        variants.push(changed);
                        // And inserted, which shifts what follows (the
                        // seconds-less form is three bytes shorter).
                        let mut inserted = bytes.to_vec();
                        inserted.insert(at, c);
                        variants.push(inserted);
                    }
                    // One, two and three bytes deleted (":SS" among them).
                    for len in 1..=3 {
                        let mut deleted = bytes.to_vec();
                        deleted.drain(at..(at + len).min(bytes.len()));
                        variants.push(deleted);
                    }
                    // A two-byte character in place of two bytes.
                    let mut changed = bytes.to_vec();
                    changed.splice(at..(at + 2).min(bytes.len()), "é".bytes());
                    variants.push(changed);
                }
                for variant in variants {
                    let Ok(text) = std::str::from_utf8(&variant) else { continue };
                    assert_eq!(fast(&variant), full(text).is_ok(), "{text:?}");
                }
            }
        }
    }

    /// Every ending of up to six bytes after `YYYY-MM-DDTHH:MM`, over the
    /// bytes that matter there: the fast path, the full check and the rule
    /// as zod's regular expression states it, `(:[0-5]\d(\.\d+)?)?Z$`,
    /// all agree.
    #[test]
    fn every_short_ending_after_the_minutes_follows_zods_rule() {
        let alphabet = b":.Z0569z";
        let zod = |tail: &[u8]| {
            let Some((&b'Z', middle)) = tail.split_last() else { return false };
            match middle {
                [] | [b':', b'0'..=b'5', b'0'..=b'9'] => true,
                [b':', b'0'..=b'5', b'0'..=b'9', b'.', fraction @ ..] => {
                    !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit)
                }
                _ => false,
            }
        };
        let mut tails = vec![Vec::new()];
        let mut checked = 0;
        for _ in 0..=6 {
            let mut longer = Vec::new();
            for tail in &tails {
                let text = format!("2024-02-29T23:59{}", std::str::from_utf8(tail).unwrap());
                let expected = zod(tail);
                assert_eq!(check_datetime(&text).is_ok(), expected, "{text:?}: {:?}", check_datetime(&text));
                assert_eq!(is_datetime(text.as_bytes()), expected, "{text:?}");
                checked += 1;
                for &c in alphabet {
                    let mut next = tail.clone();
                    next.push(c);
                    longer.push(next);
                }
            }
            tails = longer;
        }
        assert_eq!(checked, (0..=6).map(|n| alphabet.len().pow(n)).sum::<usize>());
    }

    #[test]
    fn uuid_table() {
        let ok = [
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "6BA7B810-9dad-11D1-80b4-00C04FD430C8",
        ];
        for s in ok {
            assert_eq!(check_uuid(s), Ok(()), "{s}");
        }
        let bad = [
            ("", "it has 0 characters, not 36"),
            ("6ba7b8109dad11d180b400c04fd430c8", "it has 32 characters, not 36"),
            ("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "it has 38 characters, not 36"),
            ("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "it has 45 characters, not 36"),
            ("6ba7b810_9dad-11d1-80b4-00c04fd430c8", "expected '-' at index 8, found '_'"),
            ("6ba7b8109-dad-11d1-80b4-00c04fd430c8", "expected '-' at index 8, found '9'"),
            ("6ba7b810-9dad-11d1-80b4-00c04fd430c ", "character ' ' at index 35 is not a hex digit"),
            ("6ba7b810-9dad-11d1-80b4-00c04fd430cé", "character 'é' at index 35 is not a hex digit"),
            (" 6ba7b810-9dad-11d1-80b4-00c04fd430c", "character ' ' at index 0 is not a hex digit"),
        ];
        for (s, why) in bad {
            assert_eq!(check_uuid(s), Err(why.to_string()), "{s}");
        }
    }

    #[test]
    fn datetime_table() {
        let ok = [
            "2025-01-01T00:00:00Z",
            "2025-01-01T00:00:00.000Z",
            "2025-01-01T00:00:00.1Z",
            "2025-12-31T23:59:59.123456789Z",
            "2000-02-29T12:00:00Z",
            "2024-02-29T12:00:00Z",
            "0000-02-29T00:00:00Z",
            "2025-04-30T00:00:00Z",
            // zod's seconds are optional.
            "2025-01-01T00:00Z",
            "2024-02-29T23:59Z",
            "2000-02-29T12:00Z",
            "0000-02-29T00:00Z",
            "9999-12-31T23:59Z",
        ];
        for s in ok {
            assert_eq!(check_datetime(s), Ok(()), "{s}");
            assert!(is_datetime(s.as_bytes()), "{s}");
        }
        let bad = [
            ("", "expected a digit at index 0, found the end"),
            ("2025-01-01", "expected 'T' at index 10, found the end"),
            ("2025-01-01 00:00:00Z", "expected 'T' at index 10, found ' '"),
            ("2025-01-01t00:00:00Z", "expected 'T' at index 10, found 't'"),
            ("2025-01-01T00:00:00z", "expected 'Z' at index 19, found 'z'"),
            ("2025-01-01T00:00:00", "expected 'Z' at index 19, found the end"),
            ("2025-01-01T00:00:0Z", "expected a digit at index 18, found 'Z'"),
            ("2025-01-01T00:00:Z", "expected a digit at index 17, found 'Z'"),
            ("2025-01-01T00:00:00+01:00", "a numeric offset is not allowed; the time must end with 'Z'"),
            ("2025-01-01T00:00:00.000-05:00", "a numeric offset is not allowed; the time must end with 'Z'"),
            ("2025-01-01T00:00:00.Z", "expected a digit after '.' at index 20, found 'Z'"),
            ("2025-01-01T00:00:00ZZ", "unexpected 'Z' after 'Z' at index 20"),
            ("2025-01-01T00:00:00Z\n", "unexpected '\\n' after 'Z' at index 20"),
            ("25-01-01T00:00:00Z", "expected a digit at index 2, found '-'"),
            ("+2025-01-01T00:00:00Z", "expected a digit at index 0, found '+'"),
            ("２025-01-01T00:00:00Z", "expected a digit at index 0, found '２'"),
            ("2025-13-01T00:00:00Z", "month 13 does not exist"),
            ("2025-00-01T00:00:00Z", "month 00 does not exist"),
            ("2025-01-00T00:00:00Z", "January 2025 has no day 00"),
            ("2025-01-32T00:00:00Z", "January 2025 has no day 32"),
            ("2025-04-31T00:00:00Z", "April 2025 has no day 31"),
            ("2023-02-29T00:00:00Z", "February 2023 has no day 29"),
            ("1900-02-29T00:00:00Z", "February 1900 has no day 29"),
            ("2024-02-30T00:00:00Z", "February 2024 has no day 30"),
            ("2025-01-01T24:00:00Z", "hour 24 does not exist (00-23)"),
            ("2025-01-01T00:60:00Z", "minute 60 does not exist (00-59)"),
            ("2025-01-01T00:00:60Z", "second 60 does not exist (00-59)"),
            // Without seconds.
            ("2023-02-29T23:59Z", "February 2023 has no day 29"),
            ("1900-02-29T00:00Z", "February 1900 has no day 29"),
            (
                "2025-01-01T00:00.5Z",
                "expected ':' or 'Z' at index 16, found '.' (a fraction is allowed only after seconds)",
            ),
            (
                "2025-01-01T00:00.Z",
                "expected ':' or 'Z' at index 16, found '.' (a fraction is allowed only after seconds)",
            ),
            ("2025-01-01T0:00Z", "expected a digit at index 12, found ':'"),
            ("2025-01-01T00:0Z", "expected a digit at index 15, found 'Z'"),
            ("2025-01-01T00Z", "expected ':' at index 13, found 'Z'"),
            ("2025-01-01T24:00Z", "hour 24 does not exist (00-23)"),
            ("2025-01-01T00:60Z", "minute 60 does not exist (00-59)"),
            ("2025-01-01T00:00", "expected ':' or 'Z' at index 16, found the end"),
            ("2025-01-01T00:00+01:00", "a numeric offset is not allowed; the time must end with 'Z'"),
            ("2025-01-01T00:00-05:00", "a numeric offset is not allowed; the time must end with 'Z'"),
            ("2025-01-01T00:00z", "expected ':' or 'Z' at index 16, found 'z'"),
            ("2025-01-01t00:00Z", "expected 'T' at index 10, found 't'"),
            ("2025-01-01 00:00Z", "expected 'T' at index 10, found ' '"),
            ("2025-01-01T00:00ZZ", "unexpected 'Z' after 'Z' at index 17"),
            ("2025-01-01T00:00 Z", "expected ':' or 'Z' at index 16, found ' '"),
            ("2025-01-01T00:00é", "expected ':' or 'Z' at index 16, found 'é'"),
        ];
        for (s, why) in bad {
            assert_eq!(check_datetime(s), Err(why.to_string()), "{s}");
            assert!(!is_datetime(s.as_bytes()), "{s}");
        }
    }
}
