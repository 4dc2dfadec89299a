//! Saved HTML pages and news feeds: pages and feeds written for these tests, hostile
//! variants made from them, and the regression figures on the development pages in
//! `../shared` (skipped when absent).

use std::path::{Path, PathBuf};

use dateline::ingest::{self, LoadOptions};
use dateline::model::{Corpus, Story};

fn data(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir)
        .join(name)
}

fn load(paths: &[PathBuf]) -> Corpus {
    ingest::load(paths, &LoadOptions::default())
}

fn only(corpus: &Corpus) -> &Story {
    assert_eq!(corpus.stories.len(), 1, "{:#?}", corpus.stories);
    &corpus.stories[0]
}

fn url(story: &Story) -> Option<&str> {
    story.origin.as_ref().and_then(|o| o.url.as_deref())
}

fn text(story: &Story) -> String {
    story.paragraphs.join("\n")
}

#[test]
fn an_html_page_is_one_story_with_its_marked_fields() {
    let corpus = load(&[data("html", "harbour.html")]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let story = only(&corpus);
    assert_eq!(story.headline, "Harbour bridge to close for repairs");
    assert_eq!(story.byline.as_deref(), Some("Maria Okafor"));
    assert_eq!(story.section.as_deref(), Some("Local"));
    // The meta time wins over the <time> element and any text stamp.
    assert_eq!(
        story.published.map(|t| t.to_string()).as_deref(),
        Some("2025-04-02T08:15:00+01:00")
    );
    assert_eq!(
        story.updated.map(|t| t.to_string()).as_deref(),
        Some("2025-04-02T11:40:00+01:00")
    );
    assert_eq!(
        url(story),
        Some("https://ledger.example/news/harbour-bridge-repairs")
    );
    let body = text(story);
    assert!(body.contains("expansion joints"), "{body}");
    assert!(body.contains("summer festival in June"), "{body}");
    for hidden in [
        "never-shown",
        "font-family",
        "Most read",
        "All rights reserved",
    ] {
        assert!(!body.contains(hidden), "{hidden} shown: {body}");
    }
    // Quotes and speakers as for text pages.
    let speakers: Vec<_> = story
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    assert!(speakers.contains(&"Priya Raman"), "{:#?}", story.quotes);
    assert!(speakers.contains(&"Tom Hale"), "{:#?}", story.quotes);
}

#[test]
fn json_ld_gives_dates_and_author_and_the_site_leaves_the_title() {
    let corpus = load(&[data("html", "orchard.htm")]);
    let story = only(&corpus);
    assert_eq!(
        story.headline,
        "Orchard growers count the cost of a late frost"
    );
    assert_eq!(story.byline.as_deref(), Some("Lena Fischer"));
    assert_eq!(
        story.published.map(|t| t.to_string()).as_deref(),
        Some("2025-05-11T06:30:00+00:00")
    );
    assert!(story.updated.is_some());
    assert!(text(story).contains("frost fans"));
    assert!(
        story
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Anna Berger")),
        "{:#?}",
        story.quotes
    );
}

#[test]
fn html_is_read_whatever_the_name_and_gzip_is_inflated() {
    let named = load(&[data("html", "misnamed.txt")]);
    assert_eq!(
        only(&named).headline,
        "Orchard growers count the cost of a late frost"
    );
    let gz = load(&[data("html", "harbour-copy.html.gz")]);
    assert!(gz.warnings.is_empty(), "{:?}", gz.warnings);
    assert_eq!(only(&gz).headline, "Harbour bridge to close for repairs");
    // The same page twice is one story with both sources.
    let both = load(&[
        data("html", "harbour.html"),
        data("html", "harbour-copy.html.gz"),
    ]);
    assert_eq!(only(&both).sources.len(), 2);
}

#[test]
fn rss_entries_are_stories_with_links_and_decoded_text() {
    let corpus = load(&[data("feeds", "river.rss")]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(corpus.stories.len(), 2);
    let ferry = corpus
        .stories
        .iter()
        .find(|s| s.headline == "Ferry fares rise & timetable changes")
        .expect("ferry story");
    assert_eq!(
        url(ferry),
        Some("https://gazette.example/2025/06/ferry-fares")
    );
    assert_eq!(ferry.byline.as_deref(), Some("Sam Whitlock"));
    assert_eq!(ferry.section.as_deref(), Some("Transport"));
    assert_eq!(
        ferry.published.map(|t| t.to_string()).as_deref(),
        Some("2025-06-02T07:30:00+00:00")
    );
    assert_eq!(ferry.paragraphs.len(), 2, "{:?}", ferry.paragraphs);
    assert!(!text(ferry).contains("never shown"));
    assert!(text(ferry).contains("\u{201c}Fuel"), "{}", text(ferry));
    assert!(
        ferry
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Helen Marsh")),
        "{:#?}",
        ferry.quotes
    );
    let library = corpus
        .stories
        .iter()
        .find(|s| s.headline.starts_with("Library"))
        .expect("library story");
    assert_eq!(
        library.paragraphs,
        vec![
            "The town library reopened on Tuesday after eight months of repairs following the winter flood."
        ]
    );
}

#[test]
fn atom_and_json_feeds_are_read_in_a_mixed_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (from, name) in [
        ("feeds", "hills.atom"),
        ("feeds", "market.json"),
        ("html", "orchard.htm"),
    ] {
        std::fs::copy(data(from, name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("settings.json"), "{\"theme\": \"dark\"}").unwrap();
    let corpus = load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.stories.len(), 3, "{:#?}", corpus.stories);
    let wind = corpus
        .stories
        .iter()
        .find(|s| s.headline == "Wind farm plan approved")
        .expect("atom entry");
    assert_eq!(url(wind), Some("https://hills.example/wind-farm"));
    assert_eq!(wind.byline.as_deref(), Some("Joe Pryce"));
    assert!(wind.updated.is_some() && wind.published.is_some());
    assert!(text(wind).starts_with("Planners approved twelve turbines"));
    assert!(
        wind.quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Carys Bevan")),
        "{:#?}",
        wind.quotes
    );
    let stalls = corpus
        .stories
        .iter()
        .find(|s| s.headline == "New stalls for the Saturday market")
        .expect("json feed item");
    assert_eq!(url(stalls), Some("https://market.example/stalls"));
    assert_eq!(stalls.byline.as_deref(), Some("Ada Lindqvist"));
    // A .json file that is not a feed is passed over with a warning naming it, not read
    // as text.
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.message.clone()).collect();
    assert_eq!(
        warnings,
        ["JSON but not a JSON Feed (no jsonfeed.org version), passed over"],
        "{:?}",
        corpus.warnings
    );
    assert!(corpus.stories.iter().all(|s| !text(s).contains("theme")));
}

#[test]
fn a_broken_feed_warns_once_naming_the_file() {
    let corpus = load(&[data("feeds", "broken.xml")]);
    assert!(corpus.stories.is_empty());
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    let warning = corpus.warnings[0].to_string();
    assert!(warning.contains("broken.xml"), "{warning}");
    assert!(!warning.contains('\n'), "{warning}");
}

/// Loads in-memory bytes on a thread with a small stack, as a worker would, so deep
/// recursion would show as a crash rather than pass unnoticed.
fn load_bytes(name: &str, bytes: Vec<u8>) -> Corpus {
    let name = name.to_string();
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || ingest::load_pages([(name, bytes)]))
        .unwrap()
        .join()
        .expect("no panic")
}

