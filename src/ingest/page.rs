//! Parsing one page: segmenting it into blocks ([`super::segment`]), classifying
//! them ([`super::classify`]), splitting it into stories ([`super::split`]) and
//! dropping repeats within the page.

use std::collections::HashSet;

use foldhash::fast::FixedState;

use super::classify::{classify_page_counted, section_name, word_counts};
use super::dedupe::{PrintBuilder, StoryPrint};
use super::segment::segment;
use super::split::{for_each_word_hash, normal_hash_of_words, split_counted};
use super::timestamp;
use super::{Page, ParsedPage};
use crate::model::{SourceRef, Story};

/// Most word hashes [`parse`] makes room for up front.
const MAX_WORDS_RESERVED: usize = 1 << 14;

/// Most words in a headline made up from a story's first sentence.
const FALLBACK_HEADLINE_WORDS: usize = 14;

/// Parses one page into stories.
///
/// Every story has at least one paragraph. A paragraph repeated within the page is
/// kept once (the first time), and a pull quote (a short paragraph lifted from a
/// longer one of the same story) is dropped; a story left with no paragraphs of its
/// own is dropped. A story whose page gives no headline gets its first sentence
/// (cut to `FALLBACK_HEADLINE_WORDS` words) as headline. A story with no stamp of
/// its own takes the date of a dateline opening its first paragraph, when that
/// dateline gives a year ([`timestamp::dateline_date`]).
pub fn parse(page: &Page) -> ParsedPage {
    let blocks = segment(&page.text);
    let words = word_counts(&blocks);
    let classes = classify_page_counted(&blocks, &words);
    let mut plan = split_counted(&blocks, &classes, &words);
    super::article::focus(&blocks, &classes, &words, &mut plan);
    let mut seen: HashSet<u64, FixedState> =
        HashSet::with_capacity_and_hasher(blocks.len(), FixedState::default());
    let mut paragraphs_removed = 0;
    let mut stories = Vec::with_capacity(plan.stories.len());
    let mut prints = Vec::with_capacity(plan.stories.len());
    let mut lifts = PullQuoteIndex::default();
    // Room for a story's word hashes up front (a word and a gap take two bytes or
    // more), so the buffer is not grown a doubling at a time; capped, so a huge
    // page does not reserve more than it is likely to use.
    lifts
        .words
        .reserve((page.text.len() / 2 + 1).min(MAX_WORDS_RESERVED));
    lifts.spans.reserve(blocks.len());
    for story in plan.stories {
        let mut paragraphs = Vec::with_capacity(story.body.len());
        lifts.clear();
        for &i in &story.body {
            let text = &blocks[i].text;
            // Each paragraph's words are hashed once: for the repeat check here and
            // for the pull-quote check below.
            if seen.insert(lifts.push(text)) {
                paragraphs.push(text.to_string());
            } else {
                lifts.pop();
                paragraphs_removed += 1;
            }
        }
        paragraphs_removed += drop_pull_quotes(&mut paragraphs, &mut lifts);
        let Some(first) = paragraphs.first() else {
            continue;
        };
        let mut stamp = story.stamp;
        if stamp.published.is_none() && stamp.updated.is_none() {
            stamp.published = timestamp::dateline_date(first);
        }
        let headline = match (story.title, story.headline) {
            (Some(title), _) => title,
            (None, Some(i)) => blocks[i].text.to_string(),
            (None, None) => first_sentence(first),
        };
        let source = SourceRef {
            path: page.path.clone(),
            line_start: story.lines.0,
            line_end: story.lines.1,
        };
        let story = Story {
            id: String::new(),
            headline,
            section: story
                .section
                .map(|i| section_name(&blocks[i].text).to_string()),
            byline: story.byline,
            published: stamp.published,
            updated: stamp.updated,
            sources: vec![source.clone()],
            source,
            paragraphs,
            quotes: Vec::new(),
            origin: None,
        };
        prints.push(print(&story, &lifts));
        stories.push(story);
    }
    ParsedPage {
        stories,
        prints,
        headlines_removed: plan.headlines_removed,
        paragraphs_removed,
        warnings: Vec::new(),
    }
}

/// The merger's print of a story whose paragraphs' word hashes `index` holds (else
/// made by hashing its words again).
fn print(story: &Story, index: &PullQuoteIndex) -> StoryPrint {
    if index.spans.len() != story.paragraphs.len() {
        return StoryPrint::of(story);
    }
    let mut print = PrintBuilder::default();
    for &(start, end) in &index.spans {
        print.paragraph(index.words.get(start..end).unwrap_or_default());
    }
    print.finish(&story.headline)
}

