//! The reader's main loop: set up the terminal and the events, then handle events
//! and redraw until the user quits or a signal arrives.

use std::iter;
use std::path::PathBuf;

use anyhow::Context;
use ratatui::crossterm::event::{Event as TerminalEvent, KeyEvent, KeyEventKind};

use super::app::App;
use super::event::{Event, Events};
use super::loading::{self, Loading, Source};
use super::terminal::{ReaderTerminal, TerminalSession};
use super::{keymap, share, ui, update};
use crate::config::Config;
use crate::model::Corpus;
use crate::state::StateStore;

/// How the reader is set up: where its state is kept, and the configuration.
#[derive(Clone, Debug, Default)]
pub struct ReaderOptions {
    /// The state database (`None`: the default location).
    pub state: Option<PathBuf>,
    /// Keys, colours and the story order.
    pub config: Config,
    /// Draw without any colour (`NO_COLOR`).
    pub no_color: bool,
    /// Draw ASCII only (`--ascii`, or a locale that is not UTF-8: see
    /// [`super::glyphs::ascii_wanted`]).
    pub ascii: bool,
}

/// Runs the reader until the user quits, while `source` loads in the background: the
/// first frame (an empty list with a progress bar) is drawn at once, stories fill the
/// list as they are found, and the final corpus replaces them when loading ends.
///
/// The terminal is restored on every way out: quitting, an error, a panic, or a
/// terminating signal (SIGTERM, SIGHUP, SIGINT), after which the process exits with
/// status 128 + signal. On quitting (or a signal) the selected story and its scroll
/// position are saved; a failure to save is printed on stderr once the terminal is
/// back.
pub fn run(source: Source, options: ReaderOptions) -> anyhow::Result<()> {
    let mut app = App::with_config(Corpus::default(), &options.config, options.no_color);
    app.ascii = options.ascii;
    app.loading = Some(Loading::new());
    let events = Events::new().context("cannot listen for signals")?;
    let mut session = TerminalSession::enter()?;
    // Only now, with a terminal to read in: a reader that cannot start leaves no
    // state file behind.
    let (mut store, error) = StateStore::open_or_unsaved(options.state.as_deref());
    // Writes happen on the drawing thread: wait for another dateline's lock briefly,
    // then report "Cannot save" rather than freeze the screen.
    let _ = store.set_busy_timeout(READER_BUSY_TIMEOUT);
    app.remember_with(store, error);
    let sender = events.sender();
    loading::spawn(source, options.config.sort, move |load| {
        let _ = sender.send(Event::Load(load));
    })
    .context("cannot start loading")?;
    events
        .read_terminal()
        .context("cannot start reading the terminal")?;
    let end = event_loop(session.terminal(), &mut app, &events);
    let unsaved = app.save_on_quit();
    drop(session);
    if let Some(problem) = unsaved {
        eprintln!(
            "dateline: warning: {}",
            crate::ingest::sanitize::sanitize_line(&problem)
        );
    }
    if let End::Signal(signal) = end? {
        std::process::exit(128 + signal);
    }
    Ok(())
}

/// How long a write waits for another process's lock on the state database.
const READER_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(250);

/// The most events handled between two frames, so a flood of loading events never
/// holds the screen back.
const MAX_EVENTS_PER_FRAME: usize = 256;

/// The longest the loop works through waiting events before it draws again: a batch
/// of loading events that takes longer to file is drawn in steps.
const FRAME_BUDGET: std::time::Duration = std::time::Duration::from_millis(30);

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
        // A long search goes on between keys: a step, a frame, a look for keys.
        let first = if app.search_in_progress() {
            match events.pending().next() {
                Some(event) => event,
                None => {
                    update::search_more(app);
                    terminal.draw(|frame| ui::draw(frame, app))?;
                    continue;
                }
            }
        } else {
            events.wait().context("the event channel closed")?
        };
        let mut redraw = false;
        let started = std::time::Instant::now();
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
            if started.elapsed() >= FRAME_BUDGET {
                break;
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
    if !app.effects.is_empty() {
        let effects = std::mem::take(&mut app.effects);
        let mut launcher = share::SystemLauncher;
        if let Some(problem) = share::perform(effects, &mut launcher, &mut std::io::stdout()) {
            app.message = Some(problem);
        }
    }
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
