//! Times the loader's phases on a directory of pages (for profiling).
use std::path::PathBuf;
use std::time::Instant;

use dateline::ingest::{dedupe, page, read};
use rayon::prelude::*;

/// Counts the bytes allocated and not yet freed, to tell live data from allocator slack.
struct Counting;

static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts sizes.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), std::sync::atomic::Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        LIVE.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let t = Instant::now();
    let (inputs, _) = read::discover(&paths);
    eprintln!("{} ", rss());
    eprintln!("discover {:?}", t.elapsed());
    let t = Instant::now();
    let parsed: Vec<_> = inputs
        .par_iter()
        .filter_map(|i| read::read_input(i).ok().map(|r| page::parse(&r.page)))
        .collect();
    eprintln!("{} ", rss());
    eprintln!("read+parse {:?}", t.elapsed());
    let t = Instant::now();
    let mut stories = Vec::new();
    let mut prints = Vec::new();
    for page in parsed {
        stories.extend(page.stories);
        prints.extend(page.prints);
    }
    eprintln!("{} ", rss());
    eprintln!("flatten {:?} {}", t.elapsed(), stories.len());
    let text: usize = stories
        .iter()
        .map(|s| s.paragraphs.iter().map(String::len).sum::<usize>())
        .sum();
    let held: usize = stories
        .iter()
        .map(|s| {
            s.paragraphs.iter().map(String::capacity).sum::<usize>() + 24 * s.paragraphs.capacity()
        })
        .sum();
    eprintln!("paragraph text {} MB, held {} MB", text >> 20, held >> 20);
    let t = Instant::now();
    let (mut stories, _) = dedupe::merge_printed(stories, prints);
    eprintln!("{} ", rss());
    eprintln!("merge {:?}", t.elapsed());
    let t = Instant::now();
    stories
        .par_iter_mut()
        .for_each(|s| s.quotes = dateline::quotes::extract(s));
    eprintln!("{} ", rss());
    eprintln!("quotes {:?}", t.elapsed());
    let t = Instant::now();
    dateline::ingest::sort_newest_first(&mut stories);
    eprintln!("{} ", rss());
    eprintln!("sort {:?}", t.elapsed());
    let t = Instant::now();
    let sp = dateline::quotes::directory(&stories);
    eprintln!("{} ", rss());
    eprintln!("directory {:?} {}", t.elapsed(), sp.len());
    let t = Instant::now();
    drop(stories);
    eprintln!("{} ", rss());
    eprintln!("drop {:?}", t.elapsed());
}

fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .collect::<Vec<_>>()
        .join(" ")
        + &format!(
            " live {} MB",
            LIVE.load(std::sync::atomic::Ordering::Relaxed) >> 20
        )
}
