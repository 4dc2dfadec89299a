//! Everything the reader indexes once for a corpus, built in one go so it can run off
//! the UI thread: list rows, the speakers panel, the quotes timeline and the search
//! index. [`super::app::App`] takes it over in constant time. The timeline and the
//! search index may come later ([`Prepared::build_list`]): the list is complete
//! without them.

use std::collections::HashMap;

use rayon::prelude::*;

use super::rows::{
    ListRow, SpeakerEntry, TimelineRow, TimelineSource, build_speakers, build_timeline_from,
    list_row,
};
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
    /// Every quote, newest first (empty from [`Prepared::build_list`]: the rows come
    /// later, see [`super::loading::LoadEvent::TimelineReady`]).
    pub timeline_rows: Vec<TimelineRow>,
    /// The search index (`None`: it comes later, see [`super::loading::LoadEvent`]).
    pub search_index: Option<SearchIndex>,
}

impl Prepared {
    /// Indexes `corpus`: the work grows with the corpus, so the reader calls it on the
    /// loading thread.
    pub fn build(corpus: Corpus) -> Self {
        let mut prepared = Self::build_list(corpus);
        prepared.timeline_rows = build_timeline_from(prepared.timeline_source());
        prepared.search_index = Some(SearchIndex::build(&prepared.corpus.stories));
        prepared
    }

    /// As [`Prepared::build`] without the timeline and the search index (the costly
    /// parts): what the reader needs to show the complete list. Each story's quotes are
    /// put in reading order here, so [`Prepared::timeline_source`] is taken after.
    pub fn build_list(mut corpus: Corpus) -> Self {
        corpus
            .stories
            .par_iter_mut()
            .for_each(|story| story.quotes.sort_by_key(|q| (q.paragraph, q.start, q.end)));
        let list_rows = corpus.stories.par_iter().map(list_row).collect();
        let (speakers, speaker_index) = build_speakers(&corpus);
        Self {
            corpus,
            list_rows,
            speakers,
            speaker_index,
            timeline_rows: Vec::new(),
            search_index: None,
        }
    }

    /// What the timeline's rows are made of ([`super::rows::build_timeline_from`]):
    /// each quote's time, place, speaker (in [`Prepared::speakers`]) and kind, taken
    /// so they can be made after the corpus went to the reader.
    pub fn timeline_source(&self) -> TimelineSource {
        TimelineSource::copy(&self.corpus, &self.speaker_index)
    }
}
