//! The verb of saying that governs a quote set inside a sentence of reported speech, and
//! the subject of that verb: `Spokeswoman Ann Lee says the mayor has "always kept her
//! word"` is Ann Lee's; `Ben Ode, who chairs the board, wrote that the plan is "dead on
//! arrival"` is Ben Ode's; `The senator later withdrew, saying "…"` is the senator's.
//!
//! Also the sentence that introduces the quote after it (`Ann Lee agreed. "…"`) and the
//! bare speaker label of a transcript (`Lee: "…"`).
//!
//! Decides only which words name the speaker and which verb is the cue; who those words
//! are is [`names`](super::names)'s and [`cast`](super::cast)'s. It reads only the words
//! it is given, once from the verb back, so it costs no more than the sentence's length.

use std::sync::LazyLock;

use super::cues::{Attribution, BETWEEN_ANY, is_cue};
use super::names::{self, Mention, classify};
use super::prose;
use super::reporting::is_reporting;
use super::tokens::{Kind, Token};
use super::wordset::WordSet;

/// Words that may stand between a subject and its verb ("has even claimed", "later
/// said", "was quoted"): those any speaker may have before the verb, and more.
static BETWEEN: LazyLock<WordSet> = LazyLock::new(|| {
    let more: &[&str] = &[
        "has even claimed",
        "later
/// said",
        "was quoted",
        "could",
        "may",
        "might",
        "did",
        "does",
        "do",
        "even",
        "only",
        "now",
        "never",
        "already",
        "just",
        "still",
        "first",
        "publicly",
        "privately",
        "reportedly",
        "openly",
        "explicitly",
        "specifically",
        "initially",
        "subsequently",
        "emphatically",
        "frequently",
        "famously",
        "memorably",
        "twice",
        "not",
        "always",
        "since",
        "long",
        "herself",
        "himself",
        "themselves",
        "itself",
    ];
    BETWEEN_ANY.iter().chain(more).copied().collect()
});

/// Whether a word may stand between a subject and its verb: an auxiliary, or an adverb
/// in -ly ("Lee gingerly said").
fn is_between(t: &Token) -> bool {
    t.is_word()
        && (BETWEEN.contains_lowered(t.text)
            || (!t.is_capitalised()
                && t.text.len() > 4
                && t.lower().ends_with("ly")
                && !matches!(
                    t.lower().as_str(),
                    "family" | "assembly" | "supply" | "monopoly" | "rally" | "ally" | "italy"
                )))
}

/// Forms of "be": a verb after one is passive ("was called \"…\" by"), its subject not
/// the speaker.
fn is_be(word: &str) -> bool {
    matches!(
        word,
        "be" | "been" | "being" | "was" | "were" | "is" | "are" | "am" | "'s" | "get" | "got"
    )
}

fn is_participle(word: &str) -> bool {
    word.ends_with("ing")
}

/// The clause of `tokens` after its last full stop.
fn last_sentence<'t, 'a>(tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let start = tokens
        .iter()
        .rposition(|t| t.kind == Kind::Stop)
        .map_or(0, |k| k + 1);
    &tokens[start..]
}

/// Whether a word can be part of a noun phrase naming a speaker, read backwards from
/// its verb: a capitalised word, a possessive, a role, a connector inside a title.
fn in_np(t: &Token) -> bool {
    if !t.is_word() {
        return false;
    }
    let l = t.lower();
    t.is_capitalised()
        || names::is_role_noun(t.text)
        || names::is_modifier(t.text)
        || names::is_particle(l)
        || names::is_prefixed_name(t.text)
        || names::is_possessive(t.text)
        || matches!(l.as_str(), "of" | "for")
}

/// Words opening a noun phrase: read back to one of these, it is part of the phrase and
/// the phrase ends there.
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "his" | "her" | "their" | "its" | "a" | "an" | "our" | "my" | "your"
    )
}

/// The noun phrase that ends right before `end` (exclusive), read backwards.
fn np_before<'t, 'a>(clause: &'t [Token<'a>], end: usize) -> &'t [Token<'a>] {
    if end == 0 {
        return &[];
    }
    let last = &clause[end - 1];
    if last.is_word()
        && matches!(
            last.lower().as_str(),
            "he" | "she" | "they" | "we" | "i" | "it"
        )
    {
        return &clause[end - 1..end];
    }
    let mut start = end;
    while start > 0 {
        let t = &clause[start - 1];
        if t.is_word() && is_determiner(t.lower()) {
            start -= 1;
            break;
        }
        if !in_np(t) {
            break;
        }
        start -= 1;
    }
    // Never open on a connector ("of", "for") or a word that opens a clause.
    while start < end
        && (matches!(clause[start].lower().as_str(), "of" | "for")
            || names::is_leading_junk(clause[start].text))
    {
        start += 1;
    }
    // The phrase ends on a noun, not a connector.
    let mut stop = end;
    while stop > start && matches!(clause[stop - 1].lower().as_str(), "of" | "for" | "the") {
        stop -= 1;
    }
    &clause[start..stop]
}

