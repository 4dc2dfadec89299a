//! What the loading threads do with each page's stories as it is parsed: a provisional
//! copy for the reader's list, sent in batches ([`Batcher`]), and each story's search
//! entry, kept for the final index.
//!
//! Only the first stories found come whole, until [`TEXT_BUDGET`] bytes of their text
//! have gone (enough to read while a large archive loads); the later ones come
//! without their text (headline, section, byline, times and sources: the list's row),
//! so the reader never holds a second copy of the whole corpus's text beside the
//! loader's. A story without its text shows `loading…` until the final corpus comes,
//! and searches wait for it, as on a list reopened from the cache.
//!
//! The search entry of every story found with its text (parsed, not taken from the
//! cache) is made here, on the loading threads, and kept by the story's text
//! ([`text_key`]): the final stories, merged from these, take their entries from that
//! table ([`slots`]), so their text is neither folded again nor copied for an index
//! built after they went to the reader; only a story whose text no page gave as is
//! (merging changed it, or it has no paragraphs) is copied. Stories taken from the
//! cache come without their text: they go to the list as rows, and a reopening indexes
//! them from the cache file once the list is shown.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::LoadEvent;
use crate::ingest::{Progress, dedupe, spilled};
// A story's text as a search reads it (its headline and paragraphs), hashed: the key
// the loader makes as it quotes the story.
use crate::ingest::spilled::key_of as text_key;
use crate::model::Story;
use crate::tui::search::{Entry, StoryText};
use crate::tui::shelf::Texts;

/// How much text (headlines and paragraphs, in bytes) the first stories found may
/// bring whole to the reader while pages are parsed: a few hundred stories to read.
pub const TEXT_BUDGET: usize = 4 << 20;

/// The size of a story's text (its headline and paragraphs).
fn text_size(story: &Story) -> usize {
    story.headline.len() + story.paragraphs.iter().map(String::len).sum::<usize>()
}

/// `story` without its text (no paragraphs, no quotes): what its list row needs.
pub fn head(story: &Story) -> Story {
    let Story {
        id,
        headline,
        section,
        byline,
        published,
        updated,
        source,
        sources,
        paragraphs: _,
        quotes: _,
        origin,
    } = story;
    Story {
        id: id.clone(),
        headline: headline.clone(),
        section: section.clone(),
        byline: byline.clone(),
        published: *published,
        updated: *updated,
        source: source.clone(),
        sources: sources.clone(),
        paragraphs: Vec::new(),
        quotes: Vec::new(),
        origin: origin.clone(),
    }
}

/// Gathers stories from the worker threads and sends them in batches; keeps every
/// story's search entry for the final index.
pub(super) struct Batcher {
    pending: Mutex<Pending>,
    /// The least time between two batches ([`super::BATCH_INTERVAL`]).
    interval: Duration,
    /// How much text the stories sent whole may have ([`TEXT_BUDGET`]).
    budget: usize,
    /// How much text the stories found so far have (a story found while this is
    /// under the budget is sent whole).
    found_text: AtomicUsize,
    /// The search entry of every story found, by [`text_key`] (boxed: the table's
    /// spare room is then a few bytes a slot, not an entry's).
    made: Mutex<HashMap<u128, Box<Entry>>>,
    pub(super) sink: Box<dyn Fn(LoadEvent) + Send + Sync>,
}

/// What a [`Batcher`] holds between two batches.
struct Pending {
    /// Stories found since the last batch.
    stories: Vec<Story>,
    /// Their search entries (`None`: the story goes without its text).
    entries: Vec<Option<Entry>>,
    /// The progress last reported.
    progress: Progress,
    /// When the last batch was sent.
    sent: Instant,
    /// Whether no story has been sent yet.
    first: bool,
}

impl Batcher {
    /// A batcher sending to `sink` at most every `interval` (but the first stories),
    /// the first stories whole up to `budget` bytes of their text.
    pub(super) fn new(
        interval: Duration,
        budget: usize,
        sink: Box<dyn Fn(LoadEvent) + Send + Sync>,
    ) -> Self {
        Batcher {
            pending: Mutex::new(Pending {
                stories: Vec::new(),
                entries: Vec::new(),
                progress: Progress::default(),
                sent: Instant::now(),
                first: true,
            }),
            interval,
            budget,
            found_text: AtomicUsize::new(0),
            made: Mutex::new(HashMap::new()),
            sink,
        }
    }

