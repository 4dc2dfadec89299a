//! A post the person held, named after "as" beside their name: "Lee's years as party
//! chair", "For four years as party chair, Lee …", "While serving as party chair, Lee …",
//! "As she was becoming party chair, Lee …", "Lee's letters from her time as party
//! chair". Only with a word of time or of serving just before "as", so that "As chair,
//! Lee would …" (a post hoped for) or "Lee as chair" (a choice talked about) is not
//! taken.

use super::gender::Gender;
use super::heads::{is_clause_verb, is_head};
use super::shape::is_possessive;
use super::titles::title_text;
use crate::quotes::tokens::{Kind, Token};

/// The words of time a post is held for, before "as".
const SPANS: &[&str] = &[
    "years", "tenure", "time", "term", "terms", "stint", "days", "decades", "months",
];

/// How far the sentence is read for "his" or "her" after the name, in tokens.
const PRONOUN_REACH: usize = 20;
/// How many words a fronted "… years as POST," may hold before the comma.
const FRONTED_WORDS: usize = 8;

fn is_span(t: &Token) -> bool {
    t.is_word() && SPANS.contains(&t.lower().as_str())
}

fn is_as(t: &Token) -> bool {
    t.is_word() && t.lower().as_str() == "as"
}

/// "years as" at `k`: a word of time, then "as".
fn span_as(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(is_span) && tokens.get(k + 1).is_some_and(is_as)
}

/// Where the words of a post held by the person named at `start..=at` begin, when the
/// sentence names one after "as": after their possessive ("Lee's tenure as"), before
/// their name ("For years as chair, Lee"), or after "his" or "her" of their `gender`
/// later in the sentence with no other capitalised word between ("Lee's letters from
/// her years as").
pub(super) fn held_as(tokens: &[Token], start: usize, at: usize, gender: Gender) -> Option<usize> {
    if is_possessive(tokens.get(at)?.text) && span_as(tokens, at + 1) {
        return Some(at + 3);
    }
    if let Some(comma) = start.checked_sub(1)
        && tokens[comma].kind == Kind::Comma
    {
        let floor = comma.saturating_sub(FRONTED_WORDS);
        for k in (floor..comma).rev() {
            let t = &tokens[k];
            if !t.is_word() {
                break;
            }
            // "as he was becoming party chair, Lee": the post the subject took.
            if matches!(t.lower().as_str(), "becoming" | "became") && k + 1 < comma {
                return Some(k + 1);
            }
            if is_as(t) {
                let held = k > 0
                    && (is_span(&tokens[k - 1])
                        || matches!(tokens[k - 1].lower().as_str(), "serving" | "working"));
                if held && k + 1 < comma {
                    return Some(k + 1);
                }
                break;
            }
        }
    }
    let pronoun = match gender {
        Gender::Female => "her",
        Gender::Male => "his",
        _ => return None,
    };
    for k in at + 1..tokens.len().min(at + 1 + PRONOUN_REACH) {
        let t = &tokens[k];
        if t.kind == Kind::Stop || (t.is_word() && t.is_capitalised()) {
            return None;
        }
        if t.is_word() && t.lower().as_str() == pronoun && span_as(tokens, k + 1) {
            return Some(k + 3);
        }
    }
    None
}

/// The post named in the phrase `np` after "years as" ([`held_as`]): up to three words,
/// a head, and a link with its object ("secretary of state", "director of the Port
/// Authority").
pub(super) fn held_post(np: &[Token]) -> Option<String> {
    let h = np.iter().position(is_head)?;
    if h > 3 || np[..h].iter().any(|t| is_clause_verb(t.lower().as_str())) {
        return None;
    }
    let mut end = h + 1;
    if np
        .get(end)
        .is_some_and(|t| matches!(t.lower().as_str(), "of" | "for" | "at" | "to"))
    {
        let mut e = end + 1;
        if np.get(e).is_some_and(|t| t.lower().as_str() == "the") {
            e += 1;
        }
        let object = e;
        // "chairman of Ann Lee's campaign": the word after a possessive too.
        while e < object + 4
            && np.get(e).is_some_and(|t| {
                t.is_capitalised()
                    || ((e == object || is_possessive(np[e - 1].text))
                        && !is_clause_verb(t.lower().as_str()))
            })
        {
            e += 1;
        }
        if e > object {
            end = e;
        }
    }
    title_text(&np[..end])
}
