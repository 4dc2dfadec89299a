//! Background loading: every story found reaches the reader exactly once, the final
//! corpus is what `ingest::load` gives, the selection survives the swap, and loading
//! warnings land in the warnings panel; past the first stories' text, stories come
//! without it (what the reader then shows: `tui_loading_text.rs`). Reopened from the cache,
//! the complete list comes first, the final one, and the stories' bodies after it.

mod tui_fixture;

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use dateline::ingest::{self, LoadOptions};
use dateline::model::Corpus;
use dateline::tui::action::Action;
use dateline::tui::app::{App, Overlay};
use dateline::tui::loading::{self, LoadEvent, Source};
use dateline::tui::update::update;
use tui_fixture::*;

/// Runs background loading to the end on this thread, returning every event.
fn events_for(source: &Source) -> Vec<LoadEvent> {
    events_within(source, loading::TEXT_BUDGET)
}

/// Runs background loading to the end on this thread, the stories found sent whole
/// up to `budget` bytes of text, returning every event.
fn events_within(source: &Source, budget: usize) -> Vec<LoadEvent> {
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&got);
    let order = dateline::config::SortOrder::default();
    loading::load_streaming_within(source, order, budget, move |e| {
        sink.lock().expect("lock").push(e)
    });
    let mut events = got.lock().expect("lock");
    std::mem::take(&mut *events)
}

fn sorted_quotes(mut corpus: Corpus) -> Corpus {
    for s in &mut corpus.stories {
        s.quotes.sort_by_key(|q| (q.paragraph, q.start, q.end));
    }
    corpus
}

#[test]
fn every_story_arrives_once_and_the_final_corpus_equals_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(dir.path(), 60, 11);
    let paths = vec![root];
    // Every story whole, none, or the first few: the same stories, the same end.
    for budget in [loading::TEXT_BUDGET, 0, 5_000] {
        arrives_once_and_ends_as_load(&paths, budget);
    }
}

fn arrives_once_and_ends_as_load(paths: &[PathBuf], budget: usize) {
    let paths = paths.to_vec();
    let events = events_within(&Source::Paths(paths.clone()), budget);

    let mut provisional = Vec::new();
    let mut last_progress = None;
    let mut done = None;
    let mut search_ready = false;
    let mut text_sent = 0;
    for e in events {
        match e {
            LoadEvent::Found {
                stories,
                entries,
                progress,
            } => {
                assert!(done.is_none(), "stories after the end");
                assert_eq!(entries.len(), stories.len());
                for (story, entry) in stories.iter().zip(&entries) {
                    let whole = entry.is_some();
                    assert!(whole || story.paragraphs.is_empty(), "text past the budget");
                    text_sent += whole as usize;
                }
                provisional.extend(stories);
                last_progress = Some(progress);
            }
            LoadEvent::Done(prepared) => done = Some(prepared),
            LoadEvent::TimelineReady(rows) => {
                let done = done.as_ref().expect("the timeline after the corpus");
                assert!(done.timeline_rows.is_empty(), "the list goes without it");
                assert_eq!(rows, dateline::tui::rows::build_timeline(&done.corpus));
            }
            LoadEvent::SearchReady(index) => {
                let done = done.as_ref().expect("the search index after the corpus");
                assert!(done.search_index.is_none(), "the list goes without it");
                assert_eq!(
                    index,
                    dateline::tui::search::SearchIndex::build(&done.texts().whole()),
                    "the index of the final stories, in their order"
                );
                search_ready = true;
            }
            LoadEvent::Listed(_) => panic!("a list before the bodies without the cache"),
            LoadEvent::Failed(message) => panic!("loading failed: {message}"),
        }
    }
    assert!(search_ready, "loading ends with the search index");
    match budget {
        0 => assert_eq!(text_sent, 0, "no story whole"),
        loading::TEXT_BUDGET => assert_eq!(text_sent, provisional.len(), "every story whole"),
        _ => assert!(
            text_sent > 0 && text_sent < provisional.len(),
            "{text_sent}"
        ),
    }
    let done = done.expect("loading ends with the final corpus");
    let progress = last_progress.expect("progress reported");
    assert_eq!(progress.files_done, 60);
    assert_eq!(progress.files_total, 60);
    assert_eq!(progress.stories_found, provisional.len());

    // Exactly once: no story (by page and line) twice, and as many as the pages hold.
    let places: HashSet<(String, usize)> = provisional
        .iter()
        .map(|s| (s.source.path.clone(), s.source.line_start))
        .collect();
    assert_eq!(places.len(), provisional.len(), "a story arrived twice");
    let expected = ingest::load(&paths, &LoadOptions::default());
    assert_eq!(
        provisional.len(),
        expected.stats.stories + expected.stats.duplicates_merged
    );
    // The last report: every merged story quoted.
    assert_eq!(
        (progress.stories_quoted, progress.stories_to_quote),
        (expected.stats.stories, expected.stats.stories)
    );

    // The final corpus is the loader's, quotes in reading order.
    let final_corpus = done.corpus.clone();
    let expected = sorted_quotes(expected);
    // Past the budget the text is on the reader's shelf, out of the stories.
    let shelved = done.texts().whole() != final_corpus.stories;
    assert_eq!(shelved, budget < loading::TEXT_BUDGET, "{budget}");
    assert_eq!(done.texts().whole(), expected.stories);
    assert_eq!(final_corpus.speakers, expected.speakers);
    assert_eq!(final_corpus.stats, expected.stats);
    assert_eq!(done.list_rows.len(), expected.stories.len());
}

