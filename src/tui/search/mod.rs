//! Incremental search over the whole corpus, fast at any size.
//!
//! [`SearchIndex`] keeps each story's headline and paragraphs cleaned and folded
//! (case-insensitive) in one string, the parts joined by `\n` (which cleaned text never
//! contains, so no match can span two parts), with a small filter of the character
//! pairs the story contains. It is built once, off the UI thread for a large corpus,
//! and grows story by story while loading.
//!
//! [`Narrowing`] remembers which stories matched each query typed so far: typing one
//! more character only re-checks the stories that matched before, and Backspace goes
//! back to the stored set. Match positions are computed only for the first
//! [`MAX_HITS`] matches, in story order, exactly as a plain scan would find them
//! ([`naive_hits`], kept as the reference for tests).
//!
//! A search runs in steps ([`Budget`]): stories are checked in order, in batches that
//! grow from a few stories (so the first matches come at once) to a couple of
//! thousand, and a step ends at the first batch boundary past its budget. The reader
//! gives each key one step and runs the rest between keys, so a keystroke never waits
//! for the whole corpus; what an interrupted search found is kept, exact for the
//! stories it reached, and the next query narrows from it.

use std::borrow::Cow;
use std::time::{Duration, Instant};

use memchr::memmem::Finder;

mod pairs;

use super::shelf::Texts;
use super::text::{self, clean};
use super::wrap::TextSource;
use crate::model::Story;
use pairs::{PairFilter, pair_bit};

/// The most search matches kept.
pub const MAX_HITS: usize = 100_000;

/// A search match: characters `start..end` of a story's headline or paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SearchHit {
    /// Index into [`crate::model::Corpus::stories`].
    pub story: usize,
    /// Headline or paragraph.
    pub source: SearchSource,
    /// First character matched.
    pub start: usize,
    /// Just past the last character matched.
    pub end: usize,
}

/// Where a search match is; headlines sort before paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SearchSource {
    /// The headline.
    Headline,
    /// A body paragraph.
    Paragraph(usize),
}

impl SearchSource {
    /// The same place as a wrapped-text source.
    pub fn text_source(self) -> TextSource {
        match self {
            SearchSource::Headline => TextSource::Headline,
            SearchSource::Paragraph(p) => TextSource::Paragraph(p),
        }
    }
}

/// One story's searchable text: made where the story is found (on a loading thread),
/// so the reader's drawing thread only files it. Only its filter is kept for most
/// stories: their folded text is made again from the story when a search reads it
/// (folding is a copy and a lowercasing), so the index holds no second copy of the
/// corpus's text; the folded text is kept only when cleaning changed the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The folded text, when cleaning changed some part of the story.
    kept: Option<Box<Folded>>,
    /// Which character pairs occur in the folded text.
    filter: PairFilter,
}

/// A story's headline and paragraphs, cleaned, folded and joined by `\n`, as a search
/// reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Folded {
    /// Headline and paragraphs, cleaned, folded, joined by `\n`.
    text: String,
    /// Byte offset where each part starts (headline first).
    starts: Vec<usize>,
    /// Whether each part is ASCII (then a byte offset in it is its character offset).
    ascii: Vec<bool>,
}

impl Entry {
    /// The searchable text of `story` (its headline and paragraphs, folded).
    pub fn new(story: &Story) -> Self {
        let parts = std::iter::once(story.headline.as_str())
            .chain(story.paragraphs.iter().map(String::as_str));
        Self::from_parts(parts, story.paragraphs.len() + 1)
    }

    /// The searchable text of a story given as its headline and paragraphs: the same
    /// entry as [`Entry::new`] of that story.
    pub fn of_text(headline: &str, paragraphs: &[&str]) -> Self {
        let parts = std::iter::once(headline).chain(paragraphs.iter().copied());
        Self::from_parts(parts, paragraphs.len() + 1)
    }

