//! Key bindings: which keys trigger which reader action, by action name as the file
//! writes them ([`KeyBindings`]), and by action as the reader uses them ([`Keymap`]).
//!
//! Actions are the snake_case names of the key table ([`super::actions::KEYS`]), which
//! also gives their default keys: one list of actions for the reader, the help overlay,
//! the default file and this layer. A file naming any other action is an error.

use ratatui::crossterm::event::KeyEvent;

use super::actions::{KEYS, TYPING_KEYS, action_names};
use super::keys::KeySpec;
use crate::action::Action;

/// The keys of one action.
#[derive(Clone, Debug, Eq)]
pub struct Binding {
    /// The action's name (snake_case).
    pub action: String,
    /// The keys that trigger it (empty: unbound).
    pub keys: Vec<KeySpec>,
    /// The line of the configuration file that set it; `None` for a default.
    pub line: Option<usize>,
}

impl PartialEq for Binding {
    /// Same action, same keys, wherever they were written.
    fn eq(&self, other: &Self) -> bool {
        self.action == other.action && self.keys == other.keys
    }
}

/// Every action's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyBindings {
    bindings: Vec<Binding>,
}

impl Default for KeyBindings {
    /// Every action of the reader's key table with its default keys, in table order.
    fn default() -> Self {
        let bindings = KEYS
            .iter()
            .map(|b| Binding {
                action: b.name.to_string(),
                keys: b.keys.to_vec(),
                line: None,
            })
            .collect();
        Self { bindings }
    }
}

impl KeyBindings {
    /// Every binding: the defaults in their order, then actions only the file names.
    pub fn iter(&self) -> impl Iterator<Item = &Binding> {
        self.bindings.iter()
    }

    /// The keys of `action` (empty when unbound or unknown), for help screens.
    pub fn keys_for(&self, action: &str) -> &[KeySpec] {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// The action bound to a key press, if any.
    pub fn action_for(&self, event: &KeyEvent) -> Option<&str> {
        let pressed = KeySpec::from_event(event);
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&pressed))
            .map(|b| b.action.as_str())
    }

    /// Sets `action`'s keys as the file says at `line`: they replace the
    /// action's default keys and are taken away from any other action's defaults.
    /// Fails (with the message) when the reader has no such action, or when another
    /// action of the file already has one of the keys.
    pub(crate) fn bind(
        &mut self,
        action: &str,
        keys: Vec<KeySpec>,
        line: usize,
    ) -> Result<(), String> {
        if !self.bindings.iter().any(|b| b.action == action) {
            let mut names = action_names();
            names.sort_unstable();
            return Err(format!(
                "unknown action {action:?} (known: {})",
                names.join(", ")
            ));
        }
        for other in self.bindings.iter_mut().filter(|b| b.action != action) {
            if let (Some(key), Some(other_line)) =
                (keys.iter().find(|k| other.keys.contains(k)), other.line)
            {
                return Err(format!(
                    "key \"{key}\" is also bound to {} (line {other_line})",
                    other.action
                ));
            }
            other.keys.retain(|k| !keys.contains(k));
        }
        let binding = Binding {
            action: action.to_string(),
            keys,
            line: Some(line),
        };
        match self.bindings.iter_mut().find(|b| b.action == action) {
            Some(slot) => *slot = binding,
            None => self.bindings.push(binding),
        }
        Ok(())
    }
}

/// The `[keys]` table of the default file: every action of the reader's key table
/// with its default keys, its help as a comment above it.
pub fn default_keys_toml() -> String {
    let mut out = String::from("[keys]\n");
    for b in KEYS {
        let keys: Vec<String> = b
            .keys
            .iter()
            .map(|k| toml::Value::String(k.to_string()).to_string())
            .collect();
        let value = match keys.as_slice() {
            [one] => one.clone(),
            _ => format!("[{}]", keys.join(", ")),
        };
        out.push_str(&format!("# {}\n{} = {value}\n", b.help, b.name));
    }
    out
}

/// The keys in effect: [`KEYS`] with the configuration file's bindings applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    /// Each action of [`KEYS`], in table order, with its keys.
    keys: Vec<(Action, Vec<KeySpec>)>,
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
    pub fn keys_for(&self, action: Action) -> &[KeySpec] {
        self.keys
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The action of a key press on the main screen or a browsing overlay.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        let pressed = KeySpec::from_event(event);
        self.keys
            .iter()
            .find(|(_, keys)| keys.contains(&pressed))
            .map(|(action, _)| *action)
    }

    /// The keys of a command while typing: its keys that do not type text.
    pub fn typing_keys_for(&self, action: Action) -> Vec<KeySpec> {
        self.keys_for(action)
            .iter()
            .filter(|k| !k.is_text())
            .copied()
            .collect()
    }

    /// The action of a key press while typing, if it is one of [`TYPING_KEYS`].
    pub fn typing_action_for(&self, event: &KeyEvent) -> Option<Action> {
        let pressed = KeySpec::from_event(event);
        if pressed.is_text() {
            return None;
        }
        TYPING_KEYS
            .iter()
            .map(|t| t.action)
            .find(|a| self.keys_for(*a).contains(&pressed))
    }
}
