//! The help overlay, generated from the key table with the keys in effect (so a
//! key rebound in the configuration file shows as it works); it scrolls, and its
//! border says how much is hidden below and above.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::overlay_frame;
use crate::action::Action;
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
        "Search: a query with field: or - terms (speaker: section: source: byline: since: \
         until: unread starred has:quotes) filters the list on Enter.",
    ));
    out.push(Line::from(
        "Quotes: ] [ } {, the timeline and the speaker counts take spoken quotes; f adds \
         fragments.",
    ));
    out.push(Line::from(
        "Timeline: / searches it, Ctrl-t narrows it to a speaker (also from the speakers panel).",
    ));
    out.push(Line::from(
        "Mouse: the wheel scrolls the pane under the pointer; a click selects a story.",
    ));
    out
}

/// The saved views of the configuration, under their own heading (none: no lines).
pub fn view_lines(views: &[crate::config::View]) -> Vec<Line<'static>> {
    if views.is_empty() {
        return Vec::new();
    }
    let heading = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    let mut out = vec![
        Line::default(),
        Line::from(Span::styled(
            "Saved views ([views] in config.toml)",
            heading,
        )),
    ];
    for view in views {
        let keys = format!("  {:<width$}", view.key.label(), width = KEYS_WIDTH);
        out.push(Line::from(vec![
            Span::styled(keys, Style::new().fg(Color::Yellow)),
            Span::raw(crate::tui::text::clean(&format!(
                "{}: {}",
                view.name, view.filter
            ))),
        ]));
    }
    out
}

/// How many lines the help has with the views of `app`.
pub fn total_lines(app: &super::App) -> usize {
    line_count() + view_lines(&app.views).len()
}

/// How many lines the help has (without saved views).
pub fn line_count() -> usize {
    KEYS.len() + TYPING_KEYS.len() + 8
}

fn binding_line(keys: &[Key], help: &'static str) -> Line<'static> {
    let keys = format!("  {:<width$}", labels(keys), width = KEYS_WIDTH);
    Line::from(vec![
        Span::styled(keys, Style::new().fg(Color::Yellow)),
        Span::raw(help),
    ])
}

/// Draws the help overlay into `area`: the lines from [`App::help_scroll`](crate::tui::app::App::help_scroll) on, and
/// on its border how many lines are hidden above and below, with the keys that scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &mut super::App) {
    let inner = overlay_frame(frame, area, " Help (Esc closes) ".to_string());
    app.areas.overlay = area;
    app.areas.overlay_rows = inner.height;
    let mut all = lines(&app.keymap);
    all.extend(view_lines(&app.views));
    let rows = usize::from(inner.height);
    app.help_scroll = app.help_scroll.min(all.len().saturating_sub(rows));
    let buf = frame.buffer_mut();
    for (slot, line) in all.iter().skip(app.help_scroll).take(rows).enumerate() {
        buf.set_line(inner.x, inner.y + slot as u16, line, inner.width);
    }
    let below = all.len().saturating_sub(app.help_scroll + rows);
    let key = |action| {
        app.keymap
            .keys_for(action)
            .first()
            .map_or_else(String::new, |k| format!(" ({})", k.label()))
    };
    let style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    if below > 0 {
        let note = format!(" ↓ {below} more{} ", key(Action::Down));
        border_note(buf, area, area.bottom().saturating_sub(1), &note, style);
    }
    if app.help_scroll > 0 {
        let note = format!(" ↑ {} above{} ", app.help_scroll, key(Action::Up));
        border_note(buf, area, area.y, &note, style);
    }
}

/// Writes `note` at the right of border row `y` of `area`, if it fits.
fn border_note(buf: &mut ratatui::buffer::Buffer, area: Rect, y: u16, note: &str, style: Style) {
    let width = crate::tui::text::width(note) as u16;
    if area.height < 2 || width + 4 > area.width {
        return;
    }
    buf.set_string(area.right() - width - 2, y, note, style);
}
