//! The reading pane: the selected story's header and wrapped body, every direct
//! quote highlighted in its speaker's colour, with a label row naming the speaker,
//! title and time, a gutter marking quoted rows, and a scroll position indicator.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::{current_match_style, current_quote_style, pane_block, speaker_style};
use crate::config::Styles;
use crate::model::Story;
use crate::tui::app::{App, Focus, Overlay, SearchHit};
use crate::tui::wrap::{QuoteMark, RowKind, TextSource, WrappedStory};

/// Columns left of the text for the quote gutter.
pub const GUTTER: u16 = 2;
/// The gutter mark on rows of a quote.
pub const QUOTE_MARK: &str = "▌";
/// The gutter mark on rows of the current quote.
pub const CURRENT_MARK: &str = ">";

/// Draws the reading pane into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let focused = app.focus == Focus::Reader && app.overlay == Overlay::None;
    let block = pane_block(" Story ".to_string(), focused);
    let inner = block.inner(area);
    app.areas.reader = area;
    let text_area = Rect {
        x: inner.x.saturating_add(GUTTER),
        width: inner.width.saturating_sub(GUTTER),
        ..inner
    };
    app.areas.reader_text = text_area;
    if app.corpus.stories.is_empty() || text_area.width == 0 || text_area.height == 0 {
        frame.render_widget(block, area);
        return;
    }
    let wrapped = app.wrapped();
    let height = usize::from(text_area.height);
    let max_scroll = wrapped.len().saturating_sub(height);
    // A story still waiting for its text keeps the place it was left at for when the
    // text comes (a list reopened from the cache, or stories found past the first
    // ones while pages are parsed), and shows `loading…` below its header.
    let waiting = app.waits_for_text(app.selected);
    if !waiting {
        app.scroll = app.scroll.min(max_scroll);
    }
    let top = app.scroll.min(max_scroll);
    let bottom = (top + height).min(wrapped.len());
    let indicator = if wrapped.len() <= height {
        " All ".to_string()
    } else {
        let percent = (top * 100).checked_div(max_scroll).unwrap_or(100);
        format!(" {}-{}/{} {percent}% ", top + 1, bottom, wrapped.len())
    };
    let block = block.title_bottom(Line::from(indicator).right_aligned());
    frame.render_widget(block, area);

    let story = &app.corpus.stories[app.selected];
    let hits = app.hits_in(app.selected);
    let current_hit = app
        .search
        .current
        .and_then(|i| app.search.hits.get(i))
        .copied();
    let view = View {
        styles: &app.styles,
        story,
        wrapped: &wrapped,
        current_quote: app.current_quote,
        hits,
        current_hit,
    };
    let buf = frame.buffer_mut();
    for (offset, row_index) in (top..bottom).enumerate() {
        let y = text_area.y + offset as u16;
        let (gutter, line) = view.row(row_index);
        if let Some(gutter) = gutter {
            buf.set_span(inner.x, y, &gutter, GUTTER);
        }
        buf.set_line(text_area.x, y, &line, text_area.width);
    }
    let below = wrapped.len().saturating_sub(top);
    if waiting && below < height {
        let y = text_area.y + below as u16;
        buf.set_string(text_area.x, y, "loading…", Style::new().fg(Color::Gray));
    }
}

/// What one frame of the reading pane needs to style its rows.
struct View<'a> {
    styles: &'a Styles,
    story: &'a Story,
    wrapped: &'a WrappedStory,
    current_quote: Option<usize>,
    hits: &'a [SearchHit],
    current_hit: Option<SearchHit>,
}

