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
//! merged directly, so the work stays linear in the number of stories.
//!
//! A merged story keeps its newest version (latest update, else publish time; the
//! first found on ties) and lists every page it was found in.
//!
//! Ids are 16 hex digits of the xxh3 hash of the normalised headline, so a story
//! keeps its id across runs, file moves and re-scrapes. When unmerged stories share
//! a headline, the one whose first paragraph hashes lowest keeps the plain id and the
//! others hash the headline with their first paragraph (then a counter, should that
//! still collide).

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::split::{for_each_word_hash, normalise};
use crate::model::Story;

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

/// What the merger needs to know about one story.
struct Fingerprint {
    /// Index keys: hashes of the normalised headline and long paragraphs.
    keys: Vec<u64>,
    /// Hash of the whole normalised body.
    body: u64,
    /// Sorted, distinct shingle hashes; only computed for stories that share an index
    /// key with another (the only ones ever compared), to keep memory low.
    shingles: Vec<u64>,
    /// Hash of the normalised headline.
    headline: u64,
    /// Hash of the normalised first paragraph.
    first_paragraph: u64,
}

/// Seed separating headline keys from paragraph keys in the index.
const HEADLINE_SEED: u64 = 0x6865_6164_6c69_6e65;

/// The index keys and hashes of a story (its shingles are left empty: see
/// [`shingles`]).
fn fingerprint(story: &Story) -> Fingerprint {
    let headline_norm = normalise(&story.headline);
    let headline = xxh3_64(headline_norm.as_bytes());
    let mut keys = vec![xxh3_64_with_seed(headline_norm.as_bytes(), HEADLINE_SEED)];
    let mut body = 0u64;
    let mut first_paragraph = 0;
    for (n, paragraph) in story.paragraphs.iter().enumerate() {
        let mut words = 0;
        let mut hash = 0x9e37_79b9_7f4a_7c15u64;
        for_each_word_hash(paragraph, |w| {
            words += 1;
            hash = hash.rotate_left(29).wrapping_mul(0x0100_0000_01b3) ^ w;
        });
        if n == 0 {
            first_paragraph = hash;
        }
        if words >= MIN_INDEXED_WORDS {
            keys.push(hash);
        }
        body = body.rotate_left(31).wrapping_mul(0x0100_0000_01b3) ^ hash;
    }
    keys.sort_unstable();
    keys.dedup();
    Fingerprint {
        keys,
        body,
        shingles: Vec::new(),
        headline,
        first_paragraph,
    }
}

/// The sorted, distinct shingle hashes of a story's body (its word hashes when it
/// has fewer words than a shingle).
fn shingles(story: &Story) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for paragraph in &story.paragraphs {
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

/// Jaccard similarity of two sorted, distinct sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
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
    let union = a.len() + b.len() - common;
    common as f64 / union as f64
}

/// Whether two stories' bodies are near-identical.
fn same_story(a: &Fingerprint, b: &Fingerprint) -> bool {
    if a.body == b.body {
        return true;
    }
    // Jaccard can only reach the threshold when the sizes are close enough.
    let (small, large) = if a.shingles.len() <= b.shingles.len() {
        (a.shingles.len(), b.shingles.len())
    } else {
        (b.shingles.len(), a.shingles.len())
    };
    if (small as f64) < SIMILARITY_THRESHOLD * large as f64 {
        return false;
    }
    jaccard(&a.shingles, &b.shingles) >= SIMILARITY_THRESHOLD
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
}

