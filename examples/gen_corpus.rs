//! Writes a synthetic corpus of scraped pages for benchmarks and scale tests.
//!
//! `cargo run --release --example gen_corpus -- --pages 10000 --seed 1 --out /tmp/corpus`

use std::path::PathBuf;

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
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let bytes = dateline::synth::write(&args.out, args.pages, args.seed)?;
    println!(
        "wrote {} pages ({:.1} MB) to {}",
        args.pages,
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
