//! A paragraph as the quote finder reads it.
//!
//! Quotes are found and attributed in byte offsets into the paragraph's text (always at
//! character boundaries), so nothing is split into characters; a [`Quote`]'s offsets
//! are in characters, and are converted only when a quote is written out.
//!
//! [`Quote`]: crate::model::Quote

/// One paragraph of a story.
#[derive(Clone, Debug)]
pub struct Paragraph<'a> {
    /// The text.
    pub text: &'a str,
}

impl<'a> Paragraph<'a> {
    /// Reads the paragraph `text`.
    pub fn new(text: &'a str) -> Self {
        Paragraph { text }
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

    /// The character offset of byte offset `at` (the length in characters past the end).
    pub fn char_offset(&self, at: usize) -> usize {
        let head = self
            .text
            .get(..at.min(self.text.len()))
            .unwrap_or(self.text);
        if head.is_ascii() {
            head.len()
        } else {
            head.chars().count()
        }
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
}
