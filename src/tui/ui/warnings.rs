//! The warnings panel: every problem met while loading, one line each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::overlay_frame;
use crate::tui::app::App;
use crate::tui::text;

/// Draws the warnings panel into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let title = format!(" Warnings ({}) (Esc closes) ", app.warnings.len());
    let inner = overlay_frame(frame, area, title);
    app.areas.overlay = area;
    app.areas.overlay_rows = inner.height;
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let buf = frame.buffer_mut();
    if app.warnings.is_empty() {
        let note = if app.loading.is_some() {
            "No warnings so far (still loading)"
        } else {
            "No warnings"
        };
        buf.set_stringn(inner.x, inner.y, note, width, Style::new().fg(Color::Gray));
        return;
    }
    let rows = usize::from(inner.height);
    app.warnings_scroll = app
        .warnings_scroll
        .min(app.warnings.len().saturating_sub(rows));
    for (slot, warning) in app
        .warnings
        .iter()
        .skip(app.warnings_scroll)
        .take(rows)
        .enumerate()
    {
        let line = text::truncate(&text::clean(&warning.to_string()), width);
        buf.set_stringn(
            inner.x,
            inner.y + slot as u16,
            line,
            width,
            Style::new().fg(Color::Yellow),
        );
    }
}
