//! Attribution cues: the verbs of saying and the clause that names who spoke, found just
//! after a quote (`"…," said Wang Zhihua, director of …`; `"…," he said`) or just before
//! it (`She told reporters: "…"`; `According to Jane Roe, "…"`). Which words are verbs
//! of saying is `verbs`'s.

use super::tokens::{Kind, Lower, Token};

mod verbs;

pub(in crate::quotes) use verbs::BETWEEN_ANY;
pub use verbs::is_cue;
use verbs::{BETWEEN, is_participle, phrase_cue};

/// An attribution found next to a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution<'a> {
    /// The cue as written ("said", "according to").
    pub cue: String,
    /// The words naming the speaker.
    pub subject: Vec<Token<'a>>,
    /// An appositive after (or before) the name: a title, or the name after a role.
    pub appositive: Vec<Token<'a>>,
}

/// Splits tokens at commas.
fn segments<'t, 'a>(tokens: &'t [Token<'a>]) -> Vec<&'t [Token<'a>]> {
    tokens.split(|t| t.kind == Kind::Comma).collect()
}

/// The noun phrase that starts `tokens` (up to the first word that cannot be in one).
fn leading_np<'t, 'a>(tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let mut end = 0;
    for (k, t) in tokens.iter().enumerate() {
        if !t.is_word() {
            break;
        }
        let l = t.lower();
        // "NBS statistician Yu Weining": a role noun between an organisation and a name.
        let before_name = k > 0
            && end == k
            && tokens[k - 1].is_capitalised()
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word() && super::names::is_name_word(n));
        let ok = t.is_capitalised()
            || k == 0
            || before_name
            || super::names::is_role_noun(l)
            || super::names::is_modifier(l)
            || super::names::is_particle(l)
            || super::names::is_prefixed_name(t.text)
            || matches!(l.as_str(), "of" | "for" | "the" | "and")
            || t.text.chars().any(|c| c.is_ascii_digit());
        if !ok || is_cue(l) && k > 0 && !t.is_capitalised() {
            break;
        }
        end = k + 1;
    }
    &tokens[..end]
}

/// Drops adverbs and auxiliaries at the end of a subject ("he later", "Smith has").
fn strip_between<'t, 'a>(mut tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    while let Some(last) = tokens.last() {
        let adverb = {
            let l = last.lower().as_str();
            l.len() > 5
                && l.ends_with("ly")
                && !last.is_capitalised()
                && !matches!(l, "family" | "assembly" | "supply" | "monopoly")
        };
        if last.is_word() && (BETWEEN.contains(last.lower().as_str()) || adverb) && tokens.len() > 1
        {
            tokens = &tokens[..tokens.len() - 1];
        } else {
            break;
        }
    }
    tokens
}

/// Reads "SUBJECT[, APPOSITIVE,]" from the words before a verb. `first` picks the first
/// comma segment (a clause right after a quote) rather than the last (before a quote).
fn subject_before<'a>(
    tokens: &[Token<'a>],
    first: bool,
) -> Option<(Vec<Token<'a>>, Vec<Token<'a>>)> {
    let tokens = strip_between(tokens);
    let segs = segments(tokens);
    let appositive_closed = segs.len() >= 2 && segs.last().is_some_and(|s| s.is_empty());
    // `"…" in the end, she said`: a phrase opening with a preposition is no subject.
    let circumstance = segs.len() >= 2
        && segs[0].first().is_some_and(|t| {
            t.is_word()
                && matches!(
                    t.lower().as_str(),
                    "in" | "on"
                        | "at"
                        | "for"
                        | "to"
                        | "from"
                        | "with"
                        | "about"
                        | "during"
                        | "after"
                        | "before"
                        | "since"
                        | "by"
                        | "of"
                )
        });
    let (head, appositive): (&[Token], &[Token]) = if first && circumstance {
        (segs[segs.len() - 1], &[])
    } else if first {
        (segs[0], if segs.len() >= 2 { segs[1] } else { &[] })
    } else if appositive_closed && segs.len() >= 3 {
        (segs[segs.len() - 3], segs[segs.len() - 2])
    } else if appositive_closed {
        (segs[segs.len() - 2], &[])
    } else {
        (segs[segs.len() - 1], &[])
    };
    let head: Vec<Token> = head
        .iter()
        .skip_while(|t| !t.is_word() || super::names::is_leading_junk(t.lower()))
        .cloned()
        .collect();
    let words = head.iter().filter(|t| t.is_word()).count();
    if words == 0 || words > 9 || head.iter().any(|t| t.kind == Kind::Stop) {
        return None;
    }
    Some((head, appositive.to_vec()))
}

