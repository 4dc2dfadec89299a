//! Reading the prose outside quotes for the people and organisations a story introduces:
//! the subject of each sentence (with its appositive title: "Farhan Haq, deputy spokesman
//! for the UN Secretary-General, stressed …"), and every other full name or named
//! organisation (with a title in front: "Kremlin spokesman Dmitry Peskov", read in
//! `full_names`).

use std::sync::LazyLock;

use super::cues::is_cue;
use super::names::{self, Mention, classify, is_name_word, looks_like_title, title_text};
use super::tokens::{Kind, Token};
use super::wordset::WordSet;

mod full_names;

use full_names::names_in;

/// Something the prose says about who is in the story, at a character offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Introduction {
    /// Offset of the first word of the mention.
    pub at: usize,
    /// Who.
    pub mention: Mention,
    /// A title given in an appositive.
    pub title: Option<String>,
    /// Whether it is the subject of its sentence.
    pub subject: bool,
    /// Whether a verb follows it ("Lee said", "Lee has agreed").
    pub verb: bool,
}

/// Words opening a sentence part that is not its subject ("In response, …", "Asked …").
static INTRO_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "in",
        "at",
        "on",
        "after",
        "before",
        "during",
        "asked",
        "speaking",
        "following",
        "despite",
        "with",
        "for",
        "as",
        "since",
        "while",
        "when",
        "according",
        "by",
        "under",
        "over",
        "from",
        "to",
        "if",
        "although",
        "though",
        "which",
        "who",
        "where",
        "whose",
        "sentencing",
        "addressing",
        "responding",
        "meanwhile",
        "however",
        "but",
        "and",
        "yet",
        "still",
        "now",
        "then",
        "last",
        "earlier",
        "later",
        "this",
        "that",
        "it",
        "there",
        "soon",
        "shortly",
        "just",
        "even",
        "only",
        "back",
        "ever",
        "once",
        "days",
        "hours",
        "weeks",
        "months",
        "years",
        "moments",
        "minutes",
        "here",
        "today",
        "yesterday",
        "tonight",
        "indeed",
        "again",
        "nevertheless",
        "nonetheless",
        "moreover",
        "furthermore",
        "besides",
        "otherwise",
        "thus",
        "therefore",
        "perhaps",
        "maybe",
        "overall",
        "first",
        "next",
        "afterward",
        "afterwards",
        "until",
        "unlike",
        "like",
        "whether",
        "because",
        "than",
        "amid",
        "against",
        "among",
        "without",
        "through",
        "throughout",
        "within",
        "near",
        "toward",
        "towards",
        "upon",
        "into",
    ]
    .into_iter()
    .collect()
});

/// True for a word opening a sentence part that is not its subject, or one with a digit.
pub(super) fn is_intro_word(t: &Token) -> bool {
    INTRO_WORDS.contains_lowered(t.text)
        || t.text.bytes().any(|b| b.is_ascii_digit())
        // "Filling in for Lee, …", "Reached by phone, …": a participle opens no subject.
        || (t.text.len() > 5 && t.text.ends_with("ing") || t.text.len() > 5 && t.text.ends_with("ed"))
            && t.is_capitalised()
}

