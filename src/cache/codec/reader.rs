//! Reading the cache's bytes back into the model, trusting none of them: every length
//! is checked against what is left, every string to be UTF-8, every date to be a date,
//! so a damaged cache gives an [`Error`], never a panic or a huge allocation. Names a
//! story repeats (a speaker, a title, a cue) come back as one shared string. The layout
//! read is the one [`super::Writer`] writes.

use chrono::{DateTime, FixedOffset};

use super::{CHUNK, Error, Result};
use crate::ingest::ParsedPage;
use crate::ingest::dedupe::StoryPrint;
use crate::model::{
    LoadStats, Name, Names, Origin, Quote, QuoteSpan, SourceRef, Spans, Speaker, Story, Timestamp,
    Warning,
};

/// Reads values back from bytes written by a [`Writer`](super::Writer).
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

    /// A chunk's bytes ([`Writer::chunk`](super::Writer::chunk)).
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
    /// its own thread, every chunk's bytes used up exactly: each chunk's items apart.
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

    /// Where an archive export says a story came from ([`Writer::origin`](super::Writer::origin)).
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

    /// What follows a corpus's stories ([`Writer::corpus_rest`](super::Writer::corpus_rest)).
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

    /// A parsed page with its prints (no warnings: see [`Writer::page`](super::Writer::page)).
    pub fn page(&mut self) -> Result<ParsedPage> {
        Ok(ParsedPage {
            stories: self.list(Self::story)?,
            prints: self.list(|r| {
                let keys = r.list(Self::u64)?;
                let (body, headline, first) = (r.u64()?, r.u64()?, r.u64()?);
                StoryPrint::from_parts(keys, body, headline, first).ok_or(Error("bad print"))
            })?,
            headlines_removed: self.usize()?,
            paragraphs_removed: self.usize()?,
            ..ParsedPage::default()
        })
    }
}
