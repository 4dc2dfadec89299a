//! The reader's load without a terminal: the same background loading as `dateline DIR`
//! (stories streamed to the list in batches, then the final corpus merged, quoted,
//! sorted and indexed), every event applied to a reader state as the event loop does,
//! timed from the start to the complete list (reopening from the cache: the list
//! before the stories' text), to the final corpus (the text in) and to the search
//! index's arrival, with the process's CPU time at each, and the resident memory at the
//! complete list, at the end and at most (as `/usr/bin/time -v` gives it).
//!
//!     cargo run --release --example reader_load -- DIR [--no-cache] [--settle SECONDS]
//!
//! The reading state and the cache go to `$XDG_STATE_HOME` as the reader's do.
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use dateline::tui::app::App;
use dateline::tui::loading::{self, LoadEvent};

/// The `dateline` binary's allocator, so memory and time are the binary's.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--settle N`: also what is resident N seconds after the load, once the
    // allocator's background threads have returned what the load freed.
    let settle = match args.iter().position(|a| a == "--settle") {
        Some(at) if at + 1 < args.len() => {
            let seconds: u64 = args[at + 1].parse()?;
            args.drain(at..at + 2);
            seconds
        }
        _ => 0,
    };
    let no_cache = args.iter().any(|a| a == "--no-cache");
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| *a != "--no-cache")
        .map(PathBuf::from)
        .collect();
    anyhow::ensure!(
        !paths.is_empty(),
        "usage: reader_load DIR... [--no-cache] [--settle SECONDS]"
    );
    let source = dateline::cli::reader_source(&paths, None, no_cache);
    let config = dateline::config::Config::default();
    let mut app = App::with_config(dateline::model::Corpus::default(), &config, true);
    let started = Instant::now();
    let (sender, events) = mpsc::channel();
    loading::spawn(source, config.sort, move |event| {
        let _ = sender.send(event);
    })?;
    let mut first = None;
    let mut complete = None;
    let mut text = None;
    let mut taken = std::time::Duration::ZERO;
    for event in events {
        let end = matches!(event, LoadEvent::SearchReady(_) | LoadEvent::Failed(_));
        let done = matches!(event, LoadEvent::Done(_));
        let list = done || matches!(event, LoadEvent::Listed(_));
        let sent = started.elapsed();
        loading::apply(&mut app, event);
        if first.is_none() && !app.corpus.stories.is_empty() {
            first = Some(started.elapsed());
        }
        if list && complete.is_none() {
            complete = Some((started.elapsed(), cpu_seconds(), resident_kb()));
            taken = started.elapsed() - sent;
        }
        if done {
            text = Some((started.elapsed(), cpu_seconds()));
        }
        if end {
            break;
        }
    }
    let ready = started.elapsed();
    let ready_cpu = cpu_seconds();
    let (complete, complete_cpu, complete_kb) = complete.unwrap_or((ready, ready_cpu, 0));
    let (text, text_cpu) = text.unwrap_or((ready, ready_cpu));
    println!(
        "first stories listed {:.3} s, complete list {:.3} s (cpu {:.2} s, resident {} MB, taken in by the reader in {:.3} s), text in {:.3} s (cpu {:.2} s), search ready {:.3} s (cpu {:.2} s): {} stories, {} quotes, {} speakers",
        first.unwrap_or(complete).as_secs_f64(),
        complete.as_secs_f64(),
        complete_cpu,
        complete_kb / 1000,
        taken.as_secs_f64(),
        text.as_secs_f64(),
        text_cpu,
        ready.as_secs_f64(),
        ready_cpu,
        app.corpus.stories.len(),
        app.corpus
            .stories
            .iter()
            .map(|s| s.quotes.len())
            .sum::<usize>(),
        app.corpus.speakers.len()
    );
    println!(
        "resident now {} MB, at most {} MB",
        resident_kb() / 1000,
        status_kb("VmHWM:") / 1000
    );
    if settle > 0 {
        std::thread::sleep(std::time::Duration::from_secs(settle));
        println!("resident after {settle} s {} MB", resident_kb() / 1000);
    }
    // As the reader quits: without freeing the corpus piece by piece.
    std::process::exit(0)
}

/// The process's resident memory now, from `/proc` (Linux).
fn resident_kb() -> u64 {
    status_kb("VmRSS:")
}

/// A line of `/proc/self/status` in kB (`VmRSS:` now, `VmHWM:` the most so far).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// The process's CPU time so far (user and system, every thread), from `/proc` (Linux).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command's closing parenthesis: utime and stime are the
    // 12th and 13th of them, in clock ticks (100 a second on Linux).
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
