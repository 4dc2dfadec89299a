//! Later descriptions a story ties to a named person without naming them: "Ann Lee won
//! the vote. The Ohio senator thanked …" gives Lee the title "Ohio senator".
//!
//! Decides only which definite description ("the" + modifiers + a head of
//! [`heads`](super::heads), recognised in [`definite`](super::definite)) the story ties
//! to which of its speakers, and only on strong evidence:
//! - the description is a sentence's subject right after a sentence whose subject is the
//!   person and which names nobody else (subject continuity);
//! - the description follows the person's name in the same sentence, the name not being
//!   the sentence's subject and nobody else being named before it ("questioning Lee's
//!   record, the senator's aides …");
//! - never when the description is coordinated with a name ("Lee and the senator"), names
//!   one of the story's people ("the Lee campaign manager"), or says a gender (a head or
//!   a following his/her) other than the person's.
//!
//! A description tied to a quote by the attribution ("…, the senator said.") is given by
//! [`story_titles::give_titles`](super::story_titles::give_titles) from the quote itself.

use super::definite::{Definite, definite, heads_after};
use super::describe::Prose;
use super::gender::{Gender, gender_of_given_name, gender_of_word};
use super::heads::{function_word, is_head, verb_like};
use super::roles::{HONORIFICS, MODIFIERS};
use super::shape::{is_acronym, is_name_word, is_possessive};
use crate::quotes::tokens::{Kind, Token, tokenize};

/// A person of the story: the surname and given name that name them.
struct Person<'n> {
    given: &'n str,
    surname: &'n str,
    gender: Gender,
}

/// The subject of the sentence before: who, whether that sentence named someone else
/// too, and whether the subject was only a possessor ("Lee's campaign").
#[derive(Clone, Copy, Debug)]
struct Before {
    who: Who,
    others: bool,
    possessive: bool,
}

/// Who a run of name words names: one of the story's people, or someone else.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    Person(usize),
    Other,
}

/// A name in a sentence: where it starts, whom it names and whether it is possessive.
#[derive(Clone, Copy)]
struct Named {
    start: usize,
    end: usize,
    who: Who,
    possessive: bool,
    /// Someone else of the surname of one of the story's people ("George Lee" beside
    /// "Ann Lee").
    namesake: bool,
}

/// True when the sentence before was about one of the people.
fn is_about(before: Option<Before>) -> bool {
    matches!(
        before,
        Some(Before {
            who: Who::Person(_),
            ..
        })
    )
}

/// The names in `tokens[s..e]`: runs of name words, each one of `people` when its last
/// word is their surname (and its given name, when written, theirs).
fn names_in(tokens: &[Token], s: usize, e: usize, people: &[Person]) -> Vec<Named> {
    let mut out = Vec::new();
    let mut i = s;
    while i < e {
        let t = &tokens[i];
        let bare = t
            .text
            .strip_suffix("'s")
            .or_else(|| t.text.strip_suffix("’s"))
            .unwrap_or(t.text);
        let possessive = bare.len() < t.text.len();
        let starts = t.is_word() && (is_name_word(t) || (possessive && t.is_capitalised()));
        if !starts {
            i += 1;
            continue;
        }
        // The run of name words, ending at a possessive.
        let mut j = i;
        let mut own = possessive;
        while !own && j + 1 < e && tokens[j + 1].is_word() {
            let n = &tokens[j + 1];
            let p = is_possessive(n.text) && n.is_capitalised();
            if !(is_name_word(n) || p) {
                break;
            }
            j += 1;
            own = p;
        }
        let last = tokens[j]
            .text
            .strip_suffix("'s")
            .or_else(|| tokens[j].text.strip_suffix("’s"))
            .unwrap_or(tokens[j].text);
        let first = tokens[i].text;
        let found = people.iter().position(|p| p.surname == last);
        let who = match found {
            Some(n) if j == i || first == people[n].given || !names_given(first) => {
                Some(Who::Person(n))
            }
            Some(_) => Some(Who::Other),
            // Two name words or more, or an honorific before one: someone else.
            None if j > i || (i > 0 && HONORIFICS.contains(tokens[i - 1].lower().as_str())) => {
                Some(Who::Other)
            }
            None => None,
        };
        if let Some(who) = who {
            out.push(Named {
                start: i,
                end: j + 1,
                who,
                possessive: own,
                namesake: found.is_some() && who == Who::Other,
            });
        }
        i = j + 1;
    }
    out
}

