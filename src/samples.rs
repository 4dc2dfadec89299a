//! The sample corpus bundled into the binary, opened when no path is given.
//!
//! Every `.txt` file in `assets/samples/` is embedded at build time (see `build.rs`).

/// The bundled sample pages as (name, contents), in name order.
pub const SAMPLES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// The bundled sample pages as (name, raw bytes), the form the loader reads.
pub fn pages() -> impl Iterator<Item = (String, Vec<u8>)> {
    SAMPLES
        .iter()
        .map(|(name, text)| ((*name).to_string(), text.as_bytes().to_vec()))
}

/// Loads the bundled sample corpus.
pub fn load_samples() -> crate::model::Corpus {
    crate::ingest::load_pages(pages())
}
