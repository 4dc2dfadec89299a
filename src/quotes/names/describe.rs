//! What a story says a speaker is, read from the whole story: a title before the name
//! ("Democratic presidential candidate Ann Lee"), an appositive after it ("Ann Lee, the
//! state's attorney general,"), a predicate ("Lee is the director of …") or a party and
//! state in brackets ("Ann Lee (D-Ohio)").
//!
//! Decides only which description a story gives a named person ([`describe`]); it never
//! decides who speaks, and reads no words inside quote marks (speech describes nobody).
//! It uses the title rules of [`titles`](super::titles) and the word lists of
//! [`roles`](super::roles).

use super::clauses::{
    affiliation, list_start, outlet, plural_after_list, role_clause, same_given_name, singular,
};
use super::gender::{Gender, gender_of_given_name, gender_of_word, is_common_given_name};
use super::heads::{DESCRIPTION_HEADS, is_clause_verb, is_head, is_relation};
use super::held::{held_as, held_post};
use super::lists::{NOT_NAMES, is_place};
use super::roles::{HONORIFICS, MODIFIERS, ROLE_NOUNS};
use super::shape::{is_name_word, is_possessive};
use super::titles::title_text;
use super::unquoted::{self, quote_mark};
use crate::quotes::attribute::WholeParagraphs;
use crate::quotes::tokens::{Kind, Token};
use std::cell::OnceCell;

/// The prose of a story outside quote marks, one list of words and marks a paragraph.
///
/// A paragraph is read into words only when a name asked about appears in its text, so
/// a story costs one byte search of its text per name, and the words of the few
/// paragraphs naming someone.
pub struct Prose<'a> {
    paragraphs: Vec<(&'a str, OnceCell<Vec<Token<'a>>>)>,
    /// The paragraphs' text joined by line breaks, searched for names.
    joined: String,
    /// Where each paragraph starts in `joined`.
    starts: Vec<usize>,
}

