//! News archive exports (LexisNexis, Factiva, ProQuest): export files written for these
//! tests, variants made from them (line ends, wrap widths, languages, damage), and the
//! regression figures on the development exports in `../shared` (skipped when absent).

use std::path::{Path, PathBuf};

use dateline::ingest::{self, LoadOptions, ParsedPage};
use dateline::model::{Corpus, Story};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/archives")
        .join(name)
}

fn load(name: &str) -> Corpus {
    ingest::load(&[data(name)], &LoadOptions::default())
}

/// The stories in file order (the corpus sorts them newest first).
fn in_file_order(corpus: &Corpus) -> Vec<&Story> {
    let mut stories: Vec<&Story> = corpus.stories.iter().collect();
    stories.sort_by_key(|s| s.source.line_start);
    stories
}

fn day(story: &Story) -> Option<String> {
    story.published.map(|t| t.to_string()[..10].to_string())
}

/// Field names (`LENGTH:`), markers and copyright lines must never reach the text.
fn assert_no_field_lines(stories: &[&Story]) {
    for story in stories {
        for p in &story.paragraphs {
            let key = p.split(':').next().unwrap_or("");
            let field = p.contains(':')
                && key.len() >= 2
                && key.len() < 24
                && key.chars().all(|c| c.is_uppercase() || c == '-');
            assert!(!field, "field line in the text: {p}");
            for bad in [
                "DOCUMENTS",
                "Copyright",
                "All Rights Reserved",
                "Search Summary",
            ] {
                assert!(!p.contains(bad), "{bad} in the text: {p}");
            }
        }
    }
}

#[test]
fn lexisnexis_english_export() {
    let corpus = load("nexis_en.txt");
    let stories = in_file_order(&corpus);
    assert_eq!(stories.len(), 3);
    let s = stories[0];
    assert_eq!(s.headline, "Harbour board votes to deepen the channel");
    assert_eq!(s.byline.as_deref(), Some("Marta Okonkwo-Reyes"));
    assert_eq!(s.section.as_deref(), Some("NEWS; Pg. 3"));
    assert_eq!(day(s).as_deref(), Some("2026-02-02"));
    assert_eq!(s.paragraphs.len(), 4, "{:#?}", s.paragraphs);
    assert!(s.paragraphs[0].starts_with("The harbour board voted on Monday"));
    assert!(s.paragraphs[0].ends_with("opposed for two years."));
    // The highlight is no paragraph; the quotes in two apostrophes are found.
    assert!(
        !s.paragraphs
            .iter()
            .any(|p| p.contains("seven votes to two"))
    );
    let speakers: Vec<_> = s.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Ingrid Solberg"), Some("Tomasz Wren")]);
    // The fields that are no part of the text travel with the story.
    let origin = s.origin.as_deref().expect("the export's fields");
    assert_eq!(origin.length.as_deref(), Some("212 words"));
    assert_eq!(
        origin.url.as_deref(),
        Some("https://herald.example/news/harbour-channel")
    );
    assert!(
        origin
            .summary
            .as_deref()
            .is_some_and(|h| h.contains("seven votes to two"))
    );
    assert_eq!(origin.publication.as_deref(), Some("The Coastal Herald"));
    // A headline wrapped over two lines is one headline.
    assert_eq!(
        stories[1].headline,
        "Rail line to reopen after winter closure"
    );
    assert_eq!(stories[1].byline.as_deref(), Some("Sam Ortiz"));
    assert_no_field_lines(&stories);
    // The last document is cut short: kept, with a warning naming file and number.
    assert_eq!(stories[2].headline, "Ferry fares to rise in April");
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("nexis_en.txt: document 3: cut short"));
}

#[test]
fn lexisnexis_german_export_with_a_damaged_document() {
    let corpus = load("nexis_de.txt");
    let stories = in_file_order(&corpus);
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[0].headline, "Hafenamt stimmt für Ausbaggerung");
    assert_eq!(stories[0].byline.as_deref(), Some("Anna Müller"));
    assert_eq!(stories[0].section.as_deref(), Some("LOKALES; S. 4"));
    assert_eq!(day(stories[0]).as_deref(), Some("2016-10-12"));
    assert_eq!(stories[0].paragraphs.len(), 2);
    // The second lacks its dated line: only it is worse off.
    assert_eq!(stories[1].headline, "Fähre fährt wieder");
    assert_eq!(stories[1].published, None);
    assert_eq!(corpus.warnings.len(), 1);
    assert_eq!(
        corpus.warnings[0].message, "document 2: no dated line",
        "{:?}",
        corpus.warnings
    );
    assert_no_field_lines(&stories);
}

