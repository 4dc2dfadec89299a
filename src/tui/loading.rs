//! Loading in the background, so the reader's first frame comes at once.
//!
//! [`spawn`] starts a thread that loads the pages ([`crate::ingest::load`], or the
//! bundled samples) and hands [`LoadEvent`]s to a sink (the reader's event channel): stories as
//! pages are parsed (in batches, at most every [`BATCH_INTERVAL`]; only the first
//! [`TEXT_BUDGET`] bytes of text come whole, later stories without their text, see
//! `loading/found.rs`), with the progress
//! so far (or, reopening an unchanged archive from the cache, the complete list at
//! once, its stories' bodies still to come: [`LoadEvent::Listed`]); then the final
//! corpus, merged and quoted, with the list's indexes
//! ([`Prepared::build_list`]); then its quotes timeline and last its search index,
//! built on the same thread ([`super::rows::build_timeline_from`]; the index from the
//! search entries made as pages were parsed, see `found::slots`). [`apply`] folds an event into
//! the app: provisional stories are appended to the list, the final corpus replaces
//! them (as it replaces a list without bodies), keeping the selected story and its
//! scroll ([`App::replace_corpus`]), and the
//! search index comes in last, running the search typed while it was built
//! ([`App::set_search_index`]). Until then a story that came without its text shows
//! `loading…` and searches wait, as on a list reopened from the cache.
//! Warnings go to the warnings panel. The pages' text goes to a temporary file as they
//! are parsed ([`crate::ingest::spilled`]) or decoded from the cache, which becomes the
//! reader's shelf ([`Shelf`]) when the text passes the budget.
//! How far loading has got ([`Loading`]) is kept in [`super::progress`].

mod found;

use std::collections::HashMap;
use std::io;
use std::panic;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::app::App;
use super::prepare::{ListedOrder, Prepared, permute};
pub use super::progress::{Loading, status_text};
use super::rows::{TimelineRow, build_timeline_from};
use super::search::{self, SearchIndex};
use super::shelf::Shelf;
use crate::config::SortOrder;
use crate::ingest::spill::Spill;
use crate::ingest::{self, LoadOptions, Progress};
use crate::model::{Corpus, Story};
use found::Batcher;
pub use found::TEXT_BUDGET;

/// How often found stories are sent to the reader while loading.
pub const BATCH_INTERVAL: Duration = Duration::from_millis(40);

/// What to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Files, directories, or `-` for standard input.
    Paths(Vec<PathBuf>),
    /// Files and directories, through the corpus cache in `cache` ([`crate::cache`]).
    Cached {
        /// What to load.
        paths: Vec<PathBuf>,
        /// The cache file.
        cache: PathBuf,
    },
    /// The sample pages bundled into the binary.
    Samples,
}

impl Source {
    /// The bundled samples when `paths` is empty, else the paths.
    pub fn from_paths(paths: &[PathBuf]) -> Self {
        if paths.is_empty() {
            Source::Samples
        } else {
            Source::Paths(paths.to_vec())
        }
    }
}

/// What background loading reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// Stories found since the last batch (provisional: not merged, no quotes; past
    /// the first [`TEXT_BUDGET`] bytes of text, without their text), and the progress
    /// so far.
    Found {
        /// The stories, in the order they were parsed.
        stories: Vec<Story>,
        /// Their search entries (`entries[i]` of `stories[i]`), made on the loading
        /// threads so the drawing thread only files them; `None` for a story sent
        /// without its text (no paragraphs: it waits for the final corpus).
        entries: Vec<Option<search::Entry>>,
        /// Files read of the total, stories found.
        progress: Progress,
    },
    /// The complete, final list of an unchanged archive reopened from the cache (its
    /// stories in their final order under their final ids, with their rows), before
    /// the stories' bodies: no paragraphs, quotes or speakers until
    /// [`LoadEvent::Done`] brings the same stories whole.
    Listed(Box<Prepared>),
    /// Loading ended: the final corpus, with the list's indexes (the list is
    /// complete; the timeline waits for [`LoadEvent::TimelineReady`], searches for
    /// [`LoadEvent::SearchReady`]).
    Done(Box<Prepared>),
    /// The quotes timeline of the final corpus, sent right after [`LoadEvent::Done`].
    TimelineReady(Vec<TimelineRow>),
    /// The search index of the final corpus, sent after [`LoadEvent::TimelineReady`].
    SearchReady(SearchIndex),
    /// Loading stopped on an internal error (a bug): what was found so far stays.
    Failed(String),
}

