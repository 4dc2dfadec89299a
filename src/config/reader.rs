//! The `[reader]` table: how the reader opens a story's address (`opener`) and whether
//! quote fragments are in the jumps and the timeline at start (`show_fragments`).
//!
//! It decides what the file may say there and how it is checked; never imports the
//! reader, and runs nothing.

use serde::Deserialize;
use toml::Spanned;

/// What the `[reader]` table sets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReaderSettings {
    /// The command that opens a story's address: the program, then its arguments. An
    /// argument `{url}` is replaced by the address; without one the address is added
    /// last. Empty: the system opener (`xdg-open`, `open` on macOS).
    pub opener: Vec<String>,
    /// Whether quote fragments (scare quotes, titles, single words) are stops for
    /// `]`/`[` and rows of the quotes timeline when the reader starts.
    pub show_fragments: bool,
}

/// The `[reader]` table as TOML gives it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReader {
    opener: Option<Spanned<toml::Value>>,
    show_fragments: Option<bool>,
}

/// Checks the `[reader]` table; an error is `(byte offset, key, message)`.
pub(super) fn check(raw: RawReader) -> Result<ReaderSettings, (usize, String, String)> {
    let mut settings = ReaderSettings::default();
    if let Some(opener) = raw.opener {
        let at = opener.span().start;
        settings.opener =
            opener_words(opener.get_ref()).map_err(|m| (at, "reader.opener".to_string(), m))?;
    }
    if let Some(show) = raw.show_fragments {
        settings.show_fragments = show;
    }
    Ok(settings)
}

/// A command as a string (split at whitespace, no shell quoting) or a list of words.
fn opener_words(value: &toml::Value) -> Result<Vec<String>, String> {
    let words: Vec<String> = match value {
        toml::Value::String(s) => s.split_whitespace().map(str::to_string).collect(),
        toml::Value::Array(items) => items
            .iter()
            .map(|item| match item {
                toml::Value::String(s) => Ok(s.clone()),
                other => Err(format!(
                    "expected the words of a command as strings, found {}",
                    other.type_str()
                )),
            })
            .collect::<Result<_, _>>()?,
        other => {
            return Err(format!(
                "expected a command like \"firefox\" or [\"firefox\", \"--new-tab\"], found {}",
                other.type_str()
            ));
        }
    };
    match words.first() {
        None => Err("needs a program to run".to_string()),
        Some(program) if program.trim().is_empty() => Err("needs a program to run".to_string()),
        Some(_) => Ok(words),
    }
}
