//! Actions applied to the reader's state, without a terminal.

mod tui_fixture;

use dateline::model::Corpus;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::{App, Focus, Overlay, QuoteRef, SearchSource};
use dateline::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;

fn app() -> App {
    App::new(corpus())
}

/// Whether the selected story's quote `q` has its first row in view.
fn quote_visible(app: &mut App, q: usize) -> bool {
    let wrapped = app.wrapped();
    let (_, height) = app.text_size();
    let row = wrapped.quote_rows[q].first;
    app.scroll <= row && row < app.scroll + usize::from(height)
}

#[test]
fn list_moves_clamp_at_both_ends() {
    let mut app = app();
    press(&mut app, ch('k'));
    assert_eq!(app.selected, 0);
    for _ in 0..10 {
        press(&mut app, ch('j'));
    }
    assert_eq!(app.selected, 3);
    press(&mut app, ch('g'));
    assert_eq!(app.selected, 0);
    press(&mut app, ch('G'));
    assert_eq!(app.selected, 3);
    press(&mut app, key(KeyCode::Up));
    assert_eq!(app.selected, 2);
}

#[test]
fn moving_in_the_list_shows_the_new_story_from_the_top() {
    let mut app = app();
    press(&mut app, ch(']'));
    assert_eq!(app.current_quote, Some(0));
    press(&mut app, ch('h'));
    press(&mut app, ch('j'));
    assert_eq!(app.selected, 1);
    assert_eq!(app.scroll, 0);
    assert_eq!(app.current_quote, None);
}

#[test]
fn q_goes_back_and_quits_only_from_the_list() {
    let mut app = app();
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.read[0], "opening marks the story read");
    assert!(!app.read[1]);
    press(&mut app, ch('q'));
    assert_eq!(app.focus, Focus::List);
    assert!(!app.should_quit());
    press(&mut app, ch('s'));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
    press(&mut app, ch('t'));
    press(&mut app, ch('q'));
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.should_quit());
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.should_quit(), "Esc never quits");
    press(&mut app, ch('q'));
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    for setup in [None, Some('s'), Some('t'), Some('?'), Some('/')] {
        let mut app = app();
        if let Some(c) = setup {
            press(&mut app, ch(c));
        }
        press(&mut app, ctrl('c'));
        assert!(app.should_quit(), "{setup:?}");
    }
}

#[test]
fn panes_switch_with_tab_h_and_l() {
    let mut app = app();
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::List);
    press(&mut app, ch('l'));
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, ch('h'));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn reader_scrolling_clamps_to_the_story() {
    let mut app = app();
    press(&mut app, ch('G'));
    press(&mut app, ch('k')); // the long budget story
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('k'));
    assert_eq!(app.scroll, 0);
    press(&mut app, ch('j'));
    assert_eq!(app.scroll, 1);
    press(&mut app, ctrl('d'));
    let (_, height) = app.text_size();
    let half = usize::from(height.saturating_sub(1) / 2);
    assert_eq!(app.scroll, 1 + half);
    press(&mut app, ctrl('u'));
    assert_eq!(app.scroll, 1);
    press(&mut app, ch(' '));
    assert_eq!(app.scroll, 1 + usize::from(height - 1));
    press(&mut app, key(KeyCode::PageUp));
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(app.scroll, 1 + usize::from(height - 1));
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.scroll, 1);
    press(&mut app, ch('G'));
    let max = app.max_scroll();
    assert!(max > 0);
    assert_eq!(app.scroll, max);
    press(&mut app, ch('j'));
    assert_eq!(app.scroll, max);
    press(&mut app, ch('g'));
    assert_eq!(app.scroll, 0);
}

#[test]
fn brackets_step_through_the_spoken_quotes_of_the_story() {
    let mut app = app();
    press(&mut app, ch(']'));
    assert_eq!(app.current_quote, Some(0));
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, ch(']'));
    assert_eq!(
        app.current_quote,
        Some(2),
        "the fragment (quote 1, “high-quality”) is passed over"
    );
    press(&mut app, ch(']'));
    assert_eq!(
        (app.selected, app.current_quote),
        (1, Some(0)),
        "past the last quote: the next story's first"
    );
    let total = app.corpus.stories[1].quotes.len();
    assert_eq!(
        app.message.as_deref(),
        Some(format!("Next story: quote 1 of {total}").as_str())
    );
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.read[1], "the next story is opened");
    press(&mut app, ch('['));
    assert_eq!(
        (app.selected, app.current_quote),
        (0, Some(2)),
        "before the first quote: the previous story's last"
    );
    assert_eq!(app.message.as_deref(), Some("Previous story: quote 2 of 2"));
    press(&mut app, ch('['));
    assert_eq!(app.current_quote, Some(0));
    press(&mut app, ch('['));
    assert_eq!((app.selected, app.current_quote), (0, Some(0)));
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("No earlier quote"),
        "the first story has no previous one"
    );
}

