//! Feeds arbitrary bytes, as a gzip stream and as markup with a declared charset,
//! through the step that readies a page's bytes: it must never panic or grow past the
//! page limit.
#![no_main]

use dateline::ingest::read::{MAX_PAGE_BYTES, unpack};
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
});
