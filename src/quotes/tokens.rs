//! Splitting the prose around a quote into words and punctuation, with byte offsets.
//!
//! Tokens borrow their text from the paragraph and carry their lower case, made once
//! when first asked for (borrowed too when the word has no capitals, else inline for
//! short words): reading a story allocates almost nothing per word, most words are never
//! looked up, and the many word lists a word is looked up in all use the same lower case.
//!
//! Decides only where words and marks are; the lower case is [`super::lower`]'s and the
//! abbreviation list a [`super::wordset`] list, and neither of those imports this file.

use std::cell::OnceCell;
use std::sync::LazyLock;

pub use super::lower::Lower;
use super::wordset::WordSet;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A word (letters, digits, inner hyphens, apostrophes and abbreviation dots).
    Word,
    /// A comma.
    Comma,
    /// A colon.
    Colon,
    /// A sentence end: `.`, `?`, `!`, `;` or an ellipsis.
    Stop,
    /// A dash standing between words.
    Dash,
    /// Any other punctuation (brackets, stray quote marks).
    Other,
}

/// One word or punctuation mark of a paragraph.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    /// The text as written (borrowed from the paragraph).
    pub text: &'a str,
    /// What it is.
    pub kind: Kind,
    /// Byte offset of its first character in the paragraph.
    pub start: usize,
    /// The text in lower case, made when first asked for (most words of the prose
    /// are never looked up).
    lower: OnceCell<Lower<'a>>,
    /// Whether it is a word starting with a capital letter.
    capitalised: bool,
    /// Whether the text is ASCII (its lower case is then made byte by byte).
    ascii: bool,
}

/// Tokens are the same when their text, kind and offset are (the lower case follows
/// from the text).
impl PartialEq for Token<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && self.kind == other.kind
            && self.start == other.start
            && self.capitalised == other.capitalised
    }
}

impl Eq for Token<'_> {}

impl<'a> Token<'a> {
    /// A token of `kind` with `text`, starting at byte offset `start`.
    pub fn new(text: &'a str, kind: Kind, start: usize) -> Self {
        Token {
            text,
            kind,
            start,
            lower: OnceCell::new(),
            capitalised: kind == Kind::Word && text.chars().next().is_some_and(char::is_uppercase),
            ascii: text.is_ascii(),
        }
    }

    /// A punctuation mark whose text is ASCII (the same as [`Token::new`], made faster:
    /// ASCII punctuation has no case).
    #[inline]
    fn ascii_mark(text: &'a str, kind: Kind, start: usize) -> Self {
        debug_assert!(kind != Kind::Word);
        Token {
            text,
            kind,
            start,
            lower: OnceCell::new(),
            capitalised: false,
            ascii: true,
        }
    }

    /// A word whose text is known to be ASCII (the same as [`Token::new`], made faster).
    #[inline]
    fn ascii_word(text: &'a str, start: usize) -> Self {
        Token {
            text,
            kind: Kind::Word,
            start,
            lower: OnceCell::new(),
            capitalised: text.bytes().next().is_some_and(|b| b.is_ascii_uppercase()),
            ascii: true,
        }
    }

    /// The same token with its text cut to `text` ("Smith" from "Smith's").
    pub fn with_text(&self, text: &'a str) -> Self {
        Token::new(text, self.kind, self.start)
    }

    /// True for a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// The word in lower case.
    pub fn lower(&self) -> &Lower<'a> {
        self.lower.get_or_init(|| {
            if self.ascii {
                Lower::of_ascii(self.text)
            } else {
                Lower::of(self.text)
            }
        })
    }

    /// True when the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.capitalised
    }
}

/// Abbreviations whose final dot does not end a sentence.
static ABBREVIATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof",
        "st", "jr", "sr", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug", "sep",
        "sept", "oct", "nov", "dec", "no", "vs", "mt", "ft", "adm", "maj", "rev", "hon", "supt",
        "insp", "det", "cmdr", "brig", "cpl", "pte", "messrs", "mme", "mlle", "esq",
    ]
    .into_iter()
    .collect()
});

/// US states' abbreviations, written capitalised ("Louisville, Ky., said"; "R-Ky."):
/// their dot ends no sentence. Those that are also words ("Ill.", "Mass.") are left out.
static STATES: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Kan", "Ky", "Md", "Mich",
        "Minn", "Mont", "Neb", "Nev", "Okla", "Ore", "Tenn", "Tex", "Vt", "Va", "Wis", "Wyo",
        "Penn",
    ]
    .into_iter()
    .collect()
});

/// The longest abbreviation of [`STATES`].
const STATE_LENGTH: usize = 5;

