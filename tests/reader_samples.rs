//! Full-screen snapshots of every screen of the reader on the bundled samples, as the
//! real loader and quote finder read them, at a fixed 110x32 terminal.

mod tui_fixture;

use dateline::tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use tui_fixture::*;

fn samples_screen(keys: &[KeyEvent]) -> String {
    let mut app = App::new(dateline::samples::load_samples());
    let mut terminal = terminal(110, 32);
    draw(&mut terminal, &mut app);
    for key in keys {
        press(&mut app, *key);
        draw(&mut terminal, &mut app);
    }
    text_of(&draw(&mut terminal, &mut app))
}

#[test]
fn samples_story_list() {
    insta::assert_snapshot!(samples_screen(&[]));
}

#[test]
fn samples_reading_a_story_at_its_second_quote() {
    let keys = [ch('j'), ch('j'), key(KeyCode::Enter), ch(']'), ch(']')];
    insta::assert_snapshot!(samples_screen(&keys));
}

#[test]
fn samples_speakers_panel_filtered() {
    let mut keys = vec![ch('s')];
    keys.extend("an".chars().map(ch));
    insta::assert_snapshot!(samples_screen(&keys));
}

#[test]
fn samples_quotes_timeline() {
    insta::assert_snapshot!(samples_screen(&[ch('t')]));
}

#[test]
fn samples_search_for_a_word() {
    let mut keys = vec![ch('/')];
    keys.extend("strike".chars().map(ch));
    insta::assert_snapshot!(samples_screen(&keys));
}

#[test]
fn samples_help() {
    insta::assert_snapshot!(samples_screen(&[ch('?')]));
}