#[test]
fn the_bundled_samples_load_through_the_same_path() {
    let events = events_for(&Source::Samples);
    let Some(LoadEvent::Done(done)) = events
        .into_iter()
        .rfind(|e| matches!(e, LoadEvent::Done(_)))
    else {
        panic!("no final corpus");
    };
    let expected = sorted_quotes(dateline::samples::load_samples());
    assert_eq!(done.corpus.stories, expected.stories);
    assert!(!done.corpus.stories.is_empty());
}

#[test]
fn the_final_corpus_keeps_the_selected_story_and_its_scroll() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(dir.path(), 40, 5);
    let events = events_for(&Source::Paths(vec![root]));
    let mut app = App::new(Corpus::default());
    let mut term = terminal(100, 30);
    let mut finals = Vec::new();
    for e in events {
        match e {
            LoadEvent::Done(_) | LoadEvent::SearchReady(_) => finals.push(e),
            found => loading::apply(&mut app, found),
        }
    }
    assert!(
        app.corpus.stories.len() > 10,
        "the list filled while loading"
    );
    assert_eq!(app.list_rows.len(), app.corpus.stories.len());
    draw(&mut term, &mut app);
    // Choose a provisional story whose id survives (its headline is unique).
    let LoadEvent::Done(prepared) = &finals[0] else {
        unreachable!()
    };
    let final_ids: HashSet<&str> = prepared
        .corpus
        .stories
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let pick = (5..app.corpus.stories.len())
        .find(|&i| final_ids.contains(app.corpus.stories[i].id.as_str()))
        .expect("a story keeps its id");
    let id = app.corpus.stories[pick].id.clone();
    for _ in 0..pick {
        press(&mut app, ch('j'));
    }
    press(&mut app, ch('l'));
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    draw(&mut term, &mut app);
    assert_eq!(app.selected, pick);
    let scroll = app.scroll;
    assert!(scroll > 0);

    for e in finals {
        loading::apply(&mut app, e);
    }
    draw(&mut term, &mut app);
    assert!(app.loading.is_none());
    assert_eq!(
        app.corpus.stories[app.selected].id, id,
        "selection kept by id"
    );
    let max = app.max_scroll();
    assert_eq!(app.scroll, scroll.min(max));
    assert!(app.read[app.selected], "opened stories stay read");
    assert_eq!(app.list_rows.len(), app.corpus.stories.len());
}

