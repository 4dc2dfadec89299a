//! Comparing the candidate pairs of stories, a batch at a time, with a limit on the
//! shingle sets held: decides the order the pairs are taken in (a cluster at a time) and
//! which sets are let go between batches. Which stories are the same is
//! [`super::same_story`]'s.

use std::cmp::Reverse;

use rayon::prelude::*;

use super::{Groups, StoryPrint, Texts, candidate_pairs, same_story, shingles};
use crate::model::Story;

/// Pairs compared per batch: the shingles of a batch's stories are computed together
/// (in parallel) before it, and dropped after the last batch that needs them.
pub(super) const BATCH_PAIRS: usize = 4096;

/// The most shingle hashes kept between batches (8 bytes each: 128 MB). Beyond it, the
/// sets needed again latest are let go and made again when needed: which ones changes
/// only the work, never the result. An archive of many near-copies (syndicated wire
/// stories) otherwise holds a set for most of its stories at once: at 100,000 real-text
/// pages, 376 MB where the limit holds the merger to 258 MB, for a third more sets made.
pub(super) const HELD_SHINGLES: usize = 16 << 20;

/// Compares the stories of every bucket, joining the same ones.
///
/// The groups are the connected parts of the graph whose edges are the candidate
/// pairs ([`candidate_pairs`]) found the same: which order the pairs are taken in,
/// and skipping pairs already joined, changes nothing. So the pairs with identical
/// bodies are joined first, and of the others only those still apart are compared,
/// once each, in parallel.
///
/// Shingle sets are the bulk of the merger's memory, so only the stories of pairs
/// left to compare get one, held from the first batch of pairs that needs it to the
/// last one.
pub(super) fn compare_all(
    buckets: &[&[usize]],
    stories: &[Story],
    prints: &[StoryPrint],
    texts: &dyn Texts,
    groups: &mut Groups,
    (batch_pairs, held_limit): (usize, usize),
) {
    let pairs: Vec<(usize, usize)> = buckets
        .par_iter()
        .flat_map_iter(|bucket| candidate_pairs(bucket, prints))
        .collect();
    let mut different: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in &pairs {
        if prints[a].body == prints[b].body {
            groups.union(a, b);
        } else {
            different.push((a, b));
        }
    }
    drop(pairs);
    different.par_sort_unstable();
    different.dedup();
    different.retain(|&(a, b)| groups.find(a) != groups.find(b));
    // Taken a cluster at a time (the stories the pairs left to compare connect), so
    // that each story's set is needed over a short run of batches, not from its first
    // comparison to a last one at the other end of the archive.
    let mut clusters = Groups {
        parent: (0..stories.len()).collect(),
    };
    for &(a, b) in &different {
        clusters.union(a, b);
    }
    let mut keyed: Vec<(usize, usize, usize)> = different
        .iter()
        .map(|&(a, b)| (clusters.find(a), a, b))
        .collect();
    drop(clusters);
    keyed.par_sort_unstable();
    different = keyed.into_iter().map(|(_, a, b)| (a, b)).collect();

    // The batches that need each story, in order.
    let mut uses: Vec<Vec<u32>> = vec![Vec::new(); stories.len()];
    for (n, batch) in different.chunks(batch_pairs).enumerate() {
        let n = n as u32;
        for &(a, b) in batch {
            for i in [a, b] {
                if uses[i].last() != Some(&n) {
                    uses[i].push(n);
                }
            }
        }
    }
    let last_use = |i: usize| uses[i].last().map(|&n| n as usize);
    let mut shingle_sets: Vec<Vec<u64>> = vec![Vec::new(); stories.len()];
    let mut ready = vec![false; stories.len()];
    let mut held = Held::default();
    for (n, batch) in different.chunks(batch_pairs).enumerate() {
        let mut needed: Vec<usize> = batch.iter().flat_map(|&(a, b)| [a, b]).collect();
        needed.sort_unstable();
        needed.dedup();
        needed.retain(|&i| !ready[i]);
        let made: Vec<(usize, Vec<u64>)> = needed
            .par_iter()
            .map(|&i| (i, shingles(&texts.paragraphs(i, &stories[i]))))
            .collect();
        for (i, set) in made {
            held.add(i, set.len());
            shingle_sets[i] = set;
            ready[i] = true;
        }
        let same: Vec<bool> = batch
            .par_iter()
            .map(|&(a, b)| same_story(prints, &shingle_sets, a, b))
            .collect();
        for (&(a, b), same) in batch.iter().zip(same) {
            if same {
                groups.union(a, b);
            }
        }
        for &(a, b) in batch {
            for i in [a, b] {
                if ready[i] && last_use(i) == Some(n) {
                    held.hashes -= shingle_sets[i].len();
                    shingle_sets[i] = Vec::new();
                    ready[i] = false;
                }
            }
        }
        if held.hashes > held_limit {
            // Let go of the sets needed again latest, down to half the limit.
            held.stories.retain(|&i| ready[i]);
            let next_use = |i: usize| {
                let later = uses[i].partition_point(|&u| u as usize <= n);
                uses[i].get(later).copied().unwrap_or(u32::MAX)
            };
            held.stories.sort_unstable_by_key(|&i| Reverse(next_use(i)));
            let mut kept = held.stories.len();
            for (k, &i) in held.stories.iter().enumerate() {
                if held.hashes <= held_limit / 2 {
                    kept = k;
                    break;
                }
                held.hashes -= shingle_sets[i].len();
                shingle_sets[i] = Vec::new();
                ready[i] = false;
            }
            held.stories.drain(..kept.min(held.stories.len()));
        }
    }
}

