//! Remembering the reader: what was read, starred, where each story was scrolled to,
//! and which story was selected last, kept in an embedded SQLite database.
//!
//! - Location: `$XDG_STATE_HOME/dateline/state.sqlite3` (fallback
//!   `~/.local/state/dateline/state.sqlite3`), or any path given with `--state`.
//! - Stories are keyed by [`crate::model::Story::id`], a content id that survives
//!   re-scrapes and file moves.
//! - Durability: WAL journal, `synchronous=FULL`, one transaction per change, so a
//!   crash, a kill or a power cut loses at most the change being written.
//! - Safety: a damaged file, another program's database or one from a newer dateline
//!   is reported ([`StateError`]) and left byte-for-byte untouched; the reader can go
//!   on with [`StateStore::unsaved`], which keeps changes in memory only.
//! - Sharing: several dateline processes may use one file at once (WAL readers never
//!   block; writers wait up to [`BUSY_TIMEOUT`] for each other).

mod error;
pub mod export;
mod schema;
mod snapshot;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

pub use error::StateError;
pub use schema::{APPLICATION_ID, CURRENT_VERSION};
pub use snapshot::{StateSnapshot, StoryState};

/// How long a write waits, by default, for another process holding the database lock
/// (see [`StateStore::set_busy_timeout`]).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The name under which the last selected story id is kept.
const LAST_SELECTED: &str = "last_selected";

/// The reading state: either saved in a database file or, in no-save mode, only in
/// memory for this session.
#[derive(Debug)]
pub struct StateStore {
    backend: Backend,
}

/// Where the changes go.
#[derive(Debug)]
enum Backend {
    /// An open database file.
    Saved { conn: Connection, path: PathBuf },
    /// Nothing is saved; the changes live until the store is dropped.
    Unsaved(StateSnapshot),
}