#[test]
fn keys_work_while_loading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(dir.path(), 20, 9);
    let mut app = App::new(Corpus::default());
    let mut term = terminal(100, 30);
    app.loading = Some(loading::Loading::new());
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "Loading").is_some(), "progress shown at once");
    for e in events_for(&Source::Paths(vec![root])) {
        if matches!(e, LoadEvent::Found { .. }) {
            loading::apply(&mut app, e);
            press(&mut app, ch('j'));
            press(&mut app, ch('/'));
            press(&mut app, ch('e'));
            press(&mut app, key(ratatui::crossterm::event::KeyCode::Esc));
            draw(&mut term, &mut app);
        }
    }
    assert!(app.selected > 0, "j moved through the provisional list");
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "files").is_some(), "progress bar counts files");
}

#[test]
fn load_warnings_are_listed_in_the_warnings_panel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.txt");
    fs::write(&good, "Harbour reopens after storm\n\nThe harbour in Sandvik reopened on Monday after a week of repairs to the outer wall, officials said.\n").expect("write");
    let missing = dir.path().join("missing-page.txt");
    let binary = dir.path().join("blob.txt");
    fs::write(&binary, b"\x00\x01\x02binary").expect("write");
    let mut app = App::new(Corpus::default());
    for e in events_for(&Source::Paths(vec![good, missing, binary])) {
        loading::apply(&mut app, e);
    }
    assert_eq!(app.warnings.len(), 2, "{:?}", app.warnings);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("2 warnings"))
    );
    let mut term = terminal(100, 30);
    press(&mut app, ch('w'));
    assert_eq!(app.overlay, Overlay::Warnings);
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "missing-page.txt").is_some());
    assert!(find(&buf, "blob.txt").is_some());
    assert!(find(&buf, "Warnings (2)").is_some());
    press(&mut app, ch('w'));
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn a_loading_failure_is_reported_in_the_warnings_panel_and_loading_ends() {
    let mut app = App::new(Corpus::default());
    app.loading = Some(loading::Loading::new());
    loading::apply(
        &mut app,
        LoadEvent::Failed("index out of range".to_string()),
    );
    assert!(app.loading.is_none(), "the progress bar goes");
    assert_eq!(app.warnings.len(), 1);
    assert!(app.warnings[0].message.contains("index out of range"));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("internal error"))
    );
}

#[test]
fn a_search_typed_before_the_search_index_comes_waits_for_it_then_finds_the_final_stories() {
    use dateline::tui::search::naive_hits;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(dir.path(), 40, 7);
    let events = events_for(&Source::Paths(vec![root]));
    let mut app = App::new(Corpus::default());
    let mut term = terminal(100, 30);
    let mut index = None;
    for e in events {
        match e {
            LoadEvent::SearchReady(i) => index = Some(i),
            e => loading::apply(&mut app, e),
        }
    }
    let index = index.expect("the search index comes last");
    assert!(!app.search_ready(), "the list is complete before the index");
    assert!(app.corpus.stories.len() > 10);
    // A word in a later story, so the jump moves the selection.
    let last = app.corpus.stories.len() - 1;
    let word: String = app.corpus.stories[last]
        .headline
        .split_whitespace()
        .max_by_key(|w| w.len())
        .expect("a word")
        .to_lowercase();
    let expected = naive_hits(&app.corpus.stories, &word);
    assert!(!expected.is_empty());
    let first_story = expected[0].story;

    press(&mut app, ch('/'));
    type_str(&mut app, &word);
    assert!(
        app.search.hits.is_empty(),
        "no match from an index of other stories"
    );
    let buf = draw(&mut term, &mut app);
    assert!(
        find(&buf, "indexing for search").is_some(),
        "the search line says why it waits"
    );
    press(&mut app, key(ratatui::crossterm::event::KeyCode::Enter));
    assert!(app.search.hits.is_empty());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("Indexing for search"))
    );
    press(&mut app, ch('n'));
    assert!(app.search.hits.is_empty(), "n waits for the index too");

    loading::apply(&mut app, LoadEvent::SearchReady(index));
    assert!(app.search_ready());
    app.finish_search();
    assert_eq!(
        app.search.hits, expected,
        "the final stories' matches, in order"
    );
    assert_eq!(app.selected, first_story, "the jump waited for the matches");
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "indexing for search").is_none());
}

