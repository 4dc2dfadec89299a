//! The rules for one block on its own, in order: empty blocks, lists of links
//! (`lists`), very long blocks, stamps (absolute, relative, after a place name), end
//! markers, captions and credits, "Label: value" metadata lines, chrome (`chrome`),
//! breadcrumbs, bylines (`byline`), section labels, then headline or body by length,
//! word count, closing punctuation and capitalisation.
//!
//! Looks at one block's text and word count only: never at its neighbours (the page
//! passes do that), and it holds no phrase lists of its own.

use crate::ingest::phrases::{self, Metadata};
use crate::ingest::text::{ends_sentence, lowercase, word_count};
use crate::ingest::timestamp::{self, Stamp};

use super::byline::{byline, is_name_list};
use super::chrome::{CAPTION_STARTS, is_chrome};
use super::kind::{BlockKind, Classified};
use super::lists::is_link_list;

/// Blocks of more words than this are never stamps, bylines or labels.
const MAX_SHORT_WORDS: usize = 16;

/// Most words a headline has.
const MAX_HEADLINE_WORDS: usize = 25;

/// Most characters a headline has.
const MAX_HEADLINE_CHARS: usize = 220;

/// Most words (and characters) a section label has.
const MAX_LABEL_WORDS: usize = 3;
const MAX_LABEL_CHARS: usize = 32;

/// Blocks longer than this are checked for no chrome phrase or caption prefix.
const MAX_PHRASE_CHECK_WORDS: usize = 60;

/// Block word counts are counted up to this: no rule (here or in
/// [`crate::ingest::split`]) tells longer blocks apart.
pub const WORD_COUNT_CAP: usize = MAX_PHRASE_CHECK_WORDS + 1;

// `classify_counted` compares block word counts with these limits.
const _: () = assert!(
    WORD_COUNT_CAP > phrases::IMAGE_CREDIT_MAX_WORDS
        && WORD_COUNT_CAP > phrases::METADATA_MAX_WORDS
);

/// [`super::classify_block`], given the block's word count up to [`WORD_COUNT_CAP`]
/// (every rule compares the count with at most [`MAX_PHRASE_CHECK_WORDS`]), and
/// whether the trimmed block is a menu bar ([`super::chrome::is_menu_bar`]).
pub(super) fn classify_counted(text: &str, words: usize, menu_bar: bool) -> Classified {
    let text = text.trim();
    if words == 0 {
        return Classified::kind(BlockKind::Chrome);
    }
    let sentence = ends_sentence(text);
    if is_link_list(text, words, sentence) {
        return Classified::kind(BlockKind::Chrome);
    }
    if words > MAX_PHRASE_CHECK_WORDS {
        // Too long for any chrome phrase or caption rule: body, unless a menu bar.
        if menu_bar {
            return Classified::kind(BlockKind::Chrome);
        }
        return Classified::kind(BlockKind::Body);
    }
    if words <= MAX_SHORT_WORDS {
        if let Some(stamp) = timestamp::parse_stamp(text) {
            return Classified::stamp(stamp);
        }
        if timestamp::is_relative_time(text) {
            return Classified::kind(BlockKind::Timestamp);
        }
        if let Some(stamp) = placed_stamp(text) {
            return Classified::stamp(stamp);
        }
    }
    // Lower-cased only once the stamp rules (which need no lower case) are done.
    let lower = lowercase(text);
    if phrases::is_end_marker(&lower) {
        return Classified {
            ends_story: true,
            ..Classified::kind(BlockKind::Chrome)
        };
    }
    // Blocks longer than a credit or a metadata line skip those rules (`words` is
    // exact up to `WORD_COUNT_CAP`, which is more than either limit).
    if CAPTION_STARTS.starts(&lower)
        || (words <= phrases::IMAGE_CREDIT_MAX_WORDS && phrases::is_image_credit(text, &lower))
        || phrases::ends_with_credit(text)
    {
        return Classified::kind(BlockKind::Caption);
    }
    let metadata = if words <= phrases::METADATA_MAX_WORDS {
        phrases::metadata(text)
    } else {
        None
    };
    match metadata {
        Some(Metadata::Writer(name)) if is_name_list(name) => {
            return Classified::byline(name, None);
        }
        Some(_) => return Classified::kind(BlockKind::Chrome),
        None => {}
    }
    if menu_bar || is_chrome(text, &lower, words, sentence) {
        return Classified::kind(BlockKind::Chrome);
    }
    if words <= MAX_LABEL_WORDS + 2 && phrases::breadcrumb_last(text).is_some() {
        return Classified::kind(BlockKind::Section);
    }
    if words <= MAX_SHORT_WORDS
        && let Some(class) = byline(text)
    {
        return class;
    }
    if words <= MAX_LABEL_WORDS && text.chars().count() <= MAX_LABEL_CHARS && is_label(text) {
        return Classified::kind(BlockKind::Section);
    }
    if sentence && is_title_case_headline(text, words) {
        return Classified::kind(BlockKind::Headline);
    }
    let long_question = (text.ends_with('?') || text.ends_with('!')) && words > 15;
    let period_end = sentence && !text.ends_with('?') && !text.ends_with('!');
    if period_end || long_question || words > MAX_HEADLINE_WORDS || text.len() > MAX_HEADLINE_CHARS
    {
        if words >= 3 || text.len() > 24 {
            return Classified::kind(BlockKind::Body);
        }
        return Classified::kind(BlockKind::Chrome);
    }
    if words >= 2 && text.chars().next().is_some_and(|c| !c.is_lowercase()) && !text.ends_with(',')
    {
        return Classified::kind(BlockKind::Headline);
    }
    if words >= 8 {
        return Classified::kind(BlockKind::Body);
    }
    Classified::kind(BlockKind::Chrome)
}