impl<'a> Prose<'a> {
    /// Reads the paragraphs, leaving out every stretch inside quote marks (“…”, "…" and
    /// ''…''); the marks stay, so that no phrase runs over a quote.
    pub fn read(paragraphs: &[&'a str]) -> Self {
        Self::read_with(paragraphs, Vec::new())
    }

    /// [`Prose::read`], given the tokens of some paragraphs read whole (`whole[p]`, what
    /// [`tokenize`] makes of paragraph `p`): a paragraph with no quote mark is its tokens.
    ///
    /// [`tokenize`]: crate::quotes::tokens::tokenize
    pub fn read_with(paragraphs: &[&'a str], mut whole: WholeParagraphs<'a>) -> Self {
        let length = paragraphs.iter().map(|p| p.len() + 1).sum();
        let mut joined = String::with_capacity(length);
        let mut starts = Vec::with_capacity(paragraphs.len());
        for text in paragraphs {
            starts.push(joined.len());
            joined.push_str(text);
            joined.push('\n');
        }
        whole.resize_with(paragraphs.len(), || None);
        let paragraphs = paragraphs
            .iter()
            .zip(whole)
            .map(|(&text, tokens)| match tokens {
                Some(tokens) if !unquoted::holds_mark(text) => (text, OnceCell::from(tokens)),
                _ => (text, OnceCell::new()),
            })
            .collect();
        Prose {
            paragraphs,
            joined,
            starts,
        }
    }

    /// The words and marks of `text` outside quote marks ([`unquoted::words`]).
    fn words(text: &'a str) -> Vec<Token<'a>> {
        unquoted::words(text)
    }

    /// What the story says the person named `name` is, at the first place it says so.
    pub fn describe(&self, name: &str) -> Option<String> {
        let own: Vec<&str> = name.split_whitespace().collect();
        let surname = *own.iter().rev().find(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "jr." | "jr" | "sr." | "sr" | "ii" | "iii"
            )
        })?;
        let naming = self.naming(surname);
        let gender = match own[..] {
            [given, _, ..] => gender_of_given_name(given),
            _ => Gender::Unknown,
        };
        // Another person of the same surname ("Bill" beside "Hillary"): the surname
        // alone names neither. Asked only at the first place the full name is not
        // written (the paragraphs past a title found are then never read into words).
        // (someone else has the surname, one of them may be of this person's gender)
        let mut shared: Option<(bool, bool)> = None;
        let mut said = None;
        for (tokens, at) in self.occurrences(&naming, surname) {
            let start = name_start(tokens, at, &own);
            let full = own.len() > 1 && start < at && same_given_name(own[0], tokens[start].text);
            // "Mrs. Lee" beside "Bill Lee": the honorific tells which Lee.
            let by_honorific = start < at
                && gender != Gender::Unknown
                && gender_of_word(tokens[start].text) == gender;
            if other_given_name(tokens, at, &own).is_some()
                || !full && {
                    let (any, alike) = *shared.get_or_insert_with(|| {
                        let others = self
                            .occurrences(&naming, surname)
                            .filter_map(|(tokens, at)| other_given_name(tokens, at, &own));
                        others.fold((false, false), |(_, alike), other| {
                            let g = gender_of_given_name(other);
                            (true, alike || g == Gender::Unknown || g == gender)
                        })
                    });
                    any && (alike || !by_honorific)
                }
            {
                continue;
            }
            let given = before(tokens, start)
                .or_else(|| named_after(tokens, start, at))
                .or_else(|| outlet(tokens, start))
                .or_else(|| over_list(tokens, start))
                .or_else(|| held_post(phrase(tokens, held_as(tokens, start, at, gender)?)));
            if let Some(t) = given {
                return Some(t);
            }
            if is_possessive(tokens[at].text) {
                continue;
            }
            // "Ann Lee and Omar Hale, the parents of …": what the list is, for each.
            let described = after(tokens, at + 1).or_else(|| {
                let end = plural_after_list(tokens, at + 1)?;
                let (t, _) = after(tokens, end)?;
                let (head, rest) = t.split_once(' ').unwrap_or((t.as_str(), ""));
                let one = singular(head)?;
                Some((format!("{one} {rest}").trim_end().to_string(), false))
            });
            // A title or an appositive is taken at once; a predicate only when the story
            // gives neither.
            match described {
                Some((t, false)) => return Some(t),
                Some((t, true)) => {
                    said.get_or_insert(t);
                }
                None => {}
            }
        }
        said
    }

    /// How many paragraphs the story has.
    pub(super) fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// The words and marks of paragraph `p` outside quote marks, read once.
    pub(super) fn words_of(&self, p: usize) -> &[Token<'a>] {
        let (text, words) = &self.paragraphs[p];
        words.get_or_init(|| Self::words(text))
    }

    /// The paragraphs whose text holds `word` (a word without white space, so never
    /// across two paragraphs), in order.
    pub(super) fn naming(&self, word: &str) -> Vec<usize> {
        let mut naming: Vec<usize> = Vec::new();
        for at in memchr::memmem::find_iter(self.joined.as_bytes(), word.as_bytes()) {
            let p = self.starts.partition_point(|&s| s <= at) - 1;
            if naming.last() != Some(&p) {
                naming.push(p);
            }
        }
        naming
    }

    /// Every place the surname stands as a word (possessive or not) in the paragraphs
    /// `naming`: the paragraph's words and the index of the surname.
    fn occurrences<'s>(
        &'s self,
        naming: &'s [usize],
        surname: &'s str,
    ) -> impl Iterator<Item = (&'s [Token<'a>], usize)> + 's {
        naming
            .iter()
            .map(|&p| &self.paragraphs[p])
            .flat_map(move |(text, words)| {
                let tokens = words.get_or_init(|| Self::words(text));
                tokens.iter().enumerate().filter_map(move |(i, t)| {
                    let bare = t
                        .text
                        .strip_suffix("'s")
                        .or_else(|| t.text.strip_suffix("’s"))
                        .unwrap_or(t.text);
                    (t.is_word() && bare == surname).then_some((tokens.as_slice(), i))
                })
            })
    }
}

