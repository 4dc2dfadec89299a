//! The search index finds exactly what a plain scan finds, keystroke by keystroke.

mod tui_fixture;

use dateline::model::{SourceRef, Story};
use dateline::tui::search::{Narrowing, SearchIndex, naive_hits, search};
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
    fn index_search_equals_the_plain_scan(corpus in stories(), q in query()) {
        let index = SearchIndex::build(&corpus);
        let mut narrowing = Narrowing::default();
        prop_assert_eq!(search(&index, &q, &mut narrowing), naive_hits(&corpus, &q));
    }

    #[test]
    fn typing_and_deleting_narrow_correctly(corpus in stories(), typed in query(), deletes in 0usize..4, more in query()) {
        let index = SearchIndex::build(&corpus);
        let mut narrowing = Narrowing::default();
        let mut q = String::new();
        for c in typed.chars() {
            q.push(c);
            prop_assert_eq!(search(&index, &q, &mut narrowing), naive_hits(&corpus, &q));
        }
        for _ in 0..deletes {
            q.pop();
            prop_assert_eq!(search(&index, &q, &mut narrowing), naive_hits(&corpus, &q));
        }
        for c in more.chars() {
            q.push(c);
            prop_assert_eq!(search(&index, &q, &mut narrowing), naive_hits(&corpus, &q));
        }
    }

    #[test]
    fn stories_added_later_are_searched(first in stories(), later in stories(), q in query()) {
        let mut index = SearchIndex::build(&first);
        let mut narrowing = Narrowing::default();
        let _ = search(&index, &q, &mut narrowing);
        for s in &later {
            index.push(s);
        }
        let all: Vec<Story> = first.iter().chain(&later).cloned().collect();
        prop_assert_eq!(search(&index, &q, &mut narrowing), naive_hits(&all, &q));
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
