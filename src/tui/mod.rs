//! The interactive reader.

use crate::model::Corpus;

/// Runs the reader on a corpus until the user quits (PLACEHOLDER: to be completed).
pub fn run(corpus: Corpus) -> anyhow::Result<()> {
    println!("{} stories", corpus.stories.len());
    Ok(())
}