/// Loads `source`, calling `sink` with every batch of stories found, then with the
/// final corpus, its stories in `order`, and last with its search index. Runs on the calling thread; [`spawn`]
/// runs it on its own.
pub fn load_streaming(
    source: &Source,
    order: SortOrder,
    sink: impl Fn(LoadEvent) + Send + Sync + 'static,
) {
    load_streaming_within(source, order, TEXT_BUDGET, sink);
}

/// [`load_streaming`], the stories found while pages are parsed sent whole only up
/// to `budget` bytes of their text (the reader's is [`TEXT_BUDGET`]).
pub fn load_streaming_within(
    source: &Source,
    order: SortOrder,
    budget: usize,
    sink: impl Fn(LoadEvent) + Send + Sync + 'static,
) {
    let batcher = Batcher::new(BATCH_INTERVAL, budget, Box::new(sink));
    let on_stories = |found: &[Story]| batcher.stories(found);
    let on_progress = |progress: Progress| batcher.progress(progress);
    let options = LoadOptions {
        progress: Some(&on_progress),
        stories: Some(&on_stories),
    };
    let mut listed: Option<ListedOrder> = None;
    // The text of parsed pages waits in this file from the moment each page is parsed
    // (a corpus reopened from the cache puts its text there as it is decoded): it
    // becomes the reader's shelf.
    let spill = match source {
        Source::Samples => None,
        Source::Paths(_) | Source::Cached { .. } => Spill::new().ok(),
    };
    let mut bodies = Vec::new();
    // Each story's text key, when the loader made them as it read the text.
    let mut keys = Vec::new();
    let (mut corpus, stored): (Corpus, _) = match source {
        Source::Paths(paths) => match &spill {
            Some(spill) => {
                let spilled = ingest::spilled::load(paths, &options, spill);
                bodies = spilled.bodies;
                keys = spilled.text_keys;
                (spilled.corpus, None)
            }
            None => (ingest::load(paths, &options), None),
        },
        Source::Cached { paths, cache } => {
            // The list is made while the files are looked at, and goes as soon as
            // every one is found unchanged, before the bodies are decoded.
            let make = |list| Prepared::build_listed(list, order);
            let mut give = |(prepared, at): (Prepared, ListedOrder)| {
                listed = Some(at);
                batcher.flush();
                (batcher.sink)(LoadEvent::Listed(Box::new(prepared)));
            };
            let listing = crate::cache::Listing {
                make: &make,
                give: &mut give,
                shelf: spill.as_ref().map(|s| (s, budget as u64)),
            };
            let loaded = crate::cache::load_listing(paths, cache, &options, Some(listing));
            bodies = loaded.bodies;
            keys = loaded.text_keys;
            (loaded.corpus, loaded.text)
        }
        Source::Samples => (
            ingest::load_pages_with(crate::samples::pages(), &options),
            None,
        ),
    };
    batcher.flush();
    // A whole corpus from the cache is in the stored order: it takes the order of the
    // list shown (the same stories), else it is sorted.
    let mut from = None;
    // The file holds the text decoded from the cache or parsed, or waits for the text
    // to be shelved after the sort.
    let (mut shelved, unused) = match spill {
        Some(spill) if bodies.iter().any(Option::is_some) => {
            (Some(Shelf::of_loaded(spill, bodies)), None)
        }
        spill => (None, spill),
    };
    if let (Some(at), Some(_)) = (&listed, &stored) {
        match at.apply(std::mem::take(&mut corpus.stories)) {
            Ok(stories) => {
                corpus.stories = stories;
                from = Some(at.from.clone());
                // The shelf was filled a story at a time as the stories were
                // decoded: one text a story, moved as they were.
                if let Some(shelf) = &mut shelved {
                    let followed = shelf.follow(|bodies| at.apply_to(bodies));
                    debug_assert!(followed, "one text per story");
                }
            }
            Err(stories) => corpus.stories = stories,
        }
    }
    drop(listed);
    let loaded_at = match from {
        None => stored.as_ref().and_then(|_| load_order(&corpus.stories)),
        Some(_) => None,
    };
    if from.is_none() {
        // Not one text a story (a bug): the text comes back, to be shelved after.
        if let Some(shelf) = shelved.take_if(|shelf| shelf.stories() != corpus.stories.len()) {
            shelf.put_back(&mut corpus.stories);
        }
        // The shelf and the text keys follow the stories into their order.
        let sorted = super::order::sorted_from(&corpus.stories, order);
        permute(&mut corpus.stories, &sorted);
        if let Some(shelf) = &mut shelved {
            shelf.follow(|bodies| {
                permute(bodies, &sorted);
                true
            });
        }
        match keys.len() == sorted.len() {
            true => permute(&mut keys, &sorted),
            false => keys.clear(),
        }
    }
    // Text within the budget is kept in the stories.
    if let Some(shelf) = shelved.take_if(|shelf| shelf.text_length() <= budget) {
        shelf.put_back(&mut corpus.stories);
    }
    // The timeline and the index are made after the list goes, from what they need:
    // the index from the entries made while pages were parsed (and copies of the text
    // of any story no page gave as is); a corpus from the cache is indexed from the
    // cache file, with no copy of its text.
    let mut prepared = Prepared::build_list(corpus);
    let quotes = prepared.timeline_source();
    let reread = match (stored, loaded_at, from) {
        (Some(stored), _, Some(from)) => Some((stored, Some(from))),
        (Some(stored), Some(at), None) => {
            Some((stored, sorted_from(&prepared.corpus.stories, &at)))
        }
        _ => None,
    };
    // Past the budget, the stories' text leaves memory for the reader's shelf (parsed
    // pages and a corpus from the cache put it there as it was read): the list, quotes
    // and search filters stay.
    prepared.shelf = match shelved {
        Some(shelf) => Some(shelf),
        None => Shelf::store_in(&mut prepared.corpus.stories, budget, unused),
    };
    let made = batcher.take_entries();
    let slots = reread
        .is_none()
        .then(|| found::slots(prepared.texts(), made, keys));
    (batcher.sink)(LoadEvent::Done(Box::new(prepared)));
    (batcher.sink)(LoadEvent::TimelineReady(build_timeline_from(quotes)));
    let index = match (slots, reread) {
        (Some(slots), _) => {
            use rayon::prelude::*;
            let entries = slots.into_par_iter().map(found::Slot::entry).collect();
            SearchIndex::from_entries(entries)
        }
        (None, Some((stored, Some(from)))) => index_stored(stored, &from),
        // An index of no story: the reader makes it from the stories it holds.
        (None, _) => SearchIndex::default(),
    };
    (batcher.sink)(LoadEvent::SearchReady(index));
}

