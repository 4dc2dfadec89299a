//! The cast of a story: the people and organisations it has introduced so far, read in
//! order, so that a surname, a role or a pronoun can be resolved to the right one (in
//! `resolve`).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use foldhash::fast::{FixedState, RandomState};

use super::names::{Gender, Mention, gender_of_given_name, gender_of_word, is_common_given_name};
use super::recency::Recency;
use super::tokens::Lower;

mod resolve;

pub use resolve::capitalised;

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
///
/// Every look-up costs the same however many people the story has: names are found
/// through maps, and who was talked about last is read back over a bounded number of
/// people ([`RECENT`]). The maps' keys are a page's words, so they hash with foldhash's
/// seeded hasher (fast, its seed chosen per process) rather than the standard one.
#[derive(Debug, Default)]
pub struct Cast {
    people: Vec<Person>,
    /// People in the order they were last talked about (the subject of a sentence or a
    /// speaker).
    salient: Recency,
    /// People in the order they were last named at all (as a subject or not).
    named: Recency,
    /// The paragraph each person was last named in.
    named_in: Vec<usize>,
    /// The paragraph being read.
    paragraph: usize,
    /// The organisations mentioned, by index.
    organisations: Vec<String>,
    /// Each organisation's index.
    org_ids: HashMap<String, usize, RandomState>,
    /// Organisations in the order they were last mentioned.
    org_recency: Recency,
    /// Head nouns of people introduced without a name ("a former employee").
    unnamed: HashSet<String, RandomState>,
    /// The first person introduced with each surname (the last word of a name of
    /// several words).
    by_last: HashMap<String, usize, RandomState>,
    /// The first person talked about (a sentence's subject or a speaker) with each
    /// surname, which a surname alone names when the first introduced with it was only
    /// mentioned.
    by_last_talked: HashMap<String, usize, RandomState>,
    /// Whether each person has been talked about (a sentence's subject or a speaker).
    talked: Vec<bool>,
    /// The latest person introduced with each word of a name of several words.
    by_word: HashMap<String, usize, RandomState>,
    /// Each person by their whole name.
    by_name: HashMap<String, usize, RandomState>,
    /// The latest person whose name ends with each run of its last words ("den Broek",
    /// "van den Broek" for Pieter van den Broek).
    by_tail: HashMap<String, usize, RandomState>,
    /// The latest person introduced known to be male, and female.
    latest_of: [Option<usize>; 2],
    /// The latest person whose title holds each word (lower case; the spokes- words
    /// as one).
    by_title_word: HashMap<String, usize, RandomState>,
    /// Every word of a name of several words, and every whole name: a word not here is
    /// part of no one's name, and is turned away without reading the cast.
    name_parts: WordFilter,
}

/// How many people (and organisations) talked about last a pronoun or a role is looked
/// for among, before the latest introduced of the right kind.
const RECENT: usize = 64;

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

