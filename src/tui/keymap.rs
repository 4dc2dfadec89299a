//! Key and mouse events to actions: pure functions, tested without a terminal.
//!
//! One table, [`KEYS`], names every action, its default keys and what it does. The
//! configuration file's `[keys]` table uses those names and its defaults come from
//! this table ([`crate::config::KeyBindings`]); the keys in effect ([`Keymap`]) drive
//! both [`action_for_key`] and the help overlay, so the two cannot drift. While
//! typing a search or a speaker filter, only [`TYPING_KEYS`] are commands (through
//! their keys that do not type text) and every other printable key is text.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use super::action::{Action, Pane};
use super::app::{App, Overlay};
use crate::config::{KeyBindings, KeySpec};

/// A key with the modifiers it needs: the configuration layer's key spec, so the
/// reader's table and the configuration file speak of keys the same way.
pub type Key = KeySpec;

/// One line of the key table: the action's name in the configuration file, its
/// default keys, the action, and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// The action's name in the `[keys]` table of the configuration file.
    pub name: &'static str,
    /// Every key that does it by default.
    pub keys: &'static [Key],
    /// The action.
    pub action: Action,
    /// What it does, for the help overlay, the README and the default file.
    pub help: &'static str,
}

const fn bind(
    name: &'static str,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        name,
        keys,
        action,
        help,
    }
}

