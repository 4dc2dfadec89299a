//! The reader's memory without a terminal: `m`, `*` and `u`, the state store
//! round trip (read, starred, scroll, last selected story), no-save mode, write
//! errors, and the configured story order.

mod tui_fixture;

use std::time::Duration;

use dateline::config::{Config, SortOrder};
use dateline::state::StateStore;
use dateline::tui::action::Action;
use dateline::tui::app::{App, Focus};
use dateline::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;

fn app() -> App {
    App::new(corpus())
}

/// The ids of the stories in list order.
fn ids(app: &App) -> Vec<&str> {
    (0..app.list_len())
        .filter_map(|p| app.list_story(p))
        .map(|i| app.corpus.stories[i].id.as_str())
        .collect()
}

fn selected_id(app: &App) -> &str {
    &app.corpus.stories[app.selected].id
}

#[test]
fn m_toggles_read_and_unread() {
    let mut app = app();
    press(&mut app, ch('j'));
    assert!(!app.read[1]);
    press(&mut app, ch('m'));
    assert!(app.read[1]);
    assert_eq!(app.message.as_deref(), Some("Marked read"));
    press(&mut app, ch('m'));
    assert!(!app.read[1]);
    assert_eq!(app.message.as_deref(), Some("Marked unread"));
    // An opened story can be made unread again from the reading pane.
    press(&mut app, key(KeyCode::Enter));
    assert!(app.read[1]);
    press(&mut app, ch('m'));
    assert!(!app.read[1]);
    assert!(!app.read[0] && !app.read[2], "only the selected story");
}

#[test]
fn star_toggles_a_star_on_the_selected_story_only() {
    let mut app = app();
    press(&mut app, ch('G'));
    press(&mut app, ch('*'));
    assert_eq!(app.starred, [false, false, false, true]);
    assert_eq!(app.message.as_deref(), Some("Starred"));
    press(&mut app, ch('*'));
    assert_eq!(app.starred, [false; 4]);
    assert_eq!(app.message.as_deref(), Some("Star removed"));
    // Starring does not mark read.
    assert_eq!(app.read, [false; 4]);
}

#[test]
fn marks_need_the_main_screen() {
    let mut app = app();
    press(&mut app, ch('t'));
    press(&mut app, ch('*'));
    press(&mut app, ch('m'));
    assert_eq!(app.starred, [false; 4]);
    assert_eq!(app.read, [false; 4]);
    // While typing a search, `m`, `*` and `u` are text.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('/'));
    for c in ['m', '*', 'u'] {
        assert_eq!(press(&mut app, ch(c)), Some(Action::Type(c)));
    }
    assert_eq!(app.search.query, "m*u");
}

#[test]
fn u_shows_only_unread_stories_and_moves_off_a_read_one() {
    let mut app = app();
    // Read stories a1 and c3, then come back to a1 in the list.
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('h'));
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('h'));
    press(&mut app, ch('g'));
    assert_eq!(selected_id(&app), "a1");

    press(&mut app, ch('u'));
    assert!(app.memory.unread_only());
    assert_eq!(selected_id(&app), "b2", "the nearest unread story after");
    assert_eq!(ids(&app), ["b2", "d4"]);
    assert_eq!(app.list_position(app.selected), Some(0));
    press(&mut app, ch('j'));
    assert_eq!(selected_id(&app), "d4", "c3 is skipped");
    press(&mut app, ch('j'));
    assert_eq!(selected_id(&app), "d4", "d4 is the last unread");
    press(&mut app, ch('g'));
    assert_eq!(selected_id(&app), "b2");

    // Showing all again keeps the selection.
    press(&mut app, ch('u'));
    assert!(!app.memory.unread_only());
    assert_eq!(selected_id(&app), "b2");
    assert_eq!(ids(&app), ["a1", "b2", "c3", "d4"]);
}

#[test]
fn in_the_unread_view_a_story_read_stays_until_the_cursor_leaves() {
    let mut app = app();
    press(&mut app, ch('u'));
    assert_eq!(ids(&app), ["a1", "b2", "c3", "d4"]);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.read[0]);
    assert_eq!(ids(&app), ["a1", "b2", "c3", "d4"], "not under the reader");
    press(&mut app, ch('h'));
    press(&mut app, ch('j'));
    assert_eq!(selected_id(&app), "b2");
    assert_eq!(ids(&app), ["b2", "c3", "d4"], "gone once left");
    // `m` on the selected story in the unread view: it stays until left too.
    press(&mut app, ch('m'));
    assert_eq!(ids(&app), ["b2", "c3", "d4"]);
    press(&mut app, ch('j'));
    assert_eq!(ids(&app), ["c3", "d4"]);
    assert_eq!(selected_id(&app), "c3");
}

