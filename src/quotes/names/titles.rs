//! The text of a title as written: whether words are a title or role and how a title reads
//! ([`title_text`], [`looks_like_title`]).
//!
//! It does not find where a person's name starts ([`shape`](super::shape)) nor classify a
//! whole phrase; it uses only the word lists ([`roles`](super::roles), `lists`) and gender of
//! [`names`](super).

use super::gender::{Gender, gender_of_word};
use super::lists::{LEADING_JUNK, NOT_NAMES};
use super::roles::{HONORIFICS, MODIFIERS, ROLE_NOUNS, TITLE_WORDS};
use crate::quotes::tokens::{Kind, Token};

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
    let rest = &tokens[start..];
    // One word that is no title: a verb, a function word, a possessive ("reacted",
    // "until", "Colorado's"); a lower-case role stays ("baker").
    if let [only] = rest {
        let l = only.lower().as_str();
        let role = ROLE_NOUNS.contains(l) || TITLE_WORDS.contains(l) || MODIFIERS.contains(l);
        let verb = (l.ends_with("ed") || matches!(l, "until" | "state" | "had" | "for" | "of"))
            && !only.is_capitalised()
            && !role;
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

/// True when the words form a title or role ("deputy spokesman for the UN", "an analyst
/// at Barclays"), not a clause ("who runs a hotel") or an age ("54").
pub fn looks_like_title(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    let Some(first) = words.first() else {
        return false;
    };
    let first = first.lower();
    if matches!(
        first.as_str(),
        "who" | "whose" | "which" | "where" | "when" | "whom" | "that" | "speaking" | "adding"
    ) || words.len() > 24
    {
        return false;
    }
    if words
        .iter()
        .all(|w| w.text.chars().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    // "a fellow at Brookings", "an associate with Baker McKenzie": a post somewhere.
    let post_at = matches!(first.as_str(), "a" | "an")
        && words
            .iter()
            .take(5)
            .skip(2)
            .any(|w| matches!(w.lower().as_str(), "at" | "with"));
    post_at
        || words.iter().any(|w| {
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
}
