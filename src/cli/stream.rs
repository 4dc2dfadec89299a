//! `export --format jsonl` written as the stories are quoted: each story's quotes are
//! found just before its line is made and let go with it, and the story with them, so
//! the corpus's quotes are never all held at once (the peak is the stories' text while
//! they are merged, not the text and every quote). The lines are byte for byte those
//! [`super::export_with_state`] writes for the corpus [`crate::ingest::load`] gives.

use std::io::{self, Write};

use rayon::prelude::*;

use super::jsonl;
use crate::filter::Filter;
use crate::model::Story;
use crate::state::StateSnapshot;
use crate::state::export::StoryExport;

/// Stories quoted together, on every core, before their lines are written in order:
/// enough to keep the cores busy, few enough that their quotes stay small.
const CHUNK: usize = 256;

/// Writes one line for each of `stories` (merged and sorted, without quotes: what
/// [`crate::ingest::load_unquoted`] gives) that `filter` keeps, each with the quotes
/// [`crate::quotes::extract`] finds in it and its marks from `state`. Each story is
/// freed once its line is made.
pub fn write_jsonl(
    mut stories: Vec<Story>,
    filter: &Filter,
    state: &StateSnapshot,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Taken from the end, so the list itself shrinks as the stories go.
    stories.reverse();
    while !stories.is_empty() {
        let mut chunk = stories.split_off(stories.len().saturating_sub(CHUNK));
        chunk.reverse();
        if stories.len() < stories.capacity() / 2 {
            stories.shrink_to_fit();
        }
        let lines: Vec<io::Result<Vec<u8>>> = chunk
            .into_par_iter()
            .map(|mut story| {
                story.quotes = crate::quotes::extract(&story);
                let mut line = Vec::new();
                if filter.matches(&story, state.story(&story.id)) {
                    jsonl::write(&StoryExport::new(&story, state), &mut line)?;
                    line.push(b'\n');
                }
                Ok(line)
            })
            .collect();
        for line in lines {
            out.write_all(&line?)?;
        }
    }
    Ok(())
}