/// A one-document export in French, or Spanish, written inline.
fn latin_export(marker: &str, date: &str, length: &str, section: &str) -> String {
    format!(
        "   {marker}\n\n   Le Courrier du Port\n\n   {date}\n\nLe port vote le dragage\n\n\
         {section}: Actualité\n\n{length}: 90 mots\n\n\
         Le conseil du port a voté lundi le dragage du chenal, un projet contesté\n\
         par les pêcheurs depuis deux ans.\n\n\
         Les travaux commenceront en mai.\n\n\
         LANGUE: FRENCH\n\n   Copyright 2016 Le Courrier\n"
    )
}

#[test]
fn lexisnexis_french_and_spanish_dates_and_fields() {
    for (marker, date, length, section) in [
        (
            "Document 1 de 1",
            "12 octobre 2016 mercredi",
            "LONGUEUR",
            "RUBRIQUE",
        ),
        (
            "Documento 1 de 1",
            "12 de octubre de 2016 miércoles",
            "LONGITUD",
            "SECCIÓN",
        ),
    ] {
        let page = ingest::parse_text("x.txt", &latin_export(marker, date, length, section));
        assert_eq!(page.stories.len(), 1, "{marker}");
        let s = &page.stories[0];
        assert_eq!(s.headline, "Le port vote le dragage");
        assert_eq!(day(s).as_deref(), Some("2016-10-12"), "{date}");
        assert_eq!(s.section.as_deref(), Some("Actualité"));
        assert_eq!(s.paragraphs.len(), 2);
        assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    }
}

