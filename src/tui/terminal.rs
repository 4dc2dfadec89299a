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
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

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

/// Installs (once per process) a panic hook that restores the terminal and then
/// runs the hook that was there before, which prints the message on the normal
/// screen.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
