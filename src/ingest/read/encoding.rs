//! What a page's bytes hold before they are decoded: gzip-compressed data is inflated
//! (never past [`MAX_PAGE_BYTES`]), and text that is not UTF-8 is converted to UTF-8,
//! its encoding told by a byte-order mark, by the pattern of NUL bytes of UTF-16, by
//! the charset the markup declares, or else detected as a browser does. A page read in
//! an encoding that had to be guessed says so in a warning, so that a reader who sees
//! odd letters knows why.

use std::io::Read;

use super::MAX_PAGE_BYTES;
use crate::ingest::sanitize::sanitize_line;
use crate::model::Warning;

/// A page's bytes made ready to decode: gzip-compressed data inflated (capped at
/// [`MAX_PAGE_BYTES`]), and text that is not UTF-8 converted to UTF-8 (see
/// [`unpack_with_warnings`], whose warnings this drops).
pub fn unpack(name: &str, bytes: Vec<u8>) -> Result<Vec<u8>, Warning> {
    unpack_with_warnings(name, bytes).map(|(bytes, _)| bytes)
}

/// As [`unpack`], with the warning that says which encoding was used when it had to
/// be guessed. Text that is not UTF-8 is decoded as: UTF-16 when it has a byte-order
/// mark (left for [`crate::ingest::sanitize::decode`]) or, without one, the pattern of NUL
/// bytes of UTF-16 text; the charset markup declares (`<meta charset>`,
/// `encoding="..."`); else the encoding detected by chardetng (as Firefox does).
/// Text that is mostly UTF-8 with a few bad bytes stays UTF-8 (the bad bytes are
/// replaced later, with their own warning).
pub fn unpack_with_warnings(
    name: &str,
    bytes: Vec<u8>,
) -> Result<(Vec<u8>, Vec<Warning>), Warning> {
    unpack_checked(name, bytes).map(|(unpacked, warnings)| (unpacked.into_bytes(), warnings))
}

/// What [`unpack_checked`] makes of a page's bytes.
pub enum Unpacked {
    /// Valid UTF-8, found so once (for [`crate::ingest::sanitize::decode_text`]).
    Text(String),
    /// Bytes for [`crate::ingest::sanitize::decode_owned`]: UTF-16 with its
    /// byte-order mark, UTF-8 with bad bytes, or text converted to UTF-8.
    Bytes(Vec<u8>),
}

impl Unpacked {
    /// The bytes, whichever they are.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Unpacked::Text(text) => text.into_bytes(),
            Unpacked::Bytes(bytes) => bytes,
        }
    }
}

/// As [`unpack_with_warnings`], giving text found to be UTF-8 as text, so that it is
/// not checked again.
pub fn unpack_checked(name: &str, bytes: Vec<u8>) -> Result<(Unpacked, Vec<Warning>), Warning> {
    let fail = |message: String| Warning {
        path: sanitize_line(name).into_owned(),
        message,
    };
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(MAX_PAGE_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| fail(format!("damaged gzip data ({e}), skipped")))?;
        if out.len() as u64 > MAX_PAGE_BYTES {
            return Err(fail(format!(
                "compressed page expands past {} MiB, skipped",
                MAX_PAGE_BYTES / (1024 * 1024)
            )));
        }
        out
    } else {
        bytes
    };
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((Unpacked::Text(text), Vec::new())),
        Err(not_utf8) => not_utf8.into_bytes(),
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Ok((Unpacked::Bytes(bytes), Vec::new()));
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
        let note = if had_errors {
            ", bad units replaced"
        } else {
            ""
        };
        let warning = fail(format!(
            "no byte-order mark: read as {} by its NUL bytes{note}",
            encoding.name()
        ));
        return Ok((Unpacked::Text(text.into_owned()), vec![warning]));
    }
    if let Some(encoding) = declared_charset(&bytes[..bytes.len().min(4096)])
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, _) = encoding.decode(&bytes);
        return Ok((Unpacked::Text(text.into_owned()), Vec::new()));
    }
    if mostly_utf8(&bytes) {
        return Ok((Unpacked::Bytes(bytes), Vec::new()));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, false);
    let (text, _, had_errors) = encoding.decode(&bytes);
    let note = if had_errors {
        ", undecodable bytes replaced"
    } else {
        ""
    };
    let warning = fail(format!(
        "not UTF-8: read as {} (detected){note}",
        encoding.name()
    ));
    Ok((Unpacked::Text(text.into_owned()), vec![warning]))
}

/// How many bytes from the start are looked at to tell UTF-16 by its NUL bytes.
const UTF16_SNIFF_BYTES: usize = 4096;

