//! Recognisers for the small kinds of page furniture that surround an article on
//! real news sites, in several languages: "Label: value" metadata lines (`labelled`), reading
//! times, end-of-story markers, trailer lines (contributors, print notes, trust
//! statements), legal footers and notices, sign-up prompts (`notices`), image credits and captions ending in a credit,
//! gallery counters, teaser labels ("Related", "Lire aussi", "Lee también") and
//! breadcrumbs ("News > World > Asia").
//!
//! Every recogniser looks at one block's text and allocates nothing but the
//! lower-cased copy its caller already holds; the regexes are compiled once.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;

use super::text::{ends_sentence, more_words_than, word_count};

mod labelled;
mod notices;
mod scan;

pub use labelled::{METADATA_MAX_WORDS, Metadata, is_contact_label, metadata};
pub use notices::{is_legal_notice, is_signup_prompt};
use scan::PhraseScan;

/// A searcher for any of `phrases` (as `str::contains` finds them), in one pass.
pub fn phrase_set<'a>(phrases: impl IntoIterator<Item = &'a &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(phrases)
        .expect("valid phrase list")
}

/// The closing "SOURCE Acme Foods Inc." line of a newswire press release: the word
/// SOURCE in capitals, then the issuer's name (at most eight words in all).
pub fn is_release_source(text: &str) -> bool {
    text.strip_prefix("SOURCE ")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        && !more_words_than(text, 8)
}

/// A promo or teaser line ("WATCH: Parents speak out", "READ MORE: …", "PHOTOS:
/// The parade", "Click here to …", "Loading ..."): a link to other media, never the
/// story's text. `lower` is the block lower-cased.
pub fn is_promo(lower: &str) -> bool {
    const PROMO_PREFIXES: &[&str] = &[
        "watch:",
        "watch live:",
        "listen:",
        "video:",
        "photos:",
        "gallery:",
        "read more:",
        "related:",
        "more:",
        "see also:",
        "see more:",
        "read:",
        "also read:",
        "audio:",
        "podcast:",
        "click here",
        "tap here",
    ];
    if lower.strip_prefix("loading").is_some_and(|rest| {
        rest.chars()
            .all(|c| c.is_whitespace() || c == '.' || c == '…')
    }) {
        return true;
    }
    let Some(&first) = lower.as_bytes().first() else {
        return false;
    };
    // Only the prefixes with the block's first byte are compared.
    PROMO_PREFIXES
        .iter()
        .filter(|p| p.as_bytes().first() == Some(&first))
        .any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|rest| p.ends_with(':') || rest.is_empty() || rest.starts_with(' '))
        })
}

/// A reading or listening time: "4 minute read", "5 min read", "Temps de lecture
/// 3 min.", "Lectura: 4 min", "Lesezeit: 3 Minuten", "Listen · 5:32 min".
pub fn is_reading_time(lower: &str) -> bool {
    static READING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^(?:
                \d{1,3}\s*[-‑]?\s*(?:minutes?|mins?|min\.?)\s+(?:read|reading|de\s+lecture|de\s+lectura|lesezeit|listen)
              | (?:reading\s+time|temps\s+de\s+lecture|tiempo\s+de\s+lectura|lectura|lesezeit|tempo\s+di\s+lettura)\s*:?\s*\d{1,3}\s*(?:minutes?|mins?|min|minutos?|minuten|minuti)?\.?
              | (?:listen|écouter|escuchar)\s*[·:|-]?\s*\d{1,2}:\d{2}\s*(?:min|mins)?
            )\s*\.?$",
        )
        .expect("valid regex")
    });
    lower.len() <= 60 && READING.is_match(lower)
}

/// A line that ends a wire story: "Enditem", "(END)", "-- 30 --", "###", "___".
pub fn is_end_marker(lower: &str) -> bool {
    let decoration = |c: char| c.is_whitespace() || "()[]-–—=*.".contains(c);
    // A marker opens with a decoration or its word's first character: most blocks are
    // passed over on their first.
    if !lower.starts_with(|c: char| decoration(c) || matches!(c, 'e' | '#' | '3' | 'f' | '_')) {
        return false;
    }
    let bare = lower.trim_matches(decoration);
    let decorated = bare.len() < lower.len();
    match bare {
        "enditem" | "###" => true,
        "end" | "ends" | "30" | "fin" => decorated,
        _ => lower.len() >= 3 && lower.chars().all(|c| c == '_'),
    }
}

