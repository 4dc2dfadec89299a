//! The block kinds and what a classified block carries, shared by the rules for one
//! block and the page passes; and [`tight`], the one fact about the page's layout
//! (two blocks on consecutive lines) the passes share.
//!
//! Decides nothing: it only names the answers the other classify modules give.

use crate::ingest::segment::Block;
use crate::ingest::timestamp::Stamp;

/// What a block of a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// Site furniture: menus, share buttons, adverts, newsletter and cookie prompts,
    /// copyright footers, "Read more" links, credits. Never part of a story.
    Chrome,
    /// A short label naming the section ("China", "Business").
    Section,
    /// A headline (or, before stories are split, anything shaped like one: a short
    /// line that does not end like a sentence).
    Headline,
    /// A byline naming the writer ("By Jane Doe", "Jane Doe, Reuters").
    Byline,
    /// A date and/or time line (absolute, or relative as in "3 hours ago").
    Timestamp,
    /// A photo caption or credit, or a headline repeated under an image.
    Caption,
    /// A paragraph of the story's text.
    Body,
}

/// A block's kind, with what it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classified {
    /// What the block is.
    pub kind: BlockKind,
    /// The times it gives, for a timestamp (or a byline carrying a date).
    pub stamp: Option<Stamp>,
    /// The writer's name, for a byline (without "By ").
    pub byline: Option<String>,
    /// The block ends the story above it ("Enditem", "(END)", "___"): what follows,
    /// up to the next headline, is trailer chrome.
    pub ends_story: bool,
}

impl Classified {
    pub(super) fn kind(kind: BlockKind) -> Self {
        Self {
            kind,
            stamp: None,
            byline: None,
            ends_story: false,
        }
    }

    pub(super) fn byline(name: &str, stamp: Option<Stamp>) -> Self {
        Self {
            kind: BlockKind::Byline,
            stamp,
            byline: Some(name.to_string()),
            ends_story: false,
        }
    }

    pub(super) fn stamp(stamp: Stamp) -> Self {
        Self {
            stamp: Some(stamp),
            ..Self::kind(BlockKind::Timestamp)
        }
    }
}

/// Whether block `i` sits on the line right after block `i - 1` (no blank line).
pub(super) fn tight(blocks: &[Block<'_>], i: usize) -> bool {
    i > 0 && blocks[i].line_start == blocks[i - 1].line_end + 1
}
