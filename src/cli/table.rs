//! CSV for analysts: `quotes`, `speakers`, `stats` and `export` as RFC 4180 tables.
//!
//! It decides the columns and how a cell is made safe: page text sanitised (no escape
//! sequence reaches a terminal or a spreadsheet), on one line except a story's text,
//! and a cell that a spreadsheet would take for a formula (`=`, `+`, `@`, `-` before a
//! letter) opened with an apostrophe. Quoting and escaping are the `csv` crate's.

use std::io::{self, Write};

use crate::ingest::sanitize::sanitize;
use crate::model::{Corpus, LoadStats, Quote, Story};
use crate::state::StateSnapshot;

/// A cell of page text: sanitised, on one line, never read as a formula.
fn cell(text: &str) -> String {
    let line = sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    defused(line)
}

/// `text` opened with an apostrophe when a spreadsheet would run it as a formula.
fn defused(text: String) -> String {
    let mut chars = text.chars();
    let risky = match chars.next() {
        Some('=' | '+' | '@') => true,
        Some('-') => chars.next().is_some_and(char::is_alphabetic),
        _ => false,
    };
    if risky { format!("'{text}") } else { text }
}

fn to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn time(t: Option<crate::model::Timestamp>) -> String {
    t.map(|t| t.to_string()).unwrap_or_default()
}

/// `dateline quotes --format csv`: one row a quote.
pub fn quotes(items: &[(&Story, &Quote)], out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "story_id",
        "published",
        "speaker",
        "title",
        "quote",
        "kind",
        "source",
    ])
    .map_err(to_io)?;
    for (story, q) in items {
        let kind = if q.partial { "fragment" } else { "spoken" };
        w.write_record([
            story.id.as_str(),
            &time(q.timestamp.or(story.time())),
            &cell(q.speaker.as_deref().unwrap_or("")),
            &cell(q.speaker_title.as_deref().unwrap_or("")),
            &cell(&q.text),
            kind,
            &cell(&story.source.path),
        ])
        .map_err(to_io)?;
    }
    w.flush()
}

/// `dateline speakers --format csv`: one row a person.
pub fn speakers(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["speaker", "quotes", "stories", "titles"])
        .map_err(to_io)?;
    for s in &corpus.speakers {
        let titles: Vec<String> = s.titles.iter().map(|t| cell(t)).collect();
        w.write_record([
            cell(&s.name),
            s.quote_count.to_string(),
            s.stories.len().to_string(),
            titles.join("; "),
        ])
        .map_err(to_io)?;
    }
    w.flush()
}

/// `dateline stats --format csv`: one row a count.
pub fn stats(rows: &[(&str, String)], out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["count", "value"]).map_err(to_io)?;
    for (label, value) in rows {
        w.write_record([*label, value.as_str()]).map_err(to_io)?;
    }
    w.flush()
}

/// The rows of [`stats`] for the load counts.
pub fn stats_rows(s: &LoadStats, seconds: f64) -> Vec<(&'static str, String)> {
    vec![
        ("files", s.files.to_string()),
        ("pages", s.pages.to_string()),
        ("stories", s.stories.to_string()),
        ("paragraphs", s.paragraphs.to_string()),
        ("quotes", s.quotes.to_string()),
        ("speakers", s.speakers.to_string()),
        ("warnings", s.warnings.to_string()),
        ("bytes", s.bytes.to_string()),
        ("seconds", format!("{seconds:.3}")),
    ]
}

/// `dateline export --format csv`: one row a story, its text in the last cell with a
/// blank line between paragraphs.
pub fn stories(corpus: &Corpus, state: &StateSnapshot, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "published",
        "updated",
        "headline",
        "byline",
        "section",
        "publication",
        "url",
        "source",
        "quotes",
        "read",
        "starred",
        "text",
    ])
    .map_err(to_io)?;
    for s in &corpus.stories {
        let origin = s.origin.as_deref();
        let st = state.story(&s.id);
        let text: Vec<String> = s
            .paragraphs
            .iter()
            .map(|p| sanitize(p).split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        w.write_record([
            s.id.clone(),
            time(s.published),
            time(s.updated),
            cell(&s.headline),
            cell(s.byline.as_deref().unwrap_or("")),
            cell(s.section.as_deref().unwrap_or("")),
            cell(origin.and_then(|o| o.publication.as_deref()).unwrap_or("")),
            cell(origin.and_then(|o| o.url.as_deref()).unwrap_or("")),
            cell(&s.source.path),
            s.quotes.len().to_string(),
            st.read.to_string(),
            st.starred.to_string(),
            defused(text.join("\n\n")),
        ])
        .map_err(to_io)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_text_kept() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-cmd"), "'-cmd");
        assert_eq!(cell("-3 percent"), "-3 percent");
        assert_eq!(cell("  two\\nlines "), "two\\nlines");
        assert_eq!(cell("a\n b"), "a b");
    }

    #[test]
    fn escape_sequences_never_reach_a_cell() {
        assert!(!cell("red \u{1b}[31m text").contains('\u{1b}'));
    }
}
