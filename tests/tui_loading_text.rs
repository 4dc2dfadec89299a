//! Background loading past the first stories' text: stories found after the first
//! [`loading::TEXT_BUDGET`] bytes of text come to the list without it, show `loading…`
//! (keeping their place) until the final corpus brings it, and searches wait for the
//! final index from the first of them; the first ones read and search at once.

mod tui_fixture;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use dateline::model::Corpus;
use dateline::tui::action::Action;
use dateline::tui::app::App;
use dateline::tui::loading::{self, LoadEvent, Source};
use dateline::tui::update::update;
use tui_fixture::*;

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

/// The position of every story of `app` with its text (`true`) or without (`false`).
fn with_text(app: &App, text: bool) -> Vec<usize> {
    (0..app.corpus.stories.len())
        .filter(|&i| app.corpus.stories[i].paragraphs.is_empty() != text)
        .collect()
}

#[test]
fn stories_found_past_the_text_budget_show_loading_until_the_final_corpus_brings_their_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = write_pages(dir.path(), 40, 17);
    // A budget of a few stories' text: those come whole, the others without it.
    let events = events_within(&Source::Paths(vec![root]), 3_000);
    let mut app = App::new(Corpus::default());
    app.loading = Some(loading::Loading::new());
    let mut term = terminal(100, 40);
    let mut rest = Vec::new();
    for e in events {
        match e {
            LoadEvent::Found { .. } => loading::apply(&mut app, e),
            e => rest.push(e),
        }
    }
    let state = app.loading.expect("still loading");
    assert!(state.text_to_come && !state.listed);
    let (whole, bare) = (with_text(&app, true), with_text(&app, false));
    assert!(!whole.is_empty() && bare.len() > whole.len(), "{whole:?}");
    assert_eq!(app.list_rows.len(), app.corpus.stories.len(), "all listed");
    let Some(LoadEvent::Done(prepared)) = rest.first() else {
        panic!("the final corpus after the stories found")
    };
    let final_ids: HashSet<String> = prepared
        .corpus
        .stories
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let survives = |i: &&usize| final_ids.contains(&app.corpus.stories[**i].id);
    let pick = *bare.iter().find(survives).expect("a story keeps its id");

    // A story that came whole reads at once.
    let first = *whole.iter().find(survives).expect("a whole story kept");
    app.select_story(first);
    let opening: String = app.corpus.stories[first].paragraphs[0]
        .chars()
        .take(24)
        .collect();
    let screen = text_of(&draw(&mut term, &mut app));
    assert!(screen.contains(opening.trim_end()), "{opening}: {screen}");
    assert!(!screen.contains("loading…"), "{screen}");

    // One that came without its text says it is coming; the progress bar stays.
    app.select_story(0);
    for _ in 0..pick {
        press(&mut app, ch('j'));
    }
    press(&mut app, ch('l'));
    assert_eq!(app.selected, pick);
    let screen = text_of(&draw(&mut term, &mut app));
    assert!(screen.contains("loading…"), "{screen}");
    assert!(screen.contains("files"), "{screen}");
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
    // Where it was left last time (as a session's memory restores it) is kept for
    // the text: neither drawing nor scrolling the header alone moves it.
    let mut small = terminal(60, 14);
    app.scroll = 3;
    draw(&mut small, &mut app);
    press(&mut app, ch('j'));
    let screen = text_of(&draw(&mut small, &mut app));
    assert!(screen.contains("loading…"), "{screen}");
    assert_eq!(app.scroll, 3);

    // The swap brings the text, keeping the story selected and its place.
    let id = app.corpus.stories[pick].id.clone();
    for e in rest {
        loading::apply(&mut app, e);
    }
    assert!(app.loading.is_none());
    assert_eq!(
        app.corpus.stories[app.selected].id, id,
        "selection kept by id"
    );
    assert!(!app.texts().paragraphs(app.selected).is_empty());
    draw(&mut small, &mut app);
    assert!(app.max_scroll() >= 3, "a story longer than the pane");
    assert_eq!(app.scroll, 3);
    assert!(app.search_ready());
    let screen = text_of(&draw(&mut term, &mut app));
    assert!(!screen.contains("loading…"), "{screen}");
}

#[test]
fn a_search_finds_the_whole_stories_found_then_waits_from_the_first_without_text() {
    use dateline::tui::search::{Entry, naive_hits};
    let found = |stories: Vec<dateline::model::Story>, whole: bool| {
        let entries = stories
            .iter()
            .map(|s| whole.then(|| Entry::new(s)))
            .collect();
        let progress = dateline::ingest::Progress::default();
        LoadEvent::Found {
            stories,
            entries,
            progress,
        }
    };
    let page = |headline: &str, body: &str| {
        dateline::model::Story::new("page.txt", headline, vec![body.to_string()])
    };
    let mut app = App::new(Corpus::default());
    app.loading = Some(loading::Loading::new());
    let mut term = terminal(100, 30);
    let first = vec![
        page("Ferry sails again", "The ferry to Holmvik sailed at dawn."),
        page("Quarry closes", "Workers at the quarry left on Friday."),
    ];
    loading::apply(&mut app, found(first, true));
    press(&mut app, ch('/'));
    type_str(&mut app, "quarry");
    assert!(
        app.search_ready(),
        "the stories found whole are searched at once"
    );
    app.finish_search();
    assert_eq!(app.search.hits, naive_hits(&app.corpus.stories, "quarry"));
    assert!(!app.search.hits.is_empty());
    press(&mut app, key(ratatui::crossterm::event::KeyCode::Enter));

    // A story without its text: the search waits for the final corpus's index.
    let later = page("Quarry reopens", "The quarry reopened in May.");
    let mut head = later.clone();
    head.paragraphs.clear();
    loading::apply(&mut app, found(vec![head], false));
    assert!(!app.search_ready());
    assert!(
        app.search.hits.is_empty(),
        "no match from the provisional index"
    );
    press(&mut app, ch('n'));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("Indexing for search")),
        "{:?}",
        app.message
    );
    press(&mut app, ch('/'));
    type_str(&mut app, "quarry");
    let screen = text_of(&draw(&mut term, &mut app));
    assert!(screen.contains("indexing for search"), "{screen}");
    press(&mut app, key(ratatui::crossterm::event::KeyCode::Enter));
    assert!(app.search.hits.is_empty());

    // The final corpus and its index: every story searched, the later one too.
    let corpus = Corpus {
        stories: vec![
            page("Ferry sails again", "The ferry to Holmvik sailed at dawn."),
            page("Quarry closes", "Workers at the quarry left on Friday."),
            later,
        ],
        ..Corpus::default()
    };
    let prepared = dateline::tui::prepare::Prepared::build_list(corpus);
    let index = dateline::tui::search::SearchIndex::build(&prepared.corpus.stories);
    loading::apply(&mut app, LoadEvent::Done(Box::new(prepared)));
    loading::apply(&mut app, LoadEvent::SearchReady(index));
    assert!(app.search_ready());
    app.finish_search();
    assert_eq!(app.search.hits, naive_hits(&app.corpus.stories, "quarry"));
    assert!(
        app.search.hits.iter().any(|h| h.story == 2),
        "{:?}",
        app.search.hits
    );
}