/// Where the name ending at `at` starts: the person's own given and middle names and an
/// honorific before the surname.
fn name_start(tokens: &[Token], at: usize, own: &[&str]) -> usize {
    let mut start = at;
    while start > 0 {
        let w = &tokens[start - 1];
        let initial = w.text.len() <= 2 && w.text.ends_with('.');
        if w.is_word()
            && (own[..own.len() - 1]
                .iter()
                .any(|o| same_given_name(o, w.text))
                || initial
                || HONORIFICS.contains(w.lower().as_str()))
        {
            start -= 1;
        } else {
            break;
        }
    }
    start
}

/// The given name of someone else right before the surname ("Bill" in "Bill Lee" when the
/// speaker is Ann Lee).
fn other_given_name<'t>(tokens: &'t [Token], at: usize, own: &[&str]) -> Option<&'t str> {
    let start = name_start(tokens, at, own);
    let w = tokens.get(start.checked_sub(1)?)?;
    let given = is_common_given_name(w.text) || gender_of_given_name(w.text) != Gender::Unknown;
    let _ = at;
    (w.is_word() && is_name_word(w) && given && !is_place(w.text)).then_some(w.text)
}

/// A title in front of the name: role words, qualifiers and capitalised words back to the
/// start of the phrase, ending in a word that heads a description.
fn before(tokens: &[Token], start: usize) -> Option<String> {
    let head = tokens.get(start.checked_sub(1)?)?;
    // "secretary of state": the head stands before "of".
    let of_head = start >= 3
        && tokens[start - 2].lower().as_str() == "of"
        && tokens[start - 3].is_word()
        && is_head(&tokens[start - 3]);
    let relation = !head.is_capitalised() && is_relation(head.lower().as_str());
    if !head.is_word() || !(is_head(head) || of_head) {
        return None;
    }
    let mut t0 = start - 1;
    while t0 > 0 {
        let w = &tokens[t0 - 1];
        if !w.is_word() {
            break;
        }
        let l = w.lower().as_str();
        let takes = ROLE_NOUNS.contains(l)
            || MODIFIERS.contains(l)
            || is_head(w)
            || (w.is_capitalised() && !NOT_NAMES.contains(l) && !is_clause_verb(l))
            // "secretary of state": "of" inside a title.
            || (l == "of" && t0 >= 2 && tokens[t0 - 2].is_word() && is_head(&tokens[t0 - 2]));
        if !takes {
            break;
        }
        t0 -= 1;
    }
    // "would counsel Lee", "to coach Lee": one lower-case word after a modal, pronoun or
    // "to" is a verb.
    let verb = t0 + 1 == start
        && !head.is_capitalised()
        && t0 > 0
        && matches!(
            tokens[t0 - 1].lower().as_str(),
            "would"
                | "will"
                | "to"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "not"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "it"
        );
    // "the best friend Ann Lee ever had": a relation before a name is a title only with
    // whose it is ("Rubio supporter Ann Lee").
    let whose = tokens[t0..start - 1].iter().any(Token::is_capitalised);
    if verb || (relation && !whose) {
        return None;
    }
    title_text(&tokens[t0..start])
}

/// A plural title over a list of names that holds this one: "Democratic candidates Ann
/// Lee and Omar Hale" gives each "Democratic candidate".
fn over_list(tokens: &[Token], start: usize) -> Option<String> {
    let first = list_start(tokens, start)?;
    let title = before(tokens, first)?;
    let (rest, last) = match title.rsplit_once(' ') {
        Some((rest, last)) => (Some(rest), last),
        None => (None, title.as_str()),
    };
    let one = singular(last)?;
    Some(rest.map_or_else(|| one.clone(), |r| format!("{r} {one}")))
}

