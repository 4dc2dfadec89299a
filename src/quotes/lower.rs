//! A word in lower case, made once and borrowed when it can be.
//!
//! Decides only how a word is lower-cased (exactly [`str::to_lowercase`]) and how the
//! result is held; it reads no word list and knows nothing of tokens, so the word lists
//! ([`super::wordset`]) and the tokens ([`super::tokens`]) can both use it.

use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;

/// A word in lower case: borrowed from the word when lower-casing leaves it as it is,
/// else made inline (short words) or on the heap.
#[derive(Clone)]
pub struct Lower<'a>(LowerText<'a>);

#[derive(Clone)]
enum LowerText<'a> {
    Same(&'a str),
    Made(CompactString),
}

/// True when [`str::to_lowercase`] leaves the character as it is.
fn lowers_to_itself(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

impl<'a> Lower<'a> {
    /// The lower case of `word` (exactly [`str::to_lowercase`]).
    pub fn of(word: &'a str) -> Self {
        // Most words: ASCII without capitals, read once.
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return Lower(LowerText::Same(word));
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            // Only `Σ` lowers by context; it never lowers to itself, so a word whose
            // every character lowers to itself is its own lower case.
            if word.is_ascii() || word.chars().all(lowers_to_itself) {
                return Lower(LowerText::Same(word));
            }
        } else if word.is_ascii() {
            let mut made = CompactString::from(word);
            made.make_ascii_lowercase();
            return Lower(LowerText::Made(made));
        }
        Lower(LowerText::Made(CompactString::from(word.to_lowercase())))
    }

    /// The lower case of `word`, known to be ASCII.
    pub(super) fn of_ascii(word: &'a str) -> Self {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            let mut made = CompactString::from(word);
            made.make_ascii_lowercase();
            Lower(LowerText::Made(made))
        } else {
            Lower(LowerText::Same(word))
        }
    }

    /// The lower-case word.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerText::Same(s) => s,
            LowerText::Made(s) => s.as_str(),
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower<'_> {}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Lower<'_>> for String {
    fn from(lower: Lower<'_>) -> String {
        lower.as_str().to_string()
    }
}

impl From<&Lower<'_>> for String {
    fn from(lower: &Lower<'_>) -> String {
        lower.as_str().to_string()
    }
}
