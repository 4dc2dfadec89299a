//! Key and mouse events to actions: pure functions, tested without a terminal.
//!
//! One table, [`KEYS`], says which keys do what; [`action_for_key`] reads it and the
//! help overlay is drawn from it, so the two cannot drift. While typing a search or
//! a speaker filter, [`TYPING_KEYS`] applies instead and every other printable key
//! is text.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use super::action::{Action, Pane};
use super::app::{App, Overlay};

/// A key with the modifiers it needs (Shift is ignored for characters, which
/// already say whether they are upper case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control or Alt, when needed.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key pressed on its own.
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key pressed on its own.
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// A character key pressed with Control.
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Whether a key event is this key.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut mods = event.modifiers;
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match event.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        code == self.code && mods == self.modifiers
    }

    /// How the help overlay writes the key: `j`, `Ctrl-d`, `PgDn`, `Space`.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One line of the key table: the keys, the action, and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Every key that does it.
    pub keys: &'static [Key],
    /// The action.
    pub action: Action,
    /// What it does, for the help overlay and the README.
    pub help: &'static str,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { keys, action, help }
}

/// The key table for browsing (the main screen and the speaker-free overlays).
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::char('j'), Key::plain(KeyCode::Down)],
        Action::Down,
        "next story / scroll down",
    ),
    bind(
        &[Key::char('k'), Key::plain(KeyCode::Up)],
        Action::Up,
        "previous story / scroll up",
    ),
    bind(
        &[Key::char('g'), Key::plain(KeyCode::Home)],
        Action::Top,
        "first story / top",
    ),
    bind(
        &[Key::char('G'), Key::plain(KeyCode::End)],
        Action::Bottom,
        "last story / bottom",
    ),
    bind(
        &[
            Key::plain(KeyCode::PageDown),
            Key::char(' '),
            Key::ctrl('f'),
        ],
        Action::PageDown,
        "page down",
    ),
    bind(
        &[Key::plain(KeyCode::PageUp), Key::ctrl('b')],
        Action::PageUp,
        "page up",
    ),
    bind(&[Key::ctrl('d')], Action::HalfPageDown, "half a page down"),
    bind(&[Key::ctrl('u')], Action::HalfPageUp, "half a page up"),
    bind(
        &[Key::plain(KeyCode::Tab), Key::plain(KeyCode::BackTab)],
        Action::NextPane,
        "switch pane",
    ),
    bind(
        &[Key::char('h'), Key::plain(KeyCode::Left)],
        Action::FocusList,
        "story list",
    ),
    bind(
        &[Key::char('l'), Key::plain(KeyCode::Right)],
        Action::FocusReader,
        "reading pane",
    ),
    bind(
        &[Key::plain(KeyCode::Enter)],
        Action::Open,
        "open story / speaker / quote",
    ),
    bind(
        &[Key::char(']')],
        Action::NextQuote,
        "next quote in the story",
    ),
    bind(
        &[Key::char('[')],
        Action::PrevQuote,
        "previous quote in the story",
    ),
    bind(
        &[Key::char('}')],
        Action::NextBySpeaker,
        "next quote by the same speaker",
    ),
    bind(
        &[Key::char('{')],
        Action::PrevBySpeaker,
        "previous quote by the same speaker",
    ),
    bind(&[Key::char('s')], Action::ToggleSpeakers, "speakers panel"),
    bind(&[Key::char('t')], Action::ToggleTimeline, "quotes timeline"),
    bind(
        &[Key::char('/')],
        Action::StartSearch,
        "search headlines and bodies",
    ),
    bind(&[Key::char('n')], Action::SearchNext, "next match"),
    bind(&[Key::char('N')], Action::SearchPrev, "previous match"),
    bind(
        &[Key::char('w')],
        Action::ToggleWarnings,
        "loading warnings",
    ),
    bind(&[Key::char('?')], Action::ToggleHelp, "this help"),
    bind(
        &[Key::char('q')],
        Action::Back,
        "back; quits from the story list",
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::Close,
        "close overlay / clear search",
    ),
    bind(&[Key::ctrl('c')], Action::Quit, "quit"),
];

/// The key table while typing a search or a speaker filter; other printable keys
/// are text.
pub const TYPING_KEYS: &[Binding] = &[
    bind(
        &[Key::plain(KeyCode::Enter)],
        Action::Open,
        "confirm search / jump to speaker",
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::Close,
        "cancel search / close panel",
    ),
    bind(
        &[Key::plain(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character",
    ),
    bind(&[Key::plain(KeyCode::Down)], Action::Down, "next speaker"),
    bind(&[Key::plain(KeyCode::Up)], Action::Up, "previous speaker"),
    bind(
        &[Key::plain(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
    ),
    bind(&[Key::plain(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(&[Key::ctrl('c')], Action::Quit, "quit"),
];

/// The key table as Markdown (a two-column table), for the README and `--help`.
pub fn key_table_markdown() -> String {
    let mut out = String::from("| Keys | Action |\n|---|---|\n");
    for (title, table) in [("", KEYS), ("while typing: ", TYPING_KEYS)] {
        for b in table {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!("| {} | {title}{} |\n", keys.join(", "), b.help));
        }
    }
    out
}

/// The action for a key press in the app's current mode, if any.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    if app.typing() {
        if let Some(b) = find(TYPING_KEYS, &key) {
            return Some(b.action);
        }
        let mods = key.modifiers - KeyModifiers::SHIFT;
        return match key.code {
            KeyCode::Char(c) if mods.is_empty() && !c.is_control() => Some(Action::Type(c)),
            _ => None,
        };
    }
    find(KEYS, &key).map(|b| b.action)
}

fn find(table: &'static [Binding], key: &KeyEvent) -> Option<&'static Binding> {
    table.iter().find(|b| b.keys.iter().any(|k| k.matches(key)))
}

fn inside(area: Rect, column: u16, row: u16) -> bool {
    area.contains(Position::new(column, row))
}

/// The action for a mouse event, if any: the wheel scrolls the pane under the
/// pointer; a left click selects a story in the list, or focuses the reading pane.
pub fn action_for_mouse(app: &App, mouse: MouseEvent) -> Option<Action> {
    let (col, row) = (mouse.column, mouse.row);
    let pane = if app.overlay != Overlay::None {
        inside(app.areas.overlay, col, row).then_some(Pane::Overlay)
    } else if inside(app.areas.list, col, row) {
        Some(Pane::List)
    } else if inside(app.areas.reader, col, row) {
        Some(Pane::Reader)
    } else {
        None
    };
    match mouse.kind {
        MouseEventKind::ScrollDown => pane.map(|pane| Action::Wheel { pane, down: true }),
        MouseEventKind::ScrollUp => pane.map(|pane| Action::Wheel { pane, down: false }),
        MouseEventKind::Down(MouseButton::Left) => match pane? {
            Pane::List => {
                let inner = app.areas.list_inner;
                if !inside(inner, col, row) {
                    return None;
                }
                let index = app.list_offset + usize::from((row - inner.y) / 2);
                (index < app.corpus.stories.len()).then_some(Action::SelectStory(index))
            }
            Pane::Reader => Some(Action::ClickReader),
            Pane::Overlay => None,
        },
        _ => None,
    }
}
