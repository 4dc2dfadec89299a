//! The data model shared by the loader, the quote finder, the CLI and the reader.
//!
//! Everything here is plain data with serde derives: the JSON written by
//! `dateline export` is exactly the serialisation of [`Corpus`].

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod name;
pub use name::{Name, Names};

/// A point in time as a page gives it: a local date and time, with the UTC offset
/// only when the page states one.
///
/// Serialised as `YYYY-MM-DDTHH:MM:SS`, or `YYYY-MM-DDTHH:MM:SS+HH:MM` with an offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// The wall-clock date and time written on the page.
    pub local: NaiveDateTime,
    /// The UTC offset, when the page gives one.
    pub offset: Option<FixedOffset>,
}

impl Timestamp {
    /// A timestamp without a known offset.
    pub fn naive(local: NaiveDateTime) -> Self {
        Self {
            local,
            offset: None,
        }
    }

    /// A timestamp with a known UTC offset.
    pub fn with_offset(at: DateTime<FixedOffset>) -> Self {
        Self {
            local: at.naive_local(),
            offset: Some(*at.offset()),
        }
    }

    /// The instant used for ordering: UTC when the offset is known, else the wall clock.
    pub fn sort_key(&self) -> NaiveDateTime {
        match self.offset {
            Some(off) => self.local - chrono::Duration::seconds(i64::from(off.local_minus_utc())),
            None => self.local,
        }
    }

    /// Parses the serialised form written by [`fmt::Display`].
    pub fn parse(s: &str) -> Option<Self> {
        if let Ok(at) = DateTime::parse_from_rfc3339(s) {
            return Some(Self::with_offset(at));
        }
        if let Ok(at) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%:z") {
            return Some(Self::with_offset(at));
        }
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
            .ok()
            .map(Self::naive)
    }
}

/// Writes `n` as `N` decimal digits, zero-padded, into `out` from byte `at`.
fn put_digits<const N: usize>(out: &mut [u8], at: usize, mut n: u32) {
    for k in (0..N).rev() {
        out[at + k] = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::{Datelike, Timelike};
        let (year, time) = (self.local.year(), self.local.time());
        // Years of four digits and no leap second (every page's): written digit by digit,
        // as chrono's `%Y-%m-%dT%H:%M:%S` writes them, without parsing the format.
        if (0..=9999).contains(&year) && time.nanosecond() < 1_000_000_000 {
            let mut out = *b"0000-00-00T00:00:00";
            put_digits::<4>(&mut out, 0, year.unsigned_abs());
            put_digits::<2>(&mut out, 5, self.local.month());
            put_digits::<2>(&mut out, 8, self.local.day());
            put_digits::<2>(&mut out, 11, time.hour());
            put_digits::<2>(&mut out, 14, time.minute());
            put_digits::<2>(&mut out, 17, time.second());
            f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)?;
        } else {
            write!(f, "{}", self.local.format("%Y-%m-%dT%H:%M:%S"))?;
        }
        if let Some(off) = self.offset {
            let secs = off.local_minus_utc();
            let sign = if secs < 0 { '-' } else { '+' };
            let secs = secs.unsigned_abs();
            write!(f, "{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)?;
        }
        Ok(())
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.local.cmp(&other.local))
            .then_with(|| {
                self.offset
                    .map(|o| o.local_minus_utc())
                    .cmp(&other.offset.map(|o| o.local_minus_utc()))
            })
    }
}

/// Orders optional times oldest first, with unknown times after every known one.
pub fn oldest_first(a: Option<Timestamp>, b: Option<Timestamp>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Orders optional times newest first, with unknown times after every known one.
pub fn newest_first(a: Option<Timestamp>, b: Option<Timestamp>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(&x),
        _ => oldest_first(a, b),
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Timestamp::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid timestamp {s:?}")))
    }
}

/// Where a story was found: a page (file path, or `-` for standard input) and the
/// 1-based inclusive line range the story occupies in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceRef {
    /// The page's path as given on the command line (or within a scanned directory).
    pub path: String,
    /// First line of the story in the page, counting from 1.
    pub line_start: usize,
    /// Last line of the story in the page, inclusive.
    pub line_end: usize,
}

/// A paragraph index or character offset as a quote holds it (stories are far shorter
/// than 4 G characters): `n`, or `u32::MAX` for a larger one rather than a wrapped value.
pub fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One contiguous stretch of a quote inside a paragraph, in character offsets
/// (Unicode scalar values, not bytes), covering the quote marks themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuoteSpan {
    /// Index of the paragraph within the story.
    pub paragraph: u32,
    /// Character offset of the opening mark.
    pub start: u32,
    /// Character offset just past the closing mark (or the end of the paragraph when
    /// the quote runs on into the next one).
    pub end: u32,
}

/// The spans of a quote: one held inline (most quotes), more on the heap.
pub type Spans = smallvec::SmallVec<[QuoteSpan; 1]>;

