//! The page formats dateline reads, and how a file's format is told by its name.
//!
//! A directory scan keeps the files named as one of these formats. The name only says
//! what to expect: the loader tells HTML and feeds by their content too, so a page
//! whose extension lies is still read for what it is ([`super::parse_page`]).

use std::path::Path;

/// A kind of page file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text saved from a news site.
    Text,
    /// A saved HTML page (`.html`, `.htm`, either gzip-compressed).
    Html,
    /// A feed: RSS, Atom (`.xml`, `.rss`, `.atom`) or JSON Feed (`.json`).
    Feed,
}

/// The format of a file met while scanning a directory, or `None` to pass it over.
pub fn detect(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    match ext {
        "txt" if name.len() == path.file_name()?.len() => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "xml" | "rss" | "atom" | "json" if name.len() == path.file_name()?.len() => {
            Some(Format::Feed)
        }
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

    #[test]
    fn pages_and_feeds_are_told_by_extension() {
        for name in ["a.html", "b.HTM", "c.html.gz", "d.htm.GZ"] {
            assert_eq!(detect(Path::new(name)), Some(Format::Html), "{name}");
        }
        for name in ["a.xml", "b.rss", "c.atom", "d.json"] {
            assert_eq!(detect(Path::new(name)), Some(Format::Feed), "{name}");
        }
        for name in ["a.json.gz", ".html", "a.gz", "a.css"] {
            assert_eq!(detect(Path::new(name)), None, "{name}");
        }
    }
}