/// Runs background loading of `source` in `order`, returning every event, the
/// stories' text held up to `budget` bytes.
fn events_in_within(
    source: &Source,
    order: dateline::config::SortOrder,
    budget: usize,
) -> Vec<LoadEvent> {
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&got);
    loading::load_streaming_within(source, order, budget, move |e| {
        sink.lock().expect("lock").push(e)
    });
    let mut events = got.lock().expect("lock");
    std::mem::take(&mut *events)
}

/// What a load ended with: the list given before the bodies (reopening from the
/// cache), the final corpus, timeline and search index.
type Finals = (
    Option<dateline::tui::prepare::Prepared>,
    dateline::tui::prepare::Prepared,
    Vec<dateline::tui::rows::TimelineRow>,
    dateline::tui::search::SearchIndex,
);

/// The list given before the bodies (if any), the final corpus, timeline and search
/// index of a load, checking they come in that order.
fn finals(events: Vec<LoadEvent>) -> Finals {
    let (mut listed, mut done, mut rows, mut index) = (None, None, None, None);
    for e in events {
        match e {
            LoadEvent::Found { stories, .. } => {
                assert!(done.is_none(), "stories after the end");
                assert!(
                    listed.is_none() || stories.is_empty(),
                    "stories beside the list"
                );
            }
            LoadEvent::Listed(l) => {
                assert!(done.is_none() && listed.is_none(), "one list, first");
                listed = Some(*l);
            }
            LoadEvent::Done(d) => done = Some(*d),
            LoadEvent::TimelineReady(r) => {
                assert!(
                    done.is_some() && index.is_none(),
                    "the timeline comes second"
                );
                rows = Some(r);
            }
            LoadEvent::SearchReady(i) => {
                assert!(rows.is_some(), "the index comes last");
                index = Some(i);
            }
            LoadEvent::Failed(message) => panic!("loading failed: {message}"),
        }
    }
    (
        listed,
        done.expect("final corpus"),
        rows.expect("timeline"),
        index.expect("index"),
    )
}

#[test]
fn a_reopened_cache_gives_the_list_timeline_and_index_of_a_fresh_load_in_every_order() {
    // The text held in memory, then put on the reader's shelf as it is decoded.
    for budget in [loading::TEXT_BUDGET, 0] {
        reopens_as_a_fresh_load(budget);
    }
}

fn reopens_as_a_fresh_load(budget: usize) {
    use dateline::config::SortOrder;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(&dir.path().join("pages"), 50, 13);
    let source = Source::Cached {
        paths: vec![root.clone()],
        cache: dir.path().join("cache/pages.cache"),
    };
    for order in [
        SortOrder::Newest,
        SortOrder::Oldest,
        SortOrder::Headline,
        SortOrder::Quotes,
    ] {
        // The first load of each order may write the cache; the second reads it whole
        // and indexes the text read again from the cache file.
        events_in_within(&source, order, budget);
        let (listed, done, rows, index) = finals(events_in_within(&source, order, budget));
        let (none, fresh, fresh_rows, fresh_index) = finals(events_in_within(
            &Source::Paths(vec![root.clone()]),
            order,
            budget,
        ));
        assert_eq!(
            done.texts().stories.iter().all(|s| s.paragraphs.is_empty()),
            budget == 0,
            "the text on the shelf past the budget"
        );
        assert!(
            none.is_none(),
            "no list before the bodies without the cache"
        );
        // The list came first, the final one: the same stories, ids, order and rows.
        let listed = listed.expect("the list before the bodies");
        assert_eq!(listed.list_rows, fresh.list_rows, "{order:?}");
        let ids = |p: &dateline::tui::prepare::Prepared| -> Vec<String> {
            p.corpus.stories.iter().map(|s| s.id.clone()).collect()
        };
        assert_eq!(ids(&listed), ids(&fresh), "{order:?}");
        for (head, whole) in listed.corpus.stories.iter().zip(&fresh.corpus.stories) {
            assert!(head.paragraphs.is_empty() && head.quotes.is_empty());
            assert_eq!(
                (&head.headline, head.published, &head.source),
                (&whole.headline, whole.published, &whole.source)
            );
        }
        assert_eq!(listed.corpus.stats, fresh.corpus.stats);
        assert_eq!(listed.corpus.warnings, fresh.corpus.warnings);
        assert_eq!(done.texts().whole(), fresh.texts().whole(), "{order:?}");
        assert_eq!(done.list_rows, fresh.list_rows, "{order:?}");
        assert_eq!(rows, fresh_rows, "{order:?}");
        assert_eq!(index, fresh_index, "{order:?}");
        assert_eq!(
            index,
            dateline::tui::search::SearchIndex::build(&done.texts().whole()),
            "{order:?}"
        );
        assert!(!rows.is_empty());
    }
}