impl StateStore {
    /// Opens (creating it and its directory when missing) the state database at `path`,
    /// bringing an older schema up to date.
    ///
    /// Fails without touching the file when it is damaged, belongs to another program,
    /// or comes from a newer dateline; fails with [`StateError::Locked`] when another
    /// program holds it locked for longer than [`BUSY_TIMEOUT`].
    pub fn open(path: &Path) -> Result<Self, StateError> {
        if path.exists() {
            // Judge the file by its header before SQLite opens it: a file that is not
            // ours is then never opened for writing at all.
            check_header(path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StateError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let sql = |e| StateError::from_sqlite(path, e);
        let mut conn = open_connection(path, true)?;
        // Only reads until the file is known to be healthy (a WAL file is created and
        // removed again on close, the database itself is not written).
        check_schema(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        // Migrate under the write lock, re-reading the version: another dateline may
        // have created or upgraded the file since the check.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let version = check_schema(&tx, path)?;
        schema::migrate(&tx, version).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(Self {
            backend: Backend::Saved {
                conn,
                path: path.to_path_buf(),
            },
        })
    }

    /// Opens the state database at the default location (see [`default_path`]).
    pub fn open_default() -> Result<Self, StateError> {
        Self::open(&default_path()?)
    }

    /// A store that saves nothing: changes are kept in memory for this session only.
    /// For going on after [`StateStore::open`] failed.
    pub fn unsaved() -> Self {
        Self {
            backend: Backend::Unsaved(StateSnapshot::default()),
        }
    }

    /// What the reader calls at start: opens `path` (or the default location when
    /// `None`); when that fails, returns an [`unsaved`](Self::unsaved) store together
    /// with the error to show the user. Never fails.
    pub fn open_or_unsaved(path: Option<&Path>) -> (Self, Option<StateError>) {
        let opened = match path {
            Some(path) => Self::open(path),
            None => Self::open_default(),
        };
        match opened {
            Ok(store) => (store, None),
            Err(e) => (Self::unsaved(), Some(e)),
        }
    }

    /// Reads the state at `path` without creating or changing anything: `Ok(None)`
    /// when there is no file there. For commands that only report the state (`export`).
    pub fn read_existing(path: &Path) -> Result<Option<StateSnapshot>, StateError> {
        if !path.exists() {
            return Ok(None);
        }
        check_header(path)?;
        let conn = open_connection(path, false)?;
        if check_schema(&conn, path)? == 0 {
            return Ok(Some(StateSnapshot::default()));
        }
        load_snapshot(&conn)
            .map(Some)
            .map_err(|e| StateError::from_sqlite(path, e))
    }

    /// Sets how long a read or write waits for another process holding the lock
    /// before failing with [`StateError::Locked`] (default [`BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StateError> {
        match &self.backend {
            Backend::Saved { conn, path } => conn
                .busy_timeout(timeout)
                .map_err(|e| StateError::from_sqlite(path, e)),
            Backend::Unsaved(_) => Ok(()),
        }
    }

    /// True when changes are written to a file; false in no-save mode.
    pub fn is_saving(&self) -> bool {
        matches!(self.backend, Backend::Saved { .. })
    }

    /// The database file, when saving.
    pub fn path(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Saved { path, .. } => Some(path),
            Backend::Unsaved(_) => None,
        }
    }

    /// Everything stored, in one read: what the reader loads at start.
    pub fn load_all(&self) -> Result<StateSnapshot, StateError> {
        match &self.backend {
            Backend::Saved { conn, path } => {
                load_snapshot(conn).map_err(|e| StateError::from_sqlite(path, e))
            }
            Backend::Unsaved(snapshot) => Ok(snapshot.clone()),
        }
    }

    /// The state of one story (all false / 0 when nothing is recorded).
    pub fn story(&self, id: &str) -> Result<StoryState, StateError> {
        match &self.backend {
            Backend::Saved { conn, path } => {
                read_story(conn, id).map_err(|e| StateError::from_sqlite(path, e))
            }
            Backend::Unsaved(snapshot) => Ok(snapshot.story(id)),
        }
    }

    /// Marks story `id` read or unread.
    pub fn set_read(&mut self, id: &str, read: bool) -> Result<(), StateError> {
        self.update_story(id, |s| s.read = read)
    }

    /// Stars or unstars story `id`.
    pub fn set_starred(&mut self, id: &str, starred: bool) -> Result<(), StateError> {
        self.update_story(id, |s| s.starred = starred)
    }

    /// Records the first visible row of story `id`. Each call is one durable write:
    /// call it when the user leaves a story or quits, not on every key press.
    pub fn set_scroll(&mut self, id: &str, scroll: u32) -> Result<(), StateError> {
        self.update_story(id, |s| s.scroll = scroll)
    }

    /// Records the whole state of story `id` in one write.
    pub fn set_story(&mut self, id: &str, state: StoryState) -> Result<(), StateError> {
        self.update_story(id, |s| *s = state)
    }

    /// Records which story is selected (`None` forgets it).
    pub fn set_last_selected(&mut self, id: Option<&str>) -> Result<(), StateError> {
        match &mut self.backend {
            Backend::Saved { conn, path } => {
                let sql = |e| StateError::from_sqlite(path, e);
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(sql)?;
                match id {
                    Some(id) => tx.execute(
                        "INSERT INTO reader_state (name, value) VALUES (?1, ?2)
                         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                        params![LAST_SELECTED, id],
                    ),
                    None => tx.execute(
                        "DELETE FROM reader_state WHERE name = ?1",
                        params![LAST_SELECTED],
                    ),
                }
                .map_err(sql)?;
                tx.commit().map_err(sql)
            }
            Backend::Unsaved(snapshot) => {
                snapshot.last_selected = id.map(str::to_string);
                Ok(())
            }
        }
    }

    /// Reads, changes and writes back one story's state in one transaction.
    fn update_story(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut StoryState),
    ) -> Result<(), StateError> {
        match &mut self.backend {
            Backend::Saved { conn, path } => {
                let sql = |e| StateError::from_sqlite(path, e);
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(sql)?;
                let mut state = read_story(&tx, id).map_err(sql)?;
                change(&mut state);
                write_story(&tx, id, state).map_err(sql)?;
                tx.commit().map_err(sql)
            }
            Backend::Unsaved(snapshot) => {
                let mut state = snapshot.story(id);
                change(&mut state);
                snapshot.put(id, state);
                Ok(())
            }
        }
    }
}

/// The default state file (see [`crate::config::xdg::default_state_path`]).
pub fn default_path() -> Result<PathBuf, StateError> {
    crate::config::xdg::default_state_path().ok_or(StateError::NoLocation)
}

