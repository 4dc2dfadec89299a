//! Factiva text exports ("Full Article/Report plus Indexing").
//!
//! Each article is a run of field blocks, each opened by a field code of two or three
//! capitals alone on its line (or followed by a tab or several spaces and the value):
//! `HD` headline, `BY` byline, `WC` word count, `PD` publication date, `ET` time, `SN`
//! source name, `SC` source code, `SE` section, `ED` edition, `PG` page, `LA` language,
//! `CY` copyright, `LP` lead paragraphs, `TD` the rest of the text, then indexing codes
//! (`CO`, `IN`, `NS`, `RE`, `IPC`, `IPD`, `PUB`) and `AN` (`Document GRDN000020100312…`),
//! which closes the article (a `Document …` line alone closes it too, in displays
//! without the indexing codes). The codes are those of Factiva's indexing display, as public
//! parsers of its exports list them. A new `HD` before an `AN` starts a new article.
//!
//! Decides which blocks are the text (`LP` and `TD`, paragraph by paragraph) and which
//! give the story's fields; everything else (search summaries around the articles,
//! indexing codes) stays out of the text. A `Search Summary` line ends the articles.

use std::sync::LazyLock;

use super::dates::date_line;
use super::{Document, groups, is_copyright, join_wrapped};

/// How far into a file the field codes are looked for.
const SNIFF_BYTES: usize = 256 * 1024;

/// The field codes of an article.
const CODES: &[&str] = &[
    "HD", "CLM", "SE", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP",
    "TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "ART", "NGC",
];

/// The code opening a line and the value on that line (`"WC      212 words"` →
/// `("WC", "212 words")`), or `None` for any other line.
fn code(line: &str) -> Option<(&'static str, &str)> {
    let line = line.trim_end();
    let end = line
        .find(|c: char| !c.is_ascii_uppercase())
        .unwrap_or(line.len());
    let found = CODES.iter().copied().find(|&c| c == &line[..end])?;
    let rest = &line[end..];
    if rest.is_empty() {
        return Some((found, ""));
    }
    // The value after a tab or at least two spaces: "IN the morning" is prose.
    (rest.starts_with('\t') || rest.starts_with("  ")).then_some((found, rest.trim()))
}

/// True for an article's number line (`Document COASTH0020260202e2220000b`).
fn is_document_id(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("Document")
        && words
            .next()
            .is_some_and(|id| id.len() >= 16 && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        && words.next().is_none()
}

/// A finder for the headline's code, built once.
static HD_CODE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("HD"));

/// True when the text is a Factiva export: `HD`, `PD` and `LP` or `TD` codes.
pub fn sniff(text: &str) -> bool {
    let head = &text[..super::floor_boundary(text, SNIFF_BYTES)];
    if HD_CODE.find(head.as_bytes()).is_none() {
        return false;
    }
    let (mut hd, mut pd, mut body) = (false, false, false);
    for line in head.lines() {
        match code(line) {
            Some(("HD", _)) => hd = true,
            Some(("PD", _)) if hd => pd = true,
            Some(("LP" | "TD", _)) if hd => body = true,
            _ => {}
        }
        if hd && pd && body {
            return true;
        }
    }
    false
}

/// An article being read: its lines by field.
#[derive(Default)]
struct Open<'a> {
    first: usize,
    last: usize,
    fields: Vec<(&'static str, Vec<(usize, &'a str)>)>,
}

