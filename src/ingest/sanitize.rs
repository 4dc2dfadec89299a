//! Text hygiene: decoding bytes into clean text that can never drive a terminal.
//!
//! Everything a page holds is untrusted. [`sanitize`] (and its allocation-free fast
//! path [`sanitize_cow`]) is the one place that decides what may reach a terminal; it
//! runs when a page is loaded and again wherever the reader draws text. It removes:
//!
//! - whole escape sequences: CSI (`ESC [` … final byte), the string sequences OSC,
//!   DCS, SOS, PM and APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` up to BEL or ST),
//!   their 8-bit C1 forms (U+009B, U+009D, U+0090, U+0098, U+009E, U+009F) and the
//!   short `ESC x` / `ESC ( B` forms;
//! - every other control character except newline (C0, DEL, C1);
//! - bidi controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), U+FEFF and the
//!   tag characters U+E0000–U+E007F;
//! - combining marks past [`MAX_MARKS`] in a row, so "zalgo" text cannot stack
//!   without end on one character cell.
//!
//! It also turns CR LF and lone CR into `\n` and expands tabs to spaces (to the next
//! multiple of [`TAB_WIDTH`] display columns within the line).
//!
//! **Unterminated sequences.** A terminal swallows everything after an unterminated
//! OSC or DCS until a terminator arrives. Here a sequence never reaches past the end of
//! its line: a stray `ESC ]` removes the rest of that line only, never the rest of the
//! page. A CSI likewise ends at the first byte that cannot belong to it (that byte is
//! kept and treated as text).
//!
//! The output of [`sanitize`] is a fixed point: sanitising it again changes nothing.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_width::UnicodeWidthChar;

use super::Page;
use crate::model::Warning;

/// Most combining marks (and other zero-width extenders) kept in a row after a base
/// character; the rest are dropped.
pub const MAX_MARKS: usize = 4;

/// Tab stops fall on multiples of this many display columns.
pub const TAB_WIDTH: usize = 8;

/// How much of a file is searched for NUL bytes to tell a binary file.
pub const BINARY_SNIFF_BYTES: usize = 8 * 1024;

const ESC: char = '\u{1b}';

/// Removes everything from `text` that could drive a terminal, as described in the
/// module documentation. Always returns a new string; see [`sanitize_cow`].
pub fn sanitize(text: &str) -> String {
    sanitize_cow(text).into_owned()
}

/// Like [`sanitize`], but borrows `text` unchanged when it is already clean (the
/// common case), so clean text costs one fast scan and no allocation.
pub fn sanitize_cow(text: &str) -> Cow<'_, str> {
    let mut marks = 0;
    match next_dirty(text, &mut marks) {
        None => Cow::Borrowed(text),
        Some(at) => Cow::Owned(clean_from(text, at, marks)),
    }
}

/// Sanitises text meant for a single line (a title bar, a status line, a warning):
/// as [`sanitize_cow`], with newlines turned into spaces.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    match sanitize_cow(text) {
        Cow::Borrowed(s) if !s.contains('\n') => Cow::Borrowed(s),
        clean => Cow::Owned(clean.replace('\n', " ")),
    }
}

/// Whether `c` is removed wherever it appears (apart from the controls handled with
/// escape sequences): C0 and C1 controls, DEL, bidi controls, U+FEFF, tag characters.
/// The reader uses the same test on text it draws.
pub fn is_removed(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Whether `c` stacks on the character before it without a cell of its own: a
/// combining mark, a zero-width joiner or non-joiner, a variation selector, or an emoji
/// skin-tone modifier. At most [`MAX_MARKS`] of these are kept in a row.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}'
    ) || matches!(c, '\u{1f3fb}'..='\u{1f3ff}')
        || is_combining_mark(c)
}