/// Sentences that are trailer chrome at the foot of a story even when long:
/// contributor credits, print-edition notes, trust statements, corrections
/// boilerplate, legal footers.
const TRAILER_CONTAINS: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "contributed to this story",
    "contributed to this article",
    "ha contribuido a este",
    "a contribué à cet article",
    "appears in print on",
    "all rights reserved",
    "is not responsible for the content of external",
    "todos los derechos reservados",
    "tous droits réservés",
    "alle rechte vorbehalten",
    "trust principles",
    "material may not be published, broadcast, rewritten",
    "this article appears in",
    "this article appeared in",
    "this story appears in",
    "this story appeared in",
    "appeared in the print edition",
    "appears in the print edition",
];

/// Beginnings of trailer and header chrome lines (matched lower-cased, at most 45
/// words), in several languages.
pub const CHROME_PREFIXES_INTL: &[&str] = &[
    "our standards:",
    "reporting from",
    "a version of this article",
    "see more on:",
    "share full article",
    "click here to share",
    "partager sur",
    "compartir en",
    "condividi su",
    "teilen auf",
    "article réservé aux abonnés",
    "réservé aux abonnés",
    "cet article vous est offert",
    "suivez-nous",
    "síguenos",
    "sigue a",
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "lee también",
    "lea también",
    "leer más",
    "ver también",
    "más información",
    "lesen sie auch",
    "mehr zum thema",
    "leggi anche",
    "leia também",
    "related article",
    "related content",
    "related coverage",
];

/// Whole short blocks that are chrome in languages other than English, and
/// English share/advert/navigation words the main list lacks.
pub const CHROME_EXACT_INTL: &[&str] = &[
    "partager",
    "publicité",
    "offrir l'article",
    "offrir l’article",
    "s'abonner",
    "s’abonner",
    "se connecter",
    "contribuer",
    "réutiliser ce contenu",
    "aller au contenu principal",
    "aller au contenu",
    "abonnez-vous",
    "commentaires",
    "compartir",
    "publicidad",
    "copiar enlace",
    "ir a los comentarios",
    "suscríbete",
    "iniciar sesión",
    "archivado en",
    "comentarios",
    "teilen",
    "anzeige",
    "werbung",
    "condividi",
    "pubblicità",
    "compartilhar",
    "publicidade",
    "copy",
    "copylink",
    "ad feedback",
    "skip advertisement",
    "share full article",
    "key events",
    "navigation menu",
    "skip links",
    "reuse this content",
    "explore more on these topics",
    "more on this topic",
    "suggested topics",
    "related article",
    "related story",
    "related coverage",
    "related video",
    "read this next",
    "opens new tab",
    "open in new tab",
    "learn more",
    "show less",
    "print this page",
    "share this page",
    "more from this section",
];

/// Phrases that make a short block (not a long sentence) chrome wherever they
/// appear in it.
pub const CHROME_CONTAINS_INTL: &[&str] = &[
    "opens new tab",
    "opens in new tab",
    "opens in a new window",
    "values your feedback",
    "more about ",
];

/// Whether a block is trailer chrome however long it is (callers bound the length):
/// a copyright line, a contributor credit, a print-edition note, a legal footer.
pub fn is_trailer(lower: &str) -> bool {
    let copyright = ["copyright", "©"].iter().any(|c| {
        lower.strip_prefix(c).is_some_and(|rest| {
            rest.trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit() || ch == '©' || ch == '(')
        })
    });
    /// All of [`TRAILER_CONTAINS`], searched for in one pass that skips most bytes.
    static TRAILERS: LazyLock<PhraseScan> = LazyLock::new(|| PhraseScan::new(TRAILER_CONTAINS));
    copyright || TRAILERS.is_match(lower)
}

/// Short labels that introduce teasers for other stories: "Related", "Most read",
/// "More from the BBC", "Lire aussi", "Lee también". `lower` is the whole block,
/// lower-cased and trimmed of closing `:`.
pub fn is_teaser_label(lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "related",
        "related article",
        "related articles",
        "related stories",
        "related story",
        "related content",
        "related coverage",
        "related video",
        "related topics",
        "read more",
        "read also",
        "also read",
        "see also",
        "most read",
        "most viewed",
        "most popular",
        "most shared",
        "lire aussi",
        "à lire aussi",
        "voir aussi",
        "sur le même sujet",
        "lee también",
        "lea también",
        "leer más",
        "ver también",
        "más información",
        "te puede interesar",
        "lesen sie auch",
        "mehr zum thema",
        "leggi anche",
        "leia também",
    ];
    /// The length in bytes of the longest label: longer blocks need no lookup.
    const LONGEST: usize = {
        let mut longest = 0;
        let mut i = 0;
        while i < LABELS.len() {
            if LABELS[i].len() > longest {
                longest = LABELS[i].len();
            }
            i += 1;
        }
        longest
    };
    let bare = lower.trim_end_matches([':', ' ', '.', '›', '»']);
    if bare.len() <= LONGEST && LABELS.contains(&bare) {
        return true;
    }
    (bare.starts_with("more from ") || bare.starts_with("more on ") || bare.starts_with("more in "))
        && !more_words_than(bare, 6)
}

