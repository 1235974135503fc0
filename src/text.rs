//! Small string helpers, written for a small WebAssembly build: splitting at
//! an ASCII byte and counting characters without the standard library's
//! pattern searchers, which add kilobytes there.

/// How many characters `s` has: its bytes that do not continue a character.
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// Whether `a` and `b` are the same text, compared eight bytes at a time
/// (WebAssembly's `memcmp` goes a byte at a time).
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| {
        let mut w = [0; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let mut at = 0;
    while at + 8 <= a.len() {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    a[at..].iter().zip(&b[at..]).all(|(x, y)| x == y)
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
    fn same_compares_every_byte() {
        let name = "connect_webview.login_succeeded";
        assert!(same(name, name) && same("", ""));
        for at in 0..name.len() {
            let mut changed = name.as_bytes().to_vec();
            changed[at] ^= 1;
            assert!(!same(name, std::str::from_utf8(&changed).unwrap()), "{at}");
        }
        assert!(!same(name, &name[1..]) && !same("a", "b"));
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