/// Whether `c` lies in a block known to hold no removed character and no mark
/// (Latin-1 and Latin Extended letters, dashes and quotes, most symbols, CJK, Hangul,
/// most emoji): a
/// quick answer for the bulk of non-ASCII text. A test checks every character in it.
#[inline]
fn is_plain_wide(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'..='\u{2ff}'
            | '\u{2010}'..='\u{2027}'
            | '\u{20f1}'..='\u{2cee}'
            | '\u{309b}'..='\u{a66e}'
            | '\u{abee}'..='\u{d7ff}'
            | '\u{1f400}'..='\u{1faff}'
    )
}

/// Whether a byte is printable ASCII or a newline: the bytes that need no look.
#[inline]
fn is_plain(b: u8) -> bool {
    b.wrapping_sub(0x20) < 0x5f || b == b'\n'
}

/// Finds the byte offset of the first character of `text` that must change, given
/// `marks` combining marks just before it. On return `marks` holds the run of marks
/// just before the offset found (or at the end).
fn next_dirty(text: &str, marks: &mut usize) -> Option<usize> {
    const CHUNK: usize = 16;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Plain ASCII, a chunk at a time: written so the compiler can vectorise it.
        if let Some(chunk) = bytes.get(i..i + CHUNK) {
            if chunk.iter().fold(true, |all, &b| all & is_plain(b)) {
                *marks = 0;
                i += CHUNK;
                continue;
            }
            // The plain bytes ahead of the first that is not, passed at once.
            let plain = chunk.iter().position(|&b| !is_plain(b)).unwrap_or(0);
            if plain > 0 {
                *marks = 0;
                i += plain;
            }
        }
        // Then a character at a time, until two ASCII bytes in a row (a curly quote
        // inside English text costs one look; a run of Cyrillic or CJK words stays here).
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !is_plain(b) {
                    return Some(i);
                }
                *marks = 0;
                i += 1;
                if bytes.get(i).is_some_and(u8::is_ascii) {
                    break;
                }
                continue;
            }
            let c = text.get(i..).and_then(|rest| rest.chars().next())?;
            i += c.len_utf8();
            if is_plain_wide(c) {
                *marks = 0;
            } else if is_removed(c) {
                return Some(i - c.len_utf8());
            } else if !is_mark(c) {
                *marks = 0;
            } else if *marks < MAX_MARKS {
                *marks += 1;
            } else {
                return Some(i - c.len_utf8());
            }
        }
    }
    None
}

/// Where the display column of the output was last known, for tab expansion.
struct Column {
    /// Output byte offset up to which `col` is counted.
    upto: usize,
    /// Display column at `upto`.
    col: usize,
}

impl Column {
    /// The display column at the end of `out`: counts only what was added since the
    /// last call, so tab expansion stays linear however many tabs a line holds.
    fn at_end(&mut self, out: &str) -> usize {
        let mut added = out.get(self.upto..).unwrap_or("");
        if let Some(nl) = added.rfind('\n') {
            self.col = 0;
            added = &added[nl + 1..];
        }
        self.col += added.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
        self.upto = out.len();
        self.col
    }
}

/// Builds the clean text: `text[..at]` is already clean (ending in a run of `marks`
/// marks); from `at` on, dirty characters are handled one at a time and the clean runs
/// between them copied whole.
fn clean_from(text: &str, mut at: usize, mut marks: usize) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    let mut column = Column { upto: 0, col: 0 };
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        at += c.len_utf8();
        let rest = &text[at..];
        match c {
            '\r' => {
                if rest.starts_with('\n') {
                    at += 1;
                }
                out.push('\n');
                marks = 0;
            }
            '\t' => {
                let col = column.at_end(&out);
                let pad = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                column.col += pad;
                column.upto = out.len();
                marks = 0;
            }
            ESC => at += escape_len(rest),
            '\u{9b}' => at += csi_len(rest),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => at += string_len(rest),
            // Anything else found dirty is dropped: other controls, bidi controls,
            // U+FEFF, tag characters, and marks past the cap.
            _ => {}
        }
        let rest = &text[at..];
        match next_dirty(rest, &mut marks) {
            None => {
                out.push_str(rest);
                break;
            }
            Some(n) => {
                out.push_str(&rest[..n]);
                at += n;
            }
        }
    }
    out
}

