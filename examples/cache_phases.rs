//! Times a load through the corpus cache and the reader's indexing of what it gives:
//! on a reopening the list before the stories' text (`Prepared::build_listed`), then
//! the whole load, the list's indexes of the whole stories, then the search index
//! (search ready), as the reader builds them (for profiling the reader's reopening):
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
    let make = |list: dateline::cache::Listed| {
        let made = Instant::now();
        let (prepared, _) = dateline::tui::prepare::Prepared::build_listed(
            list,
            dateline::config::SortOrder::default(),
        );
        (prepared.list_rows.len(), made.elapsed().as_secs_f64())
    };
    let mut give = |(rows, made): (usize, f64)| {
        println!(
            "list complete {:.3} s: files walked and looked at while the list was read, \
             decoded and sorted and its rows made (Prepared::build_listed, {made:.3} s of it, \
             {rows} rows)",
            t.elapsed().as_secs_f64(),
        );
    };
    let listing = dateline::cache::Listing {
        make: &make,
        give: &mut give,
        shelf: None,
    };
    let loaded = dateline::cache::load_listing(&paths, &file, &Default::default(), Some(listing));
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
    let prepared = dateline::tui::prepare::Prepared::build_list(loaded.corpus);
    let list = t.elapsed().as_secs_f64();
    println!(
        "list complete: reader's indexes but search (Prepared::build_list) {list:.3} s ({} rows)",
        prepared.list_rows.len()
    );
    let t = Instant::now();
    let texts = dateline::tui::search::StoryText::copy_all(&prepared.corpus.stories);
    let copy = t.elapsed().as_secs_f64();
    let index = dateline::tui::search::SearchIndex::from_texts(texts);
    println!(
        "search ready: text copied {copy:.3} s (before the list goes), index {:.3} s ({} stories); \
         list + index {:.3} s",
        t.elapsed().as_secs_f64() - copy,
        index.len(),
        list + t.elapsed().as_secs_f64()
    );
}
