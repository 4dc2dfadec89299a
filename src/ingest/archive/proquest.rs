//! ProQuest text exports ("TXT - Text Only").
//!
//! Articles stand between rules of underscores. Each opens with its title alone, then
//! field paragraphs `Name: value` (`Author:`, `Publication info:`, `Abstract:`, `Full
//! text:`, `Subject:`, `Title:`, `Publication title:`, `Publication date:`, `Section:`,
//! `Document URL:`, `Copyright:`, `Last updated:`, `Database:` ...), as the field list of
//! a public ProQuest export parser (chennesy/pq_parser) gives them. The text is the
//! `Full text:` field: its first paragraph on the field's line, the rest after it until
//! the next field line. Parts between rules with no fields (the export's cover and
//! closing notes) are no articles.
//!
//! Decides which paragraphs are the text and which fields the story takes; authors
//! written surname first (`Okafor, Ruth`) are turned round.

use super::dates::date_line;
use super::{Document, groups, join_wrapped};

/// How far into a file the fields are looked for.
const SNIFF_BYTES: usize = 256 * 1024;
/// Fewest underscores in a rule between articles.
const MIN_RULE: usize = 20;

/// The names of an article's fields (any case).
const FIELDS: &[&str] = &[
    "title",
    "publication title",
    "publication year",
    "publication date",
    "publication info",
    "publication subject",
    "document url",
    "full text",
    "links",
    "section",
    "issn",
    "copyright",
    "abstract",
    "last updated",
    "place of publication",
    "location",
    "author",
    "publisher",
    "identifier / keyword",
    "source type",
    "proquest document id",
    "country of publication",
    "language of publication",
    "subject",
    "database",
    "document type",
    "company / organization",
    "people",
    "credit",
    "illustration",
    "caption",
    "dateline",
    "edition",
    "pages",
    "column",
    "start page",
    "document feature",
    "classification",
    "number of pages",
    "volume",
    "issue",
    "accession number",
    "url",
];

/// The field a line opens and the value on it (`Author: Okafor, Ruth` → `("author",
/// "Okafor, Ruth")`), or `None` for any other line.
fn field(line: &str) -> Option<(&'static str, &str)> {
    // A field's name is at most 40 bytes: the colon is looked for only that far (a
    // paragraph's colon far along the line is no field's).
    let colon = memchr::memchr(b':', &line.as_bytes()[..line.len().min(41)])?;
    let (name, rest) = (&line[..colon], &line[colon + 1..]);
    if name.len() > 40 || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let name = name.trim().to_lowercase();
    let found = FIELDS.iter().copied().find(|&f| f == name)?;
    Some((found, rest.trim()))
}

/// True for a rule of underscores between articles.
fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.len() >= MIN_RULE && line.bytes().all(|b| b == b'_')
}

/// True when the text is a ProQuest export: `Full text:` (or `Abstract:`) and
/// `Publication title:` fields.
pub fn sniff(text: &str) -> bool {
    let head = &text[..super::floor_boundary(text, SNIFF_BYTES)];
    // The field's name is lowered by `to_lowercase`, which makes none of its letters
    // from a character beyond ASCII: the head holds it in some ASCII case.
    if !super::holds_any_case(head, "publication title") {
        return false;
    }
    let (mut body, mut publication) = (false, false);
    for line in head.lines() {
        match field(line) {
            Some(("full text" | "abstract", _)) => body = true,
            Some(("publication title", _)) => publication = true,
            _ => {}
        }
        if body && publication {
            return true;
        }
    }
    false
}

/// The documents of a ProQuest export, in file order.
pub fn read(text: &str) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut part: Vec<(usize, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if is_rule(line) {
            if let Some(doc) = document(docs.len() + 1, &part) {
                docs.push(doc);
            }
            part.clear();
        } else {
            part.push((i + 1, line));
        }
    }
    if let Some(doc) = document(docs.len() + 1, &part) {
        docs.push(doc);
    }
    docs
}

