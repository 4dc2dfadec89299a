//! Which files the paths given on the command line name, in the order they are read: a
//! file named is read whatever its extension, a directory is walked in name order for
//! the pages [`format::detect`] accepts (hidden entries skipped), `-` is standard input
//! once. A file reached twice (through a link, or named twice) is read once; a
//! dangling link, a link loop, a directory holding no pages, and anything that is not
//! a regular file (FIFOs, sockets, devices, told by their metadata and never opened)
//! each give one warning naming the path.

use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};

use super::{Input, describe, link_problem, not_regular, warning};
use crate::ingest::format;
use crate::model::Warning;

/// Expands the paths given into inputs, in order, with a warning for each path that
/// cannot be read (missing, permission denied, dangling symbolic link, link loop, not
/// a regular file, a directory with no pages).
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<Warning>) {
    let mut walk = Walk::default();
    for path in paths {
        if path.as_os_str() == "-" {
            if !walk.stdin {
                walk.stdin = true;
                walk.inputs.push(Input::Stdin);
            }
        } else {
            walk.named(path);
        }
    }
    (walk.inputs, walk.warnings)
}

/// What identifies a file or directory however it is reached: device and inode.
#[cfg(unix)]
type FileId = (u64, u64);
/// What identifies a file or directory however it is reached: its canonical path.
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_path: &Path, meta: &Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &Metadata) -> Option<FileId> {
    fs::canonicalize(path).ok()
}

/// The state of one [`discover`] call.
#[derive(Default)]
struct Walk {
    inputs: Vec<Input>,
    warnings: Vec<Warning>,
    stdin: bool,
    /// Files already taken, so a file reached twice is read once.
    files: HashSet<FileId>,
    /// Directories already walked, so one reached twice is walked once.
    dirs: HashSet<FileId>,
    /// The directories being walked, outermost first: meeting one again is a loop.
    open: Vec<FileId>,
}

impl Walk {
    fn warn(&mut self, path: &Path, message: impl Into<String>) {
        self.warnings.push(warning(path, message));
    }

    /// A path named on the command line.
    fn named(&mut self, path: &Path) {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                let message = link_problem(path, &e);
                self.warn(path, message);
                return;
            }
        };
        if meta.is_dir() {
            let before = (self.inputs.len(), self.warnings.len());
            // Said only when nothing inside was taken or reported already.
            if self.walk_dir(path, &meta) && (self.inputs.len(), self.warnings.len()) == before {
                self.warn(path, "directory holds no pages");
            }
        } else if meta.is_file() {
            self.take_file(path, file_id(path, &meta));
        } else {
            self.warn(path, not_regular(&meta));
        }
    }

    /// Takes a page to read, unless the same file (by `id`) was taken already.
    fn take_file(&mut self, path: &Path, id: Option<FileId>) {
        let fresh = match id {
            Some(id) => self.files.insert(id),
            None => true,
        };
        if fresh {
            self.inputs.push(Input::File(path.to_path_buf()));
        }
    }

    /// Walks a directory; false when it could not be read (a warning says why) or is
    /// a loop. A directory already walked by another way is passed over quietly.
    // `FileId` is `Copy` on Unix only; elsewhere the clones are needed.
    #[cfg_attr(unix, allow(clippy::clone_on_copy))]
    fn walk_dir(&mut self, dir: &Path, meta: &Metadata) -> bool {
        let id = file_id(dir, meta);
        if let Some(id) = &id {
            if self.open.contains(id) {
                self.warn(dir, "symbolic link loop");
                return false;
            }
            if !self.dirs.insert(id.clone()) {
                return true;
            }
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.warn(dir, describe(&e));
                return false;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let plain = plain_file(&entry, id.as_ref());
                    children.push((entry.file_name(), plain));
                }
                Err(e) => {
                    self.warn(dir, describe(&e));
                }
            }
        }
        children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        if let Some(id) = id.clone() {
            self.open.push(id);
        }
        for (name, plain) in children {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = dir.join(name);
            match plain {
                // A regular file, as the directory listing tells: taken or passed over
                // by its name alone, without asking its metadata.
                Some(file) => {
                    if format::detect(&path).is_some() {
                        self.take_file(&path, Some(file));
                    }
                }
                None => self.entry(&path),
            }
        }
        if id.is_some() {
            self.open.pop();
        }
        true
    }

    /// One entry met while walking a directory.
    fn entry(&mut self, path: &Path) {
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            // Gone between listing and looking: only worth a word if it was a page.
            Err(e) => {
                if format::detect(path).is_some() {
                    self.warn(path, describe(&e));
                }
                return;
            }
        };
        let meta = if meta.file_type().is_symlink() {
            match fs::metadata(path) {
                Ok(target) => target,
                Err(e) => {
                    // A broken link is reported when it could have led to a page or
                    // a directory: a page's extension, or no extension at all.
                    if format::detect(path).is_some() || path.extension().is_none() {
                        let message = link_problem(path, &e);
                        self.warn(path, message);
                    }
                    return;
                }
            }
        } else {
            meta
        };
        if meta.is_dir() {
            self.walk_dir(path, &meta);
        } else if format::detect(path).is_some() {
            if meta.is_file() {
                self.take_file(path, file_id(path, &meta));
            } else {
                self.warn(path, not_regular(&meta));
            }
        }
    }
}

