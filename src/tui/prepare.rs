//! Everything the reader indexes once for a corpus, built in one go so it can run off
//! the UI thread: list rows, the speakers panel, the quotes timeline and the search
//! index. [`super::app::App`] takes it over in constant time. The timeline and the
//! search index may come later ([`Prepared::build_list`]): the list is complete
//! without them. From the cache, the list comes even before the stories' bodies
//! ([`Prepared::build_listed`], in [`listed_order`], the order
//! [`super::order::sort_stories`] gives the whole stories).

use std::collections::HashMap;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::rows::{
    ListRow, SpeakerEntry, TimelineRow, TimelineSource, build_speakers, build_timeline_from,
    list_row,
};
use super::search::SearchIndex;
use super::shelf::{Shelf, Texts};
use crate::cache::{Listed, QuoteCount};
use crate::config::SortOrder;
use crate::model::{Corpus, Story};

/// The complete list of a corpus from the cache, its stories' bodies still to come
/// ([`Prepared::build_listed`]): where each listed story is stored, so the whole
/// stories, stored in the same order, are put in the list's order exactly.
#[derive(Debug)]
pub struct ListedOrder {
    /// `from[i]`: the stored position of the list's `i`th story.
    pub from: Vec<usize>,
    /// The hash of each listed story's id, in list order, to check the whole stories
    /// against.
    ids: Vec<u64>,
}

impl ListedOrder {
    /// `stories` (the whole stories in the stored order) in the list's order, when
    /// they are the listed ones (given back when they are not: a bug, then the
    /// caller sorts them itself).
    pub fn apply(&self, mut stories: Vec<Story>) -> Result<Vec<Story>, Vec<Story>> {
        let same = stories.len() == self.from.len()
            && self
                .from
                .par_iter()
                .zip(&self.ids)
                .all(|(&i, &id)| xxh3_64(stories[i].id.as_bytes()) == id);
        if !same {
            return Err(stories);
        }
        permute(&mut stories, &self.from);
        Ok(stories)
    }

    /// Puts `items` (one per story, in the stored order) in the list's order, as
    /// [`ListedOrder::apply`] put the stories; false (nothing moved) when they are
    /// not one per story.
    pub fn apply_to<T>(&self, items: &mut [T]) -> bool {
        if items.len() != self.from.len() {
            return false;
        }
        permute(items, &self.from);
        true
    }
}

/// Puts `items` in the order `from` gives (the `i`th item becomes the one now at
/// `from[i]`, a permutation), in place: one cycle at a time, by swaps.
pub(super) fn permute<T>(items: &mut [T], from: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut i = start;
        while !done[i] {
            done[i] = true;
            let j = from[i];
            if j == start {
                break;
            }
            items.swap(i, j);
            i = j;
        }
    }
}

/// A time as [`crate::model::Timestamp`]'s order compares it: its instant (UTC when
/// the offset is known), its wall clock, its offset; made once per story for a sort.
type TimeKey = Option<(i64, u32, i64, u32, Option<i32>)>;

fn time_key(story: &Story) -> TimeKey {
    story.time().map(|t| {
        let instant = t.sort_key().and_utc();
        let local = t.local.and_utc();
        (
            instant.timestamp(),
            instant.timestamp_subsec_nanos(),
            local.timestamp(),
            local.timestamp_subsec_nanos(),
            t.offset.map(|o| o.local_minus_utc()),
        )
    })
}

/// Newest first, stories without a time last ([`crate::model::newest_first`]).
fn newest_first(a: &TimeKey, b: &TimeKey) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        _ => oldest_first(a, b),
    }
}

