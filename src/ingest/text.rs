//! Text predicates the ingest stages share: counting a block's words (fast, as
//! `split_whitespace` counts them), telling whether a text ends like a sentence, a
//! block in lower case (fast, as `to_lowercase` makes it), and the overlap of two
//! sorted bags of hashes.
//!
//! Every other ingest module may use this one; it uses none of them, and decides
//! nothing about what a block is.

/// How many values two sorted slices share, counting a repeated value as often as both
/// hold it (the overlap of two bags of word or shingle hashes).
pub fn common_sorted(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Whether the text ends like a sentence: `.`, `!`, `?`, possibly inside closing
/// quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// The number of words of a text: as `text.split_whitespace().count()`, but
/// without decoding ASCII (most of any page) a character at a time.
pub fn word_count(text: &str) -> usize {
    count_words_up_to(text, usize::MAX)
}

/// Whether a text has more than `limit` words ([`word_count`]); stops reading at
/// the first word past the limit.
pub fn more_words_than(text: &str, limit: usize) -> bool {
    limit < usize::MAX && count_words_up_to(text, limit + 1) > limit
}

/// The number of words of `text` ([`word_count`]), or `limit` when it has at least
/// that many: stops reading at the `limit`th word.
pub fn count_words_up_to(text: &str, limit: usize) -> usize {
    if limit == 0 {
        return 0;
    }
    let bytes = text.as_bytes();
    let mut count = 0;
    // Whether the character before `i` is whitespace (the start counts as such).
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        // Sixteen ASCII bytes at a time, as two words of eight: a word starts at
        // each non-space byte that follows a space.
        if let Some(sixteen) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
            let both = u128::from_le_bytes(*sixteen);
            let (low, high) = (both as u64, (both >> 64) as u64);
            if (low | high) & HIGH_BITS == 0 {
                let (low_spaces, high_spaces) = (ascii_spaces(low), ascii_spaces(high));
                let low_before = (low_spaces << 8) | (u64::from(after_space) << 7);
                let high_before = (high_spaces << 8) | (low_spaces >> 56);
                let low_starts = !low_spaces & low_before & HIGH_BITS;
                let high_starts = !high_spaces & high_before & HIGH_BITS;
                count += high_bits_set_in_two(low_starts, high_starts);
                if count >= limit {
                    return limit;
                }
                after_space = high_spaces >> 63 != 0;
                i += 16;
                continue;
            }
        }
        // Else eight.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let chunk = u64::from_le_bytes(eight);
            if chunk & HIGH_BITS == 0 {
                let spaces = ascii_spaces(chunk);
                let before = (spaces << 8) | (u64::from(after_space) << 7);
                let starts = !spaces & before & HIGH_BITS;
                count += high_bits_set(starts);
                if count >= limit {
                    return limit;
                }
                after_space = spaces >> 63 != 0;
                i += 8;
                continue;
            }
        }
        // Otherwise a character (or a byte inside one) at a time.
        if let Some(len) = space_at(text, i) {
            after_space = true;
            i += len;
            continue;
        }
        if after_space {
            count += 1;
            if count >= limit {
                return limit;
            }
        }
        after_space = false;
        i += 1;
    }
    count
}

