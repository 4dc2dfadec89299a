//! Spoken quotes first: the quotes timeline lists spoken quotes, fragments only when
//! shown (and never as "Unattributed"); it is searched with `/` and narrowed to one
//! speaker from the speakers panel or its own row.

mod tui_fixture;

use dateline::model::{Corpus, Quote};
use dateline::tui::action::Action;
use dateline::tui::app::{App, Overlay, QuoteRef};
use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;

/// The speakers of the timeline's rows as shown.
fn shown_speakers(app: &App) -> Vec<String> {
    app.timeline_view
        .visible
        .iter()
        .map(|&i| app.timeline_rows[i].speaker(&app.corpus).into_owned())
        .collect()
}

#[test]
fn the_timeline_lists_spoken_quotes_and_fragments_only_when_shown() {
    let mut app = App::new(corpus());
    let all: usize = app.corpus.stories.iter().map(|s| s.quotes.len()).sum();
    press(&mut app, ch('t'));
    assert_eq!(app.timeline_view.visible.len(), all - 1, "one fragment");
    assert!(
        app.timeline_view
            .visible
            .iter()
            .all(|&i| !app.timeline_rows[i].partial)
    );
    let mut term = terminal(100, 30);
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, &format!("Quotes ({})", all - 1)).is_some());
    assert!(find(&buf, "high-quality").is_none());
    // The cafe's unattributed speech is still shown as such.
    assert!(find(&buf, "Unattributed").is_some());

    assert_eq!(press(&mut app, ch('f')), Some(Action::ToggleFragments));
    assert_eq!(app.timeline_view.visible.len(), all);
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, &format!("Quotes ({all}) with fragments")).is_some());
    let (x, y) = find(&buf, "high-quality").expect("the fragment is a row now");
    assert!(
        row_text(&buf, y).contains("(fragment)"),
        "{}",
        row_text(&buf, y)
    );
    assert!(
        !row_text(&buf, y).contains("Unattributed"),
        "a fragment is never labelled as unattributed speech"
    );
    let _ = x;
    let status = row_text(&buf, 29);
    assert!(status.contains("· fragments"), "{status}");
}

#[test]
fn toggling_fragments_keeps_the_selected_quote_selected() {
    let mut app = App::new(corpus());
    press(&mut app, ch('t'));
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    let before = app.timeline_at().unwrap();
    press(&mut app, ch('f'));
    assert_eq!(app.timeline_at(), Some(before));
    press(&mut app, ch('f'));
    assert_eq!(app.timeline_at(), Some(before));
}

#[test]
fn slash_searches_the_timeline_as_you_type_and_esc_takes_it_away() {
    let mut app = App::new(corpus());
    press(&mut app, ch('t'));
    let all = app.timeline_view.visible.len();
    assert_eq!(press(&mut app, ch('/')), Some(Action::StartSearch));
    assert!(app.typing(), "keys are text while the search is typed");
    type_str(&mut app, "budget");
    assert_eq!(
        app.timeline_view.visible.len(),
        4,
        "three budget points and Ada's quote in the budget story"
    );
    // j is text now; ↓ moves.
    assert_eq!(app.timeline_view.query, "budget");
    type_str(&mut app, " point 30");
    assert_eq!(app.timeline_view.visible.len(), 1);
    let mut term = terminal(100, 30);
    let buf = draw(&mut term, &mut app);
    let status = row_text(&buf, 29);
    assert!(status.contains("/budget point 30_ (1 quote)"), "{status}");
    assert!(status.contains("Enter:done Esc:cancel"), "{status}");
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.typing());
    assert_eq!(app.overlay, Overlay::Timeline);
    // Enter again opens the one quote left.
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, Overlay::None);
    assert!(
        app.corpus.stories[app.selected].quotes[app.current_quote.unwrap()]
            .text
            .contains("Budget point 30")
    );

    press(&mut app, ch('t'));
    press(&mut app, ch('/'));
    type_str(&mut app, "nothing like this");
    assert!(app.timeline_view.visible.is_empty());
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "No quotes match").is_some());
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(
        app.overlay,
        Overlay::Timeline,
        "Esc first takes the search away"
    );
    assert_eq!(app.timeline_view.visible.len(), all);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn the_speakers_panel_narrows_the_timeline_to_one_speaker() {
    let mut app = App::new(corpus());
    press(&mut app, ch('s'));
    type_str(&mut app, "wang");
    assert_eq!(press(&mut app, ctrl('t')), Some(Action::SpeakerQuotes));
    assert_eq!(app.overlay, Overlay::Timeline);
    let speakers = shown_speakers(&app);
    assert_eq!(speakers.len(), 4, "Wang Wen's four quotes: {speakers:?}");
    assert!(speakers.iter().all(|s| s == WANG));
    let mut term = terminal(100, 30);
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "Quotes by Wang Wen (4)").is_some());
    // Ctrl-t in the timeline shows every speaker again; on a row, narrows to its speaker.
    press(&mut app, ctrl('t'));
    assert_eq!(app.timeline_view.speaker, None);
    let every = app.timeline_view.visible.len();
    assert!(every > 4);
    let at = app.timeline_at().unwrap();
    assert_eq!(at, QuoteRef { story: 0, quote: 0 });
    press(&mut app, ctrl('t'));
    assert!(shown_speakers(&app).iter().all(|s| s == WANG));
    assert_eq!(app.timeline_at(), Some(at), "the row stays selected");
    // Opening the timeline afresh with t shows everyone.
    press(&mut app, ch('q'));
    press(&mut app, ch('t'));
    assert_eq!(app.timeline_view.visible.len(), every);
}

