//! The speakers panel: every quoted speaker with title and quote count, most quoted
//! first, filtered by what is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::{keep_in_view, overlay_frame, selected_style, speaker_style};
use crate::tui::app::App;

/// Draws the speakers panel into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let panel = &app.speakers_panel;
    let title = format!(
        " Speakers ({}/{}) ",
        panel.visible.len(),
        app.speakers.len()
    );
    let inner = overlay_frame(frame, area, title);
    app.areas.overlay = area;
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    let filter = Line::from(vec![
        Span::styled("Filter: ", Style::new().fg(Color::Gray)),
        Span::raw(app.speakers_panel.filter.clone()),
        Span::styled("_", Style::new().add_modifier(Modifier::SLOW_BLINK)),
    ]);
    buf.set_line(inner.x, inner.y, &filter, inner.width);
    let rows = inner.height.saturating_sub(1);
    app.areas.overlay_rows = rows;
    let panel = &mut app.speakers_panel;
    let len = panel.visible.len();
    panel.offset = keep_in_view(panel.selected, panel.offset, usize::from(rows), len);
    if panel.visible.is_empty() && rows > 0 {
        // Stories listed before their text (a list reopened from the cache, or found
        // past the first ones while pages are parsed): the speakers come with it.
        let waiting = app.loading.is_some_and(|l| l.text_to_come);
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            if waiting {
                "Loading the stories' text…"
            } else {
                "No speaker matches"
            },
            usize::from(inner.width),
            Style::new().fg(Color::Gray),
        );
        return;
    }
    for (slot, (row_index, &speaker)) in panel
        .visible
        .iter()
        .enumerate()
        .skip(panel.offset)
        .take(usize::from(rows))
        .enumerate()
    {
        let Some(entry) = app.speakers.get(speaker) else {
            continue;
        };
        let y = inner.y + 1 + slot as u16;
        let count = match entry.quotes.len() {
            1 => "1 quote".to_string(),
            n => format!("{n} quotes"),
        };
        let speaker_look = speaker_style(&app.styles, Some(&entry.name));
        let mut spans = vec![
            Span::styled(format!("{count:>10}  "), Style::new().fg(Color::Gray)),
            Span::styled(
                entry.display.clone(),
                speaker_look.add_modifier(Modifier::BOLD),
            ),
        ];
        if !entry.titles.is_empty() {
            spans.push(Span::raw(format!(", {}", entry.titles.join("; "))));
        }
        let mut line = Line::from(spans);
        if row_index == panel.selected {
            let style = selected_style(&app.styles, true);
            line = line.patch_style(style);
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
