//! The reader on the real seed page, loaded by the real loader and quote finder:
//! jumping between one official's quotes and opening a speaker from the panel.

mod tui_fixture;

use dateline::tui::app::{App, Focus, Overlay};
use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;

const SEED: &str = include_str!("../assets/samples/000_f7038c5fbcec46f4.txt");
const TRADE: &str = "China unveils key measures for high-quality foreign trade growth in 2026";
const CLIMATE: &str = "UN discourages any efforts to retreat from climate commitments: spokesman";

fn seed_app() -> App {
    let corpus = dateline::ingest::load_pages([("seed.txt".to_string(), SEED.as_bytes().to_vec())]);
    App::new(corpus)
}

fn story_index(app: &App, headline: &str) -> usize {
    app.corpus
        .stories
        .iter()
        .position(|s| s.headline == headline)
        .expect("the seed story is loaded")
}

/// The speaker and paragraph of the current quote.
fn current(app: &App) -> (String, usize) {
    let story = &app.corpus.stories[app.selected];
    let quote = &story.quotes[app.current_quote.expect("a current quote")];
    (
        quote.speaker.as_deref().unwrap_or_default().to_string(),
        quote.paragraph as usize,
    )
}

#[test]
fn from_wangs_first_quote_next_by_speaker_visits_his_other_two() {
    let mut app = seed_app();
    let trade = story_index(&app, TRADE);
    while app.selected != trade {
        press(&mut app, ch('j'));
    }
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch(']'));
    assert_eq!(current(&app), ("Wang Zhihua".to_string(), 4));
    press(&mut app, ch('}'));
    assert_eq!(current(&app), ("Wang Zhihua".to_string(), 6));
    press(&mut app, ch('}'));
    assert_eq!(current(&app), ("Wang Zhihua".to_string(), 9));
    assert_eq!(app.selected, trade, "all three are in the trade story");
    press(&mut app, ch('{'));
    assert_eq!(current(&app), ("Wang Zhihua".to_string(), 6));
}

#[test]
fn choosing_farhan_haq_in_the_speakers_panel_opens_the_un_story_at_his_quote() {
    let mut app = seed_app();
    let climate = story_index(&app, CLIMATE);
    press(&mut app, ch('s'));
    assert_eq!(app.overlay, Overlay::Speakers);
    type_str(&mut app, "haq");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.selected, climate);
    assert_eq!(current(&app), ("Farhan Haq".to_string(), 2));
    let mut terminal = terminal(100, 30);
    let buffer = draw(&mut terminal, &mut app);
    let screen: String = buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(
        screen.contains("It's important for us"),
        "the quote is on screen"
    );
    assert!(
        screen.contains("Farhan Haq"),
        "its speaker label is on screen"
    );
}