/// Whether `word` is a state's abbreviation, alone or after a party ("R-Ky").
///
/// Every abbreviation is a capital and at most [`STATE_LENGTH`] ASCII bytes, so the
/// part after the last dash is looked up only when it is that short and so opens.
fn is_state(word: &str) -> bool {
    let tail = memchr::memrchr(b'-', word.as_bytes()).map_or(word, |k| &word[k + 1..]);
    tail.len() <= STATE_LENGTH
        && tail.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && STATES.contains(tail)
}

fn punct_kind(c: char) -> Kind {
    match c {
        ',' => Kind::Comma,
        ':' => Kind::Colon,
        '.' | '?' | '!' | ';' | '…' => Kind::Stop,
        '—' | '–' | '-' => Kind::Dash,
        _ => Kind::Other,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True for an ASCII byte that is white space (as [`char::is_whitespace`] tells).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The character starting at byte offset `at` of `text` (a character boundary): whether
/// it is white space, and its length in bytes.
fn char_at(text: &str, at: usize) -> (bool, usize) {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
}

/// Splits `text` into tokens; offsets are `base` plus the byte position in `text`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 4 + 2);
    tokenize_into(text, base, &mut out);
    out
}

/// Splits `text` into tokens added to `out` (as [`tokenize`] makes them): a caller
/// splitting many stretches in turn can keep one list.
///
/// Text is scanned eight bytes at a time while it is printable ASCII, decoding only
/// characters beyond ASCII; a chunk of ASCII (most words) is split by its bytes.
pub fn tokenize_into<'a>(text: &'a str, base: usize, out: &mut Vec<Token<'a>>) {
    // The characters of a chunk beyond ASCII, with their byte offsets.
    let mut chars: Vec<(usize, char)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Most chunks: printable ASCII up to an ASCII space or the end (what
        // `chunk_end` finds for them, without its general loop).
        let end = printable_ascii_end(bytes, i);
        let next = match bytes.get(end) {
            None => Some(end),
            Some(&b) if is_ascii_space(b) => Some(end + 1),
            Some(_) => None,
        };
        if let Some(next) = next {
            if end > i {
                ascii_chunk(&text[i..end], base + i, out);
            }
            i = next;
            continue;
        }
        // A chunk: everything up to the next white space (nothing between two spaces).
        let (end, wide, next) = chunk_end(text, i);
        if end > i {
            let piece = text.get(i..end).unwrap_or("");
            if !wide {
                ascii_chunk(piece, base + i, out);
            } else {
                chars.clear();
                chars.extend(piece.char_indices());
                chunk(piece, &chars, piece.len(), base + i, out);
            }
        }
        i = next;
    }
}

/// Where the chunk of `text` starting at byte `from` (a character boundary) ends: the
/// offset of the first white space at or after `from` (or the end of the text), whether
/// the chunk has characters beyond ASCII, and the offset just past that white space.
#[inline]
fn chunk_end(text: &str, from: usize) -> (usize, bool, usize) {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut wide = false;
    loop {
        i = printable_ascii_end(bytes, i);
        match bytes.get(i) {
            None => return (i, wide, i),
            Some(&b) if b.is_ascii() => {
                if is_ascii_space(b) {
                    return (i, wide, i + 1);
                }
                i += 1; // a control character
            }
            Some(_) => {
                let (space, len) = char_at(text, i);
                if space {
                    return (i, wide, i + len);
                }
                i += len;
                wide = true;
            }
        }
    }
}

/// The offset of the first byte of `bytes` at or after `from` that is not printable
/// ASCII (`!` to `~` and DEL): white space, a control character, or a byte of a
/// character beyond ASCII.
///
/// Eight bytes are read at once: a byte is flagged by its high bit (beyond ASCII), or
/// by borrowing when `0x21` is taken from it (below `!`). A borrow only runs on from a
/// flagged byte, so the lowest flag is exact.
fn printable_ascii_end(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH_BITS: u64 = ONES * 0x80;
    let mut i = from;
    while let Some(eight) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*eight);
        let flags = (x | (x.wrapping_sub(ONES * 0x21) & !x)) & HIGH_BITS;
        if flags != 0 {
            return i + (flags.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| (0x21..0x80).contains(&b)) {
        i += 1;
    }
    i
}

/// Which bytes are ASCII letters and digits, one bit each.
static ALNUM: [u64; 4] = {
    let mut bits = [0u64; 4];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            bits[b >> 6] |= 1 << (b & 63);
        }
        b += 1;
    }
    bits
};

/// [`u8::is_ascii_alphanumeric`], read from a table of bits.
#[inline(always)]
fn is_alnum(b: u8) -> bool {
    ALNUM[usize::from(b >> 6)] >> (b & 63) & 1 != 0
}

