//! Properties of the loader on arbitrary and adversarial text: it never panics,
//! keeps only text from the page, is deterministic, gives valid times and line
//! ranges, and merging keeps every story accounted for with unique ids.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use dateline::ingest::{self, dedupe, timestamp};
use dateline::model::Timestamp;
use proptest::prelude::*;

/// Lines of the kinds news pages are made of, plus awkward ones.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(String::new()),
        Just("Home".to_string()),
        Just("Business".to_string()),
        Just("Share this".to_string()),
        Just("Advertisement".to_string()),
        Just("© 2026 Some Paper Ltd. All rights reserved.".to_string()),
        Just("By Jane Doe".to_string()),
        Just("Jane Doe, Reuters".to_string()),
        Just("2026-01-26 17:14 Last Updated At:23:37".to_string()),
        Just("February 30, 2026".to_string()),
        Just("Published: 3 March 2026 Updated: 4 March 2026 10:00".to_string()),
        Just("Updated 3:45 p.m. ET Jan 26, 2026".to_string()),
        Just("3 hours ago".to_string()),
        Just("Photo: A caption".to_string()),
        Just("Storm closes schools across the region".to_string()),
        Just("Storm closes schools across the region".to_string()),
        Just("\"We are ready,\" she said.".to_string()),
        Just(
            "The mayor said the roads would reopen on Friday after crews cleared the debris."
                .to_string()
        ),
        Just("Ünïcödé façade café 東京 — naïve résumé".to_string()),
        Just("   \u{a0}  ".to_string()),
        "[A-Z][a-z]{1,8}( [a-z]{1,8}){0,12}[.?!]?",
        "[a-z0-9 ,.:;\"'()-]{0,120}",
        "\\PC{0,80}",
    ]
}

fn page_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(page_line(), 0..40).prop_map(|lines| lines.join("\n")),
        "\\PC{0,300}",
        any::<String>(),
    ]
}

/// Whitespace collapsed to single spaces.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn valid(t: &Timestamp) -> bool {
    Timestamp::parse(&t.to_string()) == Some(*t)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn parsing_is_safe_faithful_and_deterministic(text in page_text()) {
        let page = ingest::parse_text("p.txt", &text);
        let again = ingest::parse_text("p.txt", &text);
        prop_assert_eq!(&page, &again);
        let flat = squash(&text);
        let lines = text.split('\n').count();
        for story in &page.stories {
            prop_assert!(!story.paragraphs.is_empty());
            prop_assert!(!story.headline.trim().is_empty());
            for p in &story.paragraphs {
                prop_assert!(!p.trim().is_empty());
                prop_assert!(flat.contains(&squash(p)), "paragraph not from input: {:?}", p);
            }
            for t in story.published.iter().chain(story.updated.iter()) {
                prop_assert!(valid(t));
            }
            let s = &story.source;
            prop_assert!(1 <= s.line_start && s.line_start <= s.line_end && s.line_end <= lines);
            prop_assert_eq!(&story.sources, &vec![s.clone()]);
        }
    }

    #[test]
    fn merging_accounts_for_every_story(texts in prop::collection::vec(page_text(), 1..5)) {
        let mut stories = Vec::new();
        for (n, text) in texts.iter().enumerate() {
            stories.extend(ingest::parse_text(&format!("p{n}.txt"), text).stories);
            // The same page again under another name: always merged.
            stories.extend(ingest::parse_text(&format!("copy{n}.txt"), text).stories);
        }
        let total = stories.len();
        let (merged, count) = dedupe::merge(stories.clone());
        prop_assert_eq!(merged.len() + count, total);
        prop_assert!(merged.len() * 2 <= total);
        let ids: HashSet<&str> = merged.iter().map(|s| s.id.as_str()).collect();
        prop_assert_eq!(ids.len(), merged.len());
        for story in &merged {
            prop_assert!(story.id.len() == 16 && story.id.chars().all(|c| c.is_ascii_hexdigit()));
            let sources: HashSet<_> = story.sources.iter().collect();
            prop_assert_eq!(sources.len(), story.sources.len());
            prop_assert!(story.sources.contains(&story.source));
        }
        let (again, _) = dedupe::merge(stories);
        prop_assert_eq!(merged, again);
    }

    #[test]
    fn stamps_never_panic_and_are_valid(line in "\\PC{0,60}") {
        if let Some(stamp) = timestamp::parse_stamp(&line) {
            prop_assert!(stamp.published.is_some() || stamp.updated.is_some());
            for t in stamp.published.iter().chain(stamp.updated.iter()) {
                prop_assert!(valid(t));
            }
        }
    }

    #[test]
    fn written_dates_parse_exactly_and_impossible_ones_do_not(
        year in 1990i32..2100, month in 1u32..=12, day in 1u32..=31, style in 0usize..3,
    ) {
        const MONTHS: [&str; 12] = [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ];
        let name = MONTHS[(month - 1) as usize];
        let line = match style {
            0 => format!("{name} {day}, {year}"),
            1 => format!("{day} {} {year} 10:30", &name[..3]),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let parsed = timestamp::parse_stamp(&line).and_then(|s| s.published);
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) => {
                let t = parsed.expect("a real date parses");
                prop_assert_eq!(t.local.date(), date);
                prop_assert_eq!(t.local.date().year(), year);
            }
            None => prop_assert!(parsed.is_none(), "{} parsed", line),
        }
    }
}
