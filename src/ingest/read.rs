//! Inputs: expanding paths into pages to read, and reading them safely.

use std::path::PathBuf;

use super::Page;
use crate::model::Warning;

/// One thing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// A page read from an input, with the warnings raised while reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadPage {
    /// The decoded, sanitised page.
    pub page: Page,
    /// Non-fatal problems (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<Warning>,
    /// Bytes read.
    pub bytes: u64,
}

/// Expands the paths given into inputs (PLACEHOLDER: to be completed).
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<Warning>) {
    let inputs = paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::File(p.clone())
            }
        })
        .collect();
    (inputs, Vec::new())
}

/// Reads one input (PLACEHOLDER: to be completed).
pub fn read_input(input: &Input) -> Result<ReadPage, Warning> {
    let (name, bytes) = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| Warning {
                path: "-".into(),
                message: e.to_string(),
            })?;
            ("-".to_string(), buf)
        }
        Input::File(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|e| Warning {
                path: name.clone(),
                message: e.to_string(),
            })?;
            (name, bytes)
        }
    };
    let n = bytes.len() as u64;
    let (page, warnings) = super::sanitize::decode(&name, &bytes)?;
    Ok(ReadPage {
        page,
        warnings,
        bytes: n,
    })
}
