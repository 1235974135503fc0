//! JSON Pointers (RFC 6901) to the value an issue is about.
//!
//! While walking a document the decoder keeps the path as a chain of
//! [`Pointer`] links on the stack, so that the success path never allocates;
//! the text form is built only when an issue is reported.

use std::fmt::{self, Write};

/// One step of a path: an object member or an array element.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// A path from the root, as a linked chain of steps that lives on the stack.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pointer<'a> {
    parent: Option<&'a Pointer<'a>>,
    step: Option<Step<'a>>,
}

impl<'a> Pointer<'a> {
    /// The root: the empty pointer `""`.
    pub(crate) const ROOT: Pointer<'static> = Pointer { parent: None, step: None };

    /// The pointer to member `key` of the object this points at.
    pub(crate) fn key(&'a self, key: &'a str) -> Pointer<'a> {
        Pointer { parent: Some(self), step: Some(Step::Key(key)) }
    }

    /// The pointer to element `index` of the array this points at.
    pub(crate) fn index(&'a self, index: usize) -> Pointer<'a> {
        Pointer { parent: Some(self), step: Some(Step::Index(index)) }
    }

    fn write_to(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write_to(out);
        }
        match self.step {
            None => {}
            Some(Step::Key(key)) => {
                out.push('/');
                push_escaped(out, key);
            }
            Some(Step::Index(index)) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "/{index}");
            }
        }
    }
}

impl fmt::Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

/// The pointer `"/key"` to a member of the root object.
pub(crate) fn member(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 1);
    out.push('/');
    push_escaped(&mut out, key);
    out
}

/// Appends `key` with `~` written as `~0` and `/` as `~1`.
fn push_escaped(out: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_the_empty_string() {
        assert_eq!(Pointer::ROOT.to_string(), "");
    }

    #[test]
    fn nested_steps_are_joined_with_slashes() {
        let root = Pointer::ROOT;
        let metadata = root.key("connected_account_custom_metadata");
        let item = metadata.index(3);
        let leaf = item.key("vip");
        assert_eq!(leaf.to_string(), "/connected_account_custom_metadata/3/vip");
    }

    #[test]
    fn tilde_and_slash_are_escaped() {
        let root = Pointer::ROOT;
        assert_eq!(root.key("a/b~c").to_string(), "/a~1b~0c");
        assert_eq!(member("~/"), "/~0~1");
        assert_eq!(root.key("").to_string(), "/");
    }
}