/// A description set before the name and a comma, the name closed by a comma after it:
/// "a spokeswoman, Ann Lee, said". Not one governed by a preposition ("after meeting
/// with the governor, Lee said" is another person).
fn named_after(tokens: &[Token], start: usize, at: usize) -> Option<String> {
    let comma = start.checked_sub(1)?;
    let closed = tokens.get(at + 1).is_some_and(|t| t.kind == Kind::Comma);
    if tokens[comma].kind != Kind::Comma || !closed {
        return None;
    }
    let mut t0 = comma;
    while t0 > 0 && tokens[t0 - 1].is_word() && comma - t0 < 10 {
        t0 -= 1;
    }
    let np = &tokens[t0..comma];
    let first = np.first()?;
    let l = first.lower().as_str();
    // "One local woman, Ann Lee,": "one" opens it as an article does.
    let opens = matches!(l, "a" | "an" | "the" | "one")
        || (first.is_capitalised() && is_possessive(first.text));
    let governed = t0 > 0
        && tokens[t0 - 1].is_word()
        && matches!(
            tokens[t0 - 1].lower().as_str(),
            "with" | "to" | "at" | "for" | "of" | "from" | "by" | "about" | "on" | "against"
        );
    let starts = t0 == 0 || matches!(tokens[t0 - 1].kind, Kind::Comma | Kind::Stop | Kind::Colon);
    if !opens || governed || !starts || !is_headed(np) {
        return None;
    }
    title_text(if l == "one" { &np[1..] } else { np })
}

/// A description after the name: an appositive ("Lee, a Democrat from Ohio,"), a
/// predicate ("Lee is the director of …", "Lee, who was the party's chairman,") or a
/// party and state in brackets ("(D-Ohio)").
fn after(tokens: &[Token], from: usize) -> Option<(String, bool)> {
    let first = tokens.get(from)?;
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.is_word())
            .map(|t| t.lower().as_str())
    };
    match first.kind {
        Kind::Comma => {
            let mut k = from + 1;
            // "Lee, 54, a teacher": the age is skipped.
            if word(k).is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                && tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Comma)
            {
                k += 2;
            }
            // "Lee, who was the party's treasurer,": as sure as an appositive.
            if word(k) == Some("who") && matches!(word(k + 1), Some("is" | "was")) {
                return predicate(tokens, k + 2, true).map(|t| (t, false));
            }
            // "Lee, who runs the union's legal office,": a post in a clause.
            if word(k) == Some("who") {
                return role_clause(tokens, k + 1).map(|t| (t, false));
            }
            // "Lee, then the party's agent,": a time before the appositive.
            if matches!(
                word(k),
                Some("then" | "now" | "formerly" | "previously" | "currently" | "once" | "long")
            ) {
                k += 1;
            } else if word(k) == Some("for") && matches!(word(k + 1), Some("years" | "decades")) {
                // "Lee, for years a registered Democrat,".
                k += 2;
            }
            appositive(tokens, k).map(|t| (t, false))
        }
        // "Lee — a former aide to the mayor — said".
        Kind::Dash => appositive(tokens, from + 1).map(|t| (t, false)),
        // "Lee of the University of Leeds".
        Kind::Word if word(from) == Some("of") => affiliation(tokens, from + 1).map(|t| (t, false)),
        Kind::Word if matches!(word(from), Some("is" | "was")) => {
            predicate(tokens, from + 1, false).map(|t| (t, true))
        }
        Kind::Other if first.text == "(" => {
            let party = tokens.get(from + 1)?;
            let mut parts = party.text.splitn(2, '-');
            let affiliation = matches!(parts.next(), Some("R" | "D" | "I"))
                && parts
                    .next()
                    .is_some_and(|s| s.starts_with(char::is_uppercase));
            // "(R-N.Y.)": the abbreviation's last dot may stand apart.
            let dot = tokens.get(from + 2).is_some_and(|t| t.text == ".");
            let close = tokens.get(from + 2 + usize::from(dot))?;
            (affiliation && close.text == ")").then(|| {
                (
                    format!("{}{}", party.text, if dot { "." } else { "" }),
                    false,
                )
            })
        }
        _ => None,
    }
}

