//! `/` with the filter syntax of `--filter`: a query with a `field:` or `-` term
//! narrows the list on Enter; a malformed one says where, in the status bar.

mod tui_fixture;

use dateline::tui::app::{App, Focus};
use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;

/// The stories the list shows, in order.
fn shown(app: &App) -> Vec<usize> {
    (0..app.list_len())
        .filter_map(|p| app.list_story(p))
        .collect()
}

fn search(app: &mut App, query: &str) {
    press(app, ch('/'));
    type_str(app, query);
    press(app, key(KeyCode::Enter));
}

#[test]
fn a_speaker_filter_narrows_the_list() {
    let mut app = App::new(corpus());
    search(&mut app, "speaker:\"li qiang\"");
    assert!(!app.search.typing);
    assert_eq!(shown(&app), vec![0, 1]);
    assert_eq!(
        app.message.as_deref(),
        Some("Filter: 2 stories (Esc clears it)")
    );
    press(&mut app, ch('j'));
    assert_eq!(app.selected, 1);
    press(&mut app, ch('j'));
    assert_eq!(
        app.selected, 1,
        "the list ends with the filter's last story"
    );
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(shown(&app), vec![0, 1, 2, 3]);
    assert_eq!(app.selected, 1, "the selection stays");
}

#[test]
fn negation_sections_and_reading_state_work_as_on_the_command_line() {
    let mut app = App::new(corpus());
    search(&mut app, "-section:business");
    assert_eq!(shown(&app), vec![1, 2, 3]);
    assert_eq!(app.selected, 1, "moved to the nearest kept story");
    press(&mut app, key(KeyCode::Esc));

    app.set_read(0, true);
    app.set_starred(2, true);
    search(&mut app, "has:quotes -unread");
    assert_eq!(shown(&app), vec![0]);
    press(&mut app, key(KeyCode::Esc));
    search(&mut app, "starred section:politics");
    assert_eq!(shown(&app), vec![2]);
    assert_eq!(app.selected, 2);
}

#[test]
fn a_filter_with_free_words_keeps_the_stories_holding_them() {
    let mut app = App::new(corpus());
    search(&mut app, "typhoon -speaker:nobody");
    assert_eq!(shown(&app), vec![1]);
    press(&mut app, key(KeyCode::Esc));
    search(&mut app, "speaker:nobody");
    assert_eq!(
        app.message.as_deref(),
        Some("No story matches the filter (Esc clears it)")
    );
}

#[test]
fn a_malformed_filter_names_its_column_and_keeps_the_prompt() {
    let mut app = App::new(corpus());
    let mut term = terminal(120, 30);
    press(&mut app, ch('/'));
    type_str(&mut app, "port colour:red");
    let buf = draw(&mut term, &mut app);
    let status = row_text(&buf, 29);
    assert!(status.contains("filter, column 6"), "{status}");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.search.typing, "the prompt stays open to fix the filter");
    assert_eq!(shown(&app), vec![0, 1, 2, 3]);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("filter, column 6:"),
        "{:?}",
        app.message
    );
}

#[test]
fn while_typing_a_valid_filter_the_status_says_enter_narrows() {
    let mut app = App::new(corpus());
    let mut term = terminal(120, 30);
    press(&mut app, ch('/'));
    type_str(&mut app, "speaker:\"wang wen\"");
    assert!(app.search.hits.is_empty(), "no text search for a filter");
    let buf = draw(&mut term, &mut app);
    let status = row_text(&buf, 29);
    assert!(
        status.contains("/speaker:\"wang wen\"_ (filter"),
        "{status}"
    );
    press(&mut app, key(KeyCode::Enter));
    let buf = draw(&mut term, &mut app);
    assert!(
        find(&buf, "Filtered stories (2)").is_some(),
        "{}",
        text_of(&buf)
    );
}

#[test]
fn a_plain_query_is_still_a_text_search() {
    let mut app = App::new(corpus());
    search(&mut app, "typhoon");
    assert!(!app.search.hits.is_empty());
    assert_eq!(
        shown(&app),
        vec![0, 1, 2, 3],
        "a text search does not narrow"
    );
}

#[test]
fn next_unread_and_j_k_stay_inside_the_filter() {
    let mut app = App::new(corpus());
    search(&mut app, "-section:china");
    assert_eq!(shown(&app), vec![0, 2, 3]);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, ch('J'));
    assert_eq!(app.selected, 2);
    press(&mut app, ch('K'));
    app.set_read(3, true);
    press(&mut app, ch('U'));
    assert_eq!(
        app.selected, 0,
        "the unread story outside the filter is skipped"
    );
    assert_eq!(app.message.as_deref(), Some("No unread stories"));
}

#[test]
fn capital_s_shows_only_starred_stories_beside_the_unread_view() {
    let mut app = App::new(corpus());
    app.set_starred(1, true);
    app.set_starred(3, true);
    press(&mut app, ch('S'));
    assert_eq!(app.selected, 1, "moved to the nearest starred story");
    assert_eq!(shown(&app), vec![1, 3]);
    assert_eq!(
        app.message.as_deref(),
        Some("Showing starred stories only (S shows all)")
    );
    let mut term = terminal(120, 30);
    let buf = draw(&mut term, &mut app);
    assert!(
        find(&buf, "Starred stories (2)").is_some(),
        "{}",
        text_of(&buf)
    );
    assert!(row_text(&buf, 29).contains("Story 1/2 starred"));
    // With the unread view too: starred and unread.
    app.set_read(3, true);
    press(&mut app, ch('u'));
    assert_eq!(shown(&app), vec![1]);
    press(&mut app, ch('u'));
    press(&mut app, ch('S'));
    assert_eq!(shown(&app), vec![0, 1, 2, 3]);
    assert_eq!(app.message.as_deref(), Some("Showing all stories"));
}
