//! Page passes: the boilerplate under an article. Legal notices at the foot of the
//! page (a rights or trademark line, a disclaimer of advice, a health-claim
//! disclaimer, a forward-looking-statements warning; told by
//! [`phrases::is_legal_notice`]) are chrome: the body paragraphs are read from the
//! last one up, until [`FOOT_STORY_PARAGRAPHS`] paragraphs that are no notice show
//! the story (or a comment thread) has been reached.
//!
//! The issuer's profile closing a press release when no `About` heading
//! announces it. A paragraph that opens by saying what an organisation is ("Acme
//! Foods is a leading maker of …", "Acme (NASDAQ: ACME) is a global provider of …")
//! and gives the facts a profile gives (where it is headquartered, when it was
//! founded, how many it employs, where its shares are listed, its web address; in
//! it or in the next block),
//! after at least [`MIN_BODY_BEFORE`] paragraphs of body (since the last stamp or
//! byline; a crosshead does not count) and with at most
//! [`MAX_PROSE_AFTER`] long paragraphs after it (a paragraph about a person, "Lee
//! is a former miner …", has the story go on), ends the story: it and what
//! follows, up to the next headline, stamp or byline, are chrome.
//!
//! Only turns body paragraphs into chrome (a profile also ends the story); never
//! looks at other kinds.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use crate::ingest::phrases;
use crate::ingest::segment::Block;

use super::kind::{BlockKind, Classified};

/// Paragraphs that are no legal notice, read from the foot of the page up, after
/// which no more notices are looked for.
const FOOT_STORY_PARAGRAPHS: usize = 3;

/// Marks the legal notices at the foot of the page as chrome (see the module doc).
pub(super) fn mark_legal_notices(blocks: &[Block<'_>], classes: &mut [Classified]) {
    let mut story = 0;
    for (block, class) in blocks.iter().zip(classes.iter_mut()).rev() {
        if class.kind != BlockKind::Body {
            continue;
        }
        if phrases::is_legal_notice(&block.text) {
            *class = Classified::kind(BlockKind::Chrome);
        } else {
            story += 1;
            if story >= FOOT_STORY_PARAGRAPHS {
                break;
            }
        }
    }
}

/// Body paragraphs the story must have above a profile: the story comes first.
const MIN_BODY_BEFORE: usize = 3;

/// The verb of a profile's opening stands within this many bytes.
const OPENING_MAX_BYTES: usize = 160;

/// Only paragraphs up to this many bytes are read as profiles.
const MAX_PROFILE_BYTES: usize = 2_000;

/// The facts only an organisation's profile gives (lower case as written
/// mid-sentence), in the opening paragraph or the next.
const PROFILE_FACTS: &[&str] = &[
    "headquartered in",
    "headquartered at",
    "employs",
    "employees worldwide",
    "subsidiaries in",
    "listed on the",
    "traded on the",
    "www.",
    "for more information",
    "For more information",
];

/// Facts a profile gives that a story about a person may give too: taken only in
/// the opening paragraph itself.
const OPENING_FACTS: &[&str] = &["founded in", "established in"];

/// Long paragraphs that may follow a profile before the next headline: a story's
/// paragraph about a person ("Lee is a former miner …") has the story go on.
const MAX_PROSE_AFTER: usize = 2;

/// Words of a long paragraph, for [`MAX_PROSE_AFTER`].
const PROSE_WORDS: usize = 30;

/// An opening that says what an organisation is: one to six capitalised words (an
/// exchange ticker in brackets may follow), then "is a", "is an", "is the" or "is
/// one of".
static PROFILE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:The )?\p{Lu}[\p{L}\p{N}&.'’-]*(?: (?:\p{Lu}[\p{L}\p{N}&.'’-]*|&|of|and|de|for))*,?(?: \([^)]{1,40}\))?,? (?:is|are) (?:a|an|the|one of) ",
    )
    .expect("valid regex")
});

/// Finders for the verbs of [`PROFILE_OPENING`], built once.
static SPACED_IS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" is "));
static SPACED_ARE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" are "));

/// Whether a paragraph opens by saying what an organisation is
/// ([`PROFILE_OPENING`], at most ten words up to the article after the verb).
fn is_profile_opening(text: &str) -> bool {
    if text.len() > MAX_PROFILE_BYTES || !text.starts_with(char::is_uppercase) {
        return false;
    }
    // The verb stands early: most paragraphs are passed over by a byte search.
    let early = &text.as_bytes()[..text.len().min(OPENING_MAX_BYTES)];
    if SPACED_IS.find(early).is_none() && SPACED_ARE.find(early).is_none() {
        return false;
    }
    PROFILE_OPENING
        .find(text)
        .is_some_and(|found| text[..found.end()].split_whitespace().count() <= 10)
}

/// Whether a paragraph gives a fact of [`PROFILE_FACTS`].
fn has_profile_facts(text: &str) -> bool {
    text.len() <= MAX_PROFILE_BYTES && PROFILE_FACTS.iter().any(|f| text.contains(f))
}

/// Whether a paragraph is an organisation's profile: the opening that says what it
/// is, and a profile fact in it (or one of [`OPENING_FACTS`]) or in the next block
/// (`next`).
fn is_profile(text: &str, next: Option<&str>) -> bool {
    is_profile_opening(text)
        && (has_profile_facts(text)
            || OPENING_FACTS.iter().any(|f| text.contains(f))
            || next.is_some_and(has_profile_facts))
}