/// True for a word that is a given name of someone ("Bill" before "Clinton"), as against
/// a title or place before a surname.
fn names_given(word: &str) -> bool {
    gender_of_given_name(word) != Gender::Unknown
}

/// True when `named` is the subject of the sentence from `s`: it opens it, after title
/// words only ("Sen. Ann Lee", "Democratic candidate Ann Lee"), and is no possessive.
fn is_subject(tokens: &[Token], s: usize, named: &Named) -> bool {
    let mut s = sentence_start(tokens, s).min(named.start);
    // "Despite the rain, Lee …": after an opening phrase closed by a comma; "It was Lee
    // who …": a cleft.
    if let Some(c) = tokens[s..named.start]
        .iter()
        .rposition(|t| t.kind == Kind::Comma)
    {
        s = s + c + 1;
    }
    let cleft = named.start == s + 2
        && tokens[s].lower().as_str() == "it"
        && matches!(tokens[s + 1].lower().as_str(), "was" | "is")
        && tokens
            .get(named.end)
            .is_some_and(|t| t.lower().as_str() == "who");
    if cleft {
        return true;
    }
    !named.possessive
        && tokens[s..named.start].iter().all(|t| {
            t.is_word()
                && (t.is_capitalised() || MODIFIERS.contains(t.lower().as_str()) || is_head(t))
                && !function_word(t.lower().as_str())
        })
}

/// The gender a description says: its head ("mother"), or the first his/her/he/she after
/// it in its sentence.
fn said_gender(tokens: &[Token], head: &str, end: usize, e: usize) -> Gender {
    let g = gender_of_word(head);
    if g != Gender::Unknown {
        return g;
    }
    tokens[end..e]
        .iter()
        .find_map(|t| match t.lower().as_str() {
            "he" | "his" | "him" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        })
        .unwrap_or(Gender::Unknown)
}

/// The ways a title is written before a name: the word, capitalised, and its
/// abbreviation ("governor", "Governor", "Gov.").
fn written_forms(head: &str) -> Vec<String> {
    let mut forms = vec![head.to_string()];
    let mut chars = head.chars();
    if let Some(c) = chars.next() {
        forms.push(c.to_uppercase().chain(chars).collect());
    }
    let short = match head {
        "governor" => Some("Gov."),
        "senator" => Some("Sen."),
        "representative" | "congressman" | "congresswoman" => Some("Rep."),
        "general" => Some("Gen."),
        "president" => Some("Pres."),
        "secretary" => Some("Sec."),
        _ => None,
    };
    forms.extend(short.map(String::from));
    forms
}

/// True when the story writes the title `head` before the name of someone whose surname
/// is not `surname` ("Gov. Rick Hale" beside Ann Lee).
fn titled_other(prose: &Prose, head: &str, surname: &str) -> bool {
    written_forms(head).iter().any(|form| {
        prose.naming(form).into_iter().any(|p| {
            let tokens = prose.words_of(p);
            tokens.windows(2).enumerate().any(|(i, w)| {
                if w[0].text != form.as_str() || !is_name_word(&w[1]) {
                    return false;
                }
                let end = (i + 1..tokens.len())
                    .take_while(|&j| is_name_word(&tokens[j]) || is_possessive(tokens[j].text))
                    .last()
                    .unwrap_or(i + 1);
                let last = tokens[end].text;
                let last = last
                    .strip_suffix("'s")
                    .or_else(|| last.strip_suffix("’s"))
                    .unwrap_or(last);
                last != surname
            })
        })
    })
}

