//! Hard-wrapped lines rejoined into paragraphs.
//!
//! [`join_wrapped`] joins the lines of one paragraph: with a space, or with nothing
//! where a line ends in a hyphen inside a word (`Holtz-` / `Eakin`), as wrapping
//! breaks after the hyphens of compounds and never adds one.
//!
//! [`unwrap_page`] prepares a plain-text page that is hard-wrapped (an email
//! newsletter, a wire feed saved at 72 columns), told by its line lengths alone: most
//! lines that run on to another line end near one width between 40 and 110 columns.
//! Joining the lines of a paragraph is left to the segmenter, which joins a line to the
//! next when the next one's first word would not have fitted; what a segmenter cannot
//! tell is a compound broken after its hyphen, which it would join with a space
//! (`co- operative`). On a hard-wrapped page the start of such a compound is moved down
//! to the next line (`co-operative`): no line grows, line numbers stay, and the next
//! line's first word is still one that did not fit.
//!
//! Decides only which line breaks are wrapping; what a paragraph is for is decided
//! elsewhere.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// A finder for a line ending in a hyphen, built once.
static BROKEN_LINE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("-\n"));

/// Narrowest wrap width a page is taken to be wrapped at.
const MIN_WIDTH: usize = 40;
/// Widest wrap width: pages of longer lines put one paragraph on a line.
const MAX_WIDTH: usize = 110;
/// How far short of the width a line running on may end and still count as full.
const SLACK: usize = 20;
/// Fewest lines running on to another for a page to be judged at all.
const MIN_RUN_ON_LINES: usize = 4;

/// The width a page is hard-wrapped at, from the lengths (in characters) of the lines
/// that run on to a next non-blank line: the length that nine in ten of them stay
/// within, when it lies between [`MIN_WIDTH`] and [`MAX_WIDTH`] and most of them end
/// within [`SLACK`] of it. `None` for a page that is not hard-wrapped.
pub fn wrap_width(text: &str) -> Option<usize> {
    let mut lengths: Vec<usize> = Vec::new();
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(p) = previous
            && !line.trim().is_empty()
        {
            lengths.push(p.chars().count());
        }
        previous = (!line.trim().is_empty()).then_some(line);
    }
    if lengths.len() < MIN_RUN_ON_LINES {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)];
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&width) {
        return None;
    }
    let full = lengths
        .iter()
        .filter(|&&l| l + SLACK >= width && l <= width)
        .count();
    (full * 2 > lengths.len()).then_some(width)
}

/// The page with every compound broken after its hyphen at a line end made whole on
/// the next line, when the page is hard-wrapped ([`wrap_width`]); the page itself
/// otherwise.
pub fn unwrap_page(text: &str) -> Cow<'_, str> {
    if BROKEN_LINE.find(text.as_bytes()).is_none() || wrap_width(text).is_none() {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut carried = String::new();
    for (i, line) in lines.iter().enumerate() {
        let (lead, body) = line.split_at(line.len() - line.trim_start().len());
        let mut own = String::with_capacity(line.len() + carried.len());
        own.push_str(lead);
        own.push_str(&carried);
        own.push_str(body);
        carried.clear();
        let next = lines.get(i + 1).map_or("", |n| n.trim_start());
        if let Some(at) = broken_compound_start(&own)
            && next.chars().next().is_some_and(char::is_alphabetic)
        {
            carried.push_str(&own[at..]);
            own.truncate(at);
            let kept = own.trim_end().len();
            own.truncate(kept);
        }
        out.push_str(&own);
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    Cow::Owned(out)
}

/// Where the last word of a line starts, when it is the start of a compound broken
/// after its hyphen (`co-`, `Holtz-`) and other words stand before it.
fn broken_compound_start(line: &str) -> Option<usize> {
    let trimmed = line.trim_end();
    if trimmed.len() != line.len() || !joins_without_space(trimmed, "a") {
        return None;
    }
    let at = trimmed.rfind(char::is_whitespace)? + 1;
    let before = &trimmed[..at];
    (!before.trim().is_empty()).then_some(at)
}

/// The lines of one paragraph joined into one line.
pub fn join_wrapped<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() && !joins_without_space(&out, line) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// True when a line ending `before` and the next line starting `after` meet inside a
/// word broken after its hyphen: a letter, a hyphen, then a letter.
fn joins_without_space(before: &str, after: &str) -> bool {
    let mut tail = before.chars().rev();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && after.chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph wrapped at `width` columns, breaking after hyphens as wrappers do.
    fn wrapped(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let mut word = word;
            loop {
                let room = width.saturating_sub(line.len() + usize::from(!line.is_empty()));
                if word.len() <= room {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    break;
                }
                // Break after a hyphen when the part up to it fits.
                if let Some(h) = word[..room.min(word.len())].rfind('-') {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&word[..=h]);
                    word = &word[h + 1..];
                }
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
        }
        out.push_str(&line);
        out
    }

    const TEXT: &str = "The harbour board voted on Monday to deepen the main shipping channel, \
        a plan that the long-established fishing co-operative had opposed for two years, said \
        Douglas Holtz-Eakin, an adviser to the board, who spoke after a well-attended meeting \
        of the regional planning committee on the quayside.";

    #[test]
    fn hard_wrapped_pages_are_told_by_their_line_lengths() {
        for width in [50, 72, 76, 100] {
            let page = format!("{}\n\n{}\n", wrapped(TEXT, width), wrapped(TEXT, width));
            let found = wrap_width(&page).expect("wrapped");
            assert!(found <= width && found + 10 >= width, "{width}: {found}");
        }
        // One paragraph a line, or short lines of a list: not wrapped.
        let long = format!("{TEXT}\n{TEXT}\n{TEXT}\n{TEXT}\n{TEXT}\n");
        assert_eq!(wrap_width(&long), None);
        assert_eq!(wrap_width("Home\nNews\nSport\nWeather\nAbout us\n"), None);
    }

    #[test]
    fn compounds_broken_at_a_line_end_are_made_whole() {
        let page = format!("Headline\n\n{}\n", wrapped(TEXT, 40));
        assert!(page.contains("-\n"), "{page}");
        let fixed = unwrap_page(&page);
        assert_eq!(fixed.lines().count(), page.lines().count());
        assert!(!fixed.contains("-\n"), "{fixed}");
        let joined: Vec<&str> = fixed.split_whitespace().collect();
        let want = format!("Headline {TEXT}");
        let want: Vec<&str> = want.split_whitespace().collect();
        assert_eq!(joined, want);
        // No line grew.
        let widest = |t: &str| t.lines().map(str::len).max().unwrap_or(0);
        assert!(widest(&fixed) <= widest(&page));
    }

    #[test]
    fn pages_not_hard_wrapped_are_left_alone() {
        let page = format!("{TEXT} well-\nknown\n{TEXT}\n");
        assert!(matches!(unwrap_page(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_join_with_a_space_or_at_a_broken_compound() {
        assert_eq!(
            join_wrapped(&["  Douglas Holtz-", "Eakin said - and", "then left. "]),
            "Douglas Holtz-Eakin said - and then left."
        );
        assert_eq!(join_wrapped::<&str>(&[]), "");
    }
}
