//! Times the reader's start in a real pseudo-terminal: from spawning `dateline DIR` to
//! its first frame, to the first story in the list, and to the end of loading.
//!
//!     cargo build --release --bin dateline
//!     cargo run --release --example first_frame -- DIR [RUNS]
//!
//! Each run gets fresh state and configuration directories; the figures printed are
//! the median and the worst of the runs.
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// When each milestone was first seen on the screen.
#[derive(Default)]
struct Seen {
    first_frame: Option<Duration>,
    first_story: Option<Duration>,
    loaded: Option<Duration>,
    /// The reader's peak resident memory (VmHWM) once loaded, in kB.
    peak_kb: Option<u64>,
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: DIR [RUNS]"))?,
    );
    let runs: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let exe = std::env::current_exe()?;
    let dateline = exe
        .parent()
        .and_then(|examples| examples.parent())
        .map(|release| release.join("dateline"))
        .ok_or_else(|| anyhow::anyhow!("cannot find the dateline binary next to {exe:?}"))?;
    let mut all = Vec::new();
    for _ in 0..runs {
        all.push(run(&dateline, &dir)?);
    }
    for (what, pick) in [
        (
            "first frame",
            (|s: &Seen| s.first_frame) as fn(&Seen) -> Option<Duration>,
        ),
        ("first story listed", |s: &Seen| s.first_story),
        ("loading finished", |s: &Seen| s.loaded),
    ] {
        let mut times: Vec<Duration> = all.iter().filter_map(pick).collect();
        times.sort();
        match (times.get(times.len() / 2), times.last()) {
            (Some(median), Some(worst)) => println!(
                "{what:<20} median {:>8.1} ms   worst {:>8.1} ms   ({} runs)",
                median.as_secs_f64() * 1e3,
                worst.as_secs_f64() * 1e3,
                times.len()
            ),
            _ => println!("{what:<20} never seen"),
        }
    }
    let mut peaks: Vec<u64> = all.iter().filter_map(|s| s.peak_kb).collect();
    peaks.sort_unstable();
    if let Some(median) = peaks.get(peaks.len() / 2) {
        println!("{:<20} median {:>8} MB", "peak memory", median / 1000);
    }
    Ok(())
}

/// One start of the reader, quit as soon as loading has finished.
fn run(dateline: &std::path::Path, dir: &std::path::Path) -> anyhow::Result<Seen> {
    let pair = native_pty_system().openpty(PtySize {
        rows: 40,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let homes = tempfile::tempdir()?;
    let mut command = CommandBuilder::new(dateline);
    command.arg(dir);
    command.env("TERM", "xterm-256color");
    command.env("XDG_STATE_HOME", homes.path().join("state"));
    command.env("XDG_CONFIG_HOME", homes.path().join("config"));
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(command)?;
    drop(pair.slave);
    let seen = Arc::new(Mutex::new(Seen::default()));
    let mut output = pair.master.try_clone_reader()?;
    let sink = Arc::clone(&seen);
    let reader = thread::spawn(move || {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero");
        let mut parser = vt100::Parser::new(size(40), size(120), 0);
        let mut buf = [0u8; 65536];
        while let Ok(n) = output.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            let at = started.elapsed();
            let screen = parser.screen().contents();
            let mut seen = sink.lock().unwrap_or_else(|e| e.into_inner());
            if seen.first_frame.is_none() && screen.contains("Story ") {
                seen.first_frame = Some(at);
            }
            if seen.first_story.is_none() && screen.contains("Story 1/") {
                seen.first_story = Some(at);
            }
            if seen.loaded.is_none() && screen.contains("Story 1/") && !screen.contains("Loading") {
                seen.loaded = Some(at);
            }
        }
    });
    let mut keyboard = pair.master.take_writer()?;
    let deadline = Instant::now() + Duration::from_secs(600);
    while seen
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .loaded
        .is_none()
        && Instant::now() < deadline
    {
        thread::sleep(Duration::from_millis(2));
    }
    let peak_kb = child.process_id().and_then(peak_memory_kb);
    keyboard.write_all(b"q")?;
    keyboard.flush()?;
    child.wait()?;
    drop(pair.master);
    let _ = reader.join();
    let mut seen = std::mem::take(&mut *seen.lock().unwrap_or_else(|e| e.into_inner()));
    seen.peak_kb = peak_kb;
    Ok(seen)
}

/// A process's peak resident memory so far, from `/proc` (Linux).
fn peak_memory_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