    /// Takes the stories of one page (called on the loading threads): their copies
    /// and search entries are made here, outside the lock.
    pub(super) fn stories(&self, found: &[Story]) {
        let mut stories = Vec::with_capacity(found.len());
        let mut entries = Vec::with_capacity(found.len());
        let mut made = Vec::with_capacity(found.len());
        for story in found {
            // A story taken from the cache comes without its text (it waits in the
            // spill): it goes to the list as its row, and its entry is made after the
            // list, from the cache's text.
            if story.paragraphs.is_empty() {
                let mut copy = head(story);
                copy.id = dedupe::headline_id(&copy.headline);
                stories.push(copy);
                entries.push(None);
                continue;
            }
            let entry = Entry::new(story);
            let size = text_size(story);
            let before = self
                .found_text
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                    Some(n.saturating_add(size))
                })
                .unwrap_or(usize::MAX);
            let whole = before < self.budget;
            let mut copy = if whole { story.clone() } else { head(story) };
            copy.id = dedupe::headline_id(&copy.headline);
            stories.push(copy);
            entries.push(whole.then(|| entry.clone()));
            made.push((text_key(story), Box::new(entry)));
        }
        if let Ok(mut all) = self.made.lock() {
            all.extend(made);
        }
        let Ok(mut pending) = self.pending.lock() else {
            return;
        };
        pending.stories.extend(stories);
        pending.entries.extend(entries);
    }

    /// The search entries of every story found so far, by [`text_key`] (taken: the
    /// batcher keeps none after).
    pub(super) fn take_entries(&self) -> HashMap<u128, Box<Entry>> {
        match self.made.lock() {
            Ok(mut made) => std::mem::take(&mut *made),
            Err(_) => HashMap::new(),
        }
    }

    /// Takes what was found since the last batch.
    fn take(pending: &mut Pending) -> LoadEvent {
        pending.sent = Instant::now();
        LoadEvent::Found {
            stories: std::mem::take(&mut pending.stories),
            entries: std::mem::take(&mut pending.entries),
            progress: pending.progress,
        }
    }

    /// Takes the progress after a page (called on the loading threads), and sends what
    /// was found when the last batch is [`super::BATCH_INTERVAL`] old. The first
    /// stories go at once, so the list fills as soon as the first page is read.
    pub(super) fn progress(&self, progress: Progress) {
        let batch = {
            let Ok(mut pending) = self.pending.lock() else {
                return;
            };
            // Pages are read on several threads, stories quoted on several: the
            // furthest report is kept.
            let old = pending.progress;
            if progress.files_done > old.files_done
                || (progress.stories_to_quote, progress.stories_quoted)
                    > (old.stories_to_quote, old.stories_quoted)
            {
                pending.progress = progress;
            }
            let first = pending.first && !pending.stories.is_empty();
            if !first && pending.sent.elapsed() < self.interval {
                return;
            }
            if first {
                pending.first = false;
            }
            Self::take(&mut pending)
        };
        (self.sink)(batch);
    }

    /// Sends what is left.
    pub(super) fn flush(&self) {
        let batch = match self.pending.lock() {
            Ok(mut pending) => Self::take(&mut pending),
            Err(_) => return,
        };
        (self.sink)(batch);
    }
}

/// One final story's search entry: made while its page was parsed, or to be made
/// from a copy of its text (after the story went to the reader).
#[derive(Debug)]
pub(super) enum Slot {
    /// The entry, made from a story found with the same text.
    Made(Box<Entry>),
    /// A copy of the story's text, when no story found had the same.
    Copied(StoryText),
}

impl Slot {
    /// The entry.
    pub(super) fn entry(self) -> Entry {
        match self {
            Slot::Made(entry) => *entry,
            Slot::Copied(text) => text.entry(),
        }
    }
}

