//! The cache's binary encoding of the model: lengths and integers as LEB128 varints,
//! strings as their length and UTF-8 bytes, options as a 0/1 byte, every struct field
//! by field in declaration order.
//!
//! Each struct is taken apart and put together with every field named, so a field
//! added to the model fails to compile here until it is encoded too (and
//! [`super::FORMAT`] is bumped). Decoding never trusts the bytes: every length is
//! checked against what is left, every string is checked to be UTF-8, every date to
//! be a date; a damaged cache gives an [`Error`], never a panic or a huge allocation.
//! Decides only the byte layout; which file holds what is [`super`]'s.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, Timelike};

use crate::ingest::ParsedPage;
use crate::model::{
    Corpus, LoadStats, Name, Names, Origin, Quote, QuoteSpan, SourceRef, Spans, Speaker, Story,
    Timestamp, Warning,
};

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

    /// A whole corpus: its stories ([`Writer::stories`]), then [`Writer::corpus_rest`].
    pub fn corpus(&mut self, c: &Corpus) {
        self.stories(&c.stories, |_| {});
        self.corpus_rest(c);
    }

    /// Stories in chunks of [`CHUNK`], so they can be decoded in parallel: their
    /// count, then each chunk; `spill` is called after each chunk.
    pub fn stories(&mut self, stories: &[Story], spill: impl FnMut(&mut Self)) {
        self.stories_by(stories.len(), |i| Cow::Borrowed(&stories[i]), spill);
    }

    /// [`Writer::stories`] of `count` stories, the `i`th given by `story(i)` (its text
    /// read back from where it waits), as [`Reader::stories`] reads them.
    pub fn stories_by<'s>(
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

    /// A parsed page's stories and counts (not the merger's prints, which the merger
    /// makes again from the stories, nor its warnings, kept beside it).
    pub fn page(&mut self, p: &ParsedPage) {
        self.list(&p.stories, Self::story);
        self.usize(p.headlines_removed);
        self.usize(p.paragraphs_removed);
    }
}

