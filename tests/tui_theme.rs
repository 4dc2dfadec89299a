//! Drawing with the configuration's theme, and the read and starred marks: buffer
//! assertions on a TestBackend, with the configuration injected (never the process
//! environment), including a `NO_COLOR` reader that must leave every cell colourless.

mod tui_fixture;

use dateline::config::Config;
use dateline::tui::app::App;
use dateline::tui::ui::list;
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Color, Modifier};
use tui_fixture::*;

const W: u16 = 100;
const H: u16 = 30;

/// A theme where every element has its own unusual colour.
const THEME: &str = r##"
[theme]
selection = "#010203"
quote_palette = ["#0a0b0c"]
current_quote = "#111213"
partial_quote = "#212223"
search_match = "#313233"
read = "#414243"
starred = "#515253"
status_bar = "#616263"
"##;

fn rgb(hex: &str) -> Color {
    dateline::config::parse_color(hex).unwrap()
}

/// Draws `app` after pressing `keys`.
fn screen_of(mut app: App, keys: &[KeyEvent]) -> (App, Buffer) {
    let mut term = terminal(W, H);
    draw(&mut term, &mut app);
    for k in keys {
        press(&mut app, *k);
        draw(&mut term, &mut app);
    }
    let buf = draw(&mut term, &mut app);
    (app, buf)
}

fn themed(keys: &[KeyEvent]) -> (App, Buffer) {
    let config = Config::from_toml(THEME, "theme.toml").unwrap();
    screen_of(App::with_config(corpus(), &config, false), keys)
}

fn list_cell(app: &App, buf: &Buffer, needle: &str) -> (u16, u16, Cell) {
    let (x, y) = find_in(buf, app.areas.list_inner, needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the list"));
    (x, y, buf[(x, y)].clone())
}

fn cell_at(buf: &Buffer, needle: &str) -> Cell {
    let (x, y) = find(buf, needle).unwrap_or_else(|| panic!("{needle:?} not drawn"));
    buf[(x, y)].clone()
}

#[test]
fn read_stories_are_dimmed_and_starred_ones_marked() {
    // Open and star the first story, then select the third.
    let keys = [key(KeyCode::Enter), ch('*'), ch('h'), ch('j'), ch('j')];
    let (app, buf) = themed(&keys);
    let (x, y, headline) = list_cell(&app, &buf, "Ministry unveils");
    assert_eq!(
        headline.fg,
        rgb("#414243"),
        "read headline in the read colour"
    );
    assert!(!headline.modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x - 2, y)].symbol(), list::READ_MARKER);
    let star = &buf[(x - 2, y + 1)];
    assert_eq!(
        star.symbol(),
        list::STAR_MARKER,
        "the star under the marker"
    );
    assert_eq!(star.fg, rgb("#515253"));

    // An unread, unstarred story: bold, no star.
    let (x, y, unread) = list_cell(&app, &buf, "Port city");
    assert_ne!(unread.fg, rgb("#414243"));
    assert!(unread.modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x - 2, y)].symbol(), list::UNREAD_MARKER);
    assert_eq!(buf[(x - 2, y + 1)].symbol(), " ");

    // The selected story has the theme's selection behind it.
    let (_, _, selected) = list_cell(&app, &buf, "Legislature");
    assert_eq!(selected.bg, rgb("#010203"));
}

#[test]
fn a_read_story_under_the_selection_stays_readable() {
    let (app, buf) = themed(&[key(KeyCode::Enter), ch('h')]);
    let (_, _, headline) = list_cell(&app, &buf, "Ministry unveils");
    assert_eq!(headline.bg, rgb("#010203"));
    assert_ne!(headline.fg, rgb("#414243"), "not dimmed into the selection");
}