impl View<'_> {
    /// The style of the speaker of `quote`.
    fn speaker(&self, quote: usize) -> Style {
        speaker_style(
            self.styles,
            self.story
                .quotes
                .get(quote)
                .and_then(|q| q.speaker.as_deref()),
        )
    }

    fn partial(&self, quote: usize) -> bool {
        self.story.quotes.get(quote).is_some_and(|q| q.partial)
    }

    fn mark_style(&self, quote: usize) -> Style {
        let speaker = self.speaker(quote);
        if self.current_quote == Some(quote) {
            current_quote_style(self.styles, speaker)
        } else if self.partial(quote) {
            self.styles.partial_quote
        } else {
            speaker
        }
    }

    /// The gutter span and the text line for row `index`.
    fn row(&self, index: usize) -> (Option<Span<'static>>, Line<'static>) {
        let Some(row) = self.wrapped.rows.get(index) else {
            return (None, Line::default());
        };
        match row.kind {
            RowKind::Text { source, start, end } => {
                let marks: &[QuoteMark] = match source {
                    TextSource::Paragraph(p) => {
                        self.wrapped.marks.get(p).map_or(&[], Vec::as_slice)
                    }
                    TextSource::Headline => &[],
                };
                let in_row: Vec<QuoteMark> = marks
                    .iter()
                    .filter(|m| m.start < end && m.end > start)
                    .copied()
                    .collect();
                let gutter = self.gutter(&in_row);
                let base = match source {
                    TextSource::Headline => Style::new().add_modifier(Modifier::BOLD),
                    TextSource::Paragraph(_) => Style::new(),
                };
                let line = self.styled_text(&row.text, source, start, &in_row, base);
                (gutter, line)
            }
            RowKind::Label { quote } => {
                let speaker = self.speaker(quote).add_modifier(Modifier::BOLD);
                let current = self.current_quote == Some(quote);
                let mut style = speaker;
                if current {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                let mark = if current { CURRENT_MARK } else { QUOTE_MARK };
                let gutter = Span::styled(mark, speaker);
                (
                    Some(gutter),
                    Line::from(Span::styled(row.text.clone(), style)),
                )
            }
            RowKind::Meta => (
                None,
                Line::from(Span::styled(row.text.clone(), Style::new().fg(Color::Gray))),
            ),
            RowKind::Rule => (
                None,
                Line::from(Span::styled(
                    row.text.clone(),
                    Style::new().fg(Color::DarkGray),
                )),
            ),
            RowKind::Blank => (None, Line::default()),
        }
    }

    fn gutter(&self, in_row: &[QuoteMark]) -> Option<Span<'static>> {
        if let Some(current) = in_row.iter().find(|m| Some(m.quote) == self.current_quote) {
            let style = self.speaker(current.quote).add_modifier(Modifier::BOLD);
            return Some(Span::styled(CURRENT_MARK, style));
        }
        let first = in_row.iter().find(|m| !self.partial(m.quote))?;
        Some(Span::styled(QUOTE_MARK, self.speaker(first.quote)))
    }

    /// Styles a text row grapheme by grapheme: quote marks, then search matches.
    fn styled_text(
        &self,
        text: &str,
        source: TextSource,
        row_start: usize,
        marks: &[QuoteMark],
        base: Style,
    ) -> Line<'static> {
        // Only the matches on this row: the per-grapheme lookups below stay short
        // however many matches the story holds.
        let row_end = row_start + text.chars().count();
        let hits: Vec<(SearchHit, bool)> = self
            .hits
            .iter()
            .filter(|h| h.source.text_source() == source && h.start < row_end && h.end > row_start)
            .map(|h| (*h, Some(*h) == self.current_hit))
            .collect();
        let marks: Vec<&QuoteMark> = marks
            .iter()
            .filter(|m| m.start < row_end && m.end > row_start)
            .collect();
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_style = base;
        let mut char_index = row_start;
        for g in text.graphemes(true) {
            let at = char_index;
            char_index += g.chars().count();
            let mut style = base;
            let mut best: Option<&QuoteMark> = None;
            for &m in marks.iter().filter(|m| m.start <= at && at < m.end) {
                let better = match best {
                    None => true,
                    Some(b) => {
                        Some(m.quote) == self.current_quote && Some(b.quote) != self.current_quote
                    }
                };
                if better {
                    best = Some(m);
                }
            }
            if let Some(m) = best {
                style = style.patch(self.mark_style(m.quote));
            }
            if let Some((_, current)) = hits.iter().find(|(h, _)| h.start <= at && at < h.end) {
                style = style.patch(if *current {
                    current_match_style(self.styles)
                } else {
                    self.styles.search_match
                });
            }
            if style != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            run.push_str(g);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        Line::from(spans)
    }
}
