//! Feeds arbitrary text through the HTML page reader (sniffing, extraction, metadata,
//! dates): it must never panic, and no control character may reach a story.
#![no_main]

use dateline::ingest::{Page, html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let page = Page {
        path: "fuzz.html".into(),
        text: format!("<!DOCTYPE html>{text}"),
    };
    let parsed = html::parse_html(&page);
    assert!(parsed.stories.len() <= 1);
    for story in &parsed.stories {
        for text in std::iter::once(&story.headline).chain(&story.paragraphs) {
            assert!(
                text.chars().all(|c| !c.is_control()),
                "control character in story text: {text:?}"
            );
        }
    }
    let _ = html::parse_time(Some(text.as_ref()));
});
