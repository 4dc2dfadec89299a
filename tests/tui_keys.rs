//! Keys and mouse events to actions, as pure functions: no terminal.

mod tui_fixture;

use dateline::tui::action::{Action, Pane};
use dateline::tui::app::{App, Overlay};
use dateline::tui::keymap::{self, KEYS, TYPING_KEYS, action_for_key, action_for_mouse};
use dateline::tui::update::update;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_fixture::*;

fn event_for(k: &keymap::Key) -> KeyEvent {
    KeyEvent::new(k.code, k.modifiers)
}

#[test]
fn every_key_in_the_table_gives_its_action_on_the_main_screen() {
    let app = App::new(corpus());
    for binding in KEYS {
        for k in binding.keys {
            assert_eq!(
                action_for_key(&app, event_for(k)),
                Some(binding.action),
                "key {}",
                k.label()
            );
        }
    }
}

#[test]
fn shifted_characters_arrive_with_shift_and_still_match() {
    let app = App::new(corpus());
    assert_eq!(action_for_key(&app, ch('G')), Some(Action::Bottom));
    assert_eq!(action_for_key(&app, ch('N')), Some(Action::SearchPrev));
    assert_eq!(action_for_key(&app, ch('?')), Some(Action::ToggleHelp));
    assert_eq!(action_for_key(&app, ch('}')), Some(Action::NextBySpeaker));
    assert_eq!(action_for_key(&app, ch('{')), Some(Action::PrevBySpeaker));
    let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(action_for_key(&app, backtab), Some(Action::NextPane));
}

#[test]
fn the_issue_keys_are_bound_as_terminal_readers_expect() {
    let app = App::new(corpus());
    let expect = [
        (ch('j'), Action::Down),
        (key(KeyCode::Down), Action::Down),
        (ch('k'), Action::Up),
        (key(KeyCode::Up), Action::Up),
        (ch('g'), Action::Top),
        (ch('G'), Action::Bottom),
        (key(KeyCode::PageDown), Action::PageDown),
        (key(KeyCode::PageUp), Action::PageUp),
        (ch(' '), Action::PageDown),
        (ctrl('d'), Action::HalfPageDown),
        (ctrl('u'), Action::HalfPageUp),
        (key(KeyCode::Tab), Action::NextPane),
        (ch('h'), Action::FocusList),
        (ch('l'), Action::FocusReader),
        (key(KeyCode::Enter), Action::Open),
        (ch(']'), Action::NextQuote),
        (ch('['), Action::PrevQuote),
        (ch('s'), Action::ToggleSpeakers),
        (ch('t'), Action::ToggleTimeline),
        (ch('/'), Action::StartSearch),
        (ch('n'), Action::SearchNext),
        (ch('?'), Action::ToggleHelp),
        (ch('q'), Action::Back),
        (key(KeyCode::Esc), Action::Close),
        (ctrl('c'), Action::Quit),
    ];
    for (event, action) in expect {
        assert_eq!(action_for_key(&app, event), Some(action), "{event:?}");
    }
}

#[test]
fn unbound_keys_and_stray_modifiers_do_nothing() {
    let app = App::new(corpus());
    assert_eq!(action_for_key(&app, ch('x')), None);
    assert_eq!(action_for_key(&app, key(KeyCode::F(5))), None);
    assert_eq!(action_for_key(&app, ctrl('j')), None);
    let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
    assert_eq!(action_for_key(&app, alt_j), None);
}

#[test]
fn no_key_is_bound_twice() {
    for table in [KEYS, TYPING_KEYS] {
        let mut seen = Vec::new();
        for b in table {
            for k in b.keys {
                assert!(!seen.contains(k), "{} bound twice", k.label());
                seen.push(*k);
            }
        }
    }
}

