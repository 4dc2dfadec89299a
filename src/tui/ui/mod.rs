//! Drawing the reader, one module per pane.
//!
//! Drawing reads the state and the cached layouts; it records where each pane went
//! (for the mouse) and keeps selections in view, but never changes what the user
//! is looking at. Only visible rows are drawn.

pub mod help;
pub mod list;
pub mod quotes;
pub mod reader;
pub mod speakers;
pub mod status;
pub mod warnings;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Overlay};
use crate::config::Styles;

/// The smallest screen the reader draws; below it a short notice is shown.
pub const MIN_WIDTH: u16 = 40;
/// The fewest rows the reader draws.
pub const MIN_HEIGHT: u16 = 8;
/// The start of the notice shown on a screen too small to read on.
pub const TOO_SMALL: &str = "Terminal too small";

/// The notice on a `width` x `height` screen below the minimum: the minimum, the size
/// there is, and that keys wait.
pub fn too_small_notice(width: u16, height: u16) -> String {
    format!(
        "{TOO_SMALL}: need at least {MIN_WIDTH}x{MIN_HEIGHT}, have {width}x{height}. \
         Keys wait until it is larger (Ctrl-C quits)."
    )
}

/// The colour of unattributed quotes (themes colour speakers only).
pub const UNATTRIBUTED: Color = Color::Gray;

/// The style a speaker's quotes are always shown in: the same name, the same entry of
/// the theme's quote palette, in every pane and every run. Unattributed quotes are
/// grey.
pub fn speaker_style(styles: &Styles, name: Option<&str>) -> Style {
    match name {
        Some(name) => {
            let hash = xxhash_rust::xxh3::xxh3_64(name.as_bytes());
            let slots = styles.quote_palette.len().max(1) as u64;
            styles.speaker((hash % slots) as usize)
        }
        None => Style::new().fg(UNATTRIBUTED),
    }
}

/// The style of the current quote's words (the one last jumped to).
pub fn current_quote_style(styles: &Styles, speaker: Style) -> Style {
    speaker
        .patch(styles.current_quote)
        .add_modifier(Modifier::BOLD)
}

/// The style of the search match last jumped to.
pub fn current_match_style(styles: &Styles) -> Style {
    styles
        .search_match
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// The style of the selected row: the theme's selection when the pane has the
/// keyboard, a quieter one when not.
pub fn selected_style(styles: &Styles, focused: bool) -> Style {
    if focused {
        styles.selection.add_modifier(Modifier::BOLD)
    } else {
        styles.inactive_selection
    }
}

/// The border of a pane, highlighted when it has the keyboard.
pub fn pane_block(title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}

/// Draws the whole screen for the app's state.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    app.too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    if app.too_small {
        app.areas = Default::default();
        let notice = too_small_notice(area.width, area.height);
        frame.render_widget(Paragraph::new(notice).wrap(Wrap { trim: true }), area);
        if app.ascii {
            super::glyphs::to_ascii(frame.buffer_mut());
        }
        return;
    }
    let [main, status_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let [list_area, reader_area] =
        Layout::horizontal([Constraint::Percentage(36), Constraint::Fill(1)]).areas(main);
    list::render(frame, list_area, app);
    reader::render(frame, reader_area, app);
    status::render(frame, status_area, app);
    app.areas.overlay = Rect::default();
    app.areas.overlay_rows = 0;
    match app.overlay {
        Overlay::None => {}
        Overlay::Speakers => speakers::render(frame, popup(main), app),
        Overlay::Timeline => quotes::render(frame, popup(main), app),
        Overlay::Help => help::render(frame, popup(main), app),
        Overlay::Warnings => warnings::render(frame, popup(main), app),
    }
    if app.no_color {
        strip_colours(frame.buffer_mut());
    }
    if app.ascii {
        super::glyphs::to_ascii(frame.buffer_mut());
    }
}

/// Takes every colour out of `buf`, keeping bold, reverse, underline, italic and dim:
/// with `NO_COLOR` not one cell is coloured, whatever a pane asked for.
pub fn strip_colours(buf: &mut Buffer) {
    for cell in &mut buf.content {
        cell.set_fg(Color::Reset);
        cell.set_bg(Color::Reset);
    }
}

/// The area of an overlay: most of the main area, centred.
fn popup(main: Rect) -> Rect {
    main.centered(Constraint::Percentage(90), Constraint::Percentage(90))
}

/// Clears an overlay's area and draws its border; returns the area inside.
fn overlay_frame(frame: &mut Frame, area: Rect, title: String) -> Rect {
    frame.render_widget(Clear, area);
    let block = pane_block(title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Keeps `selected` within `offset..offset + rows` of a list of `len` rows, and the
/// view full: never more rows hidden above than needed to fill the view to the end
/// (so a screen grown taller shows more rows above, not blank ones below).
fn keep_in_view(selected: usize, offset: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    };
    offset.min(len.saturating_sub(rows))
}
