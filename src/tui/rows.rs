//! The rows the reader's lists and panels show: a story's row in the list and the
//! speakers panel's entries, cleaned once per corpus, and the quotes timeline's rows,
//! which hold no text (what a row shows is read from the corpus and cleaned when it
//! is drawn or searched). It decides what each row says and in what order the
//! speakers and the timeline come; it holds no reader state and draws nothing.

use std::borrow::Cow;
use std::collections::HashMap;

use super::text::{self, clean};
use super::wrap::format_time;
use crate::model::{Corpus, Quote, Story, Timestamp};

/// A quote, by story index and index into that story's quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuoteRef {
    /// Index into [`Corpus::stories`].
    pub story: usize,
    /// Index into the story's quotes (in reading order: the reader sorts them when it
    /// indexes the corpus).
    pub quote: usize,
}

/// One story's row in the list, cleaned once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRow {
    /// The headline, cleaned.
    pub headline: String,
    /// The story's time as shown, or `undated`.
    pub date: String,
    /// How many spoken quotes the story has (fragments not counted).
    pub quotes: usize,
}

/// A quoted speaker, as the speakers panel lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerEntry {
    /// The name exactly as the quotes give it (the index key).
    pub name: String,
    /// The name, cleaned for display.
    pub display: String,
    /// Every distinct title, cleaned, in first-seen order.
    pub titles: Vec<String>,
    /// The speaker's non-partial quotes, in story order then position.
    pub quotes: Vec<QuoteRef>,
    /// The name and titles folded for filtering.
    pub(super) folded: String,
}

/// One row of the quotes timeline: which quote, and the little its filters need
/// without reading the corpus. The row holds no text: its time, speaker, words and
/// headline are read from the corpus, and cleaned, when they are drawn or searched
/// ([`TimelineRow::shown`], [`TimelineRow::speaker`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimelineRow {
    /// The quote.
    pub at: QuoteRef,
    /// The quote's speaker as an index into the speakers panel's list
    /// ([`build_speakers`]), [`NO_SPEAKER`] when the speaker is not listed there
    /// (unattributed, or quoted in fragments only).
    pub(super) speaker_id: u32,
    /// Whether it is a partial quote (a fragment: scare quote, title, single word).
    pub partial: bool,
}

/// [`TimelineRow::speaker_id`] of a quote whose speaker the speakers panel does not list.
pub(super) const NO_SPEAKER: u32 = u32::MAX;

/// What a timeline row shows, read from the corpus and cleaned ([`clean`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowText<'a> {
    /// The quote's time (its own, else its story's) as shown, empty when unknown.
    pub time: String,
    /// The speaker's name (empty when unattributed).
    pub speaker: Cow<'a, str>,
    /// The quoted words.
    pub words: Cow<'a, str>,
    /// The story's headline.
    pub headline: Cow<'a, str>,
}

impl TimelineRow {
    /// The row's story and quote in `corpus` (`None` when the row is not of it).
    pub fn quote<'a>(&self, corpus: &'a Corpus) -> Option<(&'a Story, &'a Quote)> {
        let story = corpus.stories.get(self.at.story)?;
        Some((story, story.quotes.get(self.at.quote)?))
    }

    /// The quote's time as shown (its own, else its story's; empty when unknown).
    pub fn time(&self, corpus: &Corpus) -> String {
        self.quote(corpus)
            .and_then(|(story, quote)| quote.timestamp.or_else(|| story.time()))
            .map(|t| format_time(&t))
            .unwrap_or_default()
    }

    /// The speaker's name, cleaned (empty when unattributed).
    pub fn speaker<'a>(&self, corpus: &'a Corpus) -> Cow<'a, str> {
        self.quote(corpus)
            .and_then(|(_, quote)| quote.speaker.as_deref())
            .map_or(Cow::Borrowed(""), text::clean_cow)
    }

    /// The quoted words, cleaned.
    pub fn words<'a>(&self, corpus: &'a Corpus) -> Cow<'a, str> {
        self.quote(corpus)
            .map_or(Cow::Borrowed(""), |(_, quote)| text::clean_cow(&quote.text))
    }

    /// Everything the row shows, cleaned.
    pub fn shown<'a>(&self, corpus: &'a Corpus) -> RowText<'a> {
        RowText {
            time: self.time(corpus),
            speaker: self.speaker(corpus),
            words: self.words(corpus),
            headline: corpus
                .stories
                .get(self.at.story)
                .map_or(Cow::Borrowed(""), |s| text::clean_cow(&s.headline)),
        }
    }
}

/// One quote as the timeline sorts it: its time (its own, else its story's) and its
/// row.
type Sortable = (Option<Timestamp>, TimelineRow);

/// What the timeline's rows are made of, taken from the corpus (after each story's
/// quotes were put in reading order): each quote's time, place, speaker and kind, no
/// text. The rows are made from it once the corpus has gone to the reader: the list
/// is complete without them.
#[derive(Clone, Debug, Default)]
pub struct TimelineSource {
    /// Each quote's time and row, in corpus order.
    quotes: Vec<Sortable>,
}

