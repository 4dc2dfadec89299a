//! The lines that tell an article from the furniture around it: labels opening
//! the furniture ("Related", "More in Sport", "Comments", "Tags:"), a reader's
//! comment header (`NAME says:`, a name and a date, `2 days ago`), an embedded
//! post's attribution, a stamp that names the publish time. Decides nothing about
//! stories: [`super`] uses these answers.

use crate::ingest::timestamp;

/// Most words of a comment's header line, the verb included.
const COMMENT_HEADER_WORDS: usize = 5;

/// Most words of a comment's name-and-date header.
const MAX_NAMED_STAMP_WORDS: usize = 12;

/// Whether a line is a name and a date and nothing else, as a comment's header
/// is: `Cherie McCluney August 17, 2019 - 2:19 pm`, `2 days ago at 07:52 am`.
pub(super) fn is_named_stamp(line: &str) -> bool {
    // An embedded post's attribution belongs to the article.
    if crate::ingest::text::word_count(line) > MAX_NAMED_STAMP_WORDS || is_embed_attribution(line) {
        return false;
    }
    // A stamp standing alone is the article's own; a comment's names someone.
    starts_relative(line)
        || (timestamp::parse_stamp(line).is_none() && timestamp::find_stamp(line).is_some())
}

/// Whether a line opens with a relative time: `2 days ago at 07:52 am`, `an hour
/// ago`.
pub(super) fn starts_relative(line: &str) -> bool {
    let mut words = line.split_whitespace().map(str::to_lowercase);
    let (Some(count), Some(unit), Some(ago)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let count_ok =
        count.bytes().all(|b| b.is_ascii_digit()) || matches!(count.as_str(), "a" | "an" | "one");
    let unit = unit.trim_end_matches('s');
    count_ok
        && matches!(
            unit,
            "sec" | "second" | "min" | "minute" | "hour" | "hr" | "day" | "week" | "month" | "year"
        )
        && ago.trim_end_matches(['.', ',']) == "ago"
}

/// Whether a line is a label opening the furniture after an article: teaser
/// labels ("Related", "Most read", "More in Minnesota Wild"), comment prompts
/// ("Comments", "Leave a Reply", "View Comments"), tag lists ("Tags:", "Filed
/// under"), "You may also like", "Recommended", "Trending".
pub fn is_furniture_label(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 60 {
        return false;
    }
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches([':', ' ', '.', '›', '»', '!']);
    if crate::ingest::phrases::is_teaser_label(bare) {
        return true;
    }
    const LABELS: &[&str] = &[
        "comments",
        "comment",
        "view comments",
        "show comments",
        "load comments",
        "leave a comment",
        "leave a reply",
        "post a comment",
        "add a comment",
        "join the conversation",
        "discussion",
        "tags",
        "topics",
        "filed under",
        "you may also like",
        "you might also like",
        "you may like",
        "recommended",
        "recommended for you",
        "recommended articles",
        "recommended stories",
        "trending",
        "trending now",
        "trending news",
        "trending stories",
        "popular",
        "popular now",
        "popular stories",
        "more stories",
        "more news",
        "more articles",
        "latest news",
        "latest stories",
        "latest headlines",
        "top stories",
        "editor's picks",
        "editors' picks",
        "what to read next",
        "up next",
        "around the web",
        "from around the web",
        "related posts",
        "about the author",
        "don't miss",
        "more to explore",
        "further reading",
    ];
    if LABELS.contains(&bare) {
        return true;
    }
    // "More World", "More Videos": "more" and one or two words.
    let mut words = bare.split_whitespace();
    if words.next() == Some("more") && (1..=2).contains(&words.count()) {
        return true;
    }
    // "34 Comments", "Comments (12)", "Leave a comment".
    bare.split_whitespace().count() <= 4
        && (bare.ends_with(" comments")
            || bare.starts_with("comments ")
            || bare.starts_with("leave a "))
}

/// Most words of an author's bio or a contact prompt closing an article.
const MAX_BIO_WORDS: usize = 80;
/// Most words between "is a" and the writer's role in a bio ("is a corporate
/// media reporter").
const BIO_ROLE_REACH: usize = 6;
/// Most words of the name opening a bio.
const MAX_BIO_NAME_WORDS: usize = 4;

/// Roles of a writer named in a bio ("is a reporter covering …").
const BIO_ROLES: &[&str] = &[
    "reporter",
    "writer",
    "editor",
    "correspondent",
    "journalist",
    "columnist",
    "contributor",
    "producer",
    "critic",
    "blogger",
    "freelancer",
    "photographer",
    "intern",
    "staffer",
];

/// Phrases of a prompt to reach or follow the writer ("Follow her on Twitter",
/// "may be reached at", "Have a tip?").
const CONTACT_PHRASES: &[&str] = &[
    "follow him on",
    "follow her on",
    "follow them on",
    "follow me on",
    "can be reached at",
    "may be reached at",
    "can be contacted at",
    "have a tip?",
    "got a tip?",
];

/// Whether a paragraph is the writer's bio or a prompt to contact them, as pages
/// close an article with: a name (perhaps with a handle) then "is a"/"is an" and
/// a writer's role within a few words (`Ana Lim is a transport reporter for the
/// Herald.`, `Ana Lim (@analim) is a contributor at …`), or a short paragraph
/// asking the reader to follow or reach the writer.
pub(super) fn is_author_bio(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(MAX_BIO_WORDS + 1).collect();
    if words.len() > MAX_BIO_WORDS {
        return false;
    }
    let lower = text.to_lowercase();
    if CONTACT_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let Some(is) = words.iter().position(|w| *w == "is") else {
        return false;
    };
    let name = &words[..is];
    let name_ok = (1..=MAX_BIO_NAME_WORDS + 1).contains(&name.len())
        && name
            .iter()
            .all(|w| w.starts_with("(@") || w.chars().next().is_some_and(char::is_uppercase));
    let article = words.get(is + 1).is_some_and(|w| matches!(*w, "a" | "an"));
    name_ok
        && article
        && words.iter().skip(is + 2).take(BIO_ROLE_REACH).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            let w = w.trim_end_matches('s');
            BIO_ROLES.contains(&w)
        })
}