fn one_warning(corpus: &Corpus, name: &str) {
    assert!(corpus.stories.is_empty(), "{:#?}", corpus.stories);
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    assert_eq!(corpus.warnings[0].path, name);
    assert!(!corpus.warnings[0].message.contains('\n'));
}

#[test]
fn hostile_html_warns_or_reads_but_never_panics() {
    let deep = format!("<html><body>{}x", "<div>".repeat(100_000));
    one_warning(&load_bytes("deep.html", deep.into_bytes()), "deep.html");
    let deep_inline = format!("<html><body>{}x", "<b><i>".repeat(50_000));
    one_warning(
        &load_bytes("inline.html", deep_inline.into_bytes()),
        "inline.html",
    );
    let mut huge = String::from("<html><body><article>");
    let para = "<p>Words of a very long page that goes on and on without end.</p>\n";
    while huge.len() < 50 * 1024 * 1024 {
        huge.push_str(para);
    }
    one_warning(&load_bytes("huge.html", huge.into_bytes()), "huge.html");
    // Malformed markup still gives its text, with controls removed.
    let broken = "<html><body><p>Unclosed <b>bold <i>and \u{1b}[31mred</p></div></span><p>Second paragraph here";
    let corpus = load_bytes("broken.html", broken.as_bytes().to_vec());
    let story = only(&corpus);
    let body = text(story);
    assert!(body.contains("Second paragraph here"), "{body}");
    assert!(!body.contains('\u{1b}'), "{body:?}");
    // A gzip stream cut short is one warning.
    let gz = std::fs::read(data("html", "harbour-copy.html.gz")).unwrap();
    let cut = gz[..gz.len() / 2].to_vec();
    one_warning(&load_bytes("cut.html.gz", cut), "cut.html.gz");
}