/// The search entry of each of the final stories (in list order, their text wherever
/// it is kept) from those `made` while pages were parsed, or a copy of the story's
/// text where none was.
/// `known` gives each story's [`text_key`] when the loader made them (one per story),
/// else they are made here from the text.
pub(super) fn slots(
    texts: Texts<'_>,
    mut made: HashMap<u128, Box<Entry>>,
    known: Vec<u128>,
) -> Vec<Slot> {
    let stories = texts.stories;
    let keys: Vec<u128> = if known.len() == stories.len() {
        known
    } else {
        (0..stories.len())
            .into_par_iter()
            .map(|i| {
                texts.with_paragraphs(i, |paragraphs| {
                    let headline = std::iter::once(stories[i].headline.as_str());
                    spilled::text_key(headline.chain(paragraphs.iter().copied()))
                })
            })
            .collect()
    };
    let mut slots: Vec<Option<Slot>> = keys
        .iter()
        .map(|key| made.remove(key).map(Slot::Made))
        .collect();
    drop(made);
    slots
        .par_iter_mut()
        .enumerate()
        .map(|(i, slot)| {
            slot.take().unwrap_or_else(|| {
                let story = Story {
                    paragraphs: texts.paragraphs(i).into_owned(),
                    ..head(&stories[i])
                };
                Slot::Copied(StoryText::of(&story))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn story(headline: &str, words: usize) -> Story {
        let body = vec!["Body with Ünïcode to fold.".repeat(words)];
        Story::new("page.txt", headline, body)
    }

    fn progress(files_done: usize) -> Progress {
        Progress {
            files_done,
            files_total: 9,
            stories_found: files_done,
            ..Progress::default()
        }
    }

    /// A batcher with an interval no test outlasts and a text budget of `budget`
    /// bytes, and the events it sent.
    fn batcher(budget: usize) -> (Batcher, Arc<Mutex<Vec<LoadEvent>>>) {
        let sent = Arc::new(Mutex::new(Vec::new()));
        let to = Arc::clone(&sent);
        let sink = Box::new(move |e: LoadEvent| to.lock().unwrap().push(e));
        (Batcher::new(Duration::from_secs(3600), budget, sink), sent)
    }

    /// The headlines of a batch, whether each came whole, and its progress.
    fn found(event: &LoadEvent) -> (Vec<String>, Vec<bool>, Progress) {
        match event {
            LoadEvent::Found {
                stories,
                entries,
                progress,
            } => {
                assert_eq!(stories.len(), entries.len(), "an entry slot per story");
                let headlines = stories.iter().map(|s| s.headline.clone()).collect();
                let whole = stories
                    .iter()
                    .zip(entries)
                    .map(|(story, entry)| match entry {
                        Some(entry) => {
                            assert_eq!(*entry, Entry::new(story), "entry of another story");
                            true
                        }
                        None => {
                            assert!(story.paragraphs.is_empty() && story.quotes.is_empty());
                            false
                        }
                    })
                    .collect();
                (headlines, whole, *progress)
            }
            other => panic!("not a batch: {other:?}"),
        }
    }

    #[test]
    fn first_stories_go_at_once_then_batches_wait() {
        let (batcher, sent) = batcher(usize::MAX);
        batcher.progress(progress(1)); // a page with no story: nothing to show yet
        assert!(sent.lock().unwrap().is_empty());
        batcher.stories(&[story("Dam opens", 1), story("Port closes", 1)]);
        batcher.progress(progress(2));
        {
            let sent = sent.lock().unwrap();
            assert_eq!(sent.len(), 1, "the first stories wait for nothing");
            let (headlines, whole, at) = found(&sent[0]);
            assert_eq!(headlines, ["Dam opens", "Port closes"]);
            assert_eq!(
                whole,
                [true, true],
                "every story comes with its search entry"
            );
            assert_eq!(at, progress(2));
        }
        batcher.stories(&[story("Mill burns", 1)]);
        batcher.progress(progress(3));
        batcher.stories(&[story("Bridge reopens", 1)]);
        batcher.progress(progress(4));
        assert_eq!(
            sent.lock().unwrap().len(),
            1,
            "later ones wait for the interval"
        );
        batcher.flush();
        let sent = sent.lock().unwrap();
        let (headlines, whole, at) = found(&sent[1]);
        assert_eq!(headlines, ["Mill burns", "Bridge reopens"]);
        assert_eq!(whole, [true, true]);
        assert_eq!(at, progress(4));
    }

    #[test]
    fn the_furthest_progress_is_kept_through_the_quotes() {
        let (batcher, sent) = batcher(usize::MAX);
        batcher.stories(&[story("Dam opens", 1)]);
        batcher.progress(progress(9));
        // A page's report that comes late, then the quotes found.
        batcher.progress(progress(8));
        let quoting = |stories_quoted| Progress {
            stories_quoted,
            stories_to_quote: 5,
            ..progress(9)
        };
        batcher.progress(quoting(2));
        batcher.progress(quoting(1));
        batcher.flush();
        let sent = sent.lock().unwrap();
        let (.., at) = found(sent.last().expect("a batch"));
        assert_eq!(at, quoting(2));
    }

    #[test]
    fn stories_found_past_the_budget_go_without_their_text() {
        let first = story("Dam opens", 40);
        let budget = text_size(&first) + 10;
        let (batcher, sent) = batcher(budget);
        // The first story leaves 10 bytes of the budget: the second, found while it is
        // not spent, comes whole; every story after comes without its text.
        batcher.stories(&[first, story("Port closes", 40)]);
        batcher.stories(&[story("Mill burns", 1), story("Bridge reopens", 40)]);
        batcher.flush();
        let sent = sent.lock().unwrap();
        let (headlines, whole, _) = found(&sent[0]);
        assert_eq!(
            headlines,
            ["Dam opens", "Port closes", "Mill burns", "Bridge reopens"]
        );
        assert_eq!(whole, [true, true, false, false]);
        let LoadEvent::Found { stories, .. } = &sent[0] else {
            unreachable!()
        };
        let later = &stories[3];
        assert_eq!(
            later.id,
            dedupe::headline_id("Bridge reopens"),
            "ids as ever"
        );
        assert_eq!(later.source.path, "page.txt", "the row's fields are kept");
        // Every story's entry is kept for the final index, whole or not.
        let made = batcher.take_entries();
        assert_eq!(made.len(), 4);
        let bridge = story("Bridge reopens", 40);
        let entry = made.get(&text_key(&bridge)).map(|e| &**e);
        assert_eq!(entry, Some(&Entry::new(&bridge)));
        assert!(batcher.take_entries().is_empty(), "taken once");
    }

    #[test]
    fn a_story_without_its_text_keeps_every_other_field() {
        let mut whole = story("Dam opens", 3);
        whole.section = Some("Region".to_string());
        whole.byline = Some("Ada Marsh".to_string());
        whole.published = crate::model::Timestamp::parse("2024-03-01T06:00:00");
        let listed = head(&whole);
        assert!(listed.paragraphs.is_empty() && listed.quotes.is_empty());
        let mut emptied = whole.clone();
        emptied.paragraphs.clear();
        assert_eq!(listed, emptied);
    }

    #[test]
    fn the_final_stories_take_the_entries_made_and_copy_only_the_text_no_page_gave() {
        let found = [story("Dam opens", 2), story("Port closes", 3)];
        let made: HashMap<u128, Box<Entry>> = found
            .iter()
            .map(|s| (text_key(s), Box::new(Entry::new(s))))
            .collect();
        // Merging kept the second as found; the first's text changed (a paragraph
        // more): its entry is made again from a copy.
        let mut changed = found[0].clone();
        changed.paragraphs.push("A later paragraph.".to_string());
        let finals = [found[1].clone(), changed];
        let slots = slots(Texts::of(&finals), made, Vec::new());
        assert!(matches!(slots[0], Slot::Made(_)));
        assert!(matches!(slots[1], Slot::Copied(_)));
        let entries: Vec<Entry> = slots.into_iter().map(Slot::entry).collect();
        let expected: Vec<Entry> = finals.iter().map(Entry::new).collect();
        assert_eq!(entries, expected);
        // The same headline and paragraphs give the same key; a moved boundary does not.
        let mut split = found[0].clone();
        split.paragraphs = vec![
            "Body with".to_string(),
            split.paragraphs[0][9..].to_string(),
        ];
        assert_ne!(text_key(&split), text_key(&found[0]));
        assert_eq!(text_key(&found[0].clone()), text_key(&found[0]));
    }
}
