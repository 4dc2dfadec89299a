//! The reading pane's wrapped lines, cached per (story, width).
//!
//! A [`WrappedStory`] is every row the reading pane can show for one story at one
//! width: the header (headline, section and times, sources), then each paragraph
//! wrapped with textwrap, with a label row (speaker, title, time) before each
//! paragraph for every direct quote that starts in it. It records the row of every
//! paragraph and quote, so jumping to a quote is a lookup, and drawing a frame only
//! touches the visible rows.

use std::collections::HashMap;
use std::sync::Arc;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

use super::shelf::Texts;
use super::text::{self, clean, grapheme_width};
use crate::model::{Quote, Story, Timestamp};

/// Where the text of a row comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSource {
    /// The story's headline.
    Headline,
    /// A body paragraph, by index.
    Paragraph(usize),
}

/// What one row of the reading pane shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A wrapped stretch of the headline or a paragraph: characters `start..end` of
    /// the (cleaned) source text.
    Text {
        /// Headline or paragraph.
        source: TextSource,
        /// Character offset of the row's first character in the source.
        start: usize,
        /// Character offset just past the row's last character.
        end: usize,
    },
    /// Section, times, byline or sources.
    Meta,
    /// The rule between the header and the body.
    Rule,
    /// An empty row between paragraphs.
    Blank,
    /// The speaker, title and time of the quote with this index in the story.
    Label {
        /// Index into [`Story::quotes`].
        quote: usize,
    },
}

/// One row of the reading pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// The row's text, cleaned and at most the wrap width wide (except for a single
    /// grapheme wider than the pane).
    pub text: String,
}

/// The rows a quote occupies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteRows {
    /// The label row naming the speaker (none for partial quotes).
    pub label: Option<usize>,
    /// The first row holding the quote's text.
    pub first: usize,
    /// The last row holding the quote's text.
    pub last: usize,
}

/// A stretch of a paragraph covered by a quote, in character offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    /// Index into [`Story::quotes`].
    pub quote: usize,
    /// First character covered.
    pub start: usize,
    /// Just past the last character covered.
    pub end: usize,
}

/// A story laid out for one width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WrappedStory {
    /// The width the text was wrapped to.
    pub width: u16,
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
    /// The first row of each paragraph's text.
    pub paragraph_rows: Vec<usize>,
    /// The rows of each quote, by index into [`Story::quotes`].
    pub quote_rows: Vec<QuoteRows>,
    /// For each paragraph, the quote stretches inside it, in order.
    pub marks: Vec<Vec<QuoteMark>>,
}

impl WrappedStory {
    /// Lays out `story` for a pane `width` cells wide, its quote labels showing only
    /// the titles the story itself gives.
    pub fn new(story: &Story, width: u16) -> Self {
        Self::labelled(story, width, &|_| None)
    }

    /// Lays out `story` for a pane `width` cells wide; a quote whose story gives its
    /// speaker no title is labelled with the one `titles` gives for the name (the
    /// reader passes the speaker's most used title across the corpus).
    pub fn labelled(story: &Story, width: u16, titles: TitleLookup<'_>) -> Self {
        Self::labelled_text(story, &story.paragraphs, width, titles)
    }