#[test]
fn with_fragments_shown_the_brackets_stop_on_them_too() {
    let mut app = app();
    assert_eq!(press(&mut app, ch('f')), Some(Action::ToggleFragments));
    assert!(app.show_fragments);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("Fragments shown")
    );
    for expected in [0, 1, 2] {
        press(&mut app, ch(']'));
        assert_eq!((app.selected, app.current_quote), (0, Some(expected)));
    }
    press(&mut app, ch('f'));
    assert!(!app.show_fragments);
    press(&mut app, ch('['));
    assert_eq!(app.current_quote, Some(0), "back over the fragment");
}

#[test]
fn the_fragments_setting_in_the_config_starts_them_shown() {
    let config =
        dateline::config::Config::from_toml("[reader]\nshow_fragments = true\n", "c.toml").unwrap();
    let mut app = App::with_config(corpus(), &config, false);
    assert!(app.show_fragments);
    press(&mut app, ch(']'));
    press(&mut app, ch(']'));
    assert_eq!(app.current_quote, Some(1));
    let all: usize = app.corpus.stories.iter().map(|s| s.quotes.len()).sum();
    assert_eq!(app.timeline_view.visible.len(), all);
}

#[test]
fn brackets_pass_over_stories_without_quotes() {
    let mut corpus = corpus();
    corpus.stories[1].quotes.clear();
    let mut app = App::new(corpus);
    for _ in 0..3 {
        press(&mut app, ch(']'));
    }
    assert_eq!((app.selected, app.current_quote), (2, Some(0)));
    press(&mut app, ch('['));
    assert_eq!((app.selected, app.current_quote), (0, Some(2)));
}

#[test]
fn brackets_scroll_a_far_quote_into_view() {
    let mut app = app();
    app.select_story(2);
    press(&mut app, ch(']'));
    press(&mut app, ch(']'));
    press(&mut app, ch(']'));
    press(&mut app, ch(']'));
    assert_eq!(app.current_quote, Some(3));
    assert!(app.scroll > 0);
    assert!(quote_visible(&mut app, 3));
    press(&mut app, ch('['));
    assert!(quote_visible(&mut app, 2));
}

#[test]
fn a_story_without_quotes_says_so() {
    let mut corpus = corpus();
    for story in &mut corpus.stories {
        story.quotes.clear();
    }
    let mut app = App::new(corpus);
    press(&mut app, ch(']'));
    assert_eq!((app.selected, app.current_quote), (0, None));
    assert_eq!(
        app.message.as_deref(),
        Some("No quotes in this story or any later one")
    );
}

#[test]
fn braces_follow_one_speaker_across_stories_in_story_then_position_order() {
    let mut app = app();
    press(&mut app, ch(']')); // Wang Wen in the trade story
    let mut seen = vec![QuoteRef {
        story: app.selected,
        quote: app.current_quote.unwrap_or(usize::MAX),
    }];
    for _ in 0..3 {
        press(&mut app, ch('}'));
        seen.push(QuoteRef {
            story: app.selected,
            quote: app.current_quote.unwrap_or(usize::MAX),
        });
        let current = app.current_quote.unwrap_or(0);
        assert!(quote_visible(&mut app, current));
    }
    let expected = [(0, 0), (2, 0), (2, 1), (2, 3)].map(|(story, quote)| QuoteRef { story, quote });
    assert_eq!(seen, expected);
    for at in &seen {
        let q = &app.corpus.stories[at.story].quotes[at.quote];
        assert_eq!(q.speaker.as_deref(), Some(WANG));
    }
    press(&mut app, ch('}'));
    assert_eq!((app.selected, app.current_quote), (2, Some(3)));
    assert_eq!(app.message.as_deref(), Some("No later quote by Wang Wen"));
    press(&mut app, ch('{'));
    assert_eq!((app.selected, app.current_quote), (2, Some(1)));
    assert!(app.read[2], "jumping to a story marks it read");
}