/// Most words of a photo credit standing alone ([`is_image_credit`]).
pub const IMAGE_CREDIT_MAX_WORDS: usize = 7;

/// A photo credit standing alone (at most [`IMAGE_CREDIT_MAX_WORDS`] words):
/// "Getty Images", "Reuters/John Smith", "Photo: AFP", "EPA-EFE/Jane Roe", "AFP via
/// Getty Images".
pub fn is_image_credit(text: &str, lower: &str) -> bool {
    static AGENCY_SLASH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][A-Za-z-]{1,15}(?: [A-Z][A-Za-z-]+)?\s*/\s*[\p{Lu}][\p{L}.'’ -]{1,40}$")
            .expect("valid regex")
    });
    const AGENCIES: &[&str] = &[
        "getty images",
        "reuters",
        "afp",
        "ap",
        "ap photo",
        "epa",
        "epa-efe",
        "pa media",
        "pa wire",
        "shutterstock",
        "alamy",
        "anadolu",
        "anadolu agency",
        "xinhua",
        "bloomberg",
        "eyevine",
        "rex features",
        "nurphoto",
        "sopa images",
        "zuma press",
    ];
    if more_words_than(text, IMAGE_CREDIT_MAX_WORDS) || ends_sentence(text) {
        return false;
    }
    let bare = lower
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']'])
        .trim();
    let bare = [
        "photo:",
        "photograph:",
        "picture:",
        "image:",
        "credit:",
        "foto:",
    ]
    .iter()
    .find_map(|p| bare.strip_prefix(p))
    .unwrap_or(bare)
    .trim();
    if AGENCIES.contains(&bare)
        || bare.ends_with(" via getty images")
        || bare.ends_with("/getty images")
    {
        return true;
    }
    // "Agency/Photographer Name": a known agency, or a person's name after the slash.
    text.contains('/')
        && AGENCY_SLASH.is_match(text)
        && bare.split_once('/').is_some_and(|(agency, person)| {
            AGENCIES.contains(&agency.trim()) || more_words_than(person, 1)
        })
}

/// A caption that ends with its credit: "… on the river path. Photograph: Marek
/// Novak/Reuters", "… (Photo: Tomas Berger/EPA)", "… Picture: Getty Images".
pub fn ends_with_credit(text: &str) -> bool {
    static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:^|[.!?”\x22]\s+|\(\s*)(?:photograph|photo|picture|image|credit|foto|photo credit)s?\s*:\s*[^.:!?]{2,60}\)?\s*$",
        )
        .expect("valid regex")
    });
    // The credit's label is followed by a colon: most blocks have none.
    memchr::memrchr(b':', text.as_bytes())
        .is_some_and(|colon| credit_may_follow(&text[colon + 1..]))
        && !more_words_than(text, 60)
        && CREDIT_END.is_match(text)
}

/// Whether the text after a block's last colon could be the credit of
/// [`ends_with_credit`] (which holds no colon, so follows the last one): trimmed, at
/// most 60 characters and a closing bracket, with no `.`, `!` or `?`.
fn credit_may_follow(rest: &str) -> bool {
    let rest = rest.trim();
    rest.len() <= 4 * 61 && rest.chars().count() <= 61 && !rest.contains(['.', '!', '?'])
}

/// A bare count standing alone: an engagement counter under a post ("42",
/// "1,204", "3.1K", "12k"), never the story's text or section.
pub fn is_bare_count(text: &str) -> bool {
    let digits = text.trim_end_matches(['k', 'K', 'm', 'M']);
    text.len() <= 12
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// A gallery or slideshow counter: "1 of 8", "Image 3 of 12", "4/12".
pub fn is_gallery_counter(lower: &str) -> bool {
    static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:image|photo|picture|slide|foto|imagen)\s+)?\d{1,3}\s*(?:of|/|de|sur|von)\s*\d{1,3}$")
            .expect("valid regex")
    });
    lower.len() <= 30 && COUNTER.is_match(lower)
}