/// Fewest words of a paragraph taken for a pull quote (shorter ones are too
/// common to be sure of).
const PULL_QUOTE_MIN_WORDS: usize = 4;
/// Most words of a pull quote.
const PULL_QUOTE_MAX_WORDS: usize = 30;
/// Words per n-gram compared when looking for pull quotes.
const PULL_QUOTE_GRAM: usize = 4;

/// The word hashes of one story's paragraphs, and scratch space for
/// [`drop_pull_quotes`], reused from story to story.
#[derive(Default)]
struct PullQuoteIndex {
    /// Word hashes of every paragraph, one after another.
    words: Vec<u64>,
    /// Where each paragraph's words start and end in `words`.
    spans: Vec<(usize, usize)>,
    /// For each word n-gram of a short paragraph, the longest paragraph holding it.
    grams: GramTable,
    /// The paragraphs [`drop_pull_quotes`] dropped last, in order.
    dropped: Vec<usize>,
    /// Each of `words` times the n-gram multiplier ([`gram_word`]), made for
    /// [`drop_pull_quotes`] when a story has a short paragraph.
    scaled: Vec<u64>,
}

impl PullQuoteIndex {
    /// Forgets the paragraphs of the previous story.
    fn clear(&mut self) {
        self.words.clear();
        self.spans.clear();
    }

    /// Adds a paragraph's word hashes; returns its [`super::split::normal_hash`].
    fn push(&mut self, paragraph: &str) -> u64 {
        let start = self.words.len();
        for_each_word_hash(paragraph, |w| self.words.push(w));
        self.spans.push((start, self.words.len()));
        normal_hash_of_words(&self.words[start..])
    }

    /// Removes the paragraph added last.
    fn pop(&mut self) {
        if let Some((start, _)) = self.spans.pop() {
            self.words.truncate(start);
        }
    }
}

/// Drops pull quotes: a paragraph of [`PULL_QUOTE_MIN_WORDS`] to
/// [`PULL_QUOTE_MAX_WORDS`] words whose words all stand, in the same order, inside
/// one longer paragraph of the story (a magazine's "quote" line repeating part of
/// a body sentence). Every word n-gram of the short paragraph must be found in the
/// same longer paragraph. Linear in the story's words. `index` holds the word
/// hashes of `paragraphs` ([`PullQuoteIndex::push`], one call per paragraph, in
/// order), and is left holding those of the paragraphs kept. Returns how many were
/// dropped.
fn drop_pull_quotes(paragraphs: &mut Vec<String>, index: &mut PullQuoteIndex) -> usize {
    if paragraphs.len() < 2
        || index.spans.len() != paragraphs.len()
        || paragraphs.len() >= NO_HOLDER as usize
    {
        return 0;
    }
    let count = |p: usize, spans: &[(usize, usize)]| spans[p].1 - spans[p].0;
    let is_candidate =
        |words: usize| (PULL_QUOTE_MIN_WORDS..=PULL_QUOTE_MAX_WORDS).contains(&words);
    let any_candidate = (0..paragraphs.len()).any(|p| is_candidate(count(p, &index.spans)));
    if !any_candidate {
        return 0;
    }
    let windows = index
        .spans
        .iter()
        .filter(|&&(start, end)| is_candidate(end - start))
        .map(|&(start, end)| end - start + 1 - PULL_QUOTE_GRAM)
        .sum();
    index.grams.reset(windows);
    // Each word is multiplied once, not once for every n-gram holding it.
    index.scaled.clear();
    index
        .scaled
        .extend(index.words.iter().map(|&w| gram_word(w)));
    // Only the n-grams of short paragraphs are ever looked up: file those first,
    // then find each one's longest holder (the first of equal length).
    for &(start, end) in &index.spans {
        if is_candidate(end - start) {
            for window in index.scaled[start..end].windows(PULL_QUOTE_GRAM) {
                index.grams.insert(scaled_gram_hash(window));
            }
        }
    }
    for (p, &(start, end)) in index.spans.iter().enumerate() {
        for window in index.scaled[start..end].windows(PULL_QUOTE_GRAM) {
            if let Some(holder) = index.grams.get_mut(scaled_gram_hash(window))
                && (*holder == NO_HOLDER || count(*holder as usize, &index.spans) < end - start)
            {
                *holder = p as u32;
            }
        }
    }
    let mut p = 0;
    let mut dropped = 0;
    index.dropped.clear();
    paragraphs.retain(|_| {
        let (start, end) = index.spans[p];
        let words = end - start;
        let lifted = is_candidate(words) && {
            let mut holders = index.scaled[start..end]
                .windows(PULL_QUOTE_GRAM)
                .map(|w| index.grams.holder(scaled_gram_hash(w)));
            let first = holders.next().flatten();
            first.is_some_and(|h| {
                h != p && count(h, &index.spans) > words && holders.all(|o| o == Some(h))
            })
        };
        if lifted {
            index.dropped.push(p);
        }
        p += 1;
        dropped += usize::from(lifted);
        !lifted
    });
    // Keep the spans in step with the paragraphs left.
    if dropped > 0 {
        let mut p = 0;
        let mut gone = index.dropped.iter().peekable();
        index.spans.retain(|_| {
            let lifted = gone.next_if_eq(&&p).is_some();
            p += 1;
            !lifted
        });
    }
    dropped
}

