//! Key bindings: which keys trigger which reader action, by action name.
//!
//! The layer is generic: actions are snake_case names, and the reader checks them
//! against its own list with [`KeyBindings::validate_actions`].

use ratatui::crossterm::event::KeyEvent;

use super::error::{ConfigError, Located};
use super::keys::KeySpec;

/// The default bindings, in the order of the default configuration file.
pub const DEFAULT_BINDINGS: &[(&str, &[&str])] = &[
    ("quit", &["ctrl-c"]),
    ("back", &["q", "esc"]),
    ("down", &["j", "down"]),
    ("up", &["k", "up"]),
    ("page_down", &["ctrl-d", "pgdn", "space"]),
    ("page_up", &["ctrl-u", "pgup"]),
    ("top", &["g", "home"]),
    ("bottom", &["G", "end"]),
    ("open", &["enter"]),
    ("next_story", &["J"]),
    ("prev_story", &["K"]),
    ("next_quote", &["]"]),
    ("prev_quote", &["["]),
    ("focus_next", &["tab"]),
    ("focus_prev", &["shift-tab"]),
    ("toggle_read", &["r"]),
    ("toggle_star", &["*"]),
    ("unread_only", &["u"]),
    ("starred_only", &["S"]),
    ("speakers", &["s"]),
    ("search", &["/"]),
    ("next_match", &["n"]),
    ("prev_match", &["N"]),
    ("cycle_sort", &["o"]),
    ("help", &["?"]),
];

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
#[derive(Clone, Debug, Eq)]
pub struct KeyBindings {
    bindings: Vec<Binding>,
    /// The file the user's bindings came from, for error messages.
    file: Option<String>,
}

impl PartialEq for KeyBindings {
    /// The same keys for the same actions, whichever file they came from.
    fn eq(&self, other: &Self) -> bool {
        self.bindings == other.bindings
    }
}

impl Default for KeyBindings {
    fn default() -> Self {
        let bindings = DEFAULT_BINDINGS
            .iter()
            .map(|(action, keys)| Binding {
                action: (*action).to_string(),
                keys: keys.iter().filter_map(|k| KeySpec::parse(k).ok()).collect(),
                line: None,
            })
            .collect();
        Self {
            bindings,
            file: None,
        }
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

    /// Checks every action named in the configuration file against the reader's own
    /// list; the error gives the file, line and action of the first unknown one.
    /// Default bindings of actions the reader lacks are dropped without complaint.
    pub fn validate_actions(&mut self, known: &[&str]) -> Result<(), ConfigError> {
        if let Some(bad) = self
            .bindings
            .iter()
            .filter(|b| b.line.is_some() && !known.contains(&b.action.as_str()))
            .min_by_key(|b| b.line)
        {
            let mut names = known.to_vec();
            names.sort_unstable();
            return Err(ConfigError::Invalid(Located {
                file: self.file.clone().unwrap_or_else(|| "config".to_string()),
                line: bad.line,
                key: Some(format!("keys.{}", bad.action)),
                message: format!(
                    "unknown action {:?} (known: {})",
                    bad.action,
                    names.join(", ")
                ),
            }));
        }
        self.bindings.retain(|b| known.contains(&b.action.as_str()));
        Ok(())
    }

    /// Sets `action`'s keys as the file at `line` of `file` says: they replace the
    /// action's default keys and are taken away from any other action's defaults.
    /// Fails (with the message) when another action of the file already has one.
    pub(crate) fn bind(
        &mut self,
        action: &str,
        keys: Vec<KeySpec>,
        line: usize,
        file: &str,
    ) -> Result<(), String> {
        self.file = Some(file.to_string());
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