/// The crumbs of a breadcrumb line ("News > World > Asia", "News|Climate Crisis"):
/// two or more short capitalised labels between `>`, `›`, `»` or `/`, or exactly
/// two around `|`. Returns the last crumb, the section.
pub fn breadcrumb_last(text: &str) -> Option<&str> {
    let separators: &[char] = if text.contains(['>', '›', '»']) {
        &['>', '›', '»']
    } else if text.contains(" / ") {
        &['/']
    } else if text.matches('|').count() == 1 {
        &['|']
    } else {
        return None;
    };
    let mut last = None;
    let mut count = 0;
    for crumb in text.split(separators) {
        let crumb = crumb.trim();
        let words = word_count(crumb);
        let capitalised = crumb.chars().next().is_some_and(char::is_uppercase)
            && crumb.split_whitespace().all(|w| {
                matches!(w, "&" | "and" | "of" | "the" | "de" | "et" | "y")
                    || w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        if words == 0 || words > 4 || crumb.len() > 32 || !capitalised || crumb.ends_with('.') {
            return None;
        }
        count += 1;
        last = Some(crumb);
    }
    (count >= 2).then_some(last).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Passing blocks over on their first character finds the markers found
        /// without it.
        #[test]
        fn end_markers_found_as_by_trimming_alone(
            lower in "[- ()\\[\\]=*.#_\u{2014}endfitms30ox]{0,12}"
        ) {
            let bare = lower.trim_matches(|c: char| c.is_whitespace() || "()[]-–—=*.".contains(c));
            let slowly = match bare {
                "enditem" | "###" => true,
                "end" | "ends" | "30" | "fin" => bare.len() < lower.len(),
                _ => lower.len() >= 3 && lower.chars().all(|c| c == '_'),
            };
            proptest::prop_assert_eq!(is_end_marker(&lower), slowly);
        }
    }

    #[test]
    fn reading_times_in_several_languages() {
        for t in [
            "4 minute read",
            "3 min read",
            "temps de lecture 3 min.",
            "lectura: 4 min",
            "reading time: 6 minutes",
            "listen · 5:32 min",
        ] {
            assert!(is_reading_time(t), "{t}");
        }
        assert!(!is_reading_time("4 minutes later the bus arrived"));
    }

    #[test]
    fn bare_counts() {
        for t in ["42", "1,204", "3.1K", "12k", "0"] {
            assert!(is_bare_count(t), "{t}");
        }
        for t in ["42 likes", "K2", "2026-03-04", "", "Share"] {
            assert!(!is_bare_count(t), "{t}");
        }
    }

    #[test]
    fn end_markers() {
        for t in ["enditem", "(end)", "-- 30 --", "###", "___", "- 30 -"] {
            assert!(is_end_marker(t), "{t}");
        }
        for t in ["end", "the end of an era", "30 people", "fin"] {
            assert!(!is_end_marker(t), "{t}");
        }
    }

    #[test]
    fn teaser_labels_and_credits() {
        assert!(is_teaser_label("more from the courier"));
        assert!(is_teaser_label("lire aussi"));
        assert!(is_teaser_label("related:"));
        assert!(!is_teaser_label(
            "more from the council meeting was expected on tuesday"
        ));
        assert!(is_image_credit("Getty Images", "getty images"));
        assert!(is_image_credit("Reuters/Jane Roe", "reuters/jane roe"));
        assert!(is_image_credit("Photo: AFP", "photo: afp"));
        assert!(!is_image_credit("Business/Economy", "business/economy"));
        assert!(!is_image_credit("The mayor said no.", "the mayor said no."));
        assert!(ends_with_credit(
            "Boats on the lake at dawn. Photograph: Ana Ruiz/AFP"
        ));
        assert!(ends_with_credit(
            "Boats on the lake at dawn. (Photo: Ana Ruiz/EPA)"
        ));
        assert!(!ends_with_credit("The mayor said the photo: was fake."));
        assert!(credit_may_follow(" Ana Ruiz/EPA) "));
        assert!(!credit_may_follow(" was fake."));
        assert!(!credit_may_follow(&"long credit line ".repeat(4)));
        assert!(is_gallery_counter("image 3 of 12"));
        assert!(is_gallery_counter("4/12"));
        assert!(!is_gallery_counter("4 of the 12 victims"));
    }

    #[test]
    fn copyright_lines_and_trailers() {
        assert!(is_trailer("copyright 2026 harbour media ltd"));
        assert!(is_trailer("copyright © 2026 harbour media"));
        assert!(is_trailer("xinhua writers contributed to this report."));
        assert!(!is_trailer(
            "copyright lawyers said the case would go to court."
        ));
    }

    #[test]
    fn breadcrumbs() {
        assert_eq!(breadcrumb_last("News > World > Asia"), Some("Asia"));
        assert_eq!(breadcrumb_last("Sport › Football"), Some("Football"));
        assert_eq!(
            breadcrumb_last("News|Climate Crisis"),
            Some("Climate Crisis")
        );
        assert_eq!(breadcrumb_last("Home | China | World"), None);
        assert_eq!(breadcrumb_last("Profits rose > 5% in May"), None);
        assert_eq!(breadcrumb_last("Asia"), None);
    }
}