/// In a [`GramTable`] slot: no n-gram filed there.
const EMPTY_SLOT: u32 = u32::MAX;
/// In a [`GramTable`] slot: an n-gram no paragraph has been found holding yet.
const NO_HOLDER: u32 = u32::MAX - 1;

/// Words (of 64 bits) in a [`GramTable`]'s filter.
const FILTER_WORDS: usize = 64;

/// A table from n-gram hash to the paragraph holding it (or [`NO_HOLDER`]). The
/// keys are hashes already, so they place themselves: open addressing, linear
/// probing, kept at most half full. Most n-grams looked up (those of the long
/// paragraphs) are not filed: a one-bit-per-key filter turns most of them away
/// before the table is probed.
struct GramTable {
    /// (n-gram hash, holder) pairs, [`EMPTY_SLOT`] for free slots; a power of two long.
    slots: Vec<(u64, u32)>,
    /// How many bits of a hash pick its first slot.
    bits: u32,
    /// One bit set for each n-gram filed ([`GramTable::filter_bit`]).
    filter: [u64; FILTER_WORDS],
}

impl Default for GramTable {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            bits: 0,
            filter: [0; FILTER_WORDS],
        }
    }
}

impl GramTable {
    /// Empties the table and makes room for `grams` n-grams.
    fn reset(&mut self, grams: usize) {
        let len = (grams.saturating_mul(2)).max(16).next_power_of_two();
        self.bits = len.trailing_zeros();
        self.slots.clear();
        self.slots.resize(len, (0, EMPTY_SLOT));
        self.filter = [0; FILTER_WORDS];
    }

    /// The word of the filter and the bit in it that stand for `gram` (picked by
    /// the hash's top bits, as the slots are by a product of all of them).
    fn filter_bit(gram: u64) -> (usize, u64) {
        // Twelve bits: six for the word, six for the bit.
        const _: () = assert!(FILTER_WORDS == 1 << 6);
        let top = (gram >> 52) as usize;
        (top >> 6, 1 << (top & 63))
    }