impl TimelineSource {
    /// Takes what the timeline needs of `corpus`; `speakers` maps a speaker's name to
    /// its place in the speakers panel's list (the index [`build_speakers`] gives).
    pub fn copy(corpus: &Corpus, speakers: &HashMap<String, usize>) -> Self {
        let mut quotes = Vec::with_capacity(corpus.stories.iter().map(|s| s.quotes.len()).sum());
        for (si, story) in corpus.stories.iter().enumerate() {
            for (qi, quote) in story.quotes.iter().enumerate() {
                let speaker_id = quote
                    .speaker
                    .as_deref()
                    .and_then(|name| speakers.get(name))
                    .and_then(|&i| u32::try_from(i).ok())
                    .unwrap_or(NO_SPEAKER);
                let row = TimelineRow {
                    at: QuoteRef {
                        story: si,
                        quote: qi,
                    },
                    speaker_id,
                    partial: quote.partial,
                };
                quotes.push((quote.timestamp.or_else(|| story.time()), row));
            }
        }
        Self { quotes }
    }
}

/// A story's row in the list.
pub(super) fn list_row(s: &crate::model::Story) -> ListRow {
    ListRow {
        headline: clean(&s.headline),
        date: s
            .time()
            .map_or_else(|| "undated".to_string(), |t| format_time(&t)),
        quotes: s.quotes.iter().filter(|q| !q.partial).count(),
    }
}

/// The title a speaker is shown with when a story gives them none: the first of their
/// entry in the speakers panel, which is the directory's most used title.
pub fn usual_title(
    speakers: &[SpeakerEntry],
    index: &HashMap<String, usize>,
    name: &str,
) -> Option<String> {
    speakers.get(*index.get(name)?)?.titles.first().cloned()
}

/// At most this many titles are shown beside a speaker's name in the panel.
const SHOWN_TITLES: usize = 4;

/// Builds the speaker directory from the quotes themselves (so every entry can be
/// jumped to), adding titles the corpus directory knows.
pub(super) fn build_speakers(corpus: &Corpus) -> (Vec<SpeakerEntry>, HashMap<String, usize>) {
    let mut entries: Vec<SpeakerEntry> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (si, story) in corpus.stories.iter().enumerate() {
        for (qi, quote) in story.quotes.iter().enumerate() {
            let Some(name) = quote.speaker.as_ref().filter(|n| !n.trim().is_empty()) else {
                continue;
            };
            if quote.partial {
                continue;
            }
            let slot = *index.entry(name.to_string()).or_insert_with(|| {
                entries.push(SpeakerEntry {
                    name: name.to_string(),
                    display: clean(name),
                    titles: Vec::new(),
                    quotes: Vec::new(),
                    folded: String::new(),
                });
                entries.len() - 1
            });
            let entry = &mut entries[slot];
            entry.quotes.push(QuoteRef {
                story: si,
                quote: qi,
            });
            if let Some(title) = &quote.speaker_title {
                let title = clean(title);
                if !entry.titles.iter().any(|t| t.eq_ignore_ascii_case(&title)) {
                    entry.titles.push(title);
                }
            }
        }
    }
    // Every title any story gives is searchable; the panel shows the directory's
    // summary (ranked by the stories giving each, variants merged, one-offs left out
    // beside titles given more often) when the directory knows the speaker.
    let mut searchable: Vec<String> = entries.iter().map(|e| e.titles.join(" ")).collect();
    for speaker in &corpus.speakers {
        if let Some(&slot) = index.get(&speaker.name) {
            for title in &speaker.titles {
                searchable[slot].push(' ');
                searchable[slot].push_str(&clean(title));
            }
            let summary = crate::quotes::directory::summary_titles(speaker, SHOWN_TITLES);
            if !summary.is_empty() {
                entries[slot].titles = summary.into_iter().map(clean).collect();
            }
        }
    }
    for (entry, titles) in entries.iter_mut().zip(&searchable) {
        entry.folded = text::fold(&format!("{} {titles}", entry.display));
    }
    entries.sort_by(|a, b| {
        b.quotes
            .len()
            .cmp(&a.quotes.len())
            .then_with(|| a.display.cmp(&b.display))
    });
    let index = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.clone(), i))
        .collect();
    (entries, index)
}

/// Every quote in the corpus, newest first (undated last), then story order and
/// position.
pub fn build_timeline(corpus: &Corpus) -> Vec<TimelineRow> {
    let (_, speakers) = build_speakers(corpus);
    build_timeline_from(TimelineSource::copy(corpus, &speakers))
}

/// The timeline's rows from what [`TimelineSource::copy`] took of a corpus: the same
/// rows as [`build_timeline`] of that corpus.
pub fn build_timeline_from(source: TimelineSource) -> Vec<TimelineRow> {
    use rayon::prelude::*;
    let mut quotes = source.quotes;
    // Unstable (no buffer beside the quotes): no two quotes have the same place.
    quotes.par_sort_unstable_by(|(ta, ra), (tb, rb)| {
        crate::model::newest_first(*ta, *tb).then_with(|| ra.at.cmp(&rb.at))
    });
    quotes.into_iter().map(|(_, row)| row).collect()
}
