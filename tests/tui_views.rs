//! Saved views (`[views]` in config.toml) by key in the reader, and a filter that
//! narrows again when a story's marks change (`unread` after reading).

mod tui_fixture;

use dateline::config::Config;
use dateline::tui::action::Action;
use dateline::tui::app::{App, Focus};
use dateline::tui::keymap::action_for_key;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;

fn app_with_views() -> App {
    let config = Config::from_toml(
        "[views]\npolitics = \"section:politics\"\nquoted_china = { filter = \"section:china has:quotes\", key = \"f5\" }\nunread = \"unread\"\n",
        "c.toml",
    )
    .unwrap();
    App::with_config(corpus(), &config, false)
}

/// The stories the list shows, by id.
fn shown(app: &App) -> Vec<String> {
    (0..app.list_len())
        .filter_map(|p| app.list_story(p))
        .map(|i| app.corpus.stories[i].id.clone())
        .collect()
}

#[test]
fn a_views_key_narrows_the_list_and_again_shows_all() {
    let mut app = app_with_views();
    assert_eq!(action_for_key(&app, ch('1')), Some(Action::ApplyView(0)));
    assert_eq!(
        action_for_key(&app, key(KeyCode::F(5))),
        Some(Action::ApplyView(1))
    );
    assert_eq!(action_for_key(&app, ch('2')), Some(Action::ApplyView(2)));
    assert_eq!(action_for_key(&app, ch('3')), None);

    press(&mut app, ch('1'));
    assert_eq!(shown(&app), ["c3"]);
    assert_eq!(app.selected, 2, "the selection moves to the story kept");
    assert_eq!(
        app.message.as_deref(),
        Some("View politics: 1 story (1 or Esc shows all)")
    );
    let mut term = terminal(100, 30);
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "View politics (1)").is_some());

    press(&mut app, key(KeyCode::F(5)));
    assert_eq!(shown(&app), ["b2"], "another view replaces the first");
    press(&mut app, key(KeyCode::F(5)));
    assert_eq!(shown(&app).len(), 4, "the same key again shows all");
    assert_eq!(app.message.as_deref(), Some("Showing all stories"));

    press(&mut app, ch('1'));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(shown(&app).len(), 4, "Esc shows all");
    assert_eq!(app.search.view, None);
}

#[test]
fn views_are_text_while_typing_a_search() {
    let mut app = app_with_views();
    press(&mut app, ch('/'));
    assert_eq!(press(&mut app, ch('1')), Some(Action::Type('1')));
    assert_eq!(app.search.query, "1");
}

#[test]
fn the_help_lists_the_views_with_their_keys() {
    let mut app = app_with_views();
    press(&mut app, ch('?'));
    let help: Vec<String> = dateline::tui::ui::help::view_lines(&app.views)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(help.iter().any(|l| l.contains("Saved views")), "{help:?}");
    assert!(
        help.iter().any(|l| l.trim_start().starts_with("F5")
            && l.contains("quoted_china: section:china has:quotes")),
        "{help:?}"
    );
    assert_eq!(
        dateline::tui::ui::help::total_lines(&app),
        dateline::tui::ui::help::line_count() + 5
    );
}

#[test]
fn an_unread_filter_lets_a_story_read_go_once_the_selection_moves_off() {
    let mut app = app_with_views();
    press(&mut app, ch('2'));
    assert_eq!(shown(&app).len(), 4, "nothing read yet");
    // Read the first story: it stays while selected...
    press(&mut app, key(KeyCode::Enter));
    assert!(app.read[0]);
    assert_eq!(shown(&app).len(), 4);
    // ...and the next story shown is the second; the first has left the list.
    press(&mut app, ch('J'));
    assert_eq!(app.selected, 1);
    assert_eq!(shown(&app), ["b2", "c3", "d4"]);
    assert_eq!(app.focus, Focus::Reader);
    // `m` on the list marks it unread again: it comes back once it matches again.
    press(&mut app, ch('K'));
    assert_eq!(app.selected, 1, "the first story is no longer in the list");
    press(&mut app, ch('m'));
    assert!(!app.read[1]);
    press(&mut app, ch('m'));
    assert!(app.read[1]);
    press(&mut app, ch('J'));
    assert_eq!(shown(&app), ["c3", "d4"], "both read stories have gone");
}

#[test]
fn a_typed_starred_filter_follows_stars() {
    let mut app = App::new(corpus());
    press(&mut app, ch('*'));
    press(&mut app, ch('j'));
    press(&mut app, ch('*'));
    press(&mut app, ch('/'));
    type_str(&mut app, "starred has:quotes");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(shown(&app), ["a1", "b2"]);
    assert_eq!(app.selected, 1);
    press(&mut app, ch('*'));
    assert!(!app.starred[1]);
    assert_eq!(shown(&app), ["a1", "b2"], "the selected story stays");
    press(&mut app, ch('k'));
    assert_eq!(
        shown(&app),
        ["a1"],
        "unstarred, it leaves once the selection moves"
    );
}
