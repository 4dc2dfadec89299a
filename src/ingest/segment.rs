//! Cutting a page's text into blocks: paragraphs, headlines, menu items, stamps.
//!
//! Blank lines always separate blocks. Within a stretch of lines without blank
//! lines, each line is its own block (pages that put one paragraph per line, menus
//! of one-word lines) unless the lines are a hard-wrapped paragraph: a line is
//! joined to the next when the next line's first word would not have fitted on it
//! at the stretch's wrap width (the longest line, between 40 and 110 characters),
//! or when the next line plainly continues a sentence (it starts in lower case and
//! the line does not end one).

use std::borrow::Cow;

use super::{phrases, timestamp};

/// The word counts, kept at their old path.
pub use super::text::{count_words_up_to, more_words_than, word_count};

/// Narrowest wrap width considered: shorter lines are menus and labels.
const MIN_WRAP_WIDTH: usize = 40;
/// Widest wrap width considered: longer lines are whole paragraphs.
const MAX_WRAP_WIDTH: usize = 110;

/// A unit of text the page presents on its own: a paragraph, a headline, a label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block<'a> {
    /// The text, trimmed; the lines of a hard-wrapped paragraph joined by spaces.
    pub text: Cow<'a, str>,
    /// First line of the block in the page, counting from 1.
    pub line_start: usize,
    /// Last line of the block, inclusive.
    pub line_end: usize,
}

/// Splits a page's text into blocks, in page order.
pub fn segment(text: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut stretch: Vec<(usize, &str)> = Vec::new();
    // The lines as `text.split('\n')` gives them, found with a fast byte search.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    for (index, end) in ends.enumerate() {
        // `\n` is one byte, so both ends are character boundaries.
        let line = text.get(start..end).unwrap_or_default().trim();
        start = end + 1;
        if line.is_empty() {
            flush(&mut stretch, &mut blocks);
        } else {
            stretch.push((index + 1, line));
        }
    }
    flush(&mut stretch, &mut blocks);
    blocks
}

/// Turns a stretch of consecutive non-blank lines into blocks.
fn flush<'a>(stretch: &mut Vec<(usize, &'a str)>, blocks: &mut Vec<Block<'a>>) {
    let Some(&(first_line, first_text)) = stretch.first() else {
        return;
    };
    if stretch.len() == 1 {
        // A line on its own (most paragraphs): nothing to join, no width to find.
        blocks.push(Block {
            text: Cow::Borrowed(first_text),
            line_start: first_line,
            line_end: first_line,
        });
        stretch.clear();
        return;
    }
    let width = stretch
        .iter()
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(0);
    let mut current = Block {
        text: Cow::Borrowed(first_text),
        line_start: first_line,
        line_end: first_line,
    };
    // Evidence of hard wrapping: a long line (not the last) that breaks off mid-sentence.
    let wrapped = stretch[..stretch.len() - 1].iter().any(|(_, l)| {
        // A line has no more characters than bytes: most short lines are
        // turned away without counting.
        l.len() * 4 >= width * 3 && l.chars().count() * 4 >= width * 3 && !ends_sentence(l)
    });
    let width = if wrapped { width } else { 0 };
    let mut previous = first_text;
    for &(number, line) in stretch.iter().skip(1) {
        if continues(previous, line, width) {
            let joined = current.text.to_mut();
            joined.push(' ');
            joined.push_str(line);
            current.line_end = number;
        } else {
            blocks.push(std::mem::replace(
                &mut current,
                Block {
                    text: Cow::Borrowed(line),
                    line_start: number,
                    line_end: number,
                },
            ));
        }
        previous = line;
    }
    blocks.push(current);
    stretch.clear();
}

/// Whether `next` continues the paragraph that `line` is part of.
/// `width` is the stretch's wrap width, or 0 when it shows no sign of wrapping.
fn continues(line: &str, next: &str, width: usize) -> bool {
    if is_stamp_or_metadata(line) || is_stamp_or_metadata(next) {
        return false;
    }
    let next_first = next.chars().next();
    if next_first.is_some_and(char::is_lowercase) && !ends_sentence(line) && line.len() >= 20 {
        return true;
    }
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return false;
    }
    let first_word = next.split_whitespace().next().unwrap_or("");
    let line_len = line.chars().count();
    if line_len + 1 + first_word.chars().count() <= width {
        return false;
    }
    !looks_standalone(next)
}

/// Whether a line ends a sentence (or a clause that cannot run on).
fn ends_sentence(line: &str) -> bool {
    line.chars()
        .next_back()
        .is_some_and(|c| ".!?\"”’:;".contains(c))
}

/// A short stamp line or "Label: value" metadata line ("Source: Xinhua"): never
/// part of a wrapped paragraph, before or after.
fn is_stamp_or_metadata(line: &str) -> bool {
    line.len() < 100
        && (phrases::metadata(line).is_some()
            || (line.bytes().any(|b| b.is_ascii_digit()) && timestamp::parse_stamp(line).is_some()))
}

/// Lines that stand on their own even right under a long line: stamps, bylines.
fn looks_standalone(line: &str) -> bool {
    line.len() < 60
        && (line.starts_with("By ")
            || line.starts_with("BY ")
            || timestamp::parse_stamp(line).is_some()
            || timestamp::is_relative_time(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        segment(text)
            .into_iter()
            .map(|b| b.text.into_owned())
            .collect()
    }

    #[test]
    fn blank_lines_separate_blocks_with_line_numbers() {
        let blocks = segment("One headline here\n\n\nA body line that ends.\n");
        assert_eq!(blocks.len(), 2);
        assert_eq!((blocks[0].line_start, blocks[0].line_end), (1, 1));
        assert_eq!((blocks[1].line_start, blocks[1].line_end), (4, 4));
    }

    #[test]
    fn one_paragraph_per_line_stays_apart() {
        let text = "Harbour workers walked out on Tuesday after talks over pay and shift patterns collapsed late on Monday night.\n\
                    The union said the strike would last until the port authority returned to the table with a new offer for staff.\n\
                    Home\nWorld\nSport";
        assert_eq!(texts(text).len(), 5);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The council voted on Thursday to close the old library on\n\
                    Mill Street, ending a campaign that lasted more than six\n\
                    years.\n\
                    \n\
                    Residents said they would appeal the decision to the\n\
                    regional government.";
        assert_eq!(
            texts(text),
            vec![
                "The council voted on Thursday to close the old library on Mill Street, ending a campaign that lasted more than six years.",
                "Residents said they would appeal the decision to the regional government.",
            ]
        );
        let blocks = segment(text);
        assert_eq!((blocks[0].line_start, blocks[0].line_end), (1, 3));
        assert_eq!((blocks[1].line_start, blocks[1].line_end), (5, 6));
    }

    #[test]
    fn headline_byline_and_stamp_lines_stay_apart() {
        let text = "Council votes to close the old Mill Street library for good\n\
                    By Sam Okafor\n\
                    March 3, 2026\n\
                    The council voted on Thursday to close the old library on\n\
                    Mill Street.";
        assert_eq!(
            texts(text),
            vec![
                "Council votes to close the old Mill Street library for good",
                "By Sam Okafor",
                "March 3, 2026",
                "The council voted on Thursday to close the old library on Mill Street.",
            ]
        );
    }
}
