//! The cache's binary encoding of the model: lengths and integers as LEB128 varints,
//! strings as their length and UTF-8 bytes, options as a 0/1 byte, every struct field
//! by field in declaration order.
//!
//! Each struct is taken apart and put together with every field named, so a field
//! added to the model fails to compile here until it is encoded too (and
//! [`super::FORMAT`] is bumped). Decoding never trusts the bytes: every length is
//! checked against what is left, every string is checked to be UTF-8, every date to
//! be a date; a damaged cache gives an [`Error`], never a panic or a huge allocation.
//! Decides only the byte layout; which file holds what is [`super`]'s. The model is
//! written here ([`Writer`]) and read back in `reader` ([`Reader`]).

use std::borrow::Cow;

use chrono::Timelike;

use crate::ingest::ParsedPage;
use crate::model::{
    Corpus, LoadStats, Origin, Quote, QuoteSpan, SourceRef, Speaker, Story, Timestamp, Warning,
};

mod reader;

pub use reader::Reader;

/// Why bytes could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub struct Error(pub &'static str);

/// Decoding's result.
pub type Result<T> = std::result::Result<T, Error>;

/// How many stories (or pages) a chunk holds.
pub const CHUNK: usize = 128;

/// Writes values into a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// An unsigned integer as a LEB128 varint.
    pub fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.bytes.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
    }

    /// A `usize` as a varint.
    pub fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }

    /// A signed integer, zigzag-encoded.
    pub fn i64(&mut self, v: i64) {
        self.u64(((v << 1) ^ (v >> 63)) as u64);
    }

    /// A flag.
    pub fn bool(&mut self, v: bool) {
        self.bytes.push(u8::from(v));
    }

    /// A string: its length, then its bytes.
    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// An optional string.
    pub fn opt_str(&mut self, s: Option<&str>) {
        self.bool(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    /// A list: its length, then each item.
    pub fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.usize(items.len());
        for item in items {
            each(self, item);
        }
    }

    /// A chunk: the bytes of another writer, after their length ([`Reader::chunk`]),
    /// so that chunks can be decoded apart, in parallel.
    pub fn chunk(&mut self, inner: &Writer) {
        self.usize(inner.bytes.len());
        self.bytes.extend_from_slice(&inner.bytes);
    }

    /// A list of strings.
    pub fn strs(&mut self, items: &[String]) {
        self.list(items, |w, s| w.str(s));
    }

    /// An optional time.
    pub fn timestamp(&mut self, t: Option<Timestamp>) {
        self.bool(t.is_some());
        if let Some(Timestamp { local, offset }) = t {
            self.i64(local.and_utc().timestamp());
            self.u64(u64::from(local.nanosecond()));
            self.bool(offset.is_some());
            if let Some(offset) = offset {
                self.i64(i64::from(offset.local_minus_utc()));
            }
        }
    }

    /// Where a story was found.
    pub fn source(&mut self, s: &SourceRef) {
        let SourceRef {
            path,
            line_start,
            line_end,
        } = s;
        self.str(path);
        self.usize(*line_start);
        self.usize(*line_end);
    }

    fn quote(&mut self, q: &Quote) {
        let Quote {
            text,
            speaker,
            speaker_title,
            speaker_mention,
            cue,
            partial,
            paragraph,
            start,
            end,
            timestamp,
            spans,
        } = q;
        self.str(text);
        self.opt_str(speaker.as_deref());
        self.opt_str(speaker_title.as_deref());
        self.opt_str(speaker_mention.as_deref());
        self.opt_str(cue.as_deref());
        self.bool(*partial);
        self.u64(u64::from(*paragraph));
        self.u64(u64::from(*start));
        self.u64(u64::from(*end));
        self.timestamp(*timestamp);
        self.list(spans, |w, s| {
            let QuoteSpan {
                paragraph,
                start,
                end,
            } = s;
            w.u64(u64::from(*paragraph));
            w.u64(u64::from(*start));
            w.u64(u64::from(*end));
        });
    }

    /// A story, its quotes included.
    pub fn story(&mut self, s: &Story) {
        let Story {
            id,
            headline,
            section,
            byline,
            published,
            updated,
            source,
            sources,
            paragraphs,
            quotes,
            origin,
        } = s;
        self.str(id);
        self.str(headline);
        self.opt_str(section.as_deref());
        self.opt_str(byline.as_deref());
        self.timestamp(*published);
        self.timestamp(*updated);
        self.source(source);
        self.list(sources, Self::source);
        self.strs(paragraphs);
        self.list(quotes, Self::quote);
        self.origin(origin.as_deref());
    }

    /// Where an archive export says a story came from, when it does.
    pub fn origin(&mut self, origin: Option<&Origin>) {
        self.bool(origin.is_some());
        if let Some(origin) = origin {
            let Origin {
                publication,
                url,
                length,
                summary,
            } = origin;
            self.opt_str(publication.as_deref());
            self.opt_str(url.as_deref());
            self.opt_str(length.as_deref());
            self.opt_str(summary.as_deref());
        }
    }

    /// A warning.
    pub fn warning(&mut self, w: &Warning) {
        let Warning { path, message } = w;
        self.str(path);
        self.str(message);
    }

    /// A load's counts.
    pub fn stats(&mut self, s: &LoadStats) {
        let LoadStats {
            files,
            pages,
            stories,
            headlines_removed,
            paragraphs_removed,
            duplicates_merged,
            paragraphs,
            quotes,
            speakers,
            warnings,
            bytes,
        } = s;
        for n in [
            files,
            pages,
            stories,
            headlines_removed,
            paragraphs_removed,
            duplicates_merged,
            paragraphs,
            quotes,
            speakers,
            warnings,
        ] {
            self.usize(*n);
        }
        self.u64(*bytes);
    }

    /// `count` stories, the `i`th given by `story(i)` (its text read back from where it
    /// waits), in chunks of [`CHUNK`], so they can be decoded in parallel: their count,
    /// then each chunk; `spill` is called after each chunk.
    pub fn stories<'s>(
        &mut self,
        count: usize,
        mut story: impl FnMut(usize) -> Cow<'s, Story>,
        mut spill: impl FnMut(&mut Self),
    ) {
        self.usize(count);
        let mut chunk = Writer::default();
        for start in (0..count).step_by(CHUNK) {
            chunk.bytes.clear();
            for i in start..count.min(start + CHUNK) {
                chunk.story(&story(i));
            }
            self.chunk(&chunk);
            spill(self);
        }
    }

    /// What follows a corpus's stories: its speakers, warnings and counts.
    pub fn corpus_rest(&mut self, c: &Corpus) {
        let Corpus {
            stories: _,
            speakers,
            warnings,
            stats,
        } = c;
        self.list(speakers, |w, s| {
            let Speaker {
                name,
                titles,
                title_stories,
                quote_count,
                stories,
            } = s;
            w.str(name);
            w.strs(titles);
            w.list(title_stories, |w, n| w.usize(*n));
            w.usize(*quote_count);
            w.strs(stories);
        });
        self.list(warnings, Self::warning);
        self.stats(stats);
    }

    /// A parsed page's stories, the merger's prints of them (so a reopening hashes no
    /// stored story's words again) and its counts (not its warnings, kept beside it).
    pub fn page(&mut self, p: &ParsedPage) {
        self.list(&p.stories, Self::story);
        self.list(&p.prints, |w, print| {
            let (keys, body, headline, first_paragraph) = print.parts();
            w.list(keys, |w, k| w.u64(*k));
            w.u64(body);
            w.u64(headline);
            w.u64(first_paragraph);
        });
        self.usize(p.headlines_removed);
        self.usize(p.paragraphs_removed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::dedupe::StoryPrint;
    use crate::model::Name;

    #[test]
    fn a_page_keeps_the_mergers_prints_and_unsorted_keys_are_refused() {
        let story = |headline: &str, body: &str| {
            crate::model::Story::new("a.txt", headline, vec![body.to_string()])
        };
        let stories = vec![
            story(
                "Council votes",
                "The council voted on the bridge plan after a long night of talk.",
            ),
            story(
                "Bridge opens",
                "Cars crossed the new bridge for the first time this morning.",
            ),
        ];
        let page = ParsedPage {
            prints: stories.iter().map(StoryPrint::of).collect(),
            stories,
            headlines_removed: 2,
            paragraphs_removed: 1,
            ..ParsedPage::default()
        };
        let mut w = Writer::default();
        w.page(&page);
        assert_eq!(Reader::new(&w.bytes).page(), Ok(page.clone()));
        // A page stored without prints (the merger makes them) reads back without.
        let bare = ParsedPage {
            prints: Vec::new(),
            ..page.clone()
        };
        let mut w = Writer::default();
        w.page(&bare);
        assert_eq!(Reader::new(&w.bytes).page(), Ok(bare));
        // Keys out of order are damage, not a print.
        let (keys, body, headline, first) = page.prints[0].parts();
        let mut reversed = keys.to_vec();
        reversed.reverse();
        assert!(
            keys.len() < 2 || StoryPrint::from_parts(reversed, body, headline, first).is_none()
        );
        assert!(StoryPrint::from_parts(keys.to_vec(), body, headline, first).is_some());
    }

    #[test]
    fn numbers_round_trip_at_their_edges() {
        let mut w = Writer::default();
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            w.u64(v);
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            w.i64(v);
        }
        let mut r = Reader::new(&w.bytes);
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(r.u64(), Ok(v));
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(r.i64(), Ok(v));
        }
        assert!(r.is_empty());
    }

    #[test]
    fn a_huge_length_or_bad_text_is_an_error_not_an_allocation() {
        let mut w = Writer::default();
        w.u64(u64::MAX >> 1);
        assert_eq!(Reader::new(&w.bytes).strs(), Err(Error("truncated")));
        let mut w = Writer::default();
        w.usize(2);
        w.bytes.extend_from_slice(&[0xff, 0xfe]);
        assert_eq!(Reader::new(&w.bytes).str(), Err(Error("bad text")));
        assert_eq!(Reader::new(&[0x80, 0x80]).u64(), Err(Error("truncated")));
    }

    #[test]
    fn a_story_read_back_shares_each_name_among_its_quotes() {
        let quote = |text: &str, speaker: &str| Quote {
            text: text.into(),
            speaker: Some(Name::from(speaker)),
            speaker_title: Some(Name::from("harbour master")),
            speaker_mention: Some(Name::from(speaker)),
            cue: Some(Name::from("said")),
            partial: false,
            paragraph: 0,
            start: 0,
            end: 4,
            timestamp: None,
            spans: smallvec::smallvec![QuoteSpan {
                paragraph: 0,
                start: 0,
                end: 4,
            }],
        };
        let mut story = Story::new("a.txt", "Tides", vec!["\"Up.\" \"Down.\"".into()]);
        story.quotes = vec![
            quote("Up.", "Oona Vale"),
            quote("Down.", "Oona Vale"),
            quote("Out.", "Rafe Dunn"),
        ];
        let mut w = Writer::default();
        w.story(&story);
        let back = Reader::new(&w.bytes).story().expect("story");
        assert_eq!(back, story);
        let q = &back.quotes;
        let name = |q: &Quote| q.speaker.clone().expect("speaker");
        assert!(name(&q[0]).shares(&name(&q[1])));
        assert!(!name(&q[0]).shares(&name(&q[2])));
        assert!(name(&q[0]).shares(q[1].speaker_mention.as_ref().expect("mention")));
        let title = |q: &Quote| q.speaker_title.clone().expect("title");
        assert!(title(&q[0]).shares(&title(&q[2])));
        let cue = |q: &Quote| q.cue.clone().expect("cue");
        assert!(cue(&q[0]).shares(&cue(&q[2])));
    }
}