/// The documents of a Factiva export, in file order.
pub fn read(text: &str) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut open: Option<Open<'_>> = None;
    for (i, line) in text.lines().enumerate() {
        let no = i + 1;
        if let Some((c, value)) = code(line) {
            let starts = open.as_ref().is_none_or(|o| {
                c == "HD"
                    && o.fields
                        .iter()
                        .any(|(f, _)| *f == "HD" || *f == "LP" || *f == "TD")
            });
            if starts {
                if let Some(done) = open.take() {
                    let mut doc = document(docs.len() + 1, done);
                    doc.problems.push("no AN line".into());
                    docs.push(doc);
                }
                open = Some(Open {
                    first: no,
                    ..Open::default()
                });
            }
            let Some(o) = open.as_mut() else { continue };
            o.last = no;
            o.fields.push((c, Vec::new()));
            if let Some((_, lines)) = o.fields.last_mut()
                && !value.is_empty()
            {
                lines.push((no, value));
            }
            if c == "AN" {
                // The value may stand on the next line: closed when it has one.
                if !value.is_empty()
                    && let Some(done) = open.take()
                {
                    docs.push(document(docs.len() + 1, done));
                }
            }
            continue;
        }
        if line.trim() == "Search Summary" {
            // The search's summary, after the last article: closes one cut short.
            break;
        }
        if is_document_id(line)
            && open
                .as_ref()
                .is_some_and(|o| o.fields.last().is_some_and(|(f, _)| *f != "AN"))
        {
            // The article's number without its `AN` code (displays without indexing).
            if let Some(mut done) = open.take() {
                done.last = no;
                docs.push(document(docs.len() + 1, done));
            }
            continue;
        }
        let Some(o) = open.as_mut() else { continue };
        if let Some((field, lines)) = o.fields.last_mut() {
            lines.push((no, line));
            if !line.trim().is_empty() {
                o.last = no;
            }
            if *field == "AN"
                && !line.trim().is_empty()
                && let Some(done) = open.take()
            {
                docs.push(document(docs.len() + 1, done));
            }
        }
    }
    if let Some(done) = open.take() {
        let mut doc = document(docs.len() + 1, done);
        doc.problems.push("cut short (no AN line)".into());
        docs.push(doc);
    }
    docs
}

/// A field's lines as one line.
fn one_line(lines: &[(usize, &str)]) -> Option<String> {
    let text = join_wrapped(&lines.iter().map(|l| l.1).collect::<Vec<_>>());
    (!text.is_empty()).then_some(text)
}

/// The document of an article's fields.
fn document(number: usize, open: Open<'_>) -> Document {
    let mut doc = Document {
        number,
        lines: (open.first, open.last.max(open.first)),
        ..Document::default()
    };
    for (c, lines) in &open.fields {
        let slot = match *c {
            "HD" => &mut doc.headline,
            "BY" => &mut doc.byline,
            "WC" => &mut doc.length,
            "SN" => &mut doc.publication,
            "SE" => &mut doc.section,
            "PD" => {
                if doc.published.is_none() {
                    doc.published = lines.iter().find_map(|l| date_line(l.1));
                }
                continue;
            }
            "LP" | "TD" => {
                for group in groups(lines.iter().copied()) {
                    if group.lines.len() <= 2 && group.lines.iter().any(|l| is_copyright(l)) {
                        continue;
                    }
                    doc.paragraphs.push(join_wrapped(&group.lines));
                }
                continue;
            }
            _ => continue,
        };
        if slot.is_none() {
            *slot = one_line(lines);
        }
    }
    if doc.headline.is_none() {
        doc.problems.push("no headline (HD)".into());
    }
    if doc.published.is_none() {
        doc.problems.push("no date (PD)".into());
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_alone_or_with_a_value_after_a_tab_or_spaces() {
        assert_eq!(code("HD"), Some(("HD", "")));
        assert_eq!(code("WC      212 words"), Some(("WC", "212 words")));
        assert_eq!(code("PD\t2 February 2026"), Some(("PD", "2 February 2026")));
        assert_eq!(code("IN the morning the crews left."), None);
        assert_eq!(code("BY"), Some(("BY", "")));
        assert_eq!(code("HDX"), None);
        assert_eq!(code("Hd"), None);
    }

    #[test]
    fn articles_close_at_an_or_their_number_line() {
        let text = "HD\nOne\nPD\n2 May 2026\nTD\nFirst text.\n\nDocument ABCDEF0020260502e2520000b\n\n\
                    HD\nTwo\nPD\n3 May 2026\nLP\nSecond text.\nAN\nDocument ABCDEF0020260503e2530000c\n";
        assert!(sniff(text));
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].paragraphs, ["First text."]);
        assert_eq!(docs[1].headline.as_deref(), Some("Two"));
        assert_eq!(docs[1].paragraphs, ["Second text."]);
        assert!(docs.iter().all(|d| d.problems.is_empty()), "{docs:?}");
    }
}
