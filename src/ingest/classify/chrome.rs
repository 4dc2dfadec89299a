//! Whether one block is site chrome by its words: the curated chrome phrases (whole
//! blocks, beginnings, phrases found in short blocks; with [`crate::ingest::phrases`],
//! in several languages), and one-line menu bars ("Home | World | Sport", "NEWS  SPORT
//! BUSINESS"). Also holds the beginnings of photo captions.
//!
//! Answers yes or no about one block's text: it never picks a block's kind (the rules
//! in `block` do, in their order) and never looks at neighbours.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::ingest::phrases;
use crate::ingest::text::ends_sentence;

/// A block with at least this many words that ends like a sentence is body, even
/// when it mentions a chrome word.
const LONG_SENTENCE_WORDS: usize = 15;

/// Chrome phrases matched anywhere apply only to blocks up to this many words.
const CONTAINS_MAX_WORDS: usize = 12;

/// Most words of a teaser ending in its "Read more" link.
const TEASER_MAX_WORDS: usize = 30;

/// Marks a link may end with after its text.
const TRAILING_MARKS: &[char] = &['.', '…', ' ', '»', '›', '→', '>'];

/// Chrome prefixes apply only to blocks up to this many words.
const PREFIX_MAX_WORDS: usize = 45;

/// Whole blocks that are chrome (compared lower-cased, ignoring closing `:`, `.`,
/// arrows and the like).
const CHROME_EXACT: &[&str] = &[
    "skip to content",
    "skip to main content",
    "skip navigation",
    "menu",
    "main menu",
    "navigation",
    "home",
    "homepage",
    "search",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share via email",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "telegram",
    "reddit",
    "email",
    "e-mail",
    "print",
    "copy link",
    "link copied",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "promoted",
    "read more",
    "more",
    "see more",
    "show more",
    "load more",
    "view more",
    "recommended",
    "recommended articles",
    "recommended for you",
    "recommended stories",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related topics",
    "more stories",
    "more news",
    "more from",
    "most read",
    "most viewed",
    "most popular",
    "popular",
    "trending",
    "trending now",
    "top stories",
    "latest",
    "latest news",
    "latest stories",
    "comments",
    "comment",
    "view comments",
    "show comments",
    "leave a comment",
    "join the conversation",
    "sign in",
    "log in",
    "login",
    "log out",
    "register",
    "subscribe",
    "subscribe now",
    "sign up",
    "newsletter",
    "newsletters",
    "follow us",
    "back to top",
    "top",
    "next article",
    "previous article",
    "next",
    "previous",
    "next story",
    "listen",
    "listen to this article",
    "watch",
    "video",
    "play video",
    "watch video",
    "close",
    "accept",
    "accept all",
    "reject all",
    "i agree",
    "ok",
    "got it",
    "manage cookies",
    "cookie settings",
    "cookie policy",
    "privacy policy",
    "privacy",
    "terms of use",
    "terms of service",
    "terms",
    "contact us",
    "about us",
    "feature image",
    "you may also like",
    "you might also like",
    "don't miss",
    "editor's picks",
    "editors' picks",
    "in other news",
    "topics",
    "tags",
    "explore more",
    "continue reading",
    "click here",
    "download the app",
    "open in app",
    "get the app",
    "live",
    "breaking",
    "breaking news",
    "updated",
    "photos",
    "gallery",
    "image",
    "caption",
    "expand",
    "toggle",
    "back",
    "opinion",
    "podcasts",
    "more on this story",
    "what to read next",
    "read next",
    "up next",
    "trending topics",
    "save",
    "saved",
    "bookmark",
    "add to list",
    "gift this article",
    "gift article",
    "follow",
    "loading",
    "for immediate release",
    "for release",
    "press release",
    "news release",
    "latest releases",
    "press releases",
    "news releases",
    "about the author",
    "about the authors",
    "about this story",
];

