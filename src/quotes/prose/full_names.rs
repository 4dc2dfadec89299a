//! Every full name and named organisation a sentence gives, wherever it stands: a
//! title in front ("Kremlin spokesman Dmitry Peskov", "showrunner Amira Patel"), an
//! appositive after it, two people joined by "and" kept apart, a possessive naming its
//! owner without making them what the sentence is about, and whether the name is the
//! subject of its clause. The subject of the sentence itself is [`super`]'s.

use super::{Introduction, is_intro_word, verb_at};
use crate::quotes::names::{self, Mention, classify, looks_like_title, title_text};
use crate::quotes::tokens::{Kind, Token};

/// Every full name and named organisation in a sentence, with a title in front or an
/// appositive after it.
pub(super) fn names_in(sentence: &[Token], out: &mut Vec<Introduction>) {
    let mut k = 0;
    while k < sentence.len() {
        if !sentence[k].is_capitalised() || names::is_not_name(sentence[k].text) {
            k += 1;
            continue;
        }
        // A run of capitalised words, with connectors inside; its first word is known
        // to be a capitalised name word.
        let start = k;
        let mut end = k + 1;
        let mut j = if names::is_possessive(sentence[k].text) {
            sentence.len()
        } else {
            k + 1
        };
        while j < sentence.len() {
            let t = &sentence[j];
            if (t.is_capitalised() && !names::is_not_name(t.text))
                || names::is_prefixed_name(t.text)
            {
                end = j + 1;
                if names::is_possessive(t.text) {
                    break;
                }
            } else if t.lower() == "and" && names_person(&sentence[start..end]) {
                // "Prime Minister Donald Tusk and President Viktor Orbán": two people.
                break;
            } else if !(t.is_word()
                && (names::is_particle(t.lower())
                    || matches!(t.lower().as_str(), "of" | "for" | "and")))
            {
                break;
            }
            j += 1;
        }
        let run = &sentence[start..end.max(start + 1)];
        k = end.max(start + 1);
        // "Maya Lindqvist's novel" names Maya Lindqvist, but is not about her.
        let owned = run.last().is_some_and(|t| names::is_possessive(t.text));
        let unowned;
        let run = match run.split_last() {
            Some((last, front)) if names::is_possessive(last.text) => {
                let owner =
                    last.with_text(trim_possessive_s(last.text.trim_end_matches(['\'', '’'])));
                let mut words = front.to_vec();
                words.push(owner);
                unowned = words;
                &unowned[..]
            }
            _ => run,
        };
        let words = run.iter().filter(|t| t.is_word()).count();
        if words < 2 {
            continue;
        }
        let preceded_by_the = start > 0 && sentence[start - 1].lower() == "the";
        match classify(run) {
            Some(Mention::Organisation(name)) => out.push(Introduction {
                at: run[0].start,
                mention: Mention::Organisation(name),
                title: None,
                subject: false,
                verb: false,
            }),
            Some(Mention::Person {
                name,
                title,
                gender,
            }) if name.contains(' ') && !preceded_by_the => {
                // A title in front in lower case: "showrunner Amira Patel".
                let mut t0 = start;
                while t0 > 0 && {
                    let w = &sentence[t0 - 1];
                    w.is_word()
                        && (names::is_role_noun(w.text)
                            || names::is_modifier(w.text)
                            || (w.is_capitalised() && !names::is_not_name(w.text)))
                } {
                    t0 -= 1;
                }
                let title = match (title_text(&sentence[t0..start]), title) {
                    (Some(front), Some(own)) => Some(format!("{front} {own}")),
                    (front, own) => front.or(own),
                };
                let after = &sentence[k..];
                let appositive = (after.first().is_some_and(|t| t.kind == Kind::Comma))
                    .then(|| {
                        let rest = &after[1..];
                        let e = rest
                            .iter()
                            .position(|t| t.kind == Kind::Comma)
                            .unwrap_or(rest.len());
                        &rest[..e]
                    })
                    .filter(|a| looks_like_title(a))
                    .and_then(title_text);
                // The subject when it opens its clause and is not a possessive, or when
                // a verb follows it ("Tennis great Ann Lee remembered …") and no verb
                // comes before it in its part of the sentence.
                let followed = verb_at(sentence, k);
                let part_start = sentence[..start]
                    .iter()
                    .rposition(|t| matches!(t.kind, Kind::Comma | Kind::Colon | Kind::Dash))
                    .map_or(0, |c| c + 1);
                let opens = t0 == 0
                    || matches!(
                        sentence[t0 - 1].kind,
                        Kind::Comma | Kind::Colon | Kind::Dash
                    )
                    || (t0 == 1
                        && (names::is_leading_junk(sentence[0].text)
                            || names::is_not_name(sentence[0].text)))
                    || (followed
                        && !(part_start.max(start.saturating_sub(12))..start).any(|j| {
                            verb_at(sentence, j) || {
                                let w = &sentence[j];
                                w.is_word()
                                    && !w.is_capitalised()
                                    && (is_intro_word(w)
                                        || w.lower().ends_with("ing")
                                        || matches!(
                                            w.lower().as_str(),
                                            "a" | "an"
                                                | "the"
                                                | "of"
                                                | "into"
                                                | "like"
                                                | "about"
                                                | "against"
                                                | "or"
                                                | "between"
                                                | "than"
                                        ))
                            }
                        }));
                out.push(Introduction {
                    at: run[0].start,
                    mention: Mention::Person {
                        name: if trim_possessive_s(&name).len() == name.len() {
                            name
                        } else {
                            trim_possessive_s(&name).to_string()
                        },
                        title: appositive.or(title),
                        gender,
                    },
                    title: None,
                    subject: opens && !owned,
                    verb: followed,
                });
            }
            _ => {}
        }
    }
}

