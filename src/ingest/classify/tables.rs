//! Page pass: tables of numbers. Three or more one-line rows on consecutive lines,
//! each of two or more short cells, at least two rows holding a number, are part of
//! the story: their rows are body, whatever they look like on their own. A table
//! saved as text often loses its cell separators ("3 Ana Lima 5033 4 6 15"): a
//! short line of single-spaced words, at least [`SPACED_MIN_NUMBERS`] of them
//! numbers and numbers a third of them or more, is such a row too (a stamp line
//! never is; a header row joined to the first, two lines, is one too).
//!
//! Only ever makes table rows body; it runs first, so the later passes see them so.

use crate::ingest::segment::Block;

use super::chrome::TWO_SPACES;
use super::kind::{BlockKind, Classified, tight};

/// The cells of a table row: split at tabs, bars or runs of two or more spaces.
fn table_cells(text: &str) -> Option<Vec<&str>> {
    // Two cells need a separator.
    if memchr::memchr2(b'\t', b'|', text.as_bytes()).is_none()
        && TWO_SPACES.find(text.as_bytes()).is_none()
    {
        return None;
    }
    let cells: Vec<&str> = text
        .split(['\t', '|'])
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    (cells.len() >= 2 && cells.iter().all(|c| c.split_whitespace().nth(4).is_none()))
        .then_some(cells)
}

/// A cell holding a number: "38,412.50", "-0.8%", "+12", "$4.20", "41%".
fn is_numeric_cell(cell: &str) -> bool {
    let bare = cell.trim_start_matches(['+', '-', '−', '$', '€', '£', '¥']);
    bare.chars().next().is_some_and(|c| c.is_ascii_digit())
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || ",.%‰ ".contains(c) || c.is_alphabetic())
}

/// Numbers a row whose cells lost their separators holds, at least.
const SPACED_MIN_NUMBERS: usize = 3;

/// Most bytes of a row whose cells lost their separators.
const SPACED_MAX_BYTES: usize = 160;

/// Most words of a row whose cells lost their separators.
const SPACED_MAX_WORDS: usize = 16;

/// A row whose cells lost their separators: at most [`SPACED_MAX_WORDS`] words
/// (and [`SPACED_MAX_BYTES`] bytes), a number among its first or last few bytes,
/// [`SPACED_MIN_NUMBERS`] or more numbers, and numbers at least a third of the
/// words.
fn is_spaced_row(text: &str) -> bool {
    // A row is short and holds digits: most lines are passed over on their length
    // or their first bytes.
    if text.len() > SPACED_MAX_BYTES
        || !text.bytes().take(8).any(|b| b.is_ascii_digit())
            && !text.bytes().rev().take(8).any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let mut words = 0;
    let mut numbers = 0;
    for word in text.split_whitespace() {
        words += 1;
        if words > SPACED_MAX_WORDS {
            return false;
        }
        numbers += usize::from(is_numeric_cell(word));
    }
    numbers >= SPACED_MIN_NUMBERS && numbers * 3 >= words
}

/// A table of numbers (three or more one-line rows on consecutive lines, each of
/// two or more cells, at least two rows holding a number) is part of the story:
/// its rows are body, whatever they look like on their own.
pub(super) fn mark_tables(blocks: &[Block<'_>], classes: &mut [Classified]) {
    // Each block as a row: `None` when it is none, else whether it holds a number.
    let rows: Vec<Option<bool>> = blocks
        .iter()
        .zip(classes.iter())
        .map(|(block, class)| {
            if block.line_end > block.line_start + 1
                || memchr::memchr3(b'\t', b'|', b' ', block.text.as_bytes()).is_none()
            {
                return None;
            }
            // A row is one line; a header row joined to the first row, two.
            let cells = if block.line_start == block.line_end {
                table_cells(&block.text)
            } else {
                None
            };
            match cells {
                Some(cells) => Some(cells.iter().any(|c| is_numeric_cell(c))),
                // A stamp line ("Nov 19, 2019 10:31") has numbers but is no row.
                None => (class.kind != BlockKind::Timestamp && is_spaced_row(&block.text))
                    .then_some(true),
            }
        })
        .collect();
    let mut start = 0;
    while start < blocks.len() {
        let mut end = start;
        let mut numeric_rows = 0;
        while end < blocks.len() && (end == start || tight(blocks, end)) {
            match rows[end] {
                Some(numeric) => numeric_rows += usize::from(numeric),
                None => break,
            }
            end += 1;
        }
        if end - start >= 3 && numeric_rows >= 2 {
            for class in &mut classes[start..end] {
                *class = Classified::kind(BlockKind::Body);
            }
        }
        start = end.max(start + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::page_kinds;
    use crate::ingest::classify::BlockKind;

    #[test]
    fn table_rows_are_body() {
        let kinds = page_kinds(
            "Party        Seats   Change\nGreens       14      +6\nLiberals     22      -3\nLabour       31      +1\n",
        );
        assert!(
            kinds.iter().all(|(_, k)| *k == BlockKind::Body),
            "{kinds:?}"
        );
        // Rows that lost their separators.
        let kinds = page_kinds(
            "Pos Rider Points Wins\n1 Ana Lima 412 5\n2 Joe Park 398 3\n3 Li Wen 377 4\n4 Sam Ode 301 0\n",
        );
        assert!(
            kinds[1..].iter().all(|(_, k)| *k == BlockKind::Body),
            "{kinds:?}"
        );
        // Lines of prose with a number or two are no table.
        let kinds = page_kinds("Home\nWorld news in 2 minutes\nSport\n");
        assert_ne!(kinds[1].1, BlockKind::Body);
        let kinds = page_kinds("NEWS  SPORT  BUSINESS  OPINION\n");
        assert_eq!(kinds[0].1, BlockKind::Chrome);
    }
}
