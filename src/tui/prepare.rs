//! Everything the reader indexes once for a corpus, built in one go so it can run off
//! the UI thread: list rows, the speakers panel, the quotes timeline and the search
//! index. [`super::app::App`] takes it over in constant time.

use std::collections::HashMap;

use rayon::prelude::*;

use super::rows::{ListRow, SpeakerEntry, TimelineRow, build_speakers, build_timeline, list_row};
use super::search::SearchIndex;
use crate::model::Corpus;

/// A corpus with the reader's indexes.
#[derive(Debug, Default)]
pub struct Prepared {
    /// The corpus, each story's quotes in reading order.
    pub corpus: Corpus,
    /// One list row per story.
    pub list_rows: Vec<ListRow>,
    /// Every speaker with a non-partial quote, most quoted first.
    pub speakers: Vec<SpeakerEntry>,
    /// Speaker name to index into `speakers`.
    pub speaker_index: HashMap<String, usize>,
    /// Every quote, newest first.
    pub timeline_rows: Vec<TimelineRow>,
    /// The search index.
    pub search_index: SearchIndex,
}

impl Prepared {
    /// Indexes `corpus`: the work grows with the corpus, so the reader calls it on the
    /// loading thread.
    pub fn build(mut corpus: Corpus) -> Self {
        corpus
            .stories
            .par_iter_mut()
            .for_each(|story| story.quotes.sort_by_key(|q| (q.paragraph, q.start, q.end)));
        let list_rows = corpus.stories.par_iter().map(list_row).collect();
        let (speakers, speaker_index) = build_speakers(&corpus);
        let timeline_rows = build_timeline(&corpus);
        let search_index = SearchIndex::build(&corpus.stories);
        Self {
            corpus,
            list_rows,
            speakers,
            speaker_index,
            timeline_rows,
            search_index,
        }
    }
}