/// The subject noun phrase at the start of a sentence part.
pub(super) fn subject_np<'t, 'a>(seg: &'t [Token<'a>]) -> &'t [Token<'a>] {
    // "said Zhang Lihua, deputy director …" is a clause after a quote, not a subject.
    if seg.first().is_some_and(|t| t.is_word() && is_cue(t.text)) {
        return &[];
    }
    let mut end = 0;
    for (k, t) in seg.iter().enumerate() {
        if !t.is_word() {
            break;
        }
        // Word lists looked up in lower case are given the word as written: its lower
        // case is made only when compared as a string.
        let ok = t.is_capitalised()
            || k == 0
            || matches!(t.lower().as_str(), "of" | "for" | "the")
            || names::is_role_noun(t.text)
            || names::is_modifier(t.text)
            || names::is_particle(t.lower())
            || names::is_prefixed_name(t.text);
        if !ok || (k > 0 && is_cue(t.text)) {
            break;
        }
        end = k + 1;
    }
    // "The port authority said …": a definite phrase runs on to a verb of saying. The
    // words before `end` are known to be no verbs of saying, and are not read again.
    if seg.first().is_some_and(|t| t.lower() == "the")
        && let Some(v) = (end..seg.len().min(6)).find(|&k| seg[k].is_word() && is_cue(seg[k].text))
    {
        let plain = seg[1..v].iter().all(|t| {
            t.is_word()
                && !matches!(
                    t.lower().as_str(),
                    "of" | "in" | "on" | "at" | "has" | "had" | "was" | "is" | "will"
                )
        });
        if v > end && plain {
            end = v;
        }
    }
    // "the Ministry of Commerce on Monday": never end on a connector.
    while end > 0 && matches!(seg[end - 1].lower().as_str(), "of" | "for" | "the") {
        end -= 1;
    }
    &seg[..end]
}

fn is_name_only(seg: &[Token]) -> bool {
    let words = || {
        seg.iter()
            .filter(|t| t.is_word())
            .skip_while(|t| names::is_honorific(t.text))
    };
    (2..=4).contains(&words().count()) && words().all(is_name_word)
}

/// Words that open a sentence as an adverb of the whole sentence, with its subject right
/// after ("Meanwhile Ann Lee …", "But Lee …").
fn is_sentence_adverb(t: &Token) -> bool {
    t.is_word()
        && matches!(
            t.lower().as_str(),
            "meanwhile"
                | "however"
                | "but"
                | "and"
                | "yet"
                | "still"
                | "now"
                | "then"
                | "so"
                | "instead"
                | "also"
                | "separately"
                | "earlier"
                | "later"
        )
}

/// The part of a sentence part after the adverbs opening it, when a word follows them.
fn past_adverbs<'t, 'a>(seg: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let n = seg.iter().take_while(|t| is_sentence_adverb(t)).count();
    if n > 0 && seg.get(n).is_some_and(Token::is_word) {
        &seg[n..]
    } else {
        seg
    }
}

/// Whether the words of `seg` from `k` on start with a verb: a verb of saying, a form
/// of "be" or "have", a modal, or a word in -ed or -s, after any adverbs in -ly.
pub(super) fn verb_at(seg: &[Token], k: usize) -> bool {
    verb_here(seg, k, false)
}

/// [`verb_at`]; when `strict`, a word in -s (a verb or a plural noun) does not count.
fn verb_here(seg: &[Token], mut k: usize, strict: bool) -> bool {
    while seg.get(k).is_some_and(|t| {
        t.is_word() && !t.is_capitalised() && t.text.len() > 4 && t.lower().ends_with("ly")
    }) {
        k += 1;
    }
    let Some(t) = seg.get(k) else {
        return false;
    };
    if !t.is_word() || t.is_capitalised() {
        return false;
    }
    let l = t.lower().as_str();
    is_cue(t.text)
        || super::reporting::is_reporting(t.text)
        || matches!(
            l,
            "is" | "was"
                | "has"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "did"
                | "does"
                | "also"
                | "then"
                | "later"
                | "never"
                | "went"
                | "made"
                | "took"
                | "gave"
                | "got"
                | "came"
                | "spoke"
                | "wrote"
                | "told"
                | "thinks"
                | "thought"
                | "knew"
                | "knows"
                | "saw"
                | "sees"
                | "been"
        )
        || (l.len() > 4 && l.ends_with("ed") && !l.ends_with("eed"))
        || (!strict
            && l.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && !l.ends_with("us")
            && !l.ends_with("is")
            && !matches!(
                l,
                "its" | "his" | "hers" | "this" | "ours" | "yours" | "whereas"
            ))
}