#[test]
fn u_from_the_reading_pane_keeps_the_story_being_read() {
    let mut app = app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('u'));
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(selected_id(&app), "a1");
    assert_eq!(ids(&app), ["a1", "b2", "c3", "d4"]);
}

#[test]
fn with_everything_read_the_unread_view_says_so() {
    let mut app = app();
    for _ in 0..4 {
        press(&mut app, ch('m'));
        press(&mut app, ch('j'));
    }
    press(&mut app, ch('u'));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("No unread stories")),
        "{:?}",
        app.message
    );
    assert_eq!(ids(&app), ["d4"], "only the selected story");
    press(&mut app, ch('k'));
    assert_eq!(selected_id(&app), "d4", "nowhere to go");
}

#[test]
fn a_click_in_the_unread_view_selects_the_story_drawn_there() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = app();
    press(&mut app, ch('m'));
    press(&mut app, ch('j'));
    press(&mut app, ch('u'));
    let mut term = terminal(100, 30);
    draw(&mut term, &mut app);
    let list = app.areas.list_inner;
    // Second story drawn (rows 2-3) in [b2, c3, d4] is c3.
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 2,
        row: list.y + 2,
        modifiers: KeyModifiers::NONE,
    };
    let action = dateline::tui::keymap::action_for_mouse(&app, click);
    assert_eq!(action, Some(Action::SelectStory(2)));
}

/// A reader with the default configuration remembering in `store`.
fn remembering(store: StateStore) -> App {
    let mut app = App::new(corpus());
    app.remember_with(store, None);
    app
}

#[test]
fn read_star_and_scroll_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");

    let mut app = remembering(StateStore::open(&path).unwrap());
    // Open the long budget story, star it, scroll into it.
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('*'));
    for _ in 0..7 {
        press(&mut app, ch('j'));
    }
    assert_eq!(app.scroll, 7);
    // Read is saved at once; the scroll only when leaving the story.
    let saved = StateStore::read_existing(&path).unwrap().unwrap();
    let budget = saved.story("c3");
    assert!(budget.read && budget.starred);
    assert_eq!(budget.scroll, 0, "not saved on every key");

    // Leave it for another story: its place is saved, and kept for coming back.
    press(&mut app, ch('h'));
    press(&mut app, ch('k'));
    assert_eq!(app.scroll, 0);
    let saved = StateStore::read_existing(&path).unwrap().unwrap();
    assert_eq!(saved.story("c3").scroll, 7);
    press(&mut app, ch('j'));
    assert_eq!(app.scroll, 7, "back where it was left");
    // Scroll further and quit.
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    press(&mut app, ch('q'));
    press(&mut app, ch('q'));
    assert!(app.should_quit());
    assert_eq!(app.save_on_quit(), None);
    drop(app);

    let saved = StateStore::read_existing(&path).unwrap().unwrap();
    assert_eq!(saved.last_selected.as_deref(), Some("c3"));
    assert_eq!(saved.story("c3").scroll, 9);
    assert!(!saved.story("b2").read, "only selected in passing");

    // Reopen: the same story, at the same row, with its marks.
    let app = remembering(StateStore::open(&path).unwrap());
    assert_eq!(selected_id(&app), "c3");
    assert_eq!(app.scroll, 9);
    assert_eq!(app.read, [false, false, true, false]);
    assert_eq!(app.starred, [false, false, true, false]);
    assert_eq!(app.focus, Focus::List);
    assert!(app.memory.not_saving().is_none());
    assert_eq!(app.message, None);
}

#[test]
fn state_follows_the_story_id_not_its_place_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut app = remembering(StateStore::open(&path).unwrap());
    press(&mut app, ch('j'));
    press(&mut app, ch('*'));
    assert_eq!(app.save_on_quit(), None);
    drop(app);

    // The next load has a newer story first: b2 moves down the list.
    let mut corpus = corpus();
    let mut newer = corpus.stories[0].clone();
    newer.id = "z9".to_string();
    newer.published = Some(at(2026, 2, 1, 6, 0));
    corpus.stories.push(newer);
    let mut app = App::new(corpus);
    assert_eq!(app.corpus.stories[0].id, "z9");
    app.remember_with(StateStore::open(&path).unwrap(), None);
    let b2 = app.story_index("b2").unwrap();
    assert_eq!(b2, 2);
    assert_eq!(app.selected, b2);
    assert!(app.starred[b2]);
    assert_eq!(app.starred.iter().filter(|s| **s).count(), 1);
}

