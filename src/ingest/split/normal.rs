//! When two texts of a page say the same words: the normal form of a text for
//! comparing repeats (lower-case letters and digits, words separated by single spaces:
//! "The Port, closed." and "the port closed" are one), and fixed hashes of its words
//! and of the whole, so that a headline repeated as a caption, a story's copies across
//! pages and a paragraph seen twice are found without comparing strings. The hashes
//! never change between runs or machines: story ids are made from them.

/// A normalised form of a text for comparing repeats: lower-case alphanumeric
/// words separated by single spaces.
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        normalise_ascii(text)
    } else {
        normalise_chars(text)
    }
}

/// [`normalise`] for any text, a character at a time.
fn normalise_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// [`normalise`] for ASCII text, a byte at a time.
fn normalise_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(byte.to_ascii_lowercase()));
        } else {
            gap = true;
        }
    }
    out
}

/// Calls `word` with a hash of each normalised word of `text` (the words of
/// [`normalise`]), without allocating. The hash is fixed, so it is stable across
/// runs and machines.
///
/// ASCII bytes (most of any page) are handled a byte at a time without decoding;
/// other characters are decoded and lower-cased as [`normalise`] does.
pub fn for_each_word_hash(text: &str, mut word: impl FnMut(u64)) {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = SEED;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let class = WORD_BYTES[usize::from(bytes[i])];
        i += 1;
        if is_letter_or_digit(class) {
            // A run of ASCII letters and digits, hashed in a tight loop.
            hash = (hash ^ u64::from(class)).wrapping_mul(PRIME);
            in_word = true;
            while let Some(&next) = bytes.get(i) {
                let class = WORD_BYTES[usize::from(next)];
                if !is_letter_or_digit(class) {
                    if class == 0 {
                        // The usual end of a word, a space or a punctuation mark:
                        // taken here rather than looked up again.
                        i += 1;
                        word(finish(hash));
                        hash = SEED;
                        in_word = false;
                    }
                    break;
                }
                hash = (hash ^ u64::from(class)).wrapping_mul(PRIME);
                i += 1;
            }
        } else if class == 0 {
            // Any other ASCII byte ends the word.
            if in_word {
                word(finish(hash));
                hash = SEED;
                in_word = false;
            }
        } else if class == LEAD {
            // The first byte of a multi-byte character: the punctuation real text
            // holds most (curly quotes, dashes, no-break spaces) is told by its bytes
            // and ends the word; any other character is decoded and looked up. Its
            // other bytes are skipped.
            if let Some(len) = punctuation_at(&bytes[i - 1..]) {
                i += len - 1;
                if in_word {
                    word(finish(hash));
                    hash = SEED;
                    in_word = false;
                }
                continue;
            }
            let Some(c) = text.get(i - 1..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8() - 1;
            if c.is_alphanumeric() {
                for lower in c.to_lowercase() {
                    hash = (hash ^ u64::from(u32::from(lower))).wrapping_mul(PRIME);
                }
                in_word = true;
            } else if in_word {
                word(finish(hash));
                hash = SEED;
                in_word = false;
            }
        }
    }
    if in_word {
        word(finish(hash));
    }
}

/// The length of the character `bytes` start with when it is a no-break space
/// (U+00A0) or in the General Punctuation block (U+2000 to U+206F: quotes, dashes,
/// spaces, the ellipsis), none of which is alphanumeric; `None` for any other.
fn punctuation_at(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [0xc2, 0xa0, ..] => Some(2),
        [0xe2, 0x80, _, ..] => Some(3),
        [0xe2, 0x81, third, ..] if *third < 0xb0 => Some(3),
        _ => None,
    }
}

/// Whether a [`WORD_BYTES`] class is an ASCII letter or digit: the classes of
/// letters and digits are ASCII (below 0x80), the others 0 or above 0x7f, so one
/// signed comparison tells them apart.
fn is_letter_or_digit(class: u8) -> bool {
    class.cast_signed() > 0
}

/// In [`WORD_BYTES`]: a byte continuing a multi-byte character.
const CONTINUATION: u8 = 0xfe;
/// In [`WORD_BYTES`]: the first byte of a multi-byte character.
const LEAD: u8 = 0xff;

/// For each byte: its lower-case form for an ASCII letter or digit, 0 for any
/// other ASCII byte, [`CONTINUATION`] or [`LEAD`] for the bytes of other characters.
const WORD_BYTES: [u8; 256] = {
    let mut table = [LEAD; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            byte.to_ascii_lowercase()
        } else if byte.is_ascii() {
            0
        } else if byte < 0xc0 {
            CONTINUATION
        } else {
            LEAD
        };
        b += 1;
    }
    table
};

/// Mixes the bits of a word hash (a 64-bit finaliser).
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A hash of a text's normalised form (equal for texts with equal [`normalise`]).
pub fn normal_hash(text: &str) -> u64 {
    let mut hash = 0u64;
    for_each_word_hash(text, |w| hash = fold_word(hash, w));
    finish(hash)
}

