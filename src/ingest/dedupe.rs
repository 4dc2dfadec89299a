//! Merging the same story found more than once, and giving stories stable ids.
//!
//! Two stories are the same when their bodies are near-identical: the Jaccard
//! similarity of their sets of word 3-shingles (normalised words: lower case,
//! alphanumeric) is at least [`SIMILARITY_THRESHOLD`]. A re-scrape with a newer
//! "Last Updated", a fixed typo or an added paragraph stays well above it; different
//! stories that merely share a headline fall far below it.
//!
//! Comparing every pair would be quadratic, so candidates come from an index: two
//! stories are compared only when they share a normalised paragraph (of at least
//! [`MIN_INDEXED_WORDS`] words) or a normalised headline. Buckets larger than
//! [`FULL_BUCKET`] (boilerplate paragraphs, stock headlines) are compared only
//! within a sliding window of [`WINDOW`] neighbours, after identical bodies are
//! merged directly, so the work stays linear in the number of stories. The pairs are
//! compared in batches, with a limit on the shingle sets held between them
//! ([`compare`]).
//!
//! A merged story keeps its newest version (latest update, else publish time; the
//! first found on ties), unless an older one is a tenth fuller (the newest is then a
//! cut edition), and lists every page it was found in.
//!
//! Ids are 16 hex digits of the xxh3 hash of the normalised headline, so a story
//! keeps its id across runs, file moves and re-scrapes. When unmerged stories share
//! a headline, the one whose first paragraph hashes lowest keeps the plain id and the
//! others hash the headline with their first paragraph (then a counter, should that
//! still collide).

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::split::{for_each_word_hash, normalise};

mod compare;
use crate::model::Story;
use compare::{BATCH_PAIRS, HELD_SHINGLES, compare_all};

/// The least Jaccard similarity of word 3-shingles for two bodies to be the same story.
pub const SIMILARITY_THRESHOLD: f64 = 0.5;
/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Paragraphs shorter than this are not indexed ("He said so.").
pub const MIN_INDEXED_WORDS: usize = 6;
/// Buckets up to this size are compared pairwise.
pub const FULL_BUCKET: usize = 48;
/// In larger buckets, each story is compared with this many following ones.
pub const WINDOW: usize = 8;

/// The id a story with this headline gets when no other story shares it: what the
/// reader shows for a story found while loading, before merging gives the final ids.
pub fn headline_id(headline: &str) -> String {
    format!("{:016x}", xxh3_64(normalise(headline).as_bytes()))
}

/// What the merger needs to know about one story: its index keys and hashes, all
/// made from the hashes of its words ([`for_each_word_hash`]). The page parser
/// computes it from the word hashes it makes anyway ([`PrintBuilder`]), so the
/// merger hashes no word again except for the few stories it compares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryPrint {
    /// Index keys: hashes of the normalised headline and long paragraphs, sorted
    /// and distinct.
    keys: Vec<u64>,
    /// Hash of the whole normalised body.
    body: u64,
    /// Hash of the normalised headline.
    headline: u64,
    /// Hash of the normalised first paragraph.
    first_paragraph: u64,
}

/// Seed separating headline keys from paragraph keys in the index.
const HEADLINE_SEED: u64 = 0x6865_6164_6c69_6e65;

impl StoryPrint {
    /// The print of a story, hashing its words.
    pub fn of(story: &Story) -> StoryPrint {
        Self::of_text(&story.headline, &story.paragraphs)
    }

    /// The print of a story of this headline and these paragraphs.
    fn of_text(headline: &str, paragraphs: &[String]) -> StoryPrint {
        let mut print = PrintBuilder::default();
        for paragraph in paragraphs {
            let mut words = 0;
            let mut hash = PARAGRAPH_SEED;
            for_each_word_hash(paragraph, |w| {
                words += 1;
                hash = add_word(hash, w);
            });
            print.add_paragraph_hash(words, hash);
        }
        print.finish(headline)
    }
}

