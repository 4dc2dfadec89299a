//! Text from pages made safe and measured for the terminal.
//!
//! Every string a page supplies goes through [`clean`] before it is drawn. Cleaning
//! keeps the number of characters unchanged, so the character offsets of quotes and
//! search matches stay valid on the cleaned text. Widths are display widths in
//! terminal cells, measured per grapheme cluster the same way ratatui's buffer does.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use crate::ingest::sanitize::{sanitize, sanitize_cow};

/// The character drawn in place of one that could drive a terminal.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Makes page text safe to draw, keeping one output character per input character:
/// whitespace controls (newline, tab) become spaces, and anything else the page
/// sanitiser would remove becomes [`REPLACEMENT`].
pub fn clean(text: &str) -> String {
    let already_clean = !text.chars().any(unsafe_char) && sanitize_cow(text) == text;
    if already_clean {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c.is_whitespace() {
                ' '
            } else if unsafe_char(c) {
                REPLACEMENT
            } else {
                let mut buf = [0u8; 4];
                let one: &str = c.encode_utf8(&mut buf);
                if sanitize(one) == one { c } else { REPLACEMENT }
            }
        })
        .collect()
}

/// Whether a character must never reach the terminal as is: the characters the
/// sanitiser removes (controls, bidi controls, U+FEFF, tag characters).
pub fn unsafe_char(c: char) -> bool {
    crate::ingest::sanitize::is_removed(c)
}

/// The display width of one grapheme cluster, in cells (as ratatui measures it).
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) {
        return 0;
    }
    usize::from(grapheme.cell_width())
}

/// The display width of a string, in cells.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// Cuts `text` to at most `max` cells, ending with `…` when something was cut.
/// Never splits a grapheme cluster.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

/// Pads `text` with spaces (or truncates it) to exactly `cells` cells.
pub fn fit(text: &str, cells: usize) -> String {
    let mut out = truncate(text, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// The number of characters in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The byte offset of character `chars` in `text` (the length when past the end).
pub fn byte_at_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The characters of `text` from `start` to `end` (character offsets, clamped).
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let from = byte_at_char(text, start);
    let to = byte_at_char(text, end.max(start));
    &text[from..to.max(from)]
}

/// Folds text for case-insensitive search, one character out for each character in,
/// so character offsets found in the folded text are offsets in the original.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}
