//! News archive exports: one text file holding many articles, each with its fields.
//!
//! Decides whether a page is such an export, told by its content alone (never by the
//! file's name): a LexisNexis / Nexis Uni export ([`nexis`]: `1 of 20 DOCUMENTS`,
//! `Dokument 1 von 20`, `Document 1 de 20` markers and `LENGTH:` field lines), a Factiva
//! export ([`factiva`]: `HD` / `PD` / `TD` field blocks) or a ProQuest export
//! ([`proquest`]: `Full text:` records between rules of underscores). Each layout reads
//! its documents into [`Document`]s; here they become [`Story`]s of the same model
//! every other page gives, and a damaged document (a field missing, a document cut
//! short) costs that document alone, with a warning naming the file and the document's
//! number. Every layout reads the file once, line by line: linear in its size.
//!
//! The story model has no fields for a document's publication, length, URL or summary:
//! [`Document`] keeps them, and [`read_documents`] gives them to callers that want them;
//! the stories leave them out (a summary is never made a paragraph).

pub mod dates;
pub mod factiva;
pub mod nexis;
pub mod proquest;

use super::page::first_sentence;
use super::unwrap::join_wrapped;
use super::{Page, ParsedPage};
use crate::model::{Origin, SourceRef, Story, Timestamp, Warning};

/// The layout of an archive export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// LexisNexis / Nexis Uni text.
    Nexis,
    /// Factiva text with its field codes.
    Factiva,
    /// ProQuest text.
    ProQuest,
}

/// One article of an export, with its fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Its number in the file, counting from 1.
    pub number: usize,
    /// Its first and last line in the file, counting from 1.
    pub lines: (usize, usize),
    /// The headline.
    pub headline: Option<String>,
    /// The publication (newspaper, site, agency).
    pub publication: Option<String>,
    /// When it was published.
    pub published: Option<Timestamp>,
    /// The byline, without a leading `By`.
    pub byline: Option<String>,
    /// The section.
    pub section: Option<String>,
    /// The length as the export gives it (`607 words`).
    pub length: Option<String>,
    /// The article's address.
    pub url: Option<String>,
    /// A summary given apart from the text (`HIGHLIGHT:`, an abstract).
    pub summary: Option<String>,
    /// The body, one paragraph each, wrapped lines rejoined.
    pub paragraphs: Vec<String>,
    /// What is wrong with the document (a field missing, cut short), for the warning.
    pub problems: Vec<String>,
}

/// The layout of an export, or `None` when the text is not one.
///
/// ProQuest is asked first: its exports may number their articles (`Document 1 of
/// 50`) as LexisNexis does.
pub fn sniff(text: &str) -> Option<Layout> {
    if proquest::sniff(text) {
        Some(Layout::ProQuest)
    } else if factiva::sniff(text) {
        Some(Layout::Factiva)
    } else if nexis::sniff(text) {
        Some(Layout::Nexis)
    } else {
        None
    }
}

/// The documents of an export in the given layout, in file order, damaged ones
/// included (with their problems).
pub fn read_documents(layout: Layout, text: &str) -> Vec<Document> {
    match layout {
        Layout::Nexis => nexis::read(text),
        Layout::Factiva => factiva::read(text),
        Layout::ProQuest => proquest::read(text),
    }
}

/// Parses a page that is an archive export into its stories, one per document with a
/// body; `None` when the page is no export.
pub fn parse(page: &Page) -> Option<ParsedPage> {
    let layout = sniff(&page.text)?;
    let documents = read_documents(layout, &page.text);
    let mut parsed = ParsedPage::default();
    for doc in documents {
        let warn = |message: String| Warning {
            path: page.path.clone(),
            message: format!("document {}: {message}", doc.number),
        };
        if doc.paragraphs.is_empty() {
            let mut problems = doc.problems.clone();
            problems.push("no text, skipped".into());
            parsed.warnings.push(warn(problems.join("; ")));
            continue;
        }
        if !doc.problems.is_empty() {
            parsed.warnings.push(warn(doc.problems.join("; ")));
        }
        parsed.stories.push(story(&page.path, doc));
    }
    Some(parsed)
}

