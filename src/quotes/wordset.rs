//! Word lists as small hash tables made for short words.
//!
//! The quote finder looks many words of a story up in several fixed lists. A word of up
//! to 15 bytes (almost every word) is packed with its length into one 128-bit number,
//! so a lookup is a multiply, a shift and a comparison or two of numbers, in a table
//! with open addressing; longer words go to a plain hash set. The lists are built into
//! the program, so no page can choose the keys of a table it only looks words up in.
//!
//! Decides only how a list is stored and looked up; it holds no list of its own and, of
//! the quote finder, uses only the lower case of [`super::lower`].

use std::collections::HashSet;

use super::lower::{Lower, u32_at, u64_at};

/// The longest word packed into a number.
const PACKED: usize = 15;

/// A word of up to [`PACKED`] bytes as one number: its bytes, then its length plus one
/// in the top byte (so no word packs to 0, the empty slot).
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > PACKED {
        return None;
    }
    Some(load(bytes) | (bytes.len() as u128 + 1) << (8 * PACKED))
}

/// The bytes (at most [`PACKED`]) as a little-endian number, read in two overlapping
/// loads rather than byte by byte.
fn load(bytes: &[u8]) -> u128 {
    let n = bytes.len();
    let u64_at = |at: usize| u64_at(bytes, at);
    let u32_at = |at: usize| u32_at(bytes, at);
    match n {
        // The two loads overlap: the bytes they share are the same in both.
        8.. => u128::from(u64_at(0)) | u128::from(u64_at(n - 8)) << (8 * (n - 8)),
        4..8 => u128::from(u32_at(0)) | u128::from(u32_at(n - 4)) << (8 * (n - 4)),
        _ => bytes
            .iter()
            .enumerate()
            .fold(0, |key, (k, &b)| key | u128::from(b) << (8 * k)),
    }
}

/// The ASCII capitals of a packed ASCII word made small letters, all bytes at once:
/// a byte gets its high bit from `+ 0x3F` when it is `A` or above, and from `+ 0x25`
/// when it is above `Z` (no byte below `0x80` carries into the next).
fn ascii_lower(key: u128) -> u128 {
    const LANES: u128 = u128::from_le_bytes([1; 16]);
    let at_least_a = key + LANES * 0x3F;
    let above_z = key + LANES * 0x25;
    let upper = at_least_a & !above_z & (LANES * 0x80);
    key | upper >> 2
}

/// A packed word's length plus one (at most 16) and its first byte.
fn key_marks(key: u128) -> (u32, usize) {
    ((key >> (8 * PACKED)) as u32 & 31, (key & 0xFF) as usize)
}

/// A short ASCII word packed in lower case, to be looked up in several lists
/// ([`WordSet::contains_key`]) for the cost of packing it once.
#[derive(Clone, Copy, Debug)]
pub struct LoweredKey(u128);

impl LoweredKey {
    /// The packed lower case of `word`; none for a word too long to pack or beyond ASCII
    /// (looked up with [`WordSet::contains_lowered`]).
    #[inline(always)]
    pub fn of(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        if bytes.len() > PACKED {
            return None;
        }
        let loaded = load(bytes);
        // ASCII when no byte has its high bit set (the bytes past the word are 0).
        (loaded & u128::from_le_bytes([0x80; 16]) == 0)
            .then(|| LoweredKey(ascii_lower(loaded) | (bytes.len() as u128 + 1) << (8 * PACKED)))
    }
}

/// A fixed list of words.
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    /// Packed words in open addressing (0 is an empty slot); its length is a power of two.
    slots: Vec<u128>,
    /// `slots.len() - 1`.
    mask: usize,
    /// Words too long to pack.
    long: HashSet<&'static str>,
    /// Which lengths (plus one, as packed) the packed words have, one bit each: most
    /// words looked up are in no list, and many are turned away by this alone.
    lengths: u32,
    /// Which first bytes the packed words have, one bit each.
    firsts: [u64; 4],
}

impl WordSet {
    /// The first slot to try for a packed word.
    fn slot(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask
    }

