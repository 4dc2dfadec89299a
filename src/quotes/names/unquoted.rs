//! The words of a paragraph outside quote marks (“…”, "…" and ''…''), the marks kept so
//! that no phrase runs over a quote: what [`super::describe`] reads of a paragraph.
//!
//! Decides only which tokens are inside quote marks. The text is searched for the bytes
//! that may make a quote mark, and only the chunks holding one (a chunk: the text between
//! two white spaces) are split into tokens and read one by one; the prose between them
//! is split in one go and kept whole, and the speech between them is never split at all.

use std::iter::Peekable;

use crate::quotes::tokens::{Token, tokenize_into};

/// True for a mark that opens a quote, false for one that closes it.
pub(super) fn quote_mark(t: &Token) -> Option<bool> {
    match t.text {
        "“" | "«" | "„" => Some(true),
        "”" | "»" => Some(false),
        _ => None,
    }
}

/// The quote marks the reading is inside.
#[derive(Default)]
struct Inside {
    curly: bool,
    straight: bool,
    doubled: bool,
}

impl Inside {
    /// True inside any quote.
    fn any(&self) -> bool {
        self.curly || self.straight || self.doubled
    }

    /// Reads the tokens of `tokens` from `first` on, following the quote marks; keeps the
    /// marks and the tokens outside quotes, in order.
    fn read(&mut self, tokens: &mut Vec<Token<'_>>, first: usize) {
        // The tokens kept are moved to the front, in order (`kept` is never past `k`).
        let mut kept = first;
        let mut k = first;
        while k < tokens.len() {
            let t = &tokens[k];
            let pair = t.text == "'"
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| n.text == "'" && n.start == t.start + 1);
            match (quote_mark(t), t.text) {
                (Some(open), _) => self.curly = open,
                (None, "\"") => self.straight = !self.straight,
                _ if pair => {
                    self.doubled = !self.doubled;
                    tokens.swap(kept, k);
                    kept += 1;
                    k += 2;
                    continue;
                }
                _ if self.any() => {
                    k += 1;
                    continue;
                }
                _ => {}
            }
            tokens.swap(kept, k);
            kept += 1;
            k += 1;
        }
        tokens.truncate(kept);
    }
}

/// The places of a text where a quote mark may be: a `"`, two `'` in a row, or the first
/// byte of “ ” „ (`E2 80 9C`..`9E`) or « » (`C2 AB`, `C2 BB`). Found by two byte
/// searches read once each through the text, asked at places that only grow.
struct MarkPlaces<'b, I: Iterator<Item = usize>, J: Iterator<Item = usize>> {
    bytes: &'b [u8],
    ascii: Peekable<I>,
    wide: Peekable<J>,
}

impl<I: Iterator<Item = usize>, J: Iterator<Item = usize>> MarkPlaces<'_, I, J> {
    /// The first place at or after `from`.
    fn next_from(&mut self, mut from: usize) -> Option<usize> {
        loop {
            while self.ascii.next_if(|&k| k < from).is_some() {}
            while self.wide.next_if(|&k| k < from).is_some() {}
            let m = match (self.ascii.peek(), self.wide.peek()) {
                (Some(&a), Some(&w)) => a.min(w),
                (Some(&a), None) => a,
                (None, Some(&w)) => w,
                (None, None) => return None,
            };
            let at = |k: usize| self.bytes.get(m + k).copied();
            let mark = match at(0) {
                Some(b'"') => true,
                Some(b'\'') => at(1) == Some(b'\''),
                Some(0xE2) => at(1) == Some(0x80) && matches!(at(2), Some(0x9C..=0x9E)),
                Some(0xC2) => matches!(at(1), Some(0xAB | 0xBB)),
                _ => false,
            };
            if mark {
                return Some(m);
            }
            from = m + 1;
        }
    }
}

/// The places of `text` where a quote mark may be ([`MarkPlaces`]).
fn mark_places(
    text: &str,
) -> MarkPlaces<'_, impl Iterator<Item = usize> + '_, impl Iterator<Item = usize> + '_> {
    let bytes = text.as_bytes();
    MarkPlaces {
        bytes,
        ascii: memchr::memchr2_iter(b'"', b'\'', bytes).peekable(),
        wide: memchr::memchr2_iter(0xE2, 0xC2, bytes).peekable(),
    }
}

/// Whether `text` may hold a quote mark: when it does not, [`words`] are all its tokens.
pub(super) fn holds_mark(text: &str) -> bool {
    mark_places(text).next_from(0).is_some()
}

/// The words and marks of `text` outside quote marks, with their byte offsets in `text`
/// (the tokens [`crate::quotes::tokens::tokenize`] makes of it, those inside quote marks
/// left out).
pub(super) fn words(text: &str) -> Vec<Token<'_>> {
    let mut places = mark_places(text);
    let mut tokens = Vec::with_capacity(text.len() / 4 + 2);
    let mut inside = Inside::default();
    // Where the text not read yet starts: the start of the text, or white space.
    let mut from = 0;
    while let Some(m) = places.next_from(from) {
        // The chunk holding the mark.
        let start = text[from..m]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(from, |(k, c)| from + k + c.len_utf8());
        let end = text[m..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| m + k);
        // The chunks before it hold no mark: all kept outside quotes, all left inside.
        if !inside.any() {
            tokenize_into(&text[from..start], from, &mut tokens);
        }
        let first = tokens.len();
        tokenize_into(&text[start..end], start, &mut tokens);
        inside.read(&mut tokens, first);
        from = end;
    }
    if !inside.any() {
        tokenize_into(&text[from..], from, &mut tokens);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    /// The words as read from every token of the text, one by one.
    fn every_token(text: &str) -> Vec<Token<'_>> {
        let mut tokens = tokenize(text, 0);
        Inside::default().read(&mut tokens, 0);
        tokens
    }

    #[test]
    fn words_outside_quotes_keep_the_marks_and_leave_the_speech() {
        let text = "“We won,” said Ann Lee, who ''never'' spoke of « la fête » or \"it\".";
        let texts: Vec<&str> = words(text).iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "“", "”", "said", "Ann", "Lee", ",", "who", "'", "'", "spoke", "of", "«", "»",
                "or", "\"", "\"", "."
            ]
        );
        assert_eq!(words(text), every_token(text));
    }

    #[test]
    fn a_quote_left_open_runs_to_the_end() {
        let text = "Lee said: “we will build it, and soon";
        let texts: Vec<&str> = words(text).iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Lee", "said", ":", "“"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// Splitting only the chunks with a mark leaves exactly the words read from every
        /// token.
        #[test]
        fn the_words_are_those_of_every_token_read(
            text in "[a-zA-Z .,'’\"“”«»„—!?é\t\u{85}\u{a0}\u{2003}\u{2028}-]{0,60}"
        ) {
            proptest::prop_assert_eq!(words(&text), every_token(&text));
            // Text with no quote mark is all words: its tokens, read whole, serve.
            if !holds_mark(&text) {
                proptest::prop_assert_eq!(words(&text), tokenize(&text, 0));
            }
        }
    }
}