/// For each of `names` (full names of the story's speakers), the first later description
/// the story ties to them, read from the paragraphs naming them and the paragraph after.
pub(super) fn later_descriptions(prose: &Prose, names: &[&str]) -> Vec<Option<String>> {
    let people: Vec<Person> = names
        .iter()
        .map(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            let given = words.first().copied().unwrap_or("");
            Person {
                given,
                surname: words.last().copied().unwrap_or(""),
                gender: gender_of_given_name(given),
            }
        })
        .collect();
    let mut out: Vec<Option<String>> = vec![None; names.len()];
    // The paragraphs naming someone (true), and those right after them (false).
    let mut read: Vec<(usize, bool)> = Vec::new();
    for p in &people {
        for n in prose.naming(p.surname) {
            read.push((n, true));
            if n + 1 < prose.len() {
                read.push((n + 1, false));
            }
        }
    }
    read.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    read.dedup_by_key(|r| r.0);
    // The sentence before (its paragraph, start and end), read for its subject only when
    // a sentence holds a description.
    let mut previous: Option<(usize, usize, usize)> = None;
    let mut last_paragraph = None;
    for &(p, naming) in &read {
        if last_paragraph.is_none_or(|l| l + 1 != p) {
            previous = None;
        }
        last_paragraph = Some(p);
        if out.iter().all(Option::is_some) {
            break;
        }
        // A paragraph naming no one is read only after a sentence about someone.
        let subject_before = |previous: Option<(usize, usize, usize)>| {
            previous.and_then(|(q, ps, pe)| subject(prose.words_of(q), ps, pe, &people))
        };
        if !naming && !is_about(subject_before(previous)) {
            previous = None;
            continue;
        }
        let tokens = prose.words_of(p);
        let mut s = 0;
        while s < tokens.len() {
            let e = tokens[s..]
                .iter()
                .position(|t| t.kind == Kind::Stop)
                .map_or(tokens.len(), |i| s + i);
            if !tokens[s..e].iter().any(Token::is_word) {
                s = e + 1;
                continue;
            }
            let has_description = (s..e).any(|k| heads_after(tokens, k));
            if has_description {
                let before = subject_before(previous);
                link_sentence(prose, tokens, (s, e), &people, before, &mut out);
            }
            previous = Some((p, s, e));
            // A paragraph naming no one matters only by its first sentence.
            if !naming {
                previous = None;
                break;
            }
            s = e + 1;
        }
    }
    out
}

/// The subject of the sentence `s..e`: who, whether it names someone else too, and
/// whether the subject was only a possessor ("Lee's campaign"); none for a subject of two
/// people ("Lee and Hale met") or a sentence naming a namesake of one of the people.
fn subject(tokens: &[Token], s: usize, e: usize, people: &[Person]) -> Option<Before> {
    if !names_ours(tokens, s, e, people) {
        return None;
    }
    let named = names_in(tokens, s, e, people);
    let coordinated = |f: &Named| {
        tokens
            .get(f.end)
            .is_some_and(|t| matches!(t.lower().as_str(), "and" | "or" | "&"))
    };
    // "Lee's campaign said": the possessor of the subject, said apart.
    let possessor = |f: &Named| {
        f.possessive
            && is_subject(
                tokens,
                s,
                &Named {
                    possessive: false,
                    ..*f
                },
            )
    };
    named
        .first()
        .filter(|f| (is_subject(tokens, s, f) || possessor(f)) && !coordinated(f))
        .filter(|_| !named.iter().any(|m| m.namesake))
        .map(|f| Before {
            who: f.who,
            others: named.iter().any(|m| m.who != f.who),
            possessive: f.possessive,
        })
}

