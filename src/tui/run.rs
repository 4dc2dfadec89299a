//! The reader's main loop: set up the terminal and the events, then handle events
//! and redraw until the user quits or a signal arrives.

use std::iter;

use anyhow::Context;
use ratatui::crossterm::event::{Event as TerminalEvent, KeyEvent, KeyEventKind};

use super::app::App;
use super::event::{Event, Events};
use super::loading::{self, Loading, Source};
use super::terminal::{ReaderTerminal, TerminalSession};
use super::{keymap, ui, update};
use crate::model::Corpus;

/// Runs the reader on a corpus until the user quits. The terminal is restored on
/// every way out: quitting, an error, a panic, or a terminating signal (SIGTERM,
/// SIGHUP, SIGINT), after which the process exits with status 128 + signal.
pub fn run(corpus: Corpus) -> anyhow::Result<()> {
    let mut app = App::new(corpus);
    let events = Events::new().context("cannot listen for signals")?;
    let mut session = TerminalSession::enter()?;
    events
        .read_terminal()
        .context("cannot start reading the terminal")?;
    let end = event_loop(session.terminal(), &mut app, &events)?;
    drop(session);
    if let End::Signal(signal) = end {
        std::process::exit(128 + signal);
    }
    Ok(())
}

/// Runs the reader while `source` loads in the background: the first frame (an empty
/// list with a progress bar) is drawn at once, stories fill the list as they are
/// found, and the final corpus replaces them when loading ends.
pub fn run_loading(source: Source) -> anyhow::Result<()> {
    let mut app = App::new(Corpus::default());
    app.loading = Some(Loading::new());
    let events = Events::new().context("cannot listen for signals")?;
    let mut session = TerminalSession::enter()?;
    loading::spawn(source, events.sender()).context("cannot start loading")?;
    events
        .read_terminal()
        .context("cannot start reading the terminal")?;
    let end = event_loop(session.terminal(), &mut app, &events)?;
    drop(session);
    if let End::Signal(signal) = end {
        std::process::exit(128 + signal);
    }
    Ok(())
}

/// The most events handled between two frames, so a flood of loading events never
/// holds the screen back.
const MAX_EVENTS_PER_FRAME: usize = 256;

/// Why the event loop ended.
enum End {
    /// The user quit.
    Quit,
    /// A terminating signal arrived.
    Signal(i32),
}

/// Draws, then blocks for events; after each batch of waiting events, redraws if
/// anything changed.
fn event_loop(
    terminal: &mut ReaderTerminal,
    app: &mut App,
    events: &Events,
) -> anyhow::Result<End> {
    terminal.draw(|frame| ui::draw(frame, app))?;
    loop {
        let first = events.wait().context("the event channel closed")?;
        let mut redraw = false;
        for event in iter::once(first).chain(events.pending().take(MAX_EVENTS_PER_FRAME)) {
            // A new kind of event (e.g. stories streamed by background loading) gets
            // its arm here.
            match event {
                Event::Terminal(input) => redraw |= on_terminal_event(app, input)?,
                Event::Signal(signal) => return Ok(End::Signal(signal)),
                Event::Load(load) => {
                    loading::apply(app, load);
                    redraw = true;
                }
                Event::InputFailed(error) => {
                    return Err(error).context("cannot read the terminal");
                }
            }
            if app.should_quit() {
                return Ok(End::Quit);
            }
        }
        if redraw {
            terminal.draw(|frame| ui::draw(frame, app))?;
        }
    }
}

/// Applies terminal input to the app; true when the screen must be redrawn.
fn on_terminal_event(app: &mut App, input: TerminalEvent) -> anyhow::Result<bool> {
    let action = match input {
        TerminalEvent::Key(key)
            if matches!(key.kind, KeyEventKind::Press | KeyEventKind::Repeat) =>
        {
            debug_trigger(&key)?;
            keymap::action_for_key(app, key)
        }
        TerminalEvent::Mouse(mouse) => keymap::action_for_mouse(app, mouse),
        TerminalEvent::Resize(..) => return Ok(true),
        _ => None,
    };
    let Some(action) = action else {
        return Ok(false);
    };
    update::update(app, action);
    Ok(true)
}

/// Debug builds only, for the restoration tests: with `DATELINE_DEBUG_PANIC=1`, F12
/// panics; with `DATELINE_DEBUG_PANIC=error`, F12 makes the loop fail with an error.
#[cfg(debug_assertions)]
fn debug_trigger(key: &KeyEvent) -> anyhow::Result<()> {
    use ratatui::crossterm::event::KeyCode;
    if key.code != KeyCode::F(12) {
        return Ok(());
    }
    match std::env::var("DATELINE_DEBUG_PANIC").as_deref() {
        Ok("1") => panic!("debug panic requested with DATELINE_DEBUG_PANIC"),
        Ok("error") => anyhow::bail!("debug error requested with DATELINE_DEBUG_PANIC"),
        _ => Ok(()),
    }
}

/// Release builds have no debug trigger.
#[cfg(not(debug_assertions))]
fn debug_trigger(_key: &KeyEvent) -> anyhow::Result<()> {
    Ok(())
}