/// The word without every trailing "'s" and then every trailing "’s" (as
/// `trim_end_matches("'s").trim_end_matches("’s")`, without a substring search).
fn trim_possessive_s(mut word: &str) -> &str {
    while let Some(rest) = word.strip_suffix("'s") {
        word = rest;
    }
    while let Some(rest) = word.strip_suffix("’s") {
        word = rest;
    }
    word
}

/// True when the words name a person by full name.
fn names_person(run: &[Token]) -> bool {
    matches!(classify(run), Some(Mention::Person { name, .. }) if name.contains(' '))
}

#[cfg(test)]
mod tests {
    use crate::quotes::prose::tests::intro;

    #[test]
    fn title_in_front_and_organisations() {
        let got = intro("Club spokesman Ian Rowe spoke after the Football Association ruled.");
        assert!(
            got.iter()
                .any(|(n, t, _)| n == "Ian Rowe" && t.as_deref() == Some("Club spokesman")),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(n, _, _)| n == "Football Association"),
            "{got:?}"
        );
    }

    #[test]
    fn two_people_joined_by_and_stay_two() {
        let got = intro("Italian Premier Sara Conti and Greek Premier Nikos Vlahos met in Rome.");
        assert!(
            got.iter()
                .any(|(n, t, _)| n == "Sara Conti" && t.as_deref() == Some("Italian Premier")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(n, t, _)| n == "Nikos Vlahos" && t.as_deref() == Some("Greek Premier")),
            "{got:?}"
        );
    }

    #[test]
    fn possessive_names_the_owner_without_making_them_the_subject() {
        let got = intro("Tomas Heller's new album is out.");
        assert_eq!(got, vec![("Tomas Heller".into(), None, false)]);
    }

    #[test]
    fn a_name_followed_by_its_verb_is_the_subject() {
        let got = intro("Tennis great Ada Obi remembered the match.");
        assert!(got.iter().any(|(n, _, s)| n == "Ada Obi" && *s), "{got:?}");
        // A name after the verb is its object; a name after an article or a
        // preposition is no subject either.
        let got = intro("The crowd cheered Ada Obi loudly.");
        assert!(got.iter().all(|(_, _, s)| !*s), "{got:?}");
        let got = intro("Ben Ode, wearing a Lake Shore T-Shirt covered in pins, smiled.");
        assert!(got.iter().all(|(n, _, s)| n == "Ben Ode" || !*s), "{got:?}");
    }
}
