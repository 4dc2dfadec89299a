//! `dateline export` carries each story's read and starred flags from the state.

use std::path::Path;
use std::process::Command;

use dateline::state::StateStore;

const PAGE: &str = "\
Harbour authority reopens the north pier

The harbour authority reopened the north pier on Tuesday after a month of repairs.

\"We are glad to have the boats back,\" said Mira Okafor, the harbour master.
";

/// Runs `dateline ARGS` with XDG_STATE_HOME pointing into `home`, returning stdout.
fn dateline(home: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env("XDG_STATE_HOME", home.join("state-home"))
        .env("HOME", home)
        .output()
        .expect("run dateline");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

const OTHER_PAGE: &str = "\
Council delays vote on tram extension

The city council delayed its vote on the tram extension to next month.
";

/// The stories of `export --format json` as JSON values.
fn exported(home: &Path, extra: &[&str], pages: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["export", "--format", "json"];
    args.extend_from_slice(extra);
    args.extend_from_slice(pages);
    let doc: serde_json::Value = serde_json::from_str(&dateline(home, &args)).unwrap();
    doc["stories"].as_array().cloned().unwrap_or_default()
}

#[test]
fn export_with_state_carries_read_and_starred() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbour.txt");
    std::fs::write(&page, PAGE).unwrap();
    let other = dir.path().join("tram.txt");
    std::fs::write(&other, OTHER_PAGE).unwrap();
    let pages = [page.to_str().unwrap(), other.to_str().unwrap()];

    // Without a database every story is unread and unstarred, and no file appears.
    let state = dir.path().join("my-state.sqlite3");
    let before = exported(dir.path(), &["--state", state.to_str().unwrap()], &pages);
    assert!(before.len() >= 2, "{before:?}");
    for story in &before {
        assert_eq!(story["read"], false);
        assert_eq!(story["starred"], false);
    }
    assert!(!state.exists(), "export created the state file");

    // Mark the first story through the library, as the reader would.
    let id = before[0]["id"].as_str().unwrap().to_string();
    {
        let mut store = StateStore::open(&state).unwrap();
        store.set_read(&id, true).unwrap();
        store.set_starred(&id, true).unwrap();
        store.set_starred("ffffffffffffffff", true).unwrap();
    }
    let after = exported(dir.path(), &["--state", state.to_str().unwrap()], &pages);
    assert_eq!(after.len(), before.len());
    for story in &after {
        let marked = story["id"] == id.as_str();
        assert_eq!(story["read"], marked, "{}", story["id"]);
        assert_eq!(story["starred"], marked, "{}", story["id"]);
    }
    // Apart from the two flags the export is unchanged.
    let strip = |v: &serde_json::Value| {
        let mut v = v.clone();
        if let Some(o) = v.as_object_mut() {
            o.remove("read");
            o.remove("starred");
        }
        v
    };
    let stripped = |all: &[serde_json::Value]| all.iter().map(strip).collect::<Vec<_>>();
    assert_eq!(stripped(&after), stripped(&before));

    // JSON lines carry the same flags; `--state` also works before the command.
    let state_arg = state.to_str().unwrap();
    let lines = dateline(
        dir.path(),
        &[
            "--state", state_arg, "export", "--format", "jsonl", pages[0], pages[1],
        ],
    );
    let jsonl: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(jsonl, after);
}

#[test]
fn export_uses_the_default_location_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbour.txt");
    std::fs::write(&page, PAGE).unwrap();
    let page = page.to_str().unwrap();
    let default_db = dir.path().join("state-home/dateline/state.sqlite3");

    let stories = exported(dir.path(), &[], &[page]);
    assert!(stories.iter().all(|s| s["read"] == false));
    assert!(
        !dir.path().join("state-home").exists(),
        "export created state"
    );

    let id = stories[0]["id"].as_str().unwrap().to_string();
    StateStore::open(&default_db)
        .unwrap()
        .set_read(&id, true)
        .unwrap();
    let stories = exported(dir.path(), &[], &[page]);
    assert_eq!(stories[0]["read"], true);
    assert_eq!(stories[0]["starred"], false);
}

#[test]
fn a_damaged_state_file_is_a_warning_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbour.txt");
    std::fs::write(&page, PAGE).unwrap();
    let state = dir.path().join("broken.sqlite3");
    let junk: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&state, &junk).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["export", "--state", state.to_str().unwrap()])
        .arg(&page)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.sqlite3"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["stories"][0]["read"], false);
    assert_eq!(std::fs::read(&state).unwrap(), junk);
}
