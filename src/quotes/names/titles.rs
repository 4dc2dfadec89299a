//! The text of a title as written: whether words are a title or role and how a title reads
//! ([`title_text`], [`looks_like_title`]).
//!
//! It does not find where a person's name starts ([`shape`](super::shape)) nor classify a
//! whole phrase; it uses only the word lists ([`roles`](super::roles), `lists`) and gender of
//! [`names`](super).

use super::gender::{Gender, gender_of_given_name, gender_of_word, is_common_given_name};
use super::lists::{LEADING_JUNK, NOT_NAMES, is_place};
use super::roles::{HONORIFICS, MODIFIERS, ROLE_NOUNS, TITLE_WORDS};
use super::shape::{is_name_word, is_possessive};
use crate::quotes::tokens::{Kind, Token};
use smallvec::SmallVec;

/// Joins tokens as written: a space before each word and opening bracket, none after an
/// opening bracket or before other punctuation ("Commission (NDRC)").
pub(super) fn join(tokens: &[Token]) -> String {
    join_words(tokens.iter(), capacity_for(tokens))
}

/// Room for the words of `tokens` with a space between each (a string is made once).
pub(super) fn capacity_for(tokens: &[Token]) -> usize {
    tokens.iter().map(|t| t.text.len() + 1).sum()
}

/// [`join`] over words picked from a phrase, in a string made with room for `capacity`
/// bytes.
pub(super) fn join_words<'t, 'a: 't>(
    tokens: impl Iterator<Item = &'t Token<'a>>,
    capacity: usize,
) -> String {
    let mut s = String::with_capacity(capacity);
    let mut after_open = false;
    for t in tokens {
        let opening = matches!(t.text, "(" | "[");
        if !s.is_empty() && !after_open && (t.kind == Kind::Word || opening) {
            s.push(' ');
        }
        s.push_str(t.text);
        after_open = opening;
    }
    s
}

/// Joins words into a title, dropping a leading article, honorifics and clause words.
pub fn title_text(tokens: &[Token]) -> Option<String> {
    let mut start = 0;
    while start < tokens.len() {
        let lower = tokens[start].lower();
        let junk = LEADING_JUNK.contains(lower.as_str())
            || matches!(
                lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
            || HONORIFICS.contains(lower.as_str());
        if !junk {
            break;
        }
        start += 1;
    }
    // "a former agent for the mayor has written …": the appositive ends at the verb; "The
    // issue had come up" is a clause.
    let definite = tokens.first().is_some_and(|t| t.lower().as_str() == "the");
    let rest = clause_cut(&tokens[start..]);
    let rest = match rest
        .iter()
        .position(|t| t.is_word() && is_auxiliary(t.lower().as_str()))
    {
        Some(i) if i > 0 && !definite && looks_like_title(&rest[..i]) => &rest[..i],
        _ => rest,
    };
    if !reads_as_title(rest) {
        return None;
    }
    // One word that is no title: a verb, a function word, a possessive ("reacted",
    // "until", "Colorado's"); a lower-case role stays ("baker").
    if let [only] = rest {
        let l = only.lower().as_str();
        let role = ROLE_NOUNS.contains(l) || TITLE_WORDS.contains(l) || MODIFIERS.contains(l);
        let verb = (l.ends_with("ed") || matches!(l, "until" | "state" | "had" | "for" | "of"))
            && !only.is_capitalised()
            && (!role || matches!(l, "elected" | "appointed" | "state"));
        let owned = l.trim_end_matches(['s', 'S']).ends_with(['’', '\'']);
        if verb || NOT_NAMES.contains(l) || owned {
            return None;
        }
    }
    let text = join_words(
        rest.iter()
            .filter(|t| !HONORIFICS.contains(t.lower().as_str())),
        capacity_for(rest),
    );
    let trimmed = text.trim_matches(|c: char| c == ',' || c.is_whitespace());
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_string())
    }
}

/// Words that open a relative clause after a title ("pollster who worked for …").
fn is_relative(word: &str) -> bool {
    matches!(word, "who" | "whom" | "whose" | "which" | "that")
}