    /// [`WrappedStory::labelled`] of `story` with `paragraphs` as its text (the
    /// reader's text may be kept apart from the story, see [`super::shelf`]).
    pub fn labelled_text(
        story: &Story,
        paragraphs: &[String],
        width: u16,
        titles: TitleLookup<'_>,
    ) -> Self {
        let w = usize::from(width.max(1));
        let mut rows = Vec::new();
        let headline = clean(&story.headline);
        push_wrapped(&mut rows, &headline, TextSource::Headline, w);
        for meta in header_lines(story) {
            for line in wrap_plain(&meta, w) {
                rows.push(Row {
                    kind: RowKind::Meta,
                    text: line,
                });
            }
        }
        rows.push(Row {
            kind: RowKind::Rule,
            text: "─".repeat(w),
        });

        let mut marks: Vec<Vec<QuoteMark>> = vec![Vec::new(); paragraphs.len()];
        for (qi, quote) in story.quotes.iter().enumerate() {
            for span in spans_of(quote) {
                if let Some(list) = marks.get_mut(span.0) {
                    list.push(QuoteMark {
                        quote: qi,
                        start: span.1,
                        end: span.2,
                    });
                }
            }
        }
        for list in &mut marks {
            list.sort_by_key(|m| (m.start, m.end, m.quote));
        }

        let mut label_rows: Vec<Option<usize>> = vec![None; story.quotes.len()];
        // The spoken quotes starting in each paragraph, so laying out a story is
        // linear in its paragraphs and quotes.
        let mut labelled: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
        for (qi, quote) in story.quotes.iter().enumerate() {
            if !quote.partial
                && let Some(list) = labelled.get_mut(quote.paragraph as usize)
            {
                list.push(qi);
            }
        }
        let mut paragraph_rows = Vec::with_capacity(paragraphs.len());
        for (pi, paragraph) in paragraphs.iter().enumerate() {
            rows.push(Row {
                kind: RowKind::Blank,
                text: String::new(),
            });
            for &qi in &labelled[pi] {
                label_rows[qi] = Some(rows.len());
                rows.push(Row {
                    kind: RowKind::Label { quote: qi },
                    text: text::truncate(&label_text(&story.quotes[qi], titles), w),
                });
            }
            paragraph_rows.push(rows.len());
            push_wrapped(&mut rows, &clean(paragraph), TextSource::Paragraph(pi), w);
        }

        let mut wrapped = Self {
            width,
            rows,
            paragraph_rows,
            quote_rows: Vec::new(),
            marks,
        };
        wrapped.quote_rows = story
            .quotes
            .iter()
            .enumerate()
            .map(|(qi, quote)| {
                let spans = spans_of(quote);
                let (first, last) = match (spans.first(), spans.last()) {
                    (Some(a), Some(b)) => (
                        wrapped.row_of(a.0, a.1),
                        wrapped.row_of(b.0, b.2.saturating_sub(1).max(b.1)),
                    ),
                    _ => {
                        let r = wrapped.row_of(quote.paragraph as usize, quote.start as usize);
                        (r, r)
                    }
                };
                QuoteRows {
                    label: label_rows[qi],
                    first,
                    last: last.max(first),
                }
            })
            .collect();
        wrapped
    }

    /// The row holding character `offset` of paragraph `paragraph` (clamped to the
    /// story's rows).
    pub fn row_of(&self, paragraph: usize, offset: usize) -> usize {
        let Some(&first) = self.paragraph_rows.get(paragraph) else {
            return self.rows.len().saturating_sub(1);
        };
        let end = self
            .paragraph_rows
            .get(paragraph + 1)
            .copied()
            .unwrap_or(self.rows.len());
        let mut best = first;
        for (i, row) in self.rows[first..end].iter().enumerate() {
            if let RowKind::Text { start, .. } = row.kind {
                if start <= offset {
                    best = first + i;
                } else {
                    break;
                }
            }
        }
        best
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows (never true for a laid-out story).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The spans of a quote as (paragraph, start, end), falling back to its paragraph,
/// start and end when it lists none.
fn spans_of(quote: &Quote) -> Vec<(usize, usize, usize)> {
    if quote.spans.is_empty() {
        let (p, start, end) = (quote.paragraph, quote.start, quote.end.max(quote.start));
        vec![(p as usize, start as usize, end as usize)]
    } else {
        quote
            .spans
            .iter()
            .map(|s| {
                let end = s.end.max(s.start);
                (s.paragraph as usize, s.start as usize, end as usize)
            })
            .collect()
    }
}

/// Formats a time as the reader shows it: `2026-01-26 17:14`, with the offset when known.
pub fn format_time(at: &Timestamp) -> String {
    let mut out = at.local.format("%Y-%m-%d %H:%M").to_string();
    if let Some(off) = at.offset {
        let secs = off.local_minus_utc();
        let sign = if secs < 0 { '-' } else { '+' };
        let secs = secs.unsigned_abs();
        out.push_str(&format!(
            " {sign}{:02}:{:02}",
            secs / 3600,
            (secs % 3600) / 60
        ));
    }
    out
}

/// Finds the title to show for a speaker the story gives none: the name as the
/// quote gives it in, the title (uncleaned) out.
pub type TitleLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The label shown above a quote's paragraph: speaker, title and time. The title is
/// the one this story gives the speaker, else the one `titles` gives for the name.
pub fn label_text(quote: &Quote, titles: TitleLookup<'_>) -> String {
    let mut out = match &quote.speaker {
        Some(name) => clean(name),
        None => "Unattributed".to_string(),
    };
    let title = quote
        .speaker_title
        .as_deref()
        .map(str::to_string)
        .or_else(|| {
            quote
                .speaker
                .as_deref()
                .filter(|_| !quote.partial)
                .and_then(titles)
        });
    if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
        out.push_str(", ");
        out.push_str(&clean(&title));
    }
    if let Some(at) = &quote.timestamp {
        out.push_str(" · ");
        out.push_str(&format_time(at));
    }
    out
}

/// The header lines under the headline: section and times, byline, sources.
fn header_lines(story: &Story) -> Vec<String> {
    let mut first = Vec::new();
    if let Some(section) = &story.section {
        first.push(clean(section));
    }
    if let Some(at) = &story.published {
        first.push(format!("Published {}", format_time(at)));
    }
    if let Some(at) = &story.updated {
        first.push(format!("Updated {}", format_time(at)));
    }
    let mut lines = Vec::new();
    if !first.is_empty() {
        lines.push(first.join(" · "));
    }
    if let Some(byline) = &story.byline {
        lines.push(format!("By {}", clean(byline)));
    }
    let sources = if story.sources.is_empty() {
        std::slice::from_ref(&story.source)
    } else {
        &story.sources[..]
    };
    let list: Vec<String> = sources
        .iter()
        .map(|s| format!("{} ({}–{})", clean(&s.path), s.line_start, s.line_end))
        .collect();
    lines.push(format!("Sources: {}", list.join(", ")));
    lines
}

/// A piece of text the wrapper may put on a line: a word (byte range
/// `start..word_end`) and the width of the whitespace after it.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    word_end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Splits `text` into pieces at textwrap's break opportunities (Unicode line
/// breaking), measured by display width; a word wider than `width` is split at
/// grapheme boundaries so every piece fits (a single grapheme wider than the line
/// stays whole).
fn pieces(text: &str, width: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in WordSeparator::UnicodeBreakProperties.find_words(text) {
        let start = at;
        let word_end = start + word.word.len();
        let end = word_end + word.whitespace.len();
        at = end;
        let space = text::width(word.whitespace);
        let word_text = &text[start..word_end];
        let word_width = text::width(word_text);
        if word_width <= width {
            out.push(Piece {
                start,
                word_end,
                width: word_width,
                space,
            });
            continue;
        }
        let mut chunk_start = start;
        let mut chunk_width = 0;
        for (offset, g) in word_text.grapheme_indices(true) {
            let gw = grapheme_width(g);
            if chunk_width + gw > width && chunk_width > 0 {
                let cut = start + offset;
                out.push(Piece {
                    start: chunk_start,
                    word_end: cut,
                    width: chunk_width,
                    space: 0,
                });
                chunk_start = cut;
                chunk_width = 0;
            }
            chunk_width += gw;
        }
        out.push(Piece {
            start: chunk_start,
            word_end,
            width: chunk_width,
            space,
        });
    }
    out
}

/// Wraps `text` to `width` cells, returning each line's byte range (trailing
/// whitespace left out). Empty text gives one empty line.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<(usize, usize)> {
    let all = pieces(text, width.max(1));
    let lines = wrap_first_fit(&all, &[width.max(1) as f64]);
    let mut out: Vec<(usize, usize)> = lines
        .iter()
        .filter_map(|line| Some((line.first()?.start, line.last()?.word_end)))
        .collect();
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// Wraps plain (already cleaned) text to lines.
fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    wrap_ranges(text, width)
        .into_iter()
        .map(|(a, b)| text[a..b].to_string())
        .collect()
}

