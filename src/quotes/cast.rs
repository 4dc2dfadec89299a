//! The cast of a story: the people and organisations it has introduced so far, read in
//! order, so that a surname, a role or a pronoun can be resolved to the right one.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use super::names::{Gender, Mention, gender_of_given_name, gender_of_word};
use super::tokens::Lower;

/// A person the story has named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name seen.
    pub name: String,
    /// The first title given to them.
    pub title: Option<String>,
    /// What honorifics, titles and pronouns have told.
    pub gender: Gender,
}

/// Who a mention turned out to be.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The person's full name or the organisation's name.
    pub speaker: Option<String>,
    /// Their title.
    pub title: Option<String>,
}

/// The people and organisations introduced so far, with who was talked about last.
#[derive(Debug, Default)]
pub struct Cast {
    people: Vec<Person>,
    /// People in the order they were last the subject of a sentence or a speaker.
    salient: Vec<usize>,
    /// Organisations in the order they were last mentioned.
    organisations: Vec<String>,
    /// Head nouns of people introduced without a name ("a former employee").
    unnamed: Vec<String>,
    /// The words of each person's name, split once when they are introduced.
    name_words: Vec<NameWords>,
    /// Every word of a name of several words, and every whole name: a word not here is
    /// part of no one's name, and is turned away without reading the cast.
    name_parts: WordFilter,
}

/// A set of words that may answer "maybe" for a word not in it, never "no" for one in
/// it (a Bloom filter of 256 bits, two per word): most words asked about are turned away
/// at the cost of one hash, and the rest are looked up for certain. Its size is fixed,
/// so no page can make it costly.
#[derive(Debug, Default)]
struct WordFilter {
    bits: [u64; 4],
}

impl WordFilter {
    /// The two bits of `word`, as (word of `bits`, bit) pairs.
    fn bits_of(word: &str) -> [(usize, u64); 2] {
        let hash = FixedState::default().hash_one(word);
        let bit = |h: u64| ((h >> 6) as usize & 3, 1 << (h & 63));
        [bit(hash), bit(hash >> 32)]
    }

    fn insert(&mut self, word: &str) {
        for (k, bit) in Self::bits_of(word) {
            self.bits[k] |= bit;
        }
    }

    /// False when `word` was never inserted; true when it may have been.
    fn may_contain(&self, word: &str) -> bool {
        Self::bits_of(word)
            .iter()
            .all(|&(k, bit)| self.bits[k] & bit != 0)
    }
}

/// The words of a person's name: where each starts and ends in the name.
#[derive(Debug, Default)]
struct NameWords {
    /// The person (their index in the cast).
    person: usize,
    /// Whether the name holds a space (is more than one word).
    spaced: bool,
    /// Byte ranges of its words (split at white space).
    words: Vec<(usize, usize)>,
}

impl NameWords {
    fn of(name: &str, person: usize) -> Self {
        let words = name
            .split_whitespace()
            .map(|w| {
                let a = w.as_ptr() as usize - name.as_ptr() as usize;
                (a, a + w.len())
            })
            .collect();
        NameWords {
            person,
            spaced: name.contains(' '),
            words,
        }
    }
}

fn compatible(person: Gender, wanted: Gender) -> bool {
    wanted == Gender::Unknown || person == Gender::Unknown || person == wanted
}

/// True when `title` has `head` as one of its words ("spokesman" in "deputy spokesman
/// for the UN"); the spokes- words stand for each other.
fn title_has(title: &str, head: &str) -> bool {
    let spokes = |w: &str| w.starts_with("spokes");
    title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            let w = Lower::of(w);
            w == head || (spokes(&w) && spokes(head))
        })
}

impl Cast {
    /// An empty cast.
    pub fn new() -> Self {
        Self::default()
    }

    /// The people introduced so far.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// Whether `word` is a part of the name of someone introduced.
    pub fn knows(&self, word: &str) -> bool {
        self.by_part(word).is_some()
    }

    fn touch(&mut self, id: usize) {
        self.salient.retain(|&k| k != id);
        self.salient.push(id);
    }