/// Verbs that make the words a clause, not a title ("The issue had come up").
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "does"
            | "did"
    )
}

/// Words a title never ends with: it was cut short ("president of", "Ryan and").
fn is_dangling(word: &str) -> bool {
    matches!(
        word,
        "of" | "for"
            | "to"
            | "with"
            | "at"
            | "by"
            | "from"
            | "in"
            | "on"
            | "and"
            | "or"
            | "the"
            | "a"
            | "an"
            | "as"
            | "before"
            | "after"
            | "about"
            | "than"
    )
}

/// Words a title never starts with: a preposition or pronoun opens a phrase about
/// something else ("on June 3", "for the victory", "he was echoing").
fn opens_other_phrase(word: &str) -> bool {
    matches!(
        word,
        "on" | "in"
            | "like"
            | "unlike"
            | "as"
            | "despite"
            | "including"
            | "among"
            | "without"
            | "at"
            | "for"
            | "until"
            | "by"
            | "from"
            | "with"
            | "since"
            | "during"
            | "after"
            | "before"
            | "to"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "mostly"
            | "even"
            | "also"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "had"
            | "has"
            | "have"
            | "was"
            | "is"
    )
}

/// A title without the relative clause after it ("Texas consultant who said he would
/// not vote" is "Texas consultant"), and the first of two joined by "and".
fn clause_cut<'t, 'a>(words: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let end = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, t)| t.is_word() && is_relative(t.lower().as_str()))
        .map_or(words.len(), |(i, _)| i);
    // "adviser to the mayor and later worked at …": a verb after "and" ends the title.
    let end = words[..end]
        .windows(2)
        .position(|w| {
            w[0].is_word() && w[0].lower().as_str() == "and" && {
                let next = w[1].lower().as_str();
                !w[1].is_capitalised()
                    && (next.ends_with("ed")
                        || matches!(next, "later" | "now" | "then" | "also" | "currently"))
                    && !MODIFIERS.contains(next)
            }
        })
        .unwrap_or(end);
    // "former governor and party chairman": two titles, the first given.
    let end = words[..end]
        .iter()
        .position(|t| t.is_word() && t.lower().as_str() == "and")
        .filter(|&i| i > 0 && looks_like_title(&words[..i]) && looks_like_title(&words[i + 1..end]))
        .unwrap_or(end);
    let mut cut = &words[..end];
    while let [head @ .., last] = cut
        && (last.kind == Kind::Comma || (last.is_word() && last.lower().as_str() == "and"))
        && end < words.len()
    {
        cut = head;
    }
    cut
}

/// True for a given name followed by a surname: a person's name, not theirs to hold as a
/// title ("former Arkansas governor Mike Huckabee" is another man), unless a preposition or
/// a possessive ties it to the role ("chief of staff to Sen. Ann Lee", "Ann Lee's aide").
/// A rarer given name counts only at the end of the title ("New York Times columnist"
/// holds none).
fn holds_other_person(words: &[&Token]) -> bool {
    let mut tied = false;
    for (i, w) in words.iter().enumerate() {
        let l = w.lower().as_str();
        if matches!(
            l,
            "of" | "to" | "for" | "with" | "at" | "under" | "by" | "from" | "in" | "on"
        ) {
            tied = true;
        }
        if tied || !is_name_word(w) || is_place(w.text) {
            continue;
        }
        // The name runs on over name words; a possessive at its end ties it.
        let rest = &words[i + 1..];
        let run = rest.iter().take_while(|t| is_name_word(t)).count();
        if rest
            .get(run)
            .is_some_and(|t| t.is_capitalised() && is_possessive(t.text))
        {
            continue;
        }
        let at_end = rest.get(run).is_none_or(|t| t.lower().as_str() == "and");
        // Two name words after a role end the title: "information officer Jo Hale".
        let after_role = i > 0 && {
            let before = words[i - 1].lower().as_str();
            ROLE_NOUNS.contains(before) || TITLE_WORDS.contains(before)
        };
        let given = gender_of_given_name(w.text) != Gender::Unknown;
        if run > 0 && ((at_end && (given || after_role)) || is_common_given_name(w.text)) {
            return true;
        }
    }
    false
}

