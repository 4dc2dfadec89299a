//! The configuration file: colours, key bindings, the default sort, the reader's
//! settings (the link opener, quote fragments) and saved views (filters by key).
//!
//! Read from `$XDG_CONFIG_HOME/dateline/config.toml` (fallback
//! `~/.config/dateline/config.toml`) or the file given with `--config`. A missing file
//! at the default place means the defaults; every part of a file is optional. A wrong
//! file is an error naming the file, the line and the key at fault
//! (`config.toml:12: keys.next_quote: unknown key "ctrl-æ" (...)`).
//! `dateline config --default` prints [`default_toml`], which loads back as
//! [`Config::default`]. The action names and default keys are one table ([`KEYS`]),
//! which the reader and its help read too. Never imports the reader ([`crate::tui`]).

mod actions;
mod bindings;
pub mod cli;
mod color;
mod error;
mod keys;
mod raw;
mod reader;
mod sort;
mod theme;
mod views;
pub mod xdg;

use std::path::{Path, PathBuf};

pub use actions::{DefaultBinding, KEYS, TYPING_KEYS, TypingCommand, action_names};
pub use bindings::{Binding, KeyBindings, Keymap};
pub use color::{color_name, parse_color};
pub use error::{ConfigError, Located};
pub use keys::KeySpec;
pub use reader::ReaderSettings;
pub use sort::SortOrder;
pub use theme::{Styles, Theme, no_color_from, no_color_requested};
pub use views::View;

/// The settings part of the default file (sort and theme); [`default_toml`] adds the
/// key bindings from the reader's key table.
const DEFAULT_SETTINGS_TOML: &str = include_str!("default.toml");

/// The commented default configuration file: the default sort and theme, and every
/// action of the reader's key table with its default keys.
pub fn default_toml() -> String {
    format!("{DEFAULT_SETTINGS_TOML}{}", bindings::default_keys_toml())
}

/// Everything the configuration file sets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The colours.
    pub theme: Theme,
    /// Which keys trigger which actions.
    pub keys: KeyBindings,
    /// The story order the reader starts with.
    pub sort: SortOrder,
    /// How the reader opens links and shows quote fragments (`[reader]`).
    pub reader: ReaderSettings,
    /// Saved filters, each shown by its key (`[views]`).
    pub views: Vec<View>,
}

impl Config {
    /// Parses configuration text; `file` names it in error messages.
    pub fn from_toml(text: &str, file: &str) -> Result<Self, ConfigError> {
        raw::parse(text, file)
    }

    /// Reads and parses the file at `path` (which must exist).
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_toml(&text, &path.display().to_string())
    }

    /// What the reader calls: the file given with `--config` (which must exist), else
    /// the file at the default place when there is one, else the defaults.
    pub fn load_or_default(path: Option<&Path>) -> Result<Self, ConfigError> {
        match path {
            Some(path) => Self::load(path),
            None => match default_path() {
                Some(path) if path.exists() => Self::load(&path),
                _ => Ok(Self::default()),
            },
        }
    }

    /// The styles to draw with, honouring `NO_COLOR`.
    pub fn styles(&self) -> Styles {
        self.theme.styles(no_color_requested())
    }
}

/// The default configuration file (see [`xdg::default_config_path`]).
pub fn default_path() -> Option<PathBuf> {
    xdg::default_config_path()
}

/// The file the configuration is read from: the one given, else the default place.
pub fn effective_path(given: Option<&Path>) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(default_path)
}