/// Tokenises one whitespace-free chunk of ASCII text (exactly as [`chunk`] would),
/// `base` the byte offset of its first character.
#[inline(always)]
fn ascii_chunk<'a>(c: &'a str, base: usize, out: &mut Vec<Token<'a>>) {
    let b = c.as_bytes();
    let (Some(&head), Some(&tail)) = (b.first(), b.last()) else {
        return;
    };
    // Most chunks are one word, with no mark before or after it.
    if is_alnum(head) && is_alnum(tail) {
        out.push(Token::ascii_word(c, base));
        return;
    }
    let Some(first) = b.iter().position(u8::is_ascii_alphanumeric) else {
        if b.iter().all(|&x| x == b'-') {
            out.push(Token::ascii_mark(c, Kind::Dash, base));
        } else {
            ascii_marks(c, 0, base, out);
        }
        return;
    };
    let last = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .unwrap_or(first);
    if first > 0 {
        ascii_marks(c.get(..first).unwrap_or(""), 0, base, out);
    }
    let mut word_end = last + 1;
    let next = b.get(word_end).copied();
    if next == Some(b'\'') && matches!(b[last], b's' | b'S') {
        word_end += 1;
    } else if next == Some(b'.') {
        let word = c.get(first..word_end).unwrap_or("");
        let single_letter = word_end - first == 1 && b[first].is_ascii_alphabetic();
        if word.contains('.')
            || single_letter
            || is_state(word)
            || ABBREVIATIONS.contains_lowered(word)
        {
            word_end += 1;
        }
    }
    out.push(Token::ascii_word(
        c.get(first..word_end).unwrap_or(""),
        base + first,
    ));
    if word_end < b.len() {
        ascii_marks(c, word_end, base, out);
    }
}

/// One token for each ASCII punctuation mark of `c` from byte `from` on, `base` the
/// byte offset of `c`.
fn ascii_marks<'a>(c: &'a str, from: usize, base: usize, out: &mut Vec<Token<'a>>) {
    for k in from..c.len() {
        let text = c.get(k..k + 1).unwrap_or("");
        let kind = c
            .as_bytes()
            .get(k)
            .map_or(Kind::Other, |&b| punct_kind(char::from(b)));
        out.push(Token::ascii_mark(text, kind, base + k));
    }
}

