//! Finding direct quotes and attributing them to speakers.

use crate::model::{Quote, Speaker, Story};

/// Finds every direct quote in a story (PLACEHOLDER: to be completed).
pub fn extract(_story: &Story) -> Vec<Quote> {
    Vec::new()
}

/// Builds the speaker directory over the corpus (PLACEHOLDER: to be completed).
pub fn directory(_stories: &[Story]) -> Vec<Speaker> {
    Vec::new()
}
