//! The search index finds exactly what a plain scan finds, keystroke by keystroke.

mod tui_fixture;

use dateline::model::{SourceRef, Story};
use dateline::tui::search::{Budget, Narrowing, SearchIndex, naive_hits, search};
use dateline::tui::shelf::{Shelf, Texts};
use proptest::prelude::*;

fn story(headline: String, paragraphs: Vec<String>) -> Story {
    Story {
        id: String::new(),
        headline,
        section: None,
        byline: None,
        published: None,
        updated: None,
        source: SourceRef {
            path: "p.txt".into(),
            line_start: 1,
            line_end: 1,
        },
        sources: Vec::new(),
        paragraphs,
        quotes: Vec::new(),
        origin: None,
    }
}

/// Text from a small alphabet (so matches are frequent), with capitals, accents,
/// characters that change length when lower-cased, newlines and controls.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a".to_string()),
            Just("b".to_string()),
            Just("A".to_string()),
            Just("ab".to_string()),
            Just(" ".to_string()),
            Just("É".to_string()),
            Just("é".to_string()),
            Just("İ".to_string()),
            Just("ß".to_string()),
            Just("\n".to_string()),
            Just("\u{1b}".to_string()),
            Just("“".to_string()),
        ],
        0..30,
    )
    .prop_map(|p| p.concat())
}

fn stories() -> impl Strategy<Value = Vec<Story>> {
    proptest::collection::vec(
        (text(), proptest::collection::vec(text(), 0..4)).prop_map(|(h, p)| story(h, p)),
        0..8,
    )
}

fn query() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('b'),
            Just('B'),
            Just(' '),
            Just('é'),
            Just('i'),
            Just('ß')
        ],
        0..5,
    )
    .prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn the_index_from_copied_text_is_the_index_of_the_stories(corpus in stories()) {
        let texts = dateline::tui::search::StoryText::copy_all(&corpus);
        prop_assert_eq!(SearchIndex::from_texts(texts), SearchIndex::build(&corpus));
    }

    #[test]
    fn folding_is_lowercasing_one_char_for_one(t in text()) {
        let each: String = t.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect();
        prop_assert_eq!(dateline::tui::text::fold(&t), each);
        let clean = dateline::tui::text::clean(&t);
        let cow = dateline::tui::text::clean_cow(&t);
        prop_assert_eq!(cow.as_ref(), clean.as_str());
        prop_assert_eq!(clean.chars().count(), t.chars().count());
    }

    #[test]
    fn index_search_equals_the_plain_scan(corpus in stories(), q in query()) {
        let index = SearchIndex::build(&corpus);
        let mut narrowing = Narrowing::default();
        prop_assert_eq!(search(&index, &corpus, &q, &mut narrowing), naive_hits(&corpus, &q));
    }

    #[test]
    fn typing_and_deleting_narrow_correctly(corpus in stories(), typed in query(), deletes in 0usize..4, more in query()) {
        // The stories' text on the reader's shelf, as a large archive has it.
        let mut shelved = corpus.clone();
        let shelf = Shelf::store(&mut shelved, 0);
        let texts = Texts { stories: &shelved, shelf: shelf.as_ref() };
        let index = SearchIndex::build_from(texts);
        prop_assert_eq!(&index, &SearchIndex::build(&corpus));
        let mut narrowing = Narrowing::default();
        let mut q = String::new();
        for c in typed.chars() {
            q.push(c);
            prop_assert_eq!(search(&index, &corpus, &q, &mut narrowing), naive_hits(&corpus, &q));
        }
        for _ in 0..deletes {
            q.pop();
            prop_assert_eq!(search(&index, &corpus, &q, &mut narrowing), naive_hits(&corpus, &q));
        }
        for c in more.chars() {
            q.push(c);
            prop_assert_eq!(search(&index, &corpus, &q, &mut narrowing), naive_hits(&corpus, &q));
        }
    }

    #[test]
    fn stories_added_later_are_searched(first in stories(), later in stories(), q in query()) {
        let mut index = SearchIndex::build(&first);
        let mut narrowing = Narrowing::default();
        let _ = search(&index, &first, &q, &mut narrowing);
        for s in &later {
            index.push(s);
        }
        let all: Vec<Story> = first.iter().chain(&later).cloned().collect();
        prop_assert_eq!(search(&index, &all, &q, &mut narrowing), naive_hits(&all, &q));
    }
}

