//! Feeds arbitrary bytes through the whole loader (decoding, sanitising, page
//! parsing, merging, quote extraction): it must never panic. Bytes 0x1E (record
//! separator) split the input into several pages, so merging across pages is reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let pages = data
        .split(|&b| b == 0x1e)
        .take(8)
        .enumerate()
        .map(|(i, bytes)| (format!("fuzz/{i}.txt"), bytes.to_vec()));
    let corpus = dateline::ingest::load_pages(pages);
    for story in &corpus.stories {
        let texts = std::iter::once(&story.headline).chain(&story.paragraphs);
        for text in texts {
            assert!(
                text.chars().all(|c| c == '\n' || !c.is_control()),
                "control character in story text: {text:?}"
            );
        }
    }
});
