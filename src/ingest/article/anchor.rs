//! Which line of a page repeats its title and so anchors its article: the first line
//! read as a title (its site's name after a bar or dash dropped: `… - Coast Herald`),
//! and a later line sharing most of its words, one with a byline or stamp below it
//! first. What the anchor makes of the page's stories is [`super`]'s.

use super::header::has_header_below;
use super::{MIN_ANCHOR_F1, MIN_TITLE_WORDS};
use crate::ingest::classify::{BlockKind, Classified};
use crate::ingest::segment::Block;
use crate::ingest::split::for_each_word_hash;

/// Most words of a line that may repeat the title.
const MAX_ANCHOR_WORDS: usize = 40;
/// Least word F1 for a paragraph (a heading ending with a full stop) to anchor
/// the article: near word for word, as a lead sentence sharing most of the
/// title's words is prose.
const BODY_ANCHOR_F1: f64 = 0.9;
/// Most words of a site suffix dropped from a title.
const MAX_SUFFIX_WORDS: usize = 6;

/// Separators between a title and the site's name.
const SUFFIX_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " : ", " :: ", " · ", " « "];

/// A title with its site suffix dropped: the part after the last separator, when
/// it is short ([`MAX_SUFFIX_WORDS`] words or fewer) and what is left is longer.
/// `New SUVs highlight L.A. Auto Show - Connecticut Post` gives `New SUVs
/// highlight L.A. Auto Show`.
pub fn strip_site_suffix(title: &str) -> &str {
    let title = title.trim();
    let cut = SUFFIX_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|&(at, _)| at);
    let Some((at, len)) = cut else {
        return title;
    };
    let (head, tail) = (title[..at].trim(), title[at + len..].trim());
    let head_words = crate::ingest::text::word_count(head);
    let tail_words = crate::ingest::text::word_count(tail);
    if tail_words == 0 || tail_words > MAX_SUFFIX_WORDS || head_words < 2 || head_words < tail_words
    {
        return title;
    }
    head
}

/// The sorted word hashes of a text.
pub(super) fn word_bag(text: &str, out: &mut Vec<u64>) {
    out.clear();
    for_each_word_hash(text, |w| out.push(w));
    out.sort_unstable();
}

/// Word F1 of two sorted bags of word hashes.
pub(super) fn bag_f1(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = crate::ingest::text::common_sorted(a, b);
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The line anchoring a page's article, and how closely it repeats the title.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    /// The block repeating the title.
    pub block: usize,
    /// Its word F1 with the title (the better of the whole title and the title
    /// without its site suffix).
    pub f1: f64,
    /// A byline or stamp stands just below it: the article's own heading, shown
    /// as written even when it words the title differently.
    pub header: bool,
}

/// The block that repeats the page's title (its first block), if the first block
/// reads as a title: a headline-like line of [`MIN_TITLE_WORDS`] words or more
/// (site suffix dropped). The best match wins, the earliest on ties.
pub fn find_anchor(
    blocks: &[Block<'_>],
    classes: &[Classified],
    words: &[usize],
) -> Option<Anchor> {
    let first = blocks.first()?;
    if classes.first()?.kind != BlockKind::Headline {
        return None;
    }
    let stripped = strip_site_suffix(&first.text);
    if crate::ingest::text::word_count(stripped) < MIN_TITLE_WORDS {
        return None;
    }
    let (mut full, mut short, mut line) = (Vec::new(), Vec::new(), Vec::new());
    word_bag(&first.text, &mut full);
    word_bag(stripped, &mut short);
    // Most titles have no site suffix: the two bags are then one, matched once.
    let one_bag = short == full;
    // The best match wins, one with a byline or stamp below it first.
    let mut best: Option<(Anchor, bool)> = None;
    for i in 1..blocks.len() {
        // Too few or too many words to share enough of the title's, or a kind
        // that never anchors: not hashed.
        if words[i] == 0
            || words[i] > MAX_ANCHOR_WORDS
            || words[i] > 2 * full.len() + 4
            || 3 * words[i] < short.len()
            || matches!(classes[i].kind, BlockKind::Byline | BlockKind::Timestamp)
        {
            continue;
        }
        word_bag(&blocks[i].text, &mut line);
        let f1 = if one_bag {
            bag_f1(&line, &full)
        } else {
            bag_f1(&line, &full).max(bag_f1(&line, &short))
        };
        // A paragraph repeats the title only word for word (a heading that ends
        // with a full stop); one sharing some of its words is the story's prose.
        let allowed = match classes[i].kind {
            BlockKind::Body => f1 >= BODY_ANCHOR_F1,
            BlockKind::Byline | BlockKind::Timestamp => false,
            _ => true,
        };
        if !allowed || f1 < MIN_ANCHOR_F1 {
            continue;
        }
        let header = has_header_below(blocks, classes, words, i);
        let better = best.is_none_or(|(b, b_header)| {
            (header && !b_header) || (header == b_header && f1 > b.f1 + 1e-9)
        });
        if better {
            best = Some((
                Anchor {
                    block: i,
                    f1,
                    header,
                },
                header,
            ));
        }
    }
    best.map(|(anchor, _)| anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_are_dropped_from_titles() {
        assert_eq!(
            strip_site_suffix("The VW wagon with a secret message - SlashGear"),
            "The VW wagon with a secret message"
        );
        assert_eq!(
            strip_site_suffix("Mary Steenburgen wrote the best song | IndieWire"),
            "Mary Steenburgen wrote the best song"
        );
        assert_eq!(
            strip_site_suffix("Alibaba to raise $12.9bn in Hong Kong listing : CityAM"),
            "Alibaba to raise $12.9bn in Hong Kong listing"
        );
        // A long tail is part of the title; a short head is the site's name.
        assert_eq!(
            strip_site_suffix("Fallen Order review - shoots for the moon, lands among the stars"),
            "Fallen Order review - shoots for the moon, lands among the stars"
        );
        assert_eq!(
            strip_site_suffix("The Courier - Back to home"),
            "The Courier - Back to home"
        );
        assert_eq!(
            strip_site_suffix("No suffix at all here"),
            "No suffix at all here"
        );
    }
}
