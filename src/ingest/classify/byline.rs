//! Recognising a byline in one block: "By Name" and its forms in other languages,
//! "Name, Agency", "Name, Staff Writer" (the role dropped), "By Name in Place" (the
//! place dropped), a name followed by the writer's role ("Helen Mayhew Europe
//! correspondent"), each possibly followed by a stamp after a separator. Also the
//! role and beat words the page passes use to find a name over a role line.
//!
//! Reads one block's text only: never looks at neighbours, and decides no kind but
//! the byline.

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::text::{more_words_than, word_count};
use crate::ingest::timestamp::{self, Stamp};

use super::kind::Classified;

/// Recognises a byline (possibly followed by a stamp after a separator): "By Name",
/// "Par Name", "Name, Agency", "Name, Staff Writer" (the role dropped), or a name
/// followed by the writer's role ("Helen Mayhew Europe correspondent").
pub(super) fn byline(text: &str) -> Option<Classified> {
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
        && (BYLINE_ORG_WORDS.contains(&org_lower.as_str())
            || org_lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| BYLINE_ORG_WORDS.contains(&word)));
    let name_words = word_count(name);
    if org_ok && (2..=4).contains(&name_words) && is_name_list(name.trim()) {
        let kept = strip_role(person);
        return Some(Classified::byline(kept, stamp));
    }
    None
}

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

/// Writers' roles ("Business reporter, BBC News").
pub(super) const ROLE_WORDS: &[&str] = &[
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

/// Words that describe a writer's beat or rank in a role ("Europe correspondent",
/// "Senior political reporter", "Staff writer").
pub(super) const BEAT_WORDS: &[&str] = &[
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
pub(super) fn in_list(word: &str, list: &[&str]) -> bool {
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

/// Splits a trailing stamp off a byline line: after a separator ("By Jane Doe | March
/// 3, 2026"), or opened by a word of stamps with no separator ("By Jane Doe Updated Nov
/// 13, 2026, 10:28am EST").
fn split_stamp(text: &str) -> (&str, Option<Stamp>) {
    for sep in ['|', '•', '·', '—', '–'] {
        if let Some((left, right)) = text.split_once(sep)
            && let Some(stamp) = timestamp::parse_stamp(right)
        {
            return (left, Some(stamp));
        }
    }
    for finder in STAMP_WORD_FINDERS.iter() {
        if let Some(at) = finder.find(text.as_bytes())
            && at > 0
            && let Some(stamp) = timestamp::parse_stamp(&text[at + 1..])
        {
            return (&text[..at], Some(stamp));
        }
    }
    (text, None)
}

/// The words that open a stamp written straight after a byline's name, each with the
/// space before it.
const STAMP_WORDS: &[&str] = &[" Updated ", " Published ", " Posted ", " Last updated "];

/// Byte searchers for [`STAMP_WORDS`], made once (a line is searched for each word: a
/// search made for every line costs more than reading the line).
static STAMP_WORD_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    STAMP_WORDS
        .iter()
        .map(memchr::memmem::Finder::new)
        .collect()
});

/// Names: capitalised words, joined by commas, "and" or "&"; at most 12 words.
pub(super) fn is_name_list(text: &str) -> bool {
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
    use super::super::tests::kind;
    use super::*;
    use crate::ingest::classify::{BlockKind, classify_block};

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
    fn a_name_then_an_outlet_word_or_a_whole_outlet_is_a_byline() {
        // The outlet is one word of the list among others, or the list's phrase whole.
        assert_eq!(
            byline("Ana Lim, Harbour Daily Gazette").map(|c| c.kind),
            Some(BlockKind::Byline)
        );
        assert_eq!(
            byline("Ana Lim | Associated Press").map(|c| c.kind),
            Some(BlockKind::Byline)
        );
        assert!(byline("Ana Lim, Harbour Gazette").is_none());
        assert!(byline("Ana Lim, Newsroom Gazette").is_none());
        // No word of the list, or only inside a longer word: no byline.
        assert_ne!(kind("Ana Lim, Harbour Gazette"), BlockKind::Byline);
        assert_ne!(kind("Ana Lim, Newsroom Gazette"), BlockKind::Byline);
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
        let c = classify_block("By Ana Lim Updated Nov 13, 2026, 10:28am EST");
        assert_eq!(c.kind, BlockKind::Byline);
        assert_eq!(c.byline.as_deref(), Some("Ana Lim"));
        assert!(c.stamp.is_some());
        let c = classify_block("By Ana Lim Published 3 March 2026");
        assert_eq!(c.byline.as_deref(), Some("Ana Lim"));
        assert!(c.stamp.is_some());
        // A stamp word in a sentence is no stamp.
        assert_ne!(
            kind("By Friday the Updated Guidance will be out"),
            BlockKind::Byline
        );
        assert_ne!(
            kind("By the end of the week, prices had doubled."),
            BlockKind::Byline
        );
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
}
