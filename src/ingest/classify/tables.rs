//! Page pass: tables of numbers. Three or more one-line rows on consecutive lines,
//! each of two or more short cells, at least two rows holding a number, are part of
//! the story: their rows are body, whatever they look like on their own.
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

/// A table of numbers (three or more one-line rows on consecutive lines, each of
/// two or more cells, at least two rows holding a number) is part of the story:
/// its rows are body, whatever they look like on their own.
pub(super) fn mark_tables(blocks: &[Block<'_>], classes: &mut [Classified]) {
    let is_row = |i: usize| -> Option<bool> {
        let block = &blocks[i];
        if block.line_start != block.line_end
            || memchr::memchr3(b'\t', b'|', b' ', block.text.as_bytes()).is_none()
        {
            return None;
        }
        table_cells(&block.text).map(|cells| cells.iter().any(|c| is_numeric_cell(c)))
    };
    let mut start = 0;
    while start < blocks.len() {
        let mut end = start;
        let mut numeric_rows = 0;
        while end < blocks.len() && (end == start || tight(blocks, end)) {
            match is_row(end) {
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
        let kinds = page_kinds("NEWS  SPORT  BUSINESS  OPINION\n");
        assert_eq!(kinds[0].1, BlockKind::Chrome);
    }
}