/// Reads "NAME[, APPOSITIVE]" after a verb ("said Wang Zhihua, director of …").
fn subject_after<'a>(tokens: &[Token<'a>]) -> Option<(Vec<Token<'a>>, Vec<Token<'a>>)> {
    let segs = segments(tokens);
    let head = leading_np(segs.first()?);
    if head.is_empty() {
        return None;
    }
    let head_words: Vec<Token> = head.to_vec();
    let appositive = if segs.len() >= 2 && head.len() == segs[0].len() {
        segs[1].to_vec()
    } else {
        Vec::new()
    };
    Some((head_words, appositive))
}

/// The tokens of a sentence up to its end (exclusive).
fn until_stop<'t, 'a>(tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let end = tokens
        .iter()
        .position(|t| t.kind == Kind::Stop)
        .unwrap_or(tokens.len());
    &tokens[..end]
}

/// Finds the attribution in the words just after a quote, up to the end of the sentence
/// (`tokens` starts right after the closing mark). `ended` tells that the quote itself
/// ended its sentence with a full stop, so only a lower-case clause can follow.
pub fn after_quote<'a>(tokens: &[Token<'a>], ended: bool) -> Option<Attribution<'a>> {
    let start = tokens
        .iter()
        .position(|t| !matches!(t.kind, Kind::Comma | Kind::Dash | Kind::Other))?;
    let clause = until_stop(&tokens[start..]);
    let first = clause.first()?;
    if ended && first.is_capitalised() {
        return None;
    }
    let lower: Vec<&Lower<'_>> = clause.iter().map(Token::lower).collect();
    if lower.len() >= 3 && lower[0] == "according" && lower[1] == "to" {
        let (subject, appositive) = subject_after(&clause[2..])?;
        return Some(Attribution {
            cue: "according to".to_string(),
            subject,
            appositive,
        });
    }
    // Verb first: "said the senior official", "added Smith".
    let mut v = 0;
    while v < clause.len() && clause[v].is_word() && BETWEEN.contains(lower[v].as_str()) {
        v += 1;
    }
    if v < clause.len() && clause[v].is_word() && is_cue(lower[v]) && !is_participle(lower[v]) {
        let (subject, appositive) = subject_after(&clause[v + 1..])?;
        return Some(Attribution {
            cue: clause[v].lower().into(),
            subject,
            appositive,
        });
    }
    // Subject first: "Wang explained", "Farhan Haq, deputy spokesman for …, said",
    // "Kim was quoted as saying".
    let limit = clause.len().min(30);
    let (v, len) = (1..limit)
        .find_map(|k| {
            if !clause[k].is_word() || clause[k].is_capitalised() {
                return None;
            }
            if is_cue(lower[k]) && !is_participle(lower[k]) {
                return Some((k, 1));
            }
            phrase_cue(&lower, k).map(|len| (k, len))
        })
        .or_else(|| {
            // `"…," Lee barked`: a name of a few words right after the quote, then a
            // verb in the past tense, is who spoke it, whatever the verb.
            let k = clause
                .iter()
                .take_while(|t| super::names::is_name_word(t))
                .count();
            let verb = clause.get(k).filter(|t| {
                let l = t.lower().as_str();
                t.is_word() && !t.is_capitalised() && l.len() > 4 && l.ends_with("ed")
            });
            ((1..=3).contains(&k) && verb.is_some()).then_some((k, 1))
        })?;
    // `"…" if the rain holds, said Ada Obi`: a verb after a comma, then a name, is a
    // clause of its own naming the speaker.
    if v >= 2
        && len == 1
        && clause[v - 1].kind == Kind::Comma
        && !is_participle(lower[v])
        && clause
            .get(v + 1)
            .is_some_and(|t| t.is_word() && super::names::is_name_word(t))
        && let Some((subject, appositive)) = subject_after(&clause[v + 1..])
    {
        return Some(Attribution {
            cue: lower[v].as_str().to_string(),
            subject,
            appositive,
        });
    }
    let Some((subject, appositive)) = subject_before(&clause[..v], true) else {
        // `"…" if she lost, said Ada Obi, an analyst.`: the quote's sentence goes on,
        // then a clause of its own names the speaker.
        let c = (1..v)
            .rev()
            .find(|&c| clause[c].kind == Kind::Comma && c + 1 == v)?;
        if is_participle(lower[v]) || len != 1 {
            return None;
        }
        let (subject, appositive) = subject_after(&clause[c + 2..])?;
        return Some(Attribution {
            cue: lower[v].as_str().to_string(),
            subject,
            appositive,
        });
    };
    Some(Attribution {
        cue: lower[v..v + len]
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        subject,
        appositive,
    })
}