    /// Makes the organisation `name` the last one mentioned (each is listed once).
    fn touch_org(&mut self, name: &str) {
        match self.organisations.iter().position(|o| o == name) {
            Some(k) => {
                let known = self.organisations.remove(k);
                self.organisations.push(known);
            }
            None => self.organisations.push(name.to_string()),
        }
    }

    /// The person whose name has `word` as one of its parts: a surname ("Wang" for Wang
    /// Zhihua, "Park" for John Park) or a given name; the latest introduced wins, and a
    /// match on the last word beats one on another word.
    fn by_part(&self, word: &str) -> Option<usize> {
        if !self.name_parts.may_contain(word) {
            return None;
        }
        let found = |last: bool| {
            let is_word = |k: usize, &(a, b): &(usize, usize)| {
                b - a == word.len() && self.people[k].name.get(a..b) == Some(word)
            };
            let matches = |w: &NameWords| {
                w.spaced
                    && if last {
                        w.words.last().is_some_and(|r| is_word(w.person, r))
                    } else {
                        w.words.iter().any(|r| is_word(w.person, r))
                    }
            };
            // A surname alone is the first person introduced with it (the story's
            // "Trump" is the Trump it named first; a relative is named in full).
            if last {
                self.name_words.iter().position(matches)
            } else {
                self.name_words.iter().rposition(matches)
            }
        };
        found(true)
            .or_else(|| found(false))
            .or_else(|| self.people.iter().position(|p| p.name == word))
    }

    /// The latest person whose full name ends with `tail`, a surname of several words.
    fn by_tail(&self, tail: &str) -> Option<usize> {
        self.people.iter().rposition(|p| {
            p.name
                .strip_suffix(tail)
                .is_some_and(|front| front.ends_with(' '))
        })
    }

    /// Introduces (or finds again) a person; returns their index.
    fn person(&mut self, name: &str, title: Option<String>, gender: Gender) -> usize {
        let id = if name.contains(' ') {
            // "von der Leyen", "Lula da Silva": a surname of several words.
            self.people
                .iter()
                .position(|p| p.name == name)
                .or_else(|| self.by_tail(name))
        } else {
            self.by_part(name)
        };
        let id = match id {
            Some(id) => id,
            None => {
                self.people.push(Person {
                    name: name.to_string(),
                    title: None,
                    gender: Gender::Unknown,
                });
                let words = NameWords::of(name, self.people.len() - 1);
                if words.spaced {
                    for part in words.words.iter().filter_map(|&(a, b)| name.get(a..b)) {
                        self.name_parts.insert(part);
                    }
                }
                self.name_parts.insert(name);
                self.name_words.push(words);
                self.people.len() - 1
            }
        };
        let p = &mut self.people[id];
        if p.title.is_none() {
            p.title = title;
        }
        if p.gender == Gender::Unknown {
            p.gender = gender;
        }
        if p.gender == Gender::Unknown
            && let Some(t) = &p.title
        {
            p.gender = t
                .split_whitespace()
                .map(gender_of_word)
                .find(|g| *g != Gender::Unknown)
                .unwrap_or(Gender::Unknown);
        }
        if p.gender == Gender::Unknown
            && p.name.contains(' ')
            && let Some(given) = p.name.split_whitespace().next()
        {
            p.gender = gender_of_given_name(given);
        }
        id
    }

    /// Notes a person or organisation named in the story's prose (not as a speaker).
    /// `subject` marks them as what the sentence is about.
    pub fn mention(&mut self, mention: &Mention, title: Option<String>, subject: bool) {
        match mention {
            Mention::Person {
                name,
                title: own,
                gender,
            } => {
                // A lone capitalised word in prose is not introduced.
                if !name.contains(' ') && own.is_none() && self.by_part(name).is_none() {
                    return;
                }
                let id = self.person(name, title.or_else(|| own.clone()), *gender);
                if subject {
                    self.touch(id);
                }
            }
            Mention::Organisation(name) => self.touch_org(name),
            Mention::OrganisationRef { .. } if subject => {
                self.resolve(mention, None);
            }
            Mention::Anonymous(text) => self.note_unnamed(text),
            _ => {}
        }
    }

    /// Notes someone introduced without a name, so that "the employee" later is them.
    fn note_unnamed(&mut self, text: &str) {
        if let Some(head) = text.split_whitespace().last() {
            self.unnamed.push(head.to_lowercase());
        }
    }