/// The story of a document (with a body).
fn story(path: &str, doc: Document) -> Story {
    let source = SourceRef {
        path: path.to_string(),
        line_start: doc.lines.0,
        line_end: doc.lines.1,
    };
    let headline = match doc.headline {
        Some(h) if !h.is_empty() => h,
        _ => first_sentence(doc.paragraphs.first().map_or("", String::as_str)),
    };
    Story {
        id: String::new(),
        headline,
        section: doc.section,
        byline: doc.byline.map(|b| byline(&b)),
        published: doc.published,
        updated: None,
        sources: vec![source.clone()],
        source,
        paragraphs: doc.paragraphs,
        quotes: Vec::new(),
        origin: Origin {
            publication: doc.publication,
            url: doc.url,
            length: doc.length,
            summary: doc.summary,
        }
        .boxed(),
    }
}

/// A byline as shown: without `By` (`Von`, `Par`, `Por`) before the names, and names
/// written all in capitals given capitals only at the start of each part
/// (`JANE O'NEIL-SMITH` → `Jane O'Neil-Smith`).
pub fn byline(raw: &str) -> String {
    let raw = raw.trim();
    let mut rest = raw;
    for by in [
        "By ", "BY ", "by ", "Von ", "VON ", "von ", "Par ", "PAR ", "Por ", "POR ",
    ] {
        if let Some(r) = raw.strip_prefix(by) {
            rest = r.trim_start();
            break;
        }
    }
    let letters = rest.chars().filter(|c| c.is_alphabetic());
    let shouting = letters.clone().count() > 3 && letters.clone().all(char::is_uppercase);
    if !shouting {
        return rest.to_string();
    }
    let mut out = String::with_capacity(rest.len());
    let mut start = true;
    for c in rest.chars() {
        if c.is_alphabetic() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

/// A run of lines without a blank one, with the number of its first line.
#[derive(Clone, Debug)]
pub(crate) struct Group<'a> {
    /// The number of the first line, counting from 1.
    pub first: usize,
    /// The lines, as in the file (indentation kept).
    pub lines: Vec<&'a str>,
}

impl Group<'_> {
    /// The number of the last line.
    pub fn last(&self) -> usize {
        self.first + self.lines.len().saturating_sub(1)
    }
}

/// Cuts numbered lines into runs separated by blank lines.
pub(crate) fn groups<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = Vec::new();
    let mut open = false;
    for (no, line) in lines {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(group) if open => group.lines.push(line),
            _ => out.push(Group {
                first: no,
                lines: vec![line],
            }),
        }
        open = true;
    }
    out
}

/// Whether `text` holds `needle` (ASCII, in lower case) in any ASCII case. The sniffers
/// ask it of a page's head before reading it line by line: a page without the words
/// their lines need is no export, and most pages are none.
pub(crate) fn holds_any_case(text: &str, needle: &str) -> bool {
    let mut found = false;
    each_any_case(text, needle, |_| {
        found = true;
        false
    });
    found
}

/// Calls `at` with the byte offset of each place `text` holds `needle` (ASCII, in lower
/// case) in any ASCII case, in order, until `at` returns false.
///
/// The text is read in blocks with bit 5 of every byte set (`A`..`Z` become `a`..`z`,
/// and no other byte becomes a letter), searched with one byte search each, and a place
/// found is checked against the text as written: one pass of the text, however often
/// the needle's first letter occurs.
pub(crate) fn each_any_case(text: &str, needle: &str, mut at: impl FnMut(usize) -> bool) {
    const BLOCK: usize = 4096;
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > BLOCK / 2 {
        // Not asked by the sniffers; read the slow way.
        for i in 0..=t.len().saturating_sub(n.len()) {
            if t.get(i..i + n.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(n))
                && !at(i)
            {
                return;
            }
        }
        return;
    }
    let folded: Vec<u8> = n.iter().map(|b| b | 0x20).collect();
    let finder = memchr::memmem::Finder::new(&folded);
    // Each block starts `step` after the one before and overlaps the next by one byte
    // less than the needle: a place starting in a block's first `step` bytes is whole in
    // it, and is taken from that block only.
    let step = BLOCK - (n.len() - 1);
    // Filled block by block (never zeroed first: most texts are shorter than a block).
    let mut lowered = Vec::with_capacity(t.len().min(BLOCK));
    let mut from = 0;
    while from < t.len() {
        let part = &t[from..t.len().min(from + BLOCK)];
        lowered.clear();
        lowered.extend(part.iter().map(|&b| b | 0x20));
        for i in finder.find_iter(&lowered) {
            if i >= step {
                break;
            }
            if part[i..i + n.len()].eq_ignore_ascii_case(n) && !at(from + i) {
                return;
            }
        }
        from += step;
    }
}

