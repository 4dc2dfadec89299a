//! What a story's quote marks hold before anyone is named: each found quote with the
//! attribution written next to it (`"…," said Ann Lee`, `Lee said: "…"`, a verb of
//! saying that governs a quote running on from its sentence, the end of the paragraph
//! before), a quote split by its attribution joined into one (`"A," she said. "B."`),
//! an unclosed quote cut where its attribution starts, and scare quotes, titles and
//! fragments told from speech. Who each attribution names, read against the story's
//! cast, is [`super`]'s.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use crate::quotes::cues::{self, Attribution};
use crate::quotes::detect::{Found, Piece};
use crate::quotes::governing;
use crate::quotes::names::{Mention, classify, is_name_word};
use crate::quotes::paragraph::Paragraph;
use crate::quotes::story_words::StoryWords;
use crate::quotes::tokens::{Kind, Token, tokenize};

/// A quote being put together.
#[derive(Clone, Debug)]
pub(super) struct Draft<'a> {
    pub(super) pieces: Vec<Piece>,
    pub(super) text: String,
    pub(super) partial: bool,
    pub(super) attribution: Option<Attribution<'a>>,
    /// Who the attribution's subject names, classified once when it was found.
    pub(super) mention: Option<Mention>,
    /// The attribution came after the quote (so a following quote may continue it).
    after: bool,
    /// Where the attribution is read, as (paragraph, offset).
    pub(super) at: (usize, usize),
    /// The quote runs on from a sentence whose verb of saying governs it (`X says the
    /// plan is "…"`): speech, not a fragment, when it is long enough.
    pub(super) governed: bool,
}

impl Draft<'_> {
    pub(super) fn first(&self) -> Piece {
        self.pieces[0]
    }

    pub(super) fn last(&self) -> Piece {
        self.pieces[self.pieces.len() - 1]
    }
}

/// The words inside the pieces' marks, the pieces joined by a space (an empty one left
/// out), made in one string.
fn joined_inner(paras: &[Paragraph<'_>], pieces: &[Piece]) -> String {
    let inner = |p: &Piece| paras[p.paragraph].slice(p.inner_start, p.inner_end);
    let mut text = String::with_capacity(pieces.iter().map(|p| inner(p).len() + 1).sum());
    for part in pieces.iter().map(inner).filter(|s| !s.is_empty()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(part);
    }
    text
}

/// The number of words of `text` (white-space separated, with a letter or digit), or
/// `limit` when it has at least that many: a quote's words are read only as far as
/// the question needs.
fn words_up_to(text: &str, limit: usize) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(limit)
        .count()
}

/// A title of a work or a name ("The Long Night"): short, capitalised, no sentence.
fn is_title_case(text: &str) -> bool {
    if text.ends_with(['.', '!', '?', ',']) {
        return false;
    }
    // Nine words are enough to tell that there are more than eight.
    let words: Vec<&str> = text.split_whitespace().take(9).collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    words.iter().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || matches!(
                *w,
                "of" | "the" | "and" | "a" | "an" | "in" | "on" | "to" | "for" | "at" | "or"
            )
    })
}

/// The end of the text before byte `at` in the paragraph, skipping spaces.
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)
        .and_then(|head| head.trim_end().chars().next_back())
}

