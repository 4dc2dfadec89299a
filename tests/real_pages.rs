//! The loader on a labelled set of pages shaped like real news sites (wire services,
//! broadsheets, broadcasters, state agencies, live blogs, galleries, tables, French
//! and Spanish pages): `tests/data/pages/*.txt`, with the expected stories in
//! `tests/data/pages/expected.json` (labelled by hand before the rules were tuned).
//!
//! Every page is scored on its stories' headline, section, byline and times, the
//! paragraph count, the first and last paragraph, every labelled body paragraph being
//! present (nothing lost) and no chrome string in any paragraph or headline. A
//! summary table is printed (see it with `--nocapture`); the test fails unless every
//! page passes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use dateline::ingest;
use dateline::model::Story;
use serde::Deserialize;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pages");

/// What one page should give.
#[derive(Deserialize)]
struct Expected {
    stories: Vec<ExpectedStory>,
    /// Strings that must appear in no paragraph and no headline.
    chrome: Vec<String>,
}

/// One expected story. Paragraph texts are given by their first 40 characters.
#[derive(Deserialize)]
struct ExpectedStory {
    headline: String,
    section: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    paragraphs: usize,
    first: String,
    last: String,
    /// The standfirst under the headline, which may be kept as the first paragraph
    /// or dropped (never the headline).
    standfirst: Option<String>,
    /// Every body paragraph, in order.
    body: Vec<String>,
}

/// The first 40 characters of a text.
fn prefix(text: &str) -> String {
    text.chars().take(40).collect()
}

/// The columns of the summary table, in order.
const COLUMNS: [&str; 8] = [
    "stories", "headline", "section", "byline", "times", "paras", "lost", "chrome",
];

/// Scores one page: a pass/fail per column, and the reasons for each failure.
fn score(expected: &Expected, stories: &[Story]) -> (BTreeMap<&'static str, bool>, Vec<String>) {
    let mut marks: BTreeMap<&'static str, bool> = COLUMNS.iter().map(|c| (*c, true)).collect();
    let mut why = Vec::new();
    let mut fail = |column: &'static str, reason: String| {
        marks.insert(column, false);
        why.push(reason);
    };
    if stories.len() != expected.stories.len() {
        let found: Vec<&str> = stories.iter().map(|s| s.headline.as_str()).collect();
        fail(
            "stories",
            format!(
                "{} stories, expected {}: {found:?}",
                stories.len(),
                expected.stories.len()
            ),
        );
    }
    for (want, got) in expected.stories.iter().zip(stories) {
        if got.headline != want.headline {
            fail("headline", format!("headline {:?}", got.headline));
        }
        if got.section != want.section {
            fail("section", format!("section {:?}", got.section));
        }
        if got.byline != want.byline {
            fail("byline", format!("byline {:?}", got.byline));
        }
        let published = got.published.map(|t| t.to_string());
        let updated = got.updated.map(|t| t.to_string());
        if published != want.published || updated != want.updated {
            fail("times", format!("times {published:?} / {updated:?}"));
        }
        let mut paragraphs: Vec<String> = got.paragraphs.iter().map(|p| prefix(p)).collect();
        if let Some(standfirst) = &want.standfirst
            && paragraphs.first() == Some(standfirst)
        {
            paragraphs.remove(0);
        }
        if paragraphs.len() != want.paragraphs
            || paragraphs.first() != Some(&want.first)
            || paragraphs.last() != Some(&want.last)
        {
            fail(
                "paras",
                format!(
                    "{} paragraphs, first {:?}, last {:?}",
                    paragraphs.len(),
                    paragraphs.first(),
                    paragraphs.last()
                ),
            );
        }
        for body in &want.body {
            if !paragraphs.contains(body) {
                fail("lost", format!("body paragraph lost: {body:?}"));
            }
        }
    }
    for chrome in &expected.chrome {
        for story in stories {
            let texts = std::iter::once(&story.headline).chain(&story.paragraphs);
            for text in texts.filter(|t| t.contains(chrome.as_str())) {
                fail(
                    "chrome",
                    format!("chrome {chrome:?} kept in {:?}", prefix(text)),
                );
            }
        }
    }
    (marks, why)
}

#[test]
fn real_site_shapes_give_their_labelled_stories() {
    let labels = std::fs::read_to_string(format!("{DIR}/expected.json")).expect("labels readable");
    let labels: BTreeMap<String, Expected> =
        serde_json::from_str(&labels).expect("labels are valid JSON");
    assert!(
        labels.len() >= 16,
        "labelled set has {} pages",
        labels.len()
    );

    let mut table = String::new();
    let _ = write!(table, "{:<28}", "page");
    for column in COLUMNS {
        let _ = write!(table, " {column:>8}");
    }
    table.push('\n');
    let mut failures = Vec::new();
    let mut passed = 0;
    for (name, expected) in &labels {
        let bytes = std::fs::read(format!("{DIR}/{name}")).expect("labelled page readable");
        let corpus = ingest::load_pages([(name.clone(), bytes)]);
        let (marks, why) = score(expected, &corpus.stories);
        let _ = write!(table, "{:<28}", name.trim_end_matches(".txt"));
        for column in COLUMNS {
            let mark = if marks[column] { "ok" } else { "FAIL" };
            let _ = write!(table, " {mark:>8}");
        }
        table.push('\n');
        if why.is_empty() {
            passed += 1;
        } else {
            failures.push(format!("{name}:\n  {}", why.join("\n  ")));
        }
    }
    let _ = writeln!(table, "{passed}/{} pages pass", labels.len());
    println!("{table}");
    assert!(failures.is_empty(), "{table}\n{}", failures.join("\n"));
}

#[test]
fn scoring_catches_a_wrong_story() {
    // The scorer itself must fail on a story that differs from its label.
    let expected = Expected {
        stories: vec![ExpectedStory {
            headline: "Ferry strike called off".to_string(),
            section: None,
            byline: None,
            published: None,
            updated: None,
            paragraphs: 1,
            first: "Ferry crews called off their strike.".to_string(),
            last: "Ferry crews called off their strike.".to_string(),
            standfirst: None,
            body: vec!["Ferry crews called off their strike.".to_string()],
        }],
        chrome: vec!["Advertisement".to_string()],
    };
    let page = ingest::parse_text(
        "ferry",
        "Ferry strike called off\n\nFerry crews called off their strike.\n",
    );
    let (marks, why) = score(&expected, &page.stories);
    assert!(why.is_empty(), "{why:?}");
    assert!(marks.values().all(|ok| *ok));

    let mut wrong = page.stories.clone();
    wrong[0].headline = "Advertisement".to_string();
    wrong[0].paragraphs.push("Subscribe now".to_string());
    let (marks, _) = score(&expected, &wrong);
    assert!(!marks["headline"] && !marks["chrome"] && !marks["paras"]);
    assert!(marks["lost"] && marks["section"]);
    let (marks, _) = score(&expected, &[]);
    assert!(!marks["stories"]);
}
