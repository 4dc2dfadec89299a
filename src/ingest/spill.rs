//! Keeping parsed stories' text out of memory until each story is written.
//!
//! `export --format jsonl` needs every story before it can write the first (duplicates
//! are merged across the whole archive, and the stories sorted), but each story's text
//! only when it is merged or written. So, as each page is parsed, its stories'
//! paragraphs go to a [`Spill`] file (an unnamed temporary file, gone when the process
//! ends however it ends) and the stories wait with a [`Body`] saying where their text is;
//! the text is read back only for the few stories the merger compares and for each
//! story as it is written. What is held is then the stories' heads and the merger's
//! prints, not the archive's text.
//!
//! A story whose text could not be written keeps it in memory: nothing is lost, only
//! less is saved. The file is in the system's temporary directory (`TMPDIR`).

use std::borrow::Cow;
use std::cell::Cell;
use std::fs::File;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

use super::dedupe::Texts;
use crate::model::{Story, Warning};

/// Where the spill file is, for messages (it has no name of its own).
fn place() -> String {
    std::env::temp_dir().display().to_string()
}

/// The warning for `count` stories whose text could not be read back.
pub fn unread_warning(count: usize) -> Warning {
    Warning {
        path: place(),
        message: format!(
            "the text of {count} stories held in a temporary file here could not be read back"
        ),
    }
}

/// The file the stories' text waits in. Every thread writes and reads it at once, each
/// at its own offset (positioned reads and writes: no lock, no seek).
#[derive(Debug)]
pub struct Spill {
    /// The file.
    file: File,
    /// Where the next text goes: each writer takes its room by adding its length.
    end: AtomicU64,
}

/// Where one story's paragraphs wait in a [`Spill`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Body {
    /// Byte offset in the file.
    at: u64,
    /// Bytes in the file.
    stored: u64,
    /// Bytes of text (the paragraphs' lengths summed).
    length: usize,
    /// Paragraphs.
    paragraphs: usize,
}

impl Body {
    /// Bytes of text (the paragraphs' lengths summed).
    pub fn length(&self) -> usize {
        self.length
    }
}

impl Spill {
    /// A new, empty spill file.
    pub fn new() -> io::Result<Spill> {
        Ok(Spill {
            file: tempfile::tempfile()?,
            end: AtomicU64::new(0),
        })
    }

    /// Writes `paragraphs` to the file: each as its length (4 bytes, little-endian) then
    /// its bytes.
    pub fn put(&self, paragraphs: &[String]) -> io::Result<Body> {
        let mut bytes = Vec::with_capacity(paragraphs.iter().map(|p| p.len() + 4).sum());
        for paragraph in paragraphs {
            let len = u32::try_from(paragraph.len())
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "paragraph too long"))?;
            bytes.extend_from_slice(&len.to_le_bytes());
            bytes.extend_from_slice(paragraph.as_bytes());
        }
        // The room is taken before writing, so a write that fails leaves a gap no
        // story points into.
        let at = self.end.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        write_at(&self.file, &bytes, at)?;
        Ok(Body {
            at,
            stored: bytes.len() as u64,
            length: paragraphs.iter().map(String::len).sum(),
            paragraphs: paragraphs.len(),
        })
    }

    /// Reads back the paragraphs [`Spill::put`] wrote at `body`.
    pub fn get(&self, body: Body) -> io::Result<Vec<String>> {
        self.read(body, |paragraphs| {
            paragraphs.iter().map(|p| p.to_string()).collect()
        })
    }

    /// What `each` makes of the paragraphs [`Spill::put`] wrote at `body`, borrowed
    /// from one read of them (no allocation a paragraph).
    pub fn read<T>(&self, body: Body, each: impl FnOnce(&[&str]) -> T) -> io::Result<T> {
        let len = usize::try_from(body.stored)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "spilled text too long"))?;
        // The thread's buffer, taken for this read (a read made inside `each` gets a
        // new one); grown, never zeroed, once it is long enough.
        let mut buffer = READ_BUFFER.take();
        if buffer.len() < len {
            buffer.resize(len, 0);
        }
        let read = Self::parse(&self.file, &mut buffer[..len], body, each);
        if buffer.len() <= MAX_KEPT_BUFFER {
            READ_BUFFER.set(buffer);
        }
        read
    }

    /// [`Spill::read`] into `bytes`, as long as the text stored at `body`.
    fn parse<T>(
        file: &File,
        bytes: &mut [u8],
        body: Body,
        each: impl FnOnce(&[&str]) -> T,
    ) -> io::Result<T> {
        read_at(file, bytes, body.at)?;
        let damaged = || io::Error::new(io::ErrorKind::InvalidData, "spilled text damaged");
        let mut paragraphs = Vec::with_capacity(body.paragraphs);
        let mut rest = &bytes[..];
        while let Some((len, tail)) = rest.split_first_chunk::<4>() {
            let len = u32::from_le_bytes(*len) as usize;
            let text = tail.get(..len).ok_or_else(damaged)?;
            paragraphs.push(std::str::from_utf8(text).map_err(|_| damaged())?);
            rest = &tail[len..];
        }
        if rest.is_empty() {
            Ok(each(&paragraphs))
        } else {
            Err(damaged())
        }
    }
}

/// The longest buffer [`Spill::read`] keeps for a thread's next read (a longer one,
/// for an outsized story, is let go).
const MAX_KEPT_BUFFER: usize = 1 << 20;