/// Oldest first, stories without a time last ([`crate::model::oldest_first`]).
fn oldest_first(a: &TimeKey, b: &TimeKey) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Where each of the stored `stories` goes in `order` (the `i`th of the list is
/// stored at `result[i]`): the order [`super::order::sort_stories`] gives them whole,
/// told from their times, headlines and quote counts alone (`counts[i]` of
/// `stories[i]`, whose quotes are not there).
pub fn listed_order(stories: &[Story], counts: &[QuoteCount], order: SortOrder) -> Vec<usize> {
    let mut at: Vec<usize> = (0..stories.len()).collect();
    let times = || -> Vec<TimeKey> { stories.par_iter().map(time_key).collect() };
    let newest = |at: &mut Vec<usize>| {
        let times = times();
        at.sort_by(|&a, &b| newest_first(&times[a], &times[b]));
    };
    match order {
        SortOrder::Newest => newest(&mut at),
        SortOrder::Oldest => {
            let times = times();
            at.sort_by(|&a, &b| oldest_first(&times[a], &times[b]));
        }
        SortOrder::Headline => {
            at.sort_by_cached_key(|&i| {
                super::text::fold(&super::text::clean(&stories[i].headline))
            });
        }
        SortOrder::Quotes => {
            newest(&mut at);
            at.sort_by_key(|&i| std::cmp::Reverse(counts.get(i).map_or(0, |c| c.all)));
        }
    }
    at
}

/// A corpus with the reader's indexes.
#[derive(Debug, Default)]
pub struct Prepared {
    /// The corpus, each story's quotes in reading order.
    pub corpus: Corpus,
    /// One list row per story.
    pub list_rows: Vec<ListRow>,
    /// Every speaker with a non-partial quote, most quoted first.
    pub speakers: Vec<SpeakerEntry>,
    /// Speaker name to index into `speakers`.
    pub speaker_index: HashMap<String, usize>,
    /// Every quote, newest first (empty from [`Prepared::build_list`]: the rows come
    /// later, see [`super::loading::LoadEvent::TimelineReady`]).
    pub timeline_rows: Vec<TimelineRow>,
    /// The search index (`None`: it comes later, see [`super::loading::LoadEvent`]).
    pub search_index: Option<SearchIndex>,
    /// The stories' text, when it was moved out of them ([`super::shelf`]).
    pub shelf: Option<Shelf>,
}

impl Prepared {
    /// Indexes `corpus`: the work grows with the corpus, so the reader calls it on the
    /// loading thread.
    pub fn build(corpus: Corpus) -> Self {
        let mut prepared = Self::build_list(corpus);
        prepared.timeline_rows = build_timeline_from(prepared.timeline_source());
        prepared.search_index = Some(SearchIndex::build(&prepared.corpus.stories));
        prepared
    }

    /// As [`Prepared::build`] without the timeline and the search index (the costly
    /// parts): what the reader needs to show the complete list. Each story's quotes are
    /// put in reading order here, so [`Prepared::timeline_source`] is taken after.
    pub fn build_list(mut corpus: Corpus) -> Self {
        corpus
            .stories
            .par_iter_mut()
            .for_each(|story| story.quotes.sort_by_key(|q| (q.paragraph, q.start, q.end)));
        let list_rows = corpus.stories.par_iter().map(list_row).collect();
        let (speakers, speaker_index) = build_speakers(&corpus);
        Self {
            corpus,
            list_rows,
            speakers,
            speaker_index,
            timeline_rows: Vec::new(),
            search_index: None,
            shelf: None,
        }
    }

    /// The complete list of a corpus from the cache before its stories' bodies come:
    /// the listed stories (no paragraphs, no quotes) in `order`, each row counting
    /// the quotes stored for it; no speakers, no timeline, no search index (they come
    /// with the bodies). With it, where each story is stored ([`ListedOrder`]).
    pub fn build_listed(listed: Listed, order: SortOrder) -> (Self, ListedOrder) {
        let Listed {
            stories,
            counts,
            warnings,
            stats,
        } = listed;
        let mut stories = stories;
        let from = listed_order(&stories, &counts, order);
        permute(&mut stories, &from);
        let ids = stories
            .par_iter()
            .map(|s| xxh3_64(s.id.as_bytes()))
            .collect();
        let list_rows = stories
            .par_iter()
            .zip(from.par_iter())
            .map(|(story, &i)| {
                let mut row = list_row(story);
                row.quotes = counts.get(i).map_or(0, |c| c.spoken);
                row
            })
            .collect();
        let corpus = Corpus {
            stories,
            speakers: Vec::new(),
            warnings,
            stats,
        };
        let prepared = Self {
            corpus,
            list_rows,
            ..Self::default()
        };
        (prepared, ListedOrder { from, ids })
    }

    /// The stories, with where their text is ([`super::shelf`]).
    pub fn texts(&self) -> Texts<'_> {
        Texts {
            stories: &self.corpus.stories,
            shelf: self.shelf.as_ref(),
        }
    }

    /// What the timeline's rows are made of ([`super::rows::build_timeline_from`]):
    /// each quote's time, place, speaker (in [`Prepared::speakers`]) and kind, taken
    /// so they can be made after the corpus went to the reader.
    pub fn timeline_source(&self) -> TimelineSource {
        TimelineSource::copy(&self.corpus, &self.speaker_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, Timestamp};

    fn quote(partial: bool) -> Quote {
        Quote {
            text: "We open at dawn".into(),
            speaker: Some("Ada Marsh".into()),
            speaker_title: None,
            speaker_mention: None,
            cue: Some("said".into()),
            partial,
            paragraph: 0,
            start: 0,
            end: 4,
            timestamp: None,
            spans: Default::default(),
        }
    }

    /// Stories with equal, missing and differing times, headlines that fold the same,
    /// and quote counts that tie, so every order's ties are met.
    fn stories() -> Vec<Story> {
        let times = [
            Some("2024-03-01T06:00:00"),
            None,
            Some("2024-03-01T06:00:00+02:00"),
            Some("2023-12-31T23:59:00"),
            None,
            Some("2024-03-01T06:00:00"),
        ];
        let headlines = [
            "Dam opens",
            "dam opens",
            "Bridge shut",
            "Ärger im Hafen",
            "Mill",
            "Zoo",
        ];
        (0..24)
            .map(|n| {
                let mut s = Story::new(
                    "page.txt",
                    headlines[n % headlines.len()],
                    vec![format!("Body {n}.")],
                );
                s.id = format!("{n:016x}");
                s.published = times[(n * 5) % times.len()].and_then(Timestamp::parse);
                if n % 4 == 1 {
                    s.updated = Timestamp::parse("2024-05-05T05:05:05");
                }
                s.quotes = (0..n % 3).map(|q| quote(q == 1)).collect();
                s
            })
            .collect()
    }

    const ORDERS: [SortOrder; 4] = [
        SortOrder::Newest,
        SortOrder::Oldest,
        SortOrder::Headline,
        SortOrder::Quotes,
    ];

    #[test]
    fn a_permutation_in_place_puts_each_item_where_it_goes() {
        let from = [3, 0, 4, 1, 2, 5, 7, 6];
        let mut items: Vec<usize> = (0..from.len()).map(|i| i * 10).collect();
        permute(&mut items, &from);
        let expected: Vec<usize> = from.iter().map(|&i| i * 10).collect();
        assert_eq!(items, expected);
    }

    #[test]
    fn the_listed_order_is_the_order_of_the_whole_stories() {
        let stored = stories();
        let counts: Vec<QuoteCount> = stored.iter().map(QuoteCount::of).collect();
        for order in ORDERS {
            let mut sorted = stored.clone();
            super::super::order::sort_stories(&mut sorted, order);
            let from = listed_order(&stored, &counts, order);
            let listed: Vec<&Story> = from.iter().map(|&i| &stored[i]).collect();
            assert_eq!(listed, sorted.iter().collect::<Vec<_>>(), "{order:?}");
        }
    }

    #[test]
    fn the_listed_rows_are_the_whole_stories_rows_and_the_bodies_follow_in_their_order() {
        let stored = stories();
        let corpus = Corpus {
            stories: stored.clone(),
            ..Corpus::default()
        };
        let listed = Listed::of(&corpus);
        for order in ORDERS {
            let (prepared, at) = Prepared::build_listed(listed.clone(), order);
            let mut whole = corpus.clone();
            super::super::order::sort_stories(&mut whole.stories, order);
            let whole = Prepared::build_list(whole);
            assert_eq!(prepared.list_rows, whole.list_rows, "{order:?}");
            let ids = |s: &[Story]| s.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&prepared.corpus.stories), ids(&whole.corpus.stories));
            assert!(
                prepared
                    .corpus
                    .stories
                    .iter()
                    .all(|s| s.paragraphs.is_empty() && s.quotes.is_empty())
            );
            let bodies = at.apply(stored.clone()).expect("the listed stories");
            let mut expected = stored.clone();
            super::super::order::sort_stories(&mut expected, order);
            assert_eq!(bodies, expected, "{order:?}");
            let mut other = stored.clone();
            other[3].id = "another".to_string();
            assert!(at.apply(other).is_err(), "stories not listed are refused");
        }
    }
}
