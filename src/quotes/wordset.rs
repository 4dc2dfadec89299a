//! Word lists as hash sets with a fast hash for short words.
//!
//! The quote finder looks every word of a story up in several lists; the standard
//! hasher (SipHash, made to resist crafted keys) costs more than the rest of the
//! lookup. The lists are fixed and built into the program, so a plain FNV-1a hash is
//! enough: a page cannot choose the keys of a set it only looks words up in.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A fixed list of words.
pub type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// FNV-1a over the bytes written.
#[derive(Clone, Copy, Debug)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_listed_words() {
        let set: WordSet = ["said", "told", "added"].into_iter().collect();
        assert!(set.contains("said") && set.contains("added"));
        assert!(!set.contains("sai") && !set.contains("saidx") && !set.contains(""));
    }
}
