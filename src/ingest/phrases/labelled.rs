//! What a "Label: value" line says: metadata about the story ("Source: Xinhua",
//! "Editor: Li Wen", "Fuente: EFE"), the writer's name ("Reporter: Kim Ji-hoon"), or
//! the head of a press release's contact block ("Media contact:"), whose lines are
//! details, not story. A line with any other label ("Warning: roads are icy") is left
//! to be read as text.

use crate::ingest::text::more_words_than;

/// Labels of metadata lines ("Source: Xinhua", "Editor: Li Wen") that never name
/// the writer.
const METADATA_LABELS: &[&str] = &[
    "source",
    "sources",
    "editor",
    "editors",
    "edited by",
    "editing",
    "photo",
    "photos",
    "photo credit",
    "photograph",
    "picture",
    "image",
    "credit",
    "credits",
    "updated",
    "published",
    "posted",
    "translator",
    "translated by",
    "reviewed by",
    "fact-checked by",
    "producer",
    "graphics",
    "video",
    "referee",
    "referees",
    "attendance",
    "venue",
    "scorers",
    "fuente",
    "foto",
    "quelle",
    "crédit",
    "crédits",
    "rédaction",
    "redacción",
    "edición",
    "responsable editor",
    "责任编辑",
    "来源",
];

/// Labels of metadata lines that name the writer ("Reporter: Kim Ji-hoon").
const WRITER_LABELS: &[&str] = &[
    "reporter",
    "reporters",
    "author",
    "authors",
    "writer",
    "written by",
    "by",
    "correspondent",
    "auteur",
    "autor",
    "autora",
    "texto",
];

/// What a "Label: value" metadata line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metadata<'a> {
    /// The line names the writer: the value.
    Writer(&'a str),
    /// Any other metadata (source, editor, credit, ...).
    Other,
}

/// Most words of a metadata line ([`metadata`]).
pub const METADATA_MAX_WORDS: usize = 12;

/// Reads a short "Label: value" metadata line (at most [`METADATA_MAX_WORDS`]
/// words) whose label is a known metadata label; `None` for anything else.
pub fn metadata(text: &str) -> Option<Metadata<'_>> {
    let (label, value) = split_at_colon(text)?;
    let value = value.trim();
    if value.is_empty() || more_words_than(text, METADATA_MAX_WORDS) || label.len() > 24 {
        return None;
    }
    let label = label.trim().to_lowercase();
    if WRITER_LABELS.contains(&label.as_str()) {
        return Some(Metadata::Writer(value));
    }
    (METADATA_LABELS.contains(&label.as_str()) || CONTACT_LABELS.contains(&label.as_str()))
        .then_some(Metadata::Other)
}

/// Splits a text at its first colon, ASCII `:` or full-width `：` (as
/// `text.split_once([':', '：'])`, in one byte search: `：` is 0xEF 0xBC 0x9A).
fn split_at_colon(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let (at, len) = memchr::memchr2_iter(b':', 0xEF, bytes).find_map(|at| {
        if bytes[at] == b':' {
            Some((at, 1))
        } else {
            bytes[at..]
                .starts_with("：".as_bytes())
                .then_some((at, "：".len()))
        }
    })?;
    Some((text.get(..at)?, text.get(at + len..)?))
}

/// Labels that head a press release's contact block ("Media contact:"), whose
/// details (name, phone, e-mail) follow on the next lines.
const CONTACT_LABELS: &[&str] = &[
    "contact",
    "contacts",
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "media inquiries",
    "media enquiries",
    "press office",
    "for more information",
    "investor contact",
    "investor relations",
];

/// A contact label standing alone ("Media Contact:", "CONTACTS"): the lines right
/// under it are contact details, not story. `lower` is the block lower-cased.
pub fn is_contact_label(lower: &str) -> bool {
    CONTACT_LABELS.contains(&lower.trim().trim_end_matches([':', '：']).trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colons_ascii_or_full_width_split_once() {
        for text in [
            "Source：Xinhua: wire",
            "Editor: Li Wen：desk",
            "no colon here \u{fb01}le",
            "\u{fb01}：x",
            ":",
            "",
        ] {
            assert_eq!(split_at_colon(text), text.split_once([':', '：']), "{text}");
        }
    }

    #[test]
    fn metadata_lines() {
        assert_eq!(metadata("Source: Xinhua"), Some(Metadata::Other));
        assert_eq!(metadata("Editor: Zhang Ming"), Some(Metadata::Other));
        assert_eq!(metadata("Fuente: EFE"), Some(Metadata::Other));
        assert_eq!(
            metadata("Reporter: Park Soo-min"),
            Some(Metadata::Writer("Park Soo-min"))
        );
        assert_eq!(metadata("Warning: roads are icy"), None);
        assert_eq!(metadata("Source:"), None);
        assert_eq!(
            metadata(
                "Source: a long sentence that goes on and on about the talks and the weather today"
            ),
            None
        );
    }
}
