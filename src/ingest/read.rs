//! Inputs: expanding paths into pages to read, and reading them safely.
//!
//! [`discover`] turns the paths given on the command line into [`Input`]s:
//! - a file named explicitly is read whatever its extension;
//! - a directory is walked recursively in name order, skipping hidden entries (names
//!   starting with `.`) and keeping only files
//!   [`format::detect`](super::format::detect) accepts;
//! - `-` means standard input, read once however often it is named.
//!
//! Nothing that is not a regular file is ever opened: FIFOs, sockets and devices are
//! told by their metadata and skipped with a warning, so loading never blocks on them.
//! [`read_input`] checks the type again, opens with `O_NONBLOCK`, and checks the opened
//! handle once more (`fstat`), closing the race where a file is swapped for a FIFO
//! between the walk and the read.
//!
//! Files larger than [`MAX_PAGE_BYTES`] are refused with a warning: a saved news page
//! is a few hundred kilobytes at most, and a bigger file is almost surely not a page
//! (a log, a dump) that would only cost memory.
//!
//! Every problem becomes one [`Warning`] naming the path (sanitised, so control
//! characters in a file name never reach the terminal).
//!
//! Which files the paths name is decided in `walk`; what the bytes read hold (gzip
//! inflated, text in another encoding made UTF-8) in `encoding`.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::Page;
use super::sanitize::sanitize_line;
use crate::model::Warning;

mod encoding;
mod walk;

pub use encoding::{unpack, unpack_with_warnings};
pub use walk::discover;

/// Largest file read as a page: 256 MiB.
pub const MAX_PAGE_BYTES: u64 = 256 * 1024 * 1024;

/// One thing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// A page read from an input, with the warnings raised while reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadPage {
    /// The decoded, sanitised page.
    pub page: Page,
    /// Non-fatal problems (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<Warning>,
    /// Bytes read.
    pub bytes: u64,
}

/// The path as shown in warnings and stories: lossy UTF-8, one line, no controls.
pub fn display_path(path: &Path) -> String {
    sanitize_line(&path.to_string_lossy()).into_owned()
}

fn warning(path: &Path, message: impl Into<String>) -> Warning {
    Warning {
        path: display_path(path),
        message: message.into(),
    }
}

/// Says why a path could not be followed, telling dangling links from missing paths.
fn link_problem(path: &Path, e: &io::Error) -> String {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && e.kind() == io::ErrorKind::NotFound {
        "dangling symbolic link".into()
    } else {
        describe(e)
    }
}

/// A short, lower-case description of an I/O error, without the OS error number.
fn describe(e: &io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return "symbolic link loop".into();
    }
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        io::ErrorKind::NotADirectory => "not a directory".into(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            sanitize_line(&text.to_lowercase()).into_owned()
        }
    }
}

/// The warning for something that is not a regular file, naming its kind.
fn not_regular(meta: &Metadata) -> String {
    if meta.is_dir() {
        return "is a directory".into();
    }
    format!("not a regular file ({}), skipped", special_kind(meta))
}

#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "FIFO"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() {
        "character device"
    } else if kind.is_block_device() {
        "block device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &Metadata) -> &'static str {
    "special file"
}

fn too_large(size: u64) -> String {
    format!(
        "file too large ({} MiB, limit {} MiB), skipped",
        size.div_ceil(1024 * 1024),
        MAX_PAGE_BYTES / (1024 * 1024)
    )
}

