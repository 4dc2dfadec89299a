//! Never lose state: a child process writes changes in a loop and is killed with
//! SIGKILL at varied moments; after every kill the database must open, pass SQLite's
//! integrity check and hold every change the child reported as committed.
//!
//! The child is this very test binary, running [`writer_child`] with
//! `DATELINE_KILL_CHILD_DB` set; without it, that test runs a short bounded loop
//! in-process instead.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use dateline::state::{StateStore, StoryState};

/// Set (to the database path) in the child process.
const CHILD_DB: &str = "DATELINE_KILL_CHILD_DB";
/// The round number, so every round writes stories of its own.
const CHILD_ROUND: &str = "DATELINE_KILL_CHILD_ROUND";

/// The id of the `n`th story written in round `round`.
fn story_id(round: u64, n: u64) -> String {
    format!("{round:04x}{n:012x}")
}

/// What change `n` writes to its story.
fn expected(n: u64) -> StoryState {
    StoryState {
        read: true,
        starred: n.is_multiple_of(2),
        scroll: u32::try_from(n).unwrap_or(u32::MAX),
    }
}

/// Writes change after change (a story's state, then the selection, each its own
/// transaction), printing `committed N` once both are committed; stops after
/// `limit` changes when given.
fn write_changes(path: &Path, round: u64, limit: Option<u64>, out: &mut dyn Write) {
    let mut store = StateStore::open(path).expect("child opens the state");
    let mut n = 0;
    while limit.is_none_or(|l| n < l) {
        n += 1;
        let id = story_id(round, n);
        store.set_story(&id, expected(n)).expect("write story");
        store.set_last_selected(Some(&id)).expect("write selection");
        writeln!(out, "committed {n}").expect("report");
        out.flush().expect("flush report");
    }
}

#[test]
fn writer_child() {
    if let Some(path) = std::env::var_os(CHILD_DB) {
        let round = std::env::var(CHILD_ROUND)
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(0);
        write_changes(Path::new(&path), round, None, &mut std::io::stdout());
        return;
    }
    // In-process, bounded: every reported change is there afterwards.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let mut report = Vec::new();
    write_changes(&path, 3, Some(12), &mut report);
    let report = String::from_utf8(report).unwrap();
    assert_eq!(report.lines().count(), 12);
    assert_eq!(report.lines().last(), Some("committed 12"));
    check_after_kill(&path, &[(3, 12)], 3);
}

/// The number in a `committed N` line (the harness may print on the same line).
fn committed(line: &str) -> Option<u64> {
    let at = line.rfind("committed ")?;
    line[at + "committed ".len()..].trim().parse().ok()
}

/// Checks the database after a kill: it opens, passes `PRAGMA integrity_check`, holds
/// every reported change of every round (`(round, last reported)`), and nothing beyond
/// the one change in flight in the current round.
fn check_after_kill(path: &Path, rounds: &[(u64, u64)], current: u64) {
    if path.exists() {
        let conn = rusqlite::Connection::open(path).expect("raw open");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check runs");
        assert_eq!(check, "ok", "round {current}");
    }
    let store = StateStore::open(path).expect("the state opens after a kill");
    let snap = store.load_all().expect("the state loads after a kill");
    for &(round, reported) in rounds {
        for n in 1..=reported {
            assert_eq!(
                snap.story(&story_id(round, n)),
                expected(n),
                "round {round}: change {n} was reported committed but is missing"
            );
        }
        if round == current {
            // At most the one change in flight at the kill may be there too.
            let beyond = snap
                .stories
                .keys()
                .filter(|id| id.starts_with(&format!("{round:04x}")))
                .count() as u64;
            assert!(
                beyond == reported || beyond == reported + 1,
                "round {round}: {beyond} stories for {reported} reported"
            );
            if reported > 0 {
                let selected = snap.last_selected.clone().unwrap_or_default();
                assert!(
                    selected == story_id(round, reported)
                        || selected == story_id(round, reported + 1),
                    "round {round}: selection {selected} after {reported} reported"
                );
            }
        }
    }
}

#[test]
fn killing_a_writer_at_varied_moments_loses_nothing_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    let exe = std::env::current_exe().unwrap();
    // (changes to see reported before the kill, extra milliseconds to let it run on)
    let plan: [(u64, u64); 8] = [
        (0, 0),
        (0, 5),
        (0, 30),
        (1, 0),
        (4, 2),
        (9, 0),
        (20, 1),
        (35, 0),
    ];
    let mut rounds: Vec<(u64, u64)> = Vec::new();
    for (round, &(target, extra_ms)) in (1u64..).zip(plan.iter()) {
        let mut child = Command::new(&exe)
            .args(["writer_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_DB, &path)
            .env(CHILD_ROUND, round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the writer");
        let stdout = child.stdout.take().expect("child stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut reported = 0;
        let mut killed = false;
        if target == 0 {
            std::thread::sleep(std::time::Duration::from_millis(extra_ms));
            child.kill().expect("kill");
            killed = true;
        }
        for line in lines.by_ref() {
            let Ok(line) = line else { break };
            if let Some(n) = committed(&line) {
                reported = n;
            }
            if !killed && reported >= target {
                std::thread::sleep(std::time::Duration::from_millis(extra_ms));
                child.kill().expect("kill");
                killed = true;
            }
        }
        // The pipe is drained: `reported` is the last change the child announced.
        let status = child.wait().expect("wait");
        let mut stderr = String::new();
        if let Some(mut err) = child.stderr.take() {
            let _ = err.read_to_string(&mut stderr);
        }
        assert!(
            reported >= target,
            "round {round}: child stopped after {reported} of {target} ({status}): {stderr}"
        );
        assert!(
            !status.success(),
            "round {round}: the child was killed, not done"
        );
        eprintln!("round {round}: killed after {reported} reported changes");
        rounds.push((round, reported));
        check_after_kill(&path, &rounds, round);
    }
    // Every round with a target reported at least that many changes, all kept.
    let total: u64 = rounds.iter().map(|r| r.1).sum();
    assert!(total >= plan.iter().map(|p| p.0).sum::<u64>());
}