    /// The searchable text of a story's headline then paragraphs (`count` parts).
    fn from_parts<'a>(parts: impl Iterator<Item = &'a str> + Clone, count: usize) -> Self {
        let (folded, cleaned) = Folded::of(parts, count, true);
        Self {
            filter: PairFilter::of(&folded.text),
            kept: cleaned.then(|| Box::new(folded)),
        }
    }

    /// The folded text of the story this entry was made from (`story`, as it was):
    /// the kept one, else folded again from the story.
    fn folded<'a>(&'a self, texts: Texts<'_>, index: usize) -> Option<Cow<'a, Folded>> {
        if let Some(kept) = &self.kept {
            return Some(Cow::Borrowed(kept));
        }
        let story = texts.story(index)?;
        let folded = texts.with_paragraphs(index, |paragraphs| {
            let parts = std::iter::once(story.headline.as_str()).chain(paragraphs.iter().copied());
            Folded::of(parts, paragraphs.len() + 1, false).0
        });
        Some(Cow::Owned(folded))
    }

    /// Whether the story may contain `needle` (never false when it does).
    fn may_contain(&self, pairs: &[usize]) -> bool {
        self.filter.may_contain(pairs)
    }
}

impl Folded {
    /// The folded text of a story's headline then paragraphs (`count` parts),
    /// cleaned first when `clean` says so; and whether cleaning changed any part.
    fn of<'a>(
        parts: impl Iterator<Item = &'a str> + Clone,
        count: usize,
        clean: bool,
    ) -> (Self, bool) {
        let mut text = String::with_capacity(parts.clone().map(|p| p.len() + 1).sum());
        let mut starts = Vec::with_capacity(count);
        let mut ascii = Vec::with_capacity(count);
        let mut cleaned = false;
        for (n, part) in parts.enumerate() {
            if n > 0 {
                text.push('\n');
            }
            let start = text.len();
            starts.push(start);
            if clean {
                let part = text::clean_cow(part);
                cleaned |= matches!(part, Cow::Owned(_));
                text::fold_into(&part, &mut text);
            } else {
                text::fold_into(part, &mut text);
            }
            ascii.push(text[start..].is_ascii());
        }
        (
            Self {
                text,
                starts,
                ascii,
            },
            cleaned,
        )
    }

    /// Pushes the matches of `needle` in this story onto `out`, up to `limit` in all,
    /// looking from byte `from` on (where the first match is known to be, or before).
    fn hits(
        &self,
        story: usize,
        from: usize,
        needle: &Finder<'_>,
        out: &mut Vec<SearchHit>,
        limit: usize,
    ) {
        let needle_chars = text::char_len(std::str::from_utf8(needle.needle()).unwrap_or(""));
        let Some(rest) = self.text.as_bytes().get(from..) else {
            return;
        };
        let mut part = self
            .starts
            .partition_point(|&s| s <= from)
            .saturating_sub(1);
        let mut chars = 0;
        let mut counted_to = self.starts.get(part).copied().unwrap_or(0);
        for byte in needle.find_iter(rest).map(|at| from + at) {
            while part + 1 < self.starts.len() && self.starts[part + 1] <= byte {
                part += 1;
                counted_to = self.starts[part];
                chars = 0;
            }
            if self.ascii[part] {
                chars = byte - self.starts[part];
            } else {
                chars += text::char_len(&self.text[counted_to..byte]);
            }
            counted_to = byte;
            let source = match part {
                0 => SearchSource::Headline,
                p => SearchSource::Paragraph(p - 1),
            };
            out.push(SearchHit {
                story,
                source,
                start: chars,
                end: chars + needle_chars,
            });
            if out.len() >= limit {
                return;
            }
        }
    }
}

/// A story's headline and paragraphs copied into one string, for indexing it after
/// the story itself went to the reader (see [`SearchIndex::from_texts`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryText {
    /// The headline then each paragraph, end to end.
    text: String,
    /// Where each part ends in `text`.
    ends: Vec<usize>,
}

impl StoryText {
    /// Copies the text of `story`.
    pub fn of(story: &Story) -> Self {
        let parts = std::iter::once(&story.headline).chain(&story.paragraphs);
        let mut text = String::with_capacity(parts.clone().map(String::len).sum());
        let mut ends = Vec::with_capacity(story.paragraphs.len() + 1);
        for part in parts {
            text.push_str(part);
            ends.push(text.len());
        }
        Self { text, ends }
    }

    /// Copies the text of every story, in order (on every core).
    pub fn copy_all(stories: &[Story]) -> Vec<Self> {
        use rayon::prelude::*;
        stories.par_iter().map(Self::of).collect()
    }