/// [`Spans`] written and read as the JSON list a `Vec` is.
mod spans_as_list {
    use super::{QuoteSpan, Spans};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(spans: &Spans, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(spans.iter())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Spans, D::Error> {
        Vec::<QuoteSpan>::deserialize(deserializer).map(Spans::from_vec)
    }
}

/// A direct quote found in a story, with who said it when that can be told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words without the outer quote marks; the pieces of a quote split by
    /// its attribution are joined with a single space.
    pub text: Box<str>,
    /// The speaker's full name (or an organisation's name), when it can be resolved.
    pub speaker: Option<Name>,
    /// The speaker's title or role as the story gives it.
    pub speaker_title: Option<Name>,
    /// The words in the text that name the speaker ("he", "Wang", "the senior official").
    pub speaker_mention: Option<Name>,
    /// The attribution verb ("said", "according to", ...).
    pub cue: Option<Name>,
    /// A scare quote, title or fragment rather than speech.
    pub partial: bool,
    /// The paragraph where the quote starts.
    pub paragraph: u32,
    /// Character offset of the quote's opening mark in [`Quote::paragraph`].
    pub start: u32,
    /// Character offset just past the quote's closing mark in its last paragraph
    /// (the last entry of [`Quote::spans`]).
    pub end: u32,
    /// The story's time (published, else updated), when it has one.
    pub timestamp: Option<Timestamp>,
    /// Every stretch of text the quote covers, in reading order (written as a list).
    #[serde(with = "spans_as_list")]
    pub spans: Spans,
}

/// One story: a headline and its body, found in one or more pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// A stable identifier derived from the story's content (16 hex digits).
    pub id: String,
    /// The headline, once.
    pub headline: String,
    /// The section label ("China", "Business"), when the page gives one.
    pub section: Option<String>,
    /// The byline ("Jane Doe"), when the page gives one.
    #[serde(default)]
    pub byline: Option<String>,
    /// When the story was first published.
    pub published: Option<Timestamp>,
    /// When the story was last updated.
    pub updated: Option<Timestamp>,
    /// The page the kept version came from.
    pub source: SourceRef,
    /// Every page the story was found in, the kept one included.
    pub sources: Vec<SourceRef>,
    /// The body paragraphs, in order, without chrome.
    pub paragraphs: Vec<String>,
    /// The direct quotes found in the body.
    pub quotes: Vec<Quote>,
    /// What the source states about the story beyond its text (an archive export's
    /// publication, address, length and summary); absent for most pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Box<Origin>>,
}

/// What an archive record or feed entry says about a story beyond its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The publication that printed it (newspaper, site, agency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// The article's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The length as the source gives it (`607 words`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<String>,
    /// A summary given apart from the text (an archive's `HIGHLIGHT:`, an abstract); never
    /// one of the paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

impl Origin {
    /// `None` when the source said nothing, so that stories without one carry no box.
    pub fn boxed(self) -> Option<Box<Origin>> {
        (self != Origin::default()).then(|| Box::new(self))
    }
}

impl Story {
    /// A story of `headline` and `paragraphs` read from lines 1 and 2 of `path`, with no id,
    /// dates, byline, quotes or origin: what a loader fills in next, and what tests start
    /// from.
    pub fn new(path: &str, headline: &str, paragraphs: Vec<String>) -> Story {
        let source = SourceRef {
            path: path.into(),
            line_start: 1,
            line_end: 2,
        };
        Story {
            id: String::new(),
            headline: headline.into(),
            section: None,
            byline: None,
            published: None,
            updated: None,
            source: source.clone(),
            sources: vec![source],
            paragraphs,
            quotes: Vec::new(),
            origin: None,
        }
    }

    /// The story's time for sorting and for its quotes: published, else updated.
    pub fn time(&self) -> Option<Timestamp> {
        self.published.or(self.updated)
    }

    /// The newest time the story carries: updated, else published.
    pub fn latest(&self) -> Option<Timestamp> {
        match (self.published, self.updated) {
            (Some(p), Some(u)) => Some(p.max(u)),
            (p, u) => u.or(p),
        }
    }
}

/// A person (or organisation) quoted somewhere in the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The full name.
    pub name: String,
    /// Every distinct title given to them (spellings differing only in case, a leading
    /// article or punctuation are one), the one most stories give first.
    pub titles: Vec<String>,
    /// How many stories give each of [`Speaker::titles`], in the same order.
    #[serde(default)]
    pub title_stories: Vec<usize>,
    /// How many non-partial quotes are attributed to them.
    pub quote_count: usize,
    /// The ids of the stories that quote them.
    pub stories: Vec<String>,
}

