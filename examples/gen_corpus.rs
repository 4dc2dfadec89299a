//! Writes a synthetic corpus of scraped pages for benchmarks and scale tests.
//!
//! `cargo run --release --example gen_corpus -- --pages 10000 --seed 1 --out /tmp/corpus`
//! `... -- --pages 10000 --real ../shared/data/polnear-train --out /tmp/real` draws the
//! stories' text from a folder of real articles instead of the templates; `--small`
//! writes one short story a page (about 1 KB), a thousand pages a folder.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generate N realistic scraped news pages, deterministic from a seed.
#[derive(Parser)]
struct Args {
    /// How many pages to write.
    #[arg(long, default_value_t = 1000)]
    pages: usize,
    /// The seed: the same seed gives the same pages.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The directory to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// A folder of real articles (`*.txt`, title line first, one paragraph a line):
    /// headlines and paragraphs are drawn from them instead of the templates.
    #[arg(long, value_name = "DIR")]
    real: Option<PathBuf>,
    /// Small pages: one short dated story a page, about 1 KB (for the million-page row),
    /// a thousand to a folder.
    #[arg(long)]
    small: bool,
}

fn main() -> anyhow::Result<ExitCode> {
    let args = Args::parse();
    let real = match &args.real {
        Some(dir) => match dateline::synth::RealText::load(dir)? {
            Some(real) => Some(real),
            None => {
                eprintln!(
                    "gen_corpus: no articles in {}: skipped (nothing written)",
                    dir.display()
                );
                return Ok(ExitCode::from(3));
            }
        },
        None => None,
    };
    let bytes = if args.small {
        dateline::synth::write_small(&args.out, args.pages, args.seed, real.as_ref())?
    } else {
        dateline::synth::write_with(&args.out, args.pages, args.seed, real.as_ref())?
    };
    println!(
        "wrote {} pages ({:.1} MB{}) to {}",
        args.pages,
        bytes as f64 / 1e6,
        real.as_ref()
            .map(|r| format!(", text from {} real articles", r.articles()))
            .unwrap_or_default(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