/// Reads values back from bytes written by a [`Writer`].
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// A varint.
    pub fn u64(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.bytes.split_first().ok_or(Error("truncated"))?;
            self.bytes = rest;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(Error("bad number"))
    }

    /// A `usize`.
    pub fn usize(&mut self) -> Result<usize> {
        usize::try_from(self.u64()?).map_err(|_| Error("bad number"))
    }

    /// A `u32` (written as any number is).
    pub fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.u64()?).map_err(|_| Error("bad number"))
    }

    /// A zigzag-encoded signed integer.
    pub fn i64(&mut self) -> Result<i64> {
        let v = self.u64()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A flag.
    pub fn bool(&mut self) -> Result<bool> {
        let (&b, rest) = self.bytes.split_first().ok_or(Error("truncated"))?;
        self.bytes = rest;
        match b {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Error("bad flag")),
        }
    }

    /// A string.
    pub fn str(&mut self) -> Result<String> {
        let len = self.usize()?;
        if len > self.bytes.len() {
            return Err(Error("truncated"));
        }
        let (s, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        std::str::from_utf8(s)
            .map(str::to_string)
            .map_err(|_| Error("bad text"))
    }

    /// An optional string.
    pub fn opt_str(&mut self) -> Result<Option<String>> {
        Ok(if self.bool()? {
            Some(self.str()?)
        } else {
            None
        })
    }

    /// An optional name, the one `names` holds for its text.
    fn opt_name(&mut self, names: &mut Names) -> Result<Option<Name>> {
        Ok(if self.bool()? {
            Some(names.get(self.str_ref()?))
        } else {
            None
        })
    }

    /// A list; its length is checked against the bytes left (every item takes one at
    /// least), so a damaged length never allocates more than the file holds.
    pub fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let len = self.usize()?;
        if len > self.bytes.len() {
            return Err(Error("truncated"));
        }
        let mut items = Vec::with_capacity(len);
        for _ in 0..len {
            items.push(each(self)?);
        }
        Ok(items)
    }

    /// A chunk's bytes ([`Writer::chunk`]).
    pub fn chunk(&mut self) -> Result<&'a [u8]> {
        let len = self.usize()?;
        if len > self.bytes.len() {
            return Err(Error("truncated"));
        }
        let (chunk, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(chunk)
    }

    /// `count` items written in chunks of [`CHUNK`], each chunk decoded by `each` on
    /// its own thread, every chunk's bytes used up exactly.
    pub fn chunked<T: Send>(
        &mut self,
        count: usize,
        each: impl Fn(&mut Reader<'_>) -> Result<T> + Sync,
    ) -> Result<Vec<T>> {
        let decoded = self.chunked_parts(count, each)?;
        Ok(decoded.into_iter().flatten().collect())
    }

    /// As [`Reader::chunked`], each chunk's items apart.
    pub fn chunked_parts<T: Send>(
        &mut self,
        count: usize,
        each: impl Fn(&mut Reader<'_>) -> Result<T> + Sync,
    ) -> Result<Vec<Vec<T>>> {
        use rayon::prelude::*;
        let chunks = count.div_ceil(CHUNK);
        if chunks > self.bytes.len() {
            return Err(Error("truncated"));
        }
        let mut parts = Vec::with_capacity(chunks);
        for n in 0..chunks {
            parts.push((self.chunk()?, CHUNK.min(count - n * CHUNK)));
        }
        let decoded: Vec<Vec<T>> = parts
            .into_par_iter()
            .map(|(bytes, len)| {
                let mut r = Reader::new(bytes);
                let items = (0..len).map(|_| each(&mut r)).collect::<Result<Vec<T>>>()?;
                r.is_empty().then_some(items).ok_or(Error("bad chunk"))
            })
            .collect::<Result<_>>()?;
        Ok(decoded)
    }

    /// Stories written by [`Writer::stories`].
    pub fn stories(&mut self) -> Result<Vec<Story>> {
        let count = self.usize()?;
        self.chunked(count, |r| r.story())
    }

    /// A list of strings.
    pub fn strs(&mut self) -> Result<Vec<String>> {
        self.list(Self::str)
    }

    /// An optional time.
    pub fn timestamp(&mut self) -> Result<Option<Timestamp>> {
        if !self.bool()? {
            return Ok(None);
        }
        let seconds = self.i64()?;
        let nanos = u32::try_from(self.u64()?).map_err(|_| Error("bad date"))?;
        let local = DateTime::from_timestamp(seconds, nanos)
            .ok_or(Error("bad date"))?
            .naive_utc();
        let offset = if self.bool()? {
            let seconds = i32::try_from(self.i64()?).map_err(|_| Error("bad offset"))?;
            Some(FixedOffset::east_opt(seconds).ok_or(Error("bad offset"))?)
        } else {
            None
        };
        Ok(Some(Timestamp { local, offset }))
    }

    /// Where a story was found.
    pub fn source(&mut self) -> Result<SourceRef> {
        Ok(SourceRef {
            path: self.str()?,
            line_start: self.usize()?,
            line_end: self.usize()?,
        })
    }

    fn quote(&mut self, names: &mut Names) -> Result<Quote> {
        Ok(Quote {
            text: self.str_ref()?.into(),
            speaker: self.opt_name(names)?,
            speaker_title: self.opt_name(names)?,
            speaker_mention: self.opt_name(names)?,
            cue: self.opt_name(names)?,
            partial: self.bool()?,
            paragraph: self.u32()?,
            start: self.u32()?,
            end: self.u32()?,
            timestamp: self.timestamp()?,
            spans: self.spans()?,
        })
    }

    /// A quote's spans (a list as [`Reader::list`] reads one), the first held inline.
    fn spans(&mut self) -> Result<Spans> {
        let len = self.usize()?;
        if len > self.bytes.len() {
            return Err(Error("truncated"));
        }
        let mut spans = Spans::with_capacity(len);
        for _ in 0..len {
            spans.push(QuoteSpan {
                paragraph: self.u32()?,
                start: self.u32()?,
                end: self.u32()?,
            });
        }
        Ok(spans)
    }

    /// A story.
    pub fn story(&mut self) -> Result<Story> {
        Ok(Story {
            id: self.str()?,
            headline: self.str()?,
            section: self.opt_str()?,
            byline: self.opt_str()?,
            published: self.timestamp()?,
            updated: self.timestamp()?,
            source: self.source()?,
            sources: self.list(Self::source)?,
            paragraphs: self.strs()?,
            quotes: {
                // The equal names of the story's quotes share one allocation.
                let mut names = Names::default();
                self.list(|r| r.quote(&mut names))?
            },
            origin: self.origin()?,
        })
    }

    /// Where an archive export says a story came from ([`Writer::origin`]).
    pub fn origin(&mut self) -> Result<Option<Box<Origin>>> {
        if !self.bool()? {
            return Ok(None);
        }
        Ok(Some(Box::new(Origin {
            publication: self.opt_str()?,
            url: self.opt_str()?,
            length: self.opt_str()?,
            summary: self.opt_str()?,
        })))
    }

    /// A string borrowed from the bytes (checked to be UTF-8), without a copy.
    fn str_ref(&mut self) -> Result<&'a str> {
        let len = self.usize()?;
        if len > self.bytes.len() {
            return Err(Error("truncated"));
        }
        let (s, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        std::str::from_utf8(s).map_err(|_| Error("bad text"))
    }

    /// Passes over an optional string.
    fn skip_opt_str(&mut self) -> Result<()> {
        if self.bool()? {
            self.str_ref()?;
        }
        Ok(())
    }

    /// Passes over `n` items, each read by `each` (a count checked as [`Reader::list`]
    /// checks it).
    fn skip_list(&mut self, each: impl Fn(&mut Self) -> Result<()>) -> Result<()> {
        let count = self.usize()?;
        if count > self.bytes.len() {
            return Err(Error("truncated"));
        }
        (0..count).try_for_each(|_| each(self))
    }

    /// A story's headline and paragraphs, borrowed from the bytes, every other field
    /// read and passed over: what [`Reader::story`] would give of them.
    pub fn story_text(&mut self) -> Result<(&'a str, Vec<&'a str>)> {
        self.str_ref()?;
        let headline = self.str_ref()?;
        self.skip_opt_str()?;
        self.skip_opt_str()?;
        self.timestamp()?;
        self.timestamp()?;
        let source = |r: &mut Self| {
            r.str_ref()?;
            r.usize()?;
            r.usize().map(drop)
        };
        source(self)?;
        self.skip_list(source)?;
        let count = self.usize()?;
        if count > self.bytes.len() {
            return Err(Error("truncated"));
        }
        let paragraphs = (0..count)
            .map(|_| self.str_ref())
            .collect::<Result<Vec<_>>>()?;
        self.skip_list(|r| {
            r.str_ref()?;
            for _ in 0..4 {
                r.skip_opt_str()?;
            }
            r.bool()?;
            for _ in 0..3 {
                r.usize()?;
            }
            r.timestamp()?;
            r.skip_list(|r| (0..3).try_for_each(|_| r.usize().map(drop)))
        })?;
        if self.bool()? {
            for _ in 0..4 {
                self.skip_opt_str()?;
            }
        }
        Ok((headline, paragraphs))
    }

    /// A warning.
    pub fn warning(&mut self) -> Result<Warning> {
        Ok(Warning {
            path: self.str()?,
            message: self.str()?,
        })
    }

    /// A load's counts.
    pub fn stats(&mut self) -> Result<LoadStats> {
        Ok(LoadStats {
            files: self.usize()?,
            pages: self.usize()?,
            stories: self.usize()?,
            headlines_removed: self.usize()?,
            paragraphs_removed: self.usize()?,
            duplicates_merged: self.usize()?,
            paragraphs: self.usize()?,
            quotes: self.usize()?,
            speakers: self.usize()?,
            warnings: self.usize()?,
            bytes: self.u64()?,
        })
    }

    /// A whole corpus.
    pub fn corpus(&mut self) -> Result<Corpus> {
        let stories = self.stories()?;
        let (speakers, warnings, stats) = self.corpus_rest()?;
        Ok(Corpus {
            stories,
            speakers,
            warnings,
            stats,
        })
    }

    /// What follows a corpus's stories ([`Writer::corpus_rest`]).
    pub fn corpus_rest(&mut self) -> Result<(Vec<Speaker>, Vec<Warning>, LoadStats)> {
        let speakers = self.list(|r| {
            Ok(Speaker {
                name: r.str()?,
                titles: r.strs()?,
                title_stories: r.list(Self::usize)?,
                quote_count: r.usize()?,
                stories: r.strs()?,
            })
        })?;
        let warnings = self.list(Self::warning)?;
        Ok((speakers, warnings, self.stats()?))
    }

    /// A parsed page (no prints, no warnings: see [`Writer::page`]).
    pub fn page(&mut self) -> Result<ParsedPage> {
        Ok(ParsedPage {
            stories: self.list(Self::story)?,
            headlines_removed: self.usize()?,
            paragraphs_removed: self.usize()?,
            ..ParsedPage::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
