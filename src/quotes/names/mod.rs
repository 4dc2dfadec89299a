//! Telling people, titles, roles and organisations apart in the words naming a speaker.
//!
//! A noun phrase such as `UN Secretary-General António Guterres`, `the senior official`,
//! `he`, `a source familiar with the matter` or `the Ministry of Commerce` is classified
//! into a [`Mention`], with the person's name split from the title in front of it.
//!
//! Names keep their particles and prefixes (`Ursula von der Leyen`, `Luiz Inácio Lula da
//! Silva`, `Abdel Fattah al-Sisi`); a trailing "of Place" is dropped (`Sen. John Thune of
//! South Dakota`) except in a peer's name (`Lord Smith of Finsbury`); honorifics (Mr, Dr,
//! Sir, Dame) give gender but are not titles; a role noun between an organisation and a
//! name is part of the title (`NBS statistician Yu Weining`).
//!
//! This file decides only which kind of [`Mention`] a whole phrase is ([`classify`]); the
//! parts it reads are one file each, and each imports only those above it in this list:
//! - `lists`: organisation nouns and function words;
//! - `gender`: what a pronoun, honorific, title or given name says of gender;
//! - `roles`: the word lists of titles, roles, offices and honorifics;
//! - `shape`: what a person's name looks like and where it starts in a phrase;
//! - `titles`: the words of a title as written;
//! - `memo`: the answers of [`classify`] remembered;
//! - `unquoted`: the words of a paragraph outside quote marks;
//! - `describe`: what a whole story says a named person is (it alone reads a story, and
//!   imports [`classify`] from this file).
//!
//! Callers use the items re-exported here; no part imports this file.

mod anaphora;
mod clauses;
mod definite;
pub mod describe;
mod gender;
mod heads;
mod held;
mod lists;
mod memo;
mod roles;
mod shape;
pub mod story_titles;
mod titles;
mod unquoted;

pub use gender::{Gender, gender_of_given_name, gender_of_word, is_common_given_name};
pub use lists::{is_generic_org, is_leading_junk, is_not_name, is_place};
pub use roles::{is_honorific, is_modifier, is_office, is_role_noun};
pub use shape::{is_acronym, is_name_word, is_particle, is_possessive, is_prefixed_name};
pub use titles::{looks_like_title, title_text};

use super::tokens::Token;
use lists::{INDEFINITE, LEADING_JUNK, ORG_WORDS};
use roles::{ROLE_NOUNS, TITLE_WORDS};
use shape::{name_start, of_place_at, peer_at};
use titles::join;

/// Who a noun phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// A personal pronoun ("he", "she", "they", "it").
    Pronoun(String),
    /// A person by name, with the title in front of the name when there is one.
    Person {
        /// The name (one word when only a surname is given).
        name: String,
        /// The title before the name ("UN Secretary-General").
        title: Option<String>,
        /// What an honorific or title says.
        gender: Gender,
    },
    /// A named organisation ("Ministry of Commerce", "Greater Manchester Police").
    Organisation(String),
    /// An organisation by a common noun ("the ministry", "the company"); `head` is the noun.
    OrganisationRef {
        /// The head noun, lower case.
        head: String,
        /// The words as written.
        text: String,
    },
    /// A person by role ("the senior official", "the spokesman", "the 48-year-old").
    Role {
        /// The head noun, lower case.
        head: String,
        /// The words as written.
        text: String,
    },
    /// Someone the text does not name ("a source", "one resident", "officials").
    Anonymous(String),
}

/// Classifies a noun phrase naming a speaker. `None` when it names nobody.
///
/// The answer depends only on the words' text, and is remembered ([`memo`]).
pub fn classify(tokens: &[Token]) -> Option<Mention> {
    memo::remembered(tokens, classify_words)
}

