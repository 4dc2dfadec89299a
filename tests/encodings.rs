//! Pages saved in other encodings than UTF-8 read right, through the whole loader:
//! Latin-1 / Windows-1252 and Shift-JIS by detection, UTF-16 with or without a
//! byte-order mark, an HTML page by its declared charset; the warning names the
//! encoding chosen. The fixtures are made here, from text written for these tests.

use std::path::PathBuf;

use dateline::ingest::{self, LoadOptions, read};
use dateline::model::Corpus;

const PAGE: &str = "Harbour board backs quay expansion\n\n\
    The harbour board in Köln voted on Monday to expand the quay, a plan the café owners \
    and the crews of the fishing coöperative had opposed for two years.\n\n\
    \u{201c}We need the room,\u{201d} said Renée Müller, the board\u{2019}s chair.\n";

fn load_bytes(name: &str, bytes: &[u8]) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    ingest::load(&[PathBuf::from(&path)], &LoadOptions::default())
}

fn body(corpus: &Corpus) -> String {
    assert_eq!(corpus.stories.len(), 1, "{:?}", corpus.warnings);
    let story = &corpus.stories[0];
    format!("{}\n{}", story.headline, story.paragraphs.join("\n"))
}

fn messages(corpus: &Corpus) -> Vec<String> {
    corpus.warnings.iter().map(|w| w.message.clone()).collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn a_windows_1252_page_reads_right_and_the_warning_names_it() {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(PAGE);
    assert!(!unmappable);
    let corpus = load_bytes("harbour.txt", &bytes);
    let text = body(&corpus);
    assert!(text.contains("Köln"), "{text}");
    assert!(text.contains("Renée Müller"), "{text}");
    assert!(!text.contains('\u{fffd}'), "{text}");
    assert_eq!(
        messages(&corpus),
        ["not UTF-8: read as windows-1252 (detected)"]
    );
    assert_eq!(corpus.stories[0].quotes.len(), 1);
    assert_eq!(
        corpus.stories[0].quotes[0].speaker.as_deref(),
        Some("Renée Müller")
    );
}

#[test]
fn a_latin_1_page_with_one_accented_word_reads_right() {
    let page = "Reviews\n\n1Password für Mac is a password manager that keeps logins in one vault. \
                It costs three dollars a month and syncs between the laptop and the phone.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    let corpus = load_bytes("review.txt", &bytes);
    assert!(
        body(&corpus).contains("1Password für Mac"),
        "{}",
        body(&corpus)
    );
    assert_eq!(
        messages(&corpus),
        ["not UTF-8: read as windows-1252 (detected)"]
    );
}

#[test]
fn utf16_pages_read_right_with_or_without_a_byte_order_mark() {
    for big_endian in [false, true] {
        let plain = utf16(PAGE, big_endian);
        let corpus = load_bytes("harbour.txt", &plain);
        assert!(body(&corpus).contains("Renée Müller"));
        let order = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        assert_eq!(
            messages(&corpus),
            [format!(
                "no byte-order mark: read as {order} by its NUL bytes"
            )]
        );
        let mut marked = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        marked.extend(&plain);
        let corpus = load_bytes("harbour.txt", &marked);
        assert!(body(&corpus).contains("Renée Müller"));
        assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    }
}

#[test]
fn a_shift_jis_page_is_detected() {
    let page = "港湾計画を発表\n\n東京都は月曜日、新しい港湾計画を発表した。\
                計画は来年の春に始まる予定で、漁業関係者は二年前から反対している。\n";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(page);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tokyo.txt");
    std::fs::write(&path, &bytes).unwrap();
    let read = read::read_input(&read::Input::File(path)).unwrap();
    assert_eq!(read.page.text, page);
    let messages: Vec<&str> = read.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages, ["not UTF-8: read as Shift_JIS (detected)"]);
}

#[test]
fn an_html_page_is_read_by_its_declared_charset_without_a_warning() {
    let html = "<html><head><meta charset=\"windows-1252\"><title>Quay vote</title></head>\
                <body><article><h1>Quay vote</h1><p>The board in Köln voted on Monday to expand the \
                quay, a plan the café owners had opposed for two years.</p>\
                <p>\u{201c}We need the room,\u{201d} said Renée Müller, the chair.</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(html);
    let corpus = load_bytes("quay.html", &bytes);
    assert!(body(&corpus).contains("Renée Müller"), "{}", body(&corpus));
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}

#[test]
fn utf8_with_a_few_damaged_bytes_stays_utf8() {
    let mut bytes = PAGE.as_bytes().to_vec();
    let at = PAGE.find("two years").unwrap();
    bytes[at] = 0xff;
    let corpus = load_bytes("harbour.txt", &bytes);
    let text = body(&corpus);
    assert!(text.contains("Renée Müller"), "{text}");
    assert!(text.contains('\u{fffd}'), "{text}");
    assert_eq!(messages(&corpus), ["invalid UTF-8 replaced (1 bytes)"]);
}

#[test]
fn a_scanned_folder_reads_a_utf16_page_without_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("harbour.txt"), utf16(PAGE, false)).unwrap();
    let corpus = ingest::load(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert!(body(&corpus).contains("Renée Müller"));
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    assert!(corpus.warnings[0].path.ends_with("harbour.txt"));
}
