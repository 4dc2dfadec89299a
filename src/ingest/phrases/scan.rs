//! Finding whether a text holds any of a few long phrases, skipping most of it.
//!
//! The search is Wu and Manber's: a window as long as the shortest phrase slides
//! along the text, and the last two bytes of the window tell how far it may move
//! without passing the start of any phrase (those two bytes stand nowhere near the
//! end of a phrase's first `shortest` bytes in most windows of prose). Only where
//! they end a phrase's first `shortest` bytes are the phrases compared.

/// A set of phrases to look for, with the shifts of the search made once.
pub struct PhraseScan {
    /// The phrases, as bytes.
    phrases: Vec<&'static [u8]>,
    /// The length in bytes of the shortest phrase (the window).
    window: usize,
    /// For each pair of bytes (read little-endian), how far the window may move
    /// when they end it; 0 where they end some phrase's first `window` bytes.
    shift: Vec<u8>,
    /// For each pair of bytes with no shift: the phrases whose first `window`
    /// bytes they end (indices into `phrases`), as (pair, phrase) sorted by pair.
    ends: Vec<(u16, usize)>,
}

impl PhraseScan {
    /// Prepares the search for `phrases` (it is fastest when none is short: the
    /// window moves at most one byte less than the shortest phrase).
    pub fn new(phrases: &[&'static str]) -> Self {
        let phrases: Vec<&'static [u8]> = phrases.iter().map(|p| p.as_bytes()).collect();
        let window = phrases.iter().map(|p| p.len()).min().unwrap_or(0);
        let most = u8::try_from(window.saturating_sub(1)).unwrap_or(u8::MAX);
        let mut shift = vec![most; 1 << 16];
        let mut ends = Vec::new();
        if window >= 2 {
            for (index, phrase) in phrases.iter().enumerate() {
                let head = &phrase[..window];
                for end in 2..=window {
                    let pair = usize::from(u16::from_le_bytes([head[end - 2], head[end - 1]]));
                    let to_end = u8::try_from(window - end).unwrap_or(u8::MAX);
                    shift[pair] = shift[pair].min(to_end);
                    if end == window {
                        ends.push((pair as u16, index));
                    }
                }
            }
        }
        ends.sort_unstable();
        Self {
            phrases,
            window,
            shift,
            ends,
        }
    }

    /// Whether `text` holds any of the phrases (as `str::contains` finds them).
    pub fn is_match(&self, text: &str) -> bool {
        let text = text.as_bytes();
        if self.window < 2 {
            return self
                .phrases
                .iter()
                .any(|p| p.is_empty() || text.windows(p.len()).any(|w| w == *p));
        }
        // The window is text[end - window..end].
        let mut end = self.window;
        while let Some(&[a, b]) = text.get(end.wrapping_sub(2)..end) {
            let pair = u16::from_le_bytes([a, b]);
            let shift = self.shift[usize::from(pair)];
            if shift > 0 {
                end += usize::from(shift);
                continue;
            }
            let start = end - self.window;
            let first = self.ends.partition_point(|&(p, _)| p < pair);
            let found = self.ends[first..]
                .iter()
                .take_while(|&&(p, _)| p == pair)
                .any(|&(_, index)| text[start..].starts_with(self.phrases[index]));
            if found {
                return true;
            }
            end += 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASES: &[&str] = &[
        "contributed to this report",
        "all rights reserved",
        "trust principles",
        "tous droits réservés",
        "appears in the print edition",
        "appears in print on",
    ];

    #[test]
    fn phrases_are_found_anywhere_and_only_whole() {
        let scan = PhraseScan::new(PHRASES);
        assert!(scan.is_match("all rights reserved"));
        assert!(scan.is_match("© 2026 the courier. all rights reserved."));
        assert!(scan.is_match("xtrust principlesx"));
        assert!(scan.is_match("le monde, tous droits réservés"));
        assert!(scan.is_match("jo li contributed to this report"));
        assert!(scan.is_match("a version of this article appears in print on march 3"));
        assert!(!scan.is_match("all rights reserve"));
        assert!(!scan.is_match("the trust principle"));
        assert!(!scan.is_match(""));
        assert!(!scan.is_match("rights"));
        // Phrases of one byte (or none) are looked for one by one.
        let short = PhraseScan::new(&["x", "long phrase"]);
        assert!(short.is_match("a long phrase"));
        assert!(short.is_match("box"));
        assert!(!short.is_match("a long phras"));
        assert!(PhraseScan::new(&[""]).is_match("anything"));
        assert!(!PhraseScan::new(&[]).is_match("anything"));
    }

    /// Pieces of the phrases and of prose, so that near misses are common.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop::sample::select(vec![
                "all ",
                "rights ",
                "reserved",
                "reser",
                "trust ",
                "principles",
                "princ",
                "tous ",
                "droits ",
                "réservés",
                "appears ",
                "in ",
                "the ",
                "print ",
                "edition",
                "on ",
                "contributed ",
                "to ",
                "this ",
                "report",
                " ",
                "e",
                "s",
                "é",
                "x",
            ]),
            0..16,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The search agrees with looking for each phrase in turn.
        #[test]
        fn agrees_with_contains(text in pieces()) {
            let scan = PhraseScan::new(PHRASES);
            let expected = PHRASES.iter().any(|p| text.contains(p));
            proptest::prop_assert_eq!(scan.is_match(&text), expected);
        }
    }
}
