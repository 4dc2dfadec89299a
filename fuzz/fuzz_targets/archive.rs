//! Feeds arbitrary text through each news-archive export reader (LexisNexis,
//! Factiva, ProQuest) directly, whatever the sniffing says, and through the archive
//! page parser: it must never panic, documents are numbered in order, and no control
//! character may reach a story.
#![no_main]

use dateline::ingest::archive::{self, Layout};
use dateline::ingest::{Page, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = sanitize::sanitize(&String::from_utf8_lossy(rest));
    let layout = match first % 3 {
        0 => Layout::Nexis,
        1 => Layout::Factiva,
        _ => Layout::ProQuest,
    };
    let documents = archive::read_documents(layout, &text);
    for (i, doc) in documents.iter().enumerate() {
        assert_eq!(doc.number, i + 1);
        assert!(doc.lines.0 <= doc.lines.1);
    }
    let page = Page {
        path: "fuzz.txt".into(),
        text,
    };
    if let Some(parsed) = archive::parse(&page) {
        for story in &parsed.stories {
            for text in std::iter::once(&story.headline).chain(&story.paragraphs) {
                assert!(
                    text.chars().all(|c| !c.is_control()),
                    "control character in story text: {text:?}"
                );
            }
        }
    }
});
