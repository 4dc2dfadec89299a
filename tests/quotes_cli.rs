//! The `quotes` and `speakers` commands, run as a user would on pages written to a
//! temporary directory.

use std::path::Path;
use std::process::Command;

fn page(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write page");
}

/// The page files written by [`pages`], as arguments.
fn files(dir: &tempfile::TempDir) -> Vec<String> {
    ["bridge.txt", "ferry.txt"]
        .iter()
        .map(|n| dir.path().join(n).to_string_lossy().into_owned())
        .collect()
}

fn pages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    page(
        dir.path(),
        "bridge.txt",
        "Harbour bridge reopens after repairs\n\n2026-02-01 09:30\n\n\
         The harbour bridge reopened to traffic on Sunday after eight months of repairs.\n\n\
         \"It was a long wait, but the bridge is safer than ever,\" said Nora Quist, the city's transport commissioner.\n\n\
         \"Every cable was replaced,\" Quist added. \"We did not cut a single corner.\"\n",
    );
    page(
        dir.path(),
        "ferry.txt",
        "Ferry fares to rise in spring\n\n2026-02-03 14:00\n\n\
         Ferry operator Bluewave said fares would rise by 4 percent from April.\n\n\
         \"Fuel costs have gone up and we cannot absorb all of it,\" chief executive Tom Reyes told reporters.\n\n\
         Commuters called the rise \"a kick in the teeth\".\n",
    );
    dir
}

fn dateline(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("run dateline");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn quotes_lists_every_spoken_quote_with_its_speaker() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let (out, err, ok) = dateline(&["quotes", a, b]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("TIME"), "{out}");
    assert_eq!(
        lines.len(),
        4,
        "header and three quotes (the fragment is partial): {out}"
    );
    assert!(out.contains("Nora Quist"));
    assert!(out.contains("Tom Reyes"));
    assert!(!out.contains("kick in the teeth"));
    // Columns line up: the quote column starts at the same place on every line.
    let col = |l: &str| l.find('“').map(|b| l[..b].chars().count());
    assert!(col(lines[1]).is_some());
    assert!(lines[2..].iter().all(|l| col(l) == col(lines[1])), "{out}");
}

#[test]
fn quotes_json_carries_story_and_speaker() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let (out, err, ok) = dateline(&["quotes", "--format", "json", "--speaker", "quist", a, b]);
    assert!(ok, "{err}");
    let items: serde_json::Value = serde_json::from_str(&out).expect("json");
    let items = items.as_array().expect("array");
    assert_eq!(items.len(), 2, "{out}");
    assert!(items.iter().all(|q| q["speaker"] == "Nora Quist"));
    let q = &items[1];
    assert_eq!(q["speaker"], "Nora Quist");
    assert_eq!(q["speaker_title"], "city's transport commissioner");
    assert_eq!(
        q["text"],
        "Every cable was replaced. We did not cut a single corner."
    );
    assert!(
        q["headline"]
            .as_str()
            .is_some_and(|h| h.contains("Harbour bridge"))
    );
    let id = q["story_id"].as_str().unwrap_or_default();
    assert!(
        id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "{id:?}"
    );
    assert_eq!(q["spans"].as_array().map(Vec::len), Some(2));
}

#[test]
fn speaker_filter_with_no_match_lists_nothing() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let (out, err, ok) = dateline(&["quotes", "--format", "json", "--speaker", "nobody", a, b]);
    assert!(ok);
    let items: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(items.as_array().map(Vec::len), Some(0));
    // An empty result says so, and why, on stderr.
    assert!(err.contains("nobody quoted is called 'nobody'"), "{err}");
    assert!(err.contains("no spoken quote to list"), "{err}");
}

#[test]
fn speaker_is_a_whole_name_or_surname_and_contains_is_its_own_flag() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let count = |args: &[&str]| {
        let (out, _, ok) = dateline(&[&["quotes", "--format", "json"], args, &[a, b]].concat());
        assert!(ok);
        let items: serde_json::Value = serde_json::from_str(&out).expect("json");
        items.as_array().map(Vec::len).unwrap_or(0)
    };
    let by_quist = count(&["--speaker", "QUIST"]);
    assert!(by_quist >= 2);
    assert_eq!(count(&["--speaker", "nora quist"]), by_quist);
    // A given name alone, or part of a name, is not a name.
    assert_eq!(count(&["--speaker", "nora"]), 0);
    assert_eq!(count(&["--speaker", "qui"]), 0);
    assert_eq!(count(&["--speaker-contains", "qui"]), by_quist);
}

