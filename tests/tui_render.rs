//! Full-screen renders on a TestBackend: insta snapshots of each screen, driven by
//! key events, and buffer assertions on styles (which snapshots do not capture).

mod tui_fixture;

use dateline::config::{Config, Styles};
use dateline::tui::app::App;
use dateline::tui::ui::{self, list, reader};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tui_fixture::*;

const W: u16 = 100;
const H: u16 = 30;

fn screen(keys: &[ratatui::crossterm::event::KeyEvent]) -> (App, Buffer) {
    let mut app = App::new(corpus());
    let mut term = terminal(W, H);
    draw(&mut term, &mut app);
    for k in keys {
        press(&mut app, *k);
        draw(&mut term, &mut app);
    }
    let buf = draw(&mut term, &mut app);
    (app, buf)
}

#[test]
fn snapshot_main_screen() {
    let (_, buf) = screen(&[]);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_reading_with_a_jumped_to_quote() {
    // The second `]` passes over the fragment to the story's last spoken quote.
    let (_, buf) = screen(&[key(KeyCode::Enter), ch(']'), ch(']')]);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_speakers_panel_filtered() {
    let (_, buf) = screen(&[ch('s'), ch('e'), ch('n')]);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_quotes_timeline() {
    let (_, buf) = screen(&[ch('t'), ch('j'), ch('j')]);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_search() {
    let mut keys = vec![ch('/')];
    keys.extend("point 30".chars().map(ch));
    let (_, buf) = screen(&keys);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_help() {
    let (_, buf) = screen(&[ch('?')]);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_too_small() {
    let mut app = App::new(corpus());
    let mut term = terminal(30, 5);
    let buf = draw(&mut term, &mut app);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_wide_text_in_list_and_reader() {
    let mut c = hostile_corpus();
    c.stories.truncate(5);
    let mut app = App::new(c);
    let mut term = terminal(90, 30);
    for _ in 0..2 {
        draw(&mut term, &mut app);
        press(&mut app, ch('j'));
    }
    let buf = draw(&mut term, &mut app);
    insta::assert_snapshot!(text_of(&buf));
}

#[test]
fn snapshot_long_unbroken_words_and_rtl() {
    let mut c = hostile_corpus();
    c.stories.swap(0, 4);
    let mut app = App::new(c);
    let mut term = terminal(70, 24);
    let buf = draw(&mut term, &mut app);
    insta::assert_snapshot!(text_of(&buf));
}

/// The default theme's styles.
fn styles() -> Styles {
    Config::default().theme.styles(false)
}

/// The text colour the default theme gives a speaker.
fn speaker_colour(name: Option<&str>) -> Color {
    ui::speaker_style(&styles(), name)
        .fg
        .unwrap_or(Color::Reset)
}

/// The cell under the first occurrence of `needle`.
fn cell_at(buf: &Buffer, needle: &str) -> ratatui::buffer::Cell {
    let (x, y) = find(buf, needle).unwrap_or_else(|| panic!("{needle:?} not drawn"));
    buf[(x, y)].clone()
}

#[test]
fn quotes_carry_their_speakers_colour_and_the_current_one_stands_out() {
    let (_, buf) = screen(&[key(KeyCode::Enter)]);
    let wang = speaker_colour(Some(WANG));
    let li = speaker_colour(Some(LI));
    let cell = cell_at(&buf, "accelerate innovation");
    assert_eq!(cell.fg, wang);
    assert_eq!(cell.bg, Color::Reset);
    let second_piece = cell_at(&buf, "open the market");
    assert_eq!(second_piece.fg, wang, "both spans of a split quote");
    let attribution = cell_at(&buf, "said Wang");
    assert_eq!(
        attribution.fg,
        Color::Reset,
        "words between the spans are not quoted"
    );
    let li_first = cell_at(&buf, "first part of a long");
    assert_eq!(li_first.fg, li);
    let li_second = cell_at(&buf, "It continues");
    assert_eq!(li_second.fg, li, "a quote running into the next paragraph");

    let (_, buf) = screen(&[key(KeyCode::Enter), ch(']')]);
    let current = cell_at(&buf, "accelerate innovation");
    assert_eq!(current.fg, wang);
    assert_eq!(current.bg, Config::default().theme.current_quote);
    assert!(current.modifier.contains(Modifier::BOLD));
    let other = cell_at(&buf, "first part of a long");
    assert_eq!(other.bg, Color::Reset, "only the current quote is filled");
}

#[test]
fn partial_quotes_are_styled_lightly() {
    let (_, buf) = screen(&[key(KeyCode::Enter)]);
    let partial = cell_at(&buf, "high-quality");
    assert!(partial.modifier.contains(Modifier::ITALIC));
    assert!(!partial.modifier.contains(Modifier::BOLD));
    assert_eq!(partial.bg, Color::Reset);
    let full = cell_at(&buf, "accelerate");
    assert!(!full.modifier.contains(Modifier::ITALIC));
}

#[test]
fn each_quote_has_a_label_with_speaker_title_and_time_above_its_paragraph() {
    let (_, buf) = screen(&[key(KeyCode::Enter)]);
    let label = "Wang Wen, Ministry of Commerce spokesperson · 2026-01-26 17";
    let (lx, ly) = find(&buf, label).expect("label drawn");
    let (_, qy) = find(&buf, "accelerate innovation").expect("quote drawn");
    assert_eq!(qy, ly + 1, "label directly above the quote's paragraph");
    let label_cell = &buf[(lx, ly)];
    assert_eq!(label_cell.fg, speaker_colour(Some(WANG)));
    let gutter = &buf[(lx - reader::GUTTER, qy)];
    assert_eq!(gutter.symbol(), reader::QUOTE_MARK);
    assert_eq!(gutter.fg, speaker_colour(Some(WANG)));
    assert!(find(&buf, "Li Qiang, Premier · 2026-01-26 17:14").is_some());
    assert!(
        find(&buf, "Unattributed").is_none(),
        "partial quotes get no label"
    );
}

#[test]
fn the_current_quote_is_marked_in_the_gutter_and_label() {
    // The second `]` passes over the fragment ("high-quality") to Li Qiang's quote.
    let (_, buf) = screen(&[key(KeyCode::Enter), ch(']'), ch(']')]);
    let (lx, ly) = find(&buf, "Li Qiang, Premier").expect("label");
    assert!(buf[(lx, ly)].modifier.contains(Modifier::REVERSED));
    assert_eq!(
        buf[(lx - reader::GUTTER, ly)].symbol(),
        reader::CURRENT_MARK
    );
    let (wx, wy) = find(&buf, "Wang Wen, Ministry").expect("label");
    assert!(!buf[(wx, wy)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(wx - reader::GUTTER, wy)].symbol(), reader::QUOTE_MARK);
}

#[test]
fn the_same_speaker_has_the_same_colour_in_every_pane() {
    let (_, reading) = screen(&[ch('j'), key(KeyCode::Enter)]);
    let (_, speakers) = screen(&[ch('s')]);
    let (_, timeline) = screen(&[ch('t')]);
    let chen = speaker_colour(Some(CHEN));
    assert_eq!(cell_at(&reading, "Chen Mei, Mayor").fg, chen);
    assert_eq!(cell_at(&speakers, "Chen Mei").fg, chen);
    assert_eq!(cell_at(&timeline, "Chen Mei").fg, chen);
    assert_ne!(speaker_colour(Some(CHEN)), speaker_colour(None));
}

/// The cell under `needle` in the story list.
fn list_cell(app: &App, buf: &Buffer, needle: &str) -> ratatui::buffer::Cell {
    let (x, y) = find_in(buf, app.areas.list_inner, needle).expect("in the list");
    buf[(x, y)].clone()
}

#[test]
fn the_selection_is_highlighted_and_follows_focus() {
    let (app, buf) = screen(&[ch('j')]);
    let selected = list_cell(&app, &buf, "Port city reopens");
    assert_eq!(
        selected.bg,
        ui::selected_style(&styles(), true)
            .bg
            .unwrap_or(Color::Reset)
    );
    let date = list_cell(&app, &buf, "2026-01-25");
    assert_eq!(date.bg, selected.bg, "both rows of the story");
    let other = list_cell(&app, &buf, "Ministry unveils");
    assert_eq!(other.bg, Color::Reset);
    let (app, buf) = screen(&[ch('j'), key(KeyCode::Tab)]);
    let unfocused = list_cell(&app, &buf, "Port city reopens");
    assert_eq!(
        unfocused.bg,
        ui::selected_style(&styles(), false)
            .bg
            .unwrap_or(Color::Reset)
    );
    assert_ne!(unfocused.bg, selected.bg);
}

#[test]
fn opened_stories_get_the_read_marker() {
    let (app, buf) = screen(&[key(KeyCode::Enter), ch('h'), ch('j')]);
    let list = app.areas.list_inner;
    let (x, y) = find_in(&buf, list, "Ministry unveils").expect("first story");
    assert_eq!(buf[(x - 2, y)].symbol(), list::READ_MARKER);
    assert_eq!(buf[(x - 2, y)].fg, Config::default().theme.read);
    let (x, y) = find_in(&buf, list, "Port city").expect("second story");
    assert_eq!(buf[(x - 2, y)].symbol(), list::UNREAD_MARKER);
    assert_eq!(
        buf[(x - 2, y)].fg,
        list::unread_style().fg.unwrap_or(Color::Reset)
    );
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "unread headline bold"
    );
}

#[test]
fn search_matches_are_highlighted_in_list_and_reader() {
    let mut keys = vec![ch('/')];
    keys.extend("typhoon".chars().map(ch));
    let (_, buf) = screen(&keys);
    let hits: Vec<(u16, u16)> = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&p| buf[p].symbol() == "t" && buf[p].bg == Color::Yellow)
        .collect();
    // list headline, reader headline, body paragraph
    assert_eq!(hits.len(), 3, "{hits:?}");
    let current = hits
        .iter()
        .filter(|&&p| buf[p].modifier.contains(Modifier::UNDERLINED))
        .count();
    assert_eq!(current, 1, "one current match");
}

#[test]
fn long_headlines_are_truncated_with_an_ellipsis_by_display_width() {
    let (app, buf) = screen(&[]);
    let inner = app.areas.list_inner;
    let (x, y) = find_in(&buf, inner, "Legislature debates").expect("long headline");
    let shown: String = (x..inner.right()).map(|x| buf[(x, y)].symbol()).collect();
    assert_eq!(shown, "Legislature debates the annual …");
    assert_eq!(
        dateline::tui::text::width(&shown),
        usize::from(inner.right() - x),
        "the ellipsis fills the last cell"
    );
}

#[test]
fn the_status_bar_shows_story_and_quote_position_and_keys() {
    let (_, buf) = screen(&[key(KeyCode::Enter), ch(']'), ch(']')]);
    let status = row_text(&buf, H - 1);
    assert!(status.contains("Story 1/4"), "{status}");
    assert!(status.contains("Quote 2/2"), "spoken quotes only: {status}");
    assert!(status.contains("?:help"), "{status}");
}

#[test]
fn the_scroll_indicator_follows_the_scroll_position() {
    let (_, buf) = screen(&[ch('j'), ch('j'), key(KeyCode::Enter)]);
    assert!(find(&buf, " 1-27/").is_some());
    let (_, buf) = screen(&[ch('j'), ch('j'), key(KeyCode::Enter), ch('G')]);
    assert!(find(&buf, " 100% ").is_some());
}

#[test]
fn resizing_rewraps_the_story() {
    let mut app = App::new(corpus());
    press(&mut app, key(KeyCode::Enter));
    let mut wide = terminal(120, 30);
    draw(&mut wide, &mut app);
    let wide_rows = app.wrapped().len();
    let mut narrow = terminal(50, 30);
    draw(&mut narrow, &mut app);
    let narrow_rows = app.wrapped().len();
    assert!(narrow_rows > wide_rows);
    assert_eq!(app.wrapped().width, app.areas.reader_text.width);
}