/// Length in bytes of the escape sequence whose `ESC` came just before `rest`
/// (not counting the `ESC`). A lone `ESC` has length 0.
fn escape_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    match bytes.first() {
        Some(b'[') => 1 + csi_len(&rest[1..]),
        Some(b']' | b'P' | b'X' | b'^' | b'_') => 1 + string_len(&rest[1..]),
        // nF sequences (`ESC ( B`): intermediates, then one final byte.
        Some(0x20..=0x2f) => {
            let n = bytes
                .iter()
                .take_while(|b| (0x20..=0x2f).contains(*b))
                .count();
            match bytes.get(n) {
                Some(0x30..=0x7e) => n + 1,
                _ => n,
            }
        }
        // Two-character sequences: `ESC 7`, `ESC c`, `ESC =`, ...
        Some(0x30..=0x7e) => 1,
        _ => 0,
    }
}

/// Length in bytes of a CSI body (parameters, intermediates, final byte) at the start
/// of `rest`. A body cut short by any other character ends before it.
fn csi_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let n = bytes
        .iter()
        .take_while(|b| (0x20..=0x3f).contains(*b))
        .count();
    match bytes.get(n) {
        Some(0x40..=0x7e) => n + 1,
        _ => n,
    }
}

/// Length in bytes of a control string (OSC, DCS, SOS, PM, APC) at the start of
/// `rest`, including its terminator: BEL, `ESC \` or U+009C. It stops before a line
/// end (see the module documentation), before CAN or SUB (which cancel it), and before
/// an `ESC` that starts something else.
fn string_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0x07 => return i + 1,
            0x1b if bytes.get(i + 1) == Some(&b'\\') => return i + 2,
            0xc2 if bytes.get(i + 1) == Some(&0x9c) => return i + 2,
            b'\n' | b'\r' | 0x18 | 0x1a | 0x1b => return i,
            _ => i += 1,
        }
    }
    i
}

/// Decodes a page's raw bytes into a [`Page`]: BOM dropped, UTF-16 (with a BOM)
/// decoded, line ends normalised to `\n`, invalid UTF-8 replaced (with a warning),
/// tabs expanded, text sanitised. Fails (with a warning naming the file) for empty,
/// whitespace-only or binary input.
pub fn decode(path: &str, bytes: &[u8]) -> Result<(Page, Vec<Warning>), Warning> {
    decode_cow(path, Cow::Borrowed(bytes))
}

/// As [`decode`], taking ownership of the bytes so valid UTF-8 is not copied.
pub fn decode_owned(path: &str, bytes: Vec<u8>) -> Result<(Page, Vec<Warning>), Warning> {
    decode_cow(path, Cow::Owned(bytes))
}

/// As [`decode_owned`], for bytes already found to be UTF-8: the text is not checked
/// again.
pub fn decode_text(path: &str, text: String) -> Result<(Page, Vec<Warning>), Warning> {
    decode_raw(path, Raw::Text(text))
}

/// A page's content as the decoder is given it.
enum Raw<'a> {
    /// Bytes in any encoding the decoder reads.
    Bytes(Cow<'a, [u8]>),
    /// Text already found to be UTF-8.
    Text(String),
}

/// The text encodings told apart by their byte-order mark.
#[derive(Clone, Copy)]
enum Utf16 {
    Le,
    Be,
}

fn decode_cow(path: &str, bytes: Cow<'_, [u8]>) -> Result<(Page, Vec<Warning>), Warning> {
    decode_raw(path, Raw::Bytes(bytes))
}