#[test]
fn a_mistyped_command_is_named_with_exit_status_2() {
    let dir = pages();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["stat", &dir.path().to_string_lossy()])
        .output()
        .expect("run dateline");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean 'stats'?"), "{err}");
    // A word far from every command is taken as a path, as before.
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["stats", "no-such-folder-at-all"])
        .output()
        .expect("run dateline");
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn speakers_counts_quotes_per_person() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let (out, err, ok) = dateline(&["speakers", "--format", "json", a, b]);
    assert!(ok, "{err}");
    let speakers: serde_json::Value = serde_json::from_str(&out).expect("json");
    let speakers = speakers.as_array().expect("array");
    let names: Vec<(&str, u64)> = speakers
        .iter()
        .filter_map(|s| Some((s["name"].as_str()?, s["quote_count"].as_u64()?)))
        .collect();
    assert_eq!(names, vec![("Nora Quist", 2), ("Tom Reyes", 1)]);
    assert_eq!(speakers[1]["titles"][0], "chief executive");

    let (text, _, ok) = dateline(&["speakers", a, b]);
    assert!(ok);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("SPEAKER"));
    assert!(lines[1].starts_with("Nora Quist"));
    assert!(lines[1].contains("city's transport commissioner"));
}

#[test]
fn no_path_uses_the_bundled_samples() {
    let (out, err, ok) = dateline(&["speakers", "--format", "json"]);
    assert!(ok, "{err}");
    let speakers: serde_json::Value = serde_json::from_str(&out).expect("json");
    let names: Vec<&str> = speakers
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.contains(&"Wang Zhihua"), "{names:?}");
    assert!(names.contains(&"Farhan Haq"), "{names:?}");
}

#[test]
fn csv_listings_read_back_as_the_json_ones() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let (json, _, ok) = dateline(&["quotes", "--format", "json", "--fragments", a, b]);
    assert!(ok);
    let json: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    let (csv_text, _, ok) = dateline(&["quotes", "--format", "csv", "--fragments", a, b]);
    assert!(ok);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "story_id",
            "published",
            "speaker",
            "title",
            "quote",
            "kind",
            "source"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), json.len());
    for (row, q) in rows.iter().zip(&json) {
        assert_eq!(&row[0], q["story_id"].as_str().unwrap());
        assert_eq!(
            &row[4],
            q["text"].as_str().unwrap(),
            "commas and quotes survive"
        );
        let kind = if q["partial"].as_bool().unwrap() {
            "fragment"
        } else {
            "spoken"
        };
        assert_eq!(&row[5], kind);
    }
    // The fragment ("a kick in the teeth") is listed only when asked for.
    assert!(rows.iter().any(|r| &r[5] == "fragment"));
    let (spoken, _, _) = dateline(&["quotes", "--format", "csv", a, b]);
    assert_eq!(
        csv::Reader::from_reader(spoken.as_bytes())
            .records()
            .count(),
        rows.iter().filter(|r| &r[5] == "spoken").count()
    );
}

#[test]
fn export_csv_is_one_row_a_story_with_its_text() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let (out, err, ok) = dateline(&["export", "--format", "csv", a, b]);
    assert!(ok, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    let bridge = rows
        .iter()
        .find(|r| &r[col("headline")] == "Harbour bridge reopens after repairs")
        .expect("the bridge story");
    assert!(bridge[col("published")].starts_with("2026-02-01T09:30"));
    assert!(
        bridge[col("text")].contains("\n\n"),
        "paragraphs kept apart"
    );
    assert!(bridge[col("text")].contains("\"It was a long wait"));
    assert_eq!(&bridge[col("read")], "false");
}

#[test]
fn one_filter_syntax_for_export_quotes_and_speakers() {
    let dir = pages();
    let paths = files(&dir);
    let [a, b] = [paths[0].as_str(), paths[1].as_str()];
    let headlines = |filter: &str| -> Vec<String> {
        let (out, err, ok) = dateline(&["export", "--format", "json", "--filter", filter, a, b]);
        assert!(ok, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        v["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["headline"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        headlines("speaker:quist"),
        ["Harbour bridge reopens after repairs"]
    );
    assert_eq!(
        headlines("-speaker:quist"),
        ["Ferry fares to rise in spring"]
    );
    assert_eq!(
        headlines("\"fares would rise\" since:2026-02-02"),
        ["Ferry fares to rise in spring"]
    );
    assert!(headlines("until:2026-01").is_empty());
    // The speakers of the stories kept, counted among them.
    let (out, _, ok) = dateline(&["speakers", "--format", "json", "--filter", "ferry", a, b]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Tom Reyes"]);
    // A malformed filter: one line naming the column, exit status 2, nothing written.
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["quotes", "--filter", "bridge colour:red", a, b])
        .output()
        .expect("run dateline");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("column 8"), "{err}");
}
