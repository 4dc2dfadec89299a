//! A paragraph as the quote finder reads it: its text, and its characters when it holds
//! a mark that may open a quote.
//!
//! Quotes are found character by character, and every offset the finder gives is in
//! characters; but most paragraphs quote nobody, and only their prose is read, as words
//! borrowed from the text. So only a paragraph with a quote mark is split into
//! characters, and only a paragraph with a quote mark and letters beyond ASCII keeps a
//! table from character offsets to byte offsets.

/// One paragraph of a story.
#[derive(Clone, Debug)]
pub struct Paragraph<'a> {
    /// The text.
    pub text: &'a str,
    /// Its characters when it holds a mark that may open a quote
    /// ([`may_open_quote`](super::may_open_quote)), else empty.
    pub chars: Vec<char>,
    /// The byte offset of every character and of the end, when it holds such a mark and
    /// is not all ASCII; else empty.
    bytes: Vec<usize>,
    /// Its length in characters.
    pub len: usize,
}

impl<'a> Paragraph<'a> {
    /// Reads the paragraph `text`.
    pub fn new(text: &'a str) -> Self {
        let quoted = super::may_open_quote(text);
        let ascii = text.is_ascii();
        let mut chars = Vec::new();
        let mut bytes = Vec::new();
        if quoted && ascii {
            chars = text.bytes().map(char::from).collect();
        } else if quoted {
            chars.reserve(text.len());
            bytes.reserve(text.len() + 1);
            for (at, c) in text.char_indices() {
                chars.push(c);
                bytes.push(at);
            }
            bytes.push(text.len());
        }
        let len = if ascii {
            text.len()
        } else if quoted {
            chars.len()
        } else {
            text.chars().count()
        };
        Paragraph {
            text,
            chars,
            bytes,
            len,
        }
    }

    /// True when the paragraph holds a mark that may open a quote.
    pub fn may_quote(&self) -> bool {
        !self.chars.is_empty()
    }

    /// The byte offset of character offset `at` (the end of the text past its end).
    fn byte(&self, at: usize) -> usize {
        if at == 0 {
            0
        } else if at >= self.len {
            self.text.len()
        } else if self.len == self.text.len() {
            at
        } else if let Some(&b) = self.bytes.get(at) {
            b
        } else {
            self.text
                .char_indices()
                .nth(at)
                .map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// The text of characters `a..b` (empty when `b` is not after `a`).
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if b <= a {
            return "";
        }
        self.text.get(self.byte(a)..self.byte(b)).unwrap_or("")
    }
}

impl AsRef<[char]> for Paragraph<'_> {
    fn as_ref(&self) -> &[char] {
        &self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_characters() {
        let p = Paragraph::new("Élan: “Oui.” dit-il");
        assert!(p.may_quote());
        assert_eq!(p.len, 19);
        assert_eq!(p.slice(6, 12), "“Oui.”");
        assert_eq!(p.slice(13, 19), "dit-il");
        assert_eq!(p.slice(0, 4), "Élan");
        assert_eq!(p.slice(5, 3), "");
        assert_eq!(p.slice(13, 99), "dit-il");
    }

    #[test]
    fn prose_without_quote_marks_is_not_split_into_characters() {
        let p = Paragraph::new("Ève arrived on Monday.");
        assert!(!p.may_quote());
        assert!(p.chars.is_empty());
        assert_eq!(p.len, 22);
        assert_eq!(p.slice(0, p.len), "Ève arrived on Monday.");
        assert_eq!(p.slice(4, 11), "arrived");
        let ascii = Paragraph::new("\"Yes,\" he said.");
        assert_eq!(ascii.slice(1, 4), "Yes");
        assert_eq!(ascii.chars.len(), ascii.len);
    }
}
