//! proquest text exports (to come).

use super::Document;

/// True when the text is such an export.
pub fn sniff(_text: &str) -> bool {
    false
}

/// The documents of such an export.
pub fn read(_text: &str) -> Vec<Document> {
    Vec::new()
}