fn decode_raw(path: &str, raw: Raw<'_>) -> Result<(Page, Vec<Warning>), Warning> {
    let path = sanitize_line(path).into_owned();
    let warn = |message: String| Warning {
        path: path.clone(),
        message,
    };
    let bytes: &[u8] = match &raw {
        Raw::Bytes(bytes) => bytes,
        Raw::Text(text) => text.as_bytes(),
    };
    if bytes.is_empty() {
        return Err(warn("empty file, skipped".into()));
    }
    let mut warnings = Vec::new();
    let utf16 = match bytes.get(..2) {
        Some([0xff, 0xfe]) => Some(Utf16::Le),
        Some([0xfe, 0xff]) => Some(Utf16::Be),
        _ => None,
    };
    let text = match utf16 {
        Some(order) => {
            let (text, bad) = decode_utf16(&bytes[2..], order);
            if bad > 0 {
                warnings.push(warn(format!("invalid UTF-16 replaced ({bad} units)")));
            }
            text
        }
        None => {
            let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
            if memchr::memchr(0, sniff).is_some() {
                return Err(warn("binary file, skipped".into()));
            }
            let (text, bad) = match raw {
                Raw::Bytes(bytes) => decode_utf8(bytes),
                Raw::Text(text) => (text, 0),
            };
            if bad > 0 {
                warnings.push(warn(format!("invalid UTF-8 replaced ({bad} bytes)")));
            }
            text
        }
    };
    let text = match sanitize_cow(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(clean) => clean,
    };
    if text.trim().is_empty() {
        return Err(warn("empty file, skipped".into()));
    }
    Ok((Page { path, text }, warnings))
}

/// Decodes UTF-8, replacing invalid sequences with U+FFFD; returns the text and the
/// number of invalid bytes.
fn decode_utf8(bytes: Cow<'_, [u8]>) -> (String, usize) {
    let bytes = match bytes {
        Cow::Owned(vec) => match String::from_utf8(vec) {
            Ok(text) => return (text, 0),
            Err(e) => Cow::Owned(e.into_bytes()),
        },
        Cow::Borrowed(slice) => match std::str::from_utf8(slice) {
            Ok(text) => return (text.to_owned(), 0),
            Err(_) => Cow::Borrowed(slice),
        },
    };
    let mut text = String::with_capacity(bytes.len());
    let mut bad = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            bad += chunk.invalid().len();
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    (text, bad)
}