/// True when the sentence `s..e` writes the surname of one of the people.
fn names_ours(tokens: &[Token], s: usize, e: usize, people: &[Person]) -> bool {
    tokens[s..e].iter().any(|t| {
        t.is_capitalised()
            && people.iter().any(|p| {
                t.text
                    .strip_prefix(p.surname)
                    .is_some_and(|rest| rest.is_empty() || is_possessive(rest))
            })
    })
}

/// Ties the descriptions of the sentence `s..e` to the people, filling `out` for those
/// still without one; `before` is the subject of the sentence before.
fn link_sentence(
    prose: &Prose,
    tokens: &[Token],
    (s, e): (usize, usize),
    people: &[Person],
    before: Option<Before>,
    out: &mut [Option<String>],
) {
    if !is_about(before) && !names_ours(tokens, s, e, people) {
        return;
    }
    let named = names_in(tokens, s, e, people);
    let mut k = s;
    let mut described = None;
    let mut person_before = false;
    while k < e {
        let Some(Definite {
            title,
            end,
            head,
            owned,
        }) = definite(tokens, k)
        else {
            // "the candidate most likely to …": a person described, though not by a
            // title; "the famous quote": no one.
            let person = matches!(tokens[k].text, "the" | "The")
                && tokens[k + 1..e.min(k + 4)]
                    .iter()
                    .take_while(|t| t.is_word())
                    .any(is_head);
            if person {
                described = Some(k);
            }
            k += 1;
            continue;
        };
        let linked = link(
            tokens,
            s,
            (k, end),
            &named,
            before,
            (described, person_before),
        )
        .filter(|&(_, named_after)| !owned || named_after);
        described = Some(k);
        person_before = true;
        if let Some((n, _)) = linked
            && out[n].is_none()
        {
            let g = said_gender(tokens, &head, end, e);
            let agrees = g == Gender::Unknown
                || people[n].gender == Gender::Unknown
                || g == people[n].gender;
            let own_name = tokenize(&title, 0)
                .iter()
                .any(|t| people.iter().any(|p| p.surname == t.text));
            // "the governor" alone, in a story that writes "Gov." before someone else's
            // name: theirs, not this person's.
            let others = !title.contains(' ') && titled_other(prose, &head, people[n].surname);
            if agrees && !own_name && !others {
                out[n] = Some(title);
            }
        }
        k = end;
    }
}