    /// The search entry of the story copied: [`Entry::new`] of that story.
    pub fn entry(&self) -> Entry {
        let parts = self.ends.iter().scan(0, |from, &end| {
            let part = &self.text[*from..end];
            *from = end;
            Some(part)
        });
        Entry::from_parts(parts, self.ends.len())
    }
}

/// Every story's folded text, for searching.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// Indexes `stories` (in parallel: this is the costly part of a large corpus).
    pub fn build(stories: &[Story]) -> Self {
        Self::build_from(Texts::of(stories))
    }

    /// Indexes the stories of `texts`, wherever their text is.
    pub fn build_from(texts: Texts<'_>) -> Self {
        use rayon::prelude::*;
        Self {
            entries: (0..texts.stories.len())
                .into_par_iter()
                .map(|i| {
                    let headline = texts.stories[i].headline.as_str();
                    texts.with_paragraphs(i, |parts| Entry::of_text(headline, parts))
                })
                .collect(),
        }
    }

    /// Indexes stories from their copied text ([`StoryText::copy_all`]), each copy
    /// dropped as soon as its entry is made: the same index as [`SearchIndex::build`]
    /// of the stories copied, built while the stories themselves are elsewhere.
    pub fn from_texts(texts: Vec<StoryText>) -> Self {
        use rayon::prelude::*;
        Self {
            entries: texts.into_par_iter().map(|t| t.entry()).collect(),
        }
    }

    /// The index of the stories whose entries are `entries`, in order.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        Self { entries }
    }

    /// Adds one story at the end.
    pub fn push(&mut self, story: &Story) {
        self.entries.push(Entry::new(story));
    }

    /// Adds the entry of one story at the end (made with [`Entry::new`]).
    pub fn push_entry(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// How many stories are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no story is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A story that matched (its index) and the byte offset of the first match in it.
type Match = (u32, usize);

/// What one query typed so far found: every matching story below `decided`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Level {
    /// The folded query.
    query: String,
    /// Stories below this index have been checked; the others are still unknown.
    decided: usize,
    /// The matching stories below `decided`, with the byte offset of the first match.
    matches: Vec<Match>,
}

/// How much of a search one step may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// Run to the end.
    Unlimited,
    /// Stop at the first batch boundary after this long (the reader's keystroke
    /// budget: the rest runs while no key is waiting).
    For(Duration),
    /// Stop after checking about this many stories (for tests: deterministic
    /// interruptions).
    Stories(usize),
}

/// A search under way: the stories still to check, in story order.
///
/// Its candidates are the matches of the longest query it extends (a story that
/// contains the new query contains the old one, from the old first match on) followed
/// by every story that query had not decided yet, checked in full.
#[derive(Debug)]
struct Run {
    /// The query's character pairs, for the stories' filters.
    pairs: Vec<usize>,
    /// The searcher for the query.
    finder: Finder<'static>,
    /// Matches of the shorter query, all below `range`.
    narrowed: Vec<Match>,
    /// The next entry of `narrowed` to check.
    next_narrowed: usize,
    /// The next story to check in full (from here to `total`).
    range: usize,
    /// Stories indexed when the search started.
    total: usize,
    /// What the run has found so far: its own level.
    level: Level,
    /// Stories per batch: small first, so that the first matches come at once.
    batch: usize,
}

impl Run {
    fn done(&self) -> bool {
        self.next_narrowed >= self.narrowed.len() && self.range >= self.total
    }

    /// Stories below this index are decided.
    fn decided(&self) -> usize {
        match self.narrowed.get(self.next_narrowed) {
            Some(&(story, _)) => story as usize,
            None => self.range.min(self.total),
        }
    }

    /// The next batch of (story, where to start looking), at most `limit` long.
    fn next_batch(&mut self, limit: usize) -> Vec<(usize, usize)> {
        let size = self.batch.min(limit).max(1);
        self.batch = (self.batch * 2).min(MAX_BATCH);
        if self.next_narrowed < self.narrowed.len() {
            let end = (self.next_narrowed + size).min(self.narrowed.len());
            let batch = self.narrowed[self.next_narrowed..end]
                .iter()
                .map(|&(i, at)| (i as usize, at))
                .collect();
            self.next_narrowed = end;
            batch
        } else {
            let end = (self.range + size).min(self.total);
            let batch = (self.range..end).map(|i| (i, 0)).collect();
            self.range = end;
            batch
        }
    }