/// Where a paragraph's hash starts.
const PARAGRAPH_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// One step of a paragraph's hash: adds a word's hash.
fn add_word(hash: u64, word: u64) -> u64 {
    hash.rotate_left(29).wrapping_mul(0x0100_0000_01b3) ^ word
}

/// Builds a story's [`StoryPrint`] a paragraph at a time, from the word hashes of
/// each paragraph ([`for_each_word_hash`]), in story order.
#[derive(Debug, Default)]
pub struct PrintBuilder {
    /// Keys of the long paragraphs so far.
    keys: Vec<u64>,
    /// Hash of the paragraphs so far.
    body: u64,
    /// Hash of the first paragraph, once added.
    first_paragraph: Option<u64>,
}

impl PrintBuilder {
    /// Adds the next paragraph, given the hashes of its words.
    pub fn paragraph(&mut self, words: &[u64]) {
        let hash = words.iter().fold(PARAGRAPH_SEED, |h, &w| add_word(h, w));
        self.add_paragraph_hash(words.len(), hash);
    }

    /// Adds the next paragraph, given its word count and hash.
    fn add_paragraph_hash(&mut self, words: usize, hash: u64) {
        self.first_paragraph.get_or_insert(hash);
        if words >= MIN_INDEXED_WORDS {
            self.keys.push(hash);
        }
        self.body = self.body.rotate_left(31).wrapping_mul(0x0100_0000_01b3) ^ hash;
    }

    /// The print of the story with these paragraphs and this headline.
    pub fn finish(self, headline: &str) -> StoryPrint {
        let headline_norm = normalise(headline);
        let mut keys = self.keys;
        keys.push(xxh3_64_with_seed(headline_norm.as_bytes(), HEADLINE_SEED));
        keys.sort_unstable();
        keys.dedup();
        StoryPrint {
            keys,
            body: self.body,
            headline: xxh3_64(headline_norm.as_bytes()),
            first_paragraph: self.first_paragraph.unwrap_or(0),
        }
    }
}

/// Where the merger reads the stories' text: in the stories themselves ([`InStories`]),
/// or elsewhere while the stories wait without it (`export` keeps it in a file until each
/// story is written: [`super::spill`]).
pub trait Texts: Sync {
    /// The paragraphs of `story`, the merger's input number `index`.
    fn paragraphs<'a>(&'a self, index: usize, story: &'a Story) -> Cow<'a, [String]>;
    /// The bytes of text of `story`, the merger's input number `index`.
    fn length(&self, index: usize, story: &Story) -> usize;
}

/// The stories hold their own text.
pub struct InStories;

impl Texts for InStories {
    fn paragraphs<'a>(&'a self, _: usize, story: &'a Story) -> Cow<'a, [String]> {
        Cow::Borrowed(&story.paragraphs)
    }

    fn length(&self, _: usize, story: &Story) -> usize {
        story.paragraphs.iter().map(String::len).sum()
    }
}

/// A print as its four parts, for a cache that keeps prints beside the stories so a
/// reopening hashes no word of a stored story again.
impl StoryPrint {
    /// The index keys (sorted, distinct), and the hashes of the body, the headline and
    /// the first paragraph.
    pub fn parts(&self) -> (&[u64], u64, u64, u64) {
        (&self.keys, self.body, self.headline, self.first_paragraph)
    }

    /// The print of these parts ([`StoryPrint::parts`]); `None` when the keys are not
    /// sorted and distinct (a damaged cache).
    pub fn from_parts(
        keys: Vec<u64>,
        body: u64,
        headline: u64,
        first_paragraph: u64,
    ) -> Option<Self> {
        keys.windows(2).all(|w| w[0] < w[1]).then_some(StoryPrint {
            keys,
            body,
            headline,
            first_paragraph,
        })
    }
}

