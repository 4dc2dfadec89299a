//! Key and mouse events to actions in the reader's current mode: pure functions,
//! tested without a terminal.
//!
//! The actions, their names and default keys are one table that the configuration
//! owns ([`KEYS`], re-exported here); the keys in effect ([`Keymap`]) drive both
//! [`action_for_key`] and the help overlay, so the two cannot drift. While typing a
//! search or a speaker filter, only [`TYPING_KEYS`] are commands (through their keys
//! that do not type text) and every other printable key is text.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use super::app::{App, Overlay};
use crate::action::{Action, Pane};
use crate::config::KeySpec;
pub use crate::config::{DefaultBinding, KEYS, Keymap, TYPING_KEYS, TypingCommand, action_names};

/// A key with the modifiers it needs: the configuration layer's key spec, so the
/// reader's table and the configuration file speak of keys the same way.
pub type Key = KeySpec;

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
    if app.too_small {
        // Nothing acts unseen: keys wait until the screen is large enough.
        return None;
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
    app.keymap.action_for(&key).or_else(|| {
        let pressed = Key::from_event(&key);
        let view = app.views.iter().position(|v| v.key == pressed)?;
        Some(Action::ApplyView(view))
    })
}

fn inside(area: Rect, column: u16, row: u16) -> bool {
    area.contains(Position::new(column, row))
}

/// The action for a mouse event, if any: the wheel scrolls the pane under the
/// pointer; a left click selects a story in the list, or focuses the reading pane.
pub fn action_for_mouse(app: &App, mouse: MouseEvent) -> Option<Action> {
    if app.too_small {
        return None;
    }
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
