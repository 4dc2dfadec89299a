//! Feeds keep the zone their times are written in, and a `.json` file that is no feed
//! is named in a warning instead of being passed over without a word.

use std::path::PathBuf;

use dateline::ingest::{self, LoadOptions};

fn offset_of(t: Option<dateline::model::Timestamp>) -> String {
    t.expect("a time").to_string()
}

#[test]
fn rss_times_keep_their_zone() {
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gazette</title>\
        <item><title>Ferry fares rise</title><link>https://gazette.example/a</link>\
        <pubDate>Mon, 02 Jun 2025 07:30:00 +0800</pubDate>\
        <description>Fares will rise by ten per cent, the operator said.</description></item>\
        <item><title>Quay reopens</title><link>https://gazette.example/b</link>\
        <pubDate>Tue, 03 Jun 2025 09:00:00 GMT</pubDate>\
        <description>The quay reopened on Tuesday after repairs.</description></item>\
        </channel></rss>";
    let parsed = ingest::parse_text("gazette.xml", rss);
    assert_eq!(parsed.stories.len(), 2, "{:?}", parsed.warnings);
    assert_eq!(
        offset_of(parsed.stories[0].published),
        "2025-06-02T07:30:00+08:00"
    );
    assert_eq!(
        offset_of(parsed.stories[1].published),
        "2025-06-03T09:00:00+00:00"
    );
}

#[test]
fn atom_and_json_feed_times_keep_their_zone() {
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ledger</title>\
        <entry><id>urn:x:1</id><title>Board votes</title>\
        <link href=\"https://ledger.example/1\"/>\
        <published>2026-01-26T17:14:00-05:00</published>\
        <updated>2026-01-27T08:00:00+01:00</updated>\
        <summary>The board voted on Monday to expand the quay.</summary></entry></feed>";
    let parsed = ingest::parse_text("ledger.atom", atom);
    let story = &parsed.stories[0];
    assert_eq!(offset_of(story.published), "2026-01-26T17:14:00-05:00");
    assert_eq!(offset_of(story.updated), "2026-01-27T08:00:00+01:00");

    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
        "items": [{"id": "1", "url": "https://wire.example/1", "title": "Port strike ends",
        "content_text": "Dock workers went back on Tuesday.",
        "date_published": "2026-03-03T09:40:00+05:30"}]}"#;
    let parsed = ingest::parse_text("wire.json", json);
    assert_eq!(
        offset_of(parsed.stories[0].published),
        "2026-03-03T09:40:00+05:30"
    );
}

#[test]
fn a_json_file_that_is_no_feed_is_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gold.json"), "{\"stories\": [1, 2, 3]}").unwrap();
    std::fs::write(
        dir.path().join("page.txt"),
        "Quay vote\n\nThe board voted on Monday to expand the quay after two years of talks.\n",
    )
    .unwrap();
    let corpus = ingest::load(&[PathBuf::from(dir.path())], &LoadOptions::default());
    assert_eq!(corpus.stories.len(), 1);
    let messages: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].ends_with(
            "gold.json: JSON but not a JSON Feed (no jsonfeed.org version), passed over"
        ),
        "{messages:?}"
    );
    // An XML data file beside the pages is still passed over quietly.
    std::fs::write(dir.path().join("config.xml"), "<config><a>1</a></config>").unwrap();
    let corpus = ingest::load(&[PathBuf::from(dir.path())], &LoadOptions::default());
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
}
