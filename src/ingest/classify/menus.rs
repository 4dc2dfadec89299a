//! Page pass: menus, section paths and the site's name. Short labels on consecutive
//! lines that are not all the same text are a menu, and so are three or more distinct
//! labels in a row (even with blank lines between) or three or more short lines mixing
//! labels with navigation words; a label standing alone or repeated stays a section
//! label, and two labels alone right above a headline are a section path (the second
//! is the section). Labels above the menu are the site's name, as is a label on the
//! first line over site chrome.
//!
//! Only turns section labels (and short navigation chrome) into chrome, and tells which
//! blocks are menus; never touches headlines, body, stamps, captions or bylines.

use crate::ingest::phrases;
use crate::ingest::segment::Block;
use crate::ingest::text::more_words_than;

use super::kind::{BlockKind, Classified, tight};

/// Short labels on consecutive lines that are not all the same text are a menu;
/// so are three or more distinct labels in a row, even with blank lines between,
/// and three or more short lines in a row mixing labels with navigation words
/// ("Home", "Photos"). A label standing alone (or repeated, "China" three times)
/// stays a section label, and so does the second of two labels standing alone
/// right above a headline (a two-level section path, "World" then "Europe").
/// `menu_bars` tells which blocks are one-line menu bars ([`super::chrome::is_menu_bar`]).
/// Returns which blocks are menus (including the menu bars).
pub(super) fn mark_menus(
    blocks: &[Block<'_>],
    classes: &mut [Classified],
    menu_bars: Vec<bool>,
) -> Vec<bool> {
    let mut menus = menu_bars;
    mark_section_paths(blocks, classes);
    mark_nav_runs(blocks, classes, &mut menus);
    mark_label_runs(blocks, classes, &mut menus, 2, |i| tight(blocks, i));
    mark_label_runs(blocks, classes, &mut menus, 3, |_| true);
    menus
}

/// Two distinct labels on consecutive lines, alone between blank lines and right
/// above a headline, are a section path: the first is dropped, the second kept.
fn mark_section_paths(blocks: &[Block<'_>], classes: &mut [Classified]) {
    let n = blocks.len();
    for i in 0..n.saturating_sub(2) {
        let is_path = classes[i].kind == BlockKind::Section
            && classes[i + 1].kind == BlockKind::Section
            && tight(blocks, i + 1)
            && !tight(blocks, i)
            && !tight(blocks, i + 2)
            && classes[i + 2].kind == BlockKind::Headline
            && !blocks[i].text.eq_ignore_ascii_case(&blocks[i + 1].text);
        if is_path {
            classes[i].kind = BlockKind::Chrome;
        }
    }
}

/// Three or more short lines in a row (labels and navigation chrome) holding a
/// label are a menu.
fn mark_nav_runs(blocks: &[Block<'_>], classes: &mut [Classified], menus: &mut [bool]) {
    let short_nav = |i: usize, classes: &[Classified]| match classes[i].kind {
        BlockKind::Section => phrases::breadcrumb_last(&blocks[i].text).is_none(),
        BlockKind::Chrome => !classes[i].ends_story && !more_words_than(&blocks[i].text, 3),
        _ => false,
    };
    let mut start = 0;
    while start < blocks.len() {
        let mut end = start;
        while end < blocks.len() && (end == start || tight(blocks, end)) && short_nav(end, classes)
        {
            end += 1;
        }
        if end - start >= 3
            && classes[start..end]
                .iter()
                .any(|c| c.kind == BlockKind::Section)
        {
            for i in start..end {
                classes[i].kind = BlockKind::Chrome;
                menus[i] = true;
            }
        }
        start = end.max(start + 1);
    }
}

/// Marks as chrome every run of section labels (extended while `joins(i)` holds
/// for the next block `i`) holding at least `distinct_needed` distinct texts.
fn mark_label_runs(
    blocks: &[Block<'_>],
    classes: &mut [Classified],
    menus: &mut [bool],
    distinct_needed: usize,
    joins: impl Fn(usize) -> bool,
) {
    let mut start = 0;
    while start < classes.len() {
        if classes[start].kind != BlockKind::Section {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < classes.len() && classes[end].kind == BlockKind::Section && joins(end) {
            end += 1;
        }
        let mut distinct: Vec<&str> = Vec::new();
        for block in &blocks[start..end] {
            if distinct.len() < distinct_needed
                && !distinct.iter().any(|d| d.eq_ignore_ascii_case(&block.text))
            {
                distinct.push(&block.text);
            }
        }
        if distinct.len() >= distinct_needed {
            for i in start..end {
                classes[i].kind = BlockKind::Chrome;
                menus[i] = true;
            }
        }
        start = end;
    }
}

/// Labels above the page's menu (the site's name, "AP NEWS", "British Broadcasting
/// Corporation"), with only chrome between, are not section labels; nor is a label
/// on the page's first line with site chrome on the line right under it (the
/// masthead over "Latest Releases" or "Sign in").
pub(super) fn mark_site_names(blocks: &[Block<'_>], menus: &[bool], classes: &mut [Classified]) {
    if classes.len() >= 2
        && classes[0].kind == BlockKind::Section
        && classes[1].kind == BlockKind::Chrome
        && tight(blocks, 1)
    {
        classes[0].kind = BlockKind::Chrome;
    }
    // One pass from the bottom: `above_menu` holds while only chrome and labels
    // separate the current block from a menu below it.
    let mut above_menu = false;
    for (class, &menu) in classes.iter_mut().zip(menus).rev() {
        if menu {
            above_menu = true;
            continue;
        }
        match class.kind {
            BlockKind::Section if above_menu => class.kind = BlockKind::Chrome,
            BlockKind::Chrome | BlockKind::Section => {}
            _ => above_menu = false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kind_of, page_kinds};
    use crate::ingest::classify::{BlockKind, classify_page};

    #[test]
    fn menus_of_distinct_labels_are_chrome_repeated_label_is_section() {
        let text = "News\n\nWorld\n\nBusiness\n\nAsia\n\nAsia";
        let blocks = crate::ingest::segment::segment(text);
        let kinds: Vec<BlockKind> = classify_page(&blocks).into_iter().map(|c| c.kind).collect();
        assert!(kinds.iter().all(|k| *k == BlockKind::Chrome), "{kinds:?}");
        let text = "Asia\n\nAsia\n\nPort strike halts container traffic";
        let blocks = crate::ingest::segment::segment(text);
        let kinds: Vec<BlockKind> = classify_page(&blocks).into_iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Section, BlockKind::Section, BlockKind::Headline]
        );
    }

    #[test]
    fn site_name_above_menu_is_not_a_section() {
        let kinds = page_kinds(
            "VALLEY NEWS\nHome\nLocal\nSport\nWeather\n\nFerry fares rise for the summer season\n\nFares rose on Monday.",
        );
        assert_eq!(kind_of(&kinds, "VALLEY NEWS"), BlockKind::Chrome);
        let kinds = page_kinds(
            "Daily Post\n\nHome | Local | Sport | Weather\n\nFerry fares rise for the summer",
        );
        assert_eq!(kind_of(&kinds, "Daily Post"), BlockKind::Chrome);
    }

    #[test]
    fn two_labels_above_a_headline_are_a_section_path() {
        let kinds = page_kinds("Home\nNews\n\nSport\nCricket\n\nRain ends the final test early\n");
        assert_eq!(kind_of(&kinds, "Sport"), BlockKind::Chrome);
        assert_eq!(kind_of(&kinds, "Cricket"), BlockKind::Section);
    }

    #[test]
    fn first_line_label_over_site_chrome_is_the_masthead() {
        let kinds = page_kinds("Harbour Wire\nSign in\n\nFerry fares rise for the summer");
        assert_eq!(kind_of(&kinds, "Harbour Wire"), BlockKind::Chrome);
        let kinds = page_kinds("Harbour Wire\n\nFerry fares rise for the summer");
        assert_eq!(kind_of(&kinds, "Harbour Wire"), BlockKind::Section);
    }
}