#[test]
fn braces_skip_speakers_other_than_the_current_one() {
    let mut app = app();
    app.select_story(1);
    press(&mut app, ch(']'));
    press(&mut app, ch(']')); // Li Qiang in the port story
    assert_eq!(app.current_quote, Some(1));
    press(&mut app, ch('{'));
    assert_eq!((app.selected, app.current_quote), (0, Some(2)));
    press(&mut app, ch('}'));
    assert_eq!((app.selected, app.current_quote), (1, Some(1)));
}

#[test]
fn braces_without_a_current_quote_take_the_first_attributed_one_in_view() {
    let mut app = app();
    app.select_story(1);
    press(&mut app, ch('}'));
    let q = app.current_quote.map(|q| &app.corpus.stories[1].quotes[q]);
    assert_eq!(q.and_then(|q| q.speaker.as_deref()), Some(CHEN));
    press(&mut app, ch('}'));
    assert_eq!((app.selected, app.current_quote), (1, Some(2)));
}

#[test]
fn an_unattributed_quote_has_no_speaker_to_follow() {
    let mut app = app();
    app.select_story(3);
    press(&mut app, ch(']'));
    press(&mut app, ch('}'));
    assert_eq!(
        app.message.as_deref(),
        Some("This quote has no known speaker")
    );
}

#[test]
fn speakers_are_listed_by_quote_count_with_their_titles() {
    let app = app();
    let names: Vec<&str> = app.speakers.iter().map(|s| s.display.as_str()).collect();
    assert_eq!(names, [WANG, CHEN, LI, ADA]);
    let counts: Vec<usize> = app.speakers.iter().map(|s| s.quotes.len()).collect();
    assert_eq!(counts, [4, 2, 2, 1]);
    assert_eq!(app.speakers[1].titles, ["Mayor of Xiamen", "市长"]);
}

#[test]
fn speakers_panel_shows_the_directory_titles_ranked_and_searches_all_of_them() {
    let mut corpus = corpus();
    corpus.speakers.push(dateline::model::Speaker {
        name: CHEN.to_string(),
        titles: vec![
            "Mayor of Xiamen".to_string(),
            "party secretary".to_string(),
            "keynote guest".to_string(),
        ],
        title_stories: vec![5, 2, 1],
        quote_count: 2,
        stories: Vec::new(),
    });
    let mut app = App::new(corpus);
    let chen = app.speakers.iter().position(|s| s.display == CHEN).unwrap();
    // The title given once beside titles given more often is left out of the panel...
    assert_eq!(
        app.speakers[chen].titles,
        ["Mayor of Xiamen", "party secretary"]
    );
    // ...but still finds the speaker when typed in the panel's filter.
    press(&mut app, ch('s'));
    type_str(&mut app, "keynote");
    let visible: Vec<&str> = app
        .speakers_panel
        .visible
        .iter()
        .map(|&i| app.speakers[i].display.as_str())
        .collect();
    assert_eq!(visible, [CHEN]);
}

#[test]
fn speakers_panel_filters_as_you_type_and_enter_jumps_to_the_first_quote() {
    let mut app = app();
    press(&mut app, ch('s'));
    assert_eq!(app.overlay, Overlay::Speakers);
    assert_eq!(app.speakers_panel.visible.len(), 4);
    type_str(&mut app, "PREM");
    let visible: Vec<&str> = app
        .speakers_panel
        .visible
        .iter()
        .map(|&i| app.speakers[i].display.as_str())
        .collect();
    assert_eq!(visible, [LI], "filters names and titles, ignoring case");
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(app.speakers_panel.visible.len(), 4);
    type_str(&mut app, "okafor");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!((app.selected, app.current_quote), (2, Some(2)));
    assert_eq!(app.focus, Focus::Reader);
    assert!(quote_visible(&mut app, 2));
}

#[test]
fn speakers_panel_moves_with_arrows_and_a_filter_without_match_keeps_it_open() {
    let mut app = app();
    press(&mut app, ch('s'));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.speakers_panel.selected, 2);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!((app.selected, app.current_quote), (0, Some(2)), "Li Qiang");
    press(&mut app, ch('s'));
    type_str(&mut app, "zzz");
    assert!(app.speakers_panel.visible.is_empty());
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, Overlay::Speakers);
}

#[test]
fn the_timeline_is_newest_first_with_undated_quotes_last() {
    let app = app();
    let stories: Vec<usize> = app.timeline_rows.iter().map(|r| r.at.story).collect();
    assert_eq!(stories, [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3]);
    assert_eq!(app.timeline_rows[0].time(&app.corpus), "2026-01-26 17:14");
    assert_eq!(app.timeline_rows[10].time(&app.corpus), "");
}

