//! What leaves the reader: a story's address handed to the system opener (`o`), and a
//! quote copied to the clipboard through OSC 52 (`y`).
//!
//! It decides which address and which quote, the command run (a program and its
//! arguments, never a shell) and the bytes written to the terminal. The actions only
//! record an [`Effect`] on the [`App`]; the event loop performs it ([`perform`])
//! through a [`Launcher`], so tests check the command built and the bytes written
//! without launching anything.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use super::app::{App, Overlay, QuoteRef};
use super::text::clean;
use super::wrap::format_time;
use crate::model::{Quote, Story};

/// Something the reader asked to happen outside itself, performed by the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Run this opener (detached; its output discarded).
    Open(Opener),
    /// Put this text on the clipboard.
    Copy(String),
}

/// A command to run: the program and its arguments, the address among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opener {
    /// The program (looked up in `PATH`).
    pub program: String,
    /// Its arguments.
    pub args: Vec<String>,
}

/// The system's opener: `open` on macOS, `xdg-open` elsewhere.
pub fn system_opener() -> Vec<String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    vec![program.to_string()]
}

/// The command that opens `url`: `configured` (the system opener when empty), with
/// each argument `{url}` replaced by the address, or the address added last.
pub fn opener_for(configured: &[String], url: &str) -> Opener {
    let words = if configured.is_empty() {
        system_opener()
    } else {
        configured.to_vec()
    };
    let mut words = words.into_iter();
    let program = words.next().unwrap_or_default();
    let mut args: Vec<String> = words.collect();
    let placeholder = args.iter().any(|a| a.contains("{url}"));
    if placeholder {
        for arg in &mut args {
            *arg = arg.replace("{url}", url);
        }
    } else {
        args.push(url.to_string());
    }
    Opener { program, args }
}

/// `url` when it is a web address the reader will hand to an opener: `http` or
/// `https`, with no space or control character (so it can never be read as an option
/// or a second argument).
pub fn web_address(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    let plain = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && plain && url.len() > "https://".len()).then_some(url)
}

/// The most bytes of text put on the clipboard (terminals refuse longer OSC 52
/// sequences).
pub const CLIPBOARD_MAX: usize = 64 * 1024;

/// The OSC 52 sequence that puts `text` on the system clipboard: `ESC ] 52 ; c ;`,
/// the text in base64, then BEL. The text is cleaned first (no control character
/// reaches the clipboard) and cut to [`CLIPBOARD_MAX`] bytes; base64 leaves nothing
/// in the sequence a terminal could act on.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut text = clean(text);
    if text.len() > CLIPBOARD_MAX {
        let mut end = CLIPBOARD_MAX;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(base64(text.as_bytes()).as_bytes());
    out.push(0x07);
    out
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The text `y` copies: the quote, who said it (with their title), the story's
/// headline and the date, on one line; `ascii`: straight quotes and a hyphen.
pub fn clipboard_text(story: &Story, quote: &Quote, ascii: bool) -> String {
    let (open, close, dash) = if ascii {
        ("\"", "\"", "-")
    } else {
        ("\u{201c}", "\u{201d}", "\u{2014}")
    };
    let who = match (&quote.speaker, quote.partial) {
        (Some(name), _) => {
            let mut who = clean(name);
            if let Some(title) = &quote.speaker_title {
                who.push_str(", ");
                who.push_str(&clean(title));
            }
            who
        }
        (None, true) => "fragment".to_string(),
        (None, false) => "speaker unknown".to_string(),
    };
    let mut out = format!(
        "{open}{}{close} {dash} {who} ({open}{}{close}",
        clean(quote.text.trim()),
        clean(story.headline.trim())
    );
    if let Some(at) = quote.timestamp.or_else(|| story.time()) {
        out.push_str(", ");
        out.push_str(&format_time(&at));
    }
    out.push(')');
    out
}

/// The quote `y` and `o` act on: the timeline's selected row in the timeline, else
/// the current quote of the story shown.
fn quote_in_focus(app: &App) -> Option<QuoteRef> {
    match app.overlay {
        Overlay::Timeline => app.timeline_at(),
        Overlay::None => app.current_quote.map(|quote| QuoteRef {
            story: app.selected,
            quote,
        }),
        _ => None,
    }
}

/// `o`: opens the address of the story shown (in the timeline: of the selected
/// quote's story), or says why not.
pub fn open_link(app: &mut App) {
    let story = match app.overlay {
        Overlay::Timeline => app.timeline_at().map(|at| at.story),
        Overlay::None => Some(app.selected),
        _ => return,
    };
    let Some(story) = story.and_then(|s| app.corpus.stories.get(s)) else {
        return;
    };
    let url = story.origin.as_ref().and_then(|o| o.url.as_deref());
    let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
        app.message = Some("This story has no address to open".to_string());
        return;
    };
    let Some(url) = web_address(url) else {
        app.message = Some(format!("Not a web address, not opened: {}", clean(url)));
        return;
    };
    let opener = opener_for(&app.opener, url);
    app.message = Some(format!(
        "Opening {} with {}",
        clean(url),
        clean(&opener.program)
    ));
    app.effects.push(Effect::Open(opener));
}