/// Cuts an unclosed quote where its attribution clearly starts (`"We lost it all, said
/// Ann Lee.` with the closing mark missing).
fn repair_unclosed(paras: &[Paragraph<'_>], piece: &mut Piece) {
    let para = &paras[piece.paragraph];
    let inside = para.slice(piece.inner_start, piece.inner_end).as_bytes();
    for k in memchr::memchr_iter(b',', inside) {
        let k = piece.inner_start + k;
        let tokens = tokenize(para.slice(k + 1, piece.inner_end), k + 1);
        let clear = match tokens.first() {
            Some(t) if cues::is_cue(t.text) => true,
            Some(_) => {
                tokens.iter().take(3).any(|t| cues::is_cue(t.text))
                    && !tokens.iter().take(3).any(|t| t.kind != Kind::Word)
            }
            None => false,
        };
        if !clear {
            continue;
        }
        let Some(a) = cues::after_quote(&tokens, false) else {
            continue;
        };
        if matches!(
            classify(&a.subject),
            Some(Mention::Person { .. } | Mention::Pronoun(_))
        ) {
            piece.inner_end = k + 1;
            piece.end = k + 1;
            return;
        }
    }
}

/// The tokens of stretches of prose, by (paragraph, first character, end): the words
/// around a quote are read for its attribution and again for who the prose introduces,
/// and are split into tokens once.
///
/// Keys are offsets of the story, not chosen by a page's words, so a fast fixed hash
/// serves.
pub(super) type Stretches<'a> = HashMap<(usize, usize, usize), Vec<Token<'a>>, FixedState>;

/// The tokens of characters `a..b` of paragraph `p`, split once.
fn stretch<'s, 'a>(
    paras: &[Paragraph<'a>],
    cache: &'s mut Stretches<'a>,
    p: usize,
    a: usize,
    b: usize,
) -> &'s [Token<'a>] {
    cache.entry((p, a, b)).or_insert_with(|| {
        crate::quotes::work::count(b.saturating_sub(a));
        tokenize(paras[p].slice(a, b), a)
    })
}

/// Builds the drafts of a story's found quotes, with their attributions; the tokens of
/// the prose around them are kept in `cache`.
pub(super) fn drafts<'a>(
    paras: &[Paragraph<'a>],
    found: Vec<Found>,
    cache: &mut Stretches<'a>,
    words: &StoryWords<'_, 'a>,
) -> Vec<Draft<'a>> {
    // A speaker read from a sentence's shape, not from a verb of saying next to the
    // quote, is no one when it is one word the story also writes in lower case ("Signs
    // of a shift were there all along: …").
    let plain = |found: Option<(Attribution<'a>, Option<Mention>)>| {
        found.filter(|(_, m)| {
            !matches!(m, Some(Mention::Person { name, .. })
                if !name.contains(' ') && words.written_lower(name))
        })
    };
    let mut found = found;
    for f in &mut found {
        if let [only] = f.pieces.as_mut_slice()
            && !only.closed
        {
            repair_unclosed(paras, only);
        }
    }
    // Where the quote before each one ends, as (paragraph, offset).
    let found_before: Vec<Option<(usize, usize)>> = std::iter::once(None)
        .chain(found.iter().map(|f| {
            let last = f.pieces[f.pieces.len() - 1];
            Some((last.paragraph, last.end))
        }))
        .collect();
    // Bounds of each quote within its first and last paragraphs, to cut clauses at.
    let mut out: Vec<Draft> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let first = f.pieces[0];
        let last = f.pieces[f.pieces.len() - 1];
        let text = joined_inner(paras, &f.pieces);
        let p_last = &paras[last.paragraph];
        let next_start = found
            .get(i + 1)
            .map(|n| n.pieces[0])
            .filter(|n| n.paragraph == last.paragraph)
            .map_or(p_last.len(), |n| n.start);
        let ended = last.closed && p_last.slice(0, last.inner_end).ends_with('.');
        let post = if last.end <= next_start {
            cues::after_quote(
                stretch(paras, cache, last.paragraph, last.end, next_start),
                ended,
            )
        } else {
            None // nothing between this quote and the next
        };
        let post = naming(post);
        let p_first = &paras[first.paragraph];
        let lower_start = text
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        // A quote running on from a word is part of its sentence, unless an attribution
        // comes before it; that attribution is looked for only when it can matter.
        let may_embed = lower_start
            && char_before(p_first.text, first.start).is_some_and(char::is_alphanumeric);
        let prev_end = i
            .checked_sub(1)
            .map(|k| found[k].pieces[found[k].pieces.len() - 1])
            .filter(|p| p.paragraph == first.paragraph)
            .map_or(0, |p| p.end);
        let pre = if (post.is_none() || may_embed) && prev_end <= first.start {
            naming(cues::before_quote(stretch(
                paras,
                cache,
                first.paragraph,
                prev_end,
                first.start,
            )))
        } else {
            None // not needed, or nothing between the previous quote and this one
        };
        let embedded = may_embed && pre.is_none();
        let mut spare = None;
        let (mut attribution, mut after, mut at) = match (post, pre) {
            (Some(a), _) if embedded => {
                spare = Some(a);
                (None, false, (last.paragraph, last.end))
            }
            (Some(a), _) => (Some(a), true, (last.paragraph, last.end)),
            (_, Some(a)) => (Some(a), false, (first.paragraph, first.start)),
            _ => (None, false, (last.paragraph, last.end)),
        };
        let mut governed = false;
        if attribution.is_none() && prev_end <= first.start {
            let before = stretch(paras, cache, first.paragraph, prev_end, first.start);
            let found = if embedded {
                naming(governing::governing(before))
                    .or_else(|| plain(naming(governing::sentence_speaker(before))))
            } else {
                naming(governing::governing(before))
                    .or_else(|| naming(governing::label(before)))
                    .or_else(|| plain(naming(governing::colon_subject(before))))
                    .or_else(|| plain(naming(governing::sentence_before(before))))
                    .or_else(|| plain(naming(governing::sentence_speaker(before))))
            };
            let same_sentence = prev_end > 0 && !before.iter().any(|t| t.kind == Kind::Stop);
            // A quote opening its paragraph, introduced at the end of the paragraph
            // before (`Lee continued:`, `Lee agreed.`).
            let found = found.or_else(|| {
                let opens = p_first.slice(0, first.start).trim().is_empty();
                (!embedded && opens && first.paragraph > 0)
                    .then(|| {
                        let p = first.paragraph - 1;
                        let from = found_before[i]
                            .filter(|&(q, _)| q == p)
                            .map_or(0, |(_, end)| end);
                        plain(introduced_before(stretch(
                            paras,
                            cache,
                            p,
                            from,
                            paras[p].len(),
                        )))
                    })
                    .flatten()
            });
            if let Some(a) = found {
                attribution = Some(a);
                at = (first.paragraph, first.start);
                governed = embedded;
            } else if embedded {
                // `X said that … "a" and "b"`: a second quote of the same sentence.
                if let Some(prev) = out
                    .last()
                    .filter(|p| same_sentence && p.last().paragraph == first.paragraph)
                    && let (Some(a), m) = (&prev.attribution, &prev.mention)
                {
                    attribution = Some((a.clone(), m.clone()));
                    at = (first.paragraph, first.start);
                    governed = true;
                } else if let Some(a) = spare {
                    // `… "a dead heat," as Lee said on Monday.`
                    attribution = Some(a);
                    after = true;
                    governed = true;
                }
            }
        }
        let (attribution, mention) = attribution.map_or((None, None), |(a, m)| (Some(a), m));
        out.push(Draft {
            pieces: f.pieces.clone(),
            text,
            partial: embedded,
            attribution,
            mention,
            after,
            at,
            governed,
        });
    }
    let mut out = merge_split(paras, out);
    // Scare quotes, titles and fragments are not speech, and are not attributed.
    for d in &mut out {
        let fragment = words_up_to(&d.text, 4) < 4 || is_title_case(&d.text);
        d.partial = (d.partial && !(d.governed && d.attribution.is_some())) || fragment;
        if d.partial {
            d.attribution = None;
            d.mention = None;
        }
    }
    out
}