#[test]
fn timeline_enter_opens_the_story_scrolled_to_the_quote() {
    let mut app = app();
    let mut term = terminal(100, 30);
    draw(&mut term, &mut app);
    press(&mut app, ch('t'));
    // The timeline lists spoken quotes: the fragment of the first story is not a row.
    for _ in 0..8 {
        press(&mut app, ch('j'));
    }
    assert_eq!(app.timeline.selected, 8);
    let target = app.timeline_at().unwrap();
    assert_eq!(target, QuoteRef { story: 2, quote: 3 });
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!((app.selected, app.current_quote), (2, Some(3)));
    assert!(app.scroll > 0);
    assert!(quote_visible(&mut app, 3));
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "Budget point 55").is_some());
}

#[test]
fn search_jumps_as_you_type_and_n_steps_through_matches() {
    let mut app = app();
    press(&mut app, ch('/'));
    type_str(&mut app, "BUDGET POINT");
    assert!(app.search.typing);
    assert_eq!(app.search.hits.len(), 3);
    assert_eq!(app.selected, 2, "jumped to the first match");
    assert_eq!(app.search.current, Some(0));
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.search.typing);
    press(&mut app, ch('n'));
    assert_eq!(app.search.current, Some(1));
    let hit = app.search.hits[1];
    let SearchSource::Paragraph(p) = hit.source else {
        panic!("body match expected");
    };
    let row = app.wrapped().row_of(p, hit.start);
    let (_, height) = app.text_size();
    assert!(app.scroll <= row && row < app.scroll + usize::from(height));
    press(&mut app, ch('n'));
    press(&mut app, ch('n'));
    assert_eq!(app.search.current, Some(0));
    assert!(app.message.as_deref().unwrap_or("").contains("wrapped"));
    press(&mut app, ch('N'));
    assert_eq!(app.search.current, Some(2));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.search.hits.is_empty());
    assert!(app.search.query.is_empty());
}

#[test]
fn search_covers_headlines_and_bodies_with_character_offsets() {
    let mut app = app();
    press(&mut app, ch('/'));
    type_str(&mut app, "港口");
    assert_eq!(app.search.hits.len(), 1);
    let hit = app.search.hits[0];
    assert_eq!(hit.story, 1);
    assert_eq!(hit.source, SearchSource::Paragraph(1));
    let para = &app.corpus.stories[1].paragraphs[1];
    assert_eq!(hit.start, char_pos(para, "港口"));
    assert_eq!(hit.end, hit.start + 2);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('/'));
    type_str(&mut app, "typhoon");
    let sources: Vec<SearchSource> = app.search.hits.iter().map(|h| h.source).collect();
    assert_eq!(
        sources,
        [SearchSource::Headline, SearchSource::Paragraph(0)],
        "headline first"
    );
}

#[test]
fn esc_while_typing_a_search_returns_where_the_user_was() {
    let mut app = app();
    press(&mut app, ch('j'));
    press(&mut app, ch('/'));
    type_str(&mut app, "okafor");
    assert_eq!(app.selected, 2);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.selected, 1);
    assert!(!app.search.typing);
    assert!(!app.should_quit());
}

#[test]
fn n_without_a_search_explains() {
    let mut app = app();
    press(&mut app, ch('n'));
    assert_eq!(app.selected, 0);
    assert!(app.message.as_deref().unwrap_or("").contains("press /"));
}

