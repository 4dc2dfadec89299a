//! `o` opens the story's address and `y` copies the current quote: the keys, the
//! command built (nothing is launched: the launcher is a recorder), and the OSC 52
//! bytes written to the terminal.

mod tui_fixture;

use std::io;

use dateline::config::Config;
use dateline::model::Origin;
use dateline::tui::action::Action;
use dateline::tui::app::{App, Overlay};
use dateline::tui::share::{self, Effect, Launcher, Opener, opener_for, osc52};
use tui_fixture::*;

/// A launcher that records what it was asked to run.
#[derive(Default)]
struct Recorder {
    launched: Vec<Opener>,
    fail: bool,
}

impl Launcher for Recorder {
    fn launch(&mut self, opener: &Opener) -> io::Result<()> {
        self.launched.push(opener.clone());
        if self.fail {
            Err(io::Error::new(io::ErrorKind::NotFound, "no such program"))
        } else {
            Ok(())
        }
    }
}

fn with_url(url: &str) -> App {
    let mut corpus = corpus();
    corpus.stories[0].origin = Origin {
        url: Some(url.to_string()),
        ..Origin::default()
    }
    .boxed();
    App::new(corpus)
}

#[test]
fn o_and_y_are_bound_on_the_main_screen_and_type_text_in_a_search() {
    let mut app = App::new(corpus());
    assert_eq!(
        dateline::tui::keymap::action_for_key(&app, ch('o')),
        Some(Action::OpenLink)
    );
    assert_eq!(
        dateline::tui::keymap::action_for_key(&app, ch('y')),
        Some(Action::CopyQuote)
    );
    press(&mut app, ch('/'));
    assert_eq!(press(&mut app, ch('o')), Some(Action::Type('o')));
    assert_eq!(press(&mut app, ch('y')), Some(Action::Type('y')));
    assert!(app.effects.is_empty());
}

#[test]
fn o_records_the_system_opener_with_the_address_last() {
    let mut app = with_url("https://ledger.example/port-quay");
    press(&mut app, ch('o'));
    let expected = Opener {
        program: share::system_opener()[0].clone(),
        args: vec!["https://ledger.example/port-quay".to_string()],
    };
    assert_eq!(app.effects, vec![Effect::Open(expected.clone())]);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("Opening https://ledger.example/port-quay"),
        "{:?}",
        app.message
    );
    // The event loop hands it to the launcher, and nothing is written to the terminal.
    let mut recorder = Recorder::default();
    let mut terminal = Vec::new();
    let problem = share::perform(
        std::mem::take(&mut app.effects),
        &mut recorder,
        &mut terminal,
    );
    assert_eq!(problem, None);
    assert_eq!(recorder.launched, vec![expected]);
    assert!(terminal.is_empty());
}

#[test]
fn the_configured_opener_is_used_with_its_placeholder() {
    let config = Config::from_toml(
        "[reader]\nopener = [\"firefox\", \"--new-tab\", \"{url}\", \"--private\"]\n",
        "c.toml",
    )
    .unwrap();
    let mut corpus = corpus();
    corpus.stories[0].origin = Origin {
        url: Some("https://a.example/x".to_string()),
        ..Origin::default()
    }
    .boxed();
    let mut app = App::with_config(corpus, &config, false);
    press(&mut app, ch('o'));
    assert_eq!(
        app.effects,
        vec![Effect::Open(Opener {
            program: "firefox".to_string(),
            args: vec![
                "--new-tab".to_string(),
                "https://a.example/x".to_string(),
                "--private".to_string()
            ],
        })]
    );
    // A string is split at whitespace, and the address goes last.
    let opener = opener_for(
        &["lynx".to_string(), "-accept_all_cookies".to_string()],
        "https://b.example",
    );
    assert_eq!(opener.program, "lynx");
    assert_eq!(opener.args, ["-accept_all_cookies", "https://b.example"]);
    let from_string =
        Config::from_toml("[reader]\nopener = \"open -a Safari\"\n", "c.toml").unwrap();
    assert_eq!(from_string.reader.opener, ["open", "-a", "Safari"]);
}

#[test]
fn a_bad_opener_setting_names_the_line_and_key() {
    for text in [
        "[reader]\nopener = []\n",
        "[reader]\nopener = \"  \"\n",
        "[reader]\nopener = 3\n",
        "[reader]\nopener = [\"a\", 1]\n",
    ] {
        let err = Config::from_toml(text, "c.toml").unwrap_err().to_string();
        assert!(
            err.starts_with("c.toml:2: reader.opener: "),
            "{text:?}: {err}"
        );
    }
}

#[test]
fn a_story_without_an_address_says_so_and_runs_nothing() {
    let mut app = App::new(corpus());
    press(&mut app, ch('o'));
    assert!(app.effects.is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("This story has no address to open")
    );
}

#[test]
fn an_address_that_is_not_http_is_never_handed_to_the_opener() {
    for url in ["javascript:alert(1)", "--version", "file:///etc/passwd"] {
        let mut app = with_url(url);
        press(&mut app, ch('o'));
        assert!(app.effects.is_empty(), "{url}");
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .starts_with("Not a web address"),
            "{url}: {:?}",
            app.message
        );
    }
}

#[test]
fn a_launcher_failure_reaches_the_status_bar() {
    let mut recorder = Recorder {
        fail: true,
        ..Recorder::default()
    };
    let effects = vec![Effect::Open(opener_for(&[], "https://a.example"))];
    let problem = share::perform(effects, &mut recorder, &mut Vec::new()).unwrap();
    assert!(problem.starts_with("Cannot run "), "{problem}");
    assert!(problem.contains("no such program"), "{problem}");
}