#[test]
fn hostile_feeds_warn_but_never_panic_or_expand() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>Boom &e;</title><description>&e;&e;&e;</description></item>
</channel></rss>"#;
    let corpus = load_bytes("bomb.rss", bomb.as_bytes().to_vec());
    let size: usize = corpus
        .stories
        .iter()
        .map(|s| s.headline.len() + text(s).len())
        .sum();
    assert!(size < 10_000, "entities expanded to {size} bytes");
    let deep = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>{}",
        "<x>".repeat(100_000)
    );
    let corpus = load_bytes("deep.xml", deep.into_bytes());
    assert!(corpus.stories.is_empty());
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    let json = format!(
        "{{\"version\": \"https://jsonfeed.org/version/1\", \"items\": {}",
        "[".repeat(100_000)
    );
    one_warning(&load_bytes("deep.json", json.into_bytes()), "deep.json");
}

/// The regression figures on the development pages: every page one story with text.
#[test]
fn development_html_pages_give_one_story_each() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/extraction-dev/html");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let pages = std::fs::read_dir(&dir).unwrap().count();
    let corpus = load(&[dir]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert!(
        corpus.stories.len() + corpus.stats.duplicates_merged == pages,
        "{} stories from {pages} pages",
        corpus.stories.len()
    );
    let dated = corpus
        .stories
        .iter()
        .filter(|s| s.published.is_some())
        .count();
    assert!(dated * 10 >= pages * 8, "only {dated} of {pages} dated");
    let addressed = corpus
        .stories
        .iter()
        .filter(|s| s.origin.as_ref().is_some_and(|o| o.url.is_some()))
        .count();
    assert!(
        addressed * 10 >= pages * 8,
        "only {addressed} of {pages} with an address"
    );
}

#[test]
fn a_url_line_of_a_text_page_is_the_story_address() {
    let page = "Council approves new cycle lanes\n\nBy Dana Park\n\nURL: https://news.example/cycle-lanes\n\nThe city council approved four new cycle lanes on Wednesday after a long debate about parking.\n\nWork on the first lane will start in September, officials said.\n";
    let corpus = ingest::load_pages([("lanes.txt".to_string(), page.as_bytes().to_vec())]);
    let story = only(&corpus);
    assert_eq!(url(story), Some("https://news.example/cycle-lanes"));
    assert!(!text(story).contains("URL:"), "{}", text(story));
    assert!(text(story).contains("cycle lanes on Wednesday"));
}

#[test]
fn a_feed_entry_and_its_saved_page_are_one_story_with_both_sources() {
    let corpus = load(&[data("html", "harbour.html"), data("feeds", "ledger.rss")]);
    let story = only(&corpus);
    assert_eq!(story.sources.len(), 2, "{:?}", story.sources);
    // The page's full text is kept, not the feed's one-line summary.
    assert!(text(story).contains("expansion joints"));
}

#[test]
fn a_page_in_its_declared_charset_is_decoded() {
    let corpus = load(&[data("html", "latin1.html")]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let story = only(&corpus);
    assert_eq!(story.headline, "Café owners welcome the new square");
    assert!(text(story).contains("the cafés around"), "{}", text(story));
}
