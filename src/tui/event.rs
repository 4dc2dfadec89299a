//! Everything that wakes the reader's event loop, on one channel.
//!
//! Producers run on their own threads and send [`Event`]s: one thread reads the
//! terminal, one waits for termination signals. The loop blocks on the channel, so
//! an idle reader uses no CPU.
//!
//! To add a producer (e.g. background loading that streams stories and progress),
//! add a variant to [`Event`], give the producer a sender from [`Events::sender`],
//! and handle the variant in the loop in [`super::run`](mod@super::run).

use std::io;
use std::sync::mpsc::{self, Receiver, Sender, TryIter};
use std::thread;

use ratatui::crossterm::event as terminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};

/// The signals that end the reader: the terminal is restored, then the process
/// exits with status 128 + signal.
pub const TERMINATING_SIGNALS: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

/// One thing that happened, for the event loop to handle.
#[derive(Debug)]
pub enum Event {
    /// Input from the terminal: a key, the mouse, a resize.
    Terminal(terminal::Event),
    /// Reading the terminal failed; the reader cannot go on.
    InputFailed(io::Error),
    /// A terminating signal arrived (one of [`TERMINATING_SIGNALS`]).
    Signal(i32),
    /// Background loading found stories, made progress, or finished.
    Load(super::loading::LoadEvent),
}

/// The event channel and its producers.
///
/// Creating it registers the [`TERMINATING_SIGNALS`] at once (so a signal from then on
/// ends the reader cleanly instead of killing it with the terminal in raw mode);
/// [`Events::read_terminal`] starts reading input. Dropping it stops listening for
/// signals; the input thread ends at its next event.
pub struct Events {
    sender: Sender<Event>,
    receiver: Receiver<Event>,
    signals: Handle,
}

impl Events {
    /// Opens the channel and starts forwarding terminating signals to it.
    pub fn new() -> io::Result<Self> {
        let (sender, receiver) = mpsc::channel();
        let mut signals = Signals::new(TERMINATING_SIGNALS)?;
        let handle = signals.handle();
        let to_loop = sender.clone();
        thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    if to_loop.send(Event::Signal(signal)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Self {
            sender,
            receiver,
            signals: handle,
        })
    }

    /// Starts the thread that reads terminal input and forwards it. Call once the
    /// terminal is in raw mode.
    pub fn read_terminal(&self) -> io::Result<()> {
        let to_loop = self.sender.clone();
        thread::Builder::new()
            .name("terminal-input".into())
            .spawn(move || {
                let _report_panic = ReportPanic(to_loop.clone());
                loop {
                    let (event, failed) = match terminal::read() {
                        Ok(event) => (Event::Terminal(event), false),
                        Err(error) => (Event::InputFailed(error), true),
                    };
                    if to_loop.send(event).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(())
    }

    /// A sender for another producer's events.
    pub fn sender(&self) -> Sender<Event> {
        self.sender.clone()
    }

    /// Blocks until the next event. `None` only if every sender is gone, which cannot
    /// happen while `self` holds one.
    pub fn wait(&self) -> Option<Event> {
        self.receiver.recv().ok()
    }

    /// The events already waiting, without blocking.
    pub fn pending(&self) -> TryIter<'_, Event> {
        self.receiver.try_iter()
    }
}

/// Tells the loop if the input thread dies of a panic, so the reader ends instead of
/// waiting for input that will never come.
struct ReportPanic(Sender<Event>);

impl Drop for ReportPanic {
    fn drop(&mut self) {
        if thread::panicking() {
            let failure = io::Error::other("the terminal input thread panicked");
            let _ = self.0.send(Event::InputFailed(failure));
        }
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        self.signals.close();
    }
}