/// The identity of a directory entry that the listing itself says is a regular file
/// (not a link): its directory's device and its own inode. `None` when the listing does
/// not tell, and for anything else, which is then looked at with its metadata.
#[cfg(unix)]
fn plain_file(entry: &fs::DirEntry, dir: Option<&FileId>) -> Option<FileId> {
    use std::os::unix::fs::DirEntryExt;
    let &(device, _) = dir?;
    entry
        .file_type()
        .ok()
        .filter(fs::FileType::is_file)
        .map(|_| (device, entry.ino()))
}

#[cfg(not(unix))]
fn plain_file(_entry: &fs::DirEntry, _dir: Option<&FileId>) -> Option<FileId> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read::tests::messages;

    #[test]
    fn walks_directories_in_name_order_skipping_hidden_and_other_formats() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/inner")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        for name in [
            "b/inner/z.TXT",
            "a.txt",
            "b/m.txt",
            "notes.md",
            ".secret.txt",
            ".hidden/x.txt",
        ] {
            fs::write(root.join(name), "Headline\n\nBody.\n").unwrap();
        }
        let (inputs, warnings) = discover(&[root.to_path_buf()]);
        assert!(warnings.is_empty(), "{:?}", messages(&warnings));
        let expected: Vec<Input> = ["a.txt", "b/inner/z.TXT", "b/m.txt"]
            .iter()
            .map(|n| Input::File(root.join(n)))
            .collect();
        assert_eq!(inputs, expected);
    }

    #[test]
    fn named_files_are_read_whatever_their_extension_and_stdin_once() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("page.html");
        fs::write(&page, "Headline\n").unwrap();
        let dash = PathBuf::from("-");
        let (inputs, warnings) = discover(&[dash.clone(), page.clone(), dash, page.clone()]);
        assert!(warnings.is_empty());
        assert_eq!(inputs, vec![Input::Stdin, Input::File(page)]);
    }

    #[test]
    fn missing_paths_and_empty_directories_warn() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt");
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        let (inputs, warnings) = discover(&[missing.clone(), empty.clone()]);
        assert!(inputs.is_empty());
        assert_eq!(
            messages(&warnings),
            [
                format!("{}: no such file or directory", missing.display()),
                format!("{}: directory holds no pages", empty.display()),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_dangling_looping_and_cyclic_are_reported_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/page.txt"), "Headline\n").unwrap();
        symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
        symlink(root.join("loop.txt"), root.join("loop.txt")).unwrap();
        symlink("..", root.join("sub/up")).unwrap();
        // A second way to the same page is read once, quietly.
        symlink(root.join("sub/page.txt"), root.join("alias.txt")).unwrap();
        let (inputs, warnings) = discover(&[root.to_path_buf()]);
        assert_eq!(inputs, vec![Input::File(root.join("alias.txt"))]);
        assert_eq!(
            messages(&warnings),
            [
                format!(
                    "{}: dangling symbolic link",
                    root.join("dangling.txt").display()
                ),
                format!("{}: symbolic link loop", root.join("loop.txt").display()),
                format!("{}: symbolic link loop", root.join("sub/up").display()),
            ]
        );
        let (_, named) = discover(&[root.join("dangling.txt"), root.join("loop.txt")]);
        assert_eq!(named[0].message, "dangling symbolic link");
        assert_eq!(named[1].message, "symbolic link loop");
    }
}