    /// The latest salient person compatible with `gender`.
    fn latest(&self, gender: Gender) -> Option<usize> {
        self.salient
            .iter()
            .rev()
            .copied()
            .find(|&k| compatible(self.people[k].gender, gender))
            // No one talked about fits: the latest introduced who does, when the
            // pronoun tells a gender and that person's name or title told it too.
            .or_else(|| {
                (gender != Gender::Unknown)
                    .then(|| self.people.iter().rposition(|p| p.gender == gender))
                    .flatten()
            })
    }

    fn as_speaker(&mut self, id: usize, title: Option<String>) -> Resolved {
        self.touch(id);
        let p = &mut self.people[id];
        if p.title.is_none() {
            p.title.clone_from(&title);
        }
        Resolved {
            speaker: Some(p.name.clone()),
            title: title.or_else(|| p.title.clone()),
        }
    }

    /// Resolves the speaker of a quote; `title` is an appositive given with the mention.
    pub fn resolve(&mut self, mention: &Mention, title: Option<String>) -> Resolved {
        match mention {
            Mention::Person {
                name,
                title: own,
                gender,
            } => {
                let id = self.person(name, title.clone().or_else(|| own.clone()), *gender);
                self.as_speaker(id, title.or_else(|| own.clone()))
            }
            Mention::Pronoun(p) if p == "it" => Resolved {
                speaker: self.organisations.last().cloned(),
                title: None,
            },
            Mention::Pronoun(p) => {
                let gender = gender_of_word(p);
                let Some(id) = (p != "we" && p != "i")
                    .then(|| self.latest(gender))
                    .flatten()
                else {
                    return Resolved::default();
                };
                if self.people[id].gender == Gender::Unknown {
                    self.people[id].gender = gender;
                }
                self.as_speaker(id, title)
            }
            Mention::Role { head, text } => {
                let by_title = self
                    .salient
                    .iter()
                    .rev()
                    .copied()
                    .chain((0..self.people.len()).rev())
                    .find(|&k| {
                        self.people[k]
                            .title
                            .as_deref()
                            .is_some_and(|t| title_has(t, head))
                    });
                // "A former employee said …" then "the former employee said": still unnamed.
                let unnamed = self.unnamed.iter().any(|h| h == head);
                // "the cyclist's partner" is someone else, unnamed unless the title says.
                let owned = text.split_whitespace().any(super::names::is_possessive);
                let id = by_title.or_else(|| {
                    (!super::names::is_office(head) && !unnamed && !owned)
                        .then(|| self.latest(gender_of_word(head)))
                        .flatten()
                });
                match id {
                    Some(id) => self.as_speaker(id, title),
                    None => Resolved::default(),
                }
            }
            Mention::Organisation(name) => {
                self.touch_org(name);
                Resolved {
                    speaker: Some(name.clone()),
                    title: None,
                }
            }
            Mention::OrganisationRef { head, text } => {
                let named = self
                    .organisations
                    .iter()
                    .rev()
                    .find(|o| title_has(o, head))
                    .or_else(|| {
                        super::names::is_generic_org(head)
                            .then(|| self.organisations.last())
                            .flatten()
                    })
                    .cloned();
                let name = named.unwrap_or_else(|| capitalised(text));
                self.touch_org(&name);
                Resolved {
                    speaker: Some(name),
                    title: None,
                }
            }
            Mention::Anonymous(text) => {
                self.note_unnamed(text);
                Resolved::default()
            }
        }
    }
}

/// Whether a capitalised word looks like a plural noun ("Commuters", "Democrats").
pub fn looks_plural(word: &str) -> bool {
    let mut back = word.chars().rev();
    back.next() == Some('s') && back.next().is_some_and(|c| c.is_lowercase() && c != 's')
}

