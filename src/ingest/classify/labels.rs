//! Page pass: what a label says of the block next to it. The headline right under a
//! teaser label ("Related article", "Lee también") is a teaser (chrome); a short line
//! right under an image credit ("Getty Images", "Reuters/Jane Roe") is the photo's
//! caption; the lines under a press release's "Media contact:" are contact details
//! (chrome); an `About <Organisation>` (or `Sobre`, `Über` …) heading over a
//! paragraph naming it ends the story (boilerplate or a bio follows).
//!
//! Changes only the blocks next to such a label, and an `About` heading itself; never
//! decides what the label itself is.

use crate::ingest::phrases;
use crate::ingest::segment::Block;
use crate::ingest::text::{more_words_than, word_count};

use super::kind::{BlockKind, Classified, tight};

/// The longest line under an image credit still taken as the photo's caption: a
/// longer one is the story's first paragraph (some sites put the credit of the lead
/// photo right above the body), and losing body text is worse than keeping a caption.
const MAX_CAPTION_WORDS: usize = 25;

/// The headline right under a teaser label ("Related article", "Lee también") is
/// a teaser for another story; the line right under an image credit ("Getty
/// Images", "Reuters/Jane Roe") is the photo's caption.
pub(super) fn mark_teasers_and_photo_captions(blocks: &[Block<'_>], classes: &mut [Classified]) {
    for i in 1..blocks.len() {
        if !tight(blocks, i) {
            continue;
        }
        let text = blocks[i].text.as_ref();
        let previous = blocks[i - 1].text.as_ref();
        match (classes[i - 1].kind, classes[i].kind) {
            (BlockKind::Chrome, BlockKind::Headline | BlockKind::Section)
                if !more_words_than(previous, 6)
                    && phrases::is_teaser_label(&previous.to_lowercase()) =>
            {
                classes[i].kind = BlockKind::Chrome;
            }
            (BlockKind::Caption, BlockKind::Headline | BlockKind::Body)
                if !more_words_than(text, MAX_CAPTION_WORDS)
                    && phrases::is_image_credit(previous, &previous.to_lowercase()) =>
            {
                classes[i].kind = BlockKind::Caption;
            }
            _ => {}
        }
    }
}

/// Most lines of contact details taken under a contact label.
const MAX_CONTACT_LINES: usize = 4;

/// The lines right under a contact label standing alone ("Media Contact:") are the
/// contact's name, phone and e-mail: chrome, up to [`MAX_CONTACT_LINES`] short lines.
pub(super) fn mark_contact_details(blocks: &[Block<'_>], classes: &mut [Classified]) {
    let mut i = 0;
    while i < blocks.len() {
        let label = blocks[i].text.as_ref();
        let is_label = classes[i].kind == BlockKind::Chrome
            && label.len() <= 40
            && phrases::is_contact_label(&label.to_lowercase());
        i += 1;
        if !is_label {
            continue;
        }
        let mut taken = 0;
        while i < blocks.len()
            && taken < MAX_CONTACT_LINES
            && tight(blocks, i)
            && !more_words_than(&blocks[i].text, CONTACT_MAX_WORDS)
        {
            classes[i] = Classified::kind(BlockKind::Chrome);
            taken += 1;
            i += 1;
        }
    }
}

/// Most words of a line of contact details.
const CONTACT_MAX_WORDS: usize = 12;

/// Most words of an "About Acme Foods" boilerplate heading.
const MAX_ABOUT_WORDS: usize = 8;

/// The words that open an `About` heading, in the languages the loader reads.
const ABOUT_OPENINGS: &[&str] = &[
    "About ",
    "Sobre ",
    "À propos de ",
    "A propos de ",
    "Über ",
    "Acerca de ",
];

/// Articles dropped before the name an `About` heading gives ("About the Trust",
/// "Sobre o Blog").
const ABOUT_ARTICLES: &[&str] = &[
    "the ", "o ", "a ", "os ", "as ", "el ", "la ", "le ", "l'", "die ", "der ", "das ",
];

/// How far into the next paragraph the heading's name is looked for, in words.
const ABOUT_NAME_WITHIN_WORDS: usize = 30;

/// The boilerplate "About <Organisation>" section closing a press release, or the
/// "About <Writer>" bio closing a post: a heading "About" (or "Sobre", "À propos
/// de", "Über", "Acerca de") plus a capitalised name, whose next block names it
/// early on ("About Acme Foods" / "Acme Foods is a family-owned …"; "Sobre Ana
/// Lima" / "Mãe de dois, Ana Lima escreve …"). The heading ends the story: it and
/// what follows, up to the next headline, stamp or byline, are chrome.
pub(super) fn mark_about_sections(blocks: &[Block<'_>], classes: &mut [Classified]) {
    for i in 0..blocks.len().saturating_sub(1) {
        if !matches!(classes[i].kind, BlockKind::Headline | BlockKind::Section) {
            continue;
        }
        let heading = blocks[i].text.as_ref();
        let Some(name) = ABOUT_OPENINGS
            .iter()
            .find_map(|opening| heading.strip_prefix(opening))
        else {
            continue;
        };
        let name = name.trim();
        let name = ABOUT_ARTICLES
            .iter()
            .find_map(|article| name.strip_prefix(article))
            .unwrap_or(name);
        let words = word_count(name);
        let capitalised = name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.len() <= 3);
        let Some(first_word) = name.split_whitespace().next() else {
            continue;
        };
        if words < MAX_ABOUT_WORDS
            && capitalised
            && first_word.chars().next().is_some_and(char::is_uppercase)
            && names_early(&blocks[i + 1].text, first_word)
        {
            classes[i] = Classified {
                ends_story: true,
                ..Classified::kind(BlockKind::Chrome)
            };
        }
    }
}

/// Whether `word` is one of the first [`ABOUT_NAME_WITHIN_WORDS`] words of `text`
/// (ignoring punctuation around them).
fn names_early(text: &str, word: &str) -> bool {
    text.split_whitespace()
        .take(ABOUT_NAME_WITHIN_WORDS)
        .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == word)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kind_of, page_kinds};
    use crate::ingest::classify::{BlockKind, classify_page};

    #[test]
    fn teasers_under_related_labels_and_captions_under_credits() {
        let kinds = page_kinds(
            "Body text of the story goes here.\n\nRelated article\nWhy ferries keep breaking down\n\nAFP/Jean Marc Colin\nA ferry leaves the harbour at dawn\n\nMore text.",
        );
        assert_eq!(
            kind_of(&kinds, "Why ferries keep breaking down"),
            BlockKind::Chrome
        );
        assert_eq!(
            kind_of(&kinds, "A ferry leaves the harbour at dawn"),
            BlockKind::Caption
        );
    }

    #[test]
    fn a_long_paragraph_right_under_a_credit_is_body_not_a_caption() {
        let lead = "Commuters across the region faced a third day of delays on Wednesday as the signalling fault that stopped trains on Monday spread to two more lines, the operator said in a statement.";
        let page = format!(
            "Signal fault delays trains for a third day\n\nGetty Images\n{lead}\n\nEngineers are working through the night."
        );
        let kinds = page_kinds(&page);
        assert_eq!(kind_of(&kinds, lead), BlockKind::Body, "{kinds:?}");
    }

    #[test]
    fn about_section_naming_the_next_paragraph_ends_the_story() {
        let text = "About Fenwick Tools\n\nFenwick Tools makes hand tools in three countries.";
        let blocks = crate::ingest::segment::segment(text);
        let classes = classify_page(&blocks);
        assert_eq!(classes[0].kind, BlockKind::Chrome);
        assert!(classes[0].ends_story);
        let text = "Sobre Marta Reis\n\nMãe de dois filhos, Marta Reis escreve sobre escolas.";
        let blocks = crate::ingest::segment::segment(text);
        let classes = classify_page(&blocks);
        assert!(classes[0].ends_story, "{classes:?}");
        let text = "About Face on Pensions\n\nMinisters changed course on Monday.";
        let blocks = crate::ingest::segment::segment(text);
        let classes = classify_page(&blocks);
        assert!(!classes[0].ends_story);
    }

    #[test]
    fn lines_under_a_contact_label_are_chrome() {
        let kinds = page_kinds(
            "Media Contact:\nLena Fox\n555-0123, lena@example.org\n\nThe plant will open in May.",
        );
        assert_eq!(kind_of(&kinds, "Lena Fox"), BlockKind::Chrome);
        assert_eq!(
            kind_of(&kinds, "555-0123, lena@example.org"),
            BlockKind::Chrome
        );
        assert_eq!(
            kind_of(&kinds, "The plant will open in May."),
            BlockKind::Body
        );
    }
}
