//! The quotes timeline: the quotes shown ([`crate::tui::timeline`]: spoken ones, or
//! all with fragments; one speaker's; matching a search), newest first, with time,
//! speaker, words and headline, read from the corpus and cleaned for the rows drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::{keep_in_view, overlay_frame, selected_style, speaker_style};
use crate::tui::app::App;
use crate::tui::text;

/// Columns of a time with its UTC offset: `2026-03-03 09:40 +08:00`.
const FULL_TIME: usize = 23;
/// Columns of a date and time: `2026-03-03 09:40`.
const DATE_TIME: usize = 16;

/// Draws the quotes timeline into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let title = crate::tui::timeline::title(app);
    let inner = overlay_frame(frame, area, title);
    app.areas.overlay = area;
    app.areas.overlay_rows = inner.height;
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    if app.timeline_view.visible.is_empty() {
        let empty = if app.loading.is_some_and(|l| l.text_to_come) {
            // Stories listed before their text (a list reopened from the cache, or
            // found past the first ones while pages are parsed): the quotes come with it.
            "Loading the stories' text…"
        } else if app.timeline_view.narrowed() {
            "No quotes match (Esc shows every quote)"
        } else {
            "No quotes"
        };
        buf.set_stringn(
            inner.x,
            inner.y,
            empty,
            usize::from(inner.width),
            Style::new().fg(Color::Gray),
        );
        return;
    }
    let rows = usize::from(inner.height);
    let len = app.timeline_view.visible.len();
    let cursor = &mut app.timeline;
    cursor.offset = keep_in_view(cursor.selected, cursor.offset, rows, len);
    let width = usize::from(inner.width);
    // "2026-03-03 09:40 +08:00" in full on a wide screen; else the date and time,
    // dropping the offset rather than the minutes.
    let time_w = if width >= 100 {
        FULL_TIME
    } else {
        DATE_TIME.min(width)
    };
    let speaker_w = 20.min(width.saturating_sub(time_w + 1));
    let rest = width.saturating_sub(time_w + speaker_w + 2);
    let headline_w = (rest / 3).min(40);
    let text_w = rest.saturating_sub(headline_w + 1);
    let shown = app.timeline_view.visible.iter().enumerate();
    for (slot, (index, &row)) in shown.skip(cursor.offset).take(rows).enumerate() {
        let Some(row) = app.timeline_rows.get(row) else {
            continue;
        };
        // The row's text, read from the corpus and cleaned for the visible rows only.
        let shown = row.shown(&app.corpus);
        let y = inner.y + slot as u16;
        // A fragment is no one's speech: it is never labelled as unattributed speech.
        let (speaker, speaker_look) = if row.partial {
            ("(fragment)", app.styles.partial_quote)
        } else if shown.speaker.is_empty() {
            ("Unattributed", speaker_style(&app.styles, None))
        } else {
            let look = speaker_style(&app.styles, Some(&shown.speaker));
            (&*shown.speaker, look)
        };
        let shown_time = if time_w >= FULL_TIME {
            shown.time.as_str()
        } else {
            shown.time.get(..DATE_TIME).unwrap_or(&shown.time)
        };
        let quote_style = if row.partial {
            app.styles.partial_quote
        } else {
            Style::new()
        };
        let mut line = Line::from(vec![
            Span::styled(text::fit(shown_time, time_w), Style::new().fg(Color::Gray)),
            Span::raw(" "),
            Span::styled(
                text::fit(speaker, speaker_w),
                speaker_look.add_modifier(Modifier::BOLD),
            ),
            Span::raw(" "),
            Span::styled(text::fit(&shown.words, text_w), quote_style),
            Span::raw(" "),
            Span::styled(
                text::fit(&shown.headline, headline_w),
                Style::new().fg(Color::DarkGray),
            ),
        ]);
        if index == cursor.selected {
            let style = selected_style(&app.styles, true);
            line = line.patch_style(style);
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