/// UTF-16 without a byte-order mark, told by where its NUL bytes fall: text in Latin
/// script has a NUL as the high byte of most units, so (little-endian) most odd bytes
/// are NUL and almost no even ones (big-endian: the other way round).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES)];
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Most units carry a NUL on one side and almost none on the other.
    let strong = |many: usize, few: usize| many * 10 >= units * 3 && few * 50 <= units;
    if strong(odd, even) {
        Some(encoding_rs::UTF_16LE)
    } else if strong(even, odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Whether bytes that are not valid UTF-8 still read as UTF-8 with a few damaged
/// bytes: at least as many well-formed multi-byte characters as bad bytes (text in a
/// legacy encoding almost never forms UTF-8 sequences by chance).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good >= bad
}

/// The charset a page of markup declares in its first bytes.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = head.to_ascii_lowercase();
    let trimmed = lower.trim_ascii_start();
    if !trimmed.starts_with(b"<") {
        return None;
    }
    ["charset=", "encoding="].iter().find_map(|key| {
        let at = memchr::memmem::find(&lower, key.as_bytes())? + key.len();
        let label: Vec<u8> = lower[at..]
            .iter()
            .skip_while(|&&c| c == b'"' || c == b'\'' || c == b' ')
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
            .copied()
            .collect();
        encoding_rs::Encoding::for_label(&label)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page text and warnings `unpack_with_warnings` gives for `bytes`.
    fn unpacked(bytes: &[u8]) -> (String, Vec<String>) {
        let (out, warnings) = unpack_with_warnings("p.txt", bytes.to_vec()).unwrap();
        let text = String::from_utf8(out).expect("converted to UTF-8");
        (text, warnings.into_iter().map(|w| w.message).collect())
    }

    const FRENCH: &str = "Le président a déclaré: « Nous irons à Genève, où l'été est doux. » \
                          Les élèves étaient très contents de leur journée à la mer.";

    #[test]
    fn latin_1_text_is_detected_and_the_warning_names_the_encoding() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(FRENCH);
        assert!(std::str::from_utf8(&bytes).is_err());
        let (text, warnings) = unpacked(&bytes);
        assert_eq!(text, FRENCH);
        assert_eq!(warnings, ["not UTF-8: read as windows-1252 (detected)"]);
    }

    #[test]
    fn windows_1252_punctuation_is_read_right() {
        let page = "\u{201c}It\u{2019}s 1Password f\u{fc}r Mac \u{2014} and that\u{2019}s all,\u{201d} \
                    said the caf\u{e9} owner, who was na\u{ef}ve about \u{20ac}5 prices.";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(page);
        assert!(!unmappable);
        let (text, warnings) = unpacked(&bytes);
        assert_eq!(text, page);
        assert_eq!(warnings, ["not UTF-8: read as windows-1252 (detected)"]);
    }

    #[test]
    fn shift_jis_is_detected() {
        let page = "東京都は月曜日、新しい港湾計画を発表した。知事は「港は市民のものだ」と述べた。\
                    計画は来年の春に始まる予定で、漁業関係者は反対している。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(page);
        let (text, warnings) = unpacked(&bytes);
        assert_eq!(text, page);
        assert_eq!(warnings, ["not UTF-8: read as Shift_JIS (detected)"]);
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
    fn utf16_without_a_byte_order_mark_is_told_by_its_nul_bytes() {
        let page = "Port board backs quay expansion\n\n\u{201c}We need the room,\u{201d} said Ana Ruiz in K\u{f6}ln.\n";
        let (text, warnings) = unpacked(&utf16(page, false));
        assert_eq!(text, page);
        assert_eq!(
            warnings,
            ["no byte-order mark: read as UTF-16LE by its NUL bytes"]
        );
        let (text, warnings) = unpacked(&utf16(page, true));
        assert_eq!(text, page);
        assert_eq!(
            warnings,
            ["no byte-order mark: read as UTF-16BE by its NUL bytes"]
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_left_to_the_decoder() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(utf16("Hello", false));
        let (out, warnings) = unpack_with_warnings("p.txt", bytes.clone()).unwrap();
        assert_eq!(out, bytes);
        assert!(warnings.is_empty());
    }

    #[test]
    fn declared_charset_comes_before_detection_and_binary_is_not_utf16() {
        let html = "<html><head><meta charset=\"iso-8859-15\"></head><body>\u{20ac} caf\u{e9}</body></html>";
        let (bytes, _, _) = encoding_rs::ISO_8859_15.encode(html);
        let (text, warnings) = unpacked(&bytes);
        assert_eq!(text, html);
        assert!(warnings.is_empty(), "{warnings:?}");
        // NUL bytes with no pattern are not UTF-16 (the decoder then calls it binary).
        let noise: Vec<u8> = (0..512u32)
            .map(|i| {
                if i % 7 == 0 {
                    0
                } else {
                    (i * 37 % 251) as u8 | 0x80
                }
            })
            .collect();
        assert!(utf16_without_bom(&noise).is_none());
    }
}
