//! Key and mouse events to actions: pure functions, tested without a terminal.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

use super::action::Action;
use super::app::App;

/// The action for a key press in the app's current mode, if any.
pub fn action_for_key(_app: &App, key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Quit),
        KeyCode::Char('q') => Some(Action::Back),
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
        _ => None,
    }
}

/// The action for a mouse event, if any.
pub fn action_for_mouse(_app: &App, _mouse: MouseEvent) -> Option<Action> {
    None
}
