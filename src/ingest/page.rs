//! Segmenting a page into blocks, classifying them, and splitting it into stories.

use super::{Page, ParsedPage};
use crate::model::{SourceRef, Story};

/// Parses one page into stories (PLACEHOLDER: to be completed).
pub fn parse(page: &Page) -> ParsedPage {
    let blocks: Vec<&str> = page
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let Some((head, body)) = blocks.split_first() else {
        return ParsedPage::default();
    };
    let source = SourceRef {
        path: page.path.clone(),
        line_start: 1,
        line_end: page.text.lines().count(),
    };
    ParsedPage {
        stories: vec![Story {
            id: String::new(),
            headline: (*head).to_string(),
            section: None,
            byline: None,
            published: None,
            updated: None,
            source: source.clone(),
            sources: vec![source],
            paragraphs: body.iter().map(|s| (*s).to_string()).collect(),
            quotes: Vec::new(),
        }],
        headlines_removed: 0,
        paragraphs_removed: 0,
    }
}
