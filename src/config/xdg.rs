//! Where dateline keeps its files, after the XDG base directory specification.
//!
//! `$XDG_CONFIG_HOME` / `$XDG_STATE_HOME` when set to an absolute path (the
//! specification says relative values are ignored), else `~/.config` / `~/.local/state`
//! under `$HOME`. Done by hand with the two variables: no platform crate needed.

use std::ffi::OsString;
use std::path::PathBuf;

/// The name of dateline's subdirectory in every base directory.
pub const APP_DIR: &str = "dateline";

/// Resolves a base directory from the variable's value and `$HOME` (pure, for tests).
pub fn resolve_base(
    xdg_value: Option<OsString>,
    home: Option<OsString>,
    home_relative: &str,
) -> Option<PathBuf> {
    if let Some(value) = xdg_value.map(PathBuf::from)
        && value.is_absolute()
    {
        return Some(value);
    }
    let home = home
        .map(PathBuf::from)
        .filter(|h| !h.as_os_str().is_empty())?;
    Some(home.join(home_relative))
}

/// `$XDG_CONFIG_HOME/dateline/config.toml` (fallback `~/.config/dateline/config.toml`).
pub fn default_config_path() -> Option<PathBuf> {
    let base = resolve_base(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
        ".config",
    )?;
    Some(base.join(APP_DIR).join("config.toml"))
}

/// `$XDG_STATE_HOME/dateline/state.sqlite3` (fallback
/// `~/.local/state/dateline/state.sqlite3`).
pub fn default_state_path() -> Option<PathBuf> {
    let base = resolve_base(
        std::env::var_os("XDG_STATE_HOME"),
        std::env::var_os("HOME"),
        ".local/state",
    )?;
    Some(base.join(APP_DIR).join("state.sqlite3"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_xdg_value_wins() {
        let got = resolve_base(
            Some("/x/state".into()),
            Some("/home/a".into()),
            ".local/state",
        );
        assert_eq!(got, Some(PathBuf::from("/x/state")));
    }

    #[test]
    fn relative_or_empty_xdg_value_falls_back_to_home() {
        for value in ["relative/dir", ""] {
            let got = resolve_base(Some(value.into()), Some("/home/a".into()), ".config");
            assert_eq!(got, Some(PathBuf::from("/home/a/.config")), "{value:?}");
        }
    }

    #[test]
    fn no_home_and_no_xdg_gives_none() {
        assert_eq!(resolve_base(None, None, ".config"), None);
        assert_eq!(resolve_base(None, Some("".into()), ".config"), None);
    }
}
