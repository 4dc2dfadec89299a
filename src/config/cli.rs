//! `dateline config`: check the configuration file, print the default one, or say
//! where it is read from.

use std::path::Path;
use std::process::ExitCode;

use super::{Config, default_toml, effective_path};

/// The options of `dateline config`.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print a commented configuration file holding the defaults.
    #[arg(long, conflicts_with = "path")]
    pub default: bool,
    /// Print where the configuration file is read from.
    #[arg(long)]
    pub path: bool,
}

/// Runs `dateline config`; `given` is the global `--config` path. With neither flag it
/// checks the file and says which one was used.
pub fn run(args: &ConfigArgs, given: Option<&Path>) -> anyhow::Result<ExitCode> {
    if args.default {
        print!("{}", default_toml());
        return Ok(ExitCode::SUCCESS);
    }
    let path = effective_path(given);
    if args.path {
        match &path {
            Some(path) => println!("{}", path.display()),
            None => {
                anyhow::bail!("no configuration location: neither XDG_CONFIG_HOME nor HOME is set")
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    match Config::load_or_default(given) {
        Ok(_) => {
            match path.filter(|p| given.is_some() || p.exists()) {
                Some(p) => println!("{}: ok", p.display()),
                None => println!("no configuration file; using the defaults"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!(
                "dateline: error: {}",
                crate::ingest::sanitize::sanitize_line(&e.to_string())
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