/// Whether the words name someone who can speak: a person, a pronoun, an organisation,
/// or a role held by a person ("the candidate").
fn speaker_like(np: &[Token]) -> Option<Mention> {
    // "Ann and Ben": two people, neither the speaker alone.
    if np.iter().any(|t| t.lower() == "and") {
        return None;
    }
    let m = classify(np)?;
    match &m {
        Mention::Role { head, .. } if !names::is_role_noun(head) => None,
        Mention::Anonymous(_) => Some(m),
        _ => Some(m),
    }
}

/// The subject of the sentence `clause`: the first noun phrase of its first part that
/// does not open with an introductory word ("In October, Ann Lee …" → Ann Lee).
fn sentence_subject<'t, 'a>(clause: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let mut from = 0;
    for seg in clause.split(|t| t.kind == Kind::Comma) {
        let opens = seg
            .first()
            .is_some_and(|t| t.is_word() && !prose::is_intro_word(t));
        if opens {
            let np = prose::subject_np(seg);
            return &clause[from..from + np.len()];
        }
        from += seg.len() + 1;
        if from >= clause.len() {
            break;
        }
    }
    &[]
}

/// The attribution of a quote set inside a sentence, read from `tokens`, the words of
/// its sentence before the quote (earlier sentences may come first: only the last is
/// read). The nearest verb of saying before the quote governs it; its subject is the
/// noun phrase right before it, or past an appositive (`Ann Lee, who …, said`), or the
/// sentence's subject when the verb has none of its own (`…, saying`, `but said`).
pub fn governing<'a>(tokens: &[Token<'a>]) -> Option<Attribution<'a>> {
    let clause = last_sentence(tokens);
    // Read back from the quote; a long sentence is read over its last 60 tokens.
    let from = clause.len().saturating_sub(60);
    for v in (from..clause.len()).rev() {
        let t = &clause[v];
        // A verb inside a sentence is in lower case ("Islamic State" is no verb).
        if !t.is_word() || t.is_capitalised() {
            continue;
        }
        let l = t.lower().as_str();
        // "shot back", "fired back": the verb is the word before.
        let (v, l) = if l == "back"
            && v > 0
            && matches!(clause[v - 1].lower().as_str(), "shot" | "fired" | "hit")
        {
            (v - 1, "shot back")
        } else if is_reporting(l) && !matches!(l, "state" | "states") {
            (v, l)
        } else {
            continue;
        };
        if passive_or_infinitive(clause, v) || is_noun_here(clause, v) {
            continue;
        }
        return read_subject(clause, v).map(|subject| Attribution {
            cue: l.to_string(),
            subject: trim_front(subject).to_vec(),
            appositive: Vec::new(),
        });
    }
    None
}

/// Whether the verb at `v` is passive or progressive ("was called", "was referring") or
/// an infinitive ("to say"): its subject, if any, is read from an earlier verb.
fn passive_or_infinitive(clause: &[Token], v: usize) -> bool {
    let mut k = v;
    while k > 0 && is_between(&clause[k - 1]) {
        k -= 1;
    }
    // "is pledging", "was telling": progressive, the verb has its subject.
    let progressive = is_participle(clause[v].lower());
    k > 0
        && clause[k - 1].is_word()
        && ((is_be(clause[k - 1].lower()) && !progressive) || clause[k - 1].lower() == "to")
}

/// Whether the word at `v` is a noun here ("Lee's remarks", "the report", "a call"):
/// after a possessive, an article or a possessive pronoun.
fn is_noun_here(clause: &[Token], v: usize) -> bool {
    v > 0 && clause[v - 1].is_word() && {
        let before = &clause[v - 1];
        names::is_possessive(before.text)
            || matches!(
                before.lower().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
            )
    }
}

