//! Turning found quote spans into [`Quote`]s: joining a quote split by its attribution,
//! telling speech from scare quotes, and attributing each quote to its speaker by reading
//! the story in order with its [`Cast`].

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::cast::{Cast, Resolved, looks_plural};
use super::cues::{self, Attribution};
use super::detect::{self, Found, Piece};
use super::governing;
use super::names::{Mention, classify, is_name_word, looks_like_title, title_text};
use super::paragraph::Paragraph;
use super::prose;
use super::story_words::StoryWords;
use super::tokens::{Kind, Token, tokenize, tokenize_into};
use crate::model::{Names, Quote, QuoteSpan, Timestamp, offset};

/// A quote being put together.
#[derive(Clone, Debug)]
struct Draft<'a> {
    pieces: Vec<Piece>,
    text: String,
    partial: bool,
    attribution: Option<Attribution<'a>>,
    /// Who the attribution's subject names, classified once when it was found.
    mention: Option<Mention>,
    /// The attribution came after the quote (so a following quote may continue it).
    after: bool,
    /// Where the attribution is read, as (paragraph, offset).
    at: (usize, usize),
    /// The quote runs on from a sentence whose verb of saying governs it (`X says the
    /// plan is "…"`): speech, not a fragment, when it is long enough.
    governed: bool,
}

impl Draft<'_> {
    fn first(&self) -> Piece {
        self.pieces[0]
    }

    fn last(&self) -> Piece {
        self.pieces[self.pieces.len() - 1]
    }
}

