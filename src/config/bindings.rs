//! Key bindings: which keys trigger which reader action, by action name.
//!
//! Actions are the snake_case names of the reader's key table
//! ([`crate::tui::keymap::KEYS`]), which also gives their default keys: one list of
//! actions for the reader, the help overlay, the default file and this layer. A file
//! naming any other action is an error.

use ratatui::crossterm::event::KeyEvent;

use super::keys::KeySpec;
use crate::tui::keymap::{KEYS, action_names};

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
