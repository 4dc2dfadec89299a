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

#[test]
fn the_reader_refuses_a_bad_file_before_touching_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let state = dir.path().join("state.sqlite3");
    for (text, expected) in [
        (
            "sort = \"newest\"\n\n[keys]\nnext_quote = \"ctrl-æ\"\n",
            format!("{}:4: keys.next_quote: unknown key", file.display()),
        ),
        (
            "[keys]\ndown = \"j\"\nteleport = \"t\"\n",
            format!(
                "{}:3: keys.teleport: unknown action \"teleport\"",
                file.display()
            ),
        ),
    ] {
        std::fs::write(&file, text).unwrap();
        let out = dateline(
            dir.path(),
            &[
                "--config",
                file.to_str().unwrap(),
                "--state",
                state.to_str().unwrap(),
            ],
        );
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("dateline: error: "))
            .collect();
        assert_eq!(errors.len(), 1, "{stderr}");
        assert!(errors[0].contains(&expected), "{stderr}");
        // It stopped at the configuration: not at the (missing) terminal.
        assert!(!stderr.contains("terminal"), "{stderr}");
        assert!(out.stdout.is_empty());
        assert!(!state.exists(), "no state file made");
    }
}

#[test]
fn the_default_file_names_every_reader_action() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(dir.path(), &["config", "--default"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for b in dateline::tui::keymap::KEYS {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{} = ", b.name))),
            "{} missing",
            b.name
        );
        assert!(text.contains(&format!("# {}", b.help)), "{} help", b.name);
    }
}
