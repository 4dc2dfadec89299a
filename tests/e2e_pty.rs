//! End-to-end tests of the reader in a real pseudo-terminal.
//!
//! Each test starts the `dateline` binary with no arguments (the bundled samples) in
//! a 100x30 pty with TERM=xterm-256color, reads everything it writes into a `vt100`
//! parser, and checks the terminal is handed back in its normal state whatever way
//! the reader ends: `q`, Ctrl-C, a panic, an error, SIGTERM, SIGHUP or SIGINT.
//! "Normal state" means: the alternate screen was left, the cursor is shown, mouse
//! reporting is off (from the parser and from the escape sequences seen), and the pty
//! is back in cooked mode with echo (from `tcgetattr` on the pty).
//!
//! A signal ends the reader with exit status 128 + signal number (143 for SIGTERM,
//! 129 for SIGHUP, 130 for SIGINT), after the terminal is restored.
//!
//! Every wait polls the parsed screen against a generous deadline and kills the child
//! when the deadline passes, so a failing test never hangs.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// Screen size of the pty.
const ROWS: NonZeroU16 = NonZeroU16::new(30).unwrap();
const COLS: NonZeroU16 = NonZeroU16::new(100).unwrap();

/// How long any one wait may take before the test fails (CI is a slow 2-core machine).
const DEADLINE: Duration = Duration::from_secs(20);

/// How long the reader must have written nothing for its output to count as settled.
const QUIET: Duration = Duration::from_millis(300);

/// Key bytes as a terminal sends them.
const KEY_ESC: &[u8] = b"\x1b";
const KEY_CTRL_C: &[u8] = b"\x03";
const KEY_F12: &[u8] = b"\x1b[24~";
/// A mouse wheel scroll down at column 10, row 5 (SGR encoding).
const MOUSE_SCROLL_DOWN: &[u8] = b"\x1b[<65;10;5M";

/// Everything the reader wrote, parsed and raw.
struct Capture {
    parser: vt100::Parser,
    raw: Vec<u8>,
    last_output: Instant,
    closed: bool,
}

impl Capture {
    fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    fn raw_contains(&self, sequence: &str) -> bool {
        self.raw
            .windows(sequence.len())
            .any(|w| w == sequence.as_bytes())
    }

    fn last_position(&self, sequence: &str) -> Option<usize> {
        self.raw
            .windows(sequence.len())
            .rposition(|w| w == sequence.as_bytes())
    }

    /// A description for failure messages.
    fn describe(&self) -> String {
        format!(
            "alternate screen: {}, cursor hidden: {}, mouse: {:?}\n--- screen ---\n{}\n--- raw tail ---\n{:?}",
            self.screen().alternate_screen(),
            self.screen().hide_cursor(),
            self.screen().mouse_protocol_mode(),
            self.screen().contents(),
            String::from_utf8_lossy(&self.raw[self.raw.len().saturating_sub(400)..]),
        )
    }
}

/// The reader running in a pty.
struct Reader {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    keyboard: Box<dyn Write + Send>,
    capture: Arc<Mutex<Capture>>,
    /// The reader's own XDG state and config homes, so no test touches the user's.
    _homes: tempfile::TempDir,
}

impl Reader {
    /// Starts `dateline` (no arguments: the samples) with extra environment variables.
    fn start(env: &[(&str, &str)]) -> Reader {
        Reader::start_with(&[], env)
    }

