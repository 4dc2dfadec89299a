//! The help overlay, generated from the key table with the keys in effect (so a
//! key rebound in the configuration file shows as it works).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::overlay_frame;
use crate::tui::keymap::{KEYS, Key, Keymap, TYPING_KEYS, labels};

/// The width of the keys column.
const KEYS_WIDTH: usize = 22;

/// The help text for the keys in `keymap`, one line per action, under two section
/// headings.
pub fn lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let heading = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    let mut out = vec![Line::from(Span::styled("Keys", heading))];
    out.extend(
        KEYS.iter()
            .map(|b| binding_line(keymap.keys_for(b.action), b.help)),
    );
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "While typing a search or a speaker filter",
        heading,
    )));
    out.extend(
        TYPING_KEYS
            .iter()
            .map(|t| binding_line(&keymap.typing_keys_for(t.action), t.help)),
    );
    out.push(Line::default());
    out.push(Line::from(
        "Mouse: the wheel scrolls the pane under the pointer; a click selects a story.",
    ));
    out
}

/// How many lines the help has.
pub fn line_count() -> usize {
    KEYS.len() + TYPING_KEYS.len() + 5
}

fn binding_line(keys: &[Key], help: &'static str) -> Line<'static> {
    let keys = format!("  {:<width$}", labels(keys), width = KEYS_WIDTH);
    Line::from(vec![
        Span::styled(keys, Style::new().fg(Color::Yellow)),
        Span::raw(help),
    ])
}

/// Draws the help overlay into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &mut super::App) {
    let inner = overlay_frame(frame, area, " Help (Esc closes) ".to_string());
    app.areas.overlay = area;
    app.areas.overlay_rows = inner.height;
    let all = lines(&app.keymap);
    app.help_scroll = app
        .help_scroll
        .min(all.len().saturating_sub(usize::from(inner.height)));
    let buf = frame.buffer_mut();
    for (slot, line) in all
        .iter()
        .skip(app.help_scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + slot as u16, line, inner.width);
    }
}