/// Opens a file for reading without ever blocking: `O_NONBLOCK` (a FIFO swapped in
/// would otherwise wait for a writer) and `O_NOCTTY`.
#[cfg(unix)]
fn open_page(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_page(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Reads at most [`MAX_PAGE_BYTES`] + 1 bytes, so an oversized input is told without
/// reading it all.
///
/// `size_hint` is the size the input is expected to have: a file of that size is read
/// with one `read` for its bytes and one that finds its end (a plain `read_to_end`
/// through [`Read::take`] would read in 8 KiB steps).
fn read_capped(mut reader: impl Read, size_hint: u64) -> io::Result<Vec<u8>> {
    let hint = usize::try_from(size_hint.min(MAX_PAGE_BYTES)).unwrap_or(0);
    // One byte more than expected, so the read that finds the end has room to tell a
    // file that grew.
    // Read into room made for it, never zeroed first.
    let mut bytes = Vec::with_capacity(hint + 1);
    (&mut reader)
        .take(hint as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() <= hint {
        return Ok(bytes);
    }
    // Longer than expected: read on, still capped.
    let filled = bytes.len() as u64;
    reader
        .take(MAX_PAGE_BYTES + 1 - filled)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads one input and decodes it into a page. Fails with a warning naming the input
/// when it cannot be read, is not a regular file, is too large, empty or binary.
pub fn read_input(input: &Input) -> Result<ReadPage, Warning> {
    let (name, bytes, mut warnings) = match input {
        Input::Stdin => {
            let fail = |message: String| Warning {
                path: "-".into(),
                message,
            };
            let bytes = read_capped(io::stdin().lock(), 0).map_err(|e| fail(describe(&e)))?;
            if bytes.len() as u64 > MAX_PAGE_BYTES {
                return Err(fail(too_large(bytes.len() as u64)));
            }
            ("-".to_string(), bytes, Vec::new())
        }
        Input::File(path) => read_file(path)?,
    };
    let size = bytes.len() as u64;
    let (unpacked, unpack_warnings) = encoding::unpack_checked(&name, bytes)?;
    warnings.extend(unpack_warnings);
    let (page, decode_warnings) = match unpacked {
        encoding::Unpacked::Text(text) => super::sanitize::decode_text(&name, text)?,
        encoding::Unpacked::Bytes(bytes) => super::sanitize::decode_owned(&name, bytes)?,
    };
    warnings.extend(decode_warnings);
    Ok(ReadPage {
        page,
        warnings,
        bytes: size,
    })
}

/// Reads a regular file, checking its type before opening and again on the handle.
fn read_file(path: &Path) -> Result<(String, Vec<u8>, Vec<Warning>), Warning> {
    let fail = |message: String| warning(path, message);
    let before = fs::metadata(path).map_err(|e| fail(link_problem(path, &e)))?;
    if !before.is_file() {
        return Err(fail(not_regular(&before)));
    }
    if before.len() > MAX_PAGE_BYTES {
        return Err(fail(too_large(before.len())));
    }
    let file = open_page(path).map_err(|e| fail(describe(&e)))?;
    let opened = file.metadata().map_err(|e| fail(describe(&e)))?;
    if !opened.is_file() {
        return Err(fail(not_regular(&opened)));
    }
    if opened.len() > MAX_PAGE_BYTES {
        return Err(fail(too_large(opened.len())));
    }
    let bytes = read_capped(&file, opened.len()).map_err(|e| fail(describe(&e)))?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(fail(too_large(bytes.len() as u64)));
    }
    let mut warnings = Vec::new();
    if bytes.len() as u64 != opened.len() {
        warnings.push(fail("file changed while being read".into()));
    }
    Ok((display_path(path), bytes, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn messages(warnings: &[Warning]) -> Vec<String> {
        warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_whole_input_whatever_the_size_hint() {
        let text: Vec<u8> = (0..20_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        for hint in [0, 1, 19_999, 20_000, 20_001, 50_000] {
            let read = read_capped(io::Cursor::new(&text), hint).unwrap();
            assert_eq!(read, text, "hint {hint}");
        }
        assert!(read_capped(io::Cursor::new(b""), 10).unwrap().is_empty());
    }

    /// A reader that gives at most a few bytes per call, as pipes and slow disks do.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.0.len()).min(7);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn short_reads_are_gathered() {
        let text = b"Short reads still make one whole page of text.".repeat(40);
        for hint in [0, 100, text.len() as u64] {
            assert_eq!(read_capped(Trickle(&text), hint).unwrap(), text);
        }
    }

    #[cfg(unix)]
    #[test]
    fn fifos_are_skipped_without_opening() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: c_path is a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
        let (inputs, warnings) = discover(&[dir.path().to_path_buf(), fifo.clone()]);
        assert!(inputs.is_empty());
        let expected = format!("{}: not a regular file (FIFO), skipped", fifo.display());
        assert_eq!(
            messages(&warnings)[..2],
            [expected.clone(), expected.clone()]
        );
        // Read directly (as if swapped in after the walk): refused, never blocking.
        let err = read_input(&Input::File(fifo)).unwrap_err();
        assert_eq!(err.to_string(), expected);
    }

    #[cfg(unix)]
    #[test]
    fn sockets_and_devices_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("sock.txt");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let device = PathBuf::from("/dev/null");
        let (inputs, warnings) = discover(&[socket.clone(), device]);
        assert!(inputs.is_empty());
        assert_eq!(
            messages(&warnings),
            [
                format!("{}: not a regular file (socket), skipped", socket.display()),
                "/dev/null: not a regular file (character device), skipped".to_string(),
            ]
        );
    }

    #[test]
    fn oversized_files_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump.txt");
        // Sparse: no disk space or time spent, but its size is past the limit.
        let file = File::create(&path).unwrap();
        file.set_len(MAX_PAGE_BYTES + 1).unwrap();
        let err = read_input(&Input::File(path)).unwrap_err();
        assert_eq!(
            err.message,
            "file too large (257 MiB, limit 256 MiB), skipped"
        );
    }

    #[test]
    fn reads_and_decodes_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.txt");
        // UTF-8 (the é) with one damaged byte: still UTF-8, the byte replaced.
        fs::write(
            &path,
            "Head\x1b[31mline\r\n\r\nBody é \u{ff}.\n".replace('\u{ff}', "\u{1}"),
        )
        .unwrap();
        let mut bytes = fs::read(&path).unwrap();
        let at = bytes.iter().position(|&b| b == 1).unwrap();
        bytes[at] = 0xff;
        fs::write(&path, &bytes).unwrap();
        let read = read_input(&Input::File(path.clone())).unwrap();
        assert_eq!(read.page.text, "Headline\n\nBody é \u{fffd}.\n");
        assert_eq!(read.bytes, 28);
        assert_eq!(
            messages(&read.warnings),
            [format!(
                "{}: invalid UTF-8 replaced (1 bytes)",
                path.display()
            )]
        );
        fs::remove_file(&path).unwrap();
        let err = read_input(&Input::File(path)).unwrap_err();
        assert_eq!(err.message, "no such file or directory");
    }

    #[test]
    fn file_names_in_warnings_lose_their_controls() {
        let dir = tempfile::tempdir().unwrap();
        let (_, warnings) = discover(&[dir.path().join("evil\x1b]0;owned\x07\nname.txt")]);
        let shown = warnings[0].to_string();
        assert!(
            shown.ends_with("evil name.txt: no such file or directory"),
            "{shown}"
        );
    }
}