/// The words with their first letter in capitals ("the company" → "The company").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, title: Option<&str>) -> Mention {
        Mention::Person {
            name: name.into(),
            title: title.map(Into::into),
            gender: Gender::Unknown,
        }
    }

    #[test]
    fn the_word_filter_never_turns_away_a_word_put_in() {
        let mut filter = WordFilter::default();
        assert!(!filter.may_contain("Ruiz"), "an empty filter holds nothing");
        let words: Vec<String> = (0..60).map(|k| format!("Name{k}")).collect();
        for w in &words {
            filter.insert(w);
        }
        assert!(words.iter().all(|w| filter.may_contain(w)));
    }

    #[test]
    fn a_part_of_a_name_finds_its_person_and_other_words_do_not() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana María Ruiz", None), None, true);
        cast.mention(&person("Olu", None), None, true); // a lone word: not introduced
        assert_eq!(cast.by_part("María"), Some(0));
        assert_eq!(cast.by_part("Ruiz"), Some(0));
        assert_eq!(cast.by_part("Ana María"), None);
        assert_eq!(cast.by_part("Olu"), None);
        assert_eq!(cast.people().len(), 1);
    }

    #[test]
    fn surname_resolves_to_full_name() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("mayor")), None, true);
        let r = cast.resolve(&person("Ruiz", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(r.title.as_deref(), Some("mayor"));
    }

    #[test]
    fn pronoun_takes_latest_compatible_person() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("spokeswoman")), None, true);
        cast.mention(&person("Ben Ode", None), None, true);
        cast.resolve(&Mention::Pronoun("he".into()), None);
        let r = cast.resolve(&Mention::Pronoun("she".into()), None);
        assert_eq!(r.speaker.as_deref(), Some("Ana Ruiz"));
        let r = cast.resolve(&Mention::Pronoun("he".into()), None);
        assert_eq!(r.speaker.as_deref(), Some("Ben Ode"));
    }

    #[test]
    fn role_resolves_by_title_and_offices_are_not_guessed() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("Finance Minister")), None, true);
        cast.mention(&person("Ben Ode", None), None, true);
        let role = |h: &str| Mention::Role {
            head: h.into(),
            text: format!("the {h}"),
        };
        assert_eq!(
            cast.resolve(&role("minister"), None).speaker.as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(cast.resolve(&role("governor"), None).speaker, None);
        assert_eq!(
            cast.resolve(&role("official"), None).speaker.as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn organisation_by_common_noun() {
        let mut cast = Cast::new();
        cast.mention(
            &Mention::Organisation("Ministry of Trade".into()),
            None,
            false,
        );
        let r = cast.resolve(
            &Mention::OrganisationRef {
                head: "ministry".into(),
                text: "the ministry".into(),
            },
            None,
        );
        assert_eq!(r.speaker.as_deref(), Some("Ministry of Trade"));
        let r = cast.resolve(
            &Mention::OrganisationRef {
                head: "bank".into(),
                text: "the bank".into(),
            },
            None,
        );
        assert_eq!(r.speaker.as_deref(), Some("The bank"));
        assert_eq!(
            cast.resolve(&Mention::Anonymous("a source".into()), None),
            Resolved::default()
        );
    }

    #[test]
    fn role_first_introduced_without_a_name_stays_unnamed() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("chief executive")), None, true);
        cast.mention(&Mention::Anonymous("a former employee".into()), None, true);
        let r = cast.resolve(
            &Mention::Role {
                head: "employee".into(),
                text: "the former employee".into(),
            },
            None,
        );
        assert_eq!(r.speaker, None);
    }

    #[test]
    fn surname_of_several_words_resolves_to_the_full_name() {
        let mut cast = Cast::new();
        cast.mention(
            &person("Pieter van den Broek", Some("minister")),
            None,
            true,
        );
        let r = cast.resolve(&person("van den Broek", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Pieter van den Broek"));
        // Only at a word boundary.
        let r = cast.resolve(&person("en Broek", None), None);
        assert_eq!(r.speaker.as_deref(), Some("en Broek"));
    }

    #[test]
    fn someone_else_s_relative_or_aide_is_not_the_last_person() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("police chief")), None, true);
        let role = |text: &str, head: &str| Mention::Role {
            head: head.into(),
            text: text.into(),
        };
        let r = cast.resolve(&role("the victim's brother", "brother"), None);
        assert_eq!(r.speaker, None);
        // Without a possessive, a role may still stand for the person talked about.
        let r = cast.resolve(&role("the officer", "officer"), None);
        assert_eq!(r.speaker.as_deref(), Some("Ana Ruiz"));
    }
}