    /// Starts `dateline ARGS` with extra environment variables; the state and
    /// configuration homes are fresh temporary directories.
    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Reader {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS.get(),
                cols: COLS.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let homes = tempfile::tempdir().expect("temporary homes");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("XDG_STATE_HOME", homes.path().join("state"));
        command.env("XDG_CONFIG_HOME", homes.path().join("config"));
        command.env_remove("NO_COLOR");
        command.env_remove("DATELINE_DEBUG_PANIC");
        // A panic's message must fit on the screen, without a backtrace after it.
        command.env("RUST_BACKTRACE", "0");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("start dateline");
        // Only the child holds the pty's other end now, so reading ends when it exits.
        drop(pair.slave);

        let capture = Arc::new(Mutex::new(Capture {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            raw: Vec::new(),
            last_output: Instant::now(),
            closed: false,
        }));
        let mut output = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&capture);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let n = output.read(&mut buf).unwrap_or(0);
                let mut capture = sink.lock().unwrap_or_else(|e| e.into_inner());
                if n == 0 {
                    capture.closed = true;
                    break;
                }
                capture.parser.process(&buf[..n]);
                capture.raw.extend_from_slice(&buf[..n]);
                capture.last_output = Instant::now();
            }
        });
        let keyboard = pair.master.take_writer().expect("pty writer");
        Reader {
            child,
            master: pair.master,
            keyboard,
            capture,
            _homes: homes,
        }
    }

    /// Starts the reader and waits until it shows a story.
    fn start_and_wait_for_stories(env: &[(&str, &str)]) -> Reader {
        let headlines = sample_headline_starts();
        let reader = Reader::start(env);
        // The cursor is hidden just after a frame is written: wait for both.
        reader.wait_for(
            "the reader showing a headline on the alternate screen",
            |c| {
                let screen = c.screen();
                let contents = screen.contents();
                // The whole first frame: a headline, and the modes set around it (the
                // cursor is hidden after the frame is flushed, so it may come in a later
                // read than the text).
                screen.alternate_screen()
                    && screen.hide_cursor()
                    && screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None
                    && headlines.iter().any(|h| contents.contains(h))
            },
        );
        reader.assert_reader_active();
        reader
    }

    fn capture(&self) -> MutexGuard<'_, Capture> {
        self.capture.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Polls until `done` holds; fails (killing the child) at the deadline.
    fn wait_for(&self, what: &str, done: impl Fn(&Capture) -> bool) {
        let start = Instant::now();
        loop {
            {
                let capture = self.capture();
                if done(&capture) {
                    return;
                }
                if start.elapsed() > DEADLINE {
                    panic!("timed out waiting for {what}\n{}", capture.describe());
                }
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the reader has written nothing for [`QUIET`].
    fn wait_until_settled(&self) {
        self.wait_for("the reader's output to settle", |c| {
            c.last_output.elapsed() >= QUIET
        });
    }

    fn press(&mut self, key: &[u8]) {
        self.keyboard.write_all(key).expect("type into the pty");
        self.keyboard.flush().expect("flush the pty");
    }

    fn pid(&self) -> String {
        self.child.process_id().expect("child pid").to_string()
    }

    fn send_signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.pid()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Waits for the reader to exit and for all its output to be read.
    fn wait_for_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for the reader to exit\n{}",
                    self.capture().describe()
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        self.wait_for("the end of the reader's output", |c| c.closed);
        status
    }

    /// The pty's local mode flags (ICANON, ECHO, ...).
    fn local_flags(&self) -> libc::tcflag_t {
        self.master
            .get_termios()
            .expect("tcgetattr on the pty")
            .local_flags
            .bits()
    }

    /// While running: alternate screen, mouse reporting on, raw mode.
    fn assert_reader_active(&self) {
        let capture = self.capture();
        let screen = capture.screen();
        assert!(screen.alternate_screen(), "{}", capture.describe());
        assert_ne!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture should be on while running"
        );
        assert!(
            screen.hide_cursor(),
            "cursor should be hidden while running"
        );
        assert!(
            !screen.contents().trim().is_empty(),
            "the reader drew nothing"
        );
        drop(capture);
        let flags = self.local_flags();
        assert_eq!(flags & libc::ICANON, 0, "raw mode expected while running");
        assert_eq!(flags & libc::ECHO, 0, "no echo expected while running");
    }

    /// After exit: everything the reader changed is back to normal.
    fn assert_terminal_restored(&self) {
        let capture = self.capture();
        let screen = capture.screen();
        let state = capture.describe();
        assert!(
            !screen.alternate_screen(),
            "alternate screen not left\n{state}"
        );
        assert!(!screen.hide_cursor(), "cursor still hidden\n{state}");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture still on\n{state}"
        );
        assert_eq!(
            screen.mouse_protocol_encoding(),
            vt100::MouseProtocolEncoding::Default,
            "mouse encoding not reset\n{state}"
        );
        for sequence in ["\x1b[?1000l", "\x1b[?1002l", "\x1b[?1003l", "\x1b[?1006l"] {
            assert!(
                capture.raw_contains(sequence),
                "mouse mode not turned off: {sequence:?} never sent\n{state}"
            );
        }
        let entered = capture.last_position("\x1b[?1049h");
        let left = capture.last_position("\x1b[?1049l");
        assert!(entered.is_some(), "alternate screen never entered\n{state}");
        assert!(left > entered, "alternate screen not left last\n{state}");
        assert!(
            capture.raw_contains("\x1b[?25h"),
            "cursor never shown\n{state}"
        );
        drop(capture);
        let flags = self.local_flags();
        assert_ne!(flags & libc::ICANON, 0, "pty left without ICANON");
        assert_ne!(flags & libc::ECHO, 0, "pty left without ECHO");
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The first characters of the sample stories' headlines, as `dateline export` gives
/// them: whatever the reader's layout, at least one of them is on its first screen.
fn sample_headline_starts() -> Vec<String> {
    let starts: Vec<String> = exported_stories(None)
        .iter()
        .filter_map(|story| story["headline"].as_str())
        .map(|headline| {
            headline
                .chars()
                .take(12)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|start| !start.is_empty())
        .collect();
    assert!(!starts.is_empty(), "the samples have no headlines");
    starts
}

#[test]
fn quitting_with_q_restores_the_terminal() {
    let mut reader = Reader::start_and_wait_for_stories(&[]);
    let headlines = sample_headline_starts();
    for key in [b"j", b"k", MOUSE_SCROLL_DOWN, b"?"] {
        reader.press(key);
    }
    reader.press(KEY_ESC);
    // Esc then q in one read would be Alt-q: let the reader take the Esc alone first.
    reader.wait_until_settled();
    reader.wait_for("a headline after the keys", |c| {
        let contents = c.screen().contents();
        headlines.iter().any(|h| contents.contains(h))
    });
    assert!(
        reader.child.try_wait().expect("poll").is_none(),
        "exited early"
    );
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();
}

#[test]
fn a_resize_redraws_the_reader() {
    let mut reader = Reader::start_and_wait_for_stories(&[]);
    let headlines = sample_headline_starts();
    reader.wait_until_settled();
    let (rows, cols) = (NonZeroU16::new(24).unwrap(), NonZeroU16::new(80).unwrap());
    {
        // Blank our copy of the screen: only a redraw by the reader can fill it again.
        let mut capture = reader.capture();
        capture.parser.screen_mut().set_size(rows, cols);
        capture.parser.process(b"\x1b[2J");
        assert!(capture.screen().contents().trim().is_empty());
    }
    reader
        .master
        .resize(PtySize {
            rows: rows.get(),
            cols: cols.get(),
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize the pty");
    reader.wait_for("a redraw after the resize", |c| {
        let contents = c.screen().contents();
        headlines.iter().any(|h| contents.contains(h))
    });
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();
}

#[test]
fn under_lang_c_the_reader_writes_ascii_only() {
    let mut reader =
        Reader::start_and_wait_for_stories(&[("LANG", "C"), ("LC_ALL", ""), ("LC_CTYPE", "")]);
    reader.press(b"\r");
    reader.press(b"]");
    reader.wait_until_settled();
    {
        let capture = reader.capture();
        let stray: Vec<u8> = capture.raw.iter().copied().filter(|b| *b >= 0x80).collect();
        assert!(
            stray.is_empty(),
            "{} bytes outside ASCII\n{}",
            stray.len(),
            capture.describe()
        );
        let corner = capture
            .screen()
            .cell(0, 0)
            .map(|c| c.contents().to_string());
        assert_eq!(corner.as_deref(), Some("+"), "{}", capture.describe());
    }
    reader.press(b"q");
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();
}

#[test]
fn below_the_minimum_size_keys_wait_until_it_fits() {
    let mut reader = Reader::start_and_wait_for_stories(&[]);
    let headlines = sample_headline_starts();
    reader.wait_until_settled();
    let resize = |reader: &Reader, rows: u16, cols: u16| {
        reader.capture().parser.screen_mut().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
        reader
            .master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    };
    resize(&reader, 5, 30);
    reader.wait_for("the minimum size stated", |c| {
        let text = c.screen().contents().replace('\n', " ");
        text.contains("need at least 40x8, have 30x5")
    });
    // `q` would quit from the list: while too small it waits.
    reader.press(b"q");
    reader.wait_until_settled();
    assert!(
        reader.child.try_wait().expect("poll").is_none(),
        "a key acted on a screen too small to show it"
    );
    resize(&reader, 30, 100);
    reader.wait_for("the reader again once it fits", |c| {
        let contents = c.screen().contents();
        headlines.iter().any(|h| contents.contains(h))
    });
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut reader = Reader::start_and_wait_for_stories(&[]);
    reader.press(KEY_CTRL_C);
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();
}

/// Sends `signal` to a running reader and checks it restores and exits 128 + number.
fn signal_restores_the_terminal(signal: &str, number: i32) {
    let mut reader = Reader::start_and_wait_for_stories(&[]);
    reader.send_signal(signal);
    let status = reader.wait_for_exit();
    assert_eq!(
        status.exit_code(),
        (128 + number) as u32,
        "exit status {status:?}"
    );
    assert_eq!(
        status.signal(),
        None,
        "killed instead of exiting: {status:?}"
    );
    reader.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_restores_the_terminal("TERM", libc::SIGTERM);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_restores_the_terminal("HUP", libc::SIGHUP);
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    signal_restores_the_terminal("INT", libc::SIGINT);
}

#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_prints_its_message_on_the_normal_screen() {
    let mut reader = Reader::start_and_wait_for_stories(&[("DATELINE_DEBUG_PANIC", "1")]);
    reader.press(KEY_F12);
    let status = reader.wait_for_exit();
    assert!(!status.success(), "a panic must fail: {status:?}");
    reader.assert_terminal_restored();
    let capture = reader.capture();
    let normal_screen = capture.screen().contents();
    assert!(
        normal_screen.contains("panicked") && normal_screen.contains("debug panic requested"),
        "panic message not on the normal screen\n{}",
        capture.describe()
    );
}

#[cfg(debug_assertions)]
#[test]
fn an_error_restores_the_terminal_and_is_reported_on_the_normal_screen() {
    let mut reader = Reader::start_and_wait_for_stories(&[("DATELINE_DEBUG_PANIC", "error")]);
    reader.press(KEY_F12);
    let status = reader.wait_for_exit();
    assert_eq!(status.exit_code(), 1, "exit status {status:?}");
    reader.assert_terminal_restored();
    let capture = reader.capture();
    assert!(
        capture
            .screen()
            .contents()
            .contains("dateline: error: debug error requested"),
        "error not on the normal screen\n{}",
        capture.describe()
    );
}

#[cfg(not(debug_assertions))]
#[test]
fn release_builds_have_no_debug_panic_trigger() {
    let mut reader = Reader::start_and_wait_for_stories(&[("DATELINE_DEBUG_PANIC", "1")]);
    reader.press(KEY_F12);
    reader.wait_until_settled();
    assert!(
        reader.child.try_wait().expect("poll").is_none(),
        "exited on F12"
    );
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();
}

#[test]
fn without_a_terminal_it_fails_with_one_clear_line() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dateline");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll child") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dateline did not exit without a terminal");
        }
        thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = Vec::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut stdout)
        .expect("read stdout");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    assert!(!status.success(), "should fail without a terminal");
    assert!(stdout.is_empty(), "wrote to a non-terminal: {stdout:?}");
    assert!(
        !stderr.contains('\x1b'),
        "escape sequences on stderr: {stderr:?}"
    );
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("dateline: error:"))
        .collect();
    assert_eq!(errors.len(), 1, "one error line expected: {stderr:?}");
    assert!(
        errors[0].contains("not a terminal"),
        "unclear error: {stderr:?}"
    );
}

