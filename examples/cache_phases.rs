//! Times a load through the corpus cache and the reader's indexing of what it gives
//! (for profiling the reader's reopening):
//!
//!     cargo run --release --example cache_phases -- DIR...
//!
//! The cache goes to the system's temporary folder; run twice to time a reopening.
use std::path::PathBuf;
use std::time::Instant;

/// The `dateline` binary's allocator.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let dir = std::env::temp_dir().join("dateline-cache-phases");
    let file = dateline::cache::file_for(&dir, &paths);
    let t = Instant::now();
    let loaded = dateline::cache::load(&paths, &file, &Default::default());
    println!(
        "load {:.3} s: {} (files parsed {}, from the cache {})",
        t.elapsed().as_secs_f64(),
        if loaded.hit {
            "whole corpus from the cache"
        } else {
            "rebuilt"
        },
        loaded.parsed,
        loaded.reused
    );
    let t = Instant::now();
    let index = dateline::tui::search::SearchIndex::build(&loaded.corpus.stories);
    println!(
        "search index alone {:.3} s ({} stories)",
        t.elapsed().as_secs_f64(),
        index.len()
    );
    let t = Instant::now();
    let prepared = dateline::tui::prepare::Prepared::build(loaded.corpus);
    println!(
        "reader's indexes (Prepared::build) {:.3} s ({} rows)",
        t.elapsed().as_secs_f64(),
        prepared.list_rows.len()
    );
}