/// [`classify`], read afresh.
fn classify_words(tokens: &[Token]) -> Option<Mention> {
    // The words only: most phrases are nothing but words, and are read in place.
    let only_words: Vec<Token>;
    let mut words: &[Token] = if tokens.iter().all(Token::is_word) {
        tokens
    } else {
        only_words = tokens.iter().filter(|t| t.is_word()).cloned().collect();
        &only_words
    };
    // "Interestingly Okafor said": a sentence adverb run into the name is no part of it
    // (one set off by a comma is read as before).
    let run_in = tokens.get(1).is_some_and(Token::is_word);
    while let Some((first, rest)) = words.split_first()
        && (LEADING_JUNK.contains(first.lower().as_str())
            || (run_in && lists::is_sentence_adverb(first.text)))
    {
        words = rest;
    }
    // "Lord Smith of Finsbury" is a peer's whole name.
    if let Some(p) = peer_at(words) {
        let gender = gender_of_word(words[p].lower());
        return Some(Mention::Person {
            name: join(&words[p..]),
            title: title_text(&words[..p]),
            gender,
        });
    }
    // "Sen. Tom Harlan of Ohio": drop a trailing "of Place" after a name.
    if let Some(k) = of_place_at(words) {
        words = &words[..k];
    }
    let first = words.first()?;
    let lower_first = first.lower();
    // The words as written, for the mentions that keep them.
    let text = || join(words);
    if words.len() == 1
        && let "he" | "she" | "they" | "it" | "we" | "i" = lower_first.as_str()
    {
        return Some(Mention::Pronoun(lower_first.into()));
    }
    if INDEFINITE.contains(lower_first.as_str()) {
        return Some(Mention::Anonymous(text()));
    }
    let lower = |k: usize| words[k].lower();
    let last_lower = words.last()?.lower();
    // A named organisation: capitalised words with an organisation noun at the head
    // ("Greater Manchester Police") or before "of" ("Ministry of Health").
    let org_at = words.iter().enumerate().position(|(k, w)| {
        w.is_capitalised()
            && ORG_WORDS.contains(w.lower().as_str())
            && (k + 1 == words.len() || matches!(lower(k + 1).as_str(), "of" | "for"))
    });
    let definite = matches!(
        lower_first.as_str(),
        "the" | "his" | "her" | "their" | "its"
    );
    let rest: &[Token] = if definite { &words[1..] } else { words };
    if rest.is_empty() {
        return None;
    }
    if let Some(k) = org_at {
        let all_caps_before = rest
            .iter()
            .take_while(|w| w.start < words[k].start)
            .all(|w| w.is_capitalised() || w.text.contains('.'));
        // "Bank of England Governor Andrew Bailey" is a person with a title.
        let person_after = name_start(rest).is_some_and(|j| {
            j > 0 && {
                let before = rest[j - 1].lower();
                TITLE_WORDS.contains(before.as_str()) || ROLE_NOUNS.contains(before.as_str())
            }
        });
        if all_caps_before && !person_after {
            return Some(Mention::Organisation(join(rest)));
        }
    }
    if rest.len() == 1 && is_acronym(rest[0].text) {
        return Some(Mention::Organisation(rest[0].text.to_string()));
    }
    // "the former mayor of Dayton", "the Texan": a definite phrase ending in a place or
    // a people is a role, not a person so named.
    let start = name_start(rest);
    let of_place = definite
        && start.is_some_and(|j| {
            let people = |w: &str| ["an", "ian", "ese", "ite"].iter().any(|e| w.ends_with(e));
            (j == 0 && rest.len() == 1 && people(rest[0].lower().as_str()))
                || j > 0
                    && matches!(
                        rest[j - 1].lower().as_str(),
                        "of" | "for" | "from" | "at" | "in"
                    )
        });
    if let Some(j) = start.filter(|_| !of_place) {
        let name_words = &rest[j..];
        if is_place(&join(name_words)) {
            return None;
        }
        let gender = rest[..j]
            .iter()
            .map(|w| gender_of_word(w.lower()))
            .find(|g| *g != Gender::Unknown)
            .unwrap_or(Gender::Unknown);
        return Some(Mention::Person {
            name: join(name_words),
            title: title_text(&rest[..j]),
            gender,
        });
    }
    // A common noun phrase: the head is the word before "of", else the last word.
    let head_at = words
        .iter()
        .position(|w| matches!(w.lower().as_str(), "of" | "at" | "for" | "in" | "with"))
        .filter(|&k| k > 0)
        .map_or(words.len() - 1, |k| k - 1);
    let head = lower(head_at);
    if ORG_WORDS.contains(head.as_str()) {
        return Some(Mention::OrganisationRef {
            head: head.into(),
            text: text(),
        });
    }
    if definite {
        return Some(Mention::Role {
            head: head.into(),
            text: text(),
        });
    }
    // Bare plurals and nouns: "officials", "witnesses", "police".
    if words.len() <= 3 && !first.is_capitalised() {
        if ORG_WORDS.contains(last_lower.as_str()) {
            return Some(Mention::OrganisationRef {
                head: last_lower.into(),
                text: text(),
            });
        }
        return Some(Mention::Anonymous(text()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    fn np(s: &str) -> Option<Mention> {
        classify(&tokenize(s, 0))
    }

    fn person(name: &str, title: Option<&str>) -> Option<Mention> {
        Some(Mention::Person {
            name: name.into(),
            title: title.map(Into::into),
            gender: Gender::Unknown,
        })
    }

    #[test]
    fn a_definite_role_of_a_place_or_people_is_no_person() {
        assert!(matches!(
            np("the former mayor of Dayton"),
            Some(Mention::Role { .. })
        ));
        assert!(matches!(np("the Texan"), Some(Mention::Role { .. })));
        assert!(!matches!(np("the Ledger"), Some(Mention::Role { .. })));
    }

    #[test]
    fn a_sentence_adverb_run_into_a_name_is_no_part_of_it() {
        assert_eq!(np("Interestingly Okafor"), np("Okafor"));
        assert_eq!(np("Reportedly Ada Okafor"), person("Ada Okafor", None));
        // A name word of the same shape stays.
        assert_eq!(np("Kelly Okafor"), person("Kelly Okafor", None));
    }

    #[test]
    fn a_party_before_a_name_is_a_title() {
        assert_eq!(
            np("Democrat Nora Field"),
            person("Nora Field", Some("Democrat"))
        );
        assert_eq!(
            np("Senate Republican Omar Hale"),
            person("Omar Hale", Some("Senate Republican"))
        );
    }

    #[test]
    fn title_before_name() {
        assert_eq!(
            np("UN Secretary-General António Guterres"),
            person("António Guterres", Some("UN Secretary-General"))
        );
        assert_eq!(
            np("Foreign Ministry spokesperson Mao Ning"),
            person("Mao Ning", Some("Foreign Ministry spokesperson"))
        );
        assert_eq!(
            np("Manchester United manager Erik ten Hag"),
            person("Erik ten Hag", Some("Manchester United manager"))
        );
        assert_eq!(
            np("Regional Director for Europe Hans Kluge"),
            person("Hans Kluge", Some("Regional Director for Europe"))
        );
    }

    #[test]
    fn honorifics_give_gender_not_titles() {
        assert_eq!(
            np("Mr. Johnson"),
            Some(Mention::Person {
                name: "Johnson".into(),
                title: None,
                gender: Gender::Male
            })
        );
    }

    #[test]
    fn pronouns_roles_and_anonymous_sources() {
        assert_eq!(np("she"), Some(Mention::Pronoun("she".into())));
        assert!(
            matches!(np("the senior official"), Some(Mention::Role { head, .. }) if head == "official")
        );
        assert!(
            matches!(np("the head of the agency"), Some(Mention::Role { head, .. }) if head == "head")
        );
        assert!(matches!(
            np("a source familiar with the matter"),
            Some(Mention::Anonymous(_))
        ));
        assert!(matches!(np("one resident"), Some(Mention::Anonymous(_))));
        assert!(matches!(np("officials"), Some(Mention::Anonymous(_))));
    }

    #[test]
    fn organisations() {
        assert_eq!(
            np("the Ministry of Commerce"),
            Some(Mention::Organisation("Ministry of Commerce".into()))
        );
        assert_eq!(
            np("Greater Manchester Police"),
            Some(Mention::Organisation("Greater Manchester Police".into()))
        );
        assert!(
            matches!(np("the ministry"), Some(Mention::OrganisationRef { head, .. }) if head == "ministry")
        );
        assert!(matches!(
            np("police"),
            Some(Mention::OrganisationRef { .. })
        ));
    }

    #[test]
    fn of_place_after_a_name_is_dropped_whatever_its_length() {
        assert_eq!(
            np("Democratic Rep. Anna Kowal of New Mexico"),
            person("Anna Kowal", Some("Democratic Rep."))
        );
        assert_eq!(
            np("Superintendent Mark Ellis of Thames Valley Police"),
            person("Mark Ellis", Some("Superintendent"))
        );
        // An organisation's "of" is not a place after a name.
        assert_eq!(
            np("the Bank of Korea"),
            Some(Mention::Organisation("Bank of Korea".into()))
        );
    }

    #[test]
    fn peers_keep_their_title_and_seat_as_the_name() {
        assert_eq!(
            np("Lord Pennant of Cardigan"),
            Some(Mention::Person {
                name: "Lord Pennant of Cardigan".into(),
                title: None,
                gender: Gender::Male,
            })
        );
        assert!(matches!(
            np("Baroness Fenwick"),
            Some(Mention::Person { name, gender: Gender::Female, .. }) if name == "Baroness Fenwick"
        ));
        // A courtesy title before a full name is not a peer's name.
        assert!(matches!(
            np("Lady Clara Voss"),
            Some(Mention::Person { name, .. }) if name == "Clara Voss"
        ));
    }

    #[test]
    fn particles_and_prefixes_stay_inside_names() {
        assert_eq!(
            np("Dutch Finance Minister Pieter van den Broek"),
            person("Pieter van den Broek", Some("Dutch Finance Minister"))
        );
        assert_eq!(
            np("Governor Ana Paula dos Santos Lima"),
            person("Ana Paula dos Santos Lima", Some("Governor"))
        );
        assert_eq!(
            np("Saudi Foreign Minister Faisal bin Farhan"),
            person("Faisal bin Farhan", Some("Saudi Foreign Minister"))
        );
        assert_eq!(np("el-Baradei"), person("el-Baradei", None));
        assert_eq!(np("van den Broek"), person("van den Broek", None));
    }

    #[test]
    fn role_nouns_after_an_organisation_are_titles() {
        assert_eq!(
            np("IMF economist Ruth Adeyemi"),
            person("Ruth Adeyemi", Some("IMF economist"))
        );
        // A capitalised role noun opening a sentence is not a given name.
        assert_eq!(
            np("Volunteer Sam Iles"),
            person("Sam Iles", Some("Volunteer"))
        );
    }
}