/// The subject of the verb of saying at `v` in `clause`.
fn read_subject<'t, 'a>(clause: &'t [Token<'a>], v: usize) -> Option<&'t [Token<'a>]> {
    // The adverbs and auxiliaries between the verb and its subject.
    let mut k = v;
    while k > 0 && is_between(&clause[k - 1]) {
        k -= 1;
    }
    if k > 0
        && clause[k - 1].is_word()
        && is_be(clause[k - 1].lower())
        && !is_participle(clause[v].lower())
    {
        return None; // passive: "was called \"…\" by"
    }
    // "to say", "refused to comment": not a finite verb with a subject of its own.
    if k > 0 && clause[k - 1].lower() == "to" {
        return None;
    }
    let speaks = |np: &'t [Token<'a>]| (!np.is_empty() && speaker_like(np).is_some()).then_some(np);
    if is_participle(clause[v].lower()) {
        // "Lee said, adding …": the subject of the verb before; else the sentence's.
        let earlier = (0..v).rev().find(|&j| {
            clause[j].is_word()
                && !clause[j].is_capitalised()
                && is_cue(clause[j].text)
                && !is_participle(clause[j].lower())
        });
        if let Some(j) = earlier
            && let Some(np) = read_subject(clause, j)
        {
            return Some(np);
        }
        return speaks(sentence_subject(&clause[..v]));
    }
    if k == 0 {
        return None;
    }
    let before = &clause[k - 1];
    if before.kind == Kind::Comma {
        // "Ann Lee, who chairs the board, wrote": the sentence's subject, else the
        // phrase before the appositive.
        let c = clause[..k - 1]
            .iter()
            .rposition(|t| t.kind == Kind::Comma)?;
        let named = np_before(clause, c);
        // "…, while Ann Lee, a nurse, said": a full name opening its clause.
        let opens_clause = named.first().is_none_or(|t| {
            clause[..c]
                .iter()
                .rposition(|x| x.start == t.start)
                .and_then(|j| j.checked_sub(1))
                .is_none_or(|j| {
                    clause[j].kind == Kind::Comma || names::is_leading_junk(clause[j].text)
                })
        });
        let full_name = opens_clause
            && matches!(speaker_like(named), Some(Mention::Person { name, .. }) if name.contains(' '));
        if full_name {
            return Some(named);
        }
        return speaks(sentence_subject(&clause[..v])).or_else(|| speaks(named));
    }
    if before.is_word() && matches!(before.lower().as_str(), "and" | "but" | "or" | "yet") {
        // "… but later said": the sentence's subject.
        return speaks(sentence_subject(&clause[..v]));
    }
    let np = np_before(clause, k);
    let opened = np.first().map(|t| {
        clause[..k]
            .iter()
            .rposition(|x| x.start == t.start)
            .unwrap_or(0)
    });
    // A phrase after a preposition ("director for the Party said") or a comma ("Ann
    // Lee of Dover, Ohio says") may be no subject: the sentence's is read first then.
    let after_link = opened.is_some_and(|j| {
        j > 0
            && (clause[j - 1].kind == Kind::Comma
                || clause[j - 1].is_word()
                    && matches!(
                        clause[j - 1].lower().as_str(),
                        "for" | "of" | "at" | "in" | "from" | "with" | "by" | "on" | "to"
                    ))
    });
    if after_link && opened.is_some_and(|j| clause[j - 1].kind != Kind::Comma) {
        return speaks(sentence_subject(&clause[..v]));
    }
    speaks(np).or_else(|| {
        after_link
            .then(|| speaks(sentence_subject(&clause[..v])))
            .flatten()
    })
}

/// The subject without the words in front of it that are no part of a name or title
/// ("Both", "until", "Here's"), so that none is taken for a title.
fn trim_front<'t, 'a>(mut np: &'t [Token<'a>]) -> &'t [Token<'a>] {
    while np.len() > 1 {
        let t = &np[0];
        let l = t.lower().as_str();
        let function = names::is_leading_junk(t.text)
            || (names::is_not_name(t.text) && !is_determiner(l))
            || (names::is_possessive(t.text)
                && matches!(
                    l.trim_end_matches(['s', '\'', '’']),
                    "here" | "that" | "it" | "there" | "what" | "who"
                ))
            || (!t.is_capitalised()
                && !is_determiner(l)
                && !names::is_role_noun(t.text)
                && !names::is_modifier(t.text)
                && !names::is_particle(t.lower()));
        if !function {
            break;
        }
        np = &np[1..];
    }
    np
}