#[test]
fn unmarking_is_saved_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut app = remembering(StateStore::open(&path).unwrap());
    press(&mut app, ch('m'));
    press(&mut app, ch('*'));
    let saved = StateStore::read_existing(&path).unwrap().unwrap();
    assert!(saved.story("a1").read && saved.story("a1").starred);
    press(&mut app, ch('m'));
    press(&mut app, ch('*'));
    let saved = StateStore::read_existing(&path).unwrap().unwrap();
    assert!(!saved.story("a1").read && !saved.story("a1").starred);
}

#[test]
fn a_damaged_state_file_means_no_saving_said_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let junk = b"this is not a database, it is a shopping list\n".repeat(50);
    std::fs::write(&path, &junk).unwrap();

    let (store, error) = StateStore::open_or_unsaved(Some(&path));
    assert!(error.is_some());
    let mut app = App::new(corpus());
    app.remember_with(store, error);
    assert!(app.memory.not_saving().is_some());
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("Not saving: "), "{message}");

    let mut term = terminal(100, 30);
    let buf = draw(&mut term, &mut app);
    let status = row_text(&buf, 29);
    assert!(status.contains("NOT SAVING"), "{status}");
    assert!(status.contains("Not saving"), "{status}");

    // The reader works: marks are kept for the session.
    press(&mut app, ch('*'));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.starred[0] && app.read[0]);
    assert_eq!(app.save_on_quit(), None);
    let buf = draw(&mut term, &mut app);
    assert!(row_text(&buf, 29).contains("NOT SAVING"), "still said");
    // And the file is exactly as it was.
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn a_failed_write_is_a_message_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut store = StateStore::open(&path).unwrap();
    store.set_busy_timeout(Duration::from_millis(20)).unwrap();
    let mut app = remembering(store);

    // Another program holds the database locked.
    let blocker = rusqlite::Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN EXCLUSIVE").unwrap();
    press(&mut app, ch('*'));
    assert!(app.starred[0], "the star is shown anyway");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("Cannot save: "), "{message}");
    assert!(message.contains("locked"), "{message}");
    press(&mut app, ch('j'));
    assert_eq!(app.selected, 1, "keys still work");
    press(&mut app, ch('j'));
    let problem = app.save_on_quit();
    assert!(problem.is_some_and(|p| p.contains("locked")));

    // Once the lock is gone, saving works again.
    blocker.execute_batch("ROLLBACK").unwrap();
    press(&mut app, ch('*'));
    assert_eq!(app.message.as_deref(), Some("Starred"));
    let saved = StateStore::read_existing(&path).unwrap().unwrap();
    assert!(saved.story(&app.corpus.stories[2].id).starred);
}

#[test]
fn the_configured_sort_orders_the_list() {
    let order = |sort: SortOrder| {
        let config = Config {
            sort,
            ..Config::default()
        };
        let app = App::with_config(corpus(), &config, false);
        app.corpus
            .stories
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    // a1 is newest, then b2, c3; d4 has no time.
    assert_eq!(order(SortOrder::Newest), ["a1", "b2", "c3", "d4"]);
    assert_eq!(order(SortOrder::Oldest), ["c3", "b2", "a1", "d4"]);
    // By headline: Cafe, Legislature, Ministry, Port.
    assert_eq!(order(SortOrder::Headline), ["d4", "c3", "a1", "b2"]);
    // c3 has four quotes, a1 and b2 three each (newest first), d4 one.
    assert_eq!(order(SortOrder::Quotes), ["c3", "a1", "b2", "d4"]);
}

#[test]
fn the_sorted_list_still_opens_and_searches_the_right_story() {
    let config = Config {
        sort: SortOrder::Headline,
        ..Config::default()
    };
    let mut app = App::with_config(corpus(), &config, false);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(selected_id(&app), "d4");
    assert!(app.read[0]);
    update(&mut app, Action::StartSearch);
    type_str(&mut app, "typhoon");
    assert_eq!(selected_id(&app), "b2");
}
