//! Dates and times as news pages write them.

use crate::model::Timestamp;

/// The times a stamp line gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// When the story was published.
    pub published: Option<Timestamp>,
    /// When it was last updated.
    pub updated: Option<Timestamp>,
}

/// Parses a line that is a timestamp (PLACEHOLDER: to be completed).
pub fn parse_stamp(_line: &str) -> Option<Stamp> {
    None
}