/// Whom the description at `k..end` in the sentence from `s` stands for, if anyone
/// surely, and whether the name follows it ("the party's nominee, Ann Lee"): `before` is the previous sentence's subject; `earlier`
/// the start of a phrase with "the" before it in the sentence, `person_before` whether a
/// description of a person came before it in the sentence.
fn link(
    tokens: &[Token],
    s: usize,
    (k, end): (usize, usize),
    named: &[Named],
    before: Option<Before>,
    (earlier_description, person_before): (Option<usize>, bool),
) -> Option<(usize, bool)> {
    // "the party's nominee, Ann Lee": the title of the name after it.
    let after = tokens[end..].iter().position(|t| t.kind != Kind::Comma);
    if let Some(a) = after.map(|a| end + a)
        && is_name_word(&tokens[a])
    {
        let comma = a > end;
        return match named.iter().find(|m| m.start == a) {
            Some(m) if comma && !m.possessive => match m.who {
                Who::Person(n) => Some((n, true)),
                Who::Other => None,
            },
            _ => None,
        };
    }
    // "Lee and the senator", "the senator and Lee": two people.
    let joined = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t.lower().as_str(), "and" | "or" | "&"))
    };
    if (k > 0 && joined(k - 1)) || joined(end) {
        return None;
    }
    let earlier: Vec<&Named> = named.iter().filter(|m| m.end <= k).collect();
    let opening = sentence_start(tokens, s);
    if earlier.is_empty() {
        // Subject continuity: the sentence before opened with the person, and this one
        // opens with the description (or names nobody before it).
        let Some(Before {
            who: Who::Person(n),
            others,
            possessive,
        }) = before
        else {
            return None;
        };
        if tokens[opening..k].iter().all(|t| !t.is_word()) {
            return Some((n, false));
        }
        if possessive {
            return None;
        }
        // Within the sentence: only after a sentence naming nobody else, and with no
        // pronoun before it that may stand for someone else ("his client's …").
        let pronoun = tokens[opening..k].iter().any(|t| {
            matches!(
                t.lower().as_str(),
                "he" | "she" | "his" | "her" | "him" | "they" | "their"
            )
        });
        return (!person_before && !others && !pronoun).then_some((n, false));
    }
    // The same sentence: the person named before it, neither the subject of its clause
    // nor followed by another description first.
    let between = |m: &Named| &tokens[m.end..k];
    let parted = |m: &Named| {
        between(m).iter().any(|t| {
            t.kind == Kind::Comma
                || matches!(
                    t.lower().as_str(),
                    "that" | "because" | "so" | "when" | "while" | "if" | "although" | "since"
                )
        })
    };
    // "Lee's words moved the senator": one clause, with the person in its subject, speaks
    // of someone else; a comma or a subordinate clause parts them ("Lee's aides hope that
    // the senator …"). "Hale asked the senator": the subject of the clause is someone else.
    let first = earlier[0];
    let opens = tokens[opening..first.start]
        .iter()
        .filter(|t| t.is_word() && !matches!(t.lower().as_str(), "but" | "and" | "yet" | "still"))
        .all(|t| t.is_capitalised() && !function_word(t.lower().as_str()));
    let excluded = |i: usize, m: &Named| {
        (i == 0 && (is_subject(tokens, s, m) || (opens && !parted(m))))
            || (!m.possessive
                && tokens.get(m.end).is_some_and(|t| {
                    let l = t.lower().as_str();
                    t.is_word() && !t.is_capitalised() && verb_like(l) && !l.ends_with('s')
                })
                && !between(m).iter().any(|t| t.kind == Kind::Comma))
    };
    let candidates: Vec<&Named> = earlier
        .iter()
        .enumerate()
        .filter(|&(i, m)| !excluded(i, m))
        .map(|(_, m)| *m)
        .collect();
    let Some(last) = candidates.last() else {
        // Everyone named before it is the subject of its clause ("Hale asked the
        // senator"): the subject of the sentence before, when someone else.
        return match before {
            Some(Before {
                who: Who::Person(n),
                possessive: false,
                ..
            }) if earlier.iter().all(|m| m.who != Who::Person(n)) => Some((n, false)),
            _ => None,
        };
    };
    let Who::Person(n) = last.who else {
        return None;
    };
    if candidates.iter().any(|m| m.who != last.who)
        || earlier_description.is_some_and(|d| d > last.end)
    {
        return None;
    }
    // A quote between (its speaker may be the one described), or a pronoun that takes up the person ("Lee said he beat the
    // senator"): someone else.
    let taken_up = between(last).iter().any(|t| {
        matches!(t.text, "“" | "”" | "\"" | "'" | "«" | "»" | "„")
            || matches!(
                t.lower().as_str(),
                "he" | "she" | "they" | "him" | "her" | "his" | "himself" | "herself"
            )
    });
    (!taken_up).then_some((n, false))
}

/// Where the sentence from `s` starts after a dateline ("ROME -", "WASHINGTON (AP) —")
/// and any marks.
fn sentence_start(tokens: &[Token], s: usize) -> usize {
    let dash = tokens[s..tokens.len().min(s + 6)]
        .iter()
        .position(|t| t.kind == Kind::Dash)
        .map(|d| s + d);
    let s = match dash {
        Some(d)
            if tokens[s..d]
                .iter()
                .all(|t| !t.is_word() || is_acronym(t.text) || t.text.len() <= 3) =>
        {
            d + 1
        }
        _ => s,
    };
    (s..tokens.len())
        .find(|&i| tokens[i].is_word())
        .unwrap_or(s)
}

#[cfg(test)]
#[path = "anaphora_tests.rs"]
mod tests;
