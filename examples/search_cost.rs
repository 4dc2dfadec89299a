//! Times full searches (to the end, every match) over a corpus loaded through the
//! cache, as the reader's search index holds it:
//!
//!     cargo run --release --example search_cost -- DIR WORD...
use std::path::PathBuf;
use std::time::Instant;

use dateline::tui::search::{Narrowing, SearchIndex, search};

/// The `dateline` binary's allocator.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let paths = vec![PathBuf::from(
        args.next().expect("usage: search_cost DIR WORD..."),
    )];
    let dir = std::env::temp_dir().join("dateline-reopen-split");
    let file = dateline::cache::file_for(&dir, &paths);
    let corpus = dateline::cache::load(&paths, &file, &Default::default()).corpus;
    let t = Instant::now();
    let index = SearchIndex::build(&corpus.stories);
    println!("index {:.3} s", t.elapsed().as_secs_f64());
    for word in args {
        let t = Instant::now();
        let hits = search(&index, &corpus.stories, &word, &mut Narrowing::default());
        println!(
            "{word:>12}: {:>7} matches in {:.3} s",
            hits.len(),
            t.elapsed().as_secs_f64()
        );
    }
}
