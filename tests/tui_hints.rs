//! Honest hints: the status bar offers the keys of the mode in effect, an empty search
//! does nothing, and the help overlay says when more follows.

mod tui_fixture;

use dateline::tui::app::{App, Focus};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use tui_fixture::*;

/// The status bar (last row) after `keys`, on a `width` x `height` screen.
fn status_after(keys: &[KeyEvent], width: u16, height: u16) -> (App, Buffer, String) {
    let mut app = App::new(corpus());
    let mut term = terminal(width, height);
    draw(&mut term, &mut app);
    for k in keys {
        press(&mut app, *k);
        draw(&mut term, &mut app);
    }
    let buf = draw(&mut term, &mut app);
    let status = row_text(&buf, height - 1);
    (app, buf, status)
}

#[test]
fn the_list_hints_the_browsing_keys() {
    let (_, _, status) = status_after(&[], 120, 30);
    assert!(
        status.contains("?:help /:search s:speakers t:quotes q:back"),
        "{status}"
    );
}

#[test]
fn while_a_search_is_typed_only_enter_and_esc_are_offered() {
    let mut keys = vec![ch('/')];
    keys.extend("port".chars().map(ch));
    let (_, _, status) = status_after(&keys, 120, 30);
    assert!(status.contains("Enter:done"), "{status}");
    assert!(status.contains("Esc:cancel"), "{status}");
    for stale in ["?:help", "/:search", "s:speakers", "q:back"] {
        assert!(!status.contains(stale), "{stale} in {status}");
    }
}

#[test]
fn while_the_speakers_filter_is_typed_its_own_keys_are_offered() {
    let (_, _, status) = status_after(&[ch('s'), ch('w')], 120, 30);
    assert!(status.contains("Enter:jump"), "{status}");
    assert!(status.contains("Esc:close"), "{status}");
    assert!(status.contains("↓:next"), "{status}");
    assert!(!status.contains("s:speakers"), "{status}");
    assert!(!status.contains("?:help"), "{status}");
}

#[test]
fn the_reading_pane_hints_the_reading_keys() {
    let (app, _, status) = status_after(&[key(KeyCode::Enter)], 120, 30);
    assert_eq!(app.focus, Focus::Reader);
    assert!(
        status.contains("J:next K:prev ]:quote Space:page q:list"),
        "{status}"
    );
}

#[test]
fn overlays_hint_how_to_move_and_close() {
    let (_, _, status) = status_after(&[ch('t')], 120, 30);
    assert!(
        status.contains("Enter:open /:search Ctrl-t:speaker f:fragments Esc:close"),
        "{status}"
    );
    let (_, _, status) = status_after(&[ch('?')], 120, 30);
    assert!(status.contains("j:down k:up Esc:close"), "{status}");
}

#[test]
fn an_empty_search_is_a_no_op() {
    for typed in ["", "   "] {
        let mut app = App::new(corpus());
        press(&mut app, ch('j'));
        press(&mut app, ch('/'));
        type_str(&mut app, typed);
        press(&mut app, key(KeyCode::Enter));
        assert!(!app.search.typing, "{typed:?}");
        assert_eq!(app.message, None, "{typed:?}: no `No match` message");
        assert!(app.search.query.is_empty());
        assert_eq!(app.selected, 1, "{typed:?}: stays where it was");
        assert_eq!(app.focus, Focus::List);
    }
}

/// The row of `buf` holding `needle`, if any.
fn row_with(buf: &Buffer, needle: &str) -> Option<u16> {
    find(buf, needle).map(|(_, y)| y)
}

#[test]
fn the_help_says_more_follows_and_scrolls_to_its_end() {
    let height = 20;
    let (mut app, buf, _) = status_after(&[ch('?')], 100, height);
    let rows = usize::from(app.areas.overlay_rows);
    let total = dateline::tui::ui::help::line_count();
    assert!(
        total > rows,
        "the help must be taller than the overlay here"
    );
    let more = format!("↓ {} more (j)", total - rows);
    let y = row_with(&buf, &more).expect("a note that more follows");
    assert_eq!(
        y,
        app.areas.overlay.bottom() - 1,
        "on the overlay's bottom border"
    );
    assert!(
        row_with(&buf, "Mouse:").is_none(),
        "the last line is hidden"
    );

    let mut term = terminal(100, height);
    draw(&mut term, &mut app);
    press(&mut app, ch('j'));
    let buf = draw(&mut term, &mut app);
    assert!(
        row_with(&buf, "↑ 1 above (k)").is_some(),
        "{}",
        text_of(&buf)
    );
    assert!(row_with(&buf, &format!("↓ {} more", total - rows - 1)).is_some());

    press(&mut app, ch('G'));
    let buf = draw(&mut term, &mut app);
    assert!(row_with(&buf, "Mouse:").is_some(), "{}", text_of(&buf));
    assert!(row_with(&buf, "more (j)").is_none(), "nothing more below");
    assert!(row_with(&buf, &format!("↑ {} above", total - rows)).is_some());
}

#[test]
fn a_help_that_fits_has_no_note() {
    let (_, buf, _) = status_after(&[ch('?')], 120, 80);
    assert!(row_with(&buf, "Mouse:").is_some());
    assert!(row_with(&buf, " more ").is_none(), "{}", text_of(&buf));
    assert!(row_with(&buf, " above ").is_none());
}

#[test]
fn the_help_counts_its_own_lines_and_tells_the_filter_syntax() {
    let lines = dateline::tui::ui::help::lines(&dateline::tui::keymap::Keymap::default());
    assert_eq!(dateline::tui::ui::help::line_count(), lines.len());
    assert!(
        lines
            .iter()
            .any(|l| l.to_string().contains("speaker: section:"))
    );
}