/// The subject of the sentence a quote is set in, as its speaker when no verb of saying
/// governs the quote but the sentence is that person's (`He voiced a wish for a "…"`,
/// `Ann Lee went on to say, "…"`): a person, a pronoun or an organisation opening the
/// sentence, followed by its verb.
pub fn sentence_speaker<'a>(tokens: &[Token<'a>]) -> Option<Attribution<'a>> {
    let clause = last_sentence(tokens);
    let full = sentence_subject(clause);
    let first = full.first()?;
    let at = clause.iter().position(|t| std::ptr::eq(t, first))?;
    let end = at + full.len();
    if !prose::verb_at(clause, end) {
        return None;
    }
    let np = trim_front(full);
    match speaker_like(np)? {
        Mention::Person { .. } | Mention::Organisation(_) => {}
        Mention::Pronoun(p) if matches!(p.as_str(), "he" | "she" | "they") => {}
        _ => return None,
    }
    let verb = clause[end..]
        .iter()
        .find(|t| t.is_word() && !(t.text.len() > 4 && t.lower().ends_with("ly")))?;
    Some(Attribution {
        cue: verb.lower().as_str().to_string(),
        subject: np.to_vec(),
        appositive: Vec::new(),
    })
}

/// The attribution in the sentence right before a quote that opens its own sentence:
/// `Ann Lee agreed.` or `Ann Lee told the council on Monday.` then `"…"`. Only a short
/// sentence whose verb of saying has a named subject and ends the sentence, or is
/// followed only by its object and circumstances, introduces the quote.
pub fn sentence_before<'a>(tokens: &[Token<'a>]) -> Option<Attribution<'a>> {
    let end = tokens.iter().rposition(|t| t.kind == Kind::Stop)?;
    if tokens[end + 1..].iter().any(Token::is_word) {
        return None;
    }
    let sentence = last_sentence(&tokens[..end]);
    if sentence.len() > 16 {
        return None;
    }
    let v = sentence
        .iter()
        .rposition(|t| t.is_word() && is_reporting(t.text) && !is_participle(t.lower()))?;
    // Nothing but an object and circumstances after the verb: no clause of its own.
    if sentence[v + 1..]
        .iter()
        .any(|t| t.is_word() && matches!(t.lower().as_str(), "that" | "he" | "she" | "it"))
    {
        return None;
    }
    let a = governing(&sentence[..=v])?;
    // The verb read must be this one.
    (a.cue == sentence[v].lower().as_str()).then_some(a)
}

/// The subject of a sentence that introduces a quote with a colon: `Ann Lee then turned
/// to the crowd: "…"`. A person, a pronoun or an organisation; not a thing ("The sign
/// read: …").
pub fn colon_subject<'a>(tokens: &[Token<'a>]) -> Option<Attribution<'a>> {
    let (last, body) = tokens.split_last()?;
    if last.kind != Kind::Colon {
        return None;
    }
    let clause = last_sentence(body);
    let subject = trim_front(sentence_subject(clause));
    let mention = speaker_like(subject)?;
    if matches!(mention, Mention::Anonymous(_) | Mention::Role { .. }) {
        return None;
    }
    Some(Attribution {
        cue: ":".to_string(),
        subject: subject.to_vec(),
        appositive: Vec::new(),
    })
}