/// Qualifiers that cannot end a title: "Democratic National" names no role.
fn is_qualifier(word: &str) -> bool {
    matches!(
        word,
        "national"
            | "federal"
            | "regional"
            | "local"
            | "foreign"
            | "former"
            | "senior"
            | "junior"
            | "acting"
            | "interim"
            | "presidential"
            | "provincial"
            | "outgoing"
            | "incoming"
            | "longtime"
            | "long-time"
            | "elected"
            | "appointed"
            | "retired"
            | "vice"
            | "deputy"
    )
}

/// True when the words (a leading article already dropped) may be a title: no clause
/// word, preposition or pronoun first, no function word or possessive last, no date and
/// no other person's name.
fn reads_as_title(words: &[Token]) -> bool {
    let words: SmallVec<[&Token; 16]> = words.iter().filter(|t| t.is_word()).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let (f, l) = (first.lower().as_str(), last.lower().as_str());
    // "casting herself as …", "leaving doubts about …": a participle opens a clause,
    // unless a role follows it ("visiting professor").
    let participle = f.ends_with("ing")
        && !first.is_capitalised()
        && !MODIFIERS.contains(f)
        && !ROLE_NOUNS.contains(f)
        && !words
            .get(1)
            .is_some_and(|w| ROLE_NOUNS.contains(w.lower().as_str()));
    // "endorsed Republican candidate …": a verb in the past opens a clause.
    let past = f.ends_with("ed")
        && !first.is_capitalised()
        && words.len() > 1
        && !MODIFIERS.contains(f)
        && !ROLE_NOUNS.contains(f);
    // "New Jersey's": a place's possessive alone (an organisation's may say who employs
    // the person: "Acme Corp.'s").
    let clause = words
        .iter()
        .skip(1)
        .any(|w| is_auxiliary(w.lower().as_str()));
    let owned = words.len() > 1 && is_possessive(last.text) && {
        let place: Vec<&str> = words
            .iter()
            .map(|w| {
                w.text
                    .trim_end_matches(['s', 'S'])
                    .trim_end_matches(['’', '\''])
            })
            .collect();
        is_place(&place.join(" "))
    };
    // "Democratic National": a qualifier with no role after it.
    let unheaded = words.len() > 1 && is_qualifier(l);
    !(opens_other_phrase(f)
        || participle
        || past
        || is_dangling(l)
        || owned
        || unheaded
        || clause
        || holds_other_person(&words))
}