/// The attribution that the end of a paragraph gives the quote opening the next one:
/// `Lee continued:`, `The ministry issued a statement, saying:`, or a short sentence
/// whose verb of saying has a named subject (`Lee agreed.`).
fn introduced_before<'a>(tail: &[Token<'a>]) -> Option<(Attribution<'a>, Option<Mention>)> {
    let last = tail.iter().rposition(|t| t.kind != Kind::Other)?;
    let tail = &tail[..=last];
    if tail[last].kind == Kind::Colon {
        return naming(cues::before_quote(tail))
            .or_else(|| naming(governing::label(tail)))
            .or_else(|| naming(governing::colon_subject(tail)));
    }
    let (a, m) = naming(governing::sentence_before(tail))?;
    // Only someone named: a pronoun or a role there is read with the quote before.
    matches!(m, Some(Mention::Person { .. })).then_some((a, m))
}

/// The attribution with who its subject names, kept when it names someone or its
/// appositive looks like a name.
fn naming(a: Option<Attribution<'_>>) -> Option<(Attribution<'_>, Option<Mention>)> {
    let a = a?;
    let mention = classify(&a.subject);
    (mention.is_some() || is_name_like(&a.appositive)).then_some((a, mention))
}

pub(super) fn is_name_like(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| is_name_word(w))
}

/// Joins the two pieces of a quote split by its attribution with a space.
///
/// When the attribution between them ends its sentence (`"A," she said. "B …"`) and the
/// second piece opens with a capital letter, the second piece is a new sentence: the
/// comma that ended the first piece before the attribution becomes a full stop
/// ("We know this will be hard. But …"). Otherwise (`"A," she said, "b …"`) the pieces
/// are one sentence and are joined as written.
fn join_pieces(first: &str, second: &str, ends_sentence: bool) -> String {
    let capital = second
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    match first.strip_suffix(',') {
        Some(head) if ends_sentence && capital => format!("{head}. {second}"),
        _ => format!("{first} {second}"),
    }
}