/// Whether the story goes on after block `i`: more than [`MAX_PROSE_AFTER`] long
/// body paragraphs before the next headline, stamp or byline.
fn story_goes_on(classes: &[Classified], words: &[usize], i: usize) -> bool {
    let mut prose = 0;
    for (class, &count) in classes.iter().zip(words).skip(i + 1) {
        match class.kind {
            BlockKind::Headline | BlockKind::Timestamp | BlockKind::Byline => break,
            BlockKind::Body if count >= PROSE_WORDS => {
                prose += 1;
                if prose > MAX_PROSE_AFTER {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Marks the first profile paragraph after [`MIN_BODY_BEFORE`] body paragraphs as
/// chrome that ends the story (see the module doc).
pub(super) fn mark_profiles(blocks: &[Block<'_>], classes: &mut [Classified], words: &[usize]) {
    let mut body_seen = 0;
    for i in 0..blocks.len() {
        match classes[i].kind {
            BlockKind::Body => {
                let next = blocks.get(i + 1).map(|b| b.text.as_ref());
                if body_seen >= MIN_BODY_BEFORE
                    && is_profile(&blocks[i].text, next)
                    && !story_goes_on(classes, words, i)
                {
                    classes[i] = Classified {
                        ends_story: true,
                        ..Classified::kind(BlockKind::Chrome)
                    };
                    body_seen = 0;
                } else {
                    body_seen += 1;
                }
            }
            // A new header (a crosshead is no header).
            BlockKind::Timestamp | BlockKind::Byline => body_seen = 0,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kind_of, page_kinds};
    use super::*;

    const BODY: &str = "The new plant will make parts for trains and buses.\n\nIt opens in May, the company said on Tuesday.\n\nAbout forty people will work there at first.\n\n";

    #[test]
    fn legal_notices_at_the_foot_of_the_page_are_chrome() {
        let notice = "The advice on this site is for informational purposes only and does not replace a visit to your doctor.";
        let rights = "Gadgets and the Gadgets logo are registered trademarks of Gadget Co. in several countries.";
        let page = format!("{BODY}Related stories\n\n{notice}\n\n{rights}");
        let kinds = page_kinds(&page);
        assert_eq!(kind_of(&kinds, notice), BlockKind::Chrome, "{kinds:?}");
        assert_eq!(kind_of(&kinds, rights), BlockKind::Chrome);
        assert_eq!(
            kind_of(&kinds, "About forty people will work there at first."),
            BlockKind::Body
        );
        // Above three paragraphs of story, a notice-like sentence is left alone.
        let page = format!("{rights}\n\n{BODY}");
        assert_eq!(kind_of(&page_kinds(&page), rights), BlockKind::Body);
    }

    #[test]
    fn a_profile_after_the_story_ends_it() {
        let profile = "Fenwick Rail is a leading maker of brakes for trains. Headquartered in Leeds, it employs 900 people in four countries.";
        let page = format!("{BODY}{profile}\n\nFollow Fenwick Rail for more news from the works.");
        let kinds = page_kinds(&page);
        assert_eq!(kind_of(&kinds, profile), BlockKind::Chrome, "{kinds:?}");
        let blocks = crate::ingest::segment::segment(&page);
        let classes = super::super::classify_page(&blocks);
        assert!(classes[3].ends_story);
        // With a ticker after the name.
        assert!(is_profile(
            "Orbis Data (NASDAQ: ORBD) is a global provider of storage. For more information, visit orbis.example.",
            None
        ));
        // The facts in the paragraph after the opening one.
        assert!(is_profile(
            "Orbis Data is a global provider of storage for hospitals.",
            Some("Orbis Data is headquartered in Lyon and employs 300 people.")
        ));
        assert!(!is_profile(
            "Orbis Data is a global provider of storage for hospitals.",
            Some("Its chief executive said the deal would close in March.")
        ));
    }

    #[test]
    fn a_person_or_a_profile_without_facts_stays_body() {
        // A sentence about a person with no profile facts.
        let person = "Mr Hale is a former miner who now runs the union's office in the valley.";
        let kinds = page_kinds(&format!("{BODY}{person}"));
        assert_eq!(kind_of(&kinds, person), BlockKind::Body);
        // A paragraph about a person with a fact, when the story goes on.
        let person =
            "Rhys Hale is a former miner who founded in 1990 the union's office in the valley.";
        let more = "He said the pit closures had hit the town hard, that the young had left for the cities in search of work and houses, and that the chapel and the school had both shut their doors within a year.";
        let kinds = page_kinds(&format!("{BODY}{person}\n\n{more}\n\n{more}\n\n{more}"));
        assert_eq!(kind_of(&kinds, person), BlockKind::Body, "{kinds:?}");
        // A profile at the top of the page is the story itself.
        let profile = "Fenwick Rail is a maker of brakes, founded in 1921 in Leeds.";
        let kinds = page_kinds(&format!("{profile}\n\n{BODY}"));
        assert_eq!(kind_of(&kinds, profile), BlockKind::Body);
    }
}