/// True when the words form a title or role ("deputy spokesman for the UN", "an analyst
/// at Barclays"), not a clause ("who runs a hotel") or an age ("54").
pub fn looks_like_title(tokens: &[Token]) -> bool {
    // The words, read again for each question rather than gathered.
    let words = || tokens.iter().filter(|t| t.is_word());
    let Some(first) = words().next() else {
        return false;
    };
    let first = first.lower();
    if matches!(
        first.as_str(),
        "who" | "whose" | "which" | "where" | "when" | "whom" | "that" | "speaking" | "adding"
    ) || words().nth(24).is_some()
    {
        return false;
    }
    if words().all(|w| w.text.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    // "a fellow at Brookings", "an associate with Baker McKenzie": a post somewhere.
    let post_at = matches!(first.as_str(), "a" | "an")
        && words()
            .take(5)
            .skip(2)
            .any(|w| matches!(w.lower().as_str(), "at" | "with"));
    post_at
        || words().any(|w| {
            let l = w.lower();
            // "fireman", "businesswoman": a compound of a trade and man or woman.
            let compound = l.len() > 5
                && (l.ends_with("man") || l.ends_with("woman"))
                && gender_of_word(l) != Gender::Unknown;
            compound || ROLE_NOUNS.contains(l.as_str()) || TITLE_WORDS.contains(l.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_verb_function_word_or_possessive_is_no_title() {
        let title = |s: &str| title_text(&crate::quotes::tokens::tokenize(s, 0));
        assert_eq!(title("until"), None);
        assert_eq!(title("reacted"), None);
        assert_eq!(title("Both"), None);
        assert_eq!(title("Ohio's"), None);
        assert_eq!(title("Ohio’s"), None);
        assert_eq!(title("baker").as_deref(), Some("baker"));
        assert_eq!(title("Senator").as_deref(), Some("Senator"));
    }
    use crate::quotes::tokens::tokenize;

    #[test]
    fn titles_are_roles_not_clauses() {
        let t = |s: &str| looks_like_title(&tokenize(s, 0));
        assert!(t("deputy spokesman for the UN Secretary-General"));
        assert!(t("a senior analyst at Barclays"));
        assert!(!t("54"));
        assert!(!t("who runs a hotel in Chania"));
    }

    #[test]
    fn titles_keep_brackets_and_posts_somewhere() {
        assert_eq!(
            title_text(&tokenize("head of the Civil Aviation Authority (CAA)", 0)).as_deref(),
            Some("head of the Civil Aviation Authority (CAA)")
        );
        assert!(looks_like_title(&tokenize(
            "a fellow at the Lowy Institute",
            0
        )));
    }

    #[test]
    fn a_relative_clause_is_cut_from_a_title() {
        let title = |s: &str| title_text(&tokenize(s, 0));
        assert_eq!(
            title("a ferry captain who says he will retire soon").as_deref(),
            Some("ferry captain")
        );
        assert_eq!(
            title("baker at a bakery that opened in May").as_deref(),
            Some("baker at a bakery")
        );
        assert_eq!(title("who went on to work with him"), None);
    }

    #[test]
    fn clauses_dates_and_cut_phrases_are_no_titles() {
        let title = |s: &str| title_text(&tokenize(s, 0));
        assert_eq!(title("on May 4"), None);
        assert_eq!(title("for the win"), None);
        assert_eq!(title("he was saying"), None);
        assert_eq!(title("treasurer of"), None);
        assert_eq!(title("Mostly for"), None);
        assert_eq!(title("hoping to win the county"), None);
        assert_eq!(title("praised Gov. Ann Lee in June"), None);
        assert_eq!(title("elected"), None);
        assert_eq!(title("North Dakota’s"), None);
        // A participle before a role is part of it.
        assert_eq!(
            title("visiting professor").as_deref(),
            Some("visiting professor")
        );
    }

    #[test]
    fn another_persons_name_is_no_title_unless_tied_to_the_role() {
        let title = |s: &str| title_text(&tokenize(s, 0));
        assert_eq!(title("former Utah mayor Peter Hall"), None);
        assert_eq!(title("harbour master Susan Hale and deputy"), None);
        assert_eq!(
            title("chief of staff to Sen. Peter Hall").as_deref(),
            Some("chief of staff to Sen. Peter Hall")
        );
        assert_eq!(
            title("Peter Hall's campaign manager").as_deref(),
            Some("Peter Hall's campaign manager")
        );
    }

    #[test]
    fn two_titles_joined_give_the_first_and_a_qualifier_alone_is_none() {
        let title = |s: &str| title_text(&tokenize(s, 0));
        assert_eq!(
            title("former Idaho Gov. and party treasurer").as_deref(),
            Some("former Idaho Gov.")
        );
        assert_eq!(title("Republican National"), None);
        assert_eq!(
            title("secretary of state").as_deref(),
            Some("secretary of state")
        );
    }

    #[test]
    fn a_verb_after_and_or_a_preposition_first_is_no_title() {
        let title = |s: &str| title_text(&tokenize(s, 0));
        assert_eq!(
            title("adviser to the mayor and later worked at a bank").as_deref(),
            Some("adviser to the mayor")
        );
        assert_eq!(title("like his brother"), None);
        assert_eq!(title("unlike the mayor"), None);
    }

    #[test]
    fn a_verb_makes_a_clause_not_a_title() {
        let title = |s: &str| title_text(&tokenize(s, 0));
        assert_eq!(title("The issue had come up after"), None);
        assert_eq!(title("the plan would fail"), None);
        assert_eq!(
            title("a former aide to the mayor has written a book").as_deref(),
            Some("former aide to the mayor")
        );
    }
}
