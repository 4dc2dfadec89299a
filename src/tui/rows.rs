//! The rows the reader's lists and panels show, cleaned once per corpus: a story's
//! row in the list, the speakers panel's entries and the quotes timeline. It decides
//! what each row says and in what order the speakers and the timeline come; it holds
//! no reader state and draws nothing.

use std::collections::HashMap;
use std::sync::Arc;

use super::text::{self, clean};
use super::wrap::format_time;
use crate::model::{Corpus, Timestamp};

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

/// One row of the quotes timeline, cleaned once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineRow {
    /// The quote.
    pub at: QuoteRef,
    /// The quote's time as shown (empty when unknown).
    pub time: String,
    /// The speaker's name, cleaned (empty when unattributed).
    pub speaker: String,
    /// The quoted words, cleaned.
    pub text: String,
    /// The story's headline, cleaned (one copy shared by the story's rows).
    pub headline: Arc<str>,
    /// Whether it is a partial quote (a fragment: scare quote, title, single word).
    pub partial: bool,
    /// The speaker, words and headline folded, for the timeline's search.
    pub(super) folded: Folded,
}

/// A timeline row's folded text: its speaker and words, and its story's headline
/// folded once for all the story's rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    /// The speaker and the words, folded, joined by `\n`.
    own: String,
    /// The headline, folded (shared).
    headline: Arc<str>,
}

impl Folded {
    /// Whether `word` (folded, without `\n`) occurs in the speaker, the words or the
    /// headline.
    pub fn contains(&self, word: &str) -> bool {
        self.own.contains(word) || self.headline.contains(word)
    }
}

/// One quote as the timeline needs it: its time (its own, else its story's), place,
/// speaker, words and whether it is a fragment.
type QuoteCopy = (Option<Timestamp>, QuoteRef, Option<String>, String, bool);

/// What the timeline needs of each quote, copied out of the corpus (after each
/// story's quotes were put in reading order), so that its rows can be made once the
/// corpus has gone to the reader: the list is complete without them.
#[derive(Clone, Debug, Default)]
pub struct TimelineSource {
    /// Each quote's time (its own, else its story's), place, speaker, words and kind.
    quotes: Vec<QuoteCopy>,
    /// Each story's headline as given.
    headlines: Vec<String>,
}

impl TimelineSource {
    /// Copies what the timeline needs of `corpus`.
    pub fn copy(corpus: &Corpus) -> Self {
        let mut quotes = Vec::with_capacity(corpus.stories.iter().map(|s| s.quotes.len()).sum());
        for (si, story) in corpus.stories.iter().enumerate() {
            for (qi, quote) in story.quotes.iter().enumerate() {
                quotes.push((
                    quote.timestamp.or_else(|| story.time()),
                    QuoteRef {
                        story: si,
                        quote: qi,
                    },
                    quote.speaker.clone(),
                    quote.text.clone(),
                    quote.partial,
                ));
            }
        }
        let headlines = corpus.stories.iter().map(|s| s.headline.clone()).collect();
        Self { quotes, headlines }
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
            let slot = *index.entry(name.clone()).or_insert_with(|| {
                entries.push(SpeakerEntry {
                    name: name.clone(),
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

/// `text` cleaned ([`clean`]), itself when cleaning changes nothing.
fn cleaned(text: String) -> String {
    match text::clean_cow(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(clean) => clean,
    }
}

/// Every quote in the corpus, newest first (undated last), then story order and
/// position.
pub fn build_timeline(corpus: &Corpus) -> Vec<TimelineRow> {
    build_timeline_from(TimelineSource::copy(corpus))
}

/// The timeline's rows from what [`TimelineSource::copy`] took of a corpus: the same
/// rows as [`build_timeline`] of that corpus. Each copy is freed as its row is made.
pub fn build_timeline_from(source: TimelineSource) -> Vec<TimelineRow> {
    use rayon::prelude::*;
    let TimelineSource {
        mut quotes,
        headlines,
    } = source;
    let headlines: Vec<(Arc<str>, Arc<str>)> = headlines
        .into_par_iter()
        .map(|h| {
            let clean = clean(&h);
            let folded = text::fold(&clean);
            (Arc::from(clean), Arc::from(folded))
        })
        .collect();
    // Unstable (no buffer beside the copies): no two quotes have the same place.
    quotes.par_sort_unstable_by(|(ta, ra, ..), (tb, rb, ..)| {
        crate::model::newest_first(*ta, *tb).then_with(|| ra.cmp(rb))
    });
    // One row costs a clean and a fold: made on every core, in order, straight into
    // the rows' vector.
    quotes
        .into_par_iter()
        .map(|(time, at, speaker, words, partial)| {
            let (headline, headline_folded) = headlines.get(at.story).cloned().unwrap_or_default();
            // The copies become the row's text when cleaning changes nothing.
            let speaker = speaker.map(cleaned).unwrap_or_default();
            let text = cleaned(words);
            let mut own = String::with_capacity(speaker.len() + text.len() + 1);
            text::fold_into(&speaker, &mut own);
            own.push('\n');
            text::fold_into(&text, &mut own);
            TimelineRow {
                at,
                time: time.map(|t| format_time(&t)).unwrap_or_default(),
                speaker,
                text,
                headline,
                partial,
                folded: Folded {
                    own,
                    headline: headline_folded,
                },
            }
        })
        .collect()
}
