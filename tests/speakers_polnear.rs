//! Speaker titles and the directory on real news: `../shared/tools/speaker_score.py` run on
//! the development corpus (`../shared/data/polnear-train`, whose `titles-gold.json` labels,
//! for 120 articles, every phrase saying who each quoted person is) with the `dateline`
//! binary built for this test.
//!
//! Fails when a figure falls more than 0.02 below what was measured when the title rules
//! were last changed (the README gives them). Skips, with a message, when the corpus, the
//! script or Python is absent (a clone of the project alone has none).

use std::path::Path;
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");

/// Title precision, title recall, one name per person and directory titles right, as
/// measured at the last change of the title rules.
const MEASURED: [(&str, f64); 4] = [
    ("title precision", 0.991),
    ("title recall", 0.902),
    ("one name per person", 0.997),
    ("directory titles right", 0.985),
];

/// The figure printed after `name` in the script's summary line.
fn figure(line: &str, name: &str) -> Option<f64> {
    let rest = &line[line.find(name)? + name.len()..];
    rest.split_whitespace().next()?.parse().ok()
}

#[test]
fn titles_and_directory_hold_their_figures() {
    let dir = Path::new(ROOT).join("data/polnear-train");
    let script = Path::new(ROOT).join("tools/speaker_score.py");
    if !dir.join("titles-gold.json").exists() || !script.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let out = match Command::new("python3")
        .arg(&script)
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .arg(&dir)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipped: python3 did not run ({e})");
            return;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "speaker_score.py failed: {text}");
    let line = text.lines().last().unwrap_or_default();
    eprintln!("{line}");
    for (name, measured) in MEASURED {
        let now = figure(line, name).unwrap_or_else(|| panic!("no {name} in {line:?}"));
        assert!(
            now >= measured - 0.02,
            "{name} fell to {now:.3} (measured {measured:.3})"
        );
    }
}