/// A stamp after a place name: "Madrid - 14 ene 2026 - 13:45 CET",
/// "LONDON — March 3, 2026".
fn placed_stamp(text: &str) -> Option<Stamp> {
    // A stamp has a digit (`parse_stamp` needs one): without one there is no
    // need to look for the separators.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for sep in [" - ", " — ", " – ", ", "] {
        if let Some((place, rest)) = text.split_once(sep) {
            let place_words = word_count(place);
            let capitalised = place.chars().next().is_some_and(char::is_uppercase);
            if (1..=3).contains(&place_words)
                && capitalised
                && !place.chars().any(|c| c.is_ascii_digit())
                && timestamp::parse_stamp(place).is_none()
            {
                return timestamp::parse_stamp(rest);
            }
        }
    }
    None
}

/// Words left in lower case in a title-case headline.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "to", "for", "and", "but", "or", "nor", "at", "by", "with",
    "as", "from", "up", "into", "over", "via", "vs", "per", "off", "out", "is", "its", "than",
    "so", "yet",
];

/// A short line in title case that ends with a full stop is still a headline
/// ("A Small Town Bet Its Future on Geothermal Heat. Now the Bills Are Due.").
fn is_title_case_headline(text: &str, words: usize) -> bool {
    if !(5..=20).contains(&words) || text.ends_with('?') || text.ends_with('!') {
        return false;
    }
    let mut content = 0;
    for word in text.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        if first.is_ascii_digit() {
            continue;
        }
        if first.is_lowercase() {
            let bare = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if TITLE_SMALL_WORDS.contains(&bare.as_str()) {
                continue;
            }
            return false;
        }
        content += 1;
    }
    content >= 4 && !text.chars().all(|c| !c.is_lowercase())
}

/// A short label: every word capitalised (or `&`, `and`), no closing punctuation.
fn is_label(text: &str) -> bool {
    !text.ends_with(['.', ',', ';', ':', '!', '?'])
        && text.split_whitespace().all(|w| {
            w == "&"
                || w.eq_ignore_ascii_case("and")
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && text.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::tests::kind;
    use super::*;
    use crate::ingest::classify::classify_block;

    #[test]
    fn headlines_labels_and_body() {
        assert_eq!(
            kind("Port strike halts container traffic for a third day"),
            BlockKind::Headline
        );
        assert_eq!(
            kind("Can the city afford a new stadium?"),
            BlockKind::Headline
        );
        assert_eq!(kind("Business"), BlockKind::Section);
        assert_eq!(kind("Middle East"), BlockKind::Section);
        assert_eq!(kind("The strike began at dawn."), BlockKind::Body);
        assert_eq!(
            kind("\"We will not back down,\" she said."),
            BlockKind::Body
        );
    }

    #[test]
    fn stamps_and_captions() {
        assert_eq!(kind("Published: 3 March 2026"), BlockKind::Timestamp);
        assert_eq!(kind("4 hours ago"), BlockKind::Timestamp);
        assert_eq!(
            kind("Photo: Dock workers at the gate on Tuesday. (Jin Wu)"),
            BlockKind::Caption
        );
        assert_eq!(kind("(Photo: Xinhua)"), BlockKind::Caption);
    }

    #[test]
    fn metadata_lines_are_never_sections_or_body() {
        assert_eq!(kind("Source: Kyodo"), BlockKind::Chrome);
        assert_eq!(kind("Editor: Sun Wei"), BlockKind::Chrome);
        let c = classify_block("Reporter: Lee Min-ho");
        assert_eq!(c.kind, BlockKind::Byline);
        assert_eq!(c.byline.as_deref(), Some("Lee Min-ho"));
    }

    #[test]
    fn credits_and_captions_ending_in_a_credit() {
        for text in [
            "Getty Images",
            "AFP/Jean Marc Colin",
            "Photo: EPA",
            "Crowds gather at the harbour wall. Photograph: Ines Costa/AP",
        ] {
            assert_eq!(kind(text), BlockKind::Caption, "{text}");
        }
    }

    #[test]
    fn title_case_line_with_full_stop_is_a_headline() {
        assert_eq!(
            kind("The River Rose. Then the Town Moved Uphill."),
            BlockKind::Headline
        );
        assert_eq!(
            kind("The river rose and the town moved uphill."),
            BlockKind::Body
        );
    }
}
