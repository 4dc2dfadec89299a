//! Page pass: a writer's name told by the line next to it. A name over a role line
//! ("Business reporter, BBC News") is the byline and the role line chrome; a person's
//! name on the line right above a stamp, under a headline, is the byline.
//!
//! Only turns section-label-shaped names into bylines (and role lines into chrome);
//! never changes stamps, headlines or body.

use crate::ingest::segment::Block;
use crate::ingest::text::{count_words_up_to, ends_sentence, more_words_than};

use super::byline::{BEAT_WORDS, ROLE_WORDS, in_list};
use super::kind::{BlockKind, Classified, tight};

/// A role line ("Business reporter, BBC News") under a name makes the name a
/// byline; the role line itself is chrome.
pub(super) fn mark_role_lines(blocks: &[Block<'_>], classes: &mut [Classified]) {
    for i in 1..blocks.len() {
        let text = blocks[i].text.as_ref();
        if more_words_than(text, 8) || ends_sentence(text) || classes[i].kind == BlockKind::Byline {
            continue;
        }
        let lower = text.to_lowercase();
        let is_role = lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ROLE_WORDS.contains(&w));
        let name = &blocks[i - 1].text;
        let name_words = count_words_up_to(name, 5);
        if is_role
            && classes[i - 1].kind == BlockKind::Section
            && (2..=4).contains(&name_words)
            && blocks[i].line_start == blocks[i - 1].line_end + 1
        {
            classes[i - 1] = Classified::byline(name, None);
            classes[i].kind = BlockKind::Chrome;
        }
    }
}

/// A person's name on the line right above a stamp, under a headline, is the
/// byline ("Lucía Martín" over "Madrid - 14 ene 2026 - 13:45 CET").
pub(super) fn mark_names_over_stamps(blocks: &[Block<'_>], classes: &mut [Classified]) {
    for i in 1..blocks.len().saturating_sub(1) {
        if classes[i].kind != BlockKind::Section
            || classes[i + 1].kind != BlockKind::Timestamp
            || !tight(blocks, i + 1)
        {
            continue;
        }
        let text = blocks[i].text.as_ref();
        let words: Vec<&str> = text.split_whitespace().collect();
        let name_like = (2..=4).contains(&words.len())
            && text.chars().any(char::is_lowercase)
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
            })
            && !words.iter().all(|w| in_list(w, BEAT_WORDS));
        let under_headline = (0..i)
            .rev()
            .filter(|&j| classes[j].kind != BlockKind::Chrome)
            .take(3)
            .any(|j| classes[j].kind == BlockKind::Headline);
        if name_like && under_headline {
            classes[i] = Classified::byline(text, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kind_of, page_kinds};
    use crate::ingest::classify::{BlockKind, classify_page};

    #[test]
    fn name_over_role_line_is_a_byline() {
        let blocks =
            crate::ingest::segment::segment("Omar Khalid\nHealth correspondent, The Courier");
        let classes = classify_page(&blocks);
        assert_eq!(classes[0].kind, BlockKind::Byline);
        assert_eq!(classes[0].byline.as_deref(), Some("Omar Khalid"));
        assert_eq!(classes[1].kind, BlockKind::Chrome);
    }

    #[test]
    fn name_on_the_line_above_a_stamp_under_a_headline_is_the_byline() {
        let kinds = page_kinds(
            "Ferry fares rise for the summer season\n\nJonas Berg\n12 May 2026 10:00\n\nFares rose.",
        );
        assert_eq!(kind_of(&kinds, "Jonas Berg"), BlockKind::Byline);
        let kinds = page_kinds(
            "Ferry fares rise for the summer season\n\nMiddle East\n12 May 2026 10:00\n\nFares rose.",
        );
        assert_ne!(kind_of(&kinds, "Middle East"), BlockKind::Byline);
    }
}