/// The [`normal_hash`] of a text whose word hashes ([`for_each_word_hash`]) are
/// `words`: for callers that already hold them.
pub fn normal_hash_of_words(words: &[u64]) -> u64 {
    finish(words.iter().fold(0, |hash, &w| fold_word(hash, w)))
}

/// One step of [`normal_hash`]: adds a word's hash.
fn fold_word(hash: u64, word: u64) -> u64 {
    hash.rotate_left(23) ^ word.wrapping_add(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn ascii_normalising_agrees_with_the_general_one(text in "[ -~\t\n]{0,40}") {
            proptest::prop_assert_eq!(normalise_ascii(&text), normalise_chars(&text));
        }
    }

    /// The word hashes as [`for_each_word_hash`] defines them, made the slow way:
    /// FNV-1a over the characters of each word of [`normalise`], then [`finish`].
    fn word_hashes_of_normalised(text: &str) -> Vec<u64> {
        const SEED: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        normalise(text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| {
                finish(w.chars().fold(SEED, |h, c| {
                    (h ^ u64::from(u32::from(c))).wrapping_mul(PRIME)
                }))
            })
            .collect()
    }

    /// Pieces of text around which word hashing could go wrong: words of one
    /// letter and of many, runs of ASCII punctuation and spaces, accented and
    /// non-Latin letters, letters whose lower case is longer, symbols.
    fn word_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop::sample::select(vec![
                "a",
                "Z",
                "7",
                "harbourmaster",
                "Quay",
                " ",
                "  ",
                ",",
                ", ",
                "-",
                "'",
                "\n",
                "@",
                "[",
                "`",
                "{",
                "\u{e9}",
                "\u{c9}t\u{c9}",
                "\u{130}",
                "\u{201c}",
                "\u{2014}",
                "\u{a0}",
                "\u{4e2d}\u{6587}",
                "\u{1f600}",
                "\u{2070}",
                "\u{2071}",
                "\u{206f}",
                "\u{2060}",
                "\u{b2}",
                "\u{aa}",
                "\u{3a3}",
                "\u{df}",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Word hashes follow the words of `normalise`, whatever the text.
        #[test]
        fn word_hashes_agree_with_normalised_words(text in word_pieces()) {
            let mut hashes = Vec::new();
            for_each_word_hash(&text, |h| hashes.push(h));
            proptest::prop_assert_eq!(hashes, word_hashes_of_normalised(&text));
        }
    }

    #[test]
    fn punctuation_told_by_its_bytes_is_never_alphanumeric() {
        for c in ('\u{80}'..='\u{2100}').chain(['\u{3000}', '\u{e000}', '\u{1f600}']) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if let Some(len) = punctuation_at(bytes) {
                assert_eq!(len, c.len_utf8(), "{c:?}");
                assert!(!c.is_alphanumeric(), "{c:?}");
            }
        }
        assert_eq!(punctuation_at("\u{201c}".as_bytes()), Some(3));
        assert_eq!(punctuation_at("\u{a0}".as_bytes()), Some(2));
        assert_eq!(punctuation_at("\u{2070}".as_bytes()), None);
    }

    #[test]
    fn letter_classes_are_exactly_the_ascii_letters_and_digits() {
        for byte in 0..=u8::MAX {
            assert_eq!(
                is_letter_or_digit(WORD_BYTES[usize::from(byte)]),
                byte.is_ascii_alphanumeric(),
                "byte {byte:#04x}"
            );
        }
    }

    #[test]
    fn word_hash_values_are_fixed() {
        // The values order story ids: they must never change.
        let mut hashes = Vec::new();
        for_each_word_hash("Port's QUAY2026", |h| hashes.push(h));
        assert_eq!(
            hashes,
            [
                0xe841_5109_d13c_a762,
                0xcc38_350d_bfbd_2cea,
                0xcceb_c34d_e668_d582
            ]
        );
    }

    #[test]
    fn ascii_text_is_normalised_to_lower_case_words() {
        assert_eq!(
            normalise("  --Port's NEW quay, 2026!  "),
            "port s new quay 2026"
        );
        assert_eq!(normalise("..."), "");
    }

    #[test]
    fn word_hashes_follow_normalised_words() {
        let words = |t: &str| {
            let mut v = Vec::new();
            for_each_word_hash(t, |h| v.push(h));
            v
        };
        assert_eq!(normalise("  Café, DÉJÀ-vu! 42 "), "café déjà vu 42");
        assert_eq!(words("  Café, DÉJÀ-vu! 42 "), words("café déjà vu 42"));
        assert_eq!(words("one two").len(), 2);
        assert_ne!(words("ab"), words("ba"));
        assert_eq!(
            normal_hash("The Port, closed."),
            normal_hash("the port closed")
        );
        assert_ne!(
            normal_hash("the port closed"),
            normal_hash("the closed port")
        );
    }
}