/// Reads one sentence (no stops inside) for its subject.
fn sentence_subject(sentence: &[Token], out: &mut Vec<Introduction>) {
    let mut segs = sentence.split(|t| t.kind == Kind::Comma).peekable();
    // The first part that opens with no introductory word, past a part that names no
    // one ("Speaking in Salem, New Hampshire, Lee said …").
    // The part, its subject, and what the subject names when that was asked already.
    let (seg, np, named) = loop {
        let Some(seg) = segs.next() else {
            return;
        };
        let seg = past_adverbs(seg);
        if !seg
            .first()
            .is_some_and(|t| t.is_word() && !is_intro_word(t))
        {
            continue;
        }
        let np = subject_np(seg);
        let mut named = None;
        // Not "The mayor of Dover, Ann Lee, …": a title, then the name.
        let names_no_one = np.len() == seg.len()
            && segs.peek().is_some_and(|next| !is_name_only(next))
            && !seg.first().is_some_and(|t| is_cue(t.text))
            && !looks_like_title(np)
            && named.insert(classify(np)).is_none();
        if !names_no_one {
            break (seg, np, named);
        }
    };
    let next = segs.next().unwrap_or(&[]);
    // "said Ann Lee, a nurse": the clause after a quote names who the story is about.
    if let Some((verb, rest)) = seg.split_first()
        && verb.is_word()
        && is_cue(verb.text)
    {
        let n = rest
            .iter()
            .take_while(|t| {
                t.is_word()
                    && (t.is_capitalised()
                        || names::is_role_noun(t.text)
                        || names::is_modifier(t.text)
                        || names::is_particle(t.lower()))
            })
            .count();
        if n == rest.len()
            && let Some(mention @ Mention::Person { .. }) = classify(&rest[..n])
        {
            out.push(Introduction {
                at: rest[0].start,
                mention,
                title: looks_like_title(next).then(|| title_text(next)).flatten(),
                subject: true,
                verb: true,
            });
        }
        return;
    }
    let closed = segs.next().is_some();
    // "The head of the NHS in England, Sir Jim Mackey, has warned …"
    if closed
        && is_name_only(next)
        && looks_like_title(seg)
        && let Some(Mention::Person { name, gender, .. }) = classify(next)
    {
        out.push(Introduction {
            at: seg[0].start,
            mention: Mention::Person {
                name,
                title: None,
                gender,
            },
            title: title_text(seg),
            subject: true,
            verb: false,
        });
        return;
    }
    if np.is_empty() {
        return;
    }
    let whole = np.len() == seg.len();
    let mut mention = named.unwrap_or_else(|| classify(np));
    let mut title = None;
    if whole && closed {
        if is_name_only(next) {
            // "The mayor of Chicago, Brandon Johnson, defended …"
            if let Some(Mention::Person { name, .. }) = classify(next)
                && !matches!(mention, Some(Mention::Person { .. }))
            {
                title = title_text(np);
                mention = Some(Mention::Person {
                    name,
                    title: None,
                    gender: names::Gender::Unknown,
                });
            }
        } else if looks_like_title(next) {
            title = title_text(next);
        }
    }
    if let Some(mention) = mention {
        // A possessive ("Trump's first tenure") is not what the sentence is about.
        let possessive = np.last().is_some_and(|t| names::is_possessive(t.text));
        out.push(Introduction {
            at: np[0].start,
            mention,
            title,
            subject: !possessive,
            verb: verb_here(seg, np.len(), true),
        });
    }
}

/// Reads the prose of one stretch of a paragraph outside quotes.
pub fn introductions(tokens: &[Token]) -> Vec<Introduction> {
    let mut out = Vec::new();
    introductions_into(tokens, &mut out);
    out
}