/// A title word as looked up: lower case, the spokes- words as one.
fn title_key(word: &str) -> String {
    let w = Lower::of(word);
    if w.starts_with("spokes") {
        "spokes".to_string()
    } else {
        w.as_str().to_string()
    }
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
        self.salient.touch(id);
        self.name(id);
        if self.talked.len() <= id {
            self.talked.resize(id + 1, false);
        }
        self.talked[id] = true;
        // The surname as `by_last` files it: the last word of a name of several.
        let mut words = self.people[id].name.split_whitespace();
        if let (Some(_), Some(last)) = (words.next(), words.next_back())
            && !self.by_last_talked.contains_key(last)
        {
            self.by_last_talked.insert(last.to_string(), id);
        }
    }

    /// Notes that the person was named in the paragraph being read.
    fn name(&mut self, id: usize) {
        self.named.touch(id);
        if self.named_in.len() <= id {
            self.named_in.resize(id + 1, 0);
        }
        self.named_in[id] = self.paragraph;
    }

    /// Notes that what follows is read in paragraph `p`.
    pub fn at_paragraph(&mut self, p: usize) {
        self.paragraph = p;
    }

    /// Whether the person was named in the paragraph being read or the one before.
    fn named_near(&self, id: usize) -> bool {
        self.named_in
            .get(id)
            .is_some_and(|&p| p + 1 >= self.paragraph && self.named.is_listed(id))
    }

    /// The people talked about, latest first, each once, at most [`RECENT`] of them.
    fn recent(&self) -> impl Iterator<Item = usize> + '_ {
        self.salient.iter().take(RECENT)
    }

    /// Makes the organisation `name` the last one mentioned.
    fn touch_org(&mut self, name: &str) {
        let id = match self.org_ids.get(name) {
            Some(&id) => id,
            None => {
                let id = self.organisations.len();
                self.organisations.push(name.to_string());
                self.org_ids.insert(name.to_string(), id);
                id
            }
        };
        self.org_recency.touch(id);
    }

    /// The organisation mentioned last.
    fn latest_org(&self) -> Option<&String> {
        self.org_recency.latest().map(|k| &self.organisations[k])
    }

    /// The organisations mentioned, latest first, each once, at most [`RECENT`].
    fn recent_orgs(&self) -> impl Iterator<Item = &String> + '_ {
        self.org_recency
            .iter()
            .take(RECENT)
            .map(|k| &self.organisations[k])
    }

    /// The person whose name has `word` as one of its parts: a surname ("Wang" for Wang
    /// Zhihua, "Park" for John Park) or a given name. A surname is the first person
    /// introduced with it (the story's "Trump" is the Trump it named first; a relative
    /// is named in full), unless they were only mentioned so far and someone else with
    /// it was talked about ("the mother of victim Sean Smith" is the "Smith" who then
    /// speaks); another part of a name is the latest person with it.
    fn by_part(&self, word: &str) -> Option<usize> {
        self.by_part_fitting(word, Gender::Unknown)
    }

    /// [`Cast::by_part`] for a mention that tells a gender ("Mrs. Abbott"): of the two
    /// people a surname may name, the other one when the first is known to be of the
    /// other gender and the other is not.
    fn by_part_fitting(&self, word: &str, gender: Gender) -> Option<usize> {
        if !self.name_parts.may_contain(word) {
            return None;
        }
        let first = self.by_last.get(word).copied();
        let talked = self.by_last_talked.get(word).copied();
        let surname = match (first, talked) {
            (Some(first), Some(talked)) if first != talked => {
                let first_talked = self.talked.get(first).copied().unwrap_or(false);
                let (named, other) = match first_talked {
                    true => (first, talked),
                    false => (talked, first),
                };
                let fits = |id: usize| {
                    let of = self.people[id].gender;
                    gender == Gender::Unknown || of == Gender::Unknown || of == gender
                };
                Some(if fits(named) || !fits(other) {
                    named
                } else {
                    other
                })
            }
            (first, talked) => first.or(talked),
        };
        surname
            .or_else(|| self.by_word.get(word).copied())
            .or_else(|| self.by_name.get(word).copied())
    }

    /// Notes what a person's gender is once it is known.
    fn settle_gender(&mut self, id: usize) {
        let slot = match self.people[id].gender {
            Gender::Male => 0,
            Gender::Female => 1,
            Gender::Unknown => return,
        };

        if self.latest_of[slot].is_none_or(|k| k < id) {
            self.latest_of[slot] = Some(id);
        }
    }

    /// Gives a person their first title, and files them under its words.
    fn set_title(&mut self, id: usize, title: Option<String>) {
        if self.people[id].title.is_some() {
            return;
        }
        let Some(t) = title else {
            return;
        };
        for w in t.split(|c: char| !c.is_alphanumeric() && c != '-') {
            if !w.is_empty() {
                self.by_title_word.insert(title_key(w), id);
            }
        }
        self.people[id].title = Some(t);
    }

    /// Introduces (or finds again) a person; returns their index.
    fn person(&mut self, name: &str, title: Option<String>, gender: Gender) -> usize {
        let id = if name.contains(' ') {
            // "von der Leyen", "Lula da Silva": a surname of several words.
            self.by_name
                .get(name)
                .or_else(|| self.by_tail.get(name))
                .copied()
        } else {
            self.by_part_fitting(name, gender)
        };
        let id = match id {
            Some(id) => id,
            None => {
                let id = self.people.len();
                self.people.push(Person {
                    name: name.to_string(),
                    title: None,
                    gender: Gender::Unknown,
                });
                let words: Vec<&str> = name.split_whitespace().collect();
                if words.len() > 1 {
                    for &part in &words {
                        self.name_parts.insert(part);
                        self.by_word.insert(part.to_string(), id);
                    }
                    if let Some(last) = words.last() {
                        self.by_last.entry((*last).to_string()).or_insert(id);
                    }
                    for k in 1..words.len() {
                        self.by_tail.insert(words[k..].join(" "), id);
                    }
                }
                self.name_parts.insert(name);
                self.by_name.entry(name.to_string()).or_insert(id);
                id
            }
        };
        self.set_title(id, title);
        let p = &mut self.people[id];
        let known_before = p.gender != Gender::Unknown;
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
        let mut settled = !known_before && p.gender != Gender::Unknown;
        if p.gender == Gender::Unknown
            && p.name.contains(' ')
            && let Some(given) = p.name.split_whitespace().next()
        {
            p.gender = gender_of_given_name(given);
            // A rarer name tells gender for a pronoun about someone talked about, not
            // enough to find them when no one talked about fits.
            settled = is_common_given_name(given);
        }
        if settled {
            self.settle_gender(id);
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
                } else {
                    self.name(id);
                }
            }
            Mention::Organisation(name) => self.touch_org(name),
            // "The senator said …": whoever holds that title is talked about.
            Mention::Role { head, .. } if subject => {
                if let Some(id) = self.titled(head) {
                    self.touch(id);
                }
            }
            Mention::OrganisationRef { .. } if subject => {
                self.resolve(mention, None);
            }
            Mention::Anonymous(text) => self.note_unnamed(text),
            _ => {}
        }
    }

    /// The person talked about last whose title has `head` as a word, else the latest
    /// given such a title.
    fn titled(&self, head: &str) -> Option<usize> {
        self.recent()
            .find(|&k| {
                self.people[k]
                    .title
                    .as_deref()
                    .is_some_and(|t| title_has(t, head))
            })
            .or_else(|| self.by_title_word.get(&title_key(head)).copied())
    }

    /// Introduces someone the prose names by one word as the subject of a sentence with
    /// its verb ("Okoro denied it."), when the story tells nothing against it being a name.
    pub fn introduce_alone(&mut self, name: &str) {
        let id = self.person(name, None, Gender::Unknown);
        self.touch(id);
    }

    /// Notes someone introduced without a name, so that "the employee" later is them.
    fn note_unnamed(&mut self, text: &str) {
        if let Some(head) = text.split_whitespace().last() {
            self.unnamed.insert(head.to_lowercase());
        }
    }
}