/// The phrase from `k` to the next comma, stop, colon, dash or mark, or to a participle
/// after a noun ("incumbents running in …").
fn phrase<'t, 'a>(tokens: &'t [Token<'a>], k: usize) -> &'t [Token<'a>] {
    let rest = tokens.get(k..).unwrap_or(&[]);
    let end = rest
        .iter()
        .enumerate()
        .position(|(i, t)| {
            let l = t.lower().as_str();
            t.kind != Kind::Word
                || (i > 0 && matches!(l, "who" | "whose" | "which" | "that"))
                || (i > 0
                    && l.ends_with("ing")
                    && !t.is_capitalised()
                    && !MODIFIERS.contains(l)
                    && !ROLE_NOUNS.contains(l)
                    && !is_linking(rest[i - 1].lower().as_str()))
        })
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Prepositions and conjunctions that may follow the head of a description ("director
/// of …", "senator from Texas", "adviser to …").
fn is_linking(word: &str) -> bool {
    matches!(
        word,
        "of" | "at"
            | "for"
            | "from"
            | "in"
            | "with"
            | "to"
            | "on"
            | "under"
            | "since"
            | "during"
            | "who"
            | "whose"
            | "that"
            | "which"
            | "is"
            | "was"
    )
}

/// True when the phrase is headed by a word describing a person: such a word ends it or
/// comes before a preposition ("director of research", "mother of a soldier killed …"),
/// never only before more nouns ("Cruz wage delegate warfare").
fn is_headed(np: &[Token]) -> bool {
    np.iter()
        .enumerate()
        .any(|(h, t)| is_head(t) && np.get(h + 1).is_none_or(|t| is_linking(t.lower().as_str())))
}

/// An appositive noun phrase describing the person, closed by a comma, stop or dash.
fn appositive(tokens: &[Token], k: usize) -> Option<String> {
    let np = phrase(tokens, k);
    let first = np.first()?;
    let closed = tokens.get(k + np.len()).is_none_or(|t| {
        matches!(t.kind, Kind::Comma | Kind::Stop | Kind::Dash)
            // "Lee, a delegate serving on the panel,": the phrase stops at a participle.
            || (t.is_word() && !t.is_capitalised() && t.lower().as_str().ends_with("ing"))
            || matches!(t.lower().as_str(), "who" | "whose" | "which" | "that")
            || quote_mark(t).is_some()
            || matches!(t.text, "\"" | "'")
    });
    // "Lee, Ross and other candidates": a list of names, not an appositive.
    let list = is_name_word(first)
        && np
            .iter()
            .take(3)
            .any(|t| matches!(t.lower().as_str(), "and" | "or"));
    if !closed || list || is_clause_verb(first.lower().as_str()) || !is_headed(np) {
        return None;
    }
    title_text(np)
}

/// A predicate noun phrase: "a …", "an …", "the …", "one of …" or a possessive first;
/// after "who is" (`bare`) a title without an article too ("who was Senate majority
/// leader").
fn predicate(tokens: &[Token], k: usize, bare: bool) -> Option<String> {
    let mut k = k;
    while tokens.get(k).is_some_and(|t| {
        matches!(
            t.lower().as_str(),
            "now" | "also" | "still" | "currently" | "once"
        )
    }) {
        k += 1;
    }
    let np = phrase(tokens, k);
    let first = np.first()?;
    let l = first.lower().as_str();
    let opens = matches!(l, "a" | "an" | "the" | "one")
        || (first.is_capitalised() && is_possessive(first.text))
        || (bare && (first.is_capitalised() || MODIFIERS.contains(l) || is_head(first)));
    // "a more hawkish person", "the first mayor to …": a judgement, not a role.
    let judged = np.get(1).is_some_and(|t| {
        matches!(
            t.lower().as_str(),
            "more" | "most" | "less" | "very" | "so" | "too" | "first" | "last" | "only"
        )
    });
    if judged {
        return None;
    }
    // "the campaign's director and one of the staff who went": the first of two
    // joined descriptions.
    let np = match np.iter().position(|t| t.lower().as_str() == "and") {
        Some(i) if !is_headed(np) && is_headed(&np[..i]) => &np[..i],
        _ => np,
    };
    // "one of six mayors running …": a count of people is no post ("the party's 2012
    // nominee" is one).
    let plural = np.iter().rposition(is_head).is_some_and(|h| {
        let l = np[h].lower().as_str();
        !ROLE_NOUNS.contains(l) && !DESCRIPTION_HEADS.contains(l)
    });
    let counted = plural
        && np.iter().any(|t| {
            let l = t.lower().as_str();
            l.bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    l,
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "dozen"
                        | "dozens"
                        | "hundreds"
                        | "several"
                        | "many"
                )
        });
    if !opens || counted || !is_headed(np) {
        return None;
    }
    title_text(np)
}

#[cfg(test)]
#[path = "describe_tests.rs"]
mod tests;