fn inner(paras: &[Paragraph<'_>], p: &Piece) -> String {
    paras[p.paragraph]
        .slice(p.inner_start, p.inner_end)
        .to_string()
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
type Stretches<'a> = HashMap<(usize, usize, usize), Vec<Token<'a>>, FixedState>;

/// The tokens of characters `a..b` of paragraph `p`, split once.
fn stretch<'s, 'a>(
    paras: &[Paragraph<'a>],
    cache: &'s mut Stretches<'a>,
    p: usize,
    a: usize,
    b: usize,
) -> &'s [Token<'a>] {
    cache.entry((p, a, b)).or_insert_with(|| {
        super::work::count(b.saturating_sub(a));
        tokenize(paras[p].slice(a, b), a)
    })
}

/// Builds the drafts of a story's found quotes, with their attributions; the tokens of
/// the prose around them are kept in `cache`.
fn drafts<'a>(
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
        let text = f
            .pieces
            .iter()
            .map(|p| inner(paras, p))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
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

fn is_name_like(tokens: &[Token]) -> bool {
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

/// True when the paragraph holds nothing but quotes: no letter or digit outside them.
fn only_quotes(text: &str, pieces: &[Piece]) -> bool {
    let mut spans: Vec<(usize, usize)> = pieces.iter().map(|p| (p.start, p.end)).collect();
    spans.sort_unstable();
    let mut from = 0;
    let bare = |a: usize, b: usize| {
        text.get(a..b.min(text.len()))
            .is_none_or(|gap| !gap.chars().any(char::is_alphanumeric))
    };
    for (a, b) in spans {
        if a > from && !bare(from, a) {
            return false;
        }
        from = from.max(b);
    }
    from >= text.len() || bare(from, text.len())
}

/// Resolves an attribution's mention (who its subject names), with its appositive,
/// against the cast.
fn resolve(cast: &mut Cast, a: &Attribution<'_>, mention: Option<&Mention>) -> (Resolved, String) {
    let words = |ts: &[Token]| {
        ts.iter()
            .filter(|t| t.is_word())
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // "Unite's regional officer, Paul Grant, said": the name is in the appositive.
    if is_name_like(&a.appositive)
        && !matches!(mention, Some(Mention::Person { name, .. }) if name.contains(' '))
        && let Some(Mention::Person { name, gender, .. }) = classify(&a.appositive)
    {
        let person = Mention::Person {
            name,
            title: None,
            gender,
        };
        return (
            cast.resolve(&person, title_text(&a.subject)),
            words(&a.appositive),
        );
    }
    let title = looks_like_title(&a.appositive)
        .then(|| title_text(&a.appositive))
        .flatten();
    let text = words(&a.subject);
    match mention {
        Some(m) => (cast.resolve(m, title), text),
        None => (Resolved::default(), text),
    }
}

/// Finds, joins and attributes the quotes of a story.
pub fn quotes(paras: &[Paragraph<'_>], time: Option<Timestamp>) -> Vec<Quote> {
    quotes_named(paras, time, &mut Names::default())
}

/// [`quotes`], with the speakers, titles, mentions and cues taken from `names`, so that
/// the equal ones of the story share one allocation.
pub fn quotes_named(
    paras: &[Paragraph<'_>],
    time: Option<Timestamp>,
    names: &mut Names,
) -> Vec<Quote> {
    let found = detect::find(paras);
    if found.is_empty() {
        return Vec::new();
    }
    let mut cache = Stretches::default();
    let words = StoryWords::new(paras);
    let drafts = drafts(paras, found, &mut cache, &words);
    // Prose matters only for who it introduces before an attribution is resolved: an
    // introduction at or after the last attributed quote's reading point can change no
    // speaker, so the prose from there on is not read at all.
    let last_attribution = drafts
        .iter()
        .filter(|d| d.attribution.is_some())
        .map(|d| d.at)
        .max();
    // Prose introductions, paragraph by paragraph, outside the quotes, and where each
    // introduction and each quote's attribution is read.
    let mut introductions: Vec<prose::Introduction> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut by_paragraph: Vec<Vec<Piece>> = vec![Vec::new(); paras.len()];
    for pc in drafts.iter().flat_map(|d| d.pieces.iter().copied()) {
        if let Some(list) = by_paragraph.get_mut(pc.paragraph) {
            list.push(pc);
        }
    }
    let standalone: Vec<bool> = paras
        .iter()
        .zip(&by_paragraph)
        .map(|(c, pieces)| !pieces.is_empty() && only_quotes(c.text, pieces))
        .collect();
    let read_until = last_attribution.unwrap_or((0, 0));
    // Lists kept across paragraphs and stretches.
    let mut stretches = Vec::new();
    let mut prose_tokens = Vec::new();
    for (p, c) in paras.iter().enumerate().take(read_until.0 + 1) {
        let pieces = &by_paragraph[p];
        let mut from = 0;
        stretches.clear();
        for pc in pieces {
            if pc.start > from {
                stretches.push((from, pc.start));
            }
            from = from.max(pc.end);
        }
        if from < c.len() {
            stretches.push((from, c.len()));
        }
        for &(a, b) in &stretches {
            if (p, a) >= read_until {
                break;
            }
            let tokens = match cache.get(&(p, a, b)) {
                Some(cached) => cached.as_slice(),
                None => {
                    super::work::count(b - a);
                    prose_tokens.clear();
                    tokenize_into(c.slice(a, b), a, &mut prose_tokens);
                    &prose_tokens
                }
            };
            let before = introductions.len();
            prose::introductions_into(tokens, &mut introductions);
            for (index, intro) in introductions.iter().enumerate().skip(before) {
                events.push(Event {
                    at: (p, intro.at),
                    prose: true,
                    index,
                });
            }
        }
    }
    for (index, d) in drafts.iter().enumerate() {
        events.push(Event {
            at: d.at,
            prose: false,
            index,
        });
    }
    // No two events are equal, so sorting keeps the introductions (and the quotes) at
    // one point in the order they were found.
    events.sort_unstable();
    let mut cast = Cast::new();
    let mut resolved: Vec<Option<(Resolved, String, String)>> = vec![None; drafts.len()];
    for event in events {
        cast.at_paragraph(event.at.0);
        if event.prose {
            let intro = &mut introductions[event.index];
            // The person named at the end of a phrase of title words ("Harbour Democrat
            // Ann Lee"), read again without them.
            let mut renamed = None;
            if let Mention::Person { name, title, .. } = &intro.mention {
                if name.contains(' ') {
                    // "Child Left Behind", "Common Core": words the story writes in lower
                    // case, with no given name, make no one's name.
                    match words.name_in(name) {
                        None => continue,
                        Some(person) if person.len() < name.len() => {
                            renamed = classify(&tokenize(person, 0))
                                .filter(|m| matches!(m, Mention::Person { .. }));
                        }
                        Some(_) => {}
                    }
                } else if intro.subject
                    && intro.verb
                    && title.is_none()
                    && !cast.knows(name)
                    && !looks_plural(name)
                    && name.chars().count() > 2
                    && !name.contains(['.', '\'', '’'])
                    && !words.written_lower(name)
                {
                    cast.introduce_alone(name);
                    continue;
                }
            }
            if let Some(person) = renamed {
                intro.mention = person;
            }
            cast.mention(&intro.mention, intro.title.take(), intro.subject);
        } else if let Some(a) = &drafts[event.index].attribution {
            let d = &drafts[event.index];
            // A mixed quote's lone capitalised word ("Commuters called it \"…\"") is a
            // speaker only when the story has introduced someone by it.
            let lone = |m: &Mention| {
                matches!(m, Mention::Person { name, .. }
                    if !name.contains(' ') && looks_plural(name) && !cast.knows(name))
            };
            if d.governed && d.mention.as_ref().is_some_and(lone) {
                continue;
            }
            let (r, mention) = resolve(&mut cast, a, d.mention.as_ref());
            resolved[event.index] = Some((r, mention, a.cue.clone()));
        }
    }
    let mut out: Vec<Quote> = Vec::with_capacity(drafts.len());
    for (k, d) in drafts.iter().enumerate() {
        let first = d.first();
        let last = d.last();
        let (mut speaker, mut title, mut mention, mut cue) = (None, None, None, None);
        if let Some((r, m, c)) = resolved[k].take() {
            speaker = r.speaker.map(|s| names.get(&s));
            title = r.title.map(|s| names.get(&s));
            mention = Some(names.get(&m));
            cue = Some(names.get(&c));
        } else if !d.partial
            && let Some(prev) = out.iter().rev().find(|q| !q.partial).filter(|q| {
                q.paragraph == offset(first.paragraph) && q.speaker.is_some() && q.cue.is_some()
            })
        {
            // A quote with no attribution of its own after an attributed one in the same
            // paragraph (`"A," Lee said. "B."`) goes on with the same speaker.
            speaker.clone_from(&prev.speaker);
            title.clone_from(&prev.speaker_title);
        } else if !d.partial
            && let Some(j) = continues_previous(&standalone, &drafts, k)
        {
            // A paragraph of nothing but a quote, after a quote with a speaker (given
            // by its attribution, or itself going on from the one before), goes on
            // with the same speaker.
            speaker.clone_from(&out[j].speaker);
            title.clone_from(&out[j].speaker_title);
        }
        // A mixed quote whose speaker is not known stays a fragment of the sentence.
        let partial = d.partial || (d.governed && speaker.is_none());
        out.push(Quote {
            text: d.text.as_str().into(),
            speaker,
            speaker_title: title,
            speaker_mention: mention,
            cue,
            partial,
            paragraph: offset(first.paragraph),
            start: offset(paras[first.paragraph].char_offset(first.start)),
            end: offset(paras[last.paragraph].char_offset(last.end)),
            timestamp: time,
            spans: d
                .pieces
                .iter()
                .map(|p| QuoteSpan {
                    paragraph: offset(p.paragraph),
                    start: offset(paras[p.paragraph].char_offset(p.start)),
                    end: offset(paras[p.paragraph].char_offset(p.end)),
                })
                .collect(),
        });
    }
    out
}

/// The quote that draft `k` goes on from: it stands alone in its paragraph (or opens it)
/// right after a paragraph whose last spoken quote is that one (`standalone` tells which
/// paragraphs hold only quotes).
fn continues_previous(standalone: &[bool], drafts: &[Draft], k: usize) -> Option<usize> {
    let first = drafts[k].first();
    let p = first.paragraph;
    // The quote stands alone, or opens its paragraph with no attribution of its own.
    if p == 0 || !(standalone.get(p).copied().unwrap_or(false) || first.start == 0) {
        return None;
    }
    // The nearest earlier spoken quote: drafts are in reading order, so this looks back
    // only over the quotes of the previous paragraph (and partial ones in between).
    (0..k)
        .rev()
        .take_while(|&j| drafts[j].last().paragraph + 1 >= p)
        .find(|&j| !drafts[j].partial)
        .filter(|&j| drafts[j].last().paragraph + 1 == p)
}

/// Something read at one point of the story: a prose introduction or a quote's
/// attribution. Events sort in reading order, a quote before an introduction at the
/// same point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Event {
    /// Where it is read, as (paragraph, offset).
    at: (usize, usize),
    /// Whether it is a prose introduction (else a quote).
    prose: bool,
    /// The introduction's or the quote's index in its list.
    index: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paras: &[&str]) -> Vec<Quote> {
        let read: Vec<Paragraph<'_>> = paras.iter().map(|p| Paragraph::new(p)).collect();
        quotes(&read, None)
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

    #[test]
    fn standalone_paragraph_continues_the_speaker() {
        let q = run(&[
            "\"We rebuilt once and we will rebuild again,\" said Mayor Ed Cole.",
            "\"Nobody here is giving up on this town.\"",
            "\"Every street will be open again by the spring.\"",
            "The river fell by a metre overnight, and the rain stopped.",
            "\"Quote with no attribution at all follows here.\"",
        ]);
        assert_eq!(q[1].speaker.as_deref(), Some("Ed Cole"));
        // A chain of quote paragraphs goes on with the speaker of its first.
        assert_eq!(q[2].speaker.as_deref(), Some("Ed Cole"));
        // Prose in between ends the chain.
        assert_eq!(q[3].speaker, None);
    }

    #[test]
    fn the_paragraph_before_introduces_a_quote_opening_the_next() {
        let q = run(&[
            "Mayor Ida Brandt spoke after the vote. Brandt continued:",
            "\"Nobody in this town will be left without a roof this winter.\"",
            "Council leader Piet Roos agreed with the plan.",
            "\"We have the money and we have the builders ready to start.\"",
            "The rain kept falling on the square all afternoon.",
            "\"Some of us still have no idea when the water will go down.\"",
        ]);
        assert_eq!(q.len(), 3, "{q:#?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Ida Brandt"));
        assert_eq!(q[1].speaker.as_deref(), Some("Piet Roos"));
        assert_eq!(q[2].speaker, None);
    }

    #[test]
    fn a_mixed_quote_is_its_governing_verb_s_subject() {
        let q = run(&[
            "Press secretary Lina Holt says the mayor has \"kept every promise she made to the town.\"",
            "Holt later said the council would \"look again at the whole budget\" and \"listen to every resident who writes in.\"",
        ]);
        assert_eq!(q.len(), 3, "{q:#?}");
        assert!(q.iter().all(|q| !q.partial), "{q:#?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Lina Holt"));
        assert_eq!(q[0].speaker_title.as_deref(), Some("Press secretary"));
        assert_eq!(q[1].speaker.as_deref(), Some("Lina Holt"));
        // The second quote of the sentence takes the first one's attribution.
        assert_eq!(q[2].speaker.as_deref(), Some("Lina Holt"));
    }

    #[test]
    fn a_group_in_capitals_is_no_speaker_and_its_quote_stays_a_fragment() {
        let q = run(&["Commuters called the new timetable \"a slap in the face for us all\"."]);
        assert_eq!(q.len(), 1);
        assert!(q[0].partial);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn a_quote_after_an_attributed_one_in_its_paragraph_goes_on_with_its_speaker() {
        let q = run(&[
            "\"We start on Monday, whatever the weather,\" said site manager Piet Roos. He looked up at the grey sky. \"Nobody wants another delay.\"",
        ]);
        assert_eq!(q.len(), 2, "{q:#?}");
        assert_eq!(q[1].speaker.as_deref(), Some("Piet Roos"));
    }

    #[test]
    fn a_quote_opening_the_next_paragraph_goes_on_with_the_speaker() {
        let q = run(&[
            "\"The river rose faster than anyone expected,\" said Mayor Ida Brandt.",
            "\"We moved everyone out before midnight.\" The water fell by morning.",
        ]);
        assert_eq!(q[1].speaker.as_deref(), Some("Ida Brandt"));
    }

    #[test]
    fn labels_colons_and_introducing_sentences_attribute() {
        let q = run(&[
            "Ida Brandt, the mayor, toured the shelter on Sunday.",
            "Brandt: \"Every family here will have a roof by Friday.\"",
            "Brandt then turned to the volunteers: \"You kept this town standing all week.\"",
            "Council leader Piet Roos agreed. \"Nobody could have asked for more from them.\"",
        ]);
        assert_eq!(q.len(), 3, "{q:#?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Ida Brandt"));
        assert_eq!(q[1].speaker.as_deref(), Some("Ida Brandt"));
        assert_eq!(q[2].speaker.as_deref(), Some("Piet Roos"));
    }

    #[test]
    fn a_pronoun_after_a_closing_attribution_is_that_speaker() {
        let q = run(&[
            "Ben Ode chaired the meeting.",
            "The vote was close, Ana Ruiz said, but fair.",
            "\"We will appeal if we have to, and we may well have to,\" she said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_one_word_subject_with_its_verb_is_who_a_pronoun_names() {
        let q = run(&[
            "Okoro denied the report on Monday and left the hall.",
            "\"We have nothing to hide from anyone in this town,\" he said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Okoro"));
        // A word the story writes in lower case is no one's name.
        let q = run(&[
            "Dana Pike visited the school.",
            "Bright spoke to the pupils on a bright morning.",
            "\"We will keep the new timetable for another year,\" she said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Dana Pike"));
    }

    #[test]
    fn a_phrase_of_the_story_s_common_words_takes_no_pronoun() {
        let q = run(&[
            "Dana Pike visited the school on Monday.",
            "Common Core failed in most of the common schools of the state.",
            "\"It was never going to work for our pupils,\" she said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Dana Pike"));
    }

    #[test]
    fn a_capitalised_common_word_read_from_a_sentence_s_shape_is_no_speaker() {
        let q = run(&[
            "Turnout rose in the north, and the signs of change were everywhere.",
            "Signs of a shift were there all along: \"Most voters made up their minds late.\"",
            "Okoro Vance wrapped up the night: \"We knew it would be close from the start.\"",
        ]);
        assert_eq!(q.len(), 2, "{q:#?}");
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[1].speaker.as_deref(), Some("Okoro Vance"));
    }

    #[test]
    fn a_pronoun_prefers_someone_named_near_it_to_someone_talked_about_long_before() {
        let q = run(&[
            "Ben Ode chaired the first meeting of the year.",
            "The budget passed after a long debate about the roads.",
            "Nothing changed for months in the old town hall.",
            "A letter from treasurer Ida Brandt reached the council on Friday.",
            "\"We cannot pay for both the bridge and the school,\" she wrote.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ida Brandt"));
        // Someone talked about near the pronoun keeps it.
        let q = run(&[
            "Ben Ode chaired the meeting, and Ida Brandt took notes.",
            "\"We cannot pay for both the bridge and the school,\" he said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ben Ode"));
    }

    #[test]
    fn a_role_as_subject_brings_back_who_holds_it() {
        let q = run(&[
            "Mayor Ida Brandt opened the bridge, and Ben Ode cut the ribbon.",
            "Ben Ode thanked the builders.",
            "The mayor then spoke to the crowd for an hour.",
            "\"This bridge joins two halves of one town at last,\" she said.",
        ]);
        assert_eq!(q[0].speaker.as_deref(), Some("Ida Brandt"));
    }

    #[test]
    fn anonymous_source_keeps_the_mention() {
        let q =
            run(&["\"The deal is done, more or less,\" a source familiar with the matter said."]);
        assert_eq!(q[0].speaker, None);
        assert_eq!(
            q[0].speaker_mention.as_deref(),
            Some("a source familiar with the matter")
        );
    }

    #[test]
    fn unresolved_pronoun_is_null_not_a_guess() {
        let q = run(&["\"This will not stand, not today,\" he said."]);
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[0].speaker_mention.as_deref(), Some("he"));
    }

    #[test]
    fn realistic_attributions() {
        let q = run(&[
            "Mayor Ines Salgado and Councillor Rob Tate spoke at the opening on Monday.",
            "Volunteer Chris Penn, a retired fireman, showed visitors around.",
            "\"We waited nine years for this library,\" she said.",
            "\"Books change lives, and I should know,\" Penn said.",
            "\"It will close on Sundays for now,\" the council's spokeswoman said.",
        ]);
        assert_eq!(q.len(), 3, "{q:#?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Ines Salgado"));
        assert_eq!(q[0].speaker_title.as_deref(), Some("Mayor"));
        assert_eq!(q[1].speaker.as_deref(), Some("Chris Penn"));
        assert_eq!(q[1].speaker_title.as_deref(), Some("retired fireman"));
        assert_eq!(q[2].speaker, None);
    }
}