#[test]
fn the_speakers_panel_counts_spoken_quotes_only() {
    let app = App::new(corpus());
    for entry in &app.speakers {
        for at in &entry.quotes {
            assert!(!app.corpus.stories[at.story].quotes[at.quote].partial);
        }
    }
    let list_counts: Vec<usize> = app.list_rows.iter().map(|r| r.quotes).collect();
    assert_eq!(
        list_counts,
        vec![2, 3, 4, 1],
        "the list counts spoken quotes"
    );
}

#[test]
fn the_status_bar_counts_the_stops_of_the_brackets() {
    let mut app = App::new(corpus());
    let mut term = terminal(100, 30);
    let buf = draw(&mut term, &mut app);
    assert!(
        row_text(&buf, 29).contains("Quote -/2"),
        "{}",
        row_text(&buf, 29)
    );
    press(&mut app, ch('f'));
    let buf = draw(&mut term, &mut app);
    assert!(
        row_text(&buf, 29).contains("Quote -/3"),
        "{}",
        row_text(&buf, 29)
    );
}

/// A quote of paragraph `p` of `paragraphs`, its words written there in curly quotes.
fn said(
    paragraphs: &[String],
    p: usize,
    words: &str,
    speaker: Option<&str>,
    partial: bool,
) -> Quote {
    let marked = format!("“{words}”");
    quote(
        words,
        speaker,
        None,
        partial,
        None,
        vec![span(paragraphs, p, &marked)],
    )
}

/// Two stories whose quotes and headline hold characters that cleaning or folding
/// change: a Kelvin sign and a dotted capital I (both fold to ASCII letters), a bidi
/// control and an escape sequence (cleaned away), and a fragment whose speaker is
/// written with a tab.
fn folding_corpus() -> Corpus {
    let harbour = vec!["“Ships are back,” said Ada Lovelace.".to_string()];
    let harbour_quotes = vec![said(
        &harbour,
        0,
        "Ships are back,",
        Some("Ada Lovelace"),
        false,
    )];
    let lecture: Vec<String> = [
        "“The \u{212a}elvin scale starts at zero,” said Ada Lovelace.",
        "“Bud\u{202e}get lines are long,” the host said.",
        "She called it “wonderful” twice.",
        "“Signals \u{1b}[31mnever reach the screen,” one engineer said.",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    let lecture_quotes = vec![
        said(
            &lecture,
            0,
            "The \u{212a}elvin scale starts at zero,",
            Some("Ada Lovelace"),
            false,
        ),
        said(&lecture, 1, "Bud\u{202e}get lines are long,", None, false),
        said(&lecture, 2, "wonderful", Some("Ada\tLovelace"), true),
        said(
            &lecture,
            3,
            "Signals \u{1b}[31mnever reach the screen,",
            None,
            false,
        ),
    ];
    Corpus {
        stories: vec![
            story(
                "f1",
                "İzmir harbour reopens",
                None,
                Some(at(2026, 2, 2, 9, 0)),
                None,
                harbour,
                harbour_quotes,
            ),
            story(
                "f2",
                "An evening lecture on heat",
                None,
                Some(at(2026, 2, 1, 9, 0)),
                None,
                lecture,
                lecture_quotes,
            ),
        ],
        ..Corpus::default()
    }
}

/// The words of the timeline's rows as shown.
fn shown_words(app: &App) -> Vec<String> {
    app.timeline_view
        .visible
        .iter()
        .map(|&i| app.timeline_rows[i].words(&app.corpus).into_owned())
        .collect()
}

#[test]
fn the_timeline_search_folds_the_words_as_they_are_drawn() {
    let mut app = App::new(folding_corpus());
    press(&mut app, ch('t'));
    press(&mut app, ch('/'));
    type_str(&mut app, "kelvin");
    assert_eq!(
        shown_words(&app),
        ["The \u{212a}elvin scale starts at zero,"],
        "the Kelvin sign folds to k"
    );
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('/'));
    type_str(&mut app, "izmir");
    assert_eq!(
        shown_words(&app),
        ["Ships are back,"],
        "the headline's İ folds to i"
    );
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('/'));
    type_str(&mut app, "budget");
    assert!(
        shown_words(&app).is_empty(),
        "a control inside a word is a character of its own"
    );
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('/'));
    type_str(&mut app, "bud\u{fffd}get");
    assert_eq!(
        shown_words(&app),
        ["Bud\u{fffd}get lines are long,"],
        "the words are searched as cleaned"
    );
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('/'));
    type_str(&mut app, "[31mnever");
    assert_eq!(shown_words(&app).len(), 1);
}