/// The document of the lines between two rules, or `None` when they hold no fields.
fn document(number: usize, lines: &[(usize, &str)]) -> Option<Document> {
    let opens = lines.iter().position(|l| field(l.1).is_some())?;
    let parts = groups(lines.iter().copied());
    let mut doc = Document {
        number,
        lines: (parts.first()?.first, parts.last()?.last()),
        ..Document::default()
    };
    // The title alone, before the first field.
    let title_lines: Vec<&str> = lines[..opens]
        .iter()
        .map(|l| l.1)
        .skip_while(|l| l.trim().is_empty() || super::nexis::marker(l).is_some())
        .take_while(|l| !l.trim().is_empty())
        .collect();
    if !title_lines.is_empty() {
        doc.headline = Some(join_wrapped(&title_lines));
    }
    // Each field's lines, in order; the full text's run on over paragraphs.
    let mut current: Option<(&str, Vec<(usize, &str)>)> = None;
    let mut fields: Vec<(&str, Vec<(usize, &str)>)> = Vec::new();
    for &(no, line) in &lines[opens..] {
        if let Some((name, value)) = field(line) {
            fields.extend(current.take());
            current = Some((name, vec![(no, value)]));
        } else if let Some((_, body)) = current.as_mut() {
            body.push((no, line));
        }
    }
    fields.extend(current);
    let mut title_field = None;
    let mut info = None;
    for (name, body) in fields {
        let text = || {
            let parts: Vec<String> = groups(body.iter().copied())
                .iter()
                .map(|g| join_wrapped(&g.lines))
                .collect();
            parts
        };
        let one = || {
            let line = text().join(" ");
            (!line.is_empty()).then_some(line)
        };
        match name {
            "full text" => doc.paragraphs.extend(text()),
            "title" => title_field = title_field.or_else(one),
            "author" => doc.byline = doc.byline.take().or_else(|| one().map(|a| authors(&a))),
            "publication title" => doc.publication = doc.publication.take().or_else(one),
            "section" => doc.section = doc.section.take().or_else(one),
            "document url" | "url" => doc.url = doc.url.take().or_else(one),
            "abstract" => doc.summary = doc.summary.take().or_else(one),
            "pages" | "number of pages" => doc.length = doc.length.take().or_else(one),
            "publication date" => {
                doc.published = doc.published.or_else(|| one().and_then(|d| date_line(&d)));
            }
            "publication info" => info = info.take().or_else(one),
            _ => {}
        }
    }
    if doc.headline.is_none() {
        doc.headline = title_field;
    }
    if doc.published.is_none() {
        doc.published = info.as_deref().and_then(date_in_info);
    }
    if doc.headline.is_none() {
        doc.problems.push("no title".into());
    }
    if doc.published.is_none() {
        doc.problems.push("no publication date".into());
    }
    Some(doc)
}

/// The date in a `Publication info:` value (`The Herald; Port Ellis [Port Ellis]. 02
/// Feb 2026: A.3.`): the first of its parts between `;`, `.` and brackets, cut at a
/// colon, that is a date.
fn date_in_info(info: &str) -> Option<crate::model::Timestamp> {
    info.split([';', '.', '[', ']'])
        .map(|part| part.split(':').next().unwrap_or(part))
        .find_map(date_line)
}

/// Authors as ProQuest writes them (`Okafor, Ruth; Wren, Tomas`) in reading order
/// (`Ruth Okafor; Tomas Wren`).
fn authors(raw: &str) -> String {
    raw.split(';')
        .map(|a| {
            let a = a.trim();
            match a.split_once(", ") {
                Some((last, first))
                    if !first.contains(',') && !a.bytes().any(|b| b.is_ascii_digit()) =>
                {
                    format!("{first} {last}")
                }
                _ => a.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_lines_by_name_in_any_case() {
        assert_eq!(
            field("Full text: The board"),
            Some(("full text", "The board"))
        );
        assert_eq!(
            field("Publication title: Herald"),
            Some(("publication title", "Herald"))
        );
        assert_eq!(field("Note: the board"), None);
        assert_eq!(field("Title:x"), None);
    }

    #[test]
    fn the_date_in_the_publication_info() {
        let at = date_in_info("The Herald; Port Ellis [Port Ellis]. 02 Feb 2026: A.3.");
        assert_eq!(
            at.map(|t| t.to_string()).as_deref(),
            Some("2026-02-02T00:00:00")
        );
        assert_eq!(date_in_info("The Herald; Port Ellis"), None);
    }

    #[test]
    fn authors_turned_round() {
        assert_eq!(
            authors("Okafor, Ruth; Wren, Tomas"),
            "Ruth Okafor; Tomas Wren"
        );
        assert_eq!(authors("Staff Writer"), "Staff Writer");
    }
}