/// A speaker's label before a quote, as a transcript writes it: `Lee: "…"` (the words
/// before the colon, after the previous sentence, are a name and nothing else).
pub fn label<'a>(tokens: &[Token<'a>]) -> Option<Attribution<'a>> {
    let (last, body) = tokens.split_last()?;
    if last.kind != Kind::Colon {
        return None;
    }
    let clause = last_sentence(body);
    // "Turnout rose - Ann Lee:": a name after a dash labels what follows.
    let clause = match clause.iter().rposition(|t| t.kind == Kind::Dash) {
        Some(d) => &clause[d + 1..],
        None => clause,
    };
    let words = clause.iter().filter(|t| t.is_word()).count();
    if !(1..=4).contains(&words) || clause.iter().any(|t| !t.is_word()) {
        return None;
    }
    if !clause
        .iter()
        .all(|t| names::is_name_word(t) || names::is_honorific(t.text))
    {
        return None;
    }
    matches!(classify(clause), Some(Mention::Person { .. })).then(|| Attribution {
        cue: ":".to_string(),
        subject: clause.to_vec(),
        appositive: Vec::new(),
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

    fn gov(s: &str) -> Option<(String, String)> {
        governing(&tokenize(s, 0)).map(|a| (a.cue, words(&a.subject)))
    }

    fn some(cue: &str, who: &str) -> Option<(String, String)> {
        Some((cue.into(), who.into()))
    }

    #[test]
    fn subject_right_before_the_verb() {
        assert_eq!(
            gov("Press secretary Lina Holt says the mayor has "),
            some("says", "Press secretary Lina Holt")
        );
        assert_eq!(
            gov("Rain fell all day. Okoro has even claimed he will build a "),
            some("claimed", "Okoro")
        );
        assert_eq!(
            gov("In March, Okoro called the proposal "),
            some("called", "Okoro")
        );
        assert_eq!(gov("He said farmers "), some("said", "He"));
        assert_eq!(
            gov("It is a warning, Okoro said, that "),
            some("said", "Okoro")
        );
        assert_eq!(
            gov("Asked about it, Okoro gingerly said that was "),
            some("said", "Okoro")
        );
        assert_eq!(
            gov("The vote came after TV host Dana Pike described it as "),
            some("described", "TV host Dana Pike")
        );
    }

    #[test]
    fn nouns_that_look_like_verbs_are_passed_over() {
        assert_eq!(
            gov("Council leader Dana Pike told the paper Monday that Okoro's remarks "),
            some("told", "Council leader Dana Pike")
        );
        assert_eq!(
            gov("Ben Ode, back from his trip to Lyon, is promising to "),
            some("promising", "Ben Ode")
        );
    }

    #[test]
    fn subject_past_an_appositive() {
        assert_eq!(
            gov("Vance, who farms near the river, told the paper that the levee was "),
            some("told", "Vance")
        );
    }

    #[test]
    fn participles_and_bare_verbs_take_the_sentence_subject() {
        assert_eq!(
            gov("After the storm, Mayor Tia Berg visited the shelter, saying "),
            some("saying", "Mayor Tia Berg")
        );
        assert_eq!(
            gov("Tia Berg once backed the levy, but now said the town had "),
            some("said", "Tia Berg")
        );
    }

    #[test]
    fn passives_infinitives_and_non_speakers_give_nothing() {
        assert_eq!(gov("The bill was called "), None);
        assert_eq!(gov("She declined to say whether it was "), None);
        assert_eq!(gov("The plan called for "), None);
        assert_eq!(gov("A lovely day with "), None);
    }

    #[test]
    fn the_sentence_s_subject_speaks_a_quote_no_verb_of_saying_governs() {
        let speaker = |s: &str| sentence_speaker(&tokenize(s, 0)).map(|a| words(&a.subject));
        assert_eq!(
            speaker("Rain fell. He voiced a wish for a "),
            Some("He".into())
        );
        assert_eq!(
            speaker("Mayor Ida Brandt went on to say, "),
            Some("Mayor Ida Brandt".into())
        );
        // A thing as subject, or no verb after the subject, names no speaker.
        assert_eq!(speaker("The promise to "), None);
        assert_eq!(speaker("It was the plan of a "), None);
        assert_eq!(speaker("In the Brandt era, "), None);
    }

    #[test]
    fn the_sentence_before_a_quote() {
        let before = |s: &str| sentence_before(&tokenize(s, 0)).map(|a| words(&a.subject));
        assert_eq!(
            before("Council spokeswoman Dana Pike agreed. "),
            Some("Council spokeswoman Dana Pike".into())
        );
        assert_eq!(
            before("Okoro told the council on Monday. "),
            Some("Okoro".into())
        );
        assert_eq!(before("Okoro said that it rained. "), None);
        assert_eq!(before("The rain stopped. "), None);
    }

    #[test]
    fn a_colon_introduces_the_sentence_subject() {
        let colon = |s: &str| colon_subject(&tokenize(s, 0)).map(|a| words(&a.subject));
        assert_eq!(
            colon("Rain fell. Okoro then turned to the crowd: "),
            Some("Okoro".into())
        );
        assert_eq!(colon("Later, she put it plainly: "), Some("she".into()));
        assert_eq!(colon("The sign read: "), None);
        assert_eq!(colon("Okoro turned to the crowd. "), None);
    }

    #[test]
    fn transcript_labels() {
        let label = |s: &str| label(&tokenize(s, 0)).map(|a| words(&a.subject));
        assert_eq!(label("Okoro: "), Some("Okoro".into()));
        assert_eq!(label("He went on. Dana Pike: "), Some("Dana Pike".into()));
        assert_eq!(
            label("TURNOUT ROSE IN THE NORTH - Dana Pike: "),
            Some("Dana Pike".into())
        );
        assert_eq!(label("The plan: "), None);
        assert_eq!(label("Here is what she wrote: "), None);
    }
}
