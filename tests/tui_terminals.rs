//! Every terminal: resizes keep the list full around the selection, a screen below the
//! minimum says what it needs and keys wait, and ASCII-only drawing.

mod tui_fixture;

use dateline::model::Corpus;
use dateline::tui::action::Action;
use dateline::tui::app::App;
use dateline::tui::ui;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;

/// `n` stories (the fixture's four, repeated under new ids and headlines).
fn many(n: usize) -> Corpus {
    let base = corpus();
    let stories = (0..n)
        .map(|i| {
            let mut s = base.stories[i % base.stories.len()].clone();
            s.id = format!("s{i}");
            s.headline = format!("Story number {i:03} {}", s.headline);
            s.published = None;
            s.updated = None;
            s
        })
        .collect();
    Corpus {
        stories,
        ..Corpus::default()
    }
}

/// The blank rows inside the list's border (each story takes two rows: with an odd
/// number of rows, the last is left out).
fn list_rows_filled(app: &App, buf: &Buffer) -> Vec<u16> {
    let inner = app.areas.list_inner;
    (inner.top()..inner.top() + inner.height / 2 * 2)
        .filter(|&y| (inner.left()..inner.right()).all(|x| buf[(x, y)].symbol().trim().is_empty()))
        .collect()
}

#[test]
fn after_growing_from_40x8_to_200x60_the_list_is_full_and_shows_the_selection() {
    let mut app = App::new(many(100));
    let mut small = terminal(40, 8);
    draw(&mut small, &mut app);
    for _ in 0..95 {
        press(&mut app, ch('j'));
        draw(&mut small, &mut app);
    }
    assert_eq!(app.selected, 95);
    assert!(
        app.list_offset > 90,
        "scrolled far down: {}",
        app.list_offset
    );

    let mut big = terminal(200, 60);
    let buf = draw(&mut big, &mut app);
    let blank = list_rows_filled(&app, &buf);
    assert!(app.list_offset > 0, "stories are hidden above");
    assert!(
        blank.is_empty(),
        "blank list rows {blank:?}:\n{}",
        text_of(&buf)
    );
    assert!(
        find(&buf, "Story number 095").is_some(),
        "the selection shows"
    );
    assert!(
        find(&buf, "Story number 099").is_some(),
        "the last story shows"
    );
    let per_page = usize::from(app.areas.list_inner.height / 2);
    assert_eq!(app.list_offset, 100 - per_page);

    // And back: the selection stays in view on the small screen.
    let buf = draw(&mut small, &mut app);
    assert!(find(&buf, "Story n").is_some(), "{}", text_of(&buf));
    let inner = app.areas.list_inner;
    let shown = (inner.top()..inner.bottom()).any(|y| row_text(&buf, y).contains("095"));
    assert!(shown, "{}", text_of(&buf));
}

#[test]
fn overlays_fill_their_rows_after_a_resize_too() {
    let mut app = App::new(many(60));
    let mut small = terminal(40, 10);
    press(&mut app, ch('t'));
    draw(&mut small, &mut app);
    press(&mut app, ch('G'));
    draw(&mut small, &mut app);
    let mut big = terminal(120, 60);
    draw(&mut big, &mut app);
    let rows = usize::from(app.areas.overlay_rows);
    let shown = app.timeline_view.visible.len();
    assert!(shown > rows);
    assert_eq!(app.timeline.offset, shown - rows);
}

#[test]
fn below_the_minimum_the_screen_states_it_and_keys_wait() {
    let mut app = App::new(corpus());
    let mut tiny = terminal(30, 5);
    let buf = draw(&mut tiny, &mut app);
    let text = text_of(&buf).replace('\n', " ");
    assert!(
        text.contains("Terminal too small: need at least 40x8, have 30x5."),
        "{text}"
    );
    assert!(text.contains("Keys wait"), "{text}");
    assert!(app.too_small);
    assert_eq!(press(&mut app, ch('j')), None);
    assert_eq!(press(&mut app, key(KeyCode::Enter)), None);
    assert_eq!(press(&mut app, ch('q')), None);
    assert_eq!(app.selected, 0);
    assert!(!app.should_quit());
    assert_eq!(
        press(&mut app, ctrl('c')),
        Some(Action::Quit),
        "Ctrl-C still quits"
    );

    let mut app = App::new(corpus());
    draw(&mut tiny, &mut app);
    let mut fits = terminal(40, 8);
    draw(&mut fits, &mut app);
    assert!(!app.too_small);
    assert_eq!(press(&mut app, ch('j')), Some(Action::Down));
    assert_eq!(app.selected, 1);
}

/// Every cell of `buf` that is not plain ASCII.
fn non_ascii(buf: &Buffer) -> Vec<(u16, u16, String)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let s = buf[(x, y)].symbol();
            if !s.is_ascii() {
                out.push((x, y, s.to_string()));
            }
        }
    }
    out
}

#[test]
fn ascii_mode_draws_borders_marks_and_quotes_in_ascii() {
    let mut app = App::new(corpus());
    app.ascii = true;
    app.set_starred(0, true);
    let mut term = terminal(100, 30);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch(']'));
    press(&mut app, ch(']'));
    let buf = draw(&mut term, &mut app);
    assert_eq!(non_ascii(&buf), Vec::new(), "{}", text_of(&buf));
    assert_eq!(buf[(0, 0)].symbol(), "+");
    let top_right = app.areas.list.right() - 2;
    assert_eq!(buf[(top_right, 0)].symbol(), "-");
    assert_eq!(buf[(0, 1)].symbol(), "|");
    let bottom = app.areas.list.bottom() - 1;
    assert_eq!(buf[(5, bottom)].symbol(), "-");
    // The read mark, the star, the quote gutter and the quote marks.
    assert_eq!(buf[(1, 1)].symbol(), "v", "read mark");
    assert_eq!(buf[(1, 2)].symbol(), "*", "star");
    assert_eq!(buf[(1, 3)].symbol(), "*", "unread mark");
    let text = text_of(&buf);
    assert!(text.contains("\"We will accelerate"), "{text}");
    let inner = app.areas.reader_text;
    let gutter: String = (inner.top()..inner.bottom())
        .map(|y| buf[(inner.x - 2, y)].symbol().to_string())
        .collect();
    assert!(gutter.contains('|') || gutter.contains('>'), "{gutter}");
}

#[test]
fn ascii_mode_keeps_wide_text_in_its_columns() {
    let mut app = App::new(hostile_corpus());
    app.ascii = true;
    let mut term = terminal(90, 30);
    let buf = draw(&mut term, &mut app);
    assert_eq!(non_ascii(&buf), Vec::new(), "{}", text_of(&buf));
    // The right border is still in the last column on every row of the panes.
    for y in 1..28 {
        assert_eq!(buf[(89, y)].symbol(), "|", "row {y}:\n{}", text_of(&buf));
    }
    let utf8 = {
        let mut app = App::new(hostile_corpus());
        draw(&mut terminal(90, 30), &mut app)
    };
    assert!(!non_ascii(&utf8).is_empty(), "without it, UTF-8 is drawn");
}

#[test]
fn the_too_small_notice_is_ascii_too() {
    let mut app = App::new(corpus());
    app.ascii = true;
    let buf = draw(&mut terminal(30, 5), &mut app);
    assert_eq!(non_ascii(&buf), Vec::new());
    assert!(text_of(&buf).starts_with(ui::TOO_SMALL));
}
