//! The reader's shelf: once a large archive is loaded, its stories' text leaves memory
//! for a temporary file, and the reader reads, lays out, searches and filters it
//! exactly as it would the same stories held in memory.

mod tui_fixture;

use std::sync::{Arc, Mutex};

use dateline::model::Corpus;
use dateline::tui::app::App;
use dateline::tui::loading::{self, LoadEvent, Source};
use tui_fixture::*;

/// A reader that loaded `source` in the background, the stories' text held in memory
/// up to `budget` bytes.
fn loaded(source: &Source, budget: usize) -> App {
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&got);
    let order = dateline::config::SortOrder::default();
    loading::load_streaming_within(source, order, budget, move |e: LoadEvent| {
        sink.lock().expect("lock").push(e)
    });
    let mut app = App::new(Corpus::default());
    app.loading = Some(loading::Loading::new());
    for event in std::mem::take(&mut *got.lock().expect("lock")) {
        loading::apply(&mut app, event);
    }
    assert!(app.loading.is_none() && app.search_ready());
    app
}

#[test]
fn a_shelved_archive_reads_searches_and_filters_as_one_held_in_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = Source::Paths(vec![write_pages(dir.path(), 60, 23)]);
    let mut held = loaded(&source, usize::MAX);
    let mut shelved = loaded(&source, 0);
    let count = held.corpus.stories.len();
    assert!(count > 20, "{count} stories");
    assert_eq!(shelved.corpus.stories.len(), count);

    // The text left the stories, and reads back the same.
    assert!(
        shelved
            .corpus
            .stories
            .iter()
            .all(|s| s.paragraphs.is_empty())
    );
    for i in 0..count {
        assert_eq!(held.corpus.stories[i].id, shelved.corpus.stories[i].id);
        assert!(shelved.texts().shelved(i) && !held.texts().shelved(i));
        assert_eq!(
            shelved.texts().paragraphs(i)[..],
            held.corpus.stories[i].paragraphs[..]
        );
        assert!(!shelved.waits_for_text(i), "story {i} is not loading");
    }

    // The reading pane shows the same screen, scrolled the same.
    let (mut a, mut b) = (terminal(90, 30), terminal(90, 30));
    for i in [0, count / 2, count - 1] {
        held.select_story(i);
        shelved.select_story(i);
        for _ in 0..2 {
            let (sa, sb) = (
                text_of(&draw(&mut a, &mut held)),
                text_of(&draw(&mut b, &mut shelved)),
            );
            assert_eq!(sa, sb, "story {i}");
            assert_eq!(held.max_scroll(), shelved.max_scroll());
            held.scroll_by(5);
            shelved.scroll_by(5);
        }
    }

    // Searches find the same matches; a filter by a word keeps the same stories.
    let word = held.texts().paragraphs(count / 2)[0]
        .split_whitespace()
        .find(|w| w.len() > 6 && w.chars().all(char::is_alphabetic))
        .expect("a long word")
        .to_lowercase();
    for query in [word.as_str(), "the", "zzqx"] {
        held.search.query = query.to_string();
        shelved.search.query = query.to_string();
        held.run_search();
        shelved.run_search();
        held.finish_search();
        shelved.finish_search();
        assert_eq!(held.search.hits, shelved.search.hits, "{query}");
        assert_eq!(held.search.hits.is_empty(), query == "zzqx", "{query}");
    }
    for filter in [format!("{word} -has:quotes"), format!("-{word}")] {
        for app in [&mut held, &mut shelved] {
            app.search.query = filter.clone();
            assert!(dateline::tui::query::apply(app), "{filter}");
        }
        assert_eq!(held.list_len(), shelved.list_len(), "{filter}");
        assert!(held.list_len() < count, "{filter} narrows the list");
    }
}