/// How many bytes of `bits` have their top bit set (no other bit may be set): a
/// multiply adds the eight bits up in the top byte, in fewer steps than a
/// population count takes on processors without an instruction for it.
fn high_bits_set(bits: u64) -> usize {
    ((bits >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// [`high_bits_set`] of two words: each byte of their sum counts two at most, so the
/// sixteen add up in the top byte without carrying out of it.
fn high_bits_set_in_two(low: u64, high: u64) -> usize {
    (((low >> 7) + (high >> 7)).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The top bit of each of a word's eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes (read little-endian), the top bit of each byte that is
/// ASCII whitespace (space, or `\t` to `\r`) set, every other bit clear.
fn ascii_spaces(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // No byte carries into the next: each is below 0x80, so each sum is below 0x100.
    // The top bit of `byte + (0x80 - n)` is set when `byte >= n`.
    let below_space = !chunk.wrapping_add(ONES * (0x80 - 0x20)) & HIGH_BITS;
    if below_space == 0 {
        // No control bytes (the usual case): the spaces are the bytes below 0x21.
        return !chunk.wrapping_add(ONES * (0x80 - 0x21)) & HIGH_BITS;
    }
    control_and_spaces(chunk)
}

/// [`ascii_spaces`] for eight bytes that may hold control bytes (tabs among them).
fn control_and_spaces(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW_SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // A byte is a space when it XORs with 0x20 to zero.
    let x = chunk ^ (ONES * 0x20);
    let nonzero = ((x & LOW_SEVEN).wrapping_add(LOW_SEVEN) | x) & HIGH_BITS;
    let is_space = !nonzero & HIGH_BITS;
    // No byte carries into the next: each is below 0x80, so each sum is below 0x100.
    let at_least_tab = chunk.wrapping_add(ONES * (0x80 - 0x09));
    let past_return = chunk.wrapping_add(ONES * (0x80 - 0x0e));
    is_space | (at_least_tab & !past_return & HIGH_BITS)
}

/// A byte of [`SPACE_CLASS`] that is never part of a whitespace character.
const WORD_BYTE: u8 = 0;
/// An ASCII whitespace byte (`\t`, `\n`, `\x0b`, `\x0c`, `\r`, space).
const SPACE_BYTE: u8 = 1;
/// The first byte of a character that may be whitespace (U+0085, U+00A0, U+1680,
/// U+2000 to U+205F, U+3000 start with 0xC2, 0xE1, 0xE2 or 0xE3).
const MAYBE_SPACE_BYTE: u8 = 2;

/// What each byte says about whitespace.
static SPACE_CLASS: [u8; 256] = {
    let mut table = [WORD_BYTE; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => SPACE_BYTE,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => MAYBE_SPACE_BYTE,
            _ => WORD_BYTE,
        };
        b += 1;
    }
    table
};

/// `text` in lower case, exactly as [`str::to_lowercase`] makes it, with every run of
/// ASCII lowered in place (the standard one lowers character by character once it
/// meets a character beyond ASCII, which real text's curly quotes put in most blocks).
pub fn lowercase(text: &str) -> String {
    // `Σ` lowers by its context: text holding one is left to the standard function.
    if text.is_ascii() || text.contains('Σ') {
        return text.to_lowercase();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let run = ascii_end(bytes, i);
        if run > i {
            let from = out.len();
            out.push_str(&text[i..run]);
            out[from..].make_ascii_lowercase();
            i = run;
        }
        if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
            out.extend(c.to_lowercase());
            i += c.len_utf8();
        }
    }
    out
}

/// The offset of the first byte of `bytes` at or after `from` beyond ASCII (or the
/// length), read eight bytes at a time.
fn ascii_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(eight) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let high = u64::from_le_bytes(*eight) & u64::from_le_bytes([0x80; 8]);
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
}

/// The length in bytes of the whitespace character at byte `i` of `text`, if the
/// character there is whitespace.
fn space_at(text: &str, i: usize) -> Option<usize> {
    match SPACE_CLASS[usize::from(*text.as_bytes().get(i)?)] {
        SPACE_BYTE => Some(1),
        MAYBE_SPACE_BYTE => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_sorted_counts_shared_values_as_often_as_both_hold_them() {
        assert_eq!(common_sorted(&[1, 2, 2, 5], &[2, 2, 3, 5, 5]), 3);
        assert_eq!(common_sorted(&[], &[1]), 0);
        assert_eq!(common_sorted(&[4, 4], &[4]), 1);
    }

    /// Pieces that make words and gaps hard to count: ASCII and Unicode spaces
    /// (no-break, em, ideographic), controls that are not whitespace, curly quotes,
    /// accented letters.
    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop::sample::select(vec![
                "word",
                "harbourmaster",
                "quay walls of the",
                " ",
                "  ",
                "\t",
                "\n",
                "\u{b}",
                "\u{1c}",
                "\u{85}",
                "\u{a0}",
                "\u{1680}",
                "\u{2003}",
                "\u{2028}",
                "\u{202f}",
                "\u{3000}",
                "\u{201c}",
                "\u{2014}",
                "\u{e9}t\u{e9}",
                "\u{3001}",
                "\u{200b}",
                "x",
            ]),
            0..24,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The fast word counts agree with `split_whitespace`.
        #[test]
        fn word_counts_agree_with_split_whitespace(text in tricky_text(), limit in 0usize..24) {
            let words = text.split_whitespace().count();
            proptest::prop_assert_eq!(word_count(&text), words);
            proptest::prop_assert_eq!(count_words_up_to(&text, limit), words.min(limit));
            proptest::prop_assert_eq!(more_words_than(&text, limit), words > limit);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The fast lower case is the standard one.
        #[test]
        fn lowercase_agrees_with_to_lowercase(
            text in "[a-zA-Z0-9 .,'\"“”’—ÉéÀİẞΣσΑΩ\u{130}\u{2126}\u{1E9E}]{0,40}"
        ) {
            proptest::prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }
    }

    #[test]
    fn lowercase_lowers_runs_of_ascii_around_other_characters() {
        let text = "The Mayor’s “PLAN” for Île-de-France, ÅNGSTRÖM and İstanbul ODYSSEUS";
        assert_eq!(lowercase(text), text.to_lowercase());
        assert_eq!(lowercase("ΟΔΟΣ ΣΑΣ"), "ΟΔΟΣ ΣΑΣ".to_lowercase());
        assert_eq!(lowercase(""), "");
    }

    #[test]
    fn words_are_counted_across_unicode_spaces() {
        assert_eq!(
            word_count("Port\u{a0}Elin\u{3000}ferry \u{201c}plan\u{201d}"),
            4
        );
        assert_eq!(word_count("  \t\u{2003} "), 0);
        // Long ASCII runs (counted eight bytes at a time) with every ASCII space.
        let long = "Harbour\tcouncil\x0bvoted\x0cto\rextend   the\nquay  walls";
        assert_eq!(word_count(long), long.split_whitespace().count());
        assert_eq!(count_words_up_to(long, 3), 3);
        assert_eq!(word_count("abcdefgh\x1cijklmnop"), 1);
        assert_eq!(count_words_up_to("one two three four", 2), 2);
        assert!(more_words_than("one two three", 2));
        assert!(!more_words_than("one two", 2));
    }
}