/// [`introductions`], added to `out` (a list kept across stretches of prose).
pub fn introductions_into(tokens: &[Token], out: &mut Vec<Introduction>) {
    for sentence in tokens.split(|t| t.kind == Kind::Stop) {
        let before = out.len();
        names_in(sentence, out);
        let named = out.len();
        sentence_subject(sentence, out);
        // The subject found again among the names (in the order of their offsets).
        if let Some(subject) = out.get(named)
            && let Ok(k) = out[before..named].binary_search_by_key(&subject.at, |i| i.at)
            && out[before + k].mention == subject.mention
        {
            let is_subject = subject.subject;
            out.truncate(named);
            out[before + k].subject |= is_subject;
        }
        closing_attribution(sentence, out);
    }
}

/// "The stakes are high, Lee said": a sentence that ends with who said it makes them
/// who the story is about.
fn closing_attribution(sentence: &[Token], out: &mut Vec<Introduction>) {
    let mut segs = sentence.split(|t| t.kind == Kind::Comma);
    segs.next(); // the sentence's own subject is read by `sentence_subject`
    for seg in segs {
        let named = match seg {
            // "…, Lee said" at the end of the sentence.
            [np @ .., verb] if verb.is_word() && is_cue(verb.text) => np,
            // "…, said Lee, a nurse."
            [verb, np @ ..] if verb.is_word() && is_cue(verb.text) => np,
            _ => continue,
        };
        if (1..=4).contains(&named.len())
            && named.iter().all(is_name_word)
            && let Some(mention @ Mention::Person { .. }) = classify(named)
        {
            out.push(Introduction {
                at: named[0].start,
                mention,
                title: None,
                subject: true,
                verb: true,
            });
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    pub(super) fn intro(s: &str) -> Vec<(String, Option<String>, bool)> {
        introductions(&tokenize(s, 0))
            .into_iter()
            .filter_map(|i| match i.mention {
                Mention::Person { name, title, .. } => Some((name, i.title.or(title), i.subject)),
                Mention::Organisation(name) => Some((name, None, i.subject)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn intro_words_are_known_in_any_case_and_numbers_open_no_subject() {
        let words = tokenize("However MEANWHILE Asked 2024 Amira stressed", 0);
        let intro: Vec<bool> = words.iter().map(is_intro_word).collect();
        assert_eq!(intro, [true, true, true, true, false, false]);
    }

    #[test]
    fn subject_with_appositive_title() {
        let got = intro("In response, Ada Obi, deputy head of the bureau, stressed the need.");
        assert!(
            got.contains(&(
                "Ada Obi".into(),
                Some("deputy head of the bureau".into()),
                true
            )),
            "{got:?}"
        );
    }

    #[test]
    fn role_then_name() {
        let got = intro("The mayor of Springfield, Joe Quimby, defended the plan.");
        assert!(
            got.contains(&(
                "Joe Quimby".into(),
                Some("mayor of Springfield".into()),
                true
            )),
            "{got:?}"
        );
    }

    #[test]
    fn possessives_are_not_subjects() {
        let got = intro("Lee Chang's first term began in 2017.");
        assert!(got.iter().all(|(_, _, subject)| !subject), "{got:?}");
    }

    #[test]
    fn clause_after_a_quote_is_not_a_subject_with_the_verb_as_title() {
        let got = intro(", said Ivo Marr, head of the port authority.");
        assert!(
            got.iter().all(|(_, t, _)| t.as_deref() != Some("said")),
            "{got:?}"
        );
    }

    #[test]
    fn a_part_naming_no_one_does_not_end_the_search_for_the_subject() {
        let got = intro("Speaking in Dover, New Hampshire, Ida Brandt thanked the crowd.");
        assert!(got.contains(&("Ida Brandt".into(), None, true)), "{got:?}");
        let got = intro("Meanwhile Ada Obi, who won the prize, spoke about the river.");
        assert!(got.iter().any(|(n, _, s)| n == "Ada Obi" && *s), "{got:?}");
    }

    #[test]
    fn a_sentence_adverb_does_not_hide_the_subject() {
        let got = intro("Meanwhile Trade Minister Rosa Ibarra flew to Lima.");
        assert_eq!(
            got,
            vec![("Rosa Ibarra".into(), Some("Trade Minister".into()), true)]
        );
    }
}