    /// True when `word` is in the list.
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        let Some(key) = pack(word) else {
            return self.long.contains(word);
        };
        if self.slots.is_empty() {
            return false;
        }
        self.has_key(key)
    }

    /// True when the lower case of `word` ([`Lower::of`]) is in the list; a short ASCII
    /// word is made lower case as a packed number, without being copied.
    ///
    #[inline(always)]
    pub fn contains_lowered(&self, word: &str) -> bool {
        match LoweredKey::of(word) {
            Some(key) => self.contains_key(key),
            None => self.contains_made_lower(word),
        }
    }

    /// True when the word of `key` is in the list: what [`WordSet::contains_lowered`]
    /// answers for that word, the word packed once for several lists.
    #[inline(always)]
    pub fn contains_key(&self, key: LoweredKey) -> bool {
        !self.slots.is_empty() && self.has_key(key.0)
    }

    /// [`WordSet::contains_lowered`] for a long word or one beyond ASCII: its lower case
    /// made, out of line so that the short ASCII path stays small where it is inlined.
    #[inline(never)]
    fn contains_made_lower(&self, word: &str) -> bool {
        self.contains(Lower::of(word).as_str())
    }

    /// False when no word of the list starts with the byte `first` (so no word starting
    /// with it is in the list); true when one may.
    #[inline]
    pub fn may_start_with(&self, first: u8) -> bool {
        let first = usize::from(first);
        !self.long.is_empty() || self.firsts[first >> 6] & (1 << (first & 63)) != 0
    }

    /// True when the packed word `key` is in the table (which is not empty).
    fn has_key(&self, key: u128) -> bool {
        let (length, first) = key_marks(key);
        if self.lengths & (1 << length) == 0 || self.firsts[first >> 6] & (1 << (first & 63)) == 0 {
            return false;
        }
        let mut at = self.slot(key);
        loop {
            match self.slots[at] {
                0 => return false,
                k if k == key => return true,
                _ => at = (at + 1) & self.mask,
            }
        }
    }

    fn insert(&mut self, word: &'static str) {
        let Some(key) = pack(word) else {
            self.long.insert(word);
            return;
        };
        let (length, first) = key_marks(key);
        self.lengths |= 1 << length;
        self.firsts[first >> 6] |= 1 << (first & 63);
        let mut at = self.slot(key);
        while self.slots[at] != 0 && self.slots[at] != key {
            at = (at + 1) & self.mask;
        }
        self.slots[at] = key;
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let words: Vec<&'static str> = iter.into_iter().collect();
        // At most a quarter full: lookups of absent words stop at an empty slot soon.
        let size = (words.len() * 4).next_power_of_two().max(8);
        let mut set = WordSet {
            slots: vec![0; size],
            mask: size - 1,
            long: HashSet::new(),
            lengths: 0,
            firsts: [0; 4],
        };
        for w in words {
            set.insert(w);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_listed_words() {
        let set: WordSet = ["said", "told", "added", "secretary-general", "é"]
            .into_iter()
            .collect();
        assert!(set.contains("said") && set.contains("added") && set.contains("é"));
        assert!(set.contains("secretary-general"));
        assert!(!set.contains("sai") && !set.contains("saidx") && !set.contains(""));
        assert!(!set.contains("said\0") && !set.contains("secretary-generals"));
        assert!(!WordSet::default().contains("said"));
    }

    #[test]
    fn first_bytes_turn_words_away() {
        let set: WordSet = ["said", "told", "é"].into_iter().collect();
        assert!(set.may_start_with(b's') && set.may_start_with(b't'));
        assert!(set.may_start_with(0xC3)); // "é" is C3 A9
        assert!(!set.may_start_with(b'S') && !set.may_start_with(b'x'));
        // A word too long to pack is not in the table of first bytes: anything may start.
        let long: WordSet = ["said", "secretary-general"].into_iter().collect();
        assert!(long.may_start_with(b'z'));
    }

    /// Packing by the byte, as the loads must agree with.
    fn pack_by_bytes(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        if bytes.len() > PACKED {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[PACKED] = bytes.len() as u8 + 1;
        Some(u128::from_le_bytes(buf))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Words of every length pack as their bytes; a word is found in lower case
        /// exactly when its lower case is listed.
        #[test]
        fn packing_and_lower_case_lookups_are_exact(word in "[a-zA-Z@\\[`{é’İK.-]{0,18}") {
            proptest::prop_assert_eq!(pack(&word), pack_by_bytes(&word));
            let set: WordSet = ["said", "sai", "é", "bank", "n.y.", "@[`{", "secretary-general", "k", "i̇"]
                .into_iter()
                .collect();
            let lower = word.to_lowercase();
            proptest::prop_assert_eq!(set.contains_lowered(&word), set.contains(&lower));
        }
    }

    #[test]
    fn lower_case_lookups() {
        let set: WordSet = ["said", "secretary-general", "@z"].into_iter().collect();
        assert!(set.contains_lowered("SAID") && set.contains_lowered("Said"));
        assert!(set.contains_lowered("Secretary-General"));
        assert!(set.contains_lowered("@Z") && !set.contains_lowered("`z"));
        assert!(!set.contains_lowered("SAI") && !set.contains_lowered(""));
        assert!(!WordSet::default().contains_lowered("said"));
    }

    #[test]
    fn agrees_with_a_plain_set_on_many_words() {
        let words: Vec<&'static str> = (0..300)
            .map(|k| &*Box::leak(format!("w{k}x").into_boxed_str()))
            .collect();
        let set: WordSet = words.iter().step_by(2).copied().collect();
        for (k, w) in words.iter().enumerate() {
            assert_eq!(set.contains(w), k % 2 == 0, "{w}");
        }
    }
}
