//! The `dateline` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

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
