//! Why a configuration file could not be used, down to the line and key at fault.

use std::fmt;
use std::path::PathBuf;

/// A configuration file that cannot be read or is wrong somewhere.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The configuration file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not valid TOML, or a setting in it is wrong.
    #[error("{0}")]
    Invalid(Located),
}

/// A message tied to a place in a file: `file:line: key: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The file as named to the user.
    pub file: String,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// The dotted key at fault (`keys.next_quote`), when known.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": {key}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl ConfigError {
    /// A wrong setting at byte offset `at` of `text` (`None`: place unknown).
    pub(crate) fn at(
        file: &str,
        text: &str,
        at: Option<usize>,
        key: Option<String>,
        message: String,
    ) -> Self {
        Self::Invalid(Located {
            file: file.to_string(),
            line: at.map(|at| line_of(text, at)),
            key,
            message: message.replace('\n', " ").trim().to_string(),
        })
    }

    /// Where the error is, when it is in the file's contents.
    pub fn location(&self) -> Option<&Located> {
        match self {
            Self::Invalid(located) => Some(located),
            Self::Read { .. } => None,
        }
    }
}

/// The 1-based line holding byte offset `at` of `text`.
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    let end = at.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

/// The dotted key written at byte offset `at` of `text`, found from the text around
/// it: the last `[table]` header above and the key before `=` on that line. Used for
/// the TOML parser's own errors, which carry a place but no key.
pub(crate) fn key_at(text: &str, at: usize) -> Option<String> {
    let end = at.min(text.len());
    let line_start = text.as_bytes()[..end]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let line_end = text.as_bytes()[line_start..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(text.len(), |p| line_start + p);
    let line = text.get(line_start..line_end)?.trim();
    if let Some(header) = table_header(line) {
        return Some(header);
    }
    let key = line.split_once('=').map(|(k, _)| clean_key(k))?;
    let table = text
        .get(..line_start)?
        .lines()
        .rev()
        .find_map(|l| table_header(l.trim()));
    Some(match table {
        Some(table) => format!("{table}.{key}"),
        None => key,
    })
}

/// The name in a `[table]` (or `[[array]]`) header line.
fn table_header(line: &str) -> Option<String> {
    let inner = line.strip_prefix('[')?;
    let inner = inner.split(']').next()?;
    let inner = inner.trim_start_matches('[');
    Some(clean_key(inner))
}

/// A key as written, without spaces or quotes around its parts.
fn clean_key(key: &str) -> String {
    key.split('.')
        .map(|part| part.trim().trim_matches('"').trim_matches('\''))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        let text = "a = 1\nb = 2\n\nc = 3\n";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 6), 2);
        assert_eq!(line_of(text, text.find('c').unwrap()), 4);
        assert_eq!(line_of(text, 10_000), 5);
    }

    #[test]
    fn keys_are_found_under_their_table() {
        let text = "top = 1\n[theme]\nselection = \"x\"\n[ keys ]\n\"next.quote\" = 2\n";
        assert_eq!(key_at(text, 2).as_deref(), Some("top"));
        let sel = text.find("selection").unwrap();
        assert_eq!(key_at(text, sel + 14).as_deref(), Some("theme.selection"));
        assert_eq!(
            key_at(text, text.find("[ keys").unwrap()).as_deref(),
            Some("keys")
        );
        let q = text.find("\"next").unwrap();
        assert_eq!(key_at(text, q).as_deref(), Some("keys.next.quote"));
    }

    #[test]
    fn located_messages_read_file_line_key_message() {
        let e = ConfigError::at(
            "c.toml",
            "x\ny = 1",
            Some(2),
            Some("y".into()),
            "bad\nvalue".into(),
        );
        assert_eq!(e.to_string(), "c.toml:2: y: bad value");
    }
}