    /// Checks batches of candidates until the budget is spent or the run is done,
    /// appending matches to `hits` (up to [`MAX_HITS`]).
    fn step(
        &mut self,
        index: &SearchIndex,
        texts: Texts<'_>,
        hits: &mut Vec<SearchHit>,
        budget: Budget,
    ) {
        use rayon::prelude::*;
        let started = Instant::now();
        let mut checked = 0;
        while !self.done() {
            let limit = match budget {
                Budget::Stories(n) => n.saturating_sub(checked),
                _ => usize::MAX,
            };
            let batch = self.next_batch(limit);
            checked += batch.len();
            let room = MAX_HITS.saturating_sub(hits.len());
            // Stories are cheap to check one by one: hand them to the cores in runs.
            let found: Vec<(Match, Vec<SearchHit>)> = batch
                .par_iter()
                .with_min_len(STORIES_PER_TASK)
                .filter_map(|&(i, from)| {
                    let entry = index.entries.get(i)?;
                    if !entry.may_contain(&self.pairs) {
                        return None;
                    }
                    let folded = entry.folded(texts, i)?;
                    let at = from + self.finder.find(folded.text.as_bytes().get(from..)?)?;
                    let mut story_hits = Vec::new();
                    if room > 0 {
                        folded.hits(i, at, &self.finder, &mut story_hits, room);
                    }
                    Some(((i as u32, at), story_hits))
                })
                .collect();
            for (matched, story_hits) in found {
                self.level.matches.push(matched);
                let room = MAX_HITS.saturating_sub(hits.len());
                hits.extend(story_hits.into_iter().take(room));
            }
            let stop = match budget {
                Budget::Unlimited => false,
                Budget::For(time) => started.elapsed() >= time,
                Budget::Stories(n) => checked >= n,
            };
            if stop {
                break;
            }
        }
        self.level.decided = self.decided();
    }
}

/// The stories in the first batch of a search: a common query fills [`MAX_HITS`]
/// within a few stories, and the first screen of matches should not wait for more.
const FIRST_BATCH: usize = 8;
/// The largest batch of stories checked together (on every core) between two looks
/// at the clock.
const MAX_BATCH: usize = 4096;
/// The fewest stories one core checks in a row (scheduling each one alone costs
/// more than checking it).
const STORIES_PER_TASK: usize = 128;

/// The searches typed so far: what each query found, and the search under way.
#[derive(Debug, Default)]
pub struct Narrowing {
    /// Finished or interrupted searches, each query extending the one before.
    levels: Vec<Level>,
    /// The search under way, if any.
    run: Option<Run>,
}

impl Narrowing {
    /// Forgets every stored search (the corpus changed).
    pub fn clear(&mut self) {
        self.levels.clear();
        self.run = None;
    }

    /// Whether a search is under way.
    pub fn in_progress(&self) -> bool {
        self.run.as_ref().is_some_and(|run| !run.done())
    }

    /// Starts searching for `query` (case-insensitive), keeping what earlier queries
    /// found so that a longer query only re-checks the stories they matched. The
    /// matches come from [`Narrowing::step`].
    pub fn start(&mut self, index: &SearchIndex, query: &str) {
        self.stash_run();
        let needle = text::fold(query);
        if needle.is_empty() || needle.contains('\n') {
            self.clear();
            return;
        }
        // Keep the queries this one extends (or equals).
        while self
            .levels
            .last()
            .is_some_and(|level| !needle.starts_with(level.query.as_str()))
        {
            self.levels.pop();
        }
        let (narrowed, range) = match self.levels.last() {
            Some(level) => (level.matches.clone(), level.decided),
            None => (Vec::new(), 0),
        };
        let chars: Vec<char> = needle.chars().collect();
        let pairs = chars.windows(2).map(|w| pair_bit(w[0], w[1])).collect();
        self.run = Some(Run {
            finder: Finder::new(needle.as_bytes()).into_owned(),
            pairs,
            narrowed,
            next_narrowed: 0,
            range,
            total: index.entries.len(),
            level: Level {
                query: needle,
                decided: 0,
                matches: Vec::new(),
            },
            batch: FIRST_BATCH,
        });
    }

