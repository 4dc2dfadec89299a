//! dateline: a terminal news reader for scraped news pages.
//!
//! The library turns folders of saved pages into clean, deduplicated [`model::Story`]
//! values ([`ingest`]), finds every direct quote and its speaker ([`quotes`]), and
//! shows it all in a terminal reader ([`tui`]), which remembers what was read
//! ([`state`]) and reads the user's colours and keys ([`config`]), and reopens an
//! archive from the corpus [`cache`] beside the state; what a user can do
//! there is data of its own ([`action`]). The `dateline` binary is a thin shell over it
//! ([`cli`]). The synthetic corpus generator used by the benchmarks and tests is behind
//! the `synth` feature.

#![warn(missing_docs)]

pub mod action;
pub mod cache;
pub mod cli;
pub mod config;
pub mod filter;
pub mod ingest;
pub mod model;
pub mod quotes;
pub mod samples;
pub mod state;
#[cfg(feature = "synth")]
pub mod synth;
pub mod tui;

pub use ingest::{LoadOptions, load, load_pages};
pub use model::{Corpus, Quote, Speaker, Story, Timestamp, Warning};
