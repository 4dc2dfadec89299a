//! Text from pages made safe and measured for the terminal.
//!
//! Every string a page supplies goes through [`clean`] before it is drawn. Cleaning
//! keeps the number of characters unchanged, so the character offsets of quotes and
//! search matches stay valid on the cleaned text. Widths are display widths in
//! terminal cells, measured per grapheme cluster the same way ratatui's buffer does.

use std::borrow::Cow;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use crate::ingest::sanitize::{sanitize, sanitize_cow};

/// The character drawn in place of one that could drive a terminal.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Makes page text safe to draw, keeping one output character per input character:
/// whitespace controls (newline, tab) become spaces, and anything else the page
/// sanitiser would remove becomes [`REPLACEMENT`].
pub fn clean(text: &str) -> String {
    clean_cow(text).into_owned()
}

/// [`clean`] without a copy when the text is clean already (most page text).
pub fn clean_cow(text: &str) -> Cow<'_, str> {
    // Printable ASCII is always clean: only controls would change.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Cow::Borrowed(text);
    }
    let already_clean = !text.chars().any(unsafe_char) && sanitize_cow(text) == text;
    if already_clean {
        return Cow::Borrowed(text);
    }
    Cow::Owned(clean_chars(text))
}

/// Cleans `text` character by character (see [`clean`]).
fn clean_chars(text: &str) -> String {
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
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends [`fold`] of `text` to `out`. Runs of ASCII (most of any page, curly quotes
/// and dashes between them) are copied and lowercased whole; only other characters are
/// folded one by one.
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if run > 0 {
            let at = out.len();
            out.push_str(&rest[..run]);
            out[at..].make_ascii_lowercase();
            rest = &rest[run..];
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c.to_lowercase().next().unwrap_or(c));
            rest = chars.as_str();
        }
    }
}
