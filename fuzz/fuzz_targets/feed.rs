//! Feeds arbitrary bytes through the feed reader as RSS/Atom (XML) and as JSON Feed:
//! it must never panic, and no control character may reach a story.
#![no_main]

use dateline::ingest::{Page, feed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let json = data.first().is_some_and(|b| b % 2 == 0);
    let text = if json {
        format!("{{\"version\": \"https://jsonfeed.org/version/1.1\", {text}")
    } else {
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\">{text}")
    };
    let page = Page {
        path: "fuzz.xml".into(),
        text,
    };
    let parsed = feed::parse_feed(&page);
    for story in &parsed.stories {
        for text in std::iter::once(&story.headline).chain(&story.paragraphs) {
            assert!(
                text.chars().all(|c| !c.is_control()),
                "control character in story text: {text:?}"
            );
        }
    }
});