/// Whether a capitalised word looks like a plural noun ("Commuters", "Democrats").
pub fn looks_plural(word: &str) -> bool {
    let mut back = word.chars().rev();
    back.next() == Some('s') && back.next().is_some_and(|c| c.is_lowercase() && c != 's')
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn person(name: &str, title: Option<&str>) -> Mention {
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
    fn a_surname_alone_is_the_first_person_named_with_it() {
        let mut cast = Cast::new();
        cast.mention(&person("Dora Quill", Some("senator")), None, true);
        cast.mention(&person("Ivo Quill", None), None, true);
        let r = cast.resolve(&person("Quill", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Dora Quill"));
        // The given name still tells them apart.
        let r = cast.resolve(&person("Ivo", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Ivo Quill"));
    }

    #[test]
    fn a_surname_alone_is_the_first_person_talked_about_with_it() {
        let mut cast = Cast::new();
        // Named in passing (not what a sentence is about), then a relative who is.
        cast.mention(&person("Tomas Brandt", Some("engineer")), None, false);
        cast.mention(&person("Greta Brandt", None), None, true);
        let r = cast.resolve(&person("Brandt", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Greta Brandt"));
        // Named in full, the one named in passing is still found.
        let r = cast.resolve(&person("Tomas Brandt", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Tomas Brandt"));
        // A mention telling a gender takes the one of that gender, though the other was
        // talked about.
        let gendered = |name: &str, gender| Mention::Person {
            name: name.into(),
            title: None,
            gender,
        };
        let mut cast = Cast::new();
        cast.mention(&gendered("Tomas Brandt", Gender::Male), None, false);
        cast.mention(&gendered("Greta Brandt", Gender::Female), None, true);
        let r = cast.resolve(
            &Mention::Person {
                name: "Brandt".into(),
                title: None,
                gender: Gender::Male,
            },
            None,
        );
        assert_eq!(r.speaker.as_deref(), Some("Tomas Brandt"));
        // No one with the surname talked about: the first introduced.
        let mut cast = Cast::new();
        cast.mention(&person("Lena Orr", None), None, false);
        cast.mention(&person("Max Orr", None), None, false);
        let r = cast.resolve(&person("Orr", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Lena Orr"));
    }

    #[test]
    fn many_people_keep_their_names_apart() {
        let mut cast = Cast::new();
        for k in 0..5000 {
            cast.resolve(&person(&format!("Ann Vale{k}"), None), None);
        }
        assert_eq!(cast.people().len(), 5000);
        let r = cast.resolve(&person("Vale4321", None), None);
        assert_eq!(r.speaker.as_deref(), Some("Ann Vale4321"));
        let r = cast.resolve(&Mention::Pronoun("she".into()), None);
        assert_eq!(r.speaker.as_deref(), Some("Ann Vale4321"));
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
}
