//! Feeds arbitrary text through the configuration file reader (TOML, theme colours,
//! key specs, the `[reader]` and `[views]` tables) and through the filter syntax:
//! neither may panic, and an error names the file.
#![no_main]

use dateline::config::{Config, ConfigError};
use dateline::filter::Filter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Config::from_toml(&text, "fuzz.toml") {
        Ok(config) => {
            for view in &config.views {
                assert!(Filter::parse(&view.filter).is_ok());
            }
        }
        Err(ConfigError::Invalid(at)) => assert_eq!(at.file, "fuzz.toml"),
        Err(other) => panic!("unexpected error {other:?}"),
    }
    if let Err(e) = Filter::parse(&text) {
        assert!(e.column >= 1);
    }
});
