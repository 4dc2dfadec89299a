//! Runs the `dateline` binary as a user would: help, version, export and stats.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("the dateline binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn write_page(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("page written");
}

const ARTICLE: &str = "Harbour bridge reopens after six months of repairs\n\n\
The harbour bridge reopened to traffic on Saturday morning after six months of repairs that cost the city more than expected, officials said.\n\n\
Engineers replaced the worn cables and resurfaced the deck, and the work finished two weeks ahead of the revised schedule announced in the spring.\n";

#[test]
fn help_lists_every_command_and_version_prints_the_version() {
    let help = dateline(&["--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    for command in ["export", "stats"] {
        assert!(text.contains(command), "--help names {command}: {text}");
    }
    let version = dateline(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        stdout(&version).trim(),
        format!("dateline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn export_json_has_the_documented_shape() {
    let out = dateline(&["export"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("export is JSON");
    let stories = doc["stories"].as_array().expect("stories array");
    assert!(!stories.is_empty(), "the bundled samples hold stories");
    assert!(doc["speakers"].is_array());
    for story in stories {
        for key in [
            "id",
            "headline",
            "section",
            "published",
            "updated",
            "source",
            "sources",
            "paragraphs",
            "quotes",
        ] {
            assert!(story.get(key).is_some(), "story has {key}: {story}");
        }
        for key in ["path", "line_start", "line_end"] {
            assert!(story["source"].get(key).is_some(), "source has {key}");
        }
        assert!(
            story["sources"]
                .as_array()
                .is_some_and(|s| s.contains(&story["source"])),
            "sources include the kept source"
        );
        let id = story["id"].as_str().expect("id is a string");
        assert_eq!(id.len(), 16);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    }
}

#[test]
fn jsonl_streams_one_story_per_line_matching_json() {
    let json: Value = serde_json::from_str(&stdout(&dateline(&["export"]))).expect("json");
    let jsonl = dateline(&["export", "--format", "jsonl"]);
    assert!(jsonl.status.success());
    let lines: Vec<Value> = stdout(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(&Value::Array(lines), &json["stories"]);
}

#[test]
fn export_reads_a_directory_of_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_page(dir.path(), "bridge.txt", ARTICLE);
    let out = dateline(&["export", dir.path().to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("json");
    let stories = doc["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 1);
    assert_eq!(
        stories[0]["headline"],
        "Harbour bridge reopens after six months of repairs"
    );
    assert_eq!(stories[0]["paragraphs"].as_array().map(Vec::len), Some(2));
    assert!(
        stories[0]["source"]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("bridge.txt"))
    );
}

#[test]
fn stats_prints_every_count() {
    let out = dateline(&["stats"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for label in [
        "files",
        "pages",
        "stories",
        "repeated headlines removed",
        "duplicate stories merged",
        "paragraphs",
        "warnings",
        "time",
    ] {
        assert!(text.contains(label), "stats shows {label}: {text}");
    }
    let json = dateline(&["stats", "--format", "json"]);
    let doc: Value = serde_json::from_str(&stdout(&json)).expect("stats json");
    assert!(doc["stories"].as_u64().is_some_and(|n| n > 0));
    assert!(doc["seconds"].as_f64().is_some());
}

#[test]
fn a_missing_path_warns_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_page(dir.path(), "bridge.txt", ARTICLE);
    let missing = dir.path().join("no-such-page.txt");
    let out = dateline(&[
        "stats",
        "--format",
        "json",
        missing.to_str().expect("utf-8"),
        dir.path().join("bridge.txt").to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "one page loaded, so success");
    let err = stderr(&out);
    let warning_lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("no-such-page.txt"))
        .collect();
    assert_eq!(
        warning_lines.len(),
        1,
        "one line names the missing file: {err}"
    );
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("stats json");
    assert_eq!(doc["stories"], 1);
    assert_eq!(doc["warnings"], 1);
}

#[test]
fn nothing_loadable_is_an_error() {
    let out = dateline(&["stats", "/nonexistent/dateline/page.txt"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("/nonexistent/dateline/page.txt"), "{err}");
    assert!(err.contains("nothing could be loaded"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn paths_before_the_command_are_read_by_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_page(dir.path(), "bridge.txt", ARTICLE);
    let page = dir.path().join("bridge.txt");
    let out = dateline(&[page.to_str().expect("utf-8"), "stats", "--format", "json"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("stats json");
    assert_eq!(
        doc["files"], 1,
        "the page named before `stats`, not the samples"
    );
    assert_eq!(doc["stories"], 1);
}

/// `export --format jsonl` finds each story's quotes as it writes it (`cli/stream.rs`):
/// its lines are byte for byte what the whole corpus, loaded first, exports, with and
/// without a filter, on pages that repeat stories (re-scrapes merged) over several
/// hundred stories (more than one batch of the writer).
#[test]
fn jsonl_written_story_by_story_equals_the_whole_corpus_exported() {
    let dir = tempfile::tempdir().expect("temp dir");
    dateline::synth::write(dir.path(), 400, 7).expect("pages written");
    let path = dir.path().to_str().expect("utf-8 path");
    for filter in [None, Some("has:quotes"), Some("-has:quotes since:2026-01")] {
        let mut args = vec![
            "export",
            "--format",
            "jsonl",
            "--state",
            "/nonexistent/s.db",
        ];
        if let Some(f) = filter {
            args.extend(["--filter", f]);
        }
        args.push(path);
        let out = dateline(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut corpus = dateline::ingest::load(&[dir.path().to_path_buf()], &Default::default());
        assert!(
            corpus.stories.len() > 300,
            "{} stories",
            corpus.stories.len()
        );
        let state = dateline::state::StateSnapshot::default();
        let wanted = dateline::filter::Filter::parse(filter.unwrap_or("")).expect("filter");
        dateline::cli::narrow(&mut corpus, &wanted, &state);
        let mut expected = Vec::new();
        dateline::cli::export_with_state(
            &corpus,
            &state,
            dateline::cli::ExportFormat::Jsonl,
            &mut expected,
        )
        .expect("written");
        assert!(
            out.stdout == expected,
            "filter {filter:?}: {} lines streamed, {} expected",
            out.stdout.split(|&b| b == b'\n').count(),
            expected.split(|&b| b == b'\n').count()
        );
    }
}

/// The same on every kind of test page together (text, HTML, feeds, archive exports),
/// where a feed entry and its saved page are merged by their address while their text
/// waits in the spill file: the merged story keeps the page's full text.
#[test]
fn jsonl_of_every_kind_of_page_equals_the_whole_corpus_exported() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let out = dateline(&[
        "export",
        "--format",
        "jsonl",
        "--state",
        "/nonexistent/s.db",
        data.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = dateline::ingest::load(&[data], &Default::default());
    assert!(corpus.stats.duplicates_merged > 0);
    let mut expected = Vec::new();
    dateline::cli::export(&corpus, dateline::cli::ExportFormat::Jsonl, &mut expected)
        .expect("written");
    assert!(out.stdout == expected, "{}", stdout(&out));
    let harbour = stdout(&out)
        .lines()
        .find(|l| l.contains("harbour.html") && l.contains("ledger.rss"))
        .map(str::to_string)
        .expect("the feed entry merged with its page");
    assert!(harbour.contains("expansion joints"), "{harbour}");
}

/// With no temporary folder to hold the text in, `export --format jsonl` and `stats` keep
/// it in memory and give the same output.
#[test]
fn without_a_temporary_folder_the_text_stays_in_memory_and_nothing_changes() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages");
    let data = data.to_str().expect("utf-8 path");
    for args in [
        &["export", "--format", "jsonl", data][..],
        &["stats", "--format", "csv", data][..],
    ] {
        let run = |tmp: Option<&str>| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_dateline"));
            command.args(args).args(["--state", "/nonexistent/s.db"]);
            if let Some(dir) = tmp {
                command.env("TMPDIR", dir);
            }
            command.output().expect("the dateline binary runs")
        };
        let (with, without) = (run(None), run(Some("/nonexistent/no-tmp")));
        assert!(without.status.success(), "{}", stderr(&without));
        let seconds = |out: &Output| -> String {
            stdout(out)
                .lines()
                .filter(|l| !l.contains("seconds") && !l.starts_with("time"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(seconds(&with), seconds(&without), "{args:?}");
        assert!(!stdout(&with).is_empty());
    }
}
