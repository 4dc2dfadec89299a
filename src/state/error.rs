//! Why the reading state could not be opened, read or saved.

use std::path::PathBuf;

/// A problem with the state database. Every message names the file; none of them
/// means the file was changed: a damaged or newer database is left exactly as it was.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The file is not an SQLite database, or it is damaged.
    #[error(
        "{}: not a readable dateline state database ({detail}); the file was left untouched",
        path.display()
    )]
    Corrupt {
        /// The state file.
        path: PathBuf,
        /// What SQLite (or the integrity check) said.
        detail: String,
    },
    /// The file is a valid SQLite database belonging to some other program.
    #[error(
        "{}: an SQLite database of another program ({detail}), not dateline state; the file was left untouched",
        path.display()
    )]
    Foreign {
        /// The state file.
        path: PathBuf,
        /// What gave it away.
        detail: String,
    },
    /// The file was written by a newer dateline with a schema this one does not know.
    #[error(
        "{}: written by a newer dateline (state schema version {found}; this one knows up to {supported}); the file was left untouched",
        path.display()
    )]
    NewerSchema {
        /// The state file.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build understands.
        supported: i64,
    },
    /// Another program held the database lock for longer than the busy timeout.
    #[error(
        "{}: database is locked by another program (waited in vain); try again later",
        path.display()
    )]
    Locked {
        /// The state file.
        path: PathBuf,
    },
    /// The directory for a new state file could not be created.
    #[error("{}: cannot create the state directory: {source}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Any other SQLite failure (permissions, disk full, ...).
    #[error("{}: {source}", path.display())]
    Sqlite {
        /// The state file.
        path: PathBuf,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// Neither `XDG_STATE_HOME` nor `HOME` is set, so there is no default location.
    #[error("no place for the state database: neither XDG_STATE_HOME nor HOME is set")]
    NoLocation,
}

impl StateError {
    /// Classifies an SQLite error met while working on `path`.
    pub(crate) fn from_sqlite(path: &std::path::Path, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Self::Corrupt {
                path,
                detail: source.to_string(),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Locked { path },
            _ => Self::Sqlite { path, source },
        }
    }

    /// True when the file is fine but momentarily held by another program, so trying
    /// again later can succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Locked { .. })
    }
}
