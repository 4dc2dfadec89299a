//! The state store keeps what it is told, across reopening, and in no-save mode.

use dateline::state::{CURRENT_VERSION, StateStore, StoryState};
use rusqlite::Connection;

fn id(n: u64) -> String {
    format!("{n:016x}")
}

#[test]
fn every_setter_round_trips_through_load_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut store = StateStore::open(&path).unwrap();
    assert!(store.is_saving());
    assert_eq!(store.path(), Some(path.as_path()));
    assert!(store.load_all().unwrap().stories.is_empty());

    store.set_read(&id(1), true).unwrap();
    store.set_starred(&id(2), true).unwrap();
    store.set_scroll(&id(3), 4_000_000_000).unwrap();
    store.set_read(&id(3), true).unwrap();
    store.set_last_selected(Some(&id(2))).unwrap();

    let snap = store.load_all().unwrap();
    assert_eq!(snap.stories.len(), 3);
    assert_eq!(
        snap.story(&id(1)),
        StoryState {
            read: true,
            starred: false,
            scroll: 0
        }
    );
    assert_eq!(
        snap.story(&id(2)),
        StoryState {
            read: false,
            starred: true,
            scroll: 0
        }
    );
    assert_eq!(
        snap.story(&id(3)),
        StoryState {
            read: true,
            starred: false,
            scroll: 4_000_000_000
        }
    );
    assert_eq!(snap.story(&id(9)), StoryState::default());
    assert_eq!(snap.last_selected.as_deref(), Some(id(2).as_str()));
    assert_eq!(store.story(&id(3)).unwrap(), snap.story(&id(3)));
}

#[test]
fn setting_one_field_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::open(&dir.path().join("s.db")).unwrap();
    let story = id(0xabc);
    store.set_scroll(&story, 17).unwrap();
    store.set_starred(&story, true).unwrap();
    store.set_read(&story, true).unwrap();
    store.set_read(&story, false).unwrap();
    assert_eq!(
        store.story(&story).unwrap(),
        StoryState {
            read: false,
            starred: true,
            scroll: 17
        }
    );
}

#[test]
fn a_story_back_to_default_is_forgotten_and_selection_can_be_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::open(&dir.path().join("s.db")).unwrap();
    store
        .set_story(
            &id(5),
            StoryState {
                read: true,
                starred: true,
                scroll: 3,
            },
        )
        .unwrap();
    store.set_story(&id(5), StoryState::default()).unwrap();
    store.set_last_selected(Some(&id(5))).unwrap();
    store.set_last_selected(None).unwrap();
    let snap = store.load_all().unwrap();
    assert!(snap.stories.is_empty(), "{snap:?}");
    assert_eq!(snap.last_selected, None);
}

#[test]
fn state_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/dirs/state.sqlite3");
    {
        let mut store = StateStore::open(&path).unwrap();
        store.set_read(&id(7), true).unwrap();
        store.set_starred(&id(8), true).unwrap();
        store.set_scroll(&id(8), 42).unwrap();
        store.set_last_selected(Some(&id(8))).unwrap();
    }
    let first = StateStore::open(&path).unwrap().load_all().unwrap();
    let second = StateStore::open(&path).unwrap().load_all().unwrap();
    assert_eq!(first, second);
    assert!(first.story(&id(7)).read);
    assert_eq!(
        first.story(&id(8)),
        StoryState {
            read: false,
            starred: true,
            scroll: 42
        }
    );
    assert_eq!(first.last_selected.as_deref(), Some(id(8).as_str()));
    // Read-only access sees the same.
    assert_eq!(StateStore::read_existing(&path).unwrap(), Some(first));
}

#[test]
fn a_new_database_gets_the_current_schema_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(StateStore::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(version, CURRENT_VERSION);
    assert_eq!(mode.to_lowercase(), "wal");
}

#[test]
fn an_empty_file_is_a_version_zero_database_and_gets_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    std::fs::write(&path, b"").unwrap();
    let mut store = StateStore::open(&path).unwrap();
    store.set_starred(&id(1), true).unwrap();
    assert!(store.story(&id(1)).unwrap().starred);
}

#[test]
fn reading_a_missing_file_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.sqlite3");
    assert_eq!(StateStore::read_existing(&path).unwrap(), None);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn unsaved_store_keeps_changes_in_memory_only() {
    let mut store = StateStore::unsaved();
    assert!(!store.is_saving());
    assert_eq!(store.path(), None);
    store.set_read(&id(1), true).unwrap();
    store.set_scroll(&id(1), 9).unwrap();
    store.set_last_selected(Some(&id(1))).unwrap();
    let snap = store.load_all().unwrap();
    assert_eq!(
        snap.story(&id(1)),
        StoryState {
            read: true,
            starred: false,
            scroll: 9
        }
    );
    assert_eq!(snap.last_selected.as_deref(), Some(id(1).as_str()));
    store.set_read(&id(1), false).unwrap();
    store.set_scroll(&id(1), 0).unwrap();
    assert!(store.load_all().unwrap().stories.is_empty());
}

#[test]
fn open_or_unsaved_falls_back_and_returns_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.db");
    std::fs::write(&path, vec![0x5a; 8192]).unwrap();
    let (store, err) = StateStore::open_or_unsaved(Some(&path));
    assert!(!store.is_saving());
    let msg = err.expect("an error for a damaged file").to_string();
    assert!(msg.contains("bad.db"), "{msg}");

    let good = dir.path().join("good.db");
    let (store, err) = StateStore::open_or_unsaved(Some(&good));
    assert!(store.is_saving());
    assert!(err.is_none());
}
