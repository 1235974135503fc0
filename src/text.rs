//! Small string helpers, written for a small WebAssembly build: splitting at
//! an ASCII byte and counting characters without the standard library's
//! pattern searchers, which add kilobytes there.

/// How many characters `s` has: its bytes that do not continue a character.
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
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
    fn counts_characters_not_bytes() {
        assert_eq!(char_count("aé😀"), 3);
        assert_eq!(char_count(""), 0);
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