/// A problem with one input, reported on one line and never fatal to the rest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The file (or `-`) the warning is about.
    pub path: String,
    /// What went wrong, in a few words.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Counts gathered while loading, printed by `dateline stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadStats {
    /// Files considered (named or found in directories).
    pub files: usize,
    /// Pages read successfully.
    pub pages: usize,
    /// Stories in the corpus after merging duplicates.
    pub stories: usize,
    /// Repeated headlines (captions, re-titles) dropped.
    pub headlines_removed: usize,
    /// Paragraphs repeated within a page dropped.
    pub paragraphs_removed: usize,
    /// Stories found again in another page (or again in the same one) and merged.
    pub duplicates_merged: usize,
    /// Body paragraphs kept.
    pub paragraphs: usize,
    /// Direct quotes found (partial ones included).
    pub quotes: usize,
    /// Distinct speakers.
    pub speakers: usize,
    /// Warnings raised.
    pub warnings: usize,
    /// Bytes read.
    pub bytes: u64,
}

/// Everything loaded from a set of pages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    /// The stories, newest first (stories without a time last, in load order).
    pub stories: Vec<Story>,
    /// The speaker directory.
    pub speakers: Vec<Speaker>,
    /// Problems met while loading.
    #[serde(skip)]
    pub warnings: Vec<Warning>,
    /// Counts gathered while loading.
    #[serde(skip)]
    pub stats: LoadStats,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> Option<Timestamp> {
        chrono::NaiveDate::from_ymd_opt(2026, 1, day)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(Timestamp::naive)
    }

    #[test]
    fn an_offset_too_large_for_u32_saturates_rather_than_wraps() {
        assert_eq!(offset(0), 0);
        assert_eq!(offset(70_000), 70_000);
        assert_eq!(offset(u32::MAX as usize), u32::MAX);
        if let Some(big) = (u32::MAX as usize).checked_add(5) {
            assert_eq!(offset(big), u32::MAX);
        }
    }

    #[test]
    fn spans_are_written_and_read_as_a_list() {
        let span = |paragraph, start, end| QuoteSpan {
            paragraph,
            start,
            end,
        };
        for list in [
            vec![],
            vec![span(0, 1, 5)],
            vec![span(0, 1, 5), span(2, 0, 9)],
        ] {
            let quote = Quote {
                text: "Yes".into(),
                speaker: Some("Ana Ruiz".into()),
                speaker_title: None,
                speaker_mention: None,
                cue: None,
                partial: false,
                paragraph: 0,
                start: 1,
                end: 5,
                timestamp: None,
                spans: list.clone().into(),
            };
            let json = serde_json::to_value(&quote).expect("json");
            assert_eq!(json["spans"], serde_json::to_value(&list).expect("json"));
            let back: Quote = serde_json::from_value(json).expect("read");
            assert_eq!(back, quote);
        }
    }

    #[test]
    fn unknown_times_sort_last_both_ways() {
        let mut times = vec![None, at(3), at(1), None, at(2)];
        times.sort_by(|a, b| oldest_first(*a, *b));
        assert_eq!(times, vec![at(1), at(2), at(3), None, None]);
        times.sort_by(|a, b| newest_first(*a, *b));
        assert_eq!(times, vec![at(3), at(2), at(1), None, None]);
    }

    #[test]
    fn timestamps_round_trip_through_their_text() {
        let offset = FixedOffset::east_opt(8 * 3600).expect("offset");
        let with = Timestamp::with_offset(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 26)
                .and_then(|d| d.and_hms_opt(17, 14, 0))
                .expect("date")
                .and_local_timezone(offset)
                .single()
                .expect("time"),
        );
        assert_eq!(with.to_string(), "2026-01-26T17:14:00+08:00");
        assert_eq!(Timestamp::parse(&with.to_string()), Some(with));
        let naive = at(5).expect("date");
        assert_eq!(naive.to_string(), "2026-01-05T12:00:00");
        assert_eq!(Timestamp::parse(&naive.to_string()), Some(naive));
    }

    #[test]
    fn timestamps_are_written_as_chrono_formats_them() {
        let cases = [
            (0, 1, 1, 0, 0, 0, 0),
            (7, 2, 3, 4, 5, 6, 0),
            (999, 12, 31, 23, 59, 59, 0),
            (2026, 11, 28, 6, 24, 0, 0),
            (9999, 12, 31, 23, 59, 59, 0),
            (10000, 1, 1, 0, 0, 0, 0),
            (-1, 6, 15, 12, 0, 0, 0),
            (2016, 12, 31, 23, 59, 59, 1_500_000_000),
        ];
        for (y, mo, d, h, mi, s, nano) in cases {
            let local = chrono::NaiveDate::from_ymd_opt(y, mo, d)
                .and_then(|d| d.and_hms_nano_opt(h, mi, s, nano))
                .expect("time");
            let want = local.format("%Y-%m-%dT%H:%M:%S").to_string();
            assert_eq!(Timestamp::naive(local).to_string(), want);
        }
    }
}