#[test]
fn a_changed_archive_is_made_anew_as_a_fresh_load_and_its_new_cache_reopens_the_same() {
    // The text held in memory, then put on the reader's shelf: the stored pages' text
    // goes there as they are decoded, the changed pages' as they are parsed, and the
    // new cache is written from it.
    for budget in [loading::TEXT_BUDGET, 0] {
        changed_archive_reloads(budget);
    }
}

fn changed_archive_reloads(budget: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(&dir.path().join("pages"), 40, 17);
    let source = Source::Cached {
        paths: vec![root.clone()],
        cache: dir.path().join("cache/pages.cache"),
    };
    finals(events_within(&source, budget));
    // One page grows a paragraph, one page is new; the others come from the cache.
    let mut files: Vec<PathBuf> = walkdir(&root);
    files.sort();
    let grown = &files[files.len() / 2];
    let mut text = fs::read_to_string(grown).expect("page");
    text.push_str("\n\nThe council will meet again next week, its clerk wrote.\n");
    fs::write(grown, text).expect("write");
    let extra = dateline::synth::generate(1, 99).remove(0);
    fs::write(root.join("zz-new-page.txt"), extra.text).expect("write");

    let events = events_within(&source, budget);
    let found_whole = events.iter().any(|e| match e {
        LoadEvent::Found {
            stories, entries, ..
        } => stories
            .iter()
            .zip(entries)
            .any(|(s, e)| e.is_some() && !s.paragraphs.is_empty()),
        _ => false,
    });
    assert_eq!(
        found_whole,
        budget > 0,
        "stories found come whole within the budget"
    );
    // The stories taken from the cache come to the list as rows, their text not read
    // back: only the two parsed pages' stories can come with text.
    let parsed = ingest::load(
        &[grown.clone(), root.join("zz-new-page.txt")],
        &LoadOptions::default(),
    );
    let with_text: usize = events
        .iter()
        .map(|e| match e {
            LoadEvent::Found { stories, .. } => {
                stories.iter().filter(|s| !s.paragraphs.is_empty()).count()
            }
            _ => 0,
        })
        .sum();
    assert!(
        with_text <= parsed.stats.stories + parsed.stats.duplicates_merged,
        "{with_text} stories came with their text"
    );
    let (listed, done, rows, index) = finals(events);
    assert!(listed.is_none(), "no list of files that changed");
    assert_eq!(
        done.corpus.stories.iter().all(|s| s.paragraphs.is_empty()),
        budget == 0,
        "the text on the shelf past the budget"
    );
    let expected = sorted_quotes(ingest::load(
        std::slice::from_ref(&root),
        &LoadOptions::default(),
    ));
    assert_eq!(done.texts().whole(), expected.stories);
    assert_eq!(done.corpus.speakers, expected.speakers);
    assert_eq!(done.corpus.stats, expected.stats);
    assert_eq!(rows, dateline::tui::rows::build_timeline(&done.corpus));
    assert_eq!(
        index,
        dateline::tui::search::SearchIndex::build(&expected.stories)
    );

    // The cache written from the text on the shelf reopens as the same corpus.
    let (listed, again, again_rows, again_index) = finals(events_within(&source, budget));
    assert!(listed.is_some(), "the new cache is used whole");
    assert_eq!(again.texts().whole(), expected.stories);
    assert_eq!(again.corpus.speakers, expected.speakers);
    assert_eq!((again_rows, again_index), (rows, index));

    // Another change: the other pages come from those written from the shelf.
    let other = dateline::synth::generate(2, 5).remove(1);
    fs::write(root.join("zz-new-page.txt"), other.text).expect("write");
    let (_, third, ..) = finals(events_within(&source, budget));
    let expected = sorted_quotes(ingest::load(
        std::slice::from_ref(&root),
        &LoadOptions::default(),
    ));
    assert_eq!(third.texts().whole(), expected.stories);
}