#[test]
fn overlays_toggle_and_replace_each_other() {
    let mut app = app();
    press(&mut app, ch('?'));
    assert_eq!(app.overlay, Overlay::Help);
    press(&mut app, ch('?'));
    assert_eq!(app.overlay, Overlay::None);
    press(&mut app, ch('t'));
    press(&mut app, ch('s'));
    assert_eq!(app.overlay, Overlay::Speakers);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('?'));
    press(&mut app, ch('j'));
    assert_eq!(app.selected, 0, "moves in an overlay do not move the list");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn wheel_and_clicks_act_on_their_pane() {
    let mut app = app();
    app.select_story(2);
    update(
        &mut app,
        Action::Wheel {
            pane: Pane::Reader,
            down: true,
        },
    );
    assert_eq!(app.scroll, 3);
    update(
        &mut app,
        Action::Wheel {
            pane: Pane::Reader,
            down: false,
        },
    );
    assert_eq!(app.scroll, 0);
    update(
        &mut app,
        Action::Wheel {
            pane: Pane::List,
            down: false,
        },
    );
    assert_eq!(app.selected, 0);
    update(&mut app, Action::SelectStory(3));
    assert_eq!(app.selected, 3);
    update(&mut app, Action::SelectStory(99));
    assert_eq!(app.selected, 3);
    update(&mut app, Action::ClickReader);
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn an_empty_corpus_takes_every_action_without_panicking() {
    let mut app = App::new(Corpus::default());
    let actions = [
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::NextPane,
        Action::FocusReader,
        Action::FocusList,
        Action::Open,
        Action::NextQuote,
        Action::PrevQuote,
        Action::NextBySpeaker,
        Action::PrevBySpeaker,
        Action::ToggleSpeakers,
        Action::Open,
        Action::Type('x'),
        Action::DeleteChar,
        Action::Close,
        Action::ToggleTimeline,
        Action::Open,
        Action::Close,
        Action::StartSearch,
        Action::Type('a'),
        Action::Open,
        Action::SearchNext,
        Action::SearchPrev,
        Action::Wheel {
            pane: Pane::List,
            down: true,
        },
        Action::SelectStory(0),
        Action::ClickReader,
        Action::ToggleHelp,
        Action::Close,
    ];
    for a in actions {
        update(&mut app, a);
    }
    assert!(!app.should_quit());
    let mut term = terminal(80, 24);
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "No stories").is_some());
    update(&mut app, Action::Back);
    assert!(app.should_quit());
}

#[test]
fn capital_j_and_k_change_the_story_from_the_reading_pane() {
    let mut app = app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('J'));
    assert_eq!((app.selected, app.focus), (1, Focus::Reader));
    assert!(app.read[1], "the story shown is opened");
    assert_eq!(app.scroll, 0);
    press(&mut app, ch('J'));
    press(&mut app, ch('J'));
    assert_eq!(app.selected, 3);
    press(&mut app, ch('J'));
    assert_eq!(app.selected, 3);
    assert_eq!(app.message.as_deref(), Some("Last story: no next one"));
    press(&mut app, ch('K'));
    assert_eq!((app.selected, app.focus), (2, Focus::Reader));
    // From the list, J and K move the selection without opening.
    press(&mut app, ch('h'));
    press(&mut app, ch('K'));
    press(&mut app, ch('K'));
    assert_eq!((app.selected, app.focus), (0, Focus::List));
    press(&mut app, ch('K'));
    assert_eq!(app.message.as_deref(), Some("First story: no previous one"));
}

#[test]
fn next_unread_skips_read_stories_and_wraps() {
    let mut app = app();
    app.set_read(1, true);
    app.set_read(2, true);
    press(&mut app, key(KeyCode::Enter)); // reads story 0
    press(&mut app, ch('U'));
    assert_eq!((app.selected, app.focus), (3, Focus::Reader));
    assert!(app.read[3]);
    assert_eq!(app.message.as_deref(), Some("0 unread left"));
    press(&mut app, ch('U'));
    assert_eq!(app.selected, 3);
    assert_eq!(app.message.as_deref(), Some("No unread stories"));
    app.set_read(1, false);
    press(&mut app, ch('U'));
    assert_eq!(app.selected, 1);
    assert_eq!(
        app.message.as_deref(),
        Some("0 unread left (wrapped to the top)")
    );
}

#[test]
fn space_pages_the_story_shown_from_the_list_too() {
    let mut app = app();
    app.select_story(2); // the long budget story
    assert_eq!(app.focus, Focus::List);
    let (_, height) = app.text_size();
    press(&mut app, ch(' '));
    assert_eq!(app.selected, 2, "the selection stays");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.scroll, usize::from(height - 1));
    press(&mut app, ch('G')); // the list's last story
    assert_eq!(app.selected, 3);
    press(&mut app, ch(' '));
    assert_eq!(app.scroll, 0);
    assert_eq!(app.message.as_deref(), Some("End of the story"));
}

#[test]
fn braces_from_below_every_attributed_quote_start_from_the_first() {
    let mut app = app();
    app.select_story(2);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('G')); // scrolled past the story's quotes
    let max = app.max_scroll();
    assert!(max > 0);
    press(&mut app, ch('}'));
    assert!(app.current_quote.is_some(), "{:?}", app.message);
    assert_eq!(app.selected, 2);
}
