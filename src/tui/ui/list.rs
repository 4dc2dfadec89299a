//! The story list: headline, date, quote count, read and starred markers, in the
//! configured order (newest first by default), or only the unread stories.
//!
//! Each story takes two rows: the read marker and the headline (truncated by
//! display width, with an ellipsis; dimmed once read), then the star (when starred),
//! the date and the quote count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::{keep_in_view, pane_block, selected_style};
use crate::tui::app::{App, Focus, Overlay, SearchSource};
use crate::tui::text;

/// The marker before an unread story.
pub const UNREAD_MARKER: &str = "●";
/// The marker before a story already opened.
pub const READ_MARKER: &str = "✓";
/// The marker under the read marker of a starred story.
pub const STAR_MARKER: &str = "★";

/// The style of the unread marker.
pub fn unread_style() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// Draws the story list into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let focused = app.focus == Focus::List && app.overlay == Overlay::None;
    let total = app.list_len();
    let view = app.search.view.and_then(|v| app.views.get(v));
    let title = if let Some(view) = view.filter(|_| app.memory.filtered()) {
        format!(" View {} ({total}) ", crate::tui::text::clean(&view.name))
    } else if app.memory.filtered() {
        format!(" Filtered stories ({total}) ")
    } else if app.memory.starred_only() {
        format!(" Starred stories ({total}) ")
    } else if app.memory.unread_only() {
        format!(" Unread stories ({total}) ")
    } else {
        format!(" Stories ({total}) ")
    };
    let block = pane_block(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.areas.list = area;
    app.areas.list_inner = inner;
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if total == 0 {
        let empty = if app.memory.unread_only() {
            "No unread stories"
        } else {
            "No stories"
        };
        frame.buffer_mut().set_stringn(
            inner.x,
            inner.y,
            empty,
            usize::from(inner.width),
            Style::new(),
        );
        return;
    }
    let per_page = usize::from(inner.height / 2).max(1);
    let selected = app.list_position(app.selected).unwrap_or(0);
    app.list_offset = keep_in_view(selected, app.list_offset, per_page, total);
    let width = usize::from(inner.width);
    let styles = &app.styles;
    let buf = frame.buffer_mut();
    for (slot, position) in (app.list_offset..total).enumerate() {
        let y = inner.y + (slot as u16) * 2;
        if y >= inner.bottom() {
            break;
        }
        let Some(index) = app.list_story(position) else {
            break;
        };
        let Some(row) = app.list_rows.get(index) else {
            break;
        };
        let is_selected = index == app.selected;
        let read = app.read.get(index).copied().unwrap_or(false);
        let starred = app.starred.get(index).copied().unwrap_or(false);
        // Read stories are dimmed, except under the selection (whose colours must
        // stay readable).
        let (marker, marker_style) = match (read, is_selected) {
            (false, _) => (UNREAD_MARKER, unread_style()),
            (true, false) => (READ_MARKER, styles.read),
            (true, true) => (READ_MARKER, Style::new()),
        };
        let headline_style = match (read, is_selected) {
            (false, _) => Style::new().add_modifier(Modifier::BOLD),
            (true, false) => styles.read,
            (true, true) => Style::new(),
        };
        let headline = text::truncate(&row.headline, width.saturating_sub(2));
        let mut spans = vec![Span::styled(marker, marker_style), Span::raw(" ")];
        let hits: Vec<(usize, usize)> = app
            .hits_in(index)
            .iter()
            .filter(|h| h.source == SearchSource::Headline)
            .map(|h| (h.start, h.end))
            .collect();
        spans.extend(highlight(
            &headline,
            &hits,
            headline_style,
            styles.search_match,
        ));
        let mut first = Line::from(spans);
        let count = match row.quotes {
            1 => "1 quote".to_string(),
            n => format!("{n} quotes"),
        };
        let star = if starred {
            Span::styled(STAR_MARKER, styles.starred)
        } else {
            Span::raw(" ")
        };
        let details = format!(" {} · {count}", row.date);
        let details_style = match (read, is_selected) {
            (_, true) => Style::new(),
            (true, false) => styles.read,
            (false, false) => Style::new().fg(Color::DarkGray),
        };
        let mut second = Line::from(vec![
            star,
            Span::styled(
                text::truncate(&details, width.saturating_sub(1)),
                details_style,
            ),
        ]);
        if is_selected {
            let style = selected_style(styles, focused);
            first = first.patch_style(style);
            second = second.patch_style(style);
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
            if y + 1 < inner.bottom() {
                buf.set_style(Rect::new(inner.x, y + 1, inner.width, 1), style);
            }
        }
        buf.set_line(inner.x, y, &first, inner.width);
        if y + 1 < inner.bottom() {
            buf.set_line(inner.x, y + 1, &second, inner.width);
        }
    }
}

/// Splits `text` into spans, styling characters inside the `(start, end)` ranges
/// (character offsets) as search matches.
fn highlight(
    text: &str,
    ranges: &[(usize, usize)],
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    if ranges.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut current = String::new();
    let mut current_hit = false;
    for (i, c) in text.chars().enumerate() {
        let hit = ranges.iter().any(|&(a, b)| a <= i && i < b);
        if hit != current_hit && !current.is_empty() {
            let style = if current_hit {
                base.patch(matched)
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut current), style));
        }
        current_hit = hit;
        current.push(c);
    }
    if !current.is_empty() {
        let style = if current_hit {
            base.patch(matched)
        } else {
            base
        };
        spans.push(Span::styled(current, style));
    }
    spans
}