/// Merges duplicate stories and assigns ids.
/// Returns the stories (in order of first appearance) and how many were merged
/// into others.
pub fn merge(stories: Vec<Story>) -> (Vec<Story>, usize) {
    let mut prints: Vec<Fingerprint> = stories.par_iter().map(fingerprint).collect();
    let mut groups = Groups {
        parent: (0..stories.len()).collect(),
    };
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, print) in prints.iter().enumerate() {
        for key in &print.keys {
            index.entry(*key).or_default().push(i);
        }
    }
    let mut buckets: Vec<Vec<usize>> = index.into_values().filter(|b| b.len() > 1).collect();
    buckets.sort_unstable();
    compare_all(&buckets, &stories, &mut prints, &mut groups);

    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..stories.len() {
        let root = groups.find(i);
        members.entry(root).or_default().push(i);
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    let mut slots: Vec<Option<Story>> = stories.into_iter().map(Some).collect();
    let mut merged = 0;
    let mut out: Vec<(Story, usize)> = Vec::with_capacity(roots.len());
    for root in roots {
        let group = members.remove(&root).unwrap_or_default();
        let kept_index = group
            .iter()
            .copied()
            .max_by_key(|&i| (slots[i].as_ref().and_then(Story::latest), Reverse(i)))
            .unwrap_or(root);
        let mut sources = Vec::new();
        let mut earliest = None;
        for &i in &group {
            if let Some(s) = slots[i].as_ref() {
                sources.extend(s.sources.iter().cloned());
                sources.push(s.source.clone());
                earliest = match (earliest, s.published) {
                    (Some(a), Some(b)) => Some(std::cmp::min(a, b)),
                    (a, b) => a.or(b),
                };
            }
        }
        let Some(mut story) = slots[kept_index].take() else {
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
    (out.into_iter().map(|(s, _)| s).collect(), merged)
}

/// Buckets compared per batch: the shingles of a batch's stories are computed together
/// (in parallel) before it, and dropped after the last batch that needs them.
const BATCH_BUCKETS: usize = 1024;

/// Compares the stories of every bucket, joining the same ones.
///
/// Shingle sets are the bulk of the merger's memory, so a story's set is held only
/// from the first batch of buckets that compares it to the last one. A story and its
/// copies share their buckets, which the sorted order keeps close together, so few
/// sets are held at any time. Which pairs are compared does not depend on the order
/// (two stories already joined need no comparison), so the groups are the same as
/// comparing bucket by bucket with every set at hand.
fn compare_all(
    buckets: &[Vec<usize>],
    stories: &[Story],
    prints: &mut [Fingerprint],
    groups: &mut Groups,
) {
    let mut last_batch = vec![None; stories.len()];
    for (n, batch) in buckets.chunks(BATCH_BUCKETS).enumerate() {
        for &i in batch.iter().flatten() {
            last_batch[i] = Some(n);
        }
    }
    let mut ready = vec![false; stories.len()];
    for (n, batch) in buckets.chunks(BATCH_BUCKETS).enumerate() {
        let mut needed: Vec<usize> = batch.iter().flatten().copied().collect();
        needed.sort_unstable();
        needed.dedup();
        needed.retain(|&i| !ready[i]);
        let made: Vec<(usize, Vec<u64>)> = needed
            .par_iter()
            .map(|&i| (i, shingles(&stories[i])))
            .collect();
        for (i, shingles) in made {
            prints[i].shingles = shingles;
            ready[i] = true;
        }
        for bucket in batch {
            compare_bucket(bucket, prints, groups);
        }
        for &i in batch.iter().flatten() {
            if last_batch[i] == Some(n) && ready[i] {
                prints[i].shingles = Vec::new();
            }
        }
    }
}

/// Compares the stories of one index bucket, joining the same ones.
fn compare_bucket(bucket: &[usize], prints: &[Fingerprint], groups: &mut Groups) {
    if bucket.len() <= FULL_BUCKET {
        for (n, &a) in bucket.iter().enumerate() {
            for &b in &bucket[n + 1..] {
                if groups.find(a) != groups.find(b) && same_story(&prints[a], &prints[b]) {
                    groups.union(a, b);
                }
            }
        }
        return;
    }
    // Large bucket: identical bodies first, then a sliding window.
    let mut by_body: HashMap<u64, usize> = HashMap::new();
    let mut distinct = Vec::new();
    for &i in bucket {
        match by_body.get(&prints[i].body) {
            Some(&first) => groups.union(first, i),
            None => {
                by_body.insert(prints[i].body, i);
                distinct.push(i);
            }
        }
    }
    for (n, &a) in distinct.iter().enumerate() {
        for &b in distinct.iter().skip(n + 1).take(WINDOW) {
            if groups.find(a) != groups.find(b) && same_story(&prints[a], &prints[b]) {
                groups.union(a, b);
            }
        }
    }
}

/// Gives every story its id: the hash of its headline, disambiguated when stories
/// that were not merged share a headline.
fn assign_ids(stories: &mut [(Story, usize)], prints: &[Fingerprint]) {
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
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(jaccard(&[1, 2], &[3, 4]), 0.0);
        assert!((jaccard(&[1, 2, 3], &[2, 3, 4]) - 0.5).abs() < 1e-9);
    }
}