/// Decodes UTF-16 in the given byte order, replacing unpaired surrogates (and an odd
/// last byte) with U+FFFD; returns the text and the number of bad units.
fn decode_utf16(bytes: &[u8], order: Utf16) -> (String, usize) {
    let units = bytes.chunks_exact(2).map(|pair| match order {
        Utf16::Le => u16::from_le_bytes([pair[0], pair[1]]),
        Utf16::Be => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len());
    let mut bad = 0;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            bad += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        bad += 1;
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> String {
        sanitize(text)
    }

    #[test]
    fn plain_wide_blocks_hold_nothing_to_remove_or_cap() {
        let wide = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_plain_wide(c));
        let mut n = 0;
        for c in wide {
            assert!(!is_removed(c) && !is_mark(c), "U+{:04X}", c as u32);
            n += 1;
        }
        assert!(n > 40_000);
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "Mayor says \"no\" — 市长 said 😀\nnext line";
        assert!(matches!(sanitize_cow(text), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_sequences_vanish_whole() {
        assert_eq!(s("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(s("x\x1b[38;2;255;0;0my"), "xy");
        assert_eq!(s("x\x1b[?25hy"), "xy");
        assert_eq!(s("x\x1b[2 qy"), "xy"); // intermediate byte
        assert_eq!(s("x\u{9b}1;2Hy"), "xy"); // 8-bit CSI
    }

    #[test]
    fn cut_short_csi_keeps_following_text() {
        assert_eq!(s("x\x1b[12\nnext"), "x\nnext");
        assert_eq!(s("x\x1b[12é"), "xé");
        assert_eq!(s("x\x1b["), "x");
    }

    #[test]
    fn string_sequences_vanish_up_to_their_terminator() {
        assert_eq!(s("a\x1b]0;evil title\x07b"), "ab");
        assert_eq!(
            s("a\x1b]8;;http://x.test/\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
        assert_eq!(s("a\x1bPq#0;2;0;0;0\x1b\\b"), "ab");
        assert_eq!(s("a\x1bXsos\x1b\\b"), "ab");
        assert_eq!(s("a\x1b^pm\x07b"), "ab");
        assert_eq!(s("a\x1b_apc\u{9c}b"), "ab");
        assert_eq!(s("a\u{9d}0;title\u{9c}b"), "ab");
        assert_eq!(s("a\u{90}dcs\x07b"), "ab");
        assert_eq!(s("a\u{98}sos\x07b"), "ab");
        assert_eq!(s("a\u{9e}pm\x07b"), "ab");
        assert_eq!(s("a\u{9f}apc\x07b"), "ab");
    }

    #[test]
    fn unterminated_string_sequence_stops_at_line_end() {
        assert_eq!(
            s("a\x1b]0;title never ends\nline two\nline three"),
            "a\nline two\nline three"
        );
        assert_eq!(s("a\u{9d}title"), "a");
        // An ESC starting something else ends the string; the new sequence goes too.
        assert_eq!(s("a\x1b]0;t\x1b[1mb"), "ab");
    }

    #[test]
    fn short_escapes_vanish() {
        assert_eq!(s("a\x1b7b\x1b8c"), "abc");
        assert_eq!(s("a\x1bcb"), "ab");
        assert_eq!(s("a\x1b(Bb"), "ab");
        assert_eq!(s("a\x1b"), "a");
        assert_eq!(s("a\x1b\nb"), "a\nb");
        assert_eq!(s("a\x1b\x1b[1mb"), "ab");
    }

    #[test]
    fn controls_go_but_newlines_stay() {
        assert_eq!(s("a\x00b\x07c\x08d\x7fe\u{85}f\u{9c}g\nh"), "abcdefg\nh");
    }

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(s("a\r\nb\rc\n\rd"), "a\nb\nc\n\nd");
    }

    #[test]
    fn bidi_bom_and_tags_go() {
        assert_eq!(
            s("\u{feff}a\u{202e}b\u{2066}c\u{2069}\u{200f}d\u{061c}"),
            "abcd"
        );
        assert_eq!(s("flag\u{e0067}\u{e0062}\u{e007f}!"), "flag!");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(s("\tx"), "        x");
        assert_eq!(s("ab\tc"), "ab      c");
        assert_eq!(s("abcdefgh\tc"), "abcdefgh        c");
        assert_eq!(s("a\tb\tc"), "a       b       c");
        assert_eq!(s("line\nab\tc"), "line\nab      c");
        // Wide characters take two columns.
        assert_eq!(s("市長\tx"), "市長    x");
        // Removed sequences take no column.
        assert_eq!(s("\x1b[1mab\tc"), "ab      c");
    }

    #[test]
    fn combining_marks_are_capped() {
        let zalgo = format!("Z{}a", "\u{0301}\u{0316}".repeat(50));
        let clean = s(&zalgo);
        assert_eq!(clean, "Z\u{0301}\u{0316}\u{0301}\u{0316}a");
        // Ordinary accents and emoji sequences are untouched.
        for text in [
            "e\u{0301}",
            "क्षि",
            "👩\u{200d}❤\u{fe0f}\u{200d}👨",
            "👍🏽",
            "#\u{fe0f}\u{20e3}",
        ] {
            assert_eq!(s(text), text);
        }
        // Marks separated only by something removed still count as one run.
        let split = format!("a{}\x1b[0m{}", "\u{0301}".repeat(3), "\u{0301}".repeat(3));
        assert_eq!(s(&split), format!("a{}", "\u{0301}".repeat(4)));
    }

    #[test]
    fn sanitize_line_joins_lines() {
        assert_eq!(sanitize_line("a\nb\x1b[1m\r\nc"), "a b c");
        assert!(matches!(sanitize_line("plain"), Cow::Borrowed(_)));
    }

    fn text_of(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
        decode("p.txt", bytes)
            .map(|(page, w)| (page.text, w.into_iter().map(|w| w.message).collect()))
            .map_err(|w| w.message)
    }

    #[test]
    fn decodes_utf8_with_or_without_bom() {
        assert_eq!(text_of(b"\xef\xbb\xbfhello\r\n").unwrap().0, "hello\n");
        assert_eq!(
            text_of("héllo".as_bytes()).unwrap(),
            ("héllo".into(), vec![])
        );
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in "Ré\r\nsumé 😀".encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(text_of(&le).unwrap(), ("Ré\nsumé 😀".into(), vec![]));
        assert_eq!(text_of(&be).unwrap().0, "Ré\nsumé 😀");
        le.push(b'x');
        let (text, warnings) = text_of(&le).unwrap();
        assert!(text.ends_with('\u{fffd}'));
        assert_eq!(warnings, ["invalid UTF-16 replaced (1 units)"]);
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let (text, warnings) = text_of(b"caf\xe9 ok \xff\xfe!").unwrap();
        assert_eq!(text, "caf\u{fffd} ok \u{fffd}\u{fffd}!");
        assert_eq!(warnings, ["invalid UTF-8 replaced (3 bytes)"]);
        let owned = decode_owned("p.txt", b"a\xc0b".to_vec()).unwrap();
        assert_eq!(owned.0.text, "a\u{fffd}b");
        assert_eq!(owned.1.len(), 1);
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(
            text_of(b"PK\x03\x04\x00\x00abc").unwrap_err(),
            "binary file, skipped"
        );
        assert_eq!(text_of(b"").unwrap_err(), "empty file, skipped");
        assert_eq!(text_of(b" \n\t\r\n ").unwrap_err(), "empty file, skipped");
        assert_eq!(
            text_of(b"\x1b[2J\x1b[H").unwrap_err(),
            "empty file, skipped"
        );
        // A NUL past the sniffed start is only a control character.
        let mut late = vec![b'a'; BINARY_SNIFF_BYTES];
        late.push(0);
        assert_eq!(text_of(&late).unwrap().0.len(), BINARY_SNIFF_BYTES);
    }

    /// [`next_dirty`] the slow way, a character at a time: the reference for its
    /// chunks of plain bytes.
    fn next_dirty_slowly(text: &str, marks: &mut usize) -> Option<usize> {
        for (i, c) in text.char_indices() {
            if c.is_ascii() {
                if !is_plain(c as u8) {
                    return Some(i);
                }
                *marks = 0;
            } else if is_removed(c) {
                return Some(i);
            } else if !is_mark(c) {
                *marks = 0;
            } else if *marks < MAX_MARKS {
                *marks += 1;
            } else {
                return Some(i);
            }
        }
        None
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The first character to change, and the marks before it, are found as a
        /// character-by-character scan finds them.
        #[test]
        fn dirty_characters_are_found_as_one_at_a_time(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "The harbour wall ", "x\n", "\u{2019}", "\u{201c}", "\u{2014}", "\u{e9}",
                "\u{301}", "\u{200d}", "\u{fe0f}", "\u{41f}\u{43e}\u{440}\u{442} ", "\u{4e2d}",
                "\u{1b}", "\u{202e}", "\t", "\r", "\u{7f}", "\u{85}", "\u{2028}",
            ]), 0..24),
            marks in 0..=MAX_MARKS,
        ) {
            let text = parts.concat();
            let (mut fast, mut slow) = (marks, marks);
            proptest::prop_assert_eq!(
                next_dirty(&text, &mut fast),
                next_dirty_slowly(&text, &mut slow)
            );
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn warnings_name_the_file_without_controls() {
        let err = decode("bad\x1b]0;x\x07name\n.txt", b"").unwrap_err();
        assert_eq!(err.path, "badname .txt");
    }
}
