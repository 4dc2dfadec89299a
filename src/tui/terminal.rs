//! The terminal session: raw mode, the alternate screen and mouse capture while the
//! reader runs, and their restoration on every way out.
//!
//! [`TerminalSession`] is a guard: dropping it restores the terminal, so quitting and
//! returning an error both restore. A panic hook (installed once, by the first
//! session) restores before the panic message is printed, so the message lands on the
//! normal screen. [`restore`] only acts while a session is active, so restoring twice
//! (hook, then guard) is harmless.

use std::io::{self, IsTerminal, Stdout};
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, OnceLock};
use std::thread::{self, ThreadId};

use anyhow::{Context, bail};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal the reader draws on.
pub type ReaderTerminal = Terminal<CrosstermBackend<Stdout>>;

/// Whether the terminal is (possibly partly) in the reader's modes, so that
/// [`restore`] has something to undo.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The thread that draws: only a panic there ends the reader. A panic on another
/// thread (loading) is caught there and reported in the reader instead.
static UI_THREAD: OnceLock<ThreadId> = OnceLock::new();

/// Guards the one-time installation of the restoring panic hook.
static PANIC_HOOK: Once = Once::new();

/// The reader's hold on the terminal: raw mode, the alternate screen and mouse
/// capture from [`TerminalSession::enter`] until the session is dropped.
pub struct TerminalSession {
    terminal: ReaderTerminal,
    _restore: RestoreOnDrop,
}

impl TerminalSession {
    /// Takes over the terminal. Fails with a one-line error, touching nothing, when
    /// standard output is not a terminal; if a later step fails, whatever was already
    /// changed is restored before the error is returned.
    pub fn enter() -> anyhow::Result<Self> {
        if !io::stdout().is_terminal() {
            bail!(
                "standard output is not a terminal, which the reader needs \
                 (`dateline export` and `dateline stats` write to files and pipes)"
            );
        }
        let _ = UI_THREAD.set(thread::current().id());
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        let restore = RestoreOnDrop;
        enable_raw_mode().context("cannot switch the terminal to raw mode")?;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
            .context("cannot set up the terminal screen")?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))
            .context("cannot start drawing on the terminal")?;
        Ok(Self {
            terminal,
            _restore: restore,
        })
    }

    /// The terminal to draw on.
    pub fn terminal(&mut self) -> &mut ReaderTerminal {
        &mut self.terminal
    }
}

/// Restores the terminal when dropped (also while unwinding).
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was: cooked mode with echo, mouse capture off, the
/// normal screen, the cursor shown. Does nothing unless a session is active, so it
/// is safe to call any number of times; errors are ignored (the terminal may be
/// gone, e.g. after a hang-up), each step is tried regardless.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

/// Installs (once per process) a panic hook. A panic on the drawing thread restores
/// the terminal and then runs the hook that was there before, which prints the message
/// on the normal screen (sanitised first when it holds control characters: a message
/// can quote page text). A panic on another thread while the reader runs prints
/// nothing, which would garble the screen: that thread reports it to the reader.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let on_ui_thread = UI_THREAD
                .get()
                .is_none_or(|id| *id == thread::current().id());
            if !on_ui_thread && ACTIVE.load(Ordering::SeqCst) {
                return;
            }
            restore();
            let message = panic_message(info);
            let clean = crate::ingest::sanitize::sanitize_line(&message);
            if clean == message {
                previous(info);
            } else {
                let place = info
                    .location()
                    .map(|l| format!(" at {l}"))
                    .unwrap_or_default();
                eprintln!("dateline panicked{place}: {clean}");
            }
        }));
    });
}

/// The text a panic was raised with.
pub fn panic_message(info: &panic::PanicHookInfo<'_>) -> String {
    payload_text(info.payload())
}

/// The text of a panic payload (`panic!` with a message, or a string).
pub fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}
