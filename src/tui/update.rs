//! Applying actions to the reader's state: pure, tested without a terminal.

use super::action::Action;
use super::app::App;

/// Applies one action to the app.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit | Action::Back => app.quit = true,
        Action::Down => {
            app.selected = (app.selected + 1).min(app.corpus.stories.len().saturating_sub(1))
        }
        Action::Up => app.selected = app.selected.saturating_sub(1),
    }
}