/// The largest character boundary of `text` at or before `at`.
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// True for a copyright line (`Copyright 2016 The Times`, `© 2016 ...`, `All Rights
/// Reserved` and its German, French and Spanish forms).
pub(crate) fn is_copyright(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    lower.starts_with("copyright")
        || line.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.contains("all rights reserved")
        || lower.contains("alle rechte vorbehalten")
        || lower.contains("tous droits réservés")
        || lower.contains("todos los derechos reservados")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_in_any_ascii_case() {
        assert!(holds_any_case(
            "Source: PUBLICATION Title: Harbour Post",
            "publication title"
        ));
        assert!(holds_any_case("a DocUment", "ument"));
        assert!(!holds_any_case("an argu-ment", "ument"));
        assert!(!holds_any_case("", "ument"));
        // Bytes that only look like a letter with bit 5 set are no letter.
        assert!(!holds_any_case("\u{15}ment Uœent", "ument"));
        assert!(!holds_any_case("a\0title", "a title"));
        assert!(holds_any_case("a TITLE", "a title"));
    }

    /// Every place, the slow way.
    fn places_any_case(text: &str, needle: &str) -> Vec<usize> {
        let (t, n) = (text.as_bytes(), needle.as_bytes());
        (0..=t.len().saturating_sub(n.len()))
            .filter(|&i| {
                t.get(i..i + n.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(n))
            })
            .collect()
    }

    #[test]
    fn places_across_blocks_are_found_once_each() {
        // Needles straddling the 4096-byte blocks, at every offset around the seam.
        for pad in 4085..4100 {
            let text = format!("{}DocUment ument{}UMENT", "x".repeat(pad), "y".repeat(pad));
            let mut got = Vec::new();
            each_any_case(&text, "ument", |i| {
                got.push(i);
                true
            });
            assert_eq!(got, places_any_case(&text, "ument"), "pad {pad}");
        }
        let mut first = Vec::new();
        each_any_case("ument ument", "ument", |i| {
            first.push(i);
            false
        });
        assert_eq!(first, [0]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn places_are_those_of_a_plain_search(
            text in "[uUmMeEnNtT \\x15\\x0e-é@]{0,60}",
            needle in proptest::prop_oneof![
                proptest::strategy::Just("ument"),
                proptest::strategy::Just("u"),
                proptest::strategy::Just("t m"),
            ],
        ) {
            let mut got = Vec::new();
            each_any_case(&text, needle, |i| {
                got.push(i);
                true
            });
            proptest::prop_assert_eq!(got, places_any_case(&text, needle));
        }
    }

    #[test]
    fn exports_are_told_in_any_case_of_their_field_names() {
        // Field names in unusual case, and a marker whose `k` is the Kelvin sign (which
        // lowers to `k`): the sniffers' searches before reading lines find them too.
        let proquest = "Quay walls to be raised\n\nFULL TEXT: The harbour board voted.\n\nPublication Title: Harbour Post\n";
        assert_eq!(sniff(proquest), Some(Layout::ProQuest));
        let nexis =
            "Do\u{212a}ument 1 von 2\n\nHarbour Post\n\nLÄNGE: 212 Wörter\n\nThe board voted.\n";
        assert!(nexis::marker("Do\u{212a}ument 1 von 2").is_some());
        assert_eq!(sniff(nexis), Some(Layout::Nexis));
        assert_eq!(
            sniff("The board voted on the walls: an argument, not a document.\n"),
            None
        );
    }

    #[test]
    fn bylines_lose_by_and_shouting() {
        assert_eq!(byline("By JONATHAN WEISMAN"), "Jonathan Weisman");
        assert_eq!(byline("BY MARY O'NEIL-SMITH"), "Mary O'Neil-Smith");
        assert_eq!(byline("Von Anna Müller"), "Anna Müller");
        assert_eq!(byline("Jane Doe and John Roe"), "Jane Doe and John Roe");
    }

    #[test]
    fn groups_are_cut_at_blank_lines() {
        let text = "a\nb\n\n  \nc\n";
        let g = groups(text.lines().enumerate().map(|(i, l)| (i + 1, l)));
        assert_eq!(g.len(), 2);
        assert_eq!((g[0].first, g[0].last()), (1, 2));
        assert_eq!(join_wrapped(&g[0].lines), "a b");
        assert_eq!((g[1].first, g[1].last()), (5, 5));
    }

    #[test]
    fn copyright_lines_in_four_languages() {
        for line in [
            "   Copyright 2016 The Post",
            "© 2016 Le Monde",
            "Alle Rechte vorbehalten",
            "Tous droits réservés",
        ] {
            assert!(is_copyright(line), "{line}");
        }
        assert!(!is_copyright("The copyright office said"));
    }
}
