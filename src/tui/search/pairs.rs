//! Which character pairs a story's folded text holds: the filter a search checks
//! before it reads a story, so most stories that cannot match are never read.
//!
//! Each pair is hashed to the leading bits of a 64-bit hash ([`pair_bit`], 4,096
//! possible bits). A story's filter keeps those bits cut to its own size: a power of
//! two from 256 to 4,096 bits, about four bits for each pair the story has, so a short
//! story's filter is as selective as a long one's in a quarter of the memory or less (a
//! million short stories' filters would take 512 MB at the largest size). A bit of a
//! cut filter stands for every full bit sharing its leading bits, so the filter never
//! says no to a pair the story has.

/// Bits in the largest character-pair filter (a long story's).
const FILTER_BITS: usize = 4096;
/// Words of the largest filter.
const FILTER_WORDS: usize = FILTER_BITS / 64;
/// Words of the smallest filter (256 bits).
const FILTER_MIN_WORDS: usize = 4;

/// The bit of a character pair in the largest filter.
pub(super) fn pair_bit(a: char, b: char) -> usize {
    let h = (u64::from(a) << 21 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

/// The character pairs of one story's folded text, cut to the story's size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PairFilter(Box<[u64]>);

impl PairFilter {
    /// The filter of `text`'s character pairs.
    pub(super) fn of(text: &str) -> Self {
        let mut full = [0u64; FILTER_WORDS];
        let mut previous = None;
        for c in text.chars() {
            if let Some(p) = previous {
                let bit = pair_bit(p, c);
                full[bit / 64] |= 1 << (bit % 64);
            }
            previous = Some(c);
        }
        Self(cut(&full))
    }

    /// Whether the text may hold every pair of `pairs` (bits of [`pair_bit`]): never
    /// false when it does.
    pub(super) fn may_contain(&self, pairs: &[usize]) -> bool {
        let shift = (FILTER_WORDS / self.0.len()).trailing_zeros();
        pairs.iter().all(|&bit| {
            let bit = bit >> shift;
            self.0[bit / 64] & (1 << (bit % 64)) != 0
        })
    }
}

/// A filter of [`FILTER_BITS`] bits cut to about four bits a pair set (at least
/// [`FILTER_MIN_WORDS`] words): each bit of the cut filter stands for the bits of the
/// full one that share its leading bits.
fn cut(full: &[u64; FILTER_WORDS]) -> Box<[u64]> {
    let set: usize = full.iter().map(|w| w.count_ones() as usize).sum();
    let words = (set * 4)
        .next_power_of_two()
        .div_ceil(64)
        .clamp(FILTER_MIN_WORDS, FILTER_WORDS);
    let shift = (FILTER_WORDS / words).trailing_zeros();
    let mut filter = vec![0u64; words];
    for (w, &word) in full.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let bit = (w * 64 + rest.trailing_zeros() as usize) >> shift;
            filter[bit / 64] |= 1 << (bit % 64);
            rest &= rest - 1;
        }
    }
    filter.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_texts_filter_is_smaller_and_still_never_misses() {
        let short = "ferry\nthe ferry sailed.".to_string();
        let long = "harbour dues rose again in may, the council said on friday. ".repeat(40)
            + "quick zephyrs vex bold jackdaws; 0123456789 %&*()[]{}";
        let (small, large) = (PairFilter::of(&short), PairFilter::of(&long));
        assert!(small.0.len() < large.0.len(), "{}", small.0.len());
        assert!(small.0.len() >= FILTER_MIN_WORDS && large.0.len() <= FILTER_WORDS);
        for (filter, text) in [(&small, &short), (&large, &long)] {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(2) {
                assert!(filter.may_contain(&[pair_bit(w[0], w[1])]), "{w:?}");
            }
        }
        // A pair the short text lacks is mostly refused (the filter does filter).
        let absent = ('q', 'z');
        assert!(!short.contains("qz"));
        let refused = ["qz", "xj", "vw", "kq", "zx", "jj"]
            .iter()
            .filter(|p| {
                let c: Vec<char> = p.chars().collect();
                !small.may_contain(&[pair_bit(c[0], c[1])])
            })
            .count();
        assert!(refused >= 4, "{refused} of 6 refused; {absent:?}");
    }
}
