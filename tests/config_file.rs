//! The configuration file: defaults round-trip, overrides, and errors that name the
//! line and the key at fault.

use dateline::config::{Config, ConfigError, KeySpec, SortOrder, default_toml};
use dateline::tui::keymap::KEYS;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

/// The error for `text`, as `(line, key, message)`.
fn error_of(text: &str) -> (Option<usize>, Option<String>, String) {
    match Config::from_toml(text, "my.toml") {
        Ok(c) => panic!("expected an error for {text:?}, got {c:?}"),
        Err(ConfigError::Invalid(at)) => {
            assert_eq!(at.file, "my.toml");
            (at.line, at.key, at.message)
        }
        Err(other) => panic!("unexpected {other:?}"),
    }
}

#[test]
fn the_default_file_loads_back_as_the_defaults() {
    let loaded = Config::from_toml(&default_toml(), "default.toml").unwrap();
    assert_eq!(loaded, Config::default());
    // And it really spells out every action of the reader's key table with its
    // default keys (not just an empty file).
    for b in KEYS {
        let binding = loaded.keys.iter().find(|x| x.action == b.name).unwrap();
        assert!(
            binding.line.is_some(),
            "{} not written in the default file",
            b.name
        );
        assert_eq!(binding.keys, b.keys, "{}", b.name);
    }
    assert_eq!(loaded.keys.iter().count(), KEYS.len(), "no other actions");
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(Config::from_toml("", "e.toml").unwrap(), Config::default());
    assert_eq!(
        Config::from_toml("# only a comment\n", "e.toml").unwrap(),
        Config::default()
    );
}

#[test]
fn settings_override_the_defaults() {
    let text = r##"
sort = "quotes"

[theme]
selection = "#102030"
quote_palette = ["red", "indexed 208"]
read = "light-blue"

[keys]
next_quote = ["j", "ctrl-n"]
help = []
"##;
    let config = Config::from_toml(text, "c.toml").unwrap();
    assert_eq!(config.sort, SortOrder::Quotes);
    assert_eq!(config.theme.selection, Color::Rgb(0x10, 0x20, 0x30));
    assert_eq!(
        config.theme.quote_palette,
        vec![Color::Red, Color::Indexed(208)]
    );
    assert_eq!(config.theme.read, Color::LightBlue);
    // Untouched settings keep their defaults.
    assert_eq!(config.theme.starred, Config::default().theme.starred);

    let keys = &config.keys;
    assert_eq!(
        keys.action_for(&press(KeyCode::Char('j'), KeyModifiers::NONE)),
        Some("next_quote")
    );
    assert_eq!(
        keys.action_for(&press(KeyCode::Char('n'), KeyModifiers::CONTROL)),
        Some("next_quote")
    );
    // "j" was taken away from `down`, which keeps its other key.
    assert_eq!(keys.keys_for("down"), &[KeySpec::parse("down").unwrap()]);
    assert_eq!(
        keys.action_for(&press(KeyCode::Down, KeyModifiers::NONE)),
        Some("down")
    );
    // `help` is unbound: "?" does nothing now.
    assert!(keys.keys_for("help").is_empty());
    assert_eq!(
        keys.action_for(&press(KeyCode::Char('?'), KeyModifiers::SHIFT)),
        None
    );
}

#[test]
fn actions_the_reader_does_not_know_are_reported_with_their_line() {
    let text = "sort = \"oldest\"\n\n[keys]\ndown = \"j\"\njump_to_moon = \"m\"\n";
    let (line, key, message) = error_of(text);
    assert_eq!(line, Some(5));
    assert_eq!(key.as_deref(), Some("keys.jump_to_moon"));
    assert!(
        message.starts_with("unknown action \"jump_to_moon\" (known: "),
        "{message}"
    );
    // The message lists the reader's own action names.
    assert!(message.contains("next_quote") && message.contains("toggle_star"));
    // Every action of the reader's table is accepted.
    for b in KEYS {
        let text = format!("[keys]\n{} = \"f9\"\n", b.name);
        let config = Config::from_toml(&text, "ok.toml").unwrap();
        assert_eq!(
            config
                .keys
                .action_for(&press(KeyCode::F(9), KeyModifiers::NONE)),
            Some(b.name)
        );
    }
}

