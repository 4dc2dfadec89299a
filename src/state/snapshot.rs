//! The reading state as plain data: what the reader loads once at start.

use std::collections::HashMap;

/// What the user did with one story.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StoryState {
    /// The story was marked read.
    pub read: bool,
    /// The story was starred.
    pub starred: bool,
    /// The first visible row of the story's text when the user left it.
    pub scroll: u32,
}

impl StoryState {
    /// True when nothing was recorded (the state of a never-seen story).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Everything stored, read in one go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateSnapshot {
    /// Per story id ([`crate::model::Story::id`]); stories never touched are absent.
    pub stories: HashMap<String, StoryState>,
    /// The story selected when the reader was last left.
    pub last_selected: Option<String>,
}

impl StateSnapshot {
    /// The state of story `id` (all false / 0 when nothing is recorded).
    pub fn story(&self, id: &str) -> StoryState {
        self.stories.get(id).copied().unwrap_or_default()
    }

    /// Records `state` for `id`, dropping the entry when it is the default.
    pub(crate) fn put(&mut self, id: &str, state: StoryState) {
        if state.is_default() {
            self.stories.remove(id);
        } else {
            self.stories.insert(id.to_string(), state);
        }
    }
}