/// Joins a quote split by its attribution (`"A," she said. "B."`) into one.
fn merge_split<'a>(paras: &[Paragraph<'a>], drafts: Vec<Draft<'a>>) -> Vec<Draft<'a>> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(prev) = out.last_mut() {
            let (a, b) = (prev.last(), d.first());
            let joinable = prev.after
                && !prev.partial
                && !d.partial
                && a.paragraph == b.paragraph
                && d.attribution.as_ref().is_none_or(|_| !d.after);
            if joinable {
                let gap = tokenize(paras[a.paragraph].slice(a.end, b.start), a.end);
                let stop = gap.iter().position(|t| t.kind == Kind::Stop);
                let cues = gap.iter().filter(|t| cues::is_cue(t.text)).count();
                let only_attribution =
                    cues <= 1 && stop.is_none_or(|s| gap[s..].iter().all(|t| !t.is_word()));
                if only_attribution {
                    let ends_sentence = stop.is_some();
                    prev.pieces.extend(d.pieces);
                    prev.text = join_pieces(&prev.text, &d.text, ends_sentence);
                    continue;
                }
            }
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::attribute::tests::run;

    #[test]
    fn the_pieces_text_is_joined_as_a_list_of_strings_joins() {
        let texts = ["\"We rebuilt\"", "\"\"", "\"once, and again.\""];
        let paras: Vec<Paragraph<'_>> = texts.iter().map(|t| Paragraph::new(t)).collect();
        let pieces: Vec<Piece> = texts
            .iter()
            .enumerate()
            .map(|(paragraph, t)| Piece {
                paragraph,
                start: 0,
                end: t.len(),
                inner_start: 1,
                inner_end: t.len() - 1,
                closed: true,
            })
            .collect();
        let by_list = pieces
            .iter()
            .map(|p| {
                paras[p.paragraph]
                    .slice(p.inner_start, p.inner_end)
                    .to_string()
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined_inner(&paras, &pieces), by_list);
        assert_eq!(by_list, "We rebuilt once, and again.");
    }

    #[test]
    fn words_are_counted_up_to_the_limit() {
        assert_eq!(words_up_to("", 4), 0);
        assert_eq!(words_up_to("a plain - one", 4), 3);
        assert_eq!(words_up_to("  one — two … three four five", 4), 4);
        assert_eq!(words_up_to("one two three four five", 9), 5);
        assert_eq!(words_up_to("one two", 0), 0);
    }

    #[test]
    fn titles_are_short_capitalised_phrases() {
        assert!(is_title_case("The Long Night of the Harbour"));
        assert!(is_title_case("One Two Three Four Five Six Seven Eight"));
        assert!(!is_title_case(
            "One Two Three Four Five Six Seven Eight Nine"
        ));
        assert!(!is_title_case("The Long Night."));
        assert!(!is_title_case("The long night"));
        assert!(!is_title_case("   "));
    }

    #[test]
    fn split_quote_is_one_quote() {
        let q = run(&["\"We lost,\" she said. \"But we will be back next season.\""]);
        assert_eq!(q.len(), 1);
        assert_eq!(&*q[0].text, "We lost. But we will be back next season.");
        let q = run(&["\"When we lost,\" she said, \"we learned more than when we won.\""]);
        assert_eq!(
            &*q[0].text,
            "When we lost, we learned more than when we won."
        );
        let q = run(&["\"We lost\" she said. \"Next season, we will be back.\""]);
        assert_eq!(&*q[0].text, "We lost Next season, we will be back.");
        assert_eq!(q[0].spans.len(), 2);
        assert_eq!(q[0].cue.as_deref(), Some("said"));
    }

    #[test]
    fn two_attributed_quotes_stay_apart() {
        let q = run(&["\"We go now, all of us,\" she said. \"We stay here, all of us,\" he said."]);
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn scare_quotes_and_titles_are_partial() {
        let q = run(&[
            "The so-called \"peace dividend\" and the film \"Gone With The Wind\" and the plan called \"a betrayal of every voter in the land\".",
        ]);
        assert_eq!(q.len(), 3);
        assert!(q.iter().all(|q| q.partial && q.speaker.is_none()), "{q:?}");
    }

    #[test]
    fn unclosed_quote_with_attribution_inside_is_cut() {
        let q = run(&["\"We lost our home and our savings, said Ann Lee, a nurse."]);
        assert_eq!(&*q[0].text, "We lost our home and our savings,");
        assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
        assert_eq!(q[0].speaker_title.as_deref(), Some("nurse"));
    }
}
