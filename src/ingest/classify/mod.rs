//! Telling what each block of a page is: chrome, a section label, a headline, a
//! byline, a timestamp, a caption or a body paragraph.
//!
//! Classification first looks at one block at a time ([`classify_block`]): the rules
//! (in `block`) weigh its length, word count, closing punctuation, capitalisation,
//! whether it parses as a stamp, and whether it matches a curated list of chrome
//! phrases (`chrome`, with [`super::phrases`]) or a byline form (`byline`). Then
//! [`classify_page`] looks at neighbours, one pass per idea, in a fixed order: tables of
//! numbers are body (`tables`); a name over a role line or a stamp is the byline
//! (`writers`); runs of labels are menus, labels above the menu the site's name, and
//! two labels over a headline a section path (`menus`); and a label recasts the block
//! next to it: teasers, photo captions, contact details, `About` boilerplate
//! (`labels`); legal notices at the foot of the page are chrome, and an issuer's
//! profile after the story ends it (`boilerplate`). Sign-up prompts and lists of
//! links are chrome on their own (`chrome`, `lists`). Whether a headline-like block
//! is the story's headline, a caption repeating it, a teaser or a crosshead inside
//! the body is decided when the page is split into stories ([`super::split`]).
//!
//! This module holds the entry points and the order of the passes, and decides
//! nothing itself; the block kinds are in `kind`. Classification only labels
//! blocks: it never changes their text and never splits stories.

mod block;
mod boilerplate;
mod byline;
mod chrome;
mod kind;
mod labels;
mod lists;
mod menus;
mod tables;
mod writers;

use super::phrases;
use super::segment::Block;
use super::text::count_words_up_to;
use block::classify_counted;
use boilerplate::{mark_legal_notices, mark_profiles};
use chrome::is_menu_bar;
use labels::{mark_about_sections, mark_contact_details, mark_teasers_and_photo_captions};
use menus::{mark_menus, mark_site_names};
use tables::mark_tables;
use writers::{mark_names_over_stamps, mark_role_lines};

pub use block::WORD_COUNT_CAP;
pub use kind::{BlockKind, Classified};

/// Whether a text ends like a sentence, kept at its old path.
pub use super::text::ends_sentence;

/// The word count of each block, up to [`WORD_COUNT_CAP`]: counted once per page,
/// for [`classify_page_counted`] and [`super::split::split_counted`].
pub fn word_counts(blocks: &[Block<'_>]) -> Vec<usize> {
    blocks
        .iter()
        .map(|b| count_words_up_to(&b.text, WORD_COUNT_CAP))
        .collect()
}

/// Classifies every block of a page, with its neighbours in view.
pub fn classify_page(blocks: &[Block<'_>]) -> Vec<Classified> {
    classify_page_counted(blocks, &word_counts(blocks))
}

/// [`classify_page`], given the blocks' [`word_counts`].
pub fn classify_page_counted(blocks: &[Block<'_>], words: &[usize]) -> Vec<Classified> {
    // Whether each block is a one-line menu bar: looked at once, here and in
    // `mark_menus`.
    let menu_bars: Vec<bool> = blocks.iter().map(|b| is_menu_bar(&b.text)).collect();
    let mut classes: Vec<Classified> = blocks
        .iter()
        .zip(words)
        .zip(&menu_bars)
        .map(|((b, &words), &menu_bar)| {
            // Blocks come trimmed from `segment`; any other is looked at again.
            let trimmed = b.text.trim();
            let menu_bar = if trimmed.len() == b.text.len() {
                menu_bar
            } else {
                is_menu_bar(trimmed)
            };
            classify_counted(&b.text, words, menu_bar)
        })
        .collect();
    mark_tables(blocks, &mut classes);
    mark_role_lines(blocks, &mut classes);
    mark_names_over_stamps(blocks, &mut classes);
    let menus = mark_menus(blocks, &mut classes, menu_bars);
    mark_site_names(blocks, &menus, &mut classes);
    mark_teasers_and_photo_captions(blocks, &mut classes);
    mark_contact_details(blocks, &mut classes);
    mark_about_sections(blocks, &mut classes);
    mark_legal_notices(blocks, &mut classes);
    mark_profiles(blocks, &mut classes, words);
    classes
}

/// Classifies one block on its own.
pub fn classify_block(text: &str) -> Classified {
    classify_counted(
        text,
        count_words_up_to(text, WORD_COUNT_CAP),
        is_menu_bar(text.trim()),
    )
}

/// The section a section block names: the last crumb of a breadcrumb ("News >
/// World > Asia" names "Asia"), else the whole label.
pub fn section_name(text: &str) -> &str {
    phrases::breadcrumb_last(text).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs_name_their_last_crumb() {
        assert_eq!(kind("Sport › Cricket"), BlockKind::Section);
        assert_eq!(section_name("News > Europe > France"), "France");
        assert_eq!(section_name("Business"), "Business");
    }

    /// The kind of one block on its own.
    pub(super) fn kind(text: &str) -> BlockKind {
        classify_block(text).kind
    }

    /// Each block of a page with its kind.
    pub(super) fn page_kinds(text: &str) -> Vec<(String, BlockKind)> {
        let blocks = crate::ingest::segment::segment(text);
        let classes = classify_page(&blocks);
        blocks
            .into_iter()
            .zip(classes)
            .map(|(b, c)| (b.text.into_owned(), c.kind))
            .collect()
    }

    /// The kind of the block `text` in [`page_kinds`]' answer.
    pub(super) fn kind_of(kinds: &[(String, BlockKind)], text: &str) -> BlockKind {
        kinds
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, k)| *k)
            .unwrap_or_else(|| panic!("no block {text:?} in {kinds:?}"))
    }
}