/// The sorted, distinct shingle hashes of a story's body (its word hashes when it
/// has fewer words than a shingle).
fn shingles(paragraphs: &[String]) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for paragraph in paragraphs {
        for_each_word_hash(paragraph, |w| words.push(w));
    }
    let mut shingles: Vec<u64> = if words.len() < SHINGLE_WORDS {
        words
    } else {
        words
            .windows(SHINGLE_WORDS)
            .map(|w| w.iter().fold(0u64, |acc, h| acc.rotate_left(21) ^ h))
            .collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// Jaccard similarity of two sorted, distinct sets (what [`jaccard_reaches`] tells
/// about, computed in full for its tests).
#[cfg(test)]
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = super::text::common_sorted(a, b);
    let union = a.len() + b.len() - common;
    common as f64 / union as f64
}

/// Whether the Jaccard similarity of two sorted, distinct sets (shared values over all
/// values) reaches `threshold`, exactly: the sets are merged, and the merge stops once
/// even every value left shared could not reach it (the similarity only grows with the
/// values shared, and so does its rounding), which for two different stories is about a
/// third of the way in.
fn jaccard_reaches(a: &[u64], b: &[u64], threshold: f64) -> bool {
    if a.is_empty() && b.is_empty() {
        return 1.0 >= threshold;
    }
    let total = a.len() + b.len();
    let similarity = |common: usize| common as f64 / (total - common) as f64;
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    let mut steps = 0u32;
    while i < a.len() && j < b.len() {
        steps = steps.wrapping_add(1);
        if steps.is_multiple_of(64)
            && similarity(common + (a.len() - i).min(b.len() - j)) < threshold
        {
            return false;
        }
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    similarity(common) >= threshold
}

/// Whether two stories' bodies are near-identical, given their prints and their
/// shingle sets.
fn same_story(prints: &[StoryPrint], shingles: &[Vec<u64>], a: usize, b: usize) -> bool {
    if prints[a].body == prints[b].body {
        return true;
    }
    let (a, b) = (&shingles[a], &shingles[b]);
    // Jaccard can only reach the threshold when the sizes are close enough.
    let (small, large) = if a.len() <= b.len() {
        (a.len(), b.len())
    } else {
        (b.len(), a.len())
    };
    if (small as f64) < SIMILARITY_THRESHOLD * large as f64 {
        return false;
    }
    jaccard_reaches(a, b, SIMILARITY_THRESHOLD)
}

/// Union-find over story indices; the smaller index is always the root.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[high] = low;
        }
    }

    /// The groups, in order of their first story, each listing its stories in order.
    fn members(mut self) -> Vec<Vec<usize>> {
        let count = self.parent.len();
        let mut slot = vec![usize::MAX; count];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..count {
            let root = self.find(i);
            if root == i {
                slot[i] = groups.len();
                groups.push(vec![i]);
            } else if let Some(group) = groups.get_mut(slot[root]) {
                // The root is the smallest index of its group, so it was seen first.
                group.push(i);
            }
        }
        groups
    }
}

/// Merges duplicate stories and assigns ids.
/// Returns the stories (in order of first appearance) and how many were merged
/// into others.
pub fn merge(stories: Vec<Story>) -> (Vec<Story>, usize) {
    let prints = stories.par_iter().map(StoryPrint::of).collect();
    merge_printed(stories, prints)
}

/// [`merge`] for stories whose prints are already made: `prints[i]` is the
/// [`StoryPrint`] of `stories[i]` (when the counts differ, the prints are made
/// again from the stories).
pub fn merge_printed(stories: Vec<Story>, prints: Vec<StoryPrint>) -> (Vec<Story>, usize) {
    if prints.len() != stories.len() {
        return merge(stories);
    }
    let (stories, merged) = merge_printed_with(stories, prints, &InStories);
    (
        stories.into_iter().map(|(story, _)| story).collect(),
        merged,
    )
}