#[test]
fn while_searching_letters_are_text_not_commands() {
    let mut app = App::new(corpus());
    update(&mut app, Action::StartSearch);
    for c in [
        'j', 'k', 'q', 's', 't', 'n', 'N', 'G', '/', '?', ' ', ']', '中',
    ] {
        assert_eq!(action_for_key(&app, ch(c)), Some(Action::Type(c)), "{c}");
    }
    assert_eq!(
        action_for_key(&app, key(KeyCode::Enter)),
        Some(Action::Open)
    );
    assert_eq!(action_for_key(&app, key(KeyCode::Esc)), Some(Action::Close));
    assert_eq!(
        action_for_key(&app, key(KeyCode::Backspace)),
        Some(Action::DeleteChar)
    );
    assert_eq!(action_for_key(&app, ctrl('c')), Some(Action::Quit));
    assert_eq!(action_for_key(&app, ctrl('d')), None);
}

#[test]
fn in_the_speakers_panel_letters_filter() {
    let mut app = App::new(corpus());
    update(&mut app, Action::ToggleSpeakers);
    assert_eq!(action_for_key(&app, ch('q')), Some(Action::Type('q')));
    assert_eq!(action_for_key(&app, ch('s')), Some(Action::Type('s')));
    assert_eq!(action_for_key(&app, key(KeyCode::Down)), Some(Action::Down));
    assert_eq!(
        action_for_key(&app, key(KeyCode::Enter)),
        Some(Action::Open)
    );
}

#[test]
fn other_overlays_keep_command_keys() {
    let mut app = App::new(corpus());
    update(&mut app, Action::ToggleTimeline);
    assert_eq!(app.overlay, Overlay::Timeline);
    assert_eq!(action_for_key(&app, ch('j')), Some(Action::Down));
    assert_eq!(action_for_key(&app, ch('q')), Some(Action::Back));
}

#[test]
fn the_help_and_the_markdown_table_list_every_binding() {
    let help: Vec<String> = dateline::tui::ui::help::lines()
        .iter()
        .map(|l| l.to_string())
        .collect();
    let markdown = keymap::key_table_markdown();
    assert_eq!(help.len(), dateline::tui::ui::help::line_count());
    for b in KEYS.iter().chain(TYPING_KEYS) {
        for k in b.keys {
            let label = k.label();
            assert!(
                help.iter()
                    .any(|l| l.contains(&label) && l.contains(b.help)),
                "help lacks {label}: {}",
                b.help
            );
            assert!(markdown.contains(&format!("`{label}`")));
        }
        assert!(markdown.contains(b.help));
    }
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_a_click_selects_a_story() {
    let mut app = App::new(corpus());
    let mut term = terminal(100, 30);
    draw(&mut term, &mut app);
    let list = app.areas.list_inner;
    let reader = app.areas.reader_text;
    assert_eq!(
        action_for_mouse(
            &app,
            mouse(MouseEventKind::ScrollDown, reader.x + 3, reader.y + 2)
        ),
        Some(Action::Wheel {
            pane: Pane::Reader,
            down: true
        })
    );
    assert_eq!(
        action_for_mouse(&app, mouse(MouseEventKind::ScrollUp, list.x + 1, list.y)),
        Some(Action::Wheel {
            pane: Pane::List,
            down: false
        })
    );
    // Each story takes two rows: the third story's second row.
    let click = mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 2,
        list.y + 5,
    );
    assert_eq!(action_for_mouse(&app, click), Some(Action::SelectStory(2)));
    // Below the last story: nothing.
    let below = mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 2,
        list.y + 9,
    );
    assert_eq!(action_for_mouse(&app, below), None);
    // The status bar is no pane.
    let status = mouse(MouseEventKind::ScrollDown, 5, 29);
    assert_eq!(action_for_mouse(&app, status), None);
}

#[test]
fn with_an_overlay_open_the_wheel_scrolls_the_overlay_only() {
    let mut app = App::new(corpus());
    update(&mut app, Action::ToggleTimeline);
    let mut term = terminal(100, 30);
    draw(&mut term, &mut app);
    let o = app.areas.overlay;
    assert_eq!(
        action_for_mouse(&app, mouse(MouseEventKind::ScrollDown, o.x + 2, o.y + 2)),
        Some(Action::Wheel {
            pane: Pane::Overlay,
            down: true
        })
    );
    assert_eq!(
        action_for_mouse(&app, mouse(MouseEventKind::ScrollDown, 0, 0)),
        None
    );
}
