//! The state store never damages or resets a file it cannot use, and two readers can
//! share one file.

use std::path::Path;

use dateline::state::{CURRENT_VERSION, StateError, StateStore};
use rusqlite::Connection;

/// Every file in `dir` with its length and a checksum of its bytes, sorted by name.
fn dir_contents(dir: &Path) -> Vec<(String, usize, u64)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                bytes.len(),
                xxhash_rust::xxh3::xxh3_64(&bytes),
            )
        })
        .collect();
    files.sort();
    files
}

/// Bytes that are not an SQLite database, of several lengths.
fn garbage(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

#[test]
fn garbage_file_is_a_clear_error_and_stays_byte_for_byte_the_same() {
    for (len, seed) in [(1usize, 1u8), (100, 7), (4096, 3), (20_000, 11)] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        std::fs::write(&path, garbage(len, seed)).unwrap();
        let before = dir_contents(dir.path());

        let err = StateStore::open(&path).unwrap_err();
        assert!(matches!(err, StateError::Corrupt { .. }), "{len}: {err:?}");
        let msg = err.to_string();
        assert!(msg.contains(&path.display().to_string()), "{msg}");
        assert!(msg.contains("untouched"), "{msg}");
        let read_err = StateStore::read_existing(&path).unwrap_err();
        assert!(
            matches!(read_err, StateError::Corrupt { .. }),
            "{read_err:?}"
        );

        assert_eq!(dir_contents(dir.path()), before, "length {len}");
    }
}

#[test]
fn damaged_pages_inside_a_real_database_are_caught_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    drop(StateStore::open(&path).unwrap());
    {
        // Enough rows for several pages, in one transaction.
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        for n in 0..400u64 {
            tx.execute(
                "INSERT INTO story_state (story_id, read) VALUES (?1, 1)",
                [format!("{n:016x}")],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    assert_eq!(
        StateStore::read_existing(&path)
            .unwrap()
            .unwrap()
            .stories
            .len(),
        400
    );
    // Keep the 100-byte header (a valid SQLite file) and overwrite everything after
    // the first page with garbage.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192, "database too small: {}", bytes.len());
    let page = 4096;
    let junk = garbage(bytes.len() - page, 5);
    bytes[page..].copy_from_slice(&junk);
    std::fs::write(&path, &bytes).unwrap();
    let before = dir_contents(dir.path());

    let err = StateStore::open(&path).unwrap_err();
    assert!(matches!(err, StateError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("state.sqlite3"), "{err}");
    assert_eq!(dir_contents(dir.path()), before);
}

#[test]
fn newer_schema_is_a_clear_error_and_stays_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    drop(StateStore::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", CURRENT_VERSION + 3)
            .unwrap();
    }
    let before = dir_contents(dir.path());

    let err = StateStore::open(&path).unwrap_err();
    match &err {
        StateError::NewerSchema {
            found, supported, ..
        } => {
            assert_eq!(*found, CURRENT_VERSION + 3);
            assert_eq!(*supported, CURRENT_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(
        msg.contains("state.sqlite3") && msg.contains("newer"),
        "{msg}"
    );
    assert!(matches!(
        StateStore::read_existing(&path),
        Err(StateError::NewerSchema { .. })
    ));
    assert_eq!(dir_contents(dir.path()), before);
}

#[test]
fn another_programs_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');",
        )
        .unwrap();
    }
    let before = dir_contents(dir.path());
    let err = StateStore::open(&path).unwrap_err();
    assert!(matches!(err, StateError::Foreign { .. }), "{err:?}");
    assert!(err.to_string().contains("other.sqlite3"), "{err}");
    assert_eq!(dir_contents(dir.path()), before);
}

#[test]
fn two_stores_on_one_file_both_write_and_see_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    let mut first = StateStore::open(&path).unwrap();
    let mut second = StateStore::open(&path).unwrap();

    first.set_read("00000000000000aa", true).unwrap();
    second.set_starred("00000000000000bb", true).unwrap();
    first.set_scroll("00000000000000bb", 12).unwrap();
    second.set_last_selected(Some("00000000000000aa")).unwrap();

    for store in [&first, &second] {
        let snap = store.load_all().unwrap();
        assert!(snap.story("00000000000000aa").read);
        let bb = snap.story("00000000000000bb");
        assert!(bb.starred, "{snap:?}");
        assert_eq!(bb.scroll, 12, "second's star kept when first set scroll");
        assert_eq!(snap.last_selected.as_deref(), Some("00000000000000aa"));
    }
}

#[test]
fn a_held_write_lock_gives_a_locked_error_naming_the_file() {
    // Not a timing assertion: only that waiting ends in a clear error, not a hang.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.sqlite3");
    let mut store = StateStore::open(&path).unwrap();
    store
        .set_busy_timeout(std::time::Duration::from_millis(100))
        .unwrap();
    let holder = Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = store.set_read("0000000000000001", true).unwrap_err();
    assert!(matches!(err, StateError::Locked { .. }), "{err:?}");
    assert!(err.is_transient());
    assert!(err.to_string().contains("busy.sqlite3"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
    store.set_read("0000000000000001", true).unwrap();
    assert!(store.story("0000000000000001").unwrap().read);
}
