//! `dateline config`: the default file, the location, and checking a file.

use std::path::Path;
use std::process::{Command, Output};

use dateline::config::Config;

/// Runs `dateline ARGS` with the configuration home inside `home`.
fn dateline(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env("XDG_CONFIG_HOME", home.join("cfg"))
        .env("HOME", home)
        .output()
        .expect("run dateline")
}

#[test]
fn printed_default_file_loads_back_as_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(dir.path(), &["config", "--default"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().filter(|l| l.starts_with('#')).count() > 5,
        "not commented"
    );
    assert_eq!(
        Config::from_toml(&text, "printed").unwrap(),
        Config::default()
    );
}

#[test]
fn path_follows_xdg_and_the_config_option() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(dir.path(), &["config", "--path"]);
    let printed = String::from_utf8(out.stdout).unwrap();
    let expected = dir.path().join("cfg/dateline/config.toml");
    assert_eq!(printed.trim_end(), expected.to_str().unwrap());

    let out = dateline(
        dir.path(),
        &["--config", "/some/where.toml", "config", "--path"],
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim_end(),
        "/some/where.toml"
    );
}

#[test]
fn checking_reports_the_line_and_key_of_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    // No file at the default place: fine, the defaults are used.
    let out = dateline(dir.path(), &["config"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("defaults"));

    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "sort = \"oldest\"\n\n[keys]\nnext_quote = \"ctrl-æ\"\n",
    )
    .unwrap();
    let out = dateline(dir.path(), &["config", "--config", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:4: keys.next_quote: unknown key \"ctrl-æ\"",
            file.display()
        )),
        "{stderr}"
    );

    std::fs::write(&file, "sort = \"oldest\"\n").unwrap();
    let out = dateline(dir.path(), &["--config", file.to_str().unwrap(), "config"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let missing = dir.path().join("none.toml");
    let out = dateline(
        dir.path(),
        &["config", "--config", missing.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("none.toml"));
}