/// The sample stories as `dateline export [--state PATH]` gives them.
fn exported_stories(state: Option<&std::path::Path>) -> Vec<serde_json::Value> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dateline"));
    command.arg("export");
    if let Some(state) = state {
        command.arg("--state").arg(state);
    }
    let output = command
        .stdin(Stdio::null())
        .output()
        .expect("run dateline export");
    assert!(output.status.success(), "dateline export failed");
    let corpus: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("export writes JSON");
    corpus["stories"].as_array().cloned().unwrap_or_default()
}

#[test]
fn read_and_starred_stories_and_the_selection_survive_a_restart() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let state = dir.path().join("state.sqlite3");
    let state_arg = state.to_str().expect("utf-8 path");
    let total = exported_stories(Some(&state)).len();
    assert!(total >= 2, "the samples have several stories");

    // First run: open the second story, star it, go back to the list and quit.
    let mut reader = Reader::start_with(&["--state", state_arg], &[]);
    reader.wait_for("the story list", |c| {
        c.screen().contents().contains(&format!("Story 1/{total}"))
    });
    reader.press(b"j");
    reader.press(b"\r");
    reader.press(b"*");
    reader.wait_for("the star", |c| c.screen().contents().contains("Starred"));
    reader.press(b"q");
    reader.wait_until_settled();
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();

    // Second run: the same story is selected, marked read and starred.
    let mut reader = Reader::start_with(&["--state", state_arg], &[]);
    let selected = format!("Story 2/{total}");
    reader.wait_for("the remembered selection", |c| {
        c.screen().contents().contains(&selected)
    });
    {
        let capture = reader.capture();
        let screen = capture.screen();
        let rows: Vec<String> = screen.rows(0, COLS.get()).collect();
        let star_rows: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.contains('★'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            star_rows.len(),
            1,
            "one starred story\n{}",
            capture.describe()
        );
        // The star is on the details row, under the read marker of its headline.
        let headline_row = &rows[star_rows[0] - 1];
        assert!(
            headline_row.contains('✓'),
            "the starred story is read\n{}",
            capture.describe()
        );
        // And that story is the selected one: its headline row is highlighted.
        let star_row = u16::try_from(star_rows[0]).expect("row");
        let column = rows[star_rows[0]]
            .chars()
            .position(|c| c == '★')
            .and_then(|p| u16::try_from(p).ok())
            .expect("star column");
        let cell = screen.cell(star_row, column).expect("star cell");
        let after = screen
            .cell(star_row, column + 2)
            .expect("cell after the star");
        assert_ne!(
            after.bgcolor(),
            vt100::Color::Default,
            "the starred story is the selected one\n{}",
            capture.describe()
        );
        assert_ne!(
            cell.fgcolor(),
            vt100::Color::Default,
            "the star is coloured"
        );
    }
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");

    // The scripting side sees the same marks.
    let stories = exported_stories(Some(&state));
    let starred: Vec<usize> = stories
        .iter()
        .enumerate()
        .filter(|(_, s)| s["starred"] == serde_json::Value::Bool(true))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(starred, [1], "the second story is starred");
    assert_eq!(stories[1]["read"], serde_json::Value::Bool(true));
    assert_eq!(stories[0]["read"], serde_json::Value::Bool(false));
}

