//! Splitting a classified page into stories.
//!
//! Two passes come first: after an end-of-story marker ("Enditem", "(END)", "___")
//! body-like blocks up to the next headline are trailer chrome; and a standfirst
//! (the summary between a headline and its byline or stamp) is dropped, so it is
//! neither headline nor body. When two headline-like lines stand one right after
//! the other over the byline or stamp, the first is the headline and the second a
//! standfirst (a dek, a score line), unless the first is a short kicker of at most
//! three words ("News in brief").
//!
//! Body paragraphs form *runs*: consecutive body blocks, with only chrome, captions
//! and labels between them. A headline, stamp or byline ends a run, except a
//! headline-like line met once between two body paragraphs, which is a crosshead and
//! stays in the body. Each run is one story, and gets a headline:
//!
//! - a headline may TRAIL its body: the first thing after a run that has no headline
//!   of its own is a new headline repeated on the page (as captions are), or a new
//!   headline at the end of the page that no stamp or byline follows;
//! - otherwise the last new headline in the gap before the run LEADS it.
//!
//! A run with no headline of its own that follows a story, with only chrome or
//! times without a date between (a live blog's entries), continues it.
//!
//! A headline that gets no body (a teaser, a listing entry) makes no story. Copies of
//! a story's headline elsewhere on the page are captions. The stamps, byline and
//! section label of a story are those in its header (from its leading headline, or
//! the labels just above it, down to its body); failing that, a stamp right after
//! its body, or one just above its headline. A story never takes a stamp from
//! another story's header.
//!
//! Texts are compared for repeats in their normal form, with its hashes (`normal`).

use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

use super::classify::{BlockKind, Classified, WORD_COUNT_CAP, word_counts};
use super::segment::Block;
use super::timestamp::Stamp;

mod normal;

pub use normal::{for_each_word_hash, normal_hash, normal_hash_of_words, normalise};

/// One story as found on the page, by block index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryPlan {
    /// The block holding the headline, when the page gives one.
    pub headline: Option<usize>,
    /// The headline's text when it is not the headline block's text as written: the
    /// page's title with its site suffix dropped ([`super::article`]).
    pub title: Option<String>,
    /// The block holding the section label.
    pub section: Option<usize>,
    /// The byline.
    pub byline: Option<String>,
    /// The story's own times.
    pub stamp: Stamp,
    /// The body blocks, in order.
    pub body: Vec<usize>,
    /// First and last line of the story (1-based, inclusive).
    pub lines: (usize, usize),
}

/// A page split into stories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The stories, in page order.
    pub stories: Vec<StoryPlan>,
    /// Every block's final kind (copies of a headline become captions; crossheads
    /// become body).
    pub kinds: Vec<BlockKind>,
    /// Copies of story headlines dropped.
    pub headlines_removed: usize,
}

/// Most words of a kicker: a short label line above the headline ("Analysis",
/// "News in brief"), which leaves the line under it as the headline.
const KICKER_MAX_WORDS: usize = 3;
/// Fewest words of the headline above a standfirst (shorter lines above a longer
/// one are kickers, "Analysis", "Climate crisis", and the longer one the headline).
const STANDFIRST_MIN_HEADLINE_WORDS: usize = 5;
/// Most words of a paragraph taken for a standfirst.
const STANDFIRST_MAX_WORDS: usize = 60;

