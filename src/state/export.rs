//! The stories as `dateline export` writes them: each with its reading state.
//!
//! A wrapper rather than new fields on [`Story`]: the model stays what the loader
//! produces, and the reading state (which belongs to the user, not to the pages) is
//! joined in only on the way out.

use std::path::Path;

use serde::Serialize;

use super::{StateError, StateSnapshot, StateStore};
use crate::model::{Corpus, Speaker, Story};

/// One story with `"read"` and `"starred"` after its own fields.
#[derive(Debug, Serialize)]
pub struct StoryExport<'a> {
    /// The story.
    #[serde(flatten)]
    pub story: &'a Story,
    /// The user marked it read.
    pub read: bool,
    /// The user starred it.
    pub starred: bool,
}

impl<'a> StoryExport<'a> {
    /// `story` with its state from `state`.
    pub fn new(story: &'a Story, state: &StateSnapshot) -> Self {
        let s = state.story(&story.id);
        Self {
            story,
            read: s.read,
            starred: s.starred,
        }
    }
}

/// The whole corpus, shaped like [`Corpus`]'s own serialisation, with every story a
/// [`StoryExport`].
#[derive(Debug, Serialize)]
pub struct CorpusExport<'a> {
    /// The stories, in corpus order.
    pub stories: Vec<StoryExport<'a>>,
    /// The speaker directory.
    pub speakers: &'a [Speaker],
}

impl<'a> CorpusExport<'a> {
    /// `corpus` with every story's state from `state`.
    pub fn new(corpus: &'a Corpus, state: &StateSnapshot) -> Self {
        Self {
            stories: corpus
                .stories
                .iter()
                .map(|s| StoryExport::new(s, state))
                .collect(),
            speakers: &corpus.speakers,
        }
    }
}

/// The state to export: read from `path` (else the default location) without
/// creating or changing anything. Empty when there is no file yet; empty with the
/// error when it cannot be read, so the export goes on.
pub fn read_for_export(path: Option<&Path>) -> (StateSnapshot, Option<StateError>) {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => match super::default_path() {
            Ok(p) => p,
            // No HOME at all: there can be no saved state either.
            Err(_) => return (StateSnapshot::default(), None),
        },
    };
    match StateStore::read_existing(&path) {
        Ok(snapshot) => (snapshot.unwrap_or_default(), None),
        Err(e) => (StateSnapshot::default(), Some(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::StoryState;

    fn keys(value: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = value
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    #[test]
    fn export_has_the_corpus_shape_plus_state() {
        let corpus = Corpus::default();
        let plain = serde_json::to_value(&corpus).unwrap();
        let wrapped =
            serde_json::to_value(CorpusExport::new(&corpus, &StateSnapshot::default())).unwrap();
        assert_eq!(keys(&plain), keys(&wrapped));
    }

    #[test]
    fn story_gets_its_own_state() {
        let story: Story = serde_json::from_value(serde_json::json!({
            "id": "0123456789abcdef", "headline": "Port reopens", "section": null,
            "published": null, "updated": null,
            "source": {"path": "a.txt", "line_start": 1, "line_end": 3},
            "sources": [], "paragraphs": ["Ships sailed."], "quotes": []
        }))
        .unwrap();
        let mut state = StateSnapshot::default();
        state.stories.insert(
            story.id.clone(),
            StoryState {
                read: false,
                starred: true,
                scroll: 4,
            },
        );
        let value = serde_json::to_value(StoryExport::new(&story, &state)).unwrap();
        let mut expected = keys(&serde_json::to_value(&story).unwrap());
        expected.extend(["read".to_string(), "starred".to_string()]);
        expected.sort();
        assert_eq!(keys(&value), expected);
        assert_eq!(value["read"], false);
        assert_eq!(value["starred"], true);
        assert_eq!(value["headline"], "Port reopens");
    }
}
