//! Finding direct quotes and attributing them to speakers.
//!
//! The stages, one module each:
//! - [`detect`] finds the quote marks that open and close speech, and quotes running on
//!   over several paragraphs;
//! - [`tokens`] splits the prose around a quote into words and punctuation;
//! - [`cues`] finds the attribution clause next to a quote ("said Wang Zhihua, director
//!   of …", "she told reporters:");
//! - [`names`] tells people, titles, roles, pronouns and organisations apart;
//! - [`prose`] reads the sentences outside quotes for who the story introduces;
//! - [`cast`] keeps who has been introduced, to resolve surnames, roles and pronouns;
//! - [`attribute`] puts it together, reading each story once, in order;
//! - [`directory`] merges speakers across the corpus;
//! - [`listing`] writes the `quotes` and `speakers` command-line listings.
//!
//! Everything is a linear scan of the story; lexicons are built once ([`std::sync::LazyLock`]).
//!
//! An organisation speaks when the text says so ("the ministry said"): the speaker is then
//! the organisation's name as introduced earlier ("Ministry of Commerce"), else the words
//! as written with the first letter capitalised and the article kept ("The company").

pub mod attribute;
pub mod cast;
pub mod cues;
pub mod detect;
pub mod directory;
pub mod listing;
pub mod names;
pub mod prose;
pub mod tokens;

use crate::model::{Quote, Speaker, Story};

/// Finds every direct quote in a story, in reading order, with its speaker when the text
/// tells who it is.
pub fn extract(story: &Story) -> Vec<Quote> {
    let paragraphs: Vec<Vec<char>> = story
        .paragraphs
        .iter()
        .map(|p| p.chars().collect())
        .collect();
    attribute::quotes(&paragraphs, story.time())
}

/// Builds the speaker directory over the corpus (stories in corpus order).
pub fn directory(stories: &[Story]) -> Vec<Speaker> {
    directory::build(stories)
}
