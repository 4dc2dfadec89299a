//! The terminal session and the event loop.

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::app::App;
use super::{keymap, ui, update};
use crate::model::Corpus;

/// Runs the reader on a corpus until the user quits; the terminal is restored after.
pub fn run(corpus: Corpus) -> anyhow::Result<()> {
    let mut app = App::new(corpus);
    ratatui::run(|terminal| -> anyhow::Result<()> {
        while !app.should_quit() {
            terminal.draw(|frame| ui::draw(frame, &mut app))?;
            let action = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    keymap::action_for_key(&app, key)
                }
                Event::Mouse(mouse) => keymap::action_for_mouse(&app, mouse),
                _ => None,
            };
            if let Some(action) = action {
                update::update(&mut app, action);
            }
        }
        Ok(())
    })
}
