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

use memchr::memmem::Finder;

use super::app::{MAX_HITS, SearchHit, SearchSource};
use super::text::{self, clean};
use crate::model::Story;

/// Bits in each story's character-pair filter.
const FILTER_BITS: usize = 4096;
/// Words of the filter.
const FILTER_WORDS: usize = FILTER_BITS / 64;

/// One story's searchable text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// Headline and paragraphs, cleaned, folded, joined by `\n`.
    text: String,
    /// Byte offset where each part starts (headline first).
    starts: Vec<usize>,
    /// Whether each part is ASCII (then a byte offset in it is its character offset).
    ascii: Vec<bool>,
    /// Which character pairs occur in `text` (hashed into [`FILTER_BITS`] bits).
    filter: [u64; FILTER_WORDS],
}

/// The bit of a character pair in the filter.
fn pair_bit(a: char, b: char) -> usize {
    let h = (u64::from(a) << 21 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

impl Entry {
    fn new(story: &Story) -> Self {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(story.paragraphs.len() + 1);
        let mut ascii = Vec::with_capacity(story.paragraphs.len() + 1);
        for (n, part) in std::iter::once(&story.headline)
            .chain(&story.paragraphs)
            .enumerate()
        {
            if n > 0 {
                text.push('\n');
            }
            starts.push(text.len());
            let folded = text::fold(&clean(part));
            ascii.push(folded.is_ascii());
            text.push_str(&folded);
        }
        let mut filter = [0u64; FILTER_WORDS];
        let mut previous = None;
        for c in text.chars() {
            if let Some(p) = previous {
                let bit = pair_bit(p, c);
                filter[bit / 64] |= 1 << (bit % 64);
            }
            previous = Some(c);
        }
        Self {
            text,
            starts,
            ascii,
            filter,
        }
    }

    /// Whether the story may contain `needle` (never false when it does).
    fn may_contain(&self, pairs: &[usize]) -> bool {
        pairs
            .iter()
            .all(|&bit| self.filter[bit / 64] & (1 << (bit % 64)) != 0)
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

/// Every story's folded text, for searching.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// Indexes `stories` (in parallel: this is the costly part of a large corpus).
    pub fn build(stories: &[Story]) -> Self {
        use rayon::prelude::*;
        Self {
            entries: stories.par_iter().map(Entry::new).collect(),
        }
    }

    /// Adds one story at the end.
    pub fn push(&mut self, story: &Story) {
        self.entries.push(Entry::new(story));
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

/// The stories that matched each query typed so far, longest query last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// (folded query, how many stories were indexed then, matching stories with the
    /// byte offset of the query's first match in each).
    levels: Vec<(String, usize, Vec<Match>)>,
}

impl Narrowing {
    /// Forgets every stored set (the corpus changed).
    pub fn clear(&mut self) {
        self.levels.clear();
    }
}

/// Finds every match of `query` (case-insensitive), up to [`MAX_HITS`], in story order,
/// headline first, then by position: the same as [`naive_hits`].
pub fn search(index: &SearchIndex, query: &str, narrowing: &mut Narrowing) -> Vec<SearchHit> {
    let needle = text::fold(query);
    if needle.is_empty() || needle.contains('\n') {
        narrowing.clear();
        return Vec::new();
    }
    let total = index.entries.len();
    // Keep the sets of queries this one extends, over the same stories.
    while let Some((q, n, _)) = narrowing.levels.last() {
        if needle.starts_with(q.as_str()) && *n == total {
            break;
        }
        narrowing.levels.pop();
    }
    let chars: Vec<char> = needle.chars().collect();
    let pairs: Vec<usize> = chars.windows(2).map(|w| pair_bit(w[0], w[1])).collect();
    let finder = Finder::new(needle.as_bytes());
    // A match of the query starts at a match of any query it extends, so the search
    // in a story resumes at the first match of the shorter query.
    let check = |(i, from): (usize, usize)| {
        let e = &index.entries[i];
        if !e.may_contain(&pairs) {
            return None;
        }
        let rest = e.text.as_bytes().get(from..)?;
        finder.find(rest).map(|at| from + at)
    };
    let matching: Vec<Match> = match narrowing.levels.last() {
        Some((q, _, set)) if *q == needle => set.clone(),
        Some((_, _, set)) => filter_par(set.iter().map(|&(i, at)| (i as usize, at)), &check),
        None => filter_par((0..total).map(|i| (i, 0)), &check),
    };
    let hits = collect_hits(index, &matching, &finder);
    if narrowing.levels.last().is_none_or(|(q, _, _)| *q != needle) {
        narrowing.levels.push((needle, total, matching));
    }
    hits
}

/// Stories whose matches are listed together, on every core: the first batch is small
/// (a common query fills [`MAX_HITS`] within a few stories), and each next one twice
/// as big, up to [`MAX_HITS_BATCH`].
const FIRST_HITS_BATCH: usize = 8;
/// The largest batch of stories whose matches are listed together.
const MAX_HITS_BATCH: usize = 1024;

/// The matches in the matching stories, in story order, up to [`MAX_HITS`].
fn collect_hits(index: &SearchIndex, matching: &[Match], finder: &Finder<'_>) -> Vec<SearchHit> {
    use rayon::prelude::*;
    let mut hits = Vec::new();
    let mut rest = matching;
    let mut batch = FIRST_HITS_BATCH;
    while !rest.is_empty() && hits.len() < MAX_HITS {
        let (now, later) = rest.split_at(batch.min(rest.len()));
        rest = later;
        batch = (batch * 2).min(MAX_HITS_BATCH);
        let room = MAX_HITS - hits.len();
        let found: Vec<Vec<SearchHit>> = now
            .par_iter()
            .map(|&(i, at)| {
                let mut out = Vec::new();
                index.entries[i as usize].hits(i as usize, at, finder, &mut out, room);
                out
            })
            .collect();
        for story_hits in found {
            let room = MAX_HITS - hits.len();
            hits.extend(story_hits.into_iter().take(room));
        }
    }
    hits
}

/// The candidates (story, where to start looking) that `check` finds a match in, with
/// where the first match is, in order, checked on every core.
fn filter_par(
    candidates: impl Iterator<Item = (usize, usize)>,
    check: &(dyn Fn((usize, usize)) -> Option<usize> + Sync),
) -> Vec<Match> {
    use rayon::prelude::*;
    let all: Vec<(usize, usize)> = candidates.collect();
    all.par_chunks(4096)
        .flat_map_iter(|chunk| {
            chunk
                .iter()
                .filter_map(|&(i, from)| check((i, from)).map(|at| (i as u32, at)))
        })
        .collect()
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