#[test]
fn a_bad_key_spec_names_line_key_and_spec() {
    let text = "[theme]\nread = \"gray\"\n\n[keys]\nup = \"k\"\nnext_quote = [\"]\", \"ctrl-æ\"]\n";
    let (line, key, message) = error_of(text);
    assert_eq!(line, Some(6));
    assert_eq!(key.as_deref(), Some("keys.next_quote"));
    assert!(message.starts_with("unknown key \"ctrl-æ\""), "{message}");
}

#[test]
fn bad_values_name_line_and_key() {
    let cases: &[(&str, usize, &str, &str)] = &[
        (
            "\n[theme]\nselection = \"blu\"\n",
            3,
            "theme.selection",
            "unknown colour \"blu\"",
        ),
        (
            "[theme]\nquote_palette = [\"red\", \"#12\"]\n",
            2,
            "theme.quote_palette",
            "unknown colour \"#12\"",
        ),
        (
            "[theme]\nquote_palette = []\n",
            2,
            "theme.quote_palette",
            "at least one",
        ),
        (
            "# c\nsort = \"random\"\n",
            2,
            "sort",
            "unknown sort \"random\"",
        ),
        ("[keys]\nup = 7\n", 2, "keys.up", "found integer"),
        (
            "[keys]\n\"Next Quote\" = \"x\"\n",
            2,
            "keys.Next Quote",
            "not an action name",
        ),
        (
            "[keys]\nnext_quote = \"x\"\nprev_quote = [\"y\", \"x\"]\n",
            3,
            "keys.prev_quote",
            "also bound to next_quote (line 2)",
        ),
    ];
    for (text, want_line, want_key, want_message) in cases {
        let (line, key, message) = error_of(text);
        assert_eq!(line, Some(*want_line), "{text:?}: {message}");
        assert_eq!(key.as_deref(), Some(*want_key), "{text:?}");
        assert!(message.contains(want_message), "{text:?}: {message}");
    }
}

#[test]
fn unknown_keys_and_syntax_errors_name_their_line() {
    let cases: &[(&str, usize, &str, &str)] = &[
        (
            "sort = \"newest\"\n[theme]\ncolour = \"red\"\n",
            3,
            "theme.colour",
            "unknown field",
        ),
        (
            "\n\n[colours]\nred = \"red\"\n",
            3,
            "colours",
            "unknown field",
        ),
        ("[theme]\nread = 3\n", 2, "theme.read", "invalid type"),
        ("sort = \"newest\n", 1, "sort", ""),
        ("[theme]\nread = \"gray\"\n[theme]\n", 3, "theme", ""),
    ];
    for (text, want_line, want_key, want_message) in cases {
        let (line, key, message) = error_of(text);
        assert_eq!(line, Some(*want_line), "{text:?}: {message}");
        assert_eq!(key.as_deref(), Some(*want_key), "{text:?}: {message}");
        assert!(message.contains(want_message), "{text:?}: {message}");
        assert!(!message.contains('\n'), "{message:?}");
    }
}

#[test]
fn load_reads_a_file_and_names_it_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\nquit = \"x\"\n").unwrap();
    let config = Config::load(&path).unwrap();
    assert_eq!(
        config
            .keys
            .action_for(&press(KeyCode::Char('x'), KeyModifiers::NONE)),
        Some("quit")
    );

    std::fs::write(&path, "[keys]\nquit = \"ctrl-\"\n").unwrap();
    let msg = Config::load(&path).unwrap_err().to_string();
    assert!(
        msg.starts_with(&format!("{}:2: keys.quit: unknown key", path.display())),
        "{msg}"
    );

    let missing = dir.path().join("missing.toml");
    let err = Config::load_or_default(Some(&missing)).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }), "{err:?}");
    assert!(err.to_string().contains("missing.toml"), "{err}");
}