/// Beginnings that make a block chrome (when it has at most [`PREFIX_MAX_WORDS`]
/// words); matched lower-cased at a word boundary.
const CHROME_PREFIXES: &[&str] = &[
    "skip to",
    "we use cookies",
    "this website uses cookies",
    "this site uses cookies",
    "our website uses cookies",
    "we and our partners use cookies",
    "by continuing to use",
    "by using this site",
    "by using our site",
    "sign up for our",
    "sign up to our",
    "sign up for the",
    "subscribe to our",
    "subscribe for",
    "get our newsletter",
    "get the latest news",
    "©",
    "(c) 20",
    "(c) 19",
    "copyright ©",
    "copyright (c)",
    "all rights reserved",
    "follow us on",
    "download our app",
    "download the app",
    "listen to this article",
    "read more:",
    "read more at",
    "related:",
    "see also:",
    "more:",
    "embargoed until",
    "embargoed for",
    "also read:",
    "also read",
    "read also:",
    "share this",
    "advertisement",
    "click here",
    "continue reading",
    "you may also like",
    "recommended for you",
    "reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    "this article was originally",
    "this story was originally",
    "this content",
    "want to read more",
    "get unlimited access",
    "already a subscriber",
    "already have an account",
    "create a free account",
    "you have reached your",
    "support our journalism",
    "enable javascript",
    "please enable javascript",
    "your browser",
    "have a news tip",
    "contact the author",
    "follow the latest",
];

/// Phrases that make a short block (at most [`CONTAINS_MAX_WORDS`] words, not a
/// sentence) chrome wherever they appear in it.
const CHROME_CONTAINS: &[&str] = &[
    "all rights reserved",
    "cookie",
    "newsletter",
    "subscribe",
    "privacy policy",
    "terms of service",
    "terms of use",
    "advertisement",
    "sign up",
    "share this",
    "read more",
    "©",
    "log in",
    "sign in",
    "follow us",
];

/// Beginnings of photo captions and credits.
const CAPTION_PREFIXES: &[&str] = &[
    "photo:",
    "photo by",
    "photos:",
    "photograph:",
    "photograph by",
    "picture:",
    "pictured:",
    "image:",
    "images:",
    "image source",
    "image caption",
    "caption:",
    "credit:",
    "credits:",
    "illustration:",
    "file photo",
    "(photo",
    "[photo",
    "(file",
    "photographs by",
    "photography by",
    "photos by",
    "illustration by",
    "illustrations by",
    "video:",
    "graphic:",
    "getty images",
    "source: getty",
];

/// [`CHROME_CONTAINS`] and [`phrases::CHROME_CONTAINS_INTL`], searched for in one pass.
static CHROME_CONTAINED: LazyLock<AhoCorasick> = LazyLock::new(|| {
    phrases::phrase_set(CHROME_CONTAINS.iter().chain(phrases::CHROME_CONTAINS_INTL))
});

/// The length in bytes of the longest whole-block chrome phrase ([`CHROME_EXACT`],
/// [`phrases::CHROME_EXACT_INTL`]): longer blocks need no lookup.
const LONGEST_CHROME_EXACT: usize = {
    let mut longest = 0;
    let lists = [CHROME_EXACT, phrases::CHROME_EXACT_INTL];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            if lists[l][i].len() > longest {
                longest = lists[l][i].len();
            }
            i += 1;
        }
        l += 1;
    }
    longest
};

/// Whether a block is site chrome by its phrases (menu bars are told apart by the
/// caller): an exact chrome label, a teaser label, a chrome beginning, a trailer.
pub(super) fn is_chrome(text: &str, lower: &str, words: usize, sentence: bool) -> bool {
    let bare = lower
        .trim_start_matches(['•', '·', '-', '–', '*', '›', '»', '>', '|', ' '])
        .trim_end_matches([':', '.', '›', '»', '>', '→', '|', ' ', '+', '…']);
    if (bare.len() <= LONGEST_CHROME_EXACT
        && (CHROME_EXACT.contains(&bare) || phrases::CHROME_EXACT_INTL.contains(&bare)))
        || phrases::is_teaser_label(bare)
        || phrases::is_reading_time(lower)
        || phrases::is_gallery_counter(lower)
        || phrases::is_bare_count(text)
    {
        return true;
    }
    if phrases::is_release_source(text)
        || phrases::is_contact_label(lower)
        || phrases::is_signup_prompt(lower, words)
    {
        return true;
    }
    // A credit in brackets ("(Reporting by …; editing by …)") opens like one without.
    let opened = lower.trim_start_matches(['(', '[']);
    if words <= PREFIX_MAX_WORDS
        && (CHROME_STARTS.starts(lower)
            || (opened.len() < lower.len() && CHROME_STARTS.starts(opened))
            || phrases::is_promo(lower)
            || phrases::is_trailer(lower))
    {
        return true;
    }
    // A teaser whose link text ends it ("Storm closes the port Read more").
    if words <= TEASER_MAX_WORDS
        && !sentence
        && lower
            .trim_end_matches(TRAILING_MARKS)
            .ends_with(" read more")
    {
        return true;
    }
    let long_sentence = sentence && words >= LONG_SENTENCE_WORDS;
    if !long_sentence
        && words <= CONTAINS_MAX_WORDS
        && !sentence
        && CHROME_CONTAINED.is_match(lower)
    {
        return true;
    }
    !long_sentence && words <= CONTAINS_MAX_WORDS && lower.contains("all rights reserved")
}

