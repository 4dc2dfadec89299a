//! The `dateline` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

/// jemalloc instead of the system allocator. Loading makes millions of short-lived
/// allocations (token lists, names) on every core while the stories stay alive; glibc's
/// malloc spent a quarter of `dateline stats` searching its fragmented bins at 100,000
/// pages, jemalloc's per-thread size classes make the whole load 20-25 % faster for
/// about 10 % more peak memory (README, Performance). Its background threads
/// (`background_threads`, Cargo.toml) hand memory freed after a load back to the system
/// within seconds, where jemalloc alone would keep it until the next allocations.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = dateline::cli::Cli::parse();
    match dateline::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "dateline: error: {}",
                dateline::ingest::sanitize::sanitize_line(&format!("{e:#}"))
            );
            ExitCode::FAILURE
        }
    }
}