#[test]
fn the_timeline_draws_page_text_cleaned() {
    let mut app = App::new(folding_corpus());
    press(&mut app, ch('t'));
    let mut term = terminal(120, 20);
    let buf = draw(&mut term, &mut app);
    let text = text_of(&buf);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert!(find(&buf, "Bud\u{fffd}get lines").is_some(), "{text}");
    assert!(find(&buf, "Signals \u{fffd}[31mnever").is_some(), "{text}");
    assert!(find(&buf, "İzmir harbour").is_some(), "{text}");
}

#[test]
fn narrowing_to_a_speaker_keeps_their_fragments_written_otherwise() {
    let mut app = App::new(folding_corpus());
    let ada = app.speaker_index["Ada Lovelace"];
    dateline::tui::timeline::open_for_speaker(&mut app, ada);
    assert_eq!(
        shown_words(&app),
        ["Ships are back,", "The \u{212a}elvin scale starts at zero,"]
    );
    press(&mut app, ch('f'));
    assert_eq!(
        shown_words(&app),
        [
            "Ships are back,",
            "The \u{212a}elvin scale starts at zero,",
            "wonderful"
        ],
        "the fragment's speaker is shown with the same name"
    );
}

#[test]
fn typing_in_the_timeline_search_shows_what_a_fresh_search_shows() {
    for query in ["budget point 3", "wang  trade", "kelvin zero", "the ships"] {
        for corpus in [corpus(), folding_corpus()] {
            let mut typing = App::new(corpus.clone());
            let mut fresh = App::new(corpus);
            for app in [&mut typing, &mut fresh] {
                press(app, ch('f'));
                press(app, ch('t'));
                press(app, ch('/'));
            }
            let mut typed = String::new();
            let mut shown = vec![typing.timeline_view.visible.clone()];
            for c in query.chars() {
                typed.push(c);
                dateline::tui::timeline::type_char(&mut typing, Some(c));
                fresh.timeline_view.query = typed.clone();
                dateline::tui::timeline::refresh(&mut fresh);
                assert_eq!(
                    typing.timeline_view.visible, fresh.timeline_view.visible,
                    "{typed:?}"
                );
                shown.push(typing.timeline_view.visible.clone());
            }
            // Backspace goes back through the same rows.
            shown.pop();
            while let Some(before) = shown.pop() {
                dateline::tui::timeline::type_char(&mut typing, None);
                assert_eq!(typing.timeline_view.visible, before, "{query:?}");
            }
            assert_eq!(typing.timeline_view.query, "");
        }
    }
}

#[test]
fn a_timeline_row_holds_no_text() {
    // A quote's place, its speaker's number and whether it is a fragment: the words,
    // speaker, time and headline are read from the corpus.
    assert!(std::mem::size_of::<dateline::tui::rows::TimelineRow>() <= 24);
}
