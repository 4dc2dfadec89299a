//! `export --format jsonl` written as the stories are quoted. The stories come merged
//! and sorted but without their text, which waits in a temporary file
//! ([`crate::ingest::spill`]); each story's text is read back and its quotes found just
//! before its line is made, and both are let go with it, so neither the archive's text
//! nor its quotes are ever all held at once. The lines are byte for byte those
//! [`super::export_with_state`] writes for the corpus [`crate::ingest::load`] gives.

use std::io::{self, Write};

use rayon::prelude::*;

use super::jsonl;
use crate::filter::Filter;
use crate::ingest::Unquoted;
use crate::state::StateSnapshot;
use crate::state::export::StoryExport;

/// Stories quoted together, on every core, before their lines are written in order:
/// enough to keep the cores busy, few enough that their quotes stay small.
const CHUNK: usize = 256;

/// Writes one line for each of `unquoted`'s stories (merged and sorted, waiting for
/// their text and quotes: what [`crate::ingest::load_unquoted`] gives) that `filter`
/// keeps, each with its text back, the quotes [`crate::quotes::extract`] finds in it and
/// its marks from `state`. Each story is freed once its line is made.
pub fn write_jsonl(
    mut unquoted: Unquoted,
    filter: &Filter,
    state: &StateSnapshot,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut stories = std::mem::take(&mut unquoted.stories);
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
            .map(|waiting| {
                let mut story = unquoted.take(waiting)?;
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
