//! Drawing the reader, one module per pane.

use ratatui::Frame;
use ratatui::widgets::Paragraph;

use super::app::App;

/// Draws the whole screen for the app's state.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let text = app
        .corpus
        .stories
        .get(app.selected)
        .map(|s| s.headline.clone())
        .unwrap_or_default();
    frame.render_widget(Paragraph::new(text), frame.area());
}