/// Tokenises one whitespace-free chunk of `text`: its characters `c` with their byte
/// offsets, `end` the byte offset just past it, `base` the byte offset of its first
/// character.
fn chunk<'a>(
    text: &'a str,
    c: &[(usize, char)],
    end: usize,
    base: usize,
    out: &mut Vec<Token<'a>>,
) {
    // The text of characters `a..b` of the chunk.
    let span = |a: usize, b: usize| {
        let from = c.get(a).map_or(end, |x| x.0);
        let to = c.get(b).map_or(end, |x| x.0);
        text.get(from..to).unwrap_or("")
    };
    let marks = |a: usize, b: usize, out: &mut Vec<Token<'a>>| {
        for (k, &(_, mark)) in c.iter().enumerate().take(b).skip(a) {
            out.push(Token::new(span(k, k + 1), punct_kind(mark), base + c[k].0));
        }
    };
    let Some(first) = c.iter().position(|&(_, ch)| is_word_char(ch)) else {
        // Only punctuation: a dash like "--" is one dash, else each mark is a token.
        if c.iter().all(|&(_, ch)| matches!(ch, '-' | '—' | '–')) {
            out.push(Token::new(span(0, c.len()), Kind::Dash, base));
        } else {
            marks(0, c.len(), out);
        }
        return;
    };
    let last = c
        .iter()
        .rposition(|&(_, ch)| is_word_char(ch))
        .unwrap_or(first);
    marks(0, first, out);
    let mut word_end = last + 1;
    // Keep a plural possessive apostrophe ("ministers'") and an abbreviation's dot.
    let next = c.get(word_end).map(|x| x.1);
    if matches!(next, Some('\'' | '’')) && matches!(c[last].1, 's' | 'S') {
        word_end += 1;
    } else if next == Some('.') {
        let word = span(first, word_end);
        let single_letter = word_end - first == 1 && c[first].1.is_alphabetic();
        if word.contains('.')
            || single_letter
            || is_state(word)
            || ABBREVIATIONS.contains(Lower::of(word).as_str())
        {
            word_end += 1;
        }
    }
    out.push(Token::new(
        span(first, word_end),
        Kind::Word,
        base + c[first].0,
    ));
    marks(word_end, c.len(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_s_abbreviation_ends_no_sentence() {
        let t = tokenize("Sen. Ann Lee, R-Ky., said. Louisville, Ky., agreed.", 0);
        let stops = t.iter().filter(|t| t.kind == Kind::Stop).count();
        assert_eq!(stops, 2, "{t:?}");
        assert!(t.iter().any(|t| t.text == "R-Ky."));
    }

    fn kinds(s: &str) -> Vec<(String, Kind)> {
        tokenize(s, 0)
            .into_iter()
            .map(|t| (t.text.into(), t.kind))
            .collect()
    }

    #[test]
    fn splits_punctuation_from_words() {
        let t = kinds("said Jane Roe, an analyst.");
        assert_eq!(t[2], ("Roe".into(), Kind::Word));
        assert_eq!(t[3], (",".into(), Kind::Comma));
        assert_eq!(t.last(), Some(&(".".into(), Kind::Stop)));
    }

    #[test]
    fn keeps_abbreviations_and_possessives() {
        let t = kinds("Sen. Tom Harlan of the U.S. ministers' view");
        assert_eq!(t[0].0, "Sen.");
        assert_eq!(t[5].0, "U.S.");
        assert_eq!(t[6].0, "ministers'");
        assert!(t.iter().all(|(_, k)| *k == Kind::Word));
    }

    #[test]
    fn offsets_are_in_bytes() {
        let t = tokenize("« Été » dit", 10);
        assert_eq!(t[1].text, "Été");
        assert_eq!(t[1].start, 13);
        assert_eq!(t[3].start, 22);
    }

    #[test]
    fn dashes_and_runs_of_marks() {
        let t = kinds("—“Yes!”— -- Ève");
        let texts: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(texts, ["—", "“", "Yes", "!", "”", "—", "--", "Ève"]);
        assert_eq!(t[6].1, Kind::Dash);
        assert_eq!(t[3].1, Kind::Stop);
    }

    /// The tokens of `text` by the general path alone (every chunk read as characters).
    fn by_characters(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        for piece in text.split(char::is_whitespace) {
            if !piece.is_empty() {
                let offset = piece.as_ptr() as usize - text.as_ptr() as usize;
                let chars: Vec<(usize, char)> = piece.char_indices().collect();
                chunk(piece, &chars, piece.len(), offset, &mut out);
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Chunks of ASCII, split by their bytes, give exactly the tokens the general
        /// path gives, with the same offsets and lower case.
        #[test]
        fn ascii_fast_path_agrees_with_the_general_path(
            text in "[a-zA-Z0-9 .,:;'’\"“”—–!?()é\t\n\u{0}\u{b}\u{1f}\u{7f}\u{85}\u{a0}\u{2003}-]{0,40}"
        ) {
            let fast = tokenize(&text, 0);
            let general = by_characters(&text);
            proptest::prop_assert_eq!(&fast, &general);
            for t in &fast {
                proptest::prop_assert_eq!(t.lower().as_str(), t.text.to_lowercase());
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The eight-bytes-at-once scan stops exactly where a byte-by-byte scan does.
        #[test]
        fn printable_ascii_end_agrees_with_a_byte_scan(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let slow = bytes[from..]
                .iter()
                .position(|&b| !(0x21..0x80).contains(&b))
                .map_or(bytes.len(), |k| from + k);
            proptest::prop_assert_eq!(printable_ascii_end(&bytes, from), slow);
        }
    }

    #[test]
    fn the_table_of_letters_and_digits_is_exact() {
        for b in 0..=u8::MAX {
            assert_eq!(is_alnum(b), b.is_ascii_alphanumeric(), "byte {b}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Looking up only a short capitalised part after the last dash answers as
        /// looking up every part after the last dash did.
        #[test]
        fn a_state_is_found_as_by_splitting_at_dashes(
            word in "(R-|D-|-|[A-Za-zé]{0,3}-){0,2}(Ky|Calif|Penn|Ill|ky|KY|Wyo|Tex|[A-Za-zé]{0,6})"
        ) {
            let split = word.rsplit('-').next().is_some_and(|w| STATES.contains(w));
            proptest::prop_assert_eq!(is_state(&word), split);
        }
    }

    #[test]
    fn lower_case_is_made_once_and_exact() {
        for w in [
            "Straße",
            "ÉTÉ",
            "ΟΔΟΣ",
            "İstanbul",
            "plain",
            "NATO",
            "—",
            "ǅ",
        ] {
            let t = Token::new(w, Kind::Word, 0);
            assert_eq!(t.lower().as_str(), w.to_lowercase(), "{w}");
        }
        assert!(Token::new("Ève", Kind::Word, 0).is_capitalised());
        assert!(!Token::new("ève", Kind::Word, 0).is_capitalised());
        assert!(!Token::new("“", Kind::Other, 0).is_capitalised());
    }
}
