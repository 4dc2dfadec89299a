//! Telling what each block of a page is: chrome, a section label, a headline, a
//! byline, a timestamp, a caption or a body paragraph.
//!
//! Classification looks at one block at a time ([`classify_block`]): its length,
//! word count, closing punctuation, capitalisation, whether it parses as a stamp,
//! and whether it matches a curated list of chrome phrases (case-insensitive). Then
//! [`classify_page`] looks at neighbours: runs of distinct short labels are a menu
//! (chrome), while a label standing alone or repeated is a section label. Whether a
//! headline-like block is the story's headline, a caption repeating it, a teaser or
//! a crosshead inside the body is decided when the page is split into stories.

use std::sync::LazyLock;

use regex::Regex;

use super::segment::Block;
use super::timestamp::{self, Stamp};

/// What a block of a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// Site furniture: menus, share buttons, adverts, newsletter and cookie prompts,
    /// copyright footers, "Read more" links, credits. Never part of a story.
    Chrome,
    /// A short label naming the section ("China", "Business").
    Section,
    /// A headline (or, before stories are split, anything shaped like one: a short
    /// line that does not end like a sentence).
    Headline,
    /// A byline naming the writer ("By Jane Doe", "Jane Doe, Reuters").
    Byline,
    /// A date and/or time line (absolute, or relative as in "3 hours ago").
    Timestamp,
    /// A photo caption or credit, or a headline repeated under an image.
    Caption,
    /// A paragraph of the story's text.
    Body,
}

/// A block's kind, with what it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classified {
    /// What the block is.
    pub kind: BlockKind,
    /// The times it gives, for a timestamp (or a byline carrying a date).
    pub stamp: Option<Stamp>,
    /// The writer's name, for a byline (without "By ").
    pub byline: Option<String>,
}

impl Classified {
    fn kind(kind: BlockKind) -> Self {
        Self {
            kind,
            stamp: None,
            byline: None,
        }
    }
}

/// Blocks of more words than this are never stamps, bylines or labels.
const MAX_SHORT_WORDS: usize = 16;
/// Most words a headline has.
const MAX_HEADLINE_WORDS: usize = 25;
/// Most characters a headline has.
const MAX_HEADLINE_CHARS: usize = 220;
/// Most words (and characters) a section label has.
const MAX_LABEL_WORDS: usize = 3;
const MAX_LABEL_CHARS: usize = 32;
/// A block with at least this many words that ends like a sentence is body, even
/// when it mentions a chrome word.
const LONG_SENTENCE_WORDS: usize = 15;
/// Chrome phrases matched anywhere apply only to blocks up to this many words.
const CONTAINS_MAX_WORDS: usize = 12;
/// Blocks longer than this are checked for no chrome phrase or caption prefix.
const MAX_PHRASE_CHECK_WORDS: usize = 60;
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
    "video:",
    "graphic:",
    "getty images",
    "source: getty",
];

/// Words (lower-cased) after a comma or bar that make "Name, Org" a byline.
const BYLINE_ORG_WORDS: &[&str] = &[
    "reuters",
    "ap",
    "associated press",
    "afp",
    "xinhua",
    "bloomberg",
    "dpa",
    "pa",
    "efe",
    "ansa",
    "kyodo",
    "yonhap",
    "tass",
    "upi",
    "cnn",
    "bbc",
    "cnbc",
    "npr",
    "staff",
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "journalist",
    "news",
    "press",
    "times",
    "post",
    "herald",
    "guardian",
    "telegraph",
    "journal",
    "daily",
    "agency",
];

/// Classifies every block of a page, with its neighbours in view.
pub fn classify_page(blocks: &[Block<'_>]) -> Vec<Classified> {
    let mut classes: Vec<Classified> = blocks.iter().map(|b| classify_block(&b.text)).collect();
    mark_role_lines(blocks, &mut classes);
    mark_menus(blocks, &mut classes);
    classes
}

/// Writers' roles ("Business reporter, BBC News").
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "columnist",
    "journalist",
    "contributor",
    "analyst",
    "producer",
];