/// The English export re-wrapped at `width` columns, with `eol` line ends.
fn rewrapped(width: usize, eol: &str) -> String {
    let text = std::fs::read_to_string(data("nexis_en.txt")).expect("test export");
    let mut out = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut String| {
        if paragraph.is_empty() {
            return;
        }
        let joined = paragraph.join(" ");
        for line in textwrap::wrap(&joined, width) {
            out.push_str(&line);
            out.push_str(eol);
        }
        paragraph.clear();
    };
    for line in text.lines() {
        // Only the body paragraphs (flush left, long) are re-wrapped.
        if line.is_empty() || line.starts_with(' ') || line.contains(": ") && line.len() < 40 {
            flush(&mut paragraph, &mut out);
            out.push_str(line);
            out.push_str(eol);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

fn parse_bytes(name: &str, text: &str) -> Corpus {
    ingest::load_pages([(name.to_string(), text.as_bytes().to_vec())])
}

#[test]
fn wrap_widths_and_line_ends_give_the_same_paragraphs() {
    let want: Vec<Vec<String>> = in_file_order(&load("nexis_en.txt"))
        .iter()
        .map(|s| s.paragraphs.clone())
        .collect();
    for (width, eol) in [(50, "\n"), (72, "\r\n"), (100, "\n"), (60, "\r")] {
        let corpus = parse_bytes("export.dat", &rewrapped(width, eol));
        let got: Vec<Vec<String>> = in_file_order(&corpus)
            .iter()
            .map(|s| s.paragraphs.clone())
            .collect();
        assert_eq!(got, want, "width {width}, line ends {eol:?}");
    }
}

#[test]
fn exports_are_told_by_content_whatever_the_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("download.rtf.bak");
    std::fs::copy(data("nexis_en.txt"), &path).expect("copy");
    let corpus = ingest::load(&[path], &LoadOptions::default());
    assert_eq!(corpus.stories.len(), 3);
}

#[test]
fn factiva_export() {
    let corpus = load("factiva.txt");
    let stories = in_file_order(&corpus);
    assert_eq!(stories.len(), 3);
    let s = stories[0];
    assert_eq!(s.headline, "Harbour board votes to deepen the channel");
    assert_eq!(s.byline.as_deref(), Some("Marta Okonkwo-Reyes"));
    assert_eq!(s.section.as_deref(), Some("News"));
    assert_eq!(day(s).as_deref(), Some("2026-02-02"));
    // Lead paragraphs then the rest of the text, wrapped lines rejoined.
    assert_eq!(s.paragraphs.len(), 4);
    assert!(s.paragraphs[0].ends_with("opposed for two years."));
    assert_eq!(s.quotes.len(), 2);
    assert_eq!(s.quotes[0].speaker.as_deref(), Some("Ingrid Solberg"));
    // Codes with their values on the same line.
    assert_eq!(
        stories[1].headline,
        "Rail line to reopen after winter closure"
    );
    assert_eq!(day(stories[1]).as_deref(), Some("2026-03-01"));
    assert_eq!(stories[1].paragraphs.len(), 2);
    // Cut short, without PD: kept, the search summary after it left out.
    assert_eq!(stories[2].paragraphs.len(), 2);
    assert_no_field_lines(&stories);
    assert_eq!(corpus.warnings.len(), 1);
    assert!(
        corpus.warnings[0]
            .message
            .starts_with("document 3: no date (PD)")
    );
}

#[test]
fn proquest_export() {
    let corpus = load("proquest.txt");
    let stories = in_file_order(&corpus);
    assert_eq!(stories.len(), 2);
    let s = stories[0];
    assert_eq!(s.headline, "Harbour board votes to deepen the channel");
    assert_eq!(s.byline.as_deref(), Some("Marta Okonkwo-Reyes"));
    assert_eq!(s.section.as_deref(), Some("News"));
    assert_eq!(day(s).as_deref(), Some("2026-02-02"));
    assert_eq!(s.paragraphs.len(), 3, "{:#?}", s.paragraphs);
    assert!(s.paragraphs[0].starts_with("The harbour board voted"));
    assert!(!s.paragraphs.iter().any(|p| p.contains("seven votes")));
    assert_eq!(s.quotes[0].speaker.as_deref(), Some("Ingrid Solberg"));
    assert_eq!(stories[1].byline.as_deref(), Some("Sam Ortiz"));
    assert_eq!(day(stories[1]).as_deref(), Some("2026-03-01"));
    assert_no_field_lines(&stories);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}

#[test]
fn ordinary_pages_are_no_exports() {
    let page: ParsedPage = ingest::parse_text(
        "p.txt",
        "Council backs new bridge\n\nBy Ana Ruiz\n\nThe council voted on Monday.\n\n\
         Section: the council's own words.\n\nHD\n\nThe vote was 7 to 2.\n",
    );
    assert!(page.warnings.is_empty());
    assert_eq!(page.stories.len(), 1);
}

/// A LexisNexis export of `n` documents.
fn big_export(n: usize) -> String {
    let mut out = String::from("Download Request: Selected Items: 1-n\n\n");
    for i in 1..=n {
        out.push_str(&format!(
            "            {i} of {n} DOCUMENTS\n\n            The Herald\n\n\
             March {d}, 2026 Monday\n\nStory number {i} on the harbour\n\n\
             BYLINE: By Jane Doe\n\nLENGTH: 30 words\n\n\
             The harbour board met for the {i}th time on Monday and voted to\n\
             deepen the channel, said Ingrid Solberg.\n\nLOAD-DATE: March 2, 2026\n\n\
             Copyright 2026 The Herald\n\n",
            d = i % 28 + 1
        ));
    }
    out
}

#[test]
fn ten_thousand_documents_in_one_file() {
    let text = big_export(10_000);
    let page = ingest::parse_text("big.txt", &text);
    assert_eq!(page.stories.len(), 10_000);
    assert!(page.warnings.is_empty());
    assert_eq!(
        page.stories[9_999].headline,
        "Story number 10000 on the harbour"
    );
}

// The development exports in ../shared: the figures the reader reached on them.

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.join("archive-dev/gold.json").exists() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared/data/archive-dev is absent");
        None
    }
}

