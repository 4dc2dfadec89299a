//! The reader's state.

use crate::model::Corpus;

/// Everything the reader knows: the corpus and where the user is in it.
#[derive(Debug)]
pub struct App {
    /// The stories, quotes and speakers shown.
    pub corpus: Corpus,
    /// Index of the selected story in [`Corpus::stories`].
    pub selected: usize,
    /// Set when the user asked to leave.
    pub quit: bool,
}

impl App {
    /// A reader on `corpus`, at its first story.
    pub fn new(corpus: Corpus) -> Self {
        Self {
            corpus,
            selected: 0,
            quit: false,
        }
    }

    /// Whether the event loop should stop.
    pub fn should_quit(&self) -> bool {
        self.quit
    }
}