/// The shingle sets [`compare_all`] holds between batches.
#[derive(Default)]
struct Held {
    /// The stories whose set is made (and some since let go: see `ready`).
    stories: Vec<usize>,
    /// Hashes in the sets held.
    hashes: usize,
}

impl Held {
    fn add(&mut self, story: usize, hashes: usize) {
        self.stories.push(story);
        self.hashes += hashes;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{InStories, index};
    use super::*;

    /// Stories of a few families of near-copies (each copy a word changed here and
    /// there), so that many pairs are compared and each story in several batches.
    fn near_copies(families: usize, copies: usize) -> Vec<Story> {
        let mut stories = Vec::new();
        for f in 0..families {
            for c in 0..copies {
                let paragraphs = (0..6)
                    .map(|p| {
                        let words: Vec<String> = (0..14)
                            .map(|w| {
                                if (w + p + c) % 9 == 0 {
                                    format!("changed{c}x{w}")
                                } else {
                                    format!("word{f}n{p}n{w}")
                                }
                            })
                            .collect();
                        words.join(" ")
                    })
                    .collect();
                stories.push(Story::new(
                    &format!("page-{f}-{c}.txt"),
                    &format!("Family {f} headline"),
                    paragraphs,
                ));
            }
        }
        stories
    }

    #[test]
    fn shingle_sets_let_go_under_a_limit_give_the_same_groups() {
        let stories = near_copies(30, 12);
        let mut prints: Vec<StoryPrint> = stories.iter().map(StoryPrint::of).collect();
        let (members, ranges) = index(&mut prints);
        let buckets: Vec<&[usize]> = ranges
            .into_iter()
            .filter_map(|(start, end)| members.get(start..end))
            .collect();
        let groups_within = |limits: (usize, usize)| {
            let mut groups = Groups {
                parent: (0..stories.len()).collect(),
            };
            compare_all(&buckets, &stories, &prints, &InStories, &mut groups, limits);
            groups.members()
        };
        let unlimited = groups_within((BATCH_PAIRS, usize::MAX));
        assert!(
            unlimited.len() < stories.len() && unlimited.len() >= 30,
            "{} groups",
            unlimited.len()
        );
        // Small batches, so that a story is compared in many of them, and sets let go
        // between them and made again.
        for limits in [(5, 0), (7, 1), (16, 500), (64, 5_000), (BATCH_PAIRS, 0)] {
            assert_eq!(groups_within(limits), unlimited, "{limits:?}");
        }
    }
}
