//! Where the reader's reopening from the cache spends its time and memory: each phase
//! timed (wall), with the live heap after it (bytes allocated and not freed), so the
//! size of each structure the reader keeps shows as the growth of its phase:
//!
//!     cargo run --release --example reopen_split -- DIR...
//!
//! The cache goes to the system's temporary folder; run twice to split a reopening.
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

/// The binary's allocator, counting the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to jemalloc unchanged; only counts sizes.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { tikv_jemallocator::Jemalloc.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { tikv_jemallocator::Jemalloc.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: same contract as the caller's.
        unsafe { tikv_jemallocator::Jemalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(n: usize) -> f64 {
    n as f64 / 1e6
}

/// Prints a phase: its time, the live heap after it and the peak during it.
fn phase(name: &str, t: Instant, before: usize) {
    let live = LIVE.load(Ordering::Relaxed);
    println!(
        "{name:<34} {:>7.3} s  live {:>7.1} MB ({:+7.1})  peak {:>7.1} MB",
        t.elapsed().as_secs_f64(),
        mb(live),
        mb(live) - mb(before),
        mb(PEAK.swap(live, Ordering::Relaxed)),
    );
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let dir = std::env::temp_dir().join("dateline-reopen-split");
    let file = dateline::cache::file_for(&dir, &paths);
    let live = || LIVE.load(Ordering::Relaxed);
    let t = Instant::now();
    let (inputs, _) = dateline::ingest::read::discover(&paths);
    phase("walk (discover)", t, 0);
    let t = Instant::now();
    let n = inputs
        .par_iter()
        .filter(|i| match i {
            dateline::ingest::read::Input::File(p) => std::fs::metadata(p).is_ok(),
            _ => false,
        })
        .count();
    phase(&format!("stat {n} files"), t, live());
    let t = Instant::now();
    let before = live();
    let bytes = std::fs::read(&file).unwrap_or_default();
    let size = bytes.len();
    phase(&format!("read cache file ({:.0} MB)", mb(size)), t, before);
    let t = Instant::now();
    let h = xxhash_rust::xxh3::xxh3_64(&bytes);
    drop(bytes);
    phase(&format!("xxh3 of it ({})", h % 10), t, before);
    let t0 = Instant::now();
    let before = live();
    // The list is made beside the walk (its rows timed there), given once the files
    // are found unchanged.
    let make = |list: dateline::cache::Listed| {
        let t = Instant::now();
        let made = dateline::tui::prepare::Prepared::build_listed(
            list,
            dateline::config::SortOrder::default(),
        );
        (made.0, t.elapsed().as_secs_f64())
    };
    let mut give = |(prepared, rows): (dateline::tui::prepare::Prepared, f64)| {
        phase(
            &format!("walk+stat ∥ list decoded, sorted, rows ({rows:.3} s)"),
            t0,
            before,
        );
        println!(
            "  complete list at {:.3} s ({} rows)",
            t0.elapsed().as_secs_f64(),
            prepared.list_rows.len()
        );
    };
    let listing = dateline::cache::Listing {
        make: &make,
        give: &mut give,
        shelf: None,
    };
    let loaded = dateline::cache::load_listing(&paths, &file, &Default::default(), Some(listing));
    phase(
        if loaded.hit {
            "cache::load (hit)"
        } else {
            "cache::load (rebuilt)"
        },
        t0,
        before,
    );
    let mut loaded = loaded;
    let stored = loaded.text.take();
    let corpus = &loaded.corpus;
    let para: usize = corpus
        .stories
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(String::len)
        .sum();
    let quotes: usize = corpus
        .stories
        .iter()
        .flat_map(|s| &s.quotes)
        .map(|q| q.text.len())
        .sum();
    println!(
        "  paragraph text {:.1} MB, quote text {:.1} MB, stories {}, bytes read {:.1} MB",
        mb(para),
        mb(quotes),
        corpus.stories.len(),
        mb(corpus.stats.bytes as usize)
    );
    let t = Instant::now();
    let before = live();
    let prepared = dateline::tui::prepare::Prepared::build_list(loaded.corpus);
    phase("list (build_list): complete", t, before);
    let t = Instant::now();
    let before = live();
    let source = prepared.timeline_source();
    phase("quotes copied for the timeline", t, before);
    let t = Instant::now();
    let before = live();
    let texts = stored
        .is_none()
        .then(|| dateline::tui::search::StoryText::copy_all(&prepared.corpus.stories));
    phase("text copied for the index (a miss only)", t, before);
    let t = Instant::now();
    let before = live();
    let rows = dateline::tui::rows::build_timeline_from(source);
    phase(&format!("timeline ({} rows)", rows.len()), t, before);
    let t = Instant::now();
    let before = live();
    let index = match (texts, stored) {
        (Some(texts), _) => dateline::tui::search::SearchIndex::from_texts(texts),
        (None, Some(stored)) => dateline::tui::search::SearchIndex::from_entries(
            stored
                .map(dateline::tui::search::Entry::of_text)
                .unwrap_or_default(),
        ),
        (None, None) => unreachable!(),
    };
    phase("search index", t, before);
    println!(
        "total {:.3} s, {} stories indexed",
        t0.elapsed().as_secs_f64(),
        index.len()
    );
    std::process::exit(0)
}
