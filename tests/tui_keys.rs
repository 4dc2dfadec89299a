//! Keys and mouse events to actions, as pure functions: no terminal.

mod tui_fixture;

use dateline::config::Config;
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
        (ch(' '), Action::PageStory),
        (ctrl('f'), Action::PageDown),
        (ch('J'), Action::NextStory),
        (ch('K'), Action::PrevStory),
        (ch('U'), Action::NextUnread),
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
    let mut seen = Vec::new();
    for b in KEYS {
        for k in b.keys {
            assert!(!seen.contains(k), "{} bound twice", k.label());
            seen.push(*k);
        }
    }
}

#[test]
fn every_action_has_a_distinct_snake_case_name() {
    let mut names = Vec::new();
    for b in KEYS {
        assert!(
            b.name
                .split('_')
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())),
            "{}",
            b.name
        );
        assert!(!names.contains(&b.name), "{} twice", b.name);
        names.push(b.name);
        assert_eq!(
            KEYS.iter().filter(|o| o.action == b.action).count(),
            1,
            "{} has one line",
            b.name
        );
    }
    // Every command that works while typing is an action of the table.
    for t in TYPING_KEYS {
        assert!(KEYS.iter().any(|b| b.action == t.action), "{:?}", t.action);
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
    let keymap = keymap::Keymap::default();
    let help: Vec<String> = dateline::tui::ui::help::lines(&keymap)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let markdown = keymap::key_table_markdown();
    assert_eq!(help.len(), dateline::tui::ui::help::line_count());
    for b in KEYS {
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
        assert!(markdown.contains(&format!("`{}`", b.name)));
    }
    for t in TYPING_KEYS {
        let keys = keymap.typing_keys_for(t.action);
        assert!(!keys.is_empty(), "{:?} has a key while typing", t.action);
        for k in keys {
            assert!(!k.is_text(), "{} types text", k.label());
            assert!(
                help.iter()
                    .any(|l| l.contains(&k.label()) && l.contains(t.help)),
                "help lacks {}: {}",
                k.label(),
                t.help
            );
        }
    }
}

/// A reader whose configuration file says `toml`.
fn configured(toml: &str) -> App {
    let config = Config::from_toml(toml, "test.toml").expect("valid configuration");
    App::with_config(corpus(), &config, false)
}

#[test]
fn a_rebound_key_does_the_action_and_the_help_says_so() {
    let mut app = configured("[keys]\nnext_quote = [\"x\", \"ctrl-n\"]\ntoggle_star = \"f\"\n");
    assert_eq!(action_for_key(&app, ch('x')), Some(Action::NextQuote));
    assert_eq!(action_for_key(&app, ctrl('n')), Some(Action::NextQuote));
    assert_eq!(
        action_for_key(&app, ch(']')),
        None,
        "the default key is gone"
    );
    assert_eq!(action_for_key(&app, ch('f')), Some(Action::ToggleStar));
    assert_eq!(action_for_key(&app, ch('*')), None);
    // Other actions keep their defaults.
    assert_eq!(action_for_key(&app, ch('j')), Some(Action::Down));

    let help: Vec<String> = dateline::tui::ui::help::lines(&app.keymap)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let line = help
        .iter()
        .find(|l| l.contains("next quote in the story"))
        .expect("help line");
    assert!(line.contains("x, Ctrl-n"), "{line}");
    assert!(!line.contains(']'), "{line}");

    // And pressing the new key does it.
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('x'));
    assert_eq!(app.current_quote, Some(0));
    press(&mut app, ch('f'));
    assert!(app.starred[app.selected]);
}

#[test]
fn a_key_taken_by_another_action_leaves_its_default_action() {
    // `j` moved to next_quote: `down` keeps only the arrow.
    let app = configured("[keys]\nnext_quote = \"j\"\n");
    assert_eq!(action_for_key(&app, ch('j')), Some(Action::NextQuote));
    assert_eq!(action_for_key(&app, key(KeyCode::Down)), Some(Action::Down));
    assert_eq!(
        app.keymap.keys_for(Action::Down),
        &[keymap::Key::plain(KeyCode::Down)]
    );
}

#[test]
fn an_unbound_action_shows_as_unbound_and_leaves_the_hint() {
    let app = configured("[keys]\nhelp = []\n");
    assert_eq!(action_for_key(&app, ch('?')), None);
    let help: Vec<String> = dateline::tui::ui::help::lines(&app.keymap)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(
        help.iter()
            .any(|l| l.contains("(unbound)") && l.contains("this help"))
    );
    let hint = dateline::tui::ui::status::key_hint(&app.keymap);
    assert!(!hint.contains("help"), "{hint}");
    assert!(hint.contains("/:search"), "{hint}");
}

#[test]
fn while_typing_a_rebound_command_key_works_and_letters_stay_text() {
    // Quit on ctrl-q and F2: both are commands while typing; close on `x` is not.
    let mut app = configured("[keys]\nquit = [\"ctrl-q\", \"f2\"]\nclose = [\"esc\", \"x\"]\n");
    update(&mut app, Action::StartSearch);
    assert_eq!(action_for_key(&app, ctrl('q')), Some(Action::Quit));
    assert_eq!(action_for_key(&app, key(KeyCode::F(2))), Some(Action::Quit));
    assert_eq!(
        action_for_key(&app, ctrl('c')),
        Some(Action::Quit),
        "ctrl-c quits even when quit is rebound"
    );
    assert_eq!(action_for_key(&app, ch('x')), Some(Action::Type('x')));
    assert_eq!(action_for_key(&app, key(KeyCode::Esc)), Some(Action::Close));
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

#[test]
fn ctrl_c_quits_even_when_the_configuration_unbinds_every_way_out() {
    let app = configured("[keys]\nquit = []\nback = []\nclose = []\n");
    assert_eq!(action_for_key(&app, ch('q')), None, "q is unbound");
    assert_eq!(action_for_key(&app, ctrl('c')), Some(Action::Quit));
    let mut typing = configured("[keys]\nquit = []\n");
    press(&mut typing, ch('/'));
    assert!(typing.typing());
    assert_eq!(action_for_key(&typing, ctrl('c')), Some(Action::Quit));
}