/// `y`: copies the current quote (in the timeline: the selected one), or says why not.
pub fn copy_quote(app: &mut App) {
    if !matches!(app.overlay, Overlay::None | Overlay::Timeline) {
        return;
    }
    let Some(at) = quote_in_focus(app) else {
        app.message = Some("No quote selected: ] goes to the next one".to_string());
        return;
    };
    let Some(story) = app.corpus.stories.get(at.story) else {
        return;
    };
    let Some(quote) = story.quotes.get(at.quote) else {
        return;
    };
    // Like the quote's label: the story's own title for the speaker, else their most
    // used one across the corpus (the speakers panel's first).
    let mut quote = quote.clone();
    if quote.speaker_title.is_none() && !quote.partial {
        quote.speaker_title = quote
            .speaker
            .as_deref()
            .and_then(|name| super::rows::usual_title(&app.speakers, &app.speaker_index, name))
            .map(crate::model::Name::from);
    }
    let text = clipboard_text(story, &quote, app.ascii);
    app.message = Some("Quote copied to the clipboard (OSC 52)".to_string());
    app.effects.push(Effect::Copy(text));
}

/// Runs programs for the reader: the real one spawns, tests record.
pub trait Launcher {
    /// Starts `opener` without waiting for it to finish.
    fn launch(&mut self, opener: &Opener) -> io::Result<()>;
}

/// Starts openers as detached processes: no shell, no terminal input, output
/// discarded, in their own process group (so the terminal's signals stay the
/// reader's); a thread reaps each one when it exits.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemLauncher;

impl Launcher for SystemLauncher {
    fn launch(&mut self, opener: &Opener) -> io::Result<()> {
        let mut command = Command::new(&opener.program);
        command
            .args(&opener.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command.spawn()?;
        std::thread::Builder::new()
            .name("opener".to_string())
            .spawn(move || {
                let _ = child.wait();
            })?;
        Ok(())
    }
}

/// Performs `effects`: openers through `launcher`, clipboard text as OSC 52 on
/// `terminal`. Returns what went wrong, for the status bar.
pub fn perform(
    effects: Vec<Effect>,
    launcher: &mut dyn Launcher,
    terminal: &mut dyn Write,
) -> Option<String> {
    let mut problem = None;
    for effect in effects {
        match effect {
            Effect::Open(opener) => {
                if let Err(e) = launcher.launch(&opener) {
                    problem = Some(format!("Cannot run {}: {e}", clean(&opener.program)));
                }
            }
            Effect::Copy(text) => {
                let written = terminal
                    .write_all(&osc52(&text))
                    .and_then(|()| terminal.flush());
                if let Err(e) = written {
                    problem = Some(format!("Cannot copy: {e}"));
                }
            }
        }
    }
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
    }

    #[test]
    fn only_plain_web_addresses_are_opened() {
        assert_eq!(
            web_address(" https://a.example/x?y=1 "),
            Some("https://a.example/x?y=1")
        );
        assert_eq!(web_address("HTTP://a.example"), Some("HTTP://a.example"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "--help",
            "https://a.example/x y",
            "https://",
            "https://a.example/\u{1b}[2J",
        ] {
            assert_eq!(web_address(bad), None, "{bad:?}");
        }
    }
}