/// A search over a few hundred pages (long enough, in a test build, to run in several
/// steps between keys) ends with the same count as a plain scan of the loaded stories,
/// and the reader still quits cleanly.
#[test]
fn a_long_search_finishes_between_keys_with_the_full_count() {
    let pages = tempfile::tempdir().expect("pages dir");
    dateline::synth::write(pages.path(), 300, 5).expect("write pages");
    let corpus = dateline::ingest::load(
        &[pages.path().to_path_buf()],
        &dateline::ingest::LoadOptions::default(),
    );
    let expected = dateline::tui::search::naive_hits(&corpus.stories, "said").len();
    assert!(
        (500..100_000).contains(&expected),
        "the query must match often: {expected}"
    );
    let dir = pages.path().to_str().expect("utf-8 path");
    let mut reader = Reader::start_with(&[dir], &[]);
    reader.wait_for("the loaded corpus", |c| {
        c.screen()
            .contents()
            .contains(&format!("/{}", corpus.stories.len()))
    });
    reader.press(b"/said");
    let done = format!("({expected} matches)");
    reader.wait_for("the search's final count", |c| {
        c.screen().contents().contains(&done)
    });
    reader.press(KEY_ESC);
    reader.wait_until_settled();
    reader.press(b"q");
    let status = reader.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    reader.assert_terminal_restored();
}