/// Wraps `text` and pushes one text row per line, with character offsets.
fn push_wrapped(rows: &mut Vec<Row>, text: &str, source: TextSource, width: usize) {
    let mut chars_before = 0;
    let mut byte_pos = 0;
    for (a, b) in wrap_ranges(text, width) {
        chars_before += text::char_len(&text[byte_pos..a]);
        let line = &text[a..b];
        let len = text::char_len(line);
        rows.push(Row {
            kind: RowKind::Text {
                source,
                start: chars_before,
                end: chars_before + len,
            },
            text: line.to_string(),
        });
        chars_before += len;
        byte_pos = b;
    }
}

/// Wrapped stories, kept per (story index, width); cleared when it grows large.
#[derive(Debug, Default)]
pub struct WrapCache {
    entries: HashMap<(usize, u16), Arc<WrappedStory>>,
}

/// How many layouts the cache keeps before starting afresh.
const CACHE_LIMIT: usize = 64;

impl WrapCache {
    /// The layout of story `index` of `texts` at `width`, computed on first use; `titles`
    /// labels quotes whose story gives the speaker no title (see
    /// [`WrappedStory::labelled`]). The cache must be emptied when what `titles`
    /// answers changes (a reload does).
    pub fn get(
        &mut self,
        texts: Texts<'_>,
        index: usize,
        width: u16,
        titles: TitleLookup<'_>,
    ) -> Arc<WrappedStory> {
        if let Some(found) = self.entries.get(&(index, width)) {
            return Arc::clone(found);
        }
        let Some(story) = texts.story(index) else {
            return Arc::new(WrappedStory::default());
        };
        if self.entries.len() >= CACHE_LIMIT {
            self.entries.clear();
        }
        let paragraphs = texts.paragraphs(index);
        let wrapped = Arc::new(WrappedStory::labelled_text(
            story,
            &paragraphs,
            width,
            titles,
        ));
        self.entries.insert((index, width), Arc::clone(&wrapped));
        wrapped
    }

    /// How many layouts are cached.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
