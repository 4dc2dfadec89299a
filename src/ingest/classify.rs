//! Telling what each block of a page is: chrome, a section label, a headline, a
//! byline, a timestamp, a caption or a body paragraph.
//!
//! Classification looks at one block at a time ([`classify_block`]): its length,
//! word count, closing punctuation, capitalisation, whether it parses as a stamp,
//! and whether it matches a curated list of chrome phrases (case-insensitive, in
//! several languages, see [`super::phrases`]): "Label: value" metadata lines, end
//! markers, trailers and legal footers, image credits and teaser labels. Then
//! [`classify_page`] looks at neighbours: runs of distinct short labels are a menu
//! (chrome), while a label standing alone or repeated is a section label; labels
//! above the menu are the site's name; two labels alone right above a headline are
//! a section path (the second is the section); the line under a teaser label is a
//! teaser and the line under an image credit a caption; rows of a table of numbers
//! are body; a name on the line above a stamp under a headline is the byline; the
//! lines under a press release's "Media contact:" are contact details (chrome), and
//! an `About <Organisation>` heading over a paragraph naming it ends the story
//! (boilerplate follows). Promo lines ("WATCH: …", "READ MORE: …", "Loading ...")
//! are chrome on their own. Whether a
//! headline-like block is the story's headline, a caption repeating it, a teaser or
//! a crosshead inside the body is decided when the page is split into stories.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::phrases::{self, Metadata};
use super::segment::{Block, count_words_up_to, more_words_than, word_count};
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
    /// The block ends the story above it ("Enditem", "(END)", "___"): what follows,
    /// up to the next headline, is trailer chrome.
    pub ends_story: bool,
}

impl Classified {
    fn kind(kind: BlockKind) -> Self {
        Self {
            kind,
            stamp: None,
            byline: None,
            ends_story: false,
        }
    }

    fn byline(name: &str, stamp: Option<Stamp>) -> Self {
        Self {
            kind: BlockKind::Byline,
            stamp,
            byline: Some(name.to_string()),
            ends_story: false,
        }
    }

