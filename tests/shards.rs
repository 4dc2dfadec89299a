//! Loading beyond one machine: the loader is a map over files and a merge, so an
//! archive cut into shards can be exported shard by shard (`export --format jsonl`, on
//! as many machines as there are shards) and the exports merged (README, Performance:
//! "Beyond one machine"). These tests check the two merges the README gives.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// `dateline export --format jsonl` of `paths`: one line a story.
fn export(paths: &[&Path]) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["export", "--format", "jsonl"])
        .args(paths)
        .output()
        .expect("dateline runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

/// Copies the files of `from` into `shards` folders under `to`, file `n` (in name
/// order) into shard `n % shards`, keeping their relative paths.
fn cut(from: &Path, to: &Path, shards: usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    walk(from, &mut files);
    files.sort();
    let dirs: Vec<PathBuf> = (0..shards).map(|n| to.join(format!("shard-{n}"))).collect();
    for (n, file) in files.iter().enumerate() {
        let target = dirs[n % shards].join(file.strip_prefix(from).expect("inside"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("dir");
        std::fs::copy(file, target).expect("copied");
    }
    dirs
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn shards_whose_stories_stay_in_one_shard_merge_to_exactly_one_export() {
    // The test pages: no story is found in two of them.
    let dir = tempfile::tempdir().expect("temp dir");
    let shards = cut(Path::new("tests/data/pages"), dir.path(), 3);
    let refs: Vec<&Path> = shards.iter().map(PathBuf::as_path).collect();
    let mut one = export(&refs);
    let mut merged: Vec<String> = refs.iter().flat_map(|s| export(&[s])).collect();
    assert!(one.len() > 20, "{} stories", one.len());
    // The merge: the lines put together (`cat`), in any order.
    one.sort();
    merged.sort();
    assert_eq!(merged, one);
}

#[test]
fn shards_sharing_stories_merge_by_id_to_the_same_stories() {
    // Generated pages re-scrape earlier stories (with later update times), and the
    // copies land in different shards.
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = dir.path().join("pages");
    dateline::synth::write(&pages, 240, 5).expect("pages");
    let shards = cut(&pages, &dir.path().join("shards"), 2);
    let refs: Vec<&Path> = shards.iter().map(PathBuf::as_path).collect();
    let parse = |line: &String| serde_json::from_str::<Value>(line).expect("JSON");
    let one: Vec<Value> = export(&[&pages]).iter().map(parse).collect();
    let sharded: Vec<Value> = refs
        .iter()
        .flat_map(|s| export(&[s]))
        .map(|l| parse(&l))
        .collect();
    assert!(
        sharded.len() > one.len(),
        "some stories are in both shards ({} and {})",
        sharded.len(),
        one.len()
    );
    // The merge: one story per id, the copy updated last unless another holds a tenth
    // more text (a cut edition: then the fullest), as the README's DuckDB query and jq
    // line do.
    let mut copies: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for story in sharded {
        let id = story["id"].as_str().expect("id").to_string();
        copies.entry(id).or_default().push(story);
    }
    let text = |s: &Value| -> usize {
        s["paragraphs"].as_array().map_or(0, |ps| {
            ps.iter().filter_map(Value::as_str).map(str::len).sum()
        })
    };
    let later = |s: &Value| s["updated"].as_str().unwrap_or("").to_string();
    let by_id: BTreeMap<String, Value> = copies
        .into_iter()
        .map(|(id, versions)| {
            let newest = versions.iter().max_by_key(|s| later(s)).expect("a copy");
            let fullest = versions.iter().max_by_key(|s| text(s)).expect("a copy");
            let kept = if 10 * text(fullest) >= 11 * text(newest) {
                fullest
            } else {
                newest
            };
            (id, kept.clone())
        })
        .collect();
    let one: BTreeMap<String, Value> = one
        .into_iter()
        .map(|s| (s["id"].as_str().expect("id").to_string(), s))
        .collect();
    assert_eq!(
        by_id.keys().collect::<Vec<_>>(),
        one.keys().collect::<Vec<_>>()
    );
    for (id, story) in &one {
        let merged = &by_id[id];
        assert_eq!(merged["headline"], story["headline"], "{id}");
        assert_eq!(merged["paragraphs"], story["paragraphs"], "{id}");
        assert_eq!(
            merged["quotes"].as_array().map(Vec::len),
            story["quotes"].as_array().map(Vec::len),
            "{id}"
        );
    }
}
