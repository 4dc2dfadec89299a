//! Feeds arbitrary text through the text page parser (segmenting, classifying,
//! splitting into stories, dates), after the sanitiser as the loader does: it must
//! never panic, and no control character may reach a story.
#![no_main]

use dateline::ingest::{parse_text, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = sanitize::sanitize(&String::from_utf8_lossy(data));
    let parsed = parse_text("fuzz.txt", &text);
    for story in &parsed.stories {
        for text in std::iter::once(&story.headline).chain(&story.paragraphs) {
            assert!(
                text.chars().all(|c| !c.is_control()),
                "control character in story text: {text:?}"
            );
        }
        assert!(story.source.line_start <= story.source.line_end);
    }
});