#[test]
fn quotes_matches_and_status_bar_take_the_theme() {
    // One palette colour: every speaker has it.
    let (_, buf) = themed(&[key(KeyCode::Enter)]);
    assert_eq!(cell_at(&buf, "accelerate innovation").fg, rgb("#0a0b0c"));
    assert_eq!(cell_at(&buf, "first part of a long").fg, rgb("#0a0b0c"));
    let partial = cell_at(&buf, "high-quality");
    assert_eq!(partial.fg, rgb("#212223"));
    assert!(partial.modifier.contains(Modifier::ITALIC));
    let status = &buf[(0, H - 1)];
    assert_eq!(status.bg, rgb("#616263"));

    let (_, buf) = themed(&[key(KeyCode::Enter), ch(']')]);
    let current = cell_at(&buf, "accelerate innovation");
    assert_eq!(current.bg, rgb("#111213"));
    assert_eq!(current.fg, rgb("#0a0b0c"));

    let mut keys = vec![ch('/')];
    keys.extend("typhoon".chars().map(ch));
    let (_, buf) = themed(&keys);
    let matched = (0..H)
        .flat_map(|y| (0..W).map(move |x| (x, y)))
        .filter(|&p| buf[p].bg == rgb("#313233"))
        .count();
    // "typhoon" three times: list headline, reader headline, body.
    assert_eq!(matched, 3 * "typhoon".len());
}

/// Every colour in the buffer, as (x, y, fg, bg) for cells that have one.
fn coloured_cells(buf: &Buffer) -> Vec<(u16, u16, Color, Color)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            if c.fg != Color::Reset || c.bg != Color::Reset {
                out.push((x, y, c.fg, c.bg));
            }
        }
    }
    out
}

#[test]
fn no_color_leaves_no_colour_in_any_cell_of_any_screen() {
    let screens: Vec<Vec<KeyEvent>> = vec![
        vec![],
        vec![key(KeyCode::Enter), ch('*'), ch(']')],
        vec![key(KeyCode::Enter), ch('h'), ch('j'), ch('u')],
        vec![ch('/'), ch('t'), ch('y')],
        vec![ch('s')],
        vec![ch('t')],
        vec![ch('?')],
    ];
    let config = Config::from_toml(THEME, "theme.toml").unwrap();
    for keys in screens {
        let (_, buf) = screen_of(App::with_config(corpus(), &config, true), &keys);
        let coloured = coloured_cells(&buf);
        assert!(
            coloured.is_empty(),
            "keys {keys:?}: {} coloured cells, first {:?}",
            coloured.len(),
            coloured.first()
        );
    }
    // The same screens in colour do have colour (the check above can fail).
    let (_, buf) = screen_of(App::with_config(corpus(), &config, false), &[]);
    assert!(!coloured_cells(&buf).is_empty());
}

#[test]
fn without_colour_the_marks_are_still_told_apart() {
    let keys = [key(KeyCode::Enter), ch('*'), ch(']'), ch('h'), ch('j')];
    let (app, buf) = screen_of(App::with_config(corpus(), &Config::default(), true), &keys);
    let (x, y, read) = list_cell(&app, &buf, "Ministry unveils");
    assert!(read.modifier.contains(Modifier::DIM), "read is dim");
    assert_eq!(buf[(x - 2, y + 1)].symbol(), list::STAR_MARKER);
    assert!(buf[(x - 2, y + 1)].modifier.contains(Modifier::BOLD));
    let (_, _, selected) = list_cell(&app, &buf, "Port city");
    assert!(
        selected.modifier.contains(Modifier::REVERSED),
        "the selection is reversed"
    );
    // The status bar is reversed.
    assert!(buf[(0, H - 1)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_status_bar_says_when_only_unread_stories_are_shown() {
    let (_, buf) = themed(&[ch('m'), ch('j'), ch('u')]);
    let status = row_text(&buf, H - 1);
    assert!(status.contains("Story 1/3 unread"), "{status}");
    assert!(find(&buf, "Unread stories (3)").is_some());
    let (_, buf) = themed(&[ch('m'), ch('j'), ch('u'), ch('u')]);
    let status = row_text(&buf, H - 1);
    assert!(status.contains("Story 2/4 ·"), "{status}");
    assert!(!status.contains("unread"), "{status}");
}

#[test]
fn the_status_bar_hint_follows_rebound_keys() {
    let config = Config::from_toml("[keys]\nhelp = \"f1\"\nsearch = \"f\"\n", "k.toml").unwrap();
    let (_, buf) = screen_of(App::with_config(corpus(), &config, false), &[]);
    let status = row_text(&buf, H - 1);
    assert!(status.contains("F1:help f:search"), "{status}");
    assert!(!status.contains("?:help"), "{status}");
}
