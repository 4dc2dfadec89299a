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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_pages_are_told_by_extension_in_any_case() {
        for name in ["a.txt", "dir/b.TXT", "c.Txt"] {
            assert_eq!(detect(Path::new(name)), Some(Format::Text), "{name}");
        }
        for name in ["a.md", "txt", "a.txt.gz", ".txt", "a."] {
            assert_eq!(detect(Path::new(name)), None, "{name}");
        }
    }
}