/// Splits a page's classified blocks into stories.
pub fn split(blocks: &[Block<'_>], classes: &[Classified]) -> Plan {
    split_counted(blocks, classes, &word_counts(blocks))
}

/// [`split`], given the blocks' [`word_counts`]. The page parser then narrows the
/// stories to the page's article when the page's title anchors one
/// ([`super::article::focus`]).
pub fn split_counted(blocks: &[Block<'_>], classes: &[Classified], words: &[usize]) -> Plan {
    Splitter::new(blocks, classes, words).run()
}

// Standfirsts compare word counts up to `STANDFIRST_MAX_WORDS + 1`.
const _: () = assert!(WORD_COUNT_CAP > STANDFIRST_MAX_WORDS);

/// A map with a fast fixed hasher (the maps here are only looked up, never
/// walked in an order that shows).
type FastMap<K, V> = HashMap<K, V, FixedState>;
/// A set with a fast fixed hasher (see [`FastMap`]).
type FastSet<T> = HashSet<T, FixedState>;

struct Splitter<'p> {
    classes: &'p [Classified],
    /// Word count of each block, up to [`WORD_COUNT_CAP`] (the counts are only
    /// compared for standfirsts, and headlines are shorter).
    words: &'p [usize],
    lines: Vec<(usize, usize)>,
    kinds: Vec<BlockKind>,
    /// Normalised text of headline-like blocks (empty for others).
    keys: Vec<String>,
    counts: FastMap<String, usize>,
}

impl<'p> Splitter<'p> {
    fn new(blocks: &[Block<'_>], classes: &'p [Classified], words: &'p [usize]) -> Self {
        let kinds: Vec<BlockKind> = classes.iter().map(|c| c.kind).collect();
        let keys: Vec<String> = blocks
            .iter()
            .zip(&kinds)
            .map(|(b, k)| {
                if *k == BlockKind::Headline {
                    normalise(&b.text)
                } else {
                    String::new()
                }
            })
            .collect();
        let mut counts: FastMap<String, usize> = FastMap::default();
        for key in keys.iter().filter(|k| !k.is_empty()) {
            *counts.entry(key.clone()).or_default() += 1;
        }
        Self {
            classes,
            words,
            lines: blocks.iter().map(|b| (b.line_start, b.line_end)).collect(),
            kinds,
            keys,
            counts,
        }
    }

    fn is_headline(&self, i: usize) -> bool {
        self.kinds[i] == BlockKind::Headline && !self.keys[i].is_empty()
    }

    fn count(&self, i: usize) -> usize {
        self.counts.get(&self.keys[i]).copied().unwrap_or(0)
    }

    /// Blocks that never separate or identify anything.
    fn is_filler(&self, i: usize) -> bool {
        matches!(self.kinds[i], BlockKind::Chrome | BlockKind::Caption)
    }

    fn run(mut self) -> Plan {
        self.mark_trailers();
        self.mark_standfirsts();
        self.mark_crossheads();
        let n = self.kinds.len();
        let mut used: FastSet<String> = FastSet::default();
        let assigned = self.assign_headlines(self.body_runs(), &mut used);
        let (runs, headline, leads, lead_from) = self.join_continuations(assigned);
        let k = runs.len();
        let run_start = |r: usize| runs[r].first().copied().unwrap_or(n);
        let run_end = |r: usize| runs[r].last().copied().unwrap_or(0);

        // Headers: from the leading headline (and the labels just above it) to the body.
        let header_start: Vec<usize> = (0..k)
            .map(|r| match leads[r] {
                Some(mut p) => {
                    while p > lead_from[r]
                        && matches!(
                            self.kinds[p - 1],
                            BlockKind::Chrome | BlockKind::Caption | BlockKind::Section
                        )
                    {
                        p -= 1;
                    }
                    p
                }
                None => lead_from[r],
            })
            .collect();

        let mut taken: FastSet<usize> = FastSet::default();
        let mut stamps: Vec<Vec<usize>> = (0..k)
            .map(|r| {
                let found: Vec<usize> = (header_start[r]..run_start(r))
                    .filter(|&i| self.classes[i].stamp.is_some())
                    .collect();
                taken.extend(found.iter().copied());
                found
            })
            .collect();
        // A stamp right after the body (only chrome, captions or the story's own
        // headline copies between), before the next story's header.
        for r in 0..k {
            if !stamps[r].is_empty() {
                continue;
            }
            let limit = if r + 1 < k { header_start[r + 1] } else { n };
            let own = headline[r].map(|h| self.keys[h].as_str());
            let next = (run_end(r) + 1..limit).find(|&i| {
                !(self.is_filler(i) || (own.is_some() && Some(self.keys[i].as_str()) == own))
            });
            if let Some(i) = next
                && self.classes[i].stamp.is_some()
                && taken.insert(i)
            {
                stamps[r].push(i);
            }
        }
        // A stamp just above the leading headline.
        for r in 0..k {
            if !stamps[r].is_empty() {
                continue;
            }
            if leads[r].is_none() {
                continue;
            }
            let above = (lead_from[r]..header_start[r])
                .rev()
                .find(|&i| !self.is_filler(i) && self.kinds[i] != BlockKind::Section);
            if let Some(i) = above
                && self.classes[i].stamp.is_some()
                && taken.insert(i)
            {
                stamps[r].push(i);
            }
        }

        let mut stories = Vec::with_capacity(k);
        for r in 0..k {
            let header = header_start[r]..run_start(r);
            let mut owned: Vec<usize> = runs[r].clone();
            owned.extend(headline[r]);
            owned.extend(stamps[r].iter().copied());
            let section = self.section(header.clone(), leads[r]);
            owned.extend(section);
            let byline_at = header
                .clone()
                .find(|&i| self.classes[i].byline.is_some())
                .or_else(|| {
                    let limit = if r + 1 < k { header_start[r + 1] } else { n };
                    (run_end(r) + 1..limit)
                        .find(|&i| !self.is_filler(i))
                        .filter(|&i| self.classes[i].byline.is_some())
                });
            owned.extend(byline_at);
            let line_start = owned.iter().map(|&i| self.lines[i].0).min().unwrap_or(1);
            let line_end = owned
                .iter()
                .map(|&i| self.lines[i].1)
                .max()
                .unwrap_or(line_start);
            stories.push(StoryPlan {
                headline: headline[r],
                title: None,
                section,
                byline: byline_at.and_then(|i| self.classes[i].byline.clone()),
                stamp: combine(stamps[r].iter().filter_map(|&i| self.classes[i].stamp)),
                body: runs[r].clone(),
                lines: (line_start, line_end),
            });
        }

        let mut headlines_removed = 0;
        for key in &used {
            headlines_removed += self.counts.get(key).copied().unwrap_or(1).saturating_sub(1);
        }
        let chosen: FastSet<usize> = headline.iter().flatten().copied().collect();
        for i in 0..n {
            if self.is_headline(i) && used.contains(&self.keys[i]) && !chosen.contains(&i) {
                self.kinds[i] = BlockKind::Caption;
            }
        }
        Plan {
            stories,
            kinds: self.kinds,
            headlines_removed,
        }
    }

    /// Gives each run its headline: trailing, else leading. Returns, per run, the
    /// body, the headline block, the leading headline block, and where the run's
    /// own part of the gap before it begins.
    fn assign_headlines(&self, runs: Vec<Vec<usize>>, used: &mut FastSet<String>) -> Vec<Run> {
        let n = self.kinds.len();
        let mut out: Vec<Run> = Vec::with_capacity(runs.len());
        for body in runs {
            let start = out.last().and_then(|p| p.body.last()).map_or(0, |e| e + 1);
            let end = body.first().copied().unwrap_or(n);
            let mut from = start;
            if let Some(previous) = out.last_mut()
                && previous.headline.is_none()
                && let Some((h, after)) = self.trailing(start, end, false, used)
            {
                previous.headline = Some(h);
                used.insert(self.keys[h].clone());
                from = after;
            }
            let mut run = Run {
                body,
                headline: None,
                lead: None,
                lead_from: from,
            };
            if let Some(last) = (from..end)
                .rev()
                .find(|&i| self.is_headline(i) && !used.contains(&self.keys[i]))
            {
                let first = (from..=last)
                    .find(|&i| self.keys[i] == self.keys[last])
                    .unwrap_or(last);
                run.headline = Some(first);
                run.lead = Some(first);
                used.insert(self.keys[first].clone());
            }
            out.push(run);
        }
        if let Some(last) = out.last_mut()
            && last.headline.is_none()
        {
            let after = last.body.last().map_or(0, |e| e + 1);
            if let Some((h, _)) = self.trailing(after, n, true, used) {
                last.headline = Some(h);
                used.insert(self.keys[h].clone());
            }
        }
        out
    }

    /// A run that found no headline of its own, separated from the story before it
    /// only by copies of that story's headline (image captions), chrome and
    /// captions, continues that story.
    #[allow(clippy::type_complexity)]
    fn join_continuations(
        &self,
        runs: Vec<Run>,
    ) -> (
        Vec<Vec<usize>>,
        Vec<Option<usize>>,
        Vec<Option<usize>>,
        Vec<usize>,
    ) {
        let mut out: Vec<Run> = Vec::with_capacity(runs.len());
        for run in runs {
            if run.headline.is_none()
                && let Some(previous) = out.last_mut()
                && let Some(h) = previous.headline
            {
                let start = previous.body.last().map_or(0, |e| e + 1);
                let end = run.body.first().copied().unwrap_or(start);
                let only_copies = (start..end).all(|i| {
                    self.is_filler(i)
                        || self.kinds[i] == BlockKind::Section
                        || (self.kinds[i] == BlockKind::Timestamp
                            && self.classes[i].stamp.is_none())
                        || (self.kinds[i] == BlockKind::Headline && self.keys[i] == self.keys[h])
                });
                if only_copies {
                    previous.body.extend(run.body);
                    continue;
                }
            }
            out.push(run);
        }
        let mut bodies = Vec::with_capacity(out.len());
        let mut headlines = Vec::with_capacity(out.len());
        let mut leads = Vec::with_capacity(out.len());
        let mut froms = Vec::with_capacity(out.len());
        for run in out {
            bodies.push(run.body);
            headlines.push(run.headline);
            leads.push(run.lead);
            froms.push(run.lead_from);
        }
        (bodies, headlines, leads, froms)
    }

    /// After an end-of-story marker ("Enditem", "(END)", "___"), body-like blocks up
    /// to the next headline, stamp or byline are trailer chrome.
    fn mark_trailers(&mut self) {
        let n = self.kinds.len();
        let mut i = 0;
        while i < n {
            if !self.classes[i].ends_story {
                i += 1;
                continue;
            }
            i += 1;
            while i < n
                && !matches!(
                    self.kinds[i],
                    BlockKind::Headline | BlockKind::Timestamp | BlockKind::Byline
                )
            {
                if self.kinds[i] == BlockKind::Body {
                    self.kinds[i] = BlockKind::Chrome;
                }
                i += 1;
            }
        }
    }

    /// A standfirst (the summary under a headline, before the byline or stamp) is
    /// neither the headline nor the body: a headline-like line right under a
    /// headline of more than [`KICKER_MAX_WORDS`] words (only captions between), or
    /// a short paragraph right under a shorter headline (of
    /// [`STANDFIRST_MIN_HEADLINE_WORDS`] or more words), followed by the story's
    /// byline or stamp and then its body. It is dropped.
    fn mark_standfirsts(&mut self) {
        let n = self.kinds.len();
        let skip = |s: &Self, i: usize| s.is_filler(i) || s.kinds[i] == BlockKind::Section;
        for i in 1..n {
            let candidate = match self.kinds[i] {
                BlockKind::Headline => true,
                BlockKind::Body => self.words[i] <= STANDFIRST_MAX_WORDS,
                _ => false,
            };
            if !candidate {
                continue;
            }
            let Some(above) = (0..i).rev().find(|&j| !skip(self, j)) else {
                continue;
            };
            if self.kinds[above] != BlockKind::Headline {
                continue;
            }
            // Two headline-like lines in a row: the first is the headline unless it
            // is a short kicker. A paragraph under a headline is a standfirst only
            // when it is the longer of the two.
            let stacked = self.kinds[i] == BlockKind::Headline
                && self.kinds[above + 1..i]
                    .iter()
                    .all(|k| *k == BlockKind::Caption)
                && self.words[above] > KICKER_MAX_WORDS
                && self.keys[above] != self.keys[i];
            let summary = self.words[above] >= STANDFIRST_MIN_HEADLINE_WORDS
                && self.words[above] < self.words[i];
            if !(stacked || summary) {
                continue;
            }
            let mut next = i + 1;
            while next < n && skip(self, next) {
                next += 1;
            }
            if next >= n || !matches!(self.kinds[next], BlockKind::Byline | BlockKind::Timestamp) {
                continue;
            }
            let body_follows = (next..n)
                .find(|&j| {
                    !(skip(self, j)
                        || matches!(self.kinds[j], BlockKind::Byline | BlockKind::Timestamp))
                })
                .is_some_and(|j| self.kinds[j] == BlockKind::Body);
            if body_follows {
                self.kinds[i] = BlockKind::Caption;
            }
        }
    }

    /// A headline-like line met once, between two body paragraphs, is a crosshead.
    fn mark_crossheads(&mut self) {
        let n = self.kinds.len();
        for i in 0..n {
            if !self.is_headline(i) || self.count(i) != 1 {
                continue;
            }
            let before = (0..i).rev().find(|&j| !self.is_filler(j));
            let after = (i + 1..n).find(|&j| !self.is_filler(j));
            if before.is_some_and(|j| self.kinds[j] == BlockKind::Body)
                && after.is_some_and(|j| self.kinds[j] == BlockKind::Body)
            {
                self.kinds[i] = BlockKind::Body;
            }
        }
    }

    /// Runs of body blocks, broken by headlines, stamps and bylines.
    fn body_runs(&self) -> Vec<Vec<usize>> {
        let mut runs: Vec<Vec<usize>> = Vec::new();
        let mut broken = true;
        for (i, kind) in self.kinds.iter().enumerate() {
            match kind {
                BlockKind::Body => {
                    match runs.last_mut() {
                        Some(run) if !broken => run.push(i),
                        _ => runs.push(vec![i]),
                    }
                    broken = false;
                }
                BlockKind::Headline | BlockKind::Timestamp | BlockKind::Byline => broken = true,
                BlockKind::Chrome | BlockKind::Caption | BlockKind::Section => {}
            }
        }
        runs
    }

    /// A headline trailing the body that ends at `start`: returns it and the index
    /// just past its copies.
    fn trailing(
        &self,
        start: usize,
        end: usize,
        last: bool,
        used: &FastSet<String>,
    ) -> Option<(usize, usize)> {
        let h = (start..end).find(|&i| self.kinds[i] != BlockKind::Caption)?;
        if !self.is_headline(h) || used.contains(&self.keys[h]) {
            return None;
        }
        let same = |i: usize| self.kinds[i] == BlockKind::Headline && self.keys[i] == self.keys[h];
        let mut after = h + 1;
        while after < end && (self.kinds[after] == BlockKind::Caption || same(after)) {
            after += 1;
        }
        let next = (after..end)
            .find(|&i| !(self.is_filler(i) || self.kinds[i] == BlockKind::Section || same(i)));
        if next.is_some_and(|i| matches!(self.kinds[i], BlockKind::Timestamp | BlockKind::Byline)) {
            return None;
        }
        if self.count(h) >= 2 || (last && next.is_none()) {
            Some((h, after))
        } else {
            None
        }
    }

    /// The section label in a header: the label nearest the headline (the
    /// earlier on ties), or the first one when there is no headline.
    fn section(&self, header: std::ops::Range<usize>, lead: Option<usize>) -> Option<usize> {
        let anchor = lead.unwrap_or(header.start);
        header
            .filter(|&i| self.kinds[i] == BlockKind::Section)
            .min_by_key(|&i| (i.abs_diff(anchor), i))
    }
}

/// A run of body blocks and the headline found for it.
struct Run {
    body: Vec<usize>,
    headline: Option<usize>,
    lead: Option<usize>,
    lead_from: usize,
}

/// Combines a story's stamps: the first publish time and the latest update time.
fn combine(stamps: impl Iterator<Item = Stamp>) -> Stamp {
    let mut out = Stamp::default();
    for stamp in stamps {
        if out.published.is_none() {
            out.published = stamp.published;
        }
        out.updated = match (out.updated, stamp.updated) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    fn headline_and_body(text: &str) -> Vec<(Option<String>, usize)> {
        let blocks = super::super::segment::segment(text);
        let classes = super::super::classify::classify_page(&blocks);
        split(&blocks, &classes)
            .stories
            .into_iter()
            .map(|s| (s.headline.map(|h| blocks[h].text.to_string()), s.body.len()))
            .collect()
    }

    #[test]
    fn of_two_stacked_headline_lines_over_the_byline_the_first_is_the_headline() {
        let page = "Ferry crews call off the winter strike\n\nTalks went on through the night\n\nBy Ana Lim\nMarch 3, 2026\n\nCrews called off the strike.\n\nSailings resume on Friday.";
        assert_eq!(
            headline_and_body(page),
            vec![(
                Some("Ferry crews call off the winter strike".to_string()),
                2
            )]
        );
        // A short kicker above leaves the line under it as the headline.
        let page = "Transport news\n\nFerry crews call off the winter strike\n\nBy Ana Lim\n\nCrews called off the strike.";
        assert_eq!(
            headline_and_body(page),
            vec![(
                Some("Ferry crews call off the winter strike".to_string()),
                1
            )]
        );
    }

    #[test]
    fn a_headline_with_its_own_body_is_never_taken_for_a_standfirst() {
        let page = "Ferry crews call off the winter strike\n\nCrews called off the strike.\n\nBakery wins the county award again\n\nMarch 3, 2026\n\nThe bakery won again.";
        let stories = headline_and_body(page);
        assert_eq!(stories.len(), 2, "{stories:?}");
        assert_eq!(
            stories[1].0.as_deref(),
            Some("Bakery wins the county award again")
        );
    }
}