/// A role line ("Business reporter, BBC News") under a name makes the name a
/// byline; the role line itself is chrome.
fn mark_role_lines(blocks: &[Block<'_>], classes: &mut [Classified]) {
    for i in 1..blocks.len() {
        let text = blocks[i].text.as_ref();
        let words = text.split_whitespace().count();
        if words > 8 || ends_sentence(text) || classes[i].kind == BlockKind::Byline {
            continue;
        }
        let lower = text.to_lowercase();
        let is_role = lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ROLE_WORDS.contains(&w));
        let name = &blocks[i - 1].text;
        let name_words = name.split_whitespace().count();
        if is_role
            && classes[i - 1].kind == BlockKind::Section
            && (2..=4).contains(&name_words)
            && blocks[i].line_start == blocks[i - 1].line_end + 1
        {
            classes[i - 1] = Classified {
                kind: BlockKind::Byline,
                stamp: None,
                byline: Some(name.to_string()),
            };
            classes[i].kind = BlockKind::Chrome;
        }
    }
}

/// Short labels on consecutive lines that are not all the same text are a menu;
/// so are three or more distinct labels in a row, even with blank lines between.
/// A label standing alone (or repeated, "China" three times) stays a section label.
fn mark_menus(blocks: &[Block<'_>], classes: &mut [Classified]) {
    let tight = |i: usize| blocks[i].line_start == blocks[i - 1].line_end + 1;
    mark_label_runs(blocks, classes, 2, tight);
    mark_label_runs(blocks, classes, 3, |_| true);
}

/// Marks as chrome every run of section labels (extended while `joins(i)` holds
/// for the next block `i`) holding at least `distinct_needed` distinct texts.
fn mark_label_runs(
    blocks: &[Block<'_>],
    classes: &mut [Classified],
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
            for class in &mut classes[start..end] {
                class.kind = BlockKind::Chrome;
            }
        }
        start = end;
    }
}

/// Classifies one block on its own.
pub fn classify_block(text: &str) -> Classified {
    let text = text.trim();
    let words = text.split_whitespace().count();
    if words == 0 {
        return Classified::kind(BlockKind::Chrome);
    }
    let sentence = ends_sentence(text);
    if words > MAX_PHRASE_CHECK_WORDS {
        // Too long for any chrome phrase or caption rule: body, unless a menu bar.
        if is_menu_bar(text) {
            return Classified::kind(BlockKind::Chrome);
        }
        return Classified::kind(BlockKind::Body);
    }
    let lower = text.to_lowercase();
    if words <= MAX_SHORT_WORDS {
        if let Some(stamp) = timestamp::parse_stamp(text) {
            return Classified {
                kind: BlockKind::Timestamp,
                stamp: Some(stamp),
                byline: None,
            };
        }
        if timestamp::is_relative_time(text) {
            return Classified::kind(BlockKind::Timestamp);
        }
    }
    if starts_with_any(&lower, CAPTION_PREFIXES) {
        return Classified::kind(BlockKind::Caption);
    }
    if is_chrome(text, &lower, words, sentence) {
        return Classified::kind(BlockKind::Chrome);
    }
    if words <= MAX_SHORT_WORDS
        && let Some(class) = byline(text)
    {
        return class;
    }
    if words <= MAX_LABEL_WORDS && text.chars().count() <= MAX_LABEL_CHARS && is_label(text) {
        return Classified::kind(BlockKind::Section);
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

/// Whether the text ends like a sentence: `.`, `!`, `?`, possibly inside closing
/// quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

fn is_chrome(text: &str, lower: &str, words: usize, sentence: bool) -> bool {
    let bare = lower
        .trim_start_matches(['•', '·', '-', '–', '*', '›', '»', '>', '|', ' '])
        .trim_end_matches([':', '.', '›', '»', '>', '→', '|', ' ', '+', '…']);
    if CHROME_EXACT.contains(&bare) {
        return true;
    }
    if words <= PREFIX_MAX_WORDS && starts_with_any(lower, CHROME_PREFIXES) {
        return true;
    }
    let long_sentence = sentence && words >= LONG_SENTENCE_WORDS;
    if !long_sentence
        && words <= CONTAINS_MAX_WORDS
        && !sentence
        && CHROME_CONTAINS.iter().any(|p| lower.contains(p))
    {
        return true;
    }
    if !long_sentence && words <= CONTAINS_MAX_WORDS && lower.contains("all rights reserved") {
        return true;
    }
    is_menu_bar(text)
}

/// A single line listing several short items between bars or bullets.
fn is_menu_bar(text: &str) -> bool {
    if !text.contains(['|', '•', '·']) {
        return false;
    }
    let parts: Vec<&str> = text
        .split(['|', '•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() <= 3 && !ends_sentence(p))
}

/// Whether `lower` starts with one of `prefixes` at a word boundary.
fn starts_with_any(lower: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|rest| {
            p.ends_with(|c: char| !c.is_alphanumeric())
                || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
    })
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

/// Recognises a byline (possibly followed by a stamp after a separator).
fn byline(text: &str) -> Option<Classified> {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:by|written by|words by|story by|reported by)\s+(.+)$").expect("valid")
    });
    // "By Name | date", "Name, Reuters • March 3, 2026"
    let (person, stamp) = split_stamp(text);
    let person = person.trim().trim_end_matches([',', '|', '-', '•']).trim();
    if let Some(c) = BY.captures(person) {
        let name = c.get(1)?.as_str().trim();
        if is_name_list(name) {
            return Some(Classified {
                kind: BlockKind::Byline,
                stamp,
                byline: Some(name.to_string()),
            });
        }
        return None;
    }
    let (name, org) = person.split_once([',', '|'])?;
    let org_lower = org.trim().to_lowercase();
    let org_ok = !org_lower.is_empty()
        && org_lower.split_whitespace().count() <= 5
        && BYLINE_ORG_WORDS.iter().any(|w| {
            org_lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == *w)
                || org_lower == *w
        });
    let name_words = name.split_whitespace().count();
    if org_ok && (2..=4).contains(&name_words) && is_name_list(name.trim()) {
        return Some(Classified {
            kind: BlockKind::Byline,
            stamp,
            byline: Some(person.to_string()),
        });
    }
    None
}

