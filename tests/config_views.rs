//! `[views]` in config.toml: saved filters with their keys, checked when the file is
//! read (a bad filter or a key taken names the line and the view).

use dateline::config::{Config, KeySpec};

fn views(text: &str) -> Vec<(String, String, String)> {
    Config::from_toml(text, "c.toml")
        .unwrap()
        .views
        .into_iter()
        .map(|v| (v.name, v.filter, v.key.to_string()))
        .collect()
}

fn error(text: &str) -> String {
    Config::from_toml(text, "c.toml").unwrap_err().to_string()
}

#[test]
fn views_take_digit_keys_in_file_order_or_their_own() {
    let got = views(
        "[views]\nunread_politics = \"unread section:politics\"\n\
         wang = { filter = 'speaker:\"wang wen\"', key = \"F5\" }\n\
         recent = \"since:2026-01 has:quotes\"\n",
    );
    assert_eq!(
        got,
        [
            (
                "unread_politics".to_string(),
                "unread section:politics".to_string(),
                "1".to_string()
            ),
            (
                "wang".to_string(),
                "speaker:\"wang wen\"".to_string(),
                "f5".to_string()
            ),
            (
                "recent".to_string(),
                "since:2026-01 has:quotes".to_string(),
                "2".to_string()
            ),
        ]
    );
    assert_eq!(Config::default().views, Vec::new());
}

#[test]
fn a_digit_given_to_an_action_is_skipped() {
    let got = views("[keys]\ntoggle_star = \"1\"\n[views]\na = \"unread\"\n");
    assert_eq!(got[0].2, "2");
}

#[test]
fn a_bad_filter_or_a_taken_key_names_the_line_and_view() {
    let e = error("[views]\nok = \"unread\"\nbad = \"colour:red\"\n");
    assert!(
        e.starts_with("c.toml:3: views.bad: filter, column 1: "),
        "{e}"
    );
    let e = error("[views]\nmine = { filter = \"unread\", key = \"j\" }\n");
    assert_eq!(e, "c.toml:2: views.mine: key \"j\" is also bound to down");
    let e = error(
        "[views]\na = { filter = \"unread\", key = \"x\" }\nb = { filter = \"starred\", key = \"x\" }\n",
    );
    assert!(
        e.contains("views.b: key \"x\" is also the key of view a"),
        "{e}"
    );
    let e = error("[views]\na = \"\"\n");
    assert!(e.contains("views.a"), "{e}");
    let e = error("[views]\na = 3\n");
    assert!(e.starts_with("c.toml:2"), "{e}");
    let _ = KeySpec::char('1');
}