/// The key table for browsing (the main screen and the speaker-free overlays).
pub const KEYS: &[Binding] = &[
    bind(
        "down",
        &[Key::char('j'), Key::plain(KeyCode::Down)],
        Action::Down,
        "next story / scroll down",
    ),
    bind(
        "up",
        &[Key::char('k'), Key::plain(KeyCode::Up)],
        Action::Up,
        "previous story / scroll up",
    ),
    bind(
        "top",
        &[Key::char('g'), Key::plain(KeyCode::Home)],
        Action::Top,
        "first story / top",
    ),
    bind(
        "bottom",
        &[Key::char('G'), Key::plain(KeyCode::End)],
        Action::Bottom,
        "last story / bottom",
    ),
    bind(
        "page_down",
        &[
            Key::plain(KeyCode::PageDown),
            Key::char(' '),
            Key::ctrl('f'),
        ],
        Action::PageDown,
        "page down",
    ),
    bind(
        "page_up",
        &[Key::plain(KeyCode::PageUp), Key::ctrl('b')],
        Action::PageUp,
        "page up",
    ),
    bind(
        "half_page_down",
        &[Key::ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
    ),
    bind(
        "half_page_up",
        &[Key::ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
    ),
    bind(
        "next_pane",
        &[Key::plain(KeyCode::Tab), Key::plain(KeyCode::BackTab)],
        Action::NextPane,
        "switch pane",
    ),
    bind(
        "focus_list",
        &[Key::char('h'), Key::plain(KeyCode::Left)],
        Action::FocusList,
        "story list",
    ),
    bind(
        "focus_reader",
        &[Key::char('l'), Key::plain(KeyCode::Right)],
        Action::FocusReader,
        "reading pane",
    ),
    bind(
        "open",
        &[Key::plain(KeyCode::Enter)],
        Action::Open,
        "open story / speaker / quote",
    ),
    bind(
        "next_quote",
        &[Key::char(']')],
        Action::NextQuote,
        "next quote in the story",
    ),
    bind(
        "prev_quote",
        &[Key::char('[')],
        Action::PrevQuote,
        "previous quote in the story",
    ),
    bind(
        "next_by_speaker",
        &[Key::char('}')],
        Action::NextBySpeaker,
        "next quote by the same speaker",
    ),
    bind(
        "prev_by_speaker",
        &[Key::char('{')],
        Action::PrevBySpeaker,
        "previous quote by the same speaker",
    ),
    bind(
        "speakers",
        &[Key::char('s')],
        Action::ToggleSpeakers,
        "speakers panel",
    ),
    bind(
        "timeline",
        &[Key::char('t')],
        Action::ToggleTimeline,
        "quotes timeline",
    ),
    bind(
        "search",
        &[Key::char('/')],
        Action::StartSearch,
        "search headlines and bodies",
    ),
    bind(
        "next_match",
        &[Key::char('n')],
        Action::SearchNext,
        "next match",
    ),
    bind(
        "prev_match",
        &[Key::char('N')],
        Action::SearchPrev,
        "previous match",
    ),
    bind(
        "toggle_read",
        &[Key::char('m')],
        Action::ToggleRead,
        "mark the story read / unread",
    ),
    bind(
        "toggle_star",
        &[Key::char('*')],
        Action::ToggleStar,
        "star / unstar the story",
    ),
    bind(
        "unread_only",
        &[Key::char('u')],
        Action::ToggleUnreadOnly,
        "show only unread stories / all",
    ),
    bind(
        "delete_char",
        &[Key::plain(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character typed",
    ),
    bind(
        "warnings",
        &[Key::char('w')],
        Action::ToggleWarnings,
        "loading warnings",
    ),
    bind("help", &[Key::char('?')], Action::ToggleHelp, "this help"),
    bind(
        "back",
        &[Key::char('q')],
        Action::Back,
        "back; quits from the story list",
    ),
    bind(
        "close",
        &[Key::plain(KeyCode::Esc)],
        Action::Close,
        "close overlay / clear search",
    ),
    bind("quit", &[Key::ctrl('c')], Action::Quit, "quit"),
];

/// What a key does while typing a search or a speaker filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypingCommand {
    /// The action; its keys are its keys in [`KEYS`] (or the configuration file)
    /// that do not type text.
    pub action: Action,
    /// What it does while typing.
    pub help: &'static str,
}

const fn typing(action: Action, help: &'static str) -> TypingCommand {
    TypingCommand { action, help }
}

/// The commands that work while typing a search or a speaker filter; every other
/// printable key is text.
pub const TYPING_KEYS: &[TypingCommand] = &[
    typing(Action::Open, "confirm search / jump to speaker"),
    typing(Action::Close, "cancel search / close panel"),
    typing(Action::DeleteChar, "delete a character"),
    typing(Action::Down, "next speaker"),
    typing(Action::Up, "previous speaker"),
    typing(Action::PageDown, "page down"),
    typing(Action::PageUp, "page up"),
    typing(Action::Quit, "quit"),
];

/// The names of every action in the configuration file's `[keys]` table.
pub fn action_names() -> Vec<&'static str> {
    KEYS.iter().map(|b| b.name).collect()
}

/// The keys in effect: [`KEYS`] with the configuration file's bindings applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    /// Each action of [`KEYS`], in table order, with its keys.
    keys: Vec<(Action, Vec<Key>)>,
}

impl Default for Keymap {
    /// The default keys of [`KEYS`].
    fn default() -> Self {
        Self {
            keys: KEYS.iter().map(|b| (b.action, b.keys.to_vec())).collect(),
        }
    }
}

impl Keymap {
    /// The keys the configuration gives each action of [`KEYS`] (its defaults when
    /// the file does not name it).
    pub fn from_config(bindings: &KeyBindings) -> Self {
        Self {
            keys: KEYS
                .iter()
                .map(|b| (b.action, bindings.keys_for(b.name).to_vec()))
                .collect(),
        }
    }

    /// The keys of `action` (empty when unbound).
    pub fn keys_for(&self, action: Action) -> &[Key] {
        self.keys
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The action of a key press on the main screen or a browsing overlay.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        let pressed = Key::from_event(event);
        self.keys
            .iter()
            .find(|(_, keys)| keys.contains(&pressed))
            .map(|(action, _)| *action)
    }

    /// The keys of a command while typing: its keys that do not type text.
    pub fn typing_keys_for(&self, action: Action) -> Vec<Key> {
        self.keys_for(action)
            .iter()
            .filter(|k| !k.is_text())
            .copied()
            .collect()
    }

    /// The action of a key press while typing, if it is one of [`TYPING_KEYS`].
    pub fn typing_action_for(&self, event: &KeyEvent) -> Option<Action> {
        let pressed = Key::from_event(event);
        if pressed.is_text() {
            return None;
        }
        TYPING_KEYS
            .iter()
            .map(|t| t.action)
            .find(|a| self.keys_for(*a).contains(&pressed))
    }
}

/// How the help writes a list of keys: `j, ↓`, or `(unbound)`.
pub fn labels(keys: &[Key]) -> String {
    if keys.is_empty() {
        return "(unbound)".to_string();
    }
    keys.iter().map(Key::label).collect::<Vec<_>>().join(", ")
}

/// The key table as Markdown (a two-column table), for the README and `--help`.
pub fn key_table_markdown() -> String {
    let keymap = Keymap::default();
    let cell = |keys: &[Key]| {
        keys.iter()
            .map(|k| format!("`{}`", k.label()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from("| Keys | Action | Name in config.toml |\n|---|---|---|\n");
    for b in KEYS {
        out.push_str(&format!(
            "| {} | {} | `{}` |\n",
            cell(b.keys),
            b.help,
            b.name
        ));
    }
    for t in TYPING_KEYS {
        let keys = keymap.typing_keys_for(t.action);
        out.push_str(&format!(
            "| {} | while typing: {} | |\n",
            cell(&keys),
            t.help
        ));
    }
    out
}

/// The action for a key press in the app's current mode, if any.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    // Ctrl-C always quits, whatever the configuration binds: in raw mode it is an
    // ordinary key, and a reader must never be impossible to leave.
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Action::Quit);
    }
    if app.typing() {
        if let Some(action) = app.keymap.typing_action_for(&key) {
            return Some(action);
        }
        let mods = key.modifiers - KeyModifiers::SHIFT;
        return match key.code {
            KeyCode::Char(c) if mods.is_empty() && !c.is_control() => Some(Action::Type(c)),
            _ => None,
        };
    }
    app.keymap.action_for(&key)
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
                let position = app.list_offset + usize::from((row - inner.y) / 2);
                app.list_story(position).map(Action::SelectStory)
            }
            Pane::Reader => Some(Action::ClickReader),
            Pane::Overlay => None,
        },
        _ => None,
    }
}