/// Opens a connection to `path` (creating the file only when `create`), with the
/// busy timeout set. Not read-only even for reading: a read-only connection to a WAL
/// database would leave `-wal` and `-shm` files behind.
fn open_connection(path: &Path, create: bool) -> Result<Connection, StateError> {
    let sql = |e| StateError::from_sqlite(path, e);
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).map_err(sql)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
    Ok(conn)
}

/// The 16 bytes every SQLite 3 database starts with.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Checks the 100-byte database header of an existing file without SQLite: the magic
/// string, dateline's application id and a known schema version. An empty file is
/// fine (SQLite treats it as a new database).
fn check_header(path: &Path) -> Result<(), StateError> {
    use std::io::Read;
    let corrupt = |detail: String| StateError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|e| corrupt(format!("cannot read: {e}")))?;
    if header.is_empty() {
        return Ok(());
    }
    if header.len() < 100 || !header.starts_with(SQLITE_MAGIC) {
        return Err(corrupt("file is not a database".to_string()));
    }
    let be32 = |at: usize| {
        let mut word = [0u8; 4];
        word.copy_from_slice(&header[at..at + 4]);
        i64::from(i32::from_be_bytes(word))
    };
    let (version, app_id) = (be32(60), be32(68));
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(StateError::Foreign {
            path: path.to_path_buf(),
            detail: format!("application id {app_id:#x}"),
        });
    }
    if version > CURRENT_VERSION && app_id == APPLICATION_ID {
        return Err(StateError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    Ok(())
}

/// Checks that `conn` holds a healthy dateline database this build can use (or an
/// empty one) and returns its schema version.
fn check_schema(conn: &Connection, path: &Path) -> Result<i64, StateError> {
    let sql = |e| StateError::from_sqlite(path, e);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sql)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(sql)?;
    let foreign = |detail: String| StateError::Foreign {
        path: path.to_path_buf(),
        detail,
    };
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(foreign(format!("application id {app_id:#x}")));
    }
    if version == 0 && objects > 0 {
        return Err(foreign(format!(
            "{objects} schema objects but no dateline schema"
        )));
    }
    if version > 0 && app_id != APPLICATION_ID {
        return Err(foreign(format!(
            "user version {version} without dateline's id"
        )));
    }
    if version > CURRENT_VERSION {
        return Err(StateError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    if version < 0 {
        return Err(foreign(format!("user version {version}")));
    }
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(sql)?;
    if check != "ok" {
        return Err(StateError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("integrity check: {check}"),
        });
    }
    Ok(version)
}

/// Reads every stored value.
fn load_snapshot(conn: &Connection) -> rusqlite::Result<StateSnapshot> {
    let mut snapshot = StateSnapshot::default();
    let mut stmt = conn.prepare("SELECT story_id, read, starred, scroll FROM story_state")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, row_state(r)?)))?;
    for row in rows {
        let (id, state) = row?;
        snapshot.put(&id, state);
    }
    snapshot.last_selected = conn
        .query_row(
            "SELECT value FROM reader_state WHERE name = ?1",
            params![LAST_SELECTED],
            |r| r.get(0),
        )
        .optional()?;
    Ok(snapshot)
}

/// Reads one story's row (the default when absent).
fn read_story(conn: &Connection, id: &str) -> rusqlite::Result<StoryState> {
    conn.query_row(
        "SELECT story_id, read, starred, scroll FROM story_state WHERE story_id = ?1",
        params![id],
        row_state,
    )
    .optional()
    .map(Option::unwrap_or_default)
}

/// Decodes the `read, starred, scroll` columns (1..=3) of a row.
fn row_state(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoryState> {
    Ok(StoryState {
        read: row.get::<_, i64>(1)? != 0,
        starred: row.get::<_, i64>(2)? != 0,
        scroll: u32::try_from(row.get::<_, i64>(3)?).unwrap_or(0),
    })
}

/// Writes one story's row; a story back to the default state is removed.
fn write_story(conn: &Connection, id: &str, state: StoryState) -> rusqlite::Result<()> {
    if state.is_default() {
        conn.execute("DELETE FROM story_state WHERE story_id = ?1", params![id])?;
    } else {
        conn.execute(
            "INSERT INTO story_state (story_id, read, starred, scroll) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (story_id) DO UPDATE SET
                 read = excluded.read, starred = excluded.starred, scroll = excluded.scroll",
            params![id, state.read, state.starred, state.scroll],
        )?;
    }
    Ok(())
}