/// Lists of beginnings (lower-cased), filed by their first byte so that a block
/// is compared only with the few that could match.
pub(super) struct Prefixes {
    /// For each first byte, the beginnings starting with it.
    by_first_byte: Vec<Vec<&'static str>>,
}

impl Prefixes {
    /// Files the beginnings of all `lists` (none of them empty).
    fn new(lists: &[&[&'static str]]) -> Self {
        let mut by_first_byte = vec![Vec::new(); 256];
        for &prefix in lists.iter().flat_map(|list| list.iter()) {
            if let Some(&first) = prefix.as_bytes().first() {
                by_first_byte[usize::from(first)].push(prefix);
            }
        }
        Self { by_first_byte }
    }

    /// Whether `lower` starts with one of the beginnings at a word boundary.
    pub(super) fn starts(&self, lower: &str) -> bool {
        lower
            .as_bytes()
            .first()
            .is_some_and(|&first| starts_with_any(lower, &self.by_first_byte[usize::from(first)]))
    }
}

/// [`CHROME_PREFIXES`] and [`phrases::CHROME_PREFIXES_INTL`].
static CHROME_STARTS: LazyLock<Prefixes> =
    LazyLock::new(|| Prefixes::new(&[CHROME_PREFIXES, phrases::CHROME_PREFIXES_INTL]));

/// [`CAPTION_PREFIXES`].
pub(super) static CAPTION_STARTS: LazyLock<Prefixes> =
    LazyLock::new(|| Prefixes::new(&[CAPTION_PREFIXES]));

/// Whether `lower` starts with one of `prefixes` at a word boundary.
fn starts_with_any(lower: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|rest| {
            p.ends_with(|c: char| !c.is_alphanumeric())
                || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether the text holds `|`, `•` or `·`, in one byte search: `•` is the only
/// character whose UTF-8 form ends in the bytes 0x80 0xA2 after 0xE2, and `·` the
/// only one made of 0xC2 0xB7.
fn has_bar(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'|', 0xA2, 0xB7, bytes).any(|at| match bytes[at] {
        b'|' => true,
        0xA2 => at >= 2 && bytes[at - 2] == 0xE2 && bytes[at - 1] == 0x80,
        _ => at >= 1 && bytes[at - 1] == 0xC2,
    })
}

/// A finder for two spaces in a row, built once.
pub(super) static TWO_SPACES: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("  "));

/// A single line listing several short items between bars or bullets, or (with no
/// digits) between wide gaps of spaces ("NEWS  SPORT  BUSINESS").
pub(super) fn is_menu_bar(text: &str) -> bool {
    if !has_bar(text) {
        // Three cells need two gaps (found as `split` finds them: left to right, apart).
        let bytes = text.as_bytes();
        let second_gap = TWO_SPACES
            .find(bytes)
            .and_then(|first| TWO_SPACES.find(bytes.get(first + 2..)?));
        if second_gap.is_none() {
            return false;
        }
        let cells: Vec<&str> = text
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        return cells.len() >= 3
            && !text.chars().any(|c| c.is_ascii_digit())
            && cells
                .iter()
                .all(|c| c.split_whitespace().nth(3).is_none() && !ends_sentence(c));
    }
    let parts: Vec<&str> = text
        .split(['|', '•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.split_whitespace().nth(3).is_none() && !ends_sentence(p))
}

#[cfg(test)]
mod tests {
    use super::super::tests::kind;
    use crate::ingest::classify::{BlockKind, classify_block};

    #[test]
    fn bracketed_credits_and_teasers_ending_in_read_more_are_chrome() {
        assert_eq!(
            kind("(Reporting by Jo Park and Li Wen; editing by Sam Ode)"),
            BlockKind::Chrome
        );
        assert_eq!(
            kind(
                "Harbour Board Backs Plan to Widen the Old Quay Before the Summer Season Read more"
            ),
            BlockKind::Chrome
        );
        // A sentence about reading more is body.
        assert_eq!(
            kind("Parents said their children read more since the library reopened in the spring."),
            BlockKind::Body
        );
    }

    #[test]
    fn chrome_phrases_in_any_case() {
        for text in [
            "SHARE THIS ARTICLE",
            "Advertisement",
            "Read more:",
            "Sign up for our daily briefing newsletter and get the news first",
            "© 2026 Harbour Media Group Ltd. All rights reserved.",
            "We use cookies to improve your experience on our site. By continuing you accept our use of cookies.",
            "Home | World | Business | Sport",
            "Skip to main content",
            "Reporting by Ana Lim; Editing by Tom Reyes",
            "Get our free newsletter",
        ] {
            assert_eq!(kind(text), BlockKind::Chrome, "{text}");
        }
    }

    #[test]
    fn long_sentence_with_chrome_word_is_body() {
        for text in [
            "The regulator said websites that quietly share cookie data with advertisers would face fines from next year.",
            "Readers who subscribe to the paper's print edition will keep receiving it at home until the end of the year, the company said.",
        ] {
            assert_eq!(kind(text), BlockKind::Body, "{text}");
        }
    }

    #[test]
    fn trailers_footers_and_reading_times_are_chrome_even_as_sentences() {
        for text in [
            "Reuters staff in Jakarta and Sydney contributed to this report.",
            "Copyright 2026 Valley Broadcasting. All rights reserved. Valley Broadcasting is not responsible for the content of external sites.",
            "Our Standards: The Example Trust Principles.",
            "6 min read",
            "Temps de lecture 4 min.",
            "ENDITEM",
            "-- 30 --",
            "Partager",
            "Publicidad",
            "Lire aussi | Le port de Brest rouvre",
            "Image 2 of 9",
        ] {
            assert_eq!(kind(text), BlockKind::Chrome, "{text}");
        }
        assert!(classify_block("(END)").ends_story);
    }

    #[test]
    fn promo_lines_are_chrome() {
        for text in [
            "WATCH: Firefighters battle the warehouse blaze",
            "LISTEN: The mayor on the budget gap",
            "READ MORE: Ferry fares to rise in spring",
            "PHOTOS: The harvest festival parade",
            "SEE ALSO: Five things to know about the vote",
            "Read: The full text of the ruling",
            "Click here to get alerts on your phone",
            "Loading ...",
            "Loading…",
            "118",
            "2.4K",
        ] {
            assert_ne!(kind(text), BlockKind::Headline, "{text}");
            assert_ne!(kind(text), BlockKind::Body, "{text}");
        }
        assert_eq!(
            kind("Watchdog fines bank over late payments"),
            BlockKind::Headline
        );
        assert_eq!(
            kind("Loading bays at the port were closed"),
            BlockKind::Headline
        );
    }

    #[test]
    fn press_release_furniture_is_chrome() {
        for text in [
            "FOR IMMEDIATE RELEASE",
            "Contact: Lena Fox, Communications Manager",
            "Media contact: press@example.org",
            "Media Contact:",
            "SOURCE Fenwick Tools Inc.",
            "Embargoed until 00:01 GMT",
        ] {
            assert_eq!(kind(text), BlockKind::Chrome, "{text}");
        }
        assert_ne!(
            kind("SOURCE code for the app was published on Friday"),
            BlockKind::Chrome
        );
    }
}
