//! The words that head a description of a person ("senator", "front-runner", "mogul",
//! "candidates"), the words for a relation to someone rather than a post ("wife",
//! "ally"), the verbs that open a clause after a name, never a description ("said"), and
//! for a later description ("the senator"), the heads too loose to tie to one person, the
//! words that end its modifiers and the words read as a verb after it.
//!
//! Decides only which words these are; [`describe`](super::describe) decides where a
//! description stands.

use super::clauses::singular;
use super::gender::{Gender, gender_of_word};
use super::roles::{HONORIFICS, MODIFIERS, ROLE_NOUNS, TITLE_WORDS};
use crate::quotes::tokens::Token;
use crate::quotes::wordset::WordSet;
use std::sync::LazyLock;

/// Nouns that describe a person in news beyond the role nouns of attribution: a standing in
/// a race, a party, a trade ("front-runner", "Republican", "mogul").
pub(super) static DESCRIPTION_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    super::lists::set(&[
        "front-runner",
        "frontrunner",
        "co-front-runner",
        "contender",
        "hopeful",
        "challenger",
        "incumbent",
        "rival",
        "opponent",
        "insurgent",
        "underdog",
        "favorite",
        "favourite",
        "mogul",
        "tycoon",
        "magnate",
        "billionaire",
        "millionaire",
        "developer",
        "neurosurgeon",
        "operative",
        "pollster",
        "counsel",
        "fellow",
        "delegate",
        "democrat",
        "republican",
        "libertarian",
        "socialist",
        "conservative",
        "liberal",
        "progressive",
        "moderate",
        "donor",
        "supporter",
        "backer",
        "critic",
        "ally",
        "friend",
        "daughter",
        "son",
        "parent",
        "mother",
        "father",
        "widow",
        "widower",
        "agent",
        "woman",
        "man",
        "resident",
        "voter",
        "student",
        "wife",
        "husband",
        "brother",
        "sister",
        "grandfather",
        "grandmother",
        "canvasser",
        "organizer",
        "coordinator",
        "assemblyman",
        "assemblywoman",
        "legislator",
        "star",
        "personality",
        "host",
        "scholar",
        "lobbyist",
        "exile",
        "refugee",
        "immigrant",
        "native",
        "texan",
        "first-grader",
        "counterterrorism",
        "vp",
        "journalist",
        "clerk",
        "official",
        "secretary",
        "speaker",
        "nominee",
        "candidate",
        "politician",
        "businessman",
        "businesswoman",
        "professor",
        "director",
        "member",
        "partner",
        "leader",
        "chairman",
        "president",
    ])
});

/// True for a word that can head a description of a person.
pub(super) fn is_head(word: &Token) -> bool {
    let l = word.lower().as_str();
    // "congressman", "businesswoman": a trade and man or woman, in lower case ("Rahaman"
    // is a name).
    let compound = !word.is_capitalised()
        && l.len() > 5
        && (l.ends_with("man") || l.ends_with("woman"))
        && gender_of_word(l) != Gender::Unknown;
    let plain = l.trim_end_matches('.');
    // "candidates", "professors": a plural of a head heads a description of several.
    let plural = !word.is_capitalised()
        && singular(l).is_some_and(|one| {
            ROLE_NOUNS.contains(one.as_str()) || DESCRIPTION_HEADS.contains(one.as_str())
        });
    plural
        || ROLE_NOUNS.contains(l)
        // A capitalised title ("Sen.", "Major"); in lower case "major" is no rank.
        || (word.is_capitalised()
            && TITLE_WORDS.contains(l)
            && !MODIFIERS.contains(l)
            && !HONORIFICS.contains(l))
        || DESCRIPTION_HEADS.contains(l)
        || DESCRIPTION_HEADS.contains(plain)
        || compound
}

/// Words for a relation to someone, not a post ("friend", "wife").
pub(super) fn is_relation(word: &str) -> bool {
    matches!(
        word,
        "friend"
            | "ally"
            | "rival"
            | "opponent"
            | "daughter"
            | "son"
            | "wife"
            | "husband"
            | "brother"
            | "sister"
            | "mother"
            | "father"
            | "partner"
            | "critic"
            | "supporter"
            | "backer"
    )
}

/// Verbs that open a clause after a name, never a description ("Lee, said …").
pub(super) fn is_clause_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "noted"
            | "notes"
            | "wrote"
            | "writes"
            | "asked"
            | "asks"
            | "argued"
            | "argues"
            | "explained"
            | "explains"
            | "insisted"
            | "insists"
            | "warned"
            | "warns"
            | "replied"
            | "tweeted"
            | "according"
            | "meanwhile"
            | "however"
            | "too"
    )
}

/// Heads too general to tie to one person ("the woman", "the voter") or saying a relation
/// to someone else ("the wife").
pub(super) fn loose_head(head: &str) -> bool {
    is_relation(head)
        || matches!(
            head,
            "woman"
                | "man"
                | "resident"
                | "voter"
                | "student"
                | "member"
                | "fellow"
                | "delegate"
                | "donor"
                | "official"
                | "agent"
                | "host"
                | "native"
                | "immigrant"
                | "refugee"
                | "exile"
                | "parent"
                | "source"
                | "person"
                | "people"
                | "victim"
        )
}

/// Words that end the modifiers of a description: function words, never a modifier.
pub(super) fn function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "as"
            | "is"
            | "was"
            | "who"
            | "that"
            | "which"
            | "but"
            | "not"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "said"
            | "says"
            | "about"
            | "against"
            | "after"
            | "before"
            | "into"
            | "over"
            | "under"
            | "behind"
            | "since"
            | "during"
            | "through"
            | "without"
            | "within"
            | "across"
            | "among"
            | "toward"
            | "towards"
            | "upon"
            | "amid"
            | "despite"
            | "like"
            | "than"
            | "near"
            | "around"
            | "until"
            | "where"
            | "when"
            | "while"
            | "because"
            | "if"
            | "whether"
            | "so"
    )
}

/// True for a word that reads as a verb or adverb after a noun ("the senator aimed",
/// "the governor first named"), never as a noun going on with it.
pub(super) fn verb_like(word: &str) -> bool {
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    (word.ends_with("ed") || (!possessive && word.ends_with('s') && !word.ends_with("ss")))
        || matches!(
            word,
            "is" | "was"
                | "has"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "do"
                | "said"
                | "told"
                | "knew"
                | "won"
                | "lost"
                | "ran"
                | "made"
                | "took"
                | "went"
                | "met"
                | "gave"
                | "got"
                | "left"
                | "came"
                | "became"
                | "began"
                | "saw"
                | "held"
                | "kept"
                | "sent"
                | "spent"
                | "fought"
                | "brought"
                | "thought"
                | "felt"
                | "put"
                | "set"
                | "hit"
                | "let"
                | "spoke"
                | "also"
                | "first"
                | "then"
                | "now"
                | "still"
                | "never"
                | "already"
                | "later"
                | "again"
                | "himself"
                | "herself"
                | "whose"
        )
}