/// [`merge_printed`] reading the stories' text through `texts`, for stories whose
/// prints are made (`prints[i]` of `stories[i]`; when the counts differ, they are made
/// again from the text): each story comes with its number in `stories` (the kept
/// version's, for a merged one).
pub fn merge_printed_with(
    stories: Vec<Story>,
    mut prints: Vec<StoryPrint>,
    texts: &dyn Texts,
) -> (Vec<(Story, usize)>, usize) {
    if prints.len() != stories.len() {
        prints = (stories.par_iter().enumerate())
            .map(|(i, s)| StoryPrint::of_text(&s.headline, &texts.paragraphs(i, s)))
            .collect();
    }
    let mut groups = Groups {
        parent: (0..stories.len()).collect(),
    };
    let (members, ranges) = index(&mut prints);
    let mut buckets: Vec<&[usize]> = ranges
        .into_iter()
        .filter_map(|(start, end)| members.get(start..end))
        .collect();
    buckets.par_sort_unstable();
    let limits = (BATCH_PAIRS, HELD_SHINGLES);
    compare_all(&buckets, &stories, &prints, texts, &mut groups, limits);
    drop(buckets);
    drop(members);

    let mut slots: Vec<Option<Story>> = stories.into_iter().map(Some).collect();
    let mut merged = 0;
    let groups = groups.members();
    let mut out: Vec<(Story, usize)> = Vec::with_capacity(groups.len());
    for group in groups {
        if let [only] = group[..] {
            if let Some(story) = slots[only].take() {
                out.push((single(story), only));
            }
            continue;
        }
        let Some(kept_index) = kept_version(&group, &slots, texts) else {
            continue;
        };
        let mut sources = Vec::new();
        let mut earliest = None;
        let mut kept = None;
        for &i in &group {
            let Some(mut s) = slots[i].take() else {
                continue;
            };
            sources.append(&mut s.sources);
            earliest = match (earliest, s.published) {
                (Some(a), Some(b)) => Some(std::cmp::min(a, b)),
                (a, b) => a.or(b),
            };
            if i == kept_index {
                sources.push(s.source.clone());
                kept = Some(s);
            } else {
                sources.push(s.source);
            }
        }
        let Some(mut story) = kept else {
            continue;
        };
        merged += group.len() - 1;
        sources.sort_by(|a, b| {
            (&a.path, a.line_start, a.line_end).cmp(&(&b.path, b.line_start, b.line_end))
        });
        sources.dedup();
        story.sources = sources;
        if story.published.is_none() {
            story.published = earliest;
        }
        out.push((story, kept_index));
    }
    assign_ids(&mut out, &prints);
    (out, merged)
}

/// How much more text an older version must hold than the newest for the merged story
/// to keep it, in tenths (11: a tenth more): an update fixes a word or adds a line, while
/// a version a tenth shorter is a cut edition (for print, for syndication) that would
/// lose what the fuller one says.
const FULLER_TENTHS: usize = 11;

/// Which version of a group of the same story the merged story keeps: the newest (latest
/// update, else publish time; the first found on ties), unless another holds at least
/// [`FULLER_TENTHS`] tenths of its text, when the fullest is kept.
fn kept_version(group: &[usize], slots: &[Option<Story>], texts: &dyn Texts) -> Option<usize> {
    let newest = group
        .iter()
        .copied()
        .max_by_key(|&i| (slots[i].as_ref().and_then(Story::latest), Reverse(i)))?;
    let text = |i: usize| slots[i].as_ref().map_or(0, |s| texts.length(i, s));
    let fullest = group
        .iter()
        .copied()
        .max_by_key(|&i| (text(i), Reverse(i)))?;
    let cut = 10 * text(fullest) >= FULLER_TENTHS * text(newest);
    Some(if cut { fullest } else { newest })
}

/// A story merged with no other: its sources become its own sorted, distinct sources
/// and itself (which they already are for a story fresh from a page).
fn single(mut story: Story) -> Story {
    if let [only] = &story.sources[..]
        && *only == story.source
    {
        return story;
    }
    story.sources.push(story.source.clone());
    story.sources.sort_by(|a, b| {
        (&a.path, a.line_start, a.line_end).cmp(&(&b.path, b.line_start, b.line_end))
    });
    story.sources.dedup();
    story
}

