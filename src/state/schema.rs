//! The database layout and its migrations, versioned with `PRAGMA user_version`.
//!
//! Migration `i` (0-based) takes a database from version `i` to `i + 1`; a new
//! database is version 0 and runs them all. Never edit a released migration: add one.

/// `PRAGMA application_id` of a dateline state database ("DLST"), so a foreign SQLite
/// file passed by mistake is recognised and left alone.
pub const APPLICATION_ID: i64 = 0x444C_5354;

/// The migrations, in order.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1: per-story state and the reader's own values.
    "CREATE TABLE story_state (
        story_id TEXT PRIMARY KEY NOT NULL,
        read     INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
        starred  INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
        scroll   INTEGER NOT NULL DEFAULT 0 CHECK (scroll BETWEEN 0 AND 4294967295)
    ) WITHOUT ROWID;
    CREATE TABLE reader_state (
        name  TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) WITHOUT ROWID;",
];

/// The schema version this build writes and understands.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database inside `tx` from `from` to [`CURRENT_VERSION`]. The caller
/// holds a write transaction, so a kill halfway leaves the old version intact.
pub(crate) fn migrate(tx: &rusqlite::Transaction<'_>, from: i64) -> rusqlite::Result<()> {
    let start = usize::try_from(from).unwrap_or(MIGRATIONS.len());
    for sql in MIGRATIONS.iter().skip(start) {
        tx.execute_batch(sql)?;
    }
    if from < CURRENT_VERSION {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    }
    Ok(())
}