/// Most words of a prompt to the reader (subscribe, cookies, commissions).
const MAX_PROMPT_WORDS: usize = 45;

/// Words of a site's notices and prompts to its reader, whoever speaks.
const PROMPT_TOPICS: &[&str] = &[
    "newsletter",
    "your inbox",
    "unsubscribe",
    "opt-in",
    "cookie",
    "privacy policy",
    "a commission",
    "small commission",
    "affiliate link",
    "all rights reserved",
];

/// Words of a prompt to subscribe that an article may also use ("you can sign
/// up for a free trial"): a prompt only when the site speaks.
const SUBSCRIBE_TOPICS: &[&str] = &["subscribe", "subscription", "sign up", "signing up"];

/// How a prompt speaks to the reader: as "you", as "we"/"our" site, or opening
/// with a request.
const PROMPT_VOICES: &[&str] = &[
    "you", "your", "we", "our", "please", "thanks", "thank", "get", "join", "stay", "keep", "want",
    "need",
];

/// The site speaking: "we", "our", or a request or thanks.
const SITE_VOICES: &[&str] = &["we", "our", "please", "thanks", "thank"];

/// Whether a short paragraph is a prompt or notice to the reader rather than the
/// article's text: asking them to subscribe or sign up for a newsletter, telling
/// them of cookies, privacy or commissions (`Sign up for our newsletter to get the
/// news in your inbox.`, `No spam, we promise. You can unsubscribe at any time.`,
/// `If you buy through our links we may earn a commission.`). It needs both a
/// topic and a voice speaking to the reader; a subscription needs the site's own
/// voice, so the article's advice to sign up for a service is kept.
pub(super) fn is_reader_prompt(text: &str) -> bool {
    if crate::ingest::text::more_words_than(text, MAX_PROMPT_WORDS) {
        return false;
    }
    let lower = text.to_lowercase();
    let speaks = |voices: &[&str]| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| voices.contains(&w))
    };
    (PROMPT_TOPICS.iter().any(|t| lower.contains(t)) && speaks(PROMPT_VOICES))
        || (SUBSCRIBE_TOPICS.iter().any(|t| lower.contains(t)) && speaks(SITE_VOICES))
}

/// Most words of a photo caption ending in its credit.
const MAX_CAPTION_WORDS: usize = 60;

/// Whether a paragraph is a photo caption closing with its credit in brackets or
/// after a copyright sign: `… the harbour on Tuesday. (AP Photo/Jane Roe, File)`,
/// `… on Nov. 3. © Reuters / Jane Roe`, `… (Image credit: NASA)`, `… (Getty
/// Images)`.
pub(super) fn is_credited_caption(text: &str) -> bool {
    use std::sync::LazyLock;
    static CREDIT: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?x)(?:
                \(\s*[^()]{0,60}(?:Photo|Photos|Image\ credit|Getty|Images|Foto)[^()]{0,60}\)
              | \(\s*[A-Z][^()/]{1,40}/[^()]{2,40}\)
              | ©\s*[^.©]{2,60}
            )\s*$",
        )
        .expect("valid regex")
    });
    let text = text.trim();
    (text.ends_with(')') || text.contains('©'))
        && !crate::ingest::text::more_words_than(text, MAX_CAPTION_WORDS)
        && CREDIT.is_match(text)
}

/// Whether a line names a publish time: "Published", "First published", "Posted".
pub(super) fn says_published(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.contains("published") || lower.contains("posted")
}

/// Whether a line is an embedded post's attribution: `— Jane Roe (@janeroe)
/// November 1, 2019`.
pub(super) fn is_embed_attribution(line: &str) -> bool {
    let line = line.trim();
    line.starts_with(['—', '–', '-']) || line.contains("(@")
}

/// Whether a line heads a reader's comment: `Guy Hence says:`, `Ana replied:`.
pub fn is_comment_header(line: &str) -> bool {
    let line = line.trim().trim_end_matches(':').trim_end();
    if crate::ingest::text::word_count(line) > COMMENT_HEADER_WORDS {
        return false;
    }
    ["says", "said", "replied", "writes", "wrote", "commented"]
        .iter()
        .any(|verb| {
            line.len() > verb.len()
                && line
                    .get(line.len() - verb.len()..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(verb))
                && line[..line.len() - verb.len()].ends_with(' ')
        })
}