/// Every file under `dir`.
fn walkdir(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walkdir(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_timeline_arriving_after_the_list_keeps_its_filter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(dir.path(), 30, 3);
    let mut app = App::new(Corpus::default());
    let mut rows = None;
    for e in events_for(&Source::Paths(vec![root])) {
        match e {
            LoadEvent::TimelineReady(r) => rows = Some(r),
            e => loading::apply(&mut app, e),
        }
    }
    assert!(
        app.timeline_rows.is_empty(),
        "the list is complete without it"
    );
    assert!(app.timeline_view.visible.is_empty());
    let rows = rows.expect("the timeline comes");
    let expected = rows.iter().filter(|r| !r.partial).count();
    assert!(expected > 0);
    loading::apply(&mut app, LoadEvent::TimelineReady(rows));
    assert_eq!(
        app.timeline_view.visible.len(),
        expected,
        "spoken quotes shown"
    );
}

#[test]
fn a_reopened_list_shows_at_once_and_its_stories_text_comes_after() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(&dir.path().join("pages"), 30, 21);
    let source = Source::Cached {
        paths: vec![root],
        cache: dir.path().join("cache/pages.cache"),
    };
    events_for(&source);
    let mut app = App::new(Corpus::default());
    app.loading = Some(loading::Loading::new());
    let mut term = terminal(100, 30);
    let mut rest = Vec::new();
    for e in events_for(&source) {
        match e {
            LoadEvent::Listed(_) | LoadEvent::Found { .. } if rest.is_empty() => {
                loading::apply(&mut app, e);
            }
            e => rest.push(e),
        }
    }
    let listed = app.loading.expect("still loading the text");
    assert!(listed.listed);
    let count = app.corpus.stories.len();
    assert!(count > 10 && app.list_rows.len() == count);
    assert!(
        app.list_rows.iter().any(|r| r.quotes > 0),
        "quote counts shown"
    );
    // The story opened says its text is coming; the status line says what waits.
    press(&mut app, ch('j'));
    press(&mut app, ch('l'));
    let buf = draw(&mut term, &mut app);
    let screen = text_of(&buf);
    assert!(screen.contains("loading…"), "{screen}");
    assert!(screen.contains("stories listed"), "{screen}");
    // The speakers panel and the timeline say what they wait for, not that there is none.
    for (toggle, none) in [
        (Action::ToggleSpeakers, "No speaker matches"),
        (Action::ToggleTimeline, "No quotes"),
    ] {
        update(&mut app, toggle);
        let screen = text_of(&draw(&mut term, &mut app));
        assert!(screen.contains("Loading the stories' text"), "{screen}");
        assert!(!screen.contains(none), "{screen}");
        update(&mut app, toggle);
    }
    let selected = app.corpus.stories[app.selected].id.clone();
    let rows = app.list_rows.clone();
    for e in rest {
        loading::apply(&mut app, e);
    }
    assert!(app.loading.is_none());
    assert_eq!(app.corpus.stories.len(), count);
    assert_eq!(app.list_rows, rows, "the list shown was final");
    assert_eq!(app.corpus.stories[app.selected].id, selected, "kept");
    assert!(!app.corpus.stories[app.selected].paragraphs.is_empty());
    assert!(!app.speakers.is_empty() && app.search_ready());
    let screen = text_of(&draw(&mut term, &mut app));
    assert!(!screen.contains("loading…"), "{screen}");
}
