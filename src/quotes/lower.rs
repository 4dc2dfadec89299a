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

/// The eight bytes of `bytes` from `at` as a little-endian number (0 past the end).
pub(super) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_le_bytes)
}

/// The four bytes of `bytes` from `at` as a little-endian number (0 past the end).
pub(super) fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, u32::from_le_bytes)
}

/// Whether ASCII `bytes` hold a capital letter, read eight (or four) at a time: a byte
/// gets its top bit from `+ 0x3F` when it is `A` or above, and from `+ 0x25` when it is
/// above `Z` (no ASCII byte carries into the next; bytes past the word are 0).
fn has_ascii_capital(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let capitals = |x: u64| (x + ONES * 0x3F) & !(x + ONES * 0x25) & (ONES * 0x80) != 0;
    let u64_at = |at: usize| u64_at(bytes, at);
    let u32_at = |at: usize| u64::from(u32_at(bytes, at));
    let n = bytes.len();
    match n {
        // The last eight bytes may overlap the eight before: each byte is read alone.
        8.. => (0..n / 8).any(|k| capitals(u64_at(8 * k))) || capitals(u64_at(n - 8)),
        4..8 => capitals(u32_at(0) | u32_at(n - 4) << 32),
        _ => capitals(
            bytes
                .iter()
                .enumerate()
                .fold(0, |x, (k, &b)| x | u64::from(b) << (8 * k)),
        ),
    }
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
        if has_ascii_capital(word.as_bytes()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Reading eight bytes at a time finds a capital exactly when a byte scan does,
        /// and the lower case of an ASCII word is `str::to_lowercase`'s.
        #[test]
        fn capitals_are_found_as_byte_by_byte(word in "[ -~]{0,40}") {
            let scan = word.bytes().any(|b| b.is_ascii_uppercase());
            proptest::prop_assert_eq!(has_ascii_capital(word.as_bytes()), scan);
            let lower = Lower::of_ascii(&word);
            proptest::prop_assert_eq!(lower.as_str(), word.to_lowercase());
        }
    }
}