/// The index of stories by key, built from the prints' keys (which it takes): the
/// stories of every key, in order, one key after another, and the range of each
/// key shared by more than one story (a bucket of stories to compare).
fn index(prints: &mut [StoryPrint]) -> (Vec<usize>, Vec<(usize, usize)>) {
    let mut pairs: Vec<(u64, usize)> =
        Vec::with_capacity(prints.iter().map(|print| print.keys.len()).sum());
    for (i, print) in prints.iter_mut().enumerate() {
        pairs.extend(
            std::mem::take(&mut print.keys)
                .into_iter()
                .map(|key| (key, i)),
        );
    }
    pairs.par_sort_unstable();
    let members: Vec<usize> = pairs.par_iter().map(|&(_, i)| i).collect();
    let mut ranges = Vec::new();
    let mut start = 0;
    for run in pairs.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            ranges.push((start, start + run.len()));
        }
        start += run.len();
    }
    (members, ranges)
}

/// The pairs of stories of one index bucket to compare (the lower index first):
/// every pair of a bucket up to [`FULL_BUCKET`] stories; in a larger one, each story
/// with the first of the same body, and each distinct body with the [`WINDOW`]
/// following ones.
fn candidate_pairs(bucket: &[usize], prints: &[StoryPrint]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if bucket.len() <= FULL_BUCKET {
        for (n, &a) in bucket.iter().enumerate() {
            pairs.extend(bucket[n + 1..].iter().map(|&b| (a, b)));
        }
        return pairs;
    }
    let mut by_body: HashMap<u64, usize> = HashMap::new();
    let mut distinct = Vec::new();
    for &i in bucket {
        match by_body.get(&prints[i].body) {
            Some(&first) => pairs.push((first, i)),
            None => {
                by_body.insert(prints[i].body, i);
                distinct.push(i);
            }
        }
    }
    for (n, &a) in distinct.iter().enumerate() {
        pairs.extend(distinct.iter().skip(n + 1).take(WINDOW).map(|&b| (a, b)));
    }
    pairs
}

/// Gives every story its id: the hash of its headline, disambiguated when stories
/// that were not merged share a headline.
fn assign_ids(stories: &mut [(Story, usize)], prints: &[StoryPrint]) {
    let mut order: Vec<usize> = (0..stories.len()).collect();
    let key = |n: usize| {
        let p = &prints[stories[n].1];
        (p.headline, p.first_paragraph, p.body, stories[n].1)
    };
    order.sort_by_key(|&n| key(n));
    let mut used: HashSet<u64> = HashSet::with_capacity(stories.len());
    let mut pending = Vec::new();
    let mut previous = None;
    for &n in &order {
        let headline = prints[stories[n].1].headline;
        if previous != Some(headline) && used.insert(headline) {
            stories[n].0.id = format!("{headline:016x}");
        } else {
            pending.push(n);
        }
        previous = Some(headline);
    }
    for n in pending {
        let p = &prints[stories[n].1];
        let mut seed = p.first_paragraph;
        let mut id = xxh3_64_with_seed(&p.headline.to_le_bytes(), seed);
        while !used.insert(id) {
            seed = seed.wrapping_add(1);
            id = xxh3_64_with_seed(&p.headline.to_le_bytes(), seed);
        }
        stories[n].0.id = format!("{id:016x}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_reached_as_computed_in_full() {
        // Sets of hundreds of values (the merge stops early only every 64 steps), sharing
        // from none to all of them.
        let sets: Vec<Vec<u64>> = (0..12u64)
            .map(|k| (0..(100 + 40 * k)).map(|v| v * (1 + k % 3)).collect())
            .collect();
        for a in &sets {
            for b in &sets {
                for t in [0.0, 0.1, 0.3, 0.5, 0.6, 0.9, 1.0] {
                    assert_eq!(jaccard_reaches(a, b, t), jaccard(a, b) >= t);
                }
            }
        }
        assert!(jaccard_reaches(&[], &[], 1.0));
        assert!(!jaccard_reaches(&[], &[1], 0.5));
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(jaccard(&[1, 2], &[3, 4]), 0.0);
        assert!((jaccard(&[1, 2, 3], &[2, 3, 4]) - 0.5).abs() < 1e-9);
    }
}