    /// Goes on with the search under way within `budget`, appending its matches to
    /// `hits`, in story order, headline first, then by position (as [`naive_hits`]
    /// lists them), up to [`MAX_HITS`].
    /// `texts` are the stories `index` was made of.
    pub fn step(
        &mut self,
        index: &SearchIndex,
        texts: Texts<'_>,
        hits: &mut Vec<SearchHit>,
        budget: Budget,
    ) {
        if let Some(run) = &mut self.run {
            run.step(index, texts, hits, budget);
            if run.done() {
                self.stash_run();
            }
        }
    }

    /// Stops the search under way, keeping what it found for the next query.
    pub fn stop(&mut self) {
        self.stash_run();
    }

    /// Keeps what the search under way found as a level (finished or not).
    fn stash_run(&mut self) {
        let Some(mut run) = self.run.take() else {
            return;
        };
        run.level.decided = run.decided();
        if self
            .levels
            .last()
            .is_some_and(|level| level.query == run.level.query)
        {
            self.levels.pop();
        }
        self.levels.push(run.level);
    }
}

/// Finds every match of `query` (case-insensitive), up to [`MAX_HITS`], in story order,
/// headline first, then by position: the same as [`naive_hits`]. Runs the search to
/// its end; the reader uses [`Narrowing::start`] and [`Narrowing::step`] instead.
pub fn search(
    index: &SearchIndex,
    stories: &[Story],
    query: &str,
    narrowing: &mut Narrowing,
) -> Vec<SearchHit> {
    let mut hits = Vec::new();
    narrowing.start(index, query);
    narrowing.step(index, Texts::of(stories), &mut hits, Budget::Unlimited);
    hits
}

/// The plain scan [`search`] must agree with: every part of every story, cleaned and
/// folded, searched in order.
pub fn naive_hits(stories: &[Story], query: &str) -> Vec<SearchHit> {
    let mut hits = Vec::new();
    let needle = text::fold(query);
    if needle.is_empty() {
        return hits;
    }
    let needle_chars = text::char_len(&needle);
    for (si, story) in stories.iter().enumerate() {
        let parts = std::iter::once((SearchSource::Headline, &story.headline)).chain(
            story
                .paragraphs
                .iter()
                .enumerate()
                .map(|(pi, p)| (SearchSource::Paragraph(pi), p)),
        );
        for (source, part) in parts {
            let haystack = text::fold(&clean(part));
            let mut chars = 0;
            let mut last = 0;
            for (byte, _) in haystack.match_indices(&needle) {
                chars += text::char_len(&haystack[last..byte]);
                last = byte;
                hits.push(SearchHit {
                    story: si,
                    source,
                    start: chars,
                    end: chars + needle_chars,
                });
                if hits.len() >= MAX_HITS {
                    return hits;
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(headline: &str, paragraphs: &[&str]) -> Story {
        Story::new(
            "page.txt",
            headline,
            paragraphs.iter().map(|p| p.to_string()).collect(),
        )
    }

    #[test]
    fn the_folded_text_is_kept_only_for_stories_cleaning_changes() {
        let stories = vec![
            story("Harbour Dues Rise", &["The Board said “dues rise” in MAY."]),
            story("Ferry\u{7} Strike", &["Crews walk\u{200e}out at DAWN."]),
            story("Ünïcode Façade", &["CAFÉ owners said the façade stays."]),
        ];
        let index = SearchIndex::build(&stories);
        let kept: Vec<bool> = index.entries.iter().map(|e| e.kept.is_some()).collect();
        assert_eq!(kept, [false, true, false]);
        for query in [
            "dues", "RISE", "said", "strike", "out at", "dawn", "façade", "café",
        ] {
            let mut narrowing = Narrowing::default();
            assert_eq!(
                search(&index, &stories, query, &mut narrowing),
                naive_hits(&stories, query),
                "{query}"
            );
        }
        let mut narrowing = Narrowing::default();
        assert_eq!(search(&index, &stories, "façade", &mut narrowing).len(), 2);
    }

    #[test]
    fn a_story_without_its_text_is_not_matched_rather_than_guessed() {
        let stories = vec![story("Harbour Dues Rise", &["Dues rise in May."])];
        let index = SearchIndex::build(&stories);
        let mut narrowing = Narrowing::default();
        assert!(search(&index, &[], "dues", &mut narrowing).is_empty());
    }
}