    fn stamp(stamp: Stamp) -> Self {
        Self {
            stamp: Some(stamp),
            ..Self::kind(BlockKind::Timestamp)
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

/// Block word counts are counted up to this: no rule (here or in
/// [`super::split`]) tells longer blocks apart.
pub const WORD_COUNT_CAP: usize = MAX_PHRASE_CHECK_WORDS + 1;

// `classify_counted` compares block word counts with these limits.
const _: () = assert!(
    WORD_COUNT_CAP > phrases::IMAGE_CREDIT_MAX_WORDS
        && WORD_COUNT_CAP > phrases::METADATA_MAX_WORDS
);

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
    classes
}

/// Most lines of contact details taken under a contact label.
const MAX_CONTACT_LINES: usize = 4;

/// The lines right under a contact label standing alone ("Media Contact:") are the
/// contact's name, phone and e-mail: chrome, up to [`MAX_CONTACT_LINES`] short lines.
fn mark_contact_details(blocks: &[Block<'_>], classes: &mut [Classified]) {
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

/// The boilerplate "About <Organisation>" section closing a press release: a
/// heading "About" plus a capitalised name, whose next block opens with the same
/// name ("About Acme Foods" / "Acme Foods is a family-owned …"). The heading ends
/// the story: it and what follows, up to the next headline, stamp or byline, are
/// chrome.
fn mark_about_sections(blocks: &[Block<'_>], classes: &mut [Classified]) {
    for i in 0..blocks.len().saturating_sub(1) {
        if !matches!(classes[i].kind, BlockKind::Headline | BlockKind::Section) {
            continue;
        }
        let Some(name) = blocks[i].text.strip_prefix("About ") else {
            continue;
        };
        let name = name.trim().trim_start_matches("the ");
        let words = word_count(name);
        let capitalised = name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.len() <= 3);
        let Some(first_word) = name.split_whitespace().next() else {
            continue;
        };
        let next = blocks[i + 1].text.as_ref();
        let next = next.strip_prefix("The ").unwrap_or(next);
        if words < MAX_ABOUT_WORDS
            && capitalised
            && first_word.chars().next().is_some_and(char::is_uppercase)
            && next.split_whitespace().next() == Some(first_word)
        {
            classes[i] = Classified {
                ends_story: true,
                ..Classified::kind(BlockKind::Chrome)
            };
        }
    }
}

/// Whether block `i` sits on the line right after block `i - 1` (no blank line).
fn tight(blocks: &[Block<'_>], i: usize) -> bool {
    i > 0 && blocks[i].line_start == blocks[i - 1].line_end + 1
}

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
fn mark_tables(blocks: &[Block<'_>], classes: &mut [Classified]) {
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

/// A person's name on the line right above a stamp, under a headline, is the
/// byline ("Lucía Martín" over "Madrid - 14 ene 2026 - 13:45 CET").
fn mark_names_over_stamps(blocks: &[Block<'_>], classes: &mut [Classified]) {
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

/// Labels above the page's menu (the site's name, "AP NEWS", "British Broadcasting
/// Corporation"), with only chrome between, are not section labels; nor is a label
/// on the page's first line with site chrome on the line right under it (the
/// masthead over "Latest Releases" or "Sign in").
fn mark_site_names(blocks: &[Block<'_>], menus: &[bool], classes: &mut [Classified]) {
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

/// The longest line under an image credit still taken as the photo's caption: a
/// longer one is the story's first paragraph (some sites put the credit of the lead
/// photo right above the body), and losing body text is worse than keeping a caption.
const MAX_CAPTION_WORDS: usize = 25;

/// The headline right under a teaser label ("Related article", "Lee también") is
/// a teaser for another story; the line right under an image credit ("Getty
/// Images", "Reuters/Jane Roe") is the photo's caption.
fn mark_teasers_and_photo_captions(blocks: &[Block<'_>], classes: &mut [Classified]) {
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

/// Short labels on consecutive lines that are not all the same text are a menu;
/// so are three or more distinct labels in a row, even with blank lines between,
/// and three or more short lines in a row mixing labels with navigation words
/// ("Home", "Photos"). A label standing alone (or repeated, "China" three times)
/// stays a section label, and so does the second of two labels standing alone
/// right above a headline (a two-level section path, "World" then "Europe").
/// `menu_bars` tells which blocks are one-line menu bars ([`is_menu_bar`]).
/// Returns which blocks are menus (including the menu bars).
fn mark_menus(blocks: &[Block<'_>], classes: &mut [Classified], menu_bars: Vec<bool>) -> Vec<bool> {
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

/// Classifies one block on its own.
pub fn classify_block(text: &str) -> Classified {
    classify_counted(
        text,
        count_words_up_to(text, WORD_COUNT_CAP),
        is_menu_bar(text.trim()),
    )
}

/// [`classify_block`], given the block's word count up to [`WORD_COUNT_CAP`]
/// (every rule compares the count with at most [`MAX_PHRASE_CHECK_WORDS`]), and
/// whether the trimmed block is a menu bar ([`is_menu_bar`]).
fn classify_counted(text: &str, words: usize, menu_bar: bool) -> Classified {
    let text = text.trim();
    if words == 0 {
        return Classified::kind(BlockKind::Chrome);
    }
    let sentence = ends_sentence(text);
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
    let lower = text.to_lowercase();
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

/// The section a section block names: the last crumb of a breadcrumb ("News >
/// World > Asia" names "Asia"), else the whole label.
pub fn section_name(text: &str) -> &str {
    phrases::breadcrumb_last(text).unwrap_or(text)
}

/// Whether the text ends like a sentence: `.`, `!`, `?`, possibly inside closing
/// quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

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
fn is_chrome(text: &str, lower: &str, words: usize, sentence: bool) -> bool {
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
    if phrases::is_release_source(text) || phrases::is_contact_label(lower) {
        return true;
    }
    if words <= PREFIX_MAX_WORDS
        && (CHROME_STARTS.starts(lower) || phrases::is_promo(lower) || phrases::is_trailer(lower))
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
static TWO_SPACES: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("  "));

/// A single line listing several short items between bars or bullets, or (with no
/// digits) between wide gaps of spaces ("NEWS  SPORT  BUSINESS").
fn is_menu_bar(text: &str) -> bool {
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

/// Lists of beginnings (lower-cased), filed by their first byte so that a block
/// is compared only with the few that could match.
struct Prefixes {
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
    fn starts(&self, lower: &str) -> bool {
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
static CAPTION_STARTS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(&[CAPTION_PREFIXES]));

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

/// Recognises a byline (possibly followed by a stamp after a separator): "By Name",
/// "Par Name", "Name, Agency", "Name, Staff Writer" (the role dropped), or a name
/// followed by the writer's role ("Helen Mayhew Europe correspondent").
fn byline(text: &str) -> Option<Classified> {
    // "By Name | date", "Name, Reuters • March 3, 2026"
    let (person, stamp) = split_stamp(text);
    let person = person.trim().trim_end_matches([',', '|', '-', '•']).trim();
    if let Some(c) = may_open_with_by(person)
        .then(|| BY.captures(person))
        .flatten()
    {
        let name = c.get(1)?.as_str().trim();
        let name = strip_place(strip_role(name));
        if is_name_list(name) {
            return Some(Classified::byline(name, stamp));
        }
        return None;
    }
    if let Some(name) = name_before_role(person) {
        return Some(Classified::byline(name, stamp));
    }
    let (name, org) = person.split_once([',', '|'])?;
    let org_lower = org.trim().to_lowercase();
    let org_ok = !org_lower.is_empty()
        && !more_words_than(&org_lower, 5)
        && BYLINE_ORG_WORDS.iter().any(|w| {
            org_lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == *w)
                || org_lower == *w
        });
    let name_words = word_count(name);
    if org_ok && (2..=4).contains(&name_words) && is_name_list(name.trim()) {
        let kept = strip_role(person);
        return Some(Classified::byline(kept, stamp));
    }
    None
}

/// "By Name" and its forms in other languages: the name.
static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by|written by|words by|story by|reported by|par|por|di|texto de|texte de)\s+(.+)$",
    )
    .expect("valid")
});

/// The first words of the openings [`BY`] knows.
const BY_FIRST_WORDS: &[&str] = &[
    "by", "written", "words", "story", "reported", "par", "por", "di", "texto", "texte",
];

/// A quick test that turns away most lines [`BY`] does not match: their first word
/// (up to the first space) is none of [`BY_FIRST_WORDS`] in any case. A first word
/// beyond ASCII is always let through (some letters beyond ASCII match ASCII ones
/// in any case: the long s, the Kelvin sign).
fn may_open_with_by(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes
        .iter()
        .position(|&b| matches!(b, b'\t'..=b'\r' | b' ') || !b.is_ascii())
    {
        Some(end) if !bytes[end].is_ascii() => true,
        end => {
            let first = &bytes[..end.unwrap_or(bytes.len())];
            BY_FIRST_WORDS
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w.as_bytes()))
        }
    }
}

/// Words that describe a writer's beat or rank in a role ("Europe correspondent",
/// "Senior political reporter", "Staff writer").
const BEAT_WORDS: &[&str] = &[
    "staff",
    "senior",
    "chief",
    "deputy",
    "associate",
    "special",
    "contributing",
    "political",
    "politics",
    "economics",
    "economic",
    "economy",
    "business",
    "health",
    "science",
    "technology",
    "tech",
    "education",
    "home",
    "affairs",
    "foreign",
    "diplomatic",
    "defence",
    "defense",
    "security",
    "transport",
    "culture",
    "arts",
    "sport",
    "sports",
    "global",
    "world",
    "international",
    "europe",
    "european",
    "africa",
    "asia",
    "us",
    "uk",
    "china",
    "middle",
    "east",
    "latin",
    "america",
    "washington",
    "legal",
    "media",
    "social",
    "investigations",
    "investigative",
    "data",
    "climate",
    "environment",
    "environmental",
    "energy",
    "consumer",
    "city",
    "local",
    "community",
    "food",
    "travel",
    "fashion",
    "north",
    "south",
    "west",
    "finance",
    "financial",
    "markets",
    "royal",
    "religion",
    "crime",
    "courts",
    "justice",
    "medical",
    "wildlife",
    "digital",
    "entertainment",
    "music",
    "film",
    "books",
    "weather",
    "agriculture",
    "rural",
    "regional",
    "national",
    "news",
];

/// Whether `word` is one of the (lower-case ASCII) `list`, ignoring ASCII case.
fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Most words of an outlet's name before "Staff" in a byline ("KXYZ Staff").
const MAX_OUTLET_WORDS: usize = 3;

/// Drops a trailing ", Staff Writer" (a comma and only role words) or ", KXYZ
/// Staff" (an outlet's capitalised name, then a role word) from a byline. A bare
/// outlet ("Tom Reyes, Reuters") is kept: it says where the story comes from.
fn strip_role(name: &str) -> &str {
    let Some((person, role)) = name.rsplit_once(',') else {
        return name;
    };
    let words: Vec<&str> = role.split_whitespace().collect();
    let Some((last, outlet)) = words.split_last() else {
        return name;
    };
    let only_roles = words
        .iter()
        .all(|w| in_list(w, ROLE_WORDS) || in_list(w, BEAT_WORDS));
    let outlet_role = (in_list(last, ROLE_WORDS) || last.eq_ignore_ascii_case("staff"))
        && outlet.len() <= MAX_OUTLET_WORDS
        && outlet.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    if only_roles || outlet_role {
        person.trim()
    } else {
        name
    }
}

/// Drops where the writer filed from: "Tom Whitaker at Meadow Lane", "Ana Lim in
/// Kyiv" give the name. The place is one to four capitalised words (or "the").
fn strip_place(name: &str) -> &str {
    for sep in [" at ", " in "] {
        if let Some((person, place)) = name.rsplit_once(sep) {
            let words = word_count(place);
            let capitalised = place
                .split_whitespace()
                .all(|w| w == "the" || w.chars().next().is_some_and(char::is_uppercase));
            if (1..=4).contains(&words) && capitalised && is_name_list(person.trim()) {
                return person.trim();
            }
        }
    }
    name
}

/// "Helen Mayhew Europe correspondent": a capitalised name of two to four words
/// followed by the writer's role (beat words, then a role word, on one line).
/// Returns the name.
fn name_before_role(text: &str) -> Option<&str> {
    if !in_list(text.split_whitespace().next_back()?, ROLE_WORDS) || text.contains([',', '|', ':'])
    {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(3..=8).contains(&words.len()) {
        return None;
    }
    let mut name_end = words.len() - 1;
    while name_end > 2 && in_list(words[name_end - 1], BEAT_WORDS) {
        name_end -= 1;
    }
    if !(2..=4).contains(&name_end) {
        return None;
    }
    let name_words = &words[..name_end];
    let name_ok = name_words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !w.chars().any(|c| c.is_ascii_digit())
            && !in_list(w, BEAT_WORDS)
    });
    if !name_ok {
        return None;
    }
    let end = text.find(words[name_end])?;
    Some(text[..end].trim())
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

    /// Pieces of bylines and of lines that are not.
    fn byline_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop::sample::select(vec![
                "By",
                "bY",
                "written",
                "Words",
                "STORY",
                "reported",
                "Par",
                "por",
                "di",
                "Texto",
                "texte",
                "de",
                "by",
                " ",
                "  ",
                "\t",
                "\u{a0}",
                "\u{3000}",
                "Ana",
                "Lim",
                "x",
                "\u{17f}tory",
                "Reuters",
                ",",
                "|",
            ]),
            0..6,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The quick test never turns away a line the "By" pattern matches.
        #[test]
        fn quick_by_test_keeps_every_match(line in byline_pieces()) {
            proptest::prop_assert!(!BY.is_match(&line) || may_open_with_by(&line));
        }
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

    fn page_kinds(text: &str) -> Vec<(String, BlockKind)> {
        let blocks = super::super::segment::segment(text);
        let classes = classify_page(&blocks);
        blocks
            .into_iter()
            .zip(classes)
            .map(|(b, c)| (b.text.into_owned(), c.kind))
            .collect()
    }

    fn kind_of(kinds: &[(String, BlockKind)], text: &str) -> BlockKind {
        kinds
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, k)| *k)
            .unwrap_or_else(|| panic!("no block {text:?} in {kinds:?}"))
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
    fn role_bylines_keep_the_name() {
        let c = classify_block("Marta Ruiz Science correspondent");
        assert_eq!(c.kind, BlockKind::Byline);
        assert_eq!(c.byline.as_deref(), Some("Marta Ruiz"));
        let c = classify_block("BY JO KING, STAFF WRITER");
        assert_eq!(c.byline.as_deref(), Some("JO KING"));
        let c = classify_block("Par Louise Martin");
        assert_eq!(c.byline.as_deref(), Some("Louise Martin"));
        assert_ne!(kind("Teachers vote to strike over pay"), BlockKind::Byline);
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

    #[test]
    fn breadcrumbs_name_their_last_crumb() {
        assert_eq!(kind("Sport › Cricket"), BlockKind::Section);
        assert_eq!(section_name("News > Europe > France"), "France");
        assert_eq!(section_name("Business"), "Business");
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
    fn bylines_drop_outlet_staff_and_filing_place_but_keep_an_agency() {
        let c = classify_block("by Ruth Okoye, WXTV Staff");
        assert_eq!(c.byline.as_deref(), Some("Ruth Okoye"));
        let c = classify_block("By Ruth Okoye, Channel 9 Reporter");
        assert_eq!(c.byline.as_deref(), Some("Ruth Okoye"));
        let c = classify_block("By Ivo Brandt at Riverside Park");
        assert_eq!(c.byline.as_deref(), Some("Ivo Brandt"));
        let c = classify_block("By Ivo Brandt in Lisbon");
        assert_eq!(c.byline.as_deref(), Some("Ivo Brandt"));
        let c = classify_block("Tom Reyes, Reuters");
        assert_eq!(c.byline.as_deref(), Some("Tom Reyes, Reuters"));
        assert_ne!(
            kind("By the river in spring the herons return"),
            BlockKind::Byline
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

    #[test]
    fn about_section_naming_the_next_paragraph_ends_the_story() {
        let text = "About Fenwick Tools\n\nFenwick Tools makes hand tools in three countries.";
        let blocks = super::super::segment::segment(text);
        let classes = classify_page(&blocks);
        assert_eq!(classes[0].kind, BlockKind::Chrome);
        assert!(classes[0].ends_story);
        let text = "About Face on Pensions\n\nMinisters changed course on Monday.";
        let blocks = super::super::segment::segment(text);
        let classes = classify_page(&blocks);
        assert!(!classes[0].ends_story);
    }

    #[test]
    fn first_line_label_over_site_chrome_is_the_masthead() {
        let kinds = page_kinds("Harbour Wire\nSign in\n\nFerry fares rise for the summer");
        assert_eq!(kind_of(&kinds, "Harbour Wire"), BlockKind::Chrome);
        let kinds = page_kinds("Harbour Wire\n\nFerry fares rise for the summer");
        assert_eq!(kind_of(&kinds, "Harbour Wire"), BlockKind::Section);
    }
}
