//! Word lists as small hash tables made for short words.
//!
//! The quote finder looks many words of a story up in several fixed lists. A word of up
//! to 15 bytes (almost every word) is packed with its length into one 128-bit number,
//! so a lookup is a multiply, a shift and a comparison or two of numbers, in a table
//! with open addressing; longer words go to a plain hash set. The lists are built into
//! the program, so no page can choose the keys of a table it only looks words up in.

use std::collections::HashSet;

/// The longest word packed into a number.
const PACKED: usize = 15;

/// A word of up to [`PACKED`] bytes as one number: its bytes, then its length plus one
/// in the top byte (so no word packs to 0, the empty slot).
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > PACKED {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[PACKED] = bytes.len() as u8 + 1;
    Some(u128::from_le_bytes(buf))
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
}

impl WordSet {
    /// The first slot to try for a packed word.
    fn slot(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask
    }

    /// True when `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let Some(key) = pack(word) else {
            return self.long.contains(word);
        };
        if self.slots.is_empty() {
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