/// Each story's position by its id, when no two stories share one.
fn load_order(stories: &[Story]) -> Option<HashMap<String, usize>> {
    let at: HashMap<String, usize> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    (at.len() == stories.len()).then_some(at)
}

/// Where each of the sorted `stories` was as loaded (`at`: [`load_order`]).
fn sorted_from(stories: &[Story], at: &HashMap<String, usize>) -> Option<Vec<usize>> {
    stories.iter().map(|s| at.get(&s.id).copied()).collect()
}

/// The search index of the stories stored in the cache, in list order (`from[i]`:
/// where the `i`th story of the list is stored); an empty index when the file no
/// longer reads as it did (the reader then makes it from its stories).
fn index_stored(stored: crate::cache::StoredText, from: &[usize]) -> SearchIndex {
    let Some(entries) = stored.map(search::Entry::of_text) else {
        return SearchIndex::default();
    };
    if entries.len() != from.len() {
        return SearchIndex::default();
    }
    let mut slots: Vec<Option<search::Entry>> = entries.into_iter().map(Some).collect();
    let sorted: Option<Vec<search::Entry>> =
        from.iter().map(|&i| slots.get_mut(i)?.take()).collect();
    sorted.map_or_else(SearchIndex::default, SearchIndex::from_entries)
}