thread_local! {
    /// The buffer each thread reads spilled text into, kept from one read to the next
    /// (a new one zeroed for every story costs more than reading it).
    static READ_BUFFER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Writes all of `bytes` at `at` in `file`.
#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

/// Reads `bytes.len()` bytes at `at` in `file`.
#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

/// Writes all of `bytes` at `at` in `file`.
#[cfg(windows)]
fn write_at(file: &File, mut bytes: &[u8], mut at: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        match std::os::windows::fs::FileExt::seek_write(file, bytes, at)? {
            0 => return Err(io::ErrorKind::WriteZero.into()),
            n => {
                bytes = &bytes[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

/// Reads `bytes.len()` bytes at `at` in `file`.
#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, bytes, at)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                bytes = &mut bytes[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

/// A story waiting without its text, which is in a [`Spill`] (or, when it could not
/// be written there, still in the story).
#[derive(Debug)]
pub struct Waiting {
    /// The story, its paragraphs empty when `body` is given.
    pub story: Story,
    /// Where its paragraphs are.
    pub body: Option<Body>,
}

impl Waiting {
    /// How many paragraphs the story has, whether its text waits or not.
    pub fn paragraphs(&self) -> usize {
        self.body
            .map_or(self.story.paragraphs.len(), |body| body.paragraphs)
    }

    /// `story` with its paragraphs moved to `spill` (left in it when that fails).
    pub fn spill(mut story: Story, spill: &Spill) -> Waiting {
        let body = spill.put(&story.paragraphs).ok();
        if body.is_some() {
            story.paragraphs = Vec::new();
        }
        Waiting { story, body }
    }

    /// The story with its text back.
    pub fn into_story(self, spill: Option<&Spill>) -> io::Result<Story> {
        let Waiting { mut story, body } = self;
        if let Some(body) = body {
            let unread = |e: io::Error| {
                io::Error::other(format!(
                    "{}: the text of a story held in a temporary file here could not be read back: {e}",
                    place()
                ))
            };
            let spill = spill.ok_or_else(|| unread(io::Error::other("no file")))?;
            story.paragraphs = spill.get(body).map_err(unread)?;
        }
        Ok(story)
    }
}

/// The merger's view of stories waiting in a spill: `bodies[i]` is where story `i`'s
/// text is. Text that cannot be read back reads as none (the story is then written
/// with an error, see [`Waiting::into_story`]).
pub struct SpilledTexts<'a> {
    /// The file.
    pub spill: Option<&'a Spill>,
    /// Where each story's text is, by the merger's input number.
    pub bodies: &'a [Option<Body>],
}

impl Texts for SpilledTexts<'_> {
    fn paragraphs<'a>(&'a self, index: usize, story: &'a Story) -> Cow<'a, [String]> {
        match (self.spill, self.bodies.get(index).copied().flatten()) {
            (Some(spill), Some(body)) => Cow::Owned(spill.get(body).unwrap_or_default()),
            _ => Cow::Borrowed(&story.paragraphs),
        }
    }

    fn length(&self, index: usize, story: &Story) -> usize {
        match self.bodies.get(index).copied().flatten() {
            Some(body) => body.length,
            None => story.paragraphs.iter().map(String::len).sum(),
        }
    }
}

/// A story of `paragraphs`, for the tests of what keeps stories' text.
#[cfg(test)]
pub(crate) fn story_of(paragraphs: &[&str]) -> Story {
    Story::new(
        "page.txt",
        "A headline",
        paragraphs.iter().map(|p| p.to_string()).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::story_of as story;
    use super::*;

    #[test]
    fn text_comes_back_as_it_went() {
        let spill = Spill::new().expect("temporary file");
        let cases: [&[&str]; 4] = [
            &["One.", "Two, with “marks” and é.", ""],
            &[],
            &[""],
            &["A longer paragraph that goes on. ", "x"],
        ];
        let waiting: Vec<Waiting> = cases
            .iter()
            .map(|c| Waiting::spill(story(c), &spill))
            .collect();
        for (w, case) in waiting.iter().zip(cases) {
            assert!(w.story.paragraphs.is_empty(), "the text left memory");
            let body = w.body.expect("written");
            assert_eq!(body.length, case.iter().map(|p| p.len()).sum::<usize>());
        }
        // Read back in another order than written.
        for (w, case) in waiting.into_iter().zip(cases).rev() {
            assert_eq!(w.into_story(Some(&spill)).expect("read").paragraphs, case);
        }
    }

    #[test]
    fn the_merger_reads_spilled_and_kept_text_alike() {
        let spill = Spill::new().expect("temporary file");
        let kept = story(&["Kept in memory."]);
        let spilled = Waiting::spill(story(&["Spilled to the file."]), &spill);
        let bodies = [None, spilled.body];
        let texts = SpilledTexts {
            spill: Some(&spill),
            bodies: &bodies,
        };
        assert_eq!(texts.paragraphs(0, &kept)[..], ["Kept in memory."]);
        assert_eq!(texts.length(0, &kept), 15);
        assert_eq!(
            texts.paragraphs(1, &spilled.story)[..],
            ["Spilled to the file."]
        );
        assert_eq!(texts.length(1, &spilled.story), 20);
    }

    #[test]
    fn a_damaged_record_is_an_error_not_a_panic() {
        let spill = Spill::new().expect("temporary file");
        let body = spill.put(&["abc".to_string()]).expect("written");
        let short = Body {
            stored: body.stored - 1,
            ..body
        };
        assert!(spill.get(short).is_err());
        let beyond = Body {
            at: body.at + 100,
            ..body
        };
        assert!(spill.get(beyond).is_err());
    }
}