#[test]
fn the_app_search_matches_the_plain_scan_on_the_fixture() {
    let corpus = tui_fixture::corpus();
    let mut app = dateline::tui::app::App::new(corpus.clone());
    for q in ["e", "en", "wang", "the ", "zzz", "a"] {
        app.search.query = q.to_string();
        app.run_search();
        assert_eq!(app.search.hits, naive_hits(&app.corpus.stories, q), "{q}");
    }
    assert!(!naive_hits(&corpus.stories, "wang").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// A search interrupted after a few stories (as the reader does between keys) has
    /// found exactly the first matches of the plain scan, and typing on from an
    /// interrupted search still ends with every match.
    #[test]
    fn interrupted_searches_agree_with_the_plain_scan(
        corpus in stories(),
        typed in query(),
        budgets in proptest::collection::vec(0usize..4, 8),
        deletes in 0usize..3,
    ) {
        // The stories' text on the reader's shelf, as a large archive has it.
        let mut shelved = corpus.clone();
        let shelf = Shelf::store(&mut shelved, 0);
        let texts = Texts { stories: &shelved, shelf: shelf.as_ref() };
        let index = SearchIndex::build_from(texts);
        prop_assert_eq!(&index, &SearchIndex::build(&corpus));
        let mut narrowing = Narrowing::default();
        let mut q = String::new();
        let keys = typed.chars().map(Some).chain(std::iter::repeat_n(None, deletes));
        for (n, c) in keys.enumerate() {
            match c {
                Some(c) => q.push(c),
                None => {
                    q.pop();
                }
            }
            let mut hits = Vec::new();
            narrowing.start(&index, &q);
            narrowing.step(&index, texts, &mut hits, Budget::Stories(budgets[n % budgets.len()]));
            let all = naive_hits(&corpus, &q);
            prop_assert!(hits.len() <= all.len());
            prop_assert_eq!(&hits[..], &all[..hits.len()], "partial hits for {:?}", q);
            if !narrowing.in_progress() {
                prop_assert_eq!(hits, all);
            }
        }
        prop_assert_eq!(search(&index, &corpus, &q, &mut narrowing), naive_hits(&corpus, &q));
    }
}

fn needle_corpus() -> dateline::model::Corpus {
    let stories = (0..6)
        .map(|i| {
            let body = if i == 1 || i == 4 {
                format!("Paragraph of story {i} with the needle in it.")
            } else {
                format!("Paragraph of story {i} without it.")
            };
            let mut s = story(format!("Story {i}"), vec![body]);
            s.id = format!("{i:016x}");
            s
        })
        .collect();
    dateline::model::Corpus {
        stories,
        ..Default::default()
    }
}

#[test]
fn a_search_in_steps_jumps_once_it_reaches_the_first_match_after_the_origin() {
    use dateline::tui::app::App;
    use tui_fixture::{ch, draw, press, terminal, text_of, type_str};

    let mut app = App::new(needle_corpus());
    app.search_budget = Budget::Stories(1);
    app.select_story(3);
    press(&mut app, ch('/'));
    type_str(&mut app, "needle");
    // One story a step: the search has not reached story 4 yet.
    assert!(app.search_in_progress());
    assert!(app.search.jump_pending);
    assert_eq!(
        app.selected, 3,
        "no jump before the first match after the origin"
    );
    let mut term = terminal(100, 12);
    let screen = text_of(&draw(&mut term, &mut app));
    assert!(
        screen.contains("matches…") || screen.contains("match…"),
        "{screen}"
    );
    let mut steps = 0;
    while app.search_in_progress() {
        dateline::tui::update::search_more(&mut app);
        steps += 1;
        assert!(steps < 100, "the search must end");
    }
    assert_eq!(app.search.hits, naive_hits(&app.corpus.stories, "needle"));
    assert_eq!(app.search.hits.len(), 2);
    assert_eq!(app.selected, 4, "first match at or after the origin");
    assert!(!app.search.jump_pending);
    let screen = text_of(&draw(&mut term, &mut app));
    assert!(screen.contains("(2 matches)"), "{screen}");
}

#[test]
fn stepping_through_matches_finishes_the_search_first() {
    use dateline::tui::app::App;
    use ratatui::crossterm::event::KeyCode;
    use tui_fixture::{ch, key, press, type_str};

    let mut app = App::new(needle_corpus());
    app.search_budget = Budget::Stories(1);
    press(&mut app, ch('/'));
    type_str(&mut app, "needle");
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.search_in_progress(), "Enter reads the rest");
    assert_eq!(app.search.hits.len(), 2);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("2 matches")
    );
    press(&mut app, ch('n'));
    assert_eq!(app.selected, 4);
    // Esc while a search runs stops it.
    press(&mut app, ch('/'));
    type_str(&mut app, "story");
    assert!(app.search_in_progress());
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.search_in_progress());
    assert!(app.search.hits.is_empty());
}
