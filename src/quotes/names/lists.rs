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
    ])
});

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
