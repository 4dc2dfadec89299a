//! The page formats dateline reads, and how a file's format is told.
//!
//! Only plain text is read today; HTML, JSON and feeds plug in here as new variants.

use std::path::Path;

/// A kind of page file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text saved from a news site.
    Text,
}

/// The format of a file met while scanning a directory, or `None` to pass it over.
pub fn detect(path: &Path) -> Option<Format> {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("txt") => Some(Format::Text),
        _ => None,
    }
}
