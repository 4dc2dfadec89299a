//! A paragraph as the quote finder reads it.
//!
//! Quotes are found and attributed in byte offsets into the paragraph's text (always at
//! character boundaries), so nothing is split into characters; a [`Quote`]'s offsets
//! are in characters, and are converted only when a quote is written out.
//!
//! A conversion costs a bounded number of bytes read however long the paragraph (a page
//! may be one paragraph of thousands of quotes): the characters before every
//! [`BLOCK`]-th byte are counted once, on the first conversion.
//!
//! [`Quote`]: crate::model::Quote

use std::cell::OnceCell;

/// Bytes between two counts of characters kept for [`Paragraph::char_offset`].
const BLOCK: usize = 256;

/// One paragraph of a story.
#[derive(Clone, Debug)]
pub struct Paragraph<'a> {
    /// The text.
    pub text: &'a str,
    /// The characters before byte `k * BLOCK`, for every `k`; empty when the text is
    /// ASCII (a byte is a character). Counted on the first conversion.
    chars_before: OnceCell<Vec<usize>>,
}

/// Whether a byte opens a character in UTF-8 (is no continuation byte).
fn opens_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// How many bytes of `bytes` open a character, read eight at a time: a continuation
/// byte is `10xxxxxx`, its top bit set and the next one clear.
fn chars_in(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let x = chunk.try_into().map_or(0, u64::from_le_bytes);
        // One in the low bit of each continuation byte; their sum lands in the top byte.
        let flags = (x & !(x << 1)) >> 7 & ONES;
        continuations += (flags.wrapping_mul(ONES) >> 56) as usize;
    }
    let rest = chunks.remainder();
    bytes.len() - rest.len() - continuations + rest.iter().filter(|&&b| opens_char(b)).count()
}

impl<'a> Paragraph<'a> {
    /// Reads the paragraph `text`.
    pub fn new(text: &'a str) -> Self {
        Paragraph {
            text,
            chars_before: OnceCell::new(),
        }
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the paragraph has no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text of bytes `a..b` (empty when `b` is not after `a`, or either is not at a
    /// character boundary).
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if b <= a {
            return "";
        }
        self.text.get(a..b.min(self.text.len())).unwrap_or("")
    }

    /// The character offset of byte offset `at` (the length in characters past the end,
    /// or when `at` is not at a character boundary).
    pub fn char_offset(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let at = if self.text.is_char_boundary(at) {
            at
        } else {
            bytes.len()
        };
        let table = self.chars_before.get_or_init(|| {
            super::work::count(bytes.len());
            if self.text.is_ascii() {
                return Vec::new();
            }
            let mut counts = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut chars = 0;
            for block in bytes.chunks(BLOCK) {
                counts.push(chars);
                chars += chars_in(block);
            }
            counts.push(chars);
            counts
        });
        if table.is_empty() {
            return at;
        }
        let from = at / BLOCK * BLOCK;
        super::work::count(at - from);
        table[at / BLOCK] + chars_in(&bytes[from..at])
    }
}

impl AsRef<str> for Paragraph<'_> {
    fn as_ref(&self) -> &str {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_bytes_and_counts_characters() {
        let p = Paragraph::new("Élan: “Oui.” dit-il");
        assert_eq!(p.len(), 24);
        assert_eq!(p.slice(7, 17), "“Oui.”");
        assert_eq!(p.slice(18, 24), "dit-il");
        assert_eq!(p.slice(18, 99), "dit-il");
        assert_eq!(p.slice(0, 5), "Élan");
        assert_eq!(p.slice(5, 3), "");
        // Not at a character boundary: nothing rather than a panic.
        assert_eq!(p.slice(1, 5), "");
        assert_eq!(p.char_offset(7), 6);
        assert_eq!(p.char_offset(17), 12);
        assert_eq!(p.char_offset(99), 19);
        let ascii = Paragraph::new("\"Yes,\" he said.");
        assert_eq!(ascii.slice(1, 4), "Yes");
        assert_eq!(ascii.char_offset(4), 4);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Counting eight bytes at a time counts what a byte-by-byte count does.
        #[test]
        fn eight_bytes_at_a_time_count_the_characters(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
        ) {
            let one_by_one = bytes.iter().filter(|&&b| opens_char(b)).count();
            proptest::prop_assert_eq!(chars_in(&bytes), one_by_one);
        }
    }

    #[test]
    fn character_offsets_agree_with_counting_over_blocks() {
        let text = "Zoë said: «ça va» — ".repeat(40);
        let p = Paragraph::new(&text);
        for at in 0..=text.len() + 3 {
            let want = match text.get(..at) {
                Some(head) => head.chars().count(),
                None => text.chars().count(),
            };
            assert_eq!(p.char_offset(at), want, "at byte {at}");
        }
    }
}
