//! The sample corpus bundled into the binary, opened when no path is given.

/// The bundled sample pages as (name, contents), in name order.
pub const SAMPLES: &[(&str, &str)] = &[(
    "samples/000_f7038c5fbcec46f4.txt",
    include_str!("../assets/samples/000_f7038c5fbcec46f4.txt"),
)];

/// Loads the bundled sample corpus.
pub fn load_samples() -> crate::model::Corpus {
    crate::ingest::load_pages(
        SAMPLES
            .iter()
            .map(|(name, text)| ((*name).to_string(), text.as_bytes().to_vec())),
    )
}
