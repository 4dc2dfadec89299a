//! Spoken quotes first: the quotes timeline lists spoken quotes, fragments only when
//! shown (and never as "Unattributed"); it is searched with `/` and narrowed to one
//! speaker from the speakers panel or its own row.

mod tui_fixture;

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
