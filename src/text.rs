//! Small string helpers, written for a small WebAssembly build: splitting at
//! an ASCII byte and counting characters without the standard library's
//! pattern searchers, which add kilobytes there.

/// How many characters `s` has: its bytes that do not continue a character.
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| begins_char(b)).count()
}

/// Whether UTF-8 byte `b` begins a character (is not a continuation byte).
pub(crate) fn begins_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The bytes of a key of fewer than eight bytes as a little-endian word,
/// zeros after them: what copying them into `[0; 8]` gives, without the
/// copy of a variable length, which is a call to `memcpy` natively and a
/// `memory.copy` in WebAssembly (an out-of-line call in V8).
pub(crate) fn short_word(key: &[u8]) -> u64 {
    let len = key.len();
    debug_assert!(len < 8);
    let byte = |at: usize| u64::from(key[at]);
    let quad = |at: usize| u64::from(u32::from_le_bytes([key[at], key[at + 1], key[at + 2], key[at + 3]]));
    match len {
        0 => 0,
        1 => byte(0),
        2 => byte(0) | byte(1) << 8,
        3 => byte(0) | byte(1) << 8 | byte(2) << 16,
        // Bytes 4 to len - 1 are the last four shifted down past those
        // that overlap the first four.
        _ => quad(0) | (quad(len - 4) >> (8 * (8 - len))) << 32,
    }
}

/// Whether `a` and `b` are the same bytes, compared eight at a time
/// (WebAssembly's `memcmp` goes a byte at a time).
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| {
        let mut w = [0; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_le_bytes(w)
    };
    if a.len() < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    // Whole words, then the last eight bytes (overlapping the words before).
    let mut at = 0;
    while at + 8 < a.len() {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, a.len() - 8) == word(b, b.len() - 8)
}

/// The index of the first byte from `from` on that may end or interrupt a
/// JSON string: `"`, `\`, a control character, or (with `non_ascii`) a byte
/// of a character beyond ASCII; `bytes.len()` if there is none. Eight bytes
/// at a time where it can.
#[inline]
pub(crate) fn string_stop(bytes: &[u8], from: usize, non_ascii: bool) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        let quote = v ^ (ONES * u64::from(b'"'));
        let backslash = v ^ (ONES * u64::from(b'\\'));
        // The lowest flagged byte is exact; later ones may be false alarms.
        let found = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (v.wrapping_sub(ONES * 0x20) & !v)
            | if non_ascii { v } else { 0 };
        let found = found & HIGH;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'\\' | 0..=0x1f) && !(non_ascii && bytes[i] >= 0x80) {
        i += 1;
    }
    i
}

/// `s` split at each `sep` (an ASCII byte, so every piece is whole text).
pub(crate) fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = text.get(i + 1..);
                text.get(..i)
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// `s` before and after its first `sep` (an ASCII byte).
pub(crate) fn split_once_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_is_the_bytes_zero_padded() {
        let bytes = b"\x01\x80\xffabcd";
        for len in 0..8 {
            let mut padded = [0; 8];
            padded[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(short_word(&bytes[..len]), u64::from_le_bytes(padded), "{len}");
        }
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(char_count("aé😀"), 3);
        assert_eq!(char_count(""), 0);
    }

    #[test]
    fn same_compares_every_byte() {
        let name = b"connect_webview.login_succeeded";
        // Every length, so that each way of splitting into words is tried.
        for len in 0..=name.len() {
            let name = &name[..len];
            let copy = name.to_vec();
            assert!(same(name, &copy), "{len}");
            for at in 0..len {
                let mut changed = name.to_vec();
                changed[at] ^= 1;
                assert!(!same(name, &changed), "{len} {at}");
            }
            if len > 0 {
                assert!(!same(name, &name[1..]) && !same(&name[1..], name), "{len}");
            }
        }
    }

    #[test]
    fn string_stop_finds_the_first_byte_that_ends_plain_text() {
        let text = b"0123456789abcdef0123456789abcdef";
        assert_eq!(string_stop(text, 0, true), text.len());
        for at in 0..text.len() {
            for (b, non_ascii, stops) in [
                (b'"', false, true),
                (b'\\', false, true),
                (0x1f, false, true),
                (0x7f, true, false),
                (0x80, false, false),
                (0x80, true, true),
                (0xff, true, true),
            ] {
                let mut changed = text.to_vec();
                changed[at] = b;
                let expected = if stops { at } else { text.len() };
                for from in [0, at] {
                    assert_eq!(string_stop(&changed, from, non_ascii), expected, "{b:#x} at {at} from {from}");
                }
            }
        }
    }

    #[test]
    fn splits_at_every_separator() {
        assert_eq!(split_byte("a\nb\n", b'\n').collect::<Vec<_>>(), ["a", "b", ""]);
        assert_eq!(split_byte("", b'\n').collect::<Vec<_>>(), [""]);
        assert_eq!(split_byte("é é", b' ').collect::<Vec<_>>(), ["é", "é"]);
        assert_eq!(split_once_byte("svix-id", b'-'), Some(("svix", "id")));
        assert_eq!(split_once_byte("a-b-c", b'-'), Some(("a", "b-c")));
        assert_eq!(split_once_byte("svix", b'-'), None);
    }
}
