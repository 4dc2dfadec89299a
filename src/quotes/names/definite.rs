//! What a definite description of a person is: "the" with up to four modifiers and a
//! singular head ("the Ohio senator", "the billionaire property tycoon", "the party's
//! nominee"), with "of State" or "from Texas" after it. A rank or a judgement ("the
//! first", "the more moderate"), a title written before a name, a plural, a loose head
//! ("the woman") or a noun going on after the head ("the conservative movement", "the
//! Republican Party") makes none. Which person the story ties a description to is
//! [`anaphora`](super::anaphora)'s and [`story_titles`](super::story_titles)'s.

use super::clauses::singular;
use super::heads::{DESCRIPTION_HEADS, function_word, is_head, loose_head, verb_like};
use super::roles::{HONORIFICS, MODIFIERS, ROLE_NOUNS, TITLE_WORDS};
use super::shape::{is_name_word, is_possessive};
use crate::quotes::tokens::Token;

/// A definite description: its words without "the", the index past it, its head in lower
/// case, and whether a possessor opens it ("the party's nominee").
pub(super) struct Definite {
    pub(super) title: String,
    pub(super) end: usize,
    pub(super) head: String,
    pub(super) owned: bool,
}

/// True when `k` is "the" with a head of a description among the next words (read
/// without making words lower case).
pub(super) fn heads_after(tokens: &[Token], k: usize) -> bool {
    matches!(tokens[k].text, "the" | "The")
        && tokens[k + 1..tokens.len().min(k + 7)]
            .iter()
            .take_while(|t| t.is_word())
            .any(|t| {
                let bare = t
                    .text
                    .strip_suffix("'s")
                    .or_else(|| t.text.strip_suffix("’s"))
                    .unwrap_or(t.text);
                DESCRIPTION_HEADS.contains_lowered(bare)
                    || ROLE_NOUNS.contains_lowered(bare)
                    || TITLE_WORDS.contains_lowered(bare)
            })
}

/// A definite description opening at `k` ("the" + up to four modifiers + a singular head,
/// with "of State" or "from Texas" after it): the description's words without "the", the
/// index past it, and its head in lower case.
pub(super) fn definite(tokens: &[Token<'_>], k: usize) -> Option<Definite> {
    if k >= tokens.len() || !heads_after(tokens, k) {
        return None;
    }
    let mut h = k + 1;
    let mut owned = false;
    loop {
        let t = tokens.get(h)?;
        let l = t.lower().as_str();
        if !t.is_word() || function_word(l) || h > k + 5 {
            return None;
        }
        let bare = l
            .strip_suffix("'s")
            .or_else(|| l.strip_suffix("’s"))
            .unwrap_or(l);
        let last = is_possessive(t.text);
        let single = DESCRIPTION_HEADS.contains(bare)
            || ROLE_NOUNS.contains(bare)
            || (t.is_capitalised() && TITLE_WORDS.contains(bare) && !HONORIFICS.contains(bare));
        let head = single && is_head(&t.with_text(&t.text[..bare.len()]));
        // The head ends the description unless a noun goes on with it ("the
        // Republican presidential nominee", "the conservative movement"): another head,
        // a lower-case word that is no verb, or a capitalised word after a capitalised head
        // ("the Republican Party").
        let next = tokens.get(h + 1);
        let continues = !last
            && next.is_some_and(|n| {
                let nl = n.lower().as_str();
                n.is_word()
                    && !function_word(nl)
                    && (is_head(n)
                        || (!n.is_capitalised() && !verb_like(nl))
                        || (n.is_capitalised() && t.is_capitalised()))
            });
        // "the more moderate Lee": a title before a name, said where the name is.
        if head && next.is_some_and(|n| is_name_word(n)) && !t.is_capitalised() {
            return None;
        }
        if head && !continues {
            if loose_head(bare) || (singular(bare).is_some() && !single) {
                return None;
            }
            let mut end = h + 1;
            // "secretary of State", "senator from Florida".
            if !last
                && let (Some(p), Some(w)) = (tokens.get(end), tokens.get(end + 1))
                && matches!(p.lower().as_str(), "of" | "from")
                && w.is_word()
                && (w.is_capitalised()
                    || w.lower().as_str().trim_end_matches(['\'', '’', 's']) == "state")
            {
                end += 2;
                while !is_possessive(tokens[end - 1].text)
                    && tokens
                        .get(end)
                        .is_some_and(|t| t.is_word() && t.is_capitalised())
                {
                    end += 1;
                }
            }
            let words: Vec<&str> = tokens[k + 1..end]
                .iter()
                .map(|t| {
                    t.text
                        .strip_suffix("'s")
                        .or_else(|| t.text.strip_suffix("’s"))
                        .unwrap_or(t.text)
                })
                .collect();
            return Some(Definite {
                title: words.join(" "),
                end,
                head: bare.to_string(),
                owned,
            });
        }
        // A modifier: a capitalised word, an adjective, a number; never a possessive
        // ("the party's nominee" is someone's, said elsewhere).
        // "the first black governor", "the 43rd president", "the more moderate": one
        // of a rank or a judgement, rarely the person just named.
        let ranked = matches!(
            l,
            "first" | "last" | "only" | "more" | "most" | "less" | "least" | "next" | "other"
        ) || l.ends_with("est")
            || (l.as_bytes()[0].is_ascii_digit()
                && (l.ends_with("st")
                    || l.ends_with("nd")
                    || l.ends_with("rd")
                    || l.ends_with("th")));
        // "the party's 2012 nominee": a lower-case possessor first, kept only before the
        // name it describes.
        let possessor = last && h == k + 1 && !t.is_capitalised();
        if (last && !possessor)
            || ranked
            || (!t.is_capitalised() && l.ends_with("ing") && !MODIFIERS.contains(l))
        {
            return None;
        }
        owned |= possessor;
        h += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    #[test]
    fn plurals_and_nouns_going_on_after_a_head_are_no_descriptions() {
        let toks = tokenize("the candidates spoke", 0);
        assert!(definite(&toks, 0).is_none());
        let toks = tokenize("the billionaire property tycoon spoke", 0);
        assert_eq!(
            definite(&toks, 0).map(|d| d.title).as_deref(),
            Some("billionaire property tycoon")
        );
        // A noun going on after a head: no description of a person.
        let toks = tokenize("the conservative movement", 0);
        assert!(definite(&toks, 0).is_none());
        let toks = tokenize("the Republican Party", 0);
        assert!(definite(&toks, 0).is_none());
        let toks = tokenize("the presumptive Republican nominee said", 0);
        assert_eq!(
            definite(&toks, 0).map(|d| d.title).as_deref(),
            Some("presumptive Republican nominee")
        );
    }
}