    /// The first slot to try for `gram`.
    fn home(&self, gram: u64) -> usize {
        // The top bits of a Fibonacci product: every bit of the hash counts.
        (gram.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    /// Files `gram` with no holder (or leaves it as it is when filed already).
    /// At most half the slots may be filled ([`GramTable::reset`]).
    fn insert(&mut self, gram: u64) {
        let (word, bit) = Self::filter_bit(gram);
        self.filter[word] |= bit;
        let mask = self.slots.len() - 1;
        let mut i = self.home(gram);
        loop {
            let slot = &mut self.slots[i];
            if slot.1 == EMPTY_SLOT {
                *slot = (gram, NO_HOLDER);
                return;
            }
            if slot.0 == gram {
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Where a filed n-gram is.
    fn slot(&self, gram: u64) -> Option<usize> {
        let (word, bit) = Self::filter_bit(gram);
        if self.filter[word] & bit == 0 || self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(gram);
        loop {
            let (key, holder) = self.slots[i];
            if holder == EMPTY_SLOT {
                return None;
            }
            if key == gram {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The holder of a filed n-gram, to update.
    fn get_mut(&mut self, gram: u64) -> Option<&mut u32> {
        let i = self.slot(gram)?;
        self.slots.get_mut(i).map(|(_, holder)| holder)
    }

    /// The paragraph found holding a filed n-gram.
    fn holder(&self, gram: u64) -> Option<usize> {
        let i = self.slot(gram)?;
        let holder = self.slots[i].1;
        (holder != NO_HOLDER).then_some(holder as usize)
    }
}

/// One word's share of an n-gram hash.
fn gram_word(word: u64) -> u64 {
    word.wrapping_mul(0x0100_0000_01b3)
}

/// A hash of a run of word hashes, given each times the multiplier
/// ([`gram_word`]).
fn scaled_gram_hash(scaled: &[u64]) -> u64 {
    scaled
        .iter()
        .fold(0x9e37_79b9_7f4a_7c15, |acc, &w| acc.rotate_left(17) ^ w)
}

/// A headline made from a paragraph: its first sentence, cut to a few words.
pub fn first_sentence(paragraph: &str) -> String {
    let mut out = String::new();
    for (n, word) in paragraph.split_whitespace().enumerate() {
        if n == FALLBACK_HEADLINE_WORDS {
            out.push('…');
            return out;
        }
        if n > 0 {
            out.push(' ');
        }
        let ends = word.ends_with(['.', '!', '?']) && n >= 2;
        if ends {
            out.push_str(word.trim_end_matches('.'));
            return out;
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(ToString::to_string).collect()
    }

    /// An index holding the word hashes of `paragraphs`.
    fn indexed(paragraphs: &[String]) -> PullQuoteIndex {
        let mut index = PullQuoteIndex::default();
        for paragraph in paragraphs {
            index.push(paragraph);
        }
        index
    }

    #[test]
    fn pull_quotes_lifted_from_a_longer_paragraph_are_dropped() {
        let mut paragraphs = strings(&[
            "The ferry has crossed the sound twice a day since 1961, and the crew say it will outlast them all.",
            "\u{201c}It will outlast them all\u{201d}",
            "Passengers dropped by a third last year.",
            "Passengers dropped by a third",
        ]);
        let mut index = indexed(&paragraphs);
        assert_eq!(drop_pull_quotes(&mut paragraphs, &mut index), 2);
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[1].starts_with("Passengers dropped by a third last"));
    }

    #[test]
    fn gram_table_files_and_finds_every_gram() {
        let mut table = GramTable::default();
        assert_eq!(table.holder(7), None);
        table.reset(500);
        // Keys that share low and high bits, so that probes run into each other.
        let keys: Vec<u64> = (0..500u64).map(|k| k << 32 | k).collect();
        for &k in &keys {
            table.insert(k);
        }
        table.insert(keys[3]);
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(table.holder(k), None);
            *table.get_mut(k).expect("filed") = n as u32;
        }
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(table.holder(k), Some(n));
        }
        assert!(table.get_mut(1 << 40).is_none());
        table.reset(1);
        assert_eq!(table.holder(keys[0]), None);
    }

    #[test]
    fn short_paragraphs_with_shared_words_but_not_lifted_are_kept() {
        let mut paragraphs = strings(&[
            "The ferry has crossed the sound twice a day since 1961.",
            // Same words, different order: not a lift.
            "Since 1961 the ferry has crossed twice a day.",
            // Words from two places joined: not one lift.
            "twice a day since 1961 the ferry has crossed",
            "He said so.",
        ]);
        let mut index = indexed(&paragraphs);
        assert_eq!(drop_pull_quotes(&mut paragraphs, &mut index), 0);
        assert_eq!(paragraphs.len(), 4);
    }

    fn parse_text(text: &str) -> ParsedPage {
        parse(&Page {
            path: "t".to_string(),
            text: text.to_string(),
        })
    }

    #[test]
    fn dateline_date_only_when_the_story_has_no_stamp() {
        let lead = "OAKVALE, Feb. 3, 2026 — The port board voted to expand the quay.";
        let page = parse_text(&format!(
            "Port board backs quay expansion\n\n{lead}\n\nWork starts in May."
        ));
        let story = &page.stories[0];
        assert_eq!(
            story.published.map(|t| t.to_string()).as_deref(),
            Some("2026-02-03T00:00:00")
        );
        assert_eq!(story.paragraphs[0], lead);
        let page = parse_text(&format!(
            "Port board backs quay expansion\n\nMarch 9, 2026\n\n{lead}\n\nWork starts in May."
        ));
        assert_eq!(
            page.stories[0].published.map(|t| t.to_string()).as_deref(),
            Some("2026-03-09T00:00:00")
        );
        let page = parse_text(
            "Port board backs quay expansion\n\nOAKVALE, Feb. 3 (Wire) — The board voted.\n\nWork starts in May.",
        );
        assert_eq!(page.stories[0].published, None);
    }

    #[test]
    fn prints_made_while_parsing_equal_prints_made_from_the_stories() {
        let page = parse_text(
            "Ferry crew vote to strike over rosters\n\n\
             The ferry has crossed the sound twice a day since 1961, and the crew say it will outlast them all.\n\n\
             \u{201c}It will outlast them all\u{201d}\n\n\
             Union officials said the ballot closed on Friday with a large majority for action.\n\n\
             The ferry has crossed the sound twice a day since 1961, and the crew say it will outlast them all.\n\n\
             Talks resume next week.",
        );
        assert_eq!(page.stories.len(), 1);
        assert_eq!(page.paragraphs_removed, 2);
        assert_eq!(page.prints.len(), page.stories.len());
        for (story, print) in page.stories.iter().zip(&page.prints) {
            assert_eq!(*print, StoryPrint::of(story));
        }
    }

    #[test]
    fn first_sentence_is_cut_short() {
        assert_eq!(
            first_sentence("Ferry services resumed on Friday. Crews had been on strike."),
            "Ferry services resumed on Friday"
        );
        assert_eq!(
            first_sentence(
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
            ),
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen…"
        );
    }
}