/// Starts loading `source` on its own thread, calling `sink` with every [`LoadEvent`]
/// (the reader sends them on its event channel); the final corpus comes in `order`. A
/// panic while loading ends in [`LoadEvent::Failed`].
pub fn spawn(
    source: Source,
    order: SortOrder,
    sink: impl Fn(LoadEvent) + Send + Sync + 'static,
) -> io::Result<()> {
    thread::Builder::new()
        .name("loading".into())
        .spawn(move || {
            let sink = Arc::new(sink);
            let events = Arc::clone(&sink);
            let run = panic::AssertUnwindSafe(|| {
                load_streaming(&source, order, move |event| events(event));
            });
            if let Err(payload) = panic::catch_unwind(run) {
                let message = super::terminal::payload_text(payload.as_ref());
                sink(LoadEvent::Failed(message));
            }
        })?;
    Ok(())
}

/// Applies a loading event to the app.
pub fn apply(app: &mut App, event: LoadEvent) {
    match event {
        LoadEvent::Found {
            stories,
            entries,
            progress,
        } => {
            let without_text = entries.iter().any(Option::is_none);
            app.push_found(stories, entries);
            let loading = app.loading.get_or_insert_with(Loading::new);
            loading.progress = progress;
            loading.text_to_come |= without_text;
        }
        LoadEvent::Failed(message) => {
            app.loading = None;
            if !app.search_ready() {
                // The final corpus came, its timeline or index did not: build them here.
                app.set_timeline_rows(super::rows::build_timeline(&app.corpus));
                let index = SearchIndex::build_from(app.texts());
                app.set_search_index(index);
            }
            app.warnings.push(crate::model::Warning {
                path: "dateline".to_string(),
                message: format!("loading stopped by an internal error: {message}"),
            });
            app.message = Some("Loading stopped by an internal error · w: details".to_string());
        }
        LoadEvent::TimelineReady(rows) => app.set_timeline_rows(rows),
        LoadEvent::SearchReady(index) => {
            app.set_search_index(index);
            if app.search.jump_pending {
                super::update::search_more(app);
            }
        }
        LoadEvent::Listed(prepared) => {
            let loading = app.loading.unwrap_or_default();
            take_list(app, *prepared);
            app.loading = Some(Loading {
                listed: true,
                text_to_come: true,
                ..loading
            });
        }
        LoadEvent::Done(prepared) => {
            take_list(app, *prepared);
            app.loading = None;
        }
    }
}

/// Takes a complete list (the final corpus, or its list before the bodies) in place
/// of what the reader shows, with its warnings: at the start of a session when
/// nothing was done while loading.
fn take_list(app: &mut App, mut prepared: Prepared) {
    let warnings = std::mem::take(&mut prepared.corpus.warnings);
    let nothing = prepared.corpus.stats.pages == 0;
    let touched = app.loading.is_some_and(|l| l.touched);
    app.replace_corpus(prepared);
    if !touched {
        app.select_start();
    }
    let count = warnings.len();
    app.warnings = warnings;
    if nothing {
        app.message = Some("Nothing could be loaded · w: warnings".to_string());
    } else if count > 0 {
        app.message = Some(match count {
            1 => "1 warning while loading · w: show".to_string(),
            n => format!("{n} warnings while loading · w: show"),
        });
    }
}
