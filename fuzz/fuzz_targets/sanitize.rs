//! Sanitises arbitrary text and checks the sanitiser's promises: no control
//! character but newline survives, no tab or CR, sanitising twice equals once, the
//! one-line form holds no newline, and decoding yields clean text.
#![no_main]

use dateline::ingest::sanitize::{decode, sanitize, sanitize_cow, sanitize_line};
use libfuzzer_sys::fuzz_target;
use std::borrow::Cow;

fn clean(text: &str) -> bool {
    text.chars().all(|c| {
        c == '\n'
            || !(c.is_control()
                || matches!(
                    c,
                    '\u{061c}'
                        | '\u{200e}'
                        | '\u{200f}'
                        | '\u{202a}'..='\u{202e}'
                        | '\u{2066}'..='\u{2069}'
                        | '\u{feff}'
                        | '\u{e0000}'..='\u{e007f}'
                ))
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = sanitize(&text);
    assert!(clean(&once), "unclean output {once:?}");
    assert!(!once.contains('\t') && !once.contains('\r'));
    let twice = sanitize_cow(&once);
    assert!(
        matches!(twice, Cow::Borrowed(_)),
        "not idempotent: {once:?}"
    );
    let line = sanitize_line(&text);
    assert!(!line.contains('\n') && clean(&line));
    if let Ok((page, _)) = decode("fuzz.txt", data) {
        assert!(clean(&page.text), "unclean page {:?}", page.text);
        assert!(matches!(sanitize_cow(&page.text), Cow::Borrowed(_)));
    }
});