#[test]
fn y_copies_the_current_quote_with_speaker_story_and_date_as_osc_52() {
    let mut app = App::new(corpus());
    press(&mut app, ch('y'));
    assert!(app.effects.is_empty(), "no quote selected yet");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("No quote selected")
    );
    press(&mut app, ch(']'));
    press(&mut app, ch('y'));
    let expected = "“We will accelerate innovation-driven growth, and open the market wider.” \
                    — Wang Wen, Ministry of Commerce spokesperson \
                    (“Ministry unveils trade measures for 2026”, 2026-01-26 17:14)";
    assert_eq!(app.effects, vec![Effect::Copy(expected.to_string())]);
    assert_eq!(
        app.message.as_deref(),
        Some("Quote copied to the clipboard (OSC 52)")
    );
    let mut recorder = Recorder::default();
    let mut terminal = Vec::new();
    share::perform(
        std::mem::take(&mut app.effects),
        &mut recorder,
        &mut terminal,
    );
    assert!(recorder.launched.is_empty());
    let prefix = b"\x1b]52;c;";
    assert!(terminal.starts_with(prefix), "{terminal:?}");
    assert_eq!(terminal.last(), Some(&0x07));
    let payload = std::str::from_utf8(&terminal[prefix.len()..terminal.len() - 1]).unwrap();
    assert_eq!(payload, share::base64(expected.as_bytes()));
}

#[test]
fn the_osc_52_bytes_are_exact_and_carry_no_control_from_the_page() {
    assert_eq!(osc52("hi"), b"\x1b]52;c;aGk=\x07".to_vec());
    // Escape sequences in page text are cleaned before encoding, and base64 leaves
    // only its own alphabet between the sequence's ends.
    let bytes = osc52("evil\u{1b}]52;c;AAAA\u{7}\u{9b}2J\nline");
    let body = &bytes[7..bytes.len() - 1];
    assert!(
        body.iter()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b)),
        "{body:?}"
    );
    assert_eq!(bytes.iter().filter(|b| **b == 0x1b).count(), 1);
    assert_eq!(bytes.iter().filter(|b| **b == 0x07).count(), 1);
    // A huge quote is cut, never sent whole.
    let long = "x".repeat(share::CLIPBOARD_MAX * 2);
    assert!(osc52(&long).len() <= share::CLIPBOARD_MAX.div_ceil(3) * 4 + 8);
}

#[test]
fn a_fragment_and_an_unknown_speaker_are_named_as_such_and_ascii_stays_ascii() {
    let corpus = corpus();
    let trade = &corpus.stories[0];
    let fragment = share::clipboard_text(trade, &trade.quotes[1], false);
    assert!(fragment.contains("— fragment ("), "{fragment}");
    let cafe = &corpus.stories[3];
    let unknown = share::clipboard_text(cafe, &cafe.quotes[0], true);
    assert_eq!(
        unknown,
        "\"Business has never been better,\" - speaker unknown (\"Cafe\u{301} owners cheer the return of tourists 👍🏽\")"
    );
}

#[test]
fn in_the_quotes_timeline_o_and_y_act_on_the_selected_quote() {
    let mut app = with_url("https://ledger.example/trade");
    press(&mut app, ch('t'));
    assert_eq!(app.overlay, Overlay::Timeline);
    let at = app.timeline_at().unwrap();
    press(&mut app, ch('y'));
    let quote = &app.corpus.stories[at.story].quotes[at.quote];
    match app.effects.as_slice() {
        [Effect::Copy(text)] => assert!(text.contains(quote.text.trim()), "{text}"),
        other => panic!("{other:?}"),
    }
    app.effects.clear();
    press(&mut app, ch('o'));
    if at.story == 0 {
        assert_eq!(app.effects.len(), 1);
    } else {
        assert!(app.message.as_deref().unwrap().contains("no address"));
    }
    assert_eq!(app.overlay, Overlay::Timeline, "the timeline stays open");
}

#[cfg(unix)]
#[test]
fn the_system_launcher_starts_a_program_without_waiting_and_reports_a_missing_one() {
    use dateline::tui::share::SystemLauncher;
    let mut launcher = SystemLauncher;
    // `true` stands in for a browser: it takes the address and exits at once.
    let started = std::time::Instant::now();
    let ok = launcher.launch(&opener_for(&["true".to_string()], "https://a.example"));
    assert!(ok.is_ok(), "{ok:?}");
    let sleeper = opener_for(&["sleep".to_string(), "{url}".to_string()], "3");
    assert_eq!(sleeper.args, ["3"]);
    assert!(launcher.launch(&sleeper).is_ok());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "the reader never waits for the opener"
    );
    let missing = launcher.launch(&opener_for(
        &["dateline-no-such-opener".to_string()],
        "https://a.example",
    ));
    assert_eq!(missing.unwrap_err().kind(), io::ErrorKind::NotFound);
}

#[test]
fn y_gives_the_speakers_most_used_title_when_the_story_gives_none() {
    let mut corpus = corpus();
    // The trade story's first quote loses its title there; the budget story (index 2)
    // still calls the same spokesperson by it.
    corpus.stories[0].quotes[0].speaker_title = None;
    let mut app = App::new(corpus);
    press(&mut app, ch(']'));
    press(&mut app, ch('y'));
    let [Effect::Copy(text)] = app.effects.as_slice() else {
        panic!("one copy expected: {:?}", app.effects);
    };
    assert!(
        text.contains("— Wang Wen, Ministry of Commerce spokesperson ("),
        "{text}"
    );
}