/// Splits a trailing stamp off a byline line ("By Jane Doe | March 3, 2026").
fn split_stamp(text: &str) -> (&str, Option<Stamp>) {
    for sep in ['|', '•', '·', '—', '–'] {
        if let Some((left, right)) = text.split_once(sep)
            && let Some(stamp) = timestamp::parse_stamp(right)
        {
            return (left, Some(stamp));
        }
    }
    (text, None)
}

/// Names: capitalised words, joined by commas, "and" or "&"; at most 12 words.
fn is_name_list(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            w == "and"
                || w == "&"
                || matches!(
                    w,
                    "de" | "van" | "von" | "der" | "da" | "di" | "la" | "le" | "bin" | "al"
                )
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && (!text.ends_with(['.', '!', '?']) || text.ends_with("Jr."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> BlockKind {
        classify_block(text).kind
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
    fn bylines() {
        let c = classify_block("By Maria Gonzalez and Lee Park");
        assert_eq!(c.kind, BlockKind::Byline);
        assert_eq!(c.byline.as_deref(), Some("Maria Gonzalez and Lee Park"));
        let c = classify_block("Tom Reyes, Reuters");
        assert_eq!(c.kind, BlockKind::Byline);
        assert_eq!(c.byline.as_deref(), Some("Tom Reyes, Reuters"));
        let c = classify_block("BY ANA LIM | March 3, 2026");
        assert_eq!(c.kind, BlockKind::Byline);
        assert_eq!(c.byline.as_deref(), Some("ANA LIM"));
        assert!(c.stamp.is_some());
        assert_ne!(
            kind("By the end of the week, prices had doubled."),
            BlockKind::Byline
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
    fn name_over_role_line_is_a_byline() {
        let blocks =
            super::super::segment::segment("Omar Khalid\nHealth correspondent, The Courier");
        let classes = classify_page(&blocks);
        assert_eq!(classes[0].kind, BlockKind::Byline);
        assert_eq!(classes[0].byline.as_deref(), Some("Omar Khalid"));
        assert_eq!(classes[1].kind, BlockKind::Chrome);
    }

    #[test]
    fn menus_of_distinct_labels_are_chrome_repeated_label_is_section() {
        let text = "News\n\nWorld\n\nBusiness\n\nAsia\n\nAsia";
        let blocks = super::super::segment::segment(text);
        let kinds: Vec<BlockKind> = classify_page(&blocks).into_iter().map(|c| c.kind).collect();
        assert!(kinds.iter().all(|k| *k == BlockKind::Chrome), "{kinds:?}");
        let text = "Asia\n\nAsia\n\nPort strike halts container traffic";
        let blocks = super::super::segment::segment(text);
        let kinds: Vec<BlockKind> = classify_page(&blocks).into_iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Section, BlockKind::Section, BlockKind::Headline]
        );
    }
}