/// Finds the attribution in the words just before a quote, from the start of their
/// sentence (`tokens` ends right before the opening mark).
pub fn before_quote<'a>(tokens: &[Token<'a>]) -> Option<Attribution<'a>> {
    let start = tokens
        .iter()
        .rposition(|t| t.kind == Kind::Stop)
        .map_or(0, |k| k + 1);
    let mut clause = &tokens[start..];
    while clause.first().is_some_and(|t| !t.is_word()) {
        clause = &clause[1..];
    }
    let last = clause.last()?;
    let introduced = matches!(last.kind, Kind::Colon | Kind::Comma);
    let body = if introduced {
        &clause[..clause.len() - 1]
    } else {
        clause
    };
    let lower: Vec<&Lower<'_>> = body.iter().map(Token::lower).collect();
    if introduced && lower.len() >= 3 && lower[0] == "according" && lower[1] == "to" {
        let rest = &body[2..];
        let segs = segments(rest);
        let subject = segs.first()?.to_vec();
        let appositive = segs.get(1).map(|s| s.to_vec()).unwrap_or_default();
        return Some(Attribution {
            cue: "according to".to_string(),
            subject,
            appositive,
        });
    }
    let single = (0..body.len())
        .rev()
        .find(|&k| body[k].is_word() && is_cue(lower[k]) && (k == 0 || !body[k].is_capitalised()));
    // "As Lee put it," "As Lee pointed out,": a phrase later than any single verb.
    let phrase = (single.map_or(0, |v| v + 1)..body.len())
        .rev()
        .find_map(|k| {
            (!body[k].is_capitalised())
                .then(|| phrase_cue(&lower, k))
                .flatten()
                .map(|len| (k, len))
        });
    let (v, len) = phrase.or(single.map(|v| (v, 1)))?;
    let after = &body[v + len..];
    let allowed = match last.kind {
        Kind::Colon => after.len() <= 14,
        Kind::Comma => after.len() <= 6 && !lower[v + 1..].iter().any(|w| *w == "that"),
        _ => after.is_empty(),
    };
    if !allowed {
        return None;
    }
    let cue: String = lower[v..v + len]
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if v == 0 {
        // "Added the minister:"
        let (subject, appositive) = subject_after(after)?;
        return Some(Attribution {
            cue,
            subject,
            appositive,
        });
    }
    if is_participle(lower[v]) {
        // "The ministry issued a statement on Monday, saying:" names the sentence's subject.
        let first_seg = segments(&body[..v]).first().copied().unwrap_or(&[]);
        let subject = leading_np(first_seg).to_vec();
        if subject.is_empty() {
            return None;
        }
        return Some(Attribution {
            cue,
            subject,
            appositive: Vec::new(),
        });
    }
    let (subject, appositive) = subject_before(&body[..v], false)?;
    Some(Attribution {
        cue,
        subject,
        appositive,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    fn words(ts: &[Token]) -> String {
        ts.iter()
            .filter(|t| t.is_word())
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn after(s: &str) -> Option<(String, String, String)> {
        after_quote(&tokenize(s, 0), false)
            .map(|a| (a.cue, words(&a.subject), words(&a.appositive)))
    }

    fn before(s: &str) -> Option<(String, String, String)> {
        before_quote(&tokenize(s, 0)).map(|a| (a.cue, words(&a.subject), words(&a.appositive)))
    }

    fn t(a: &str, b: &str, c: &str) -> Option<(String, String, String)> {
        Some((a.into(), b.into(), c.into()))
    }

    #[test]
    fn verb_then_name_with_appositive() {
        assert_eq!(
            after(" said Jane Roe, a senior analyst at Acme. Other text."),
            t("said", "Jane Roe", "a senior analyst at Acme")
        );
        assert_eq!(
            after(" added the deputy mayor in a statement."),
            t("added", "the deputy mayor", "")
        );
    }

    #[test]
    fn name_then_verb_in_any_tense() {
        assert_eq!(after(" Ortiz explained."), t("explained", "Ortiz", ""));
        assert_eq!(after(" she has also warned."), t("warned", "she", ""));
        assert_eq!(
            after(", Ada Obi, head of the agency, says."),
            t("says", "Ada Obi", "head of the agency")
        );
        assert_eq!(
            after(" the firm said in a statement on Monday."),
            t("said", "the firm", "")
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            after(", according to Ivo Pak, an economist."),
            t("according to", "Ivo Pak", "an economist")
        );
        assert_eq!(
            before("According to Ivo Pak, an economist, "),
            t("according to", "Ivo Pak", "an economist")
        );
    }

    #[test]
    fn colon_and_comma_introductions() {
        assert_eq!(
            before("Rain fell. The minister told reporters on Monday: "),
            t("told", "The minister", "")
        );
        assert_eq!(
            before("In a statement, Lia Moss, chair of the board, said: "),
            t("said", "Lia Moss", "chair of the board")
        );
        assert_eq!(before("Dan Ek said, "), t("said", "Dan Ek", ""));
        assert_eq!(before("She said "), t("said", "She", ""));
        assert_eq!(before("As Ada Obi put it, "), t("put it", "Ada Obi", ""));
        assert_eq!(
            before("As Ada Obi pointed out in May, "),
            t("pointed out", "Ada Obi", "")
        );
    }

    #[test]
    fn no_attribution_without_a_cue_next_to_the_quote() {
        assert_eq!(before("She said the plan was "), None);
        assert_eq!(after(" was the verdict of many."), None);
        assert_eq!(
            after_quote(&tokenize(" The warning came as police said so.", 0), true),
            None
        );
    }

    #[test]
    fn phrase_cues_after_the_quote() {
        assert_eq!(
            after(" Okafor shot back during the debate."),
            t("shot back", "Okafor", "")
        );
        assert_eq!(
            after(" the general was quoted as saying by state television."),
            t("quoted as saying", "the general", "")
        );
        assert_eq!(after(" Okafor barked."), t("barked", "Okafor", ""));
        assert_eq!(after(" Ada Obi went on."), t("went on", "Ada Obi", ""));
        // A thing then a verb in the past tense is no attribution.
        assert_eq!(after(" the lights dimmed."), None);
        // "hit" alone is not a verb of saying.
        assert_eq!(after(" the storm hit the coast."), None);
    }

    #[test]
    fn a_run_on_sentence_then_a_clause_naming_the_speaker() {
        assert_eq!(
            after(" if the rain holds off, said Ada Obi, a farmer near the river."),
            t("said", "Ada Obi", "a farmer near the river")
        );
        assert_eq!(after(" at the hearing, she said."), t("said", "she", ""));
        assert_eq!(after(" he wrongly claimed."), t("claimed", "he", ""));
        // A capitalised "State" is no verb of saying.
        assert_eq!(after(" in the Islamic State region."), None);
    }

    #[test]
    fn role_noun_between_organisation_and_name() {
        assert_eq!(
            after(" said ECB economist Lena Brandt, who led the study."),
            t("said", "ECB economist Lena Brandt", "who led the study")
        );
        assert_eq!(
            after(" said Pieter van den Broek, the minister."),
            t("said", "Pieter van den Broek", "the minister")
        );
    }
}
