//! Feeds arbitrary bytes, as a gzip stream, as markup with a declared charset and as
//! bare bytes (UTF-16 told by its NUL bytes, encodings detected), through the step
//! that readies a page's bytes and the decoder after it: it must never panic or grow
//! past the page limit, and what it gives is UTF-8 (or UTF-16 with its mark, left to
//! the decoder).
#![no_main]

use dateline::ingest::read::{MAX_PAGE_BYTES, unpack, unpack_with_warnings};
use dateline::ingest::sanitize;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut gz = vec![0x1f, 0x8b];
    gz.extend_from_slice(data);
    if let Ok(bytes) = unpack("fuzz.html.gz", gz) {
        assert!(bytes.len() as u64 <= MAX_PAGE_BYTES);
    }
    let mut markup = b"<meta charset=windows-1252>".to_vec();
    markup.extend_from_slice(data);
    let _ = unpack("fuzz.html", markup);
    if data.first() == Some(&0x1f) {
        return;
    }
    let (bytes, warnings) = unpack_with_warnings("fuzz.txt", data.to_vec()).expect("no gzip");
    assert!(warnings.len() <= 1);
    let marked = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if !marked && !warnings.is_empty() {
        assert!(std::str::from_utf8(&bytes).is_ok(), "a decoded page is UTF-8");
    }
    if let Ok((page, _)) = sanitize::decode_owned("fuzz.txt", bytes) {
        assert!(page.text.chars().all(|c| c == '\n' || !c.is_control()));
    }
});
