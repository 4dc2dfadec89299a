//! Word lists for naming: nouns that make a phrase an organisation, and the function
//! words that open a clause, name nobody in particular or are never a name.
//!
//! Decides only whether one word is in one of these lists. It reads no phrase, knows
//! nothing of titles, names or gender, and imports nothing from the other parts of
//! [`names`](super).

use std::sync::LazyLock;

use crate::quotes::wordset::WordSet;

/// A word list built from `words`.
pub(super) fn set(words: &'static [&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// Nouns that make a phrase an organisation.
pub(super) static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "ministry",
        "department",
        "agency",
        "office",
        "bureau",
        "commission",
        "council",
        "committee",
        "police",
        "service",
        "services",
        "bank",
        "company",
        "co.",
        "inc.",
        "inc",
        "corp.",
        "corporation",
        "ltd",
        "ltd.",
        "plc",
        "group",
        "association",
        "federation",
        "union",
        "party",
        "government",
        "administration",
        "university",
        "institute",
        "foundation",
        "organization",
        "organisation",
        "authority",
        "court",
        "parliament",
        "congress",
        "senate",
        "assembly",
        "army",
        "navy",
        "force",
        "forces",
        "guard",
        "embassy",
        "kremlin",
        "pentagon",
        "nations",
        "board",
        "club",
        "fc",
        "league",
        "fund",
        "reserve",
        "airline",
        "airlines",
        "airways",
        "network",
        "exchange",
        "secretariat",
        "directorate",
        "holdings",
        "securities",
        "trust",
        "centre",
        "center",
        "hospital",
        "coalition",
        "alliance",
        "cabinet",
        "mission",
        "firm",
        "regulator",
        "watchdog",
        "military",
        "ministry's",
        "team",
        "body",
        "operator",
        "chain",
        "retailer",
        "insurer",
        "carrier",
        "lender",
        "broadcaster",
        "network",
        "studio",
        "publisher",
        "newspaper",
        "school",
        "college",
        "charity",
        "campaign",
        "house",
    ])
});

/// Common nouns for organisations that may stand for the last one named ("the agency").
pub(super) static GENERIC_ORGS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "agency",
        "company",
        "firm",
        "organization",
        "organisation",
        "group",
        "body",
        "regulator",
        "watchdog",
        "operator",
        "retailer",
        "lender",
        "insurer",
        "carrier",
        "broadcaster",
        "publisher",
        "charity",
    ])
});

/// Words that start a phrase naming nobody in particular.
pub(super) static INDEFINITE: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "a", "an", "one", "another", "some", "several", "many", "two", "three", "four", "five",
        "few", "most", "other", "others", "multiple", "numerous", "various", "no",
    ])
});

/// Words that introduce a clause and are not part of the phrase after them.
pub(super) static LEADING_JUNK: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "and", "but", "while", "whereas", "as", "though", "although", "when", "then", "so", "yet",
        "or", "because", "since", "after", "before", "where",
    ])
});

/// Capitalised words that are never names.
pub(super) static NOT_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "the",
        "a",
        "an",
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "in",
        "on",
        "at",
        "for",
        "but",
        "and",
        "however",
        "asked",
        "speaking",
        "after",
        "before",
        "during",
        "when",
        "while",
        "if",
        "as",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "meanwhile",
        "according",
        "also",
        "still",
        "now",
        "then",
        "earlier",
        "later",
        "last",
        "next",
        "since",
        "with",
        "by",
        "from",
        "of",
        "to",
        "under",
        "over",
        "both",
        "all",
        "some",
        "many",
        "most",
        "such",
        "what",
        "who",
        "why",
        "how",
        "where",
        "which",
        "one",
        "two",
        "so",
        "yes",
        "no",
        "not",
        "even",
        "amid",
        "like",
        "unlike",
        "here",
        "despite",
        "citing",
        "reached",
        "among",
        "without",
        "within",
        "through",
        "throughout",
        "against",
        "toward",
        "towards",
        "upon",
        "including",
        "following",
        "neither",
        "nor",
        "either",
        "whether",
        "every",
        "each",
        "another",
        "does",
        "did",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "can",
        "could",
        "would",
        "should",
        "must",
        "ala.",
        "ariz.",
        "ark.",
        "calif.",
        "colo.",
        "conn.",
        "fla.",
        "ga.",
        "kan.",
        "ky.",
        "md.",
        "mich.",
        "minn.",
        "mont.",
        "neb.",
        "nev.",
        "okla.",
        "ore.",
        "tenn.",
        "tex.",
        "vt.",
        "va.",
        "wis.",
        "wyo.",
    ])
});

/// Places written like a person's name ("South Carolina", "Des Moines"): never a speaker.
static PLACES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "georgia",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "rhode island",
        "south carolina",
        "south dakota",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "west virginia",
        "wisconsin",
        "wyoming",
        "los angeles",
        "san francisco",
        "las vegas",
        "new orleans",
        "des moines",
        "salt lake city",
        "puerto rico",
        "saudi arabia",
        "south africa",
        "north korea",
        "south korea",
        "united kingdom",
        "great britain",
        "united states",
        "hong kong",
        "new zealand",
        "costa rica",
        "el salvador",
        "sri lanka",
        "capitol hill",
        "wall street",
        "silicon valley",
        "atlantic city",
        "kansas city",
        "oklahoma city",
        "iowa city",
        "st. louis",
        "palm beach",
        "fort worth",
        "san antonio",
        "san diego",
        "el paso",
        "new delhi",
        "buena park",
        "new england",
        "latin america",
        "middle east",
        "north america",
        "south america",
        "east coast",
        "west coast",
    ])
});

/// True for a place written like a name ("South Carolina"), as a whole.
pub fn is_place(name: &str) -> bool {
    PLACES.contains_lowered(name)
}

/// True for an organisation's common noun that may stand for the last one named.
pub fn is_generic_org(word: &str) -> bool {
    GENERIC_ORGS.contains(word)
}

/// True for a word that begins a clause and belongs to no noun phrase ("while", "and").
pub fn is_leading_junk(word: &str) -> bool {
    LEADING_JUNK.contains_lowered(word)
}

/// True for a capitalised function word, weekday or month ("The", "Friday"), never a name.
pub fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains_lowered(word)
}

/// "Interestingly", "Reportedly", "Ultimately": an adverb of a shape no name has (a
/// long word ending in one of these; "Kelly", "Beverly" and "McNally" are not), which
/// a speaker's phrase drops from its front ("Interestingly Okafor said").
pub fn is_sentence_adverb(word: &str) -> bool {
    const ENDINGS: [&str; 10] = [
        "ingly", "edly", "ously", "ively", "ately", "fully", "ently", "antly", "ably", "ibly",
    ];
    let b = word.as_bytes();
    let ends = |end: &str| {
        b.len() >= end.len() && b[b.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
    };
    b.len() >= 8
        && b.last().is_some_and(|c| c.eq_ignore_ascii_case(&b'y'))
        && (ENDINGS.iter().any(|e| ends(e)) || (b.len() >= 9 && ends("ally")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_adverbs_are_told_from_names() {
        for word in [
            "Interestingly",
            "Reportedly",
            "Ultimately",
            "Apparently",
            "Additionally",
            "Arguably",
        ] {
            assert!(is_sentence_adverb(word), "{word}");
        }
        for word in [
            "Kelly",
            "Beverly",
            "Kimberly",
            "McNally",
            "Emily",
            "Ki-moon",
            "El-Erian",
            "Jean-Paul",
            "Schilling",
            "Ayotte",
        ] {
            assert!(!is_sentence_adverb(word), "{word}");
        }
    }
}