fn words(s: &str) -> Vec<String> {
    s.replace(['’', '‘'], "'")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn development_exports_figures() {
    let Some(dir) = shared() else { return };
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("archive-dev/gold.json")).expect("gold"),
    )
    .expect("gold json");
    let gold = gold.as_array().expect("list");
    let corpus = ingest::load(&[dir.join("archive-dev")], &LoadOptions::default());
    let mut stories: Vec<&Story> = corpus.stories.iter().collect();
    stories.sort_by_key(|s| (s.source.path.clone(), s.source.line_start));
    assert_eq!(stories.len(), gold.len(), "one story per document");
    let (mut headline, mut date, mut byline, mut section) = (0, 0, 0, 0);
    let (mut whole, mut paragraphs) = (0, 0);
    for (story, want) in stories.iter().zip(gold) {
        let field = |k: &str| want[k].as_str().unwrap_or("").to_string();
        headline += usize::from(words(&story.headline) == words(&field("headline")));
        date += usize::from(day(story) == Some(field("published")));
        byline +=
            usize::from(words(story.byline.as_deref().unwrap_or("")) == words(&field("byline")));
        section +=
            usize::from(words(story.section.as_deref().unwrap_or("")) == words(&field("section")));
        let article = std::fs::read_to_string(
            dir.join("polnear-train")
                .join(format!("{}.txt", field("name"))),
        )
        .expect("article");
        let shown: Vec<Vec<String>> = story.paragraphs.iter().map(|p| words(p)).collect();
        for line in article.lines().filter(|l| !l.trim().is_empty()).skip(1) {
            paragraphs += 1;
            whole += usize::from(shown.contains(&words(line)));
        }
    }
    let n = gold.len() as f64;
    for (name, count) in [
        ("headline", headline),
        ("date", date),
        ("byline", byline),
        ("section", section),
    ] {
        let share = count as f64 / n;
        assert!(share >= 0.97, "{name}: {share:.3} < 0.97");
    }
    let share = whole as f64 / paragraphs as f64;
    assert!(share >= 0.97, "paragraphs whole: {share:.3} < 0.97");
    assert_no_field_lines(&stories);
    // The only warning: the gold file beside the exports, named as no feed.
    assert!(
        corpus
            .warnings
            .iter()
            .all(|w| w.path.ends_with("gold.json")),
        "{:?}",
        corpus.warnings
    );
}

/// A newsletter hard-wrapped at 72 columns, breaking compounds after their hyphens
/// (as text wrappers do), with CRLF line ends.
const NEWSLETTER: &str = "HARBOUR WEEKLY\r\n\r\nBoard votes to deepen the channel\r\n\r\n\
The harbour board voted on Monday to deepen the main shipping channel, a\r\n\
plan that well-organised fishing crews and the long-established co-\r\n\
operative had opposed for two years, said Douglas Holtz-Eakin, an\r\n\
adviser to the board.\r\n\r\n\
\"We cannot let the port silt up,\" Ingrid Solberg told reporters after the\r\n\
meeting. \"Every year we wait, the ships get bigger and the channel gets\r\n\
shallower.\"\r\n\r\n\
Work is due to start in May, after the spawning season, and to last\r\n\
eighteen months, according to the timetable published by the harbour-\r\n\
master's office.\r\n";

#[test]
fn hard_wrapped_newsletter_is_rejoined_into_paragraphs() {
    let corpus = parse_bytes("newsletter.eml.txt", NEWSLETTER);
    assert_eq!(corpus.stories.len(), 1);
    let s = &corpus.stories[0];
    assert_eq!(s.headline, "Board votes to deepen the channel");
    assert_eq!(s.paragraphs.len(), 3, "{:#?}", s.paragraphs);
    assert!(s.paragraphs[0].contains("long-established co-operative had opposed"));
    assert!(s.paragraphs[2].ends_with("by the harbour-master's office."));
    assert_eq!(s.quotes.len(), 1);
    assert_eq!(s.quotes[0].speaker.as_deref(), Some("Ingrid Solberg"));
}

#[test]
fn nexis_uni_export() {
    let corpus = load("nexis_uni.txt");
    let stories = in_file_order(&corpus);
    assert_eq!(stories.len(), 2);
    let s = stories[0];
    assert_eq!(s.headline, "Harbour board votes to deepen the channel");
    assert_eq!(s.byline.as_deref(), Some("Marta Okonkwo-Reyes"));
    assert_eq!(s.section.as_deref(), Some("NEWS; Pg. 3"));
    assert_eq!(day(s).as_deref(), Some("2026-02-02"));
    // Neither the highlight, the Body heading nor the classification is text.
    assert_eq!(s.paragraphs.len(), 2, "{:#?}", s.paragraphs);
    assert_eq!(s.quotes[0].speaker.as_deref(), Some("Ingrid Solberg"));
    assert_eq!(
        stories[1].headline,
        "Rail line to reopen after winter closure"
    );
    assert_eq!(day(stories[1]).as_deref(), Some("2026-03-01"));
    assert_no_field_lines(&stories);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}
