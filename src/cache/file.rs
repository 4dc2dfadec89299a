//! The cache file itself: opening it and checking every part before anything in it is
//! believed ([`Cache::open`], sections read on demand and checked against their
//! checksums), and writing a new one beside it and putting it in place in one rename
//! ([`Pending`]). Decides the file's layout around the encoded sections ([`super::codec`]
//! decides their bytes); when a cache is used is [`super`]'s.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::codec::{self, Reader, Writer};
use super::{Entry, FORMAT, Key, LOADER_VERSION, RACY};
use crate::ingest::read::{self, Input};
use crate::ingest::spill::{Body, Spill};
use std::borrow::Cow;

use crate::model::{Corpus, Story, Warning};

/// The first bytes of every cache file.
const MAGIC: &[u8; 16] = b"dateline-cache\n\0";

/// The fixed part at the start of a file: magic, format, loader version, when it was
/// made, and the length and checksum of each of the four sections that follow it in
/// this order: the keys (and the walk's warnings), the pages, the list (the stories
/// without their bodies, [`super::list`]), the corpus.
const PREFIX: usize = 16 + 4 + 32 + 8 + 4 + SECTIONS * 16;

/// How many sections a file has.
const SECTIONS: usize = 4;

/// Why no cache could be used.
pub(super) enum Miss {
    /// There is none yet.
    Absent,
    /// Another loader or encoding wrote it: rebuilt without a warning.
    Stale(String),
    /// Damaged, or not a cache: rebuilt with a warning.
    Damaged(String),
}

/// An open cache file: its keys read and checked, the corpus and pages read on demand.
pub(super) struct Cache {
    file: PathBuf,
    /// The file as opened: read again through this handle, so a cache put in its
    /// place meanwhile is never mixed with this one.
    handle: File,
    /// When the walk that made it started.
    walked: (i64, u32),
    pub(super) keys: Vec<Key>,
    pub(super) walk_warnings: Vec<Warning>,
    /// Offset, length and checksum of the corpus, the list and the pages sections.
    corpus_at: (u64, u64, u64),
    list_at: (u64, u64, u64),
    pages_at: (u64, u64, u64),
}

impl Cache {
    /// Opens `file` and reads its keys; any doubt is a [`Miss`].
    pub(super) fn open(file: &Path) -> Result<Cache, Miss> {
        let mut f = match File::open(file) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Miss::Absent),
            Err(e) => return Err(Miss::Damaged(format!("unreadable ({e})"))),
        };
        let damaged = |why: &str| Miss::Damaged(why.to_string());
        let mut prefix = [0u8; PREFIX];
        f.read_exact(&mut prefix)
            .map_err(|_| damaged("is not a dateline cache"))?;
        if &prefix[..16] != MAGIC {
            return Err(damaged("is not a dateline cache"));
        }
        let word = |at: usize| u64::from_le_bytes(prefix[at..at + 8].try_into().unwrap_or([0; 8]));
        let format = u32::from_le_bytes(prefix[16..20].try_into().unwrap_or([0; 4]));
        let version = &prefix[20..52];
        if format != FORMAT || version != version_bytes() {
            return Err(Miss::Stale("made by another version".to_string()));
        }
        let walked = (
            word(52) as i64,
            u32::from_le_bytes(prefix[60..64].try_into().unwrap_or([0; 4])),
        );
        let section = |n: usize| (word(64 + 16 * n), word(72 + 16 * n));
        let (keys_len, keys_hash) = section(0);
        let (pages_len, pages_hash) = section(1);
        let (list_len, list_hash) = section(2);
        let (corpus_len, corpus_hash) = section(3);
        let keys_at = PREFIX as u64;
        let size = f.metadata().map_err(|e| damaged(&e.to_string()))?.len();
        let pages_at = keys_at.checked_add(keys_len);
        let list_at = pages_at.and_then(|p| p.checked_add(pages_len));
        let corpus_at = list_at.and_then(|l| l.checked_add(list_len));
        let end = corpus_at.and_then(|c| c.checked_add(corpus_len));
        let (Some(corpus_at), Some(list_at), Some(pages_at), Some(end)) =
            (corpus_at, list_at, pages_at, end)
        else {
            return Err(damaged("is damaged (bad lengths)"));
        };
        if end != size {
            return Err(damaged("is damaged (truncated)"));
        }
        let bytes = read_section(&mut f, keys_at, keys_len, keys_hash)
            .map_err(|e| damaged(&format!("is damaged ({e})")))?;
        let mut r = Reader::new(&bytes);
        let (keys, walk_warnings) =
            decode_keys(&mut r).map_err(|e| damaged(&format!("is damaged ({})", e.0)))?;
        Ok(Cache {
            file: file.to_path_buf(),
            handle: f,
            walked,
            keys,
            walk_warnings,
            corpus_at: (corpus_at, corpus_len, corpus_hash),
            list_at: (list_at, list_len, list_hash),
            pages_at: (pages_at, pages_len, pages_hash),
        })
    }

    /// Whether the stored `key` vouches for the input as it is `now`: the same path,
    /// size and time, that time at least [`RACY`] seconds before the walk that made the
    /// cache (a file changed again within its time's resolution keeps its time).
    pub(super) fn trusted(&self, key: &Key, now: &(String, u64, (i64, u32))) -> bool {
        key.path == now.0
            && key.size == now.1
            && key.mtime == now.2
            && key.mtime.0.saturating_add(RACY) < self.walked.0
    }

    /// Whether every input is as stored, each vouched for by its size and time or
    /// else read and its text hashed the same: the number hashed, or `None` as soon as
    /// one differs.
    pub(super) fn unchanged(
        &self,
        inputs: &[Input],
        stats: &[(String, u64, (i64, u32))],
    ) -> Option<usize> {
        let unsure: Vec<usize> = (0..inputs.len())
            .filter(|&i| !self.trusted(&self.keys[i], &stats[i]))
            .collect();
        unsure
            .par_iter()
            .all(|&i| {
                read::read_input(&inputs[i])
                    .is_ok_and(|read| xxh3_64(read.page.text.as_bytes()) == self.keys[i].hash)
            })
            .then_some(unsure.len())
    }

    /// Records in the file that its inputs were all found unchanged by a walk that
    /// started at `walked`, so files hashed this time are trusted by their time next.
    pub(super) fn walked_again(&self, walked: (i64, u32)) -> io::Result<()> {
        let mut f = std::fs::OpenOptions::new().write(true).open(&self.file)?;
        f.seek(SeekFrom::Start(52))?;
        let mut at = [0u8; 12];
        at[..8].copy_from_slice(&walked.0.to_le_bytes());
        at[8..].copy_from_slice(&walked.1.to_le_bytes());
        f.write_all(&at)
    }

    /// The stored corpus, read and decoded a piece at a time ([`super::stream`]); with
    /// `shelf`, its stories' text goes there as they are decoded, when the stored
    /// corpus is larger than `shelf`'s budget (where each story's text went comes
    /// beside the corpus, else nothing).
    pub(super) fn corpus(
        &self,
        shelf: Option<(&Spill, u64)>,
    ) -> Result<(Corpus, Vec<Option<Body>>), codec::Error> {
        let f = self
            .handle
            .try_clone()
            .map_err(|_| codec::Error("is unreadable"))?;
        let shelf = shelf.and_then(|(spill, budget)| (self.corpus_at.1 > budget).then_some(spill));
        super::stream::corpus(f, self.corpus_at, shelf)
    }

    /// What `each` makes of every stored story, a story at a time
    /// ([`super::stream::each_story`]).
    pub(super) fn each_story<T: Send>(
        &self,
        each: impl Fn(crate::model::Story) -> T + Sync,
    ) -> Result<Vec<T>, codec::Error> {
        let f = self
            .handle
            .try_clone()
            .map_err(|_| codec::Error("is unreadable"))?;
        super::stream::each_story(f, self.corpus_at, each)
    }

    /// The stored list: the stories without their bodies ([`super::list`]), read
    /// through the file as opened and checked whole before it is decoded.
    pub(super) fn list(&self) -> Result<super::Listed, codec::Error> {
        let (at, len, hash) = self.list_at;
        let mut f = self
            .handle
            .try_clone()
            .map_err(|_| codec::Error("is unreadable"))?;
        let bytes = read_section(&mut f, at, len, hash)
            .map_err(|_| codec::Error("is damaged (list checksum)"))?;
        super::list::read(&bytes).map_err(|_| codec::Error("is damaged (bad list)"))
    }

    /// The stored stories' text, to be read again later ([`super::StoredText`]).
    pub(super) fn stored_text(&self) -> Option<super::StoredText> {
        Some(super::StoredText {
            file: self.handle.try_clone().ok()?,
            at: self.corpus_at,
        })
    }

    /// The stored entries, one per key, read and decoded a piece at a time
    /// ([`super::stream::items`]); with `spill`, each page's stories' text goes there
    /// as the page is decoded, so the stored text is never all held: each entry comes
    /// with where its stories' text went ([`crate::ingest::spill_page`]; empty without
    /// `spill`).
    pub(super) fn pages(
        &self,
        spill: Option<&Spill>,
    ) -> Result<Vec<super::StoredPage>, codec::Error> {
        let f = self
            .handle
            .try_clone()
            .map_err(|_| codec::Error("is unreadable"))?;
        let decode = |r: &mut Reader<'_>| {
            let mut entry = read_entry(r)?;
            let bodies = match (&mut entry, spill) {
                (Entry::Page(page, ..), Some(spill)) => crate::ingest::spill_page(page, spill),
                _ => Vec::new(),
            };
            Ok((entry, bodies))
        };
        let entries = super::stream::items(f, self.pages_at, &decode)?;
        (entries.len() == self.keys.len())
            .then_some(entries)
            .ok_or(codec::Error("is damaged (pages do not match)"))
    }
}

/// The paragraphs of `story`: its own, or read back from `spill` at `body`.
fn with_text<'a>(
    story: &'a Story,
    body: Option<Body>,
    spill: Option<&Spill>,
) -> io::Result<Cow<'a, [String]>> {
    match (body, spill) {
        (None, _) => Ok(Cow::Borrowed(&story.paragraphs)),
        (Some(body), Some(spill)) => spill.get(body).map(Cow::Owned),
        (Some(_), None) => Err(io::Error::other("no temporary file for the text")),
    }
}

/// One input's entry, as [`read_entry`] reads it.
fn write_entry(w: &mut Writer, entry: &Entry) {
    match entry {
        Entry::Page(page, warnings, bytes) => {
            w.bool(true);
            w.page(page);
            w.list(warnings, Writer::warning);
            w.u64(*bytes);
        }
        Entry::Failed(warning) => {
            w.bool(false);
            w.warning(warning);
        }
    }
}

/// One input's entry.
fn read_entry(r: &mut Reader<'_>) -> codec::Result<Entry> {
    Ok(if r.bool()? {
        let page = r.page()?;
        let warnings = r.list(Reader::warning)?;
        Entry::Page(page, warnings, r.u64()?)
    } else {
        Entry::Failed(r.warning()?)
    })
}

/// Reads `len` bytes at `at` and checks their checksum.
fn read_section(f: &mut File, at: u64, len: u64, hash: u64) -> io::Result<Vec<u8>> {
    f.seek(SeekFrom::Start(at))?;
    let len = usize::try_from(len).map_err(|_| io::Error::other("too large"))?;
    let mut bytes = vec![0; len];
    f.read_exact(&mut bytes)?;
    if xxh3_64(&bytes) != hash {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "checksum"));
    }
    Ok(bytes)
}

/// [`LOADER_VERSION`] in the 32 bytes the prefix gives it (hashed when longer).
fn version_bytes() -> [u8; 32] {
    let mut out = [0u8; 32];
    let v = LOADER_VERSION.as_bytes();
    if v.len() <= 32 {
        out[..v.len()].copy_from_slice(v);
    } else {
        out[..8].copy_from_slice(&xxh3_64(v).to_le_bytes());
    }
    out
}

fn decode_keys(r: &mut Reader<'_>) -> codec::Result<(Vec<Key>, Vec<Warning>)> {
    let keys = r.list(|r| {
        Ok(Key {
            path: r.str()?,
            size: r.u64()?,
            mtime: (
                r.i64()?,
                u32::try_from(r.u64()?).map_err(|_| codec::Error("bad time"))?,
            ),
            hash: r.u64()?,
        })
    })?;
    let warnings = r.list(Reader::warning)?;
    r.is_empty()
        .then_some((keys, warnings))
        .ok_or(codec::Error("trailing bytes"))
}

/// A cache being written to a temporary file beside its place: the keys and pages
/// first (before the pages are merged away), the corpus at the end.
pub(super) struct Pending {
    temp: PathBuf,
    file: PathBuf,
    out: BufWriter<File>,
    prefix: [u8; PREFIX],
    keys: (u64, u64),
    pages: (u64, u64),
}

/// Streams encoded bytes to a file, hashing them on the way.
struct Section<'a> {
    out: &'a mut BufWriter<File>,
    hash: Xxh3,
    len: u64,
}

impl<'a> Section<'a> {
    fn new(out: &'a mut BufWriter<File>) -> Self {
        Section {
            out,
            hash: Xxh3::new(),
            len: 0,
        }
    }

    /// Writes out what `w` holds once it holds `at_least` bytes.
    fn spill(&mut self, w: &mut Writer, at_least: usize) -> io::Result<()> {
        if w.bytes.len() >= at_least {
            self.hash.update(&w.bytes);
            self.len += w.bytes.len() as u64;
            self.out.write_all(&w.bytes)?;
            w.bytes.clear();
        }
        Ok(())
    }

    /// Writes out the rest of `w`: the section's length and checksum.
    fn finish(mut self, w: &mut Writer) -> io::Result<(u64, u64)> {
        self.spill(w, 0)?;
        Ok((self.len, self.hash.digest()))
    }
}

/// How much is encoded before it is written out.
const SPILL: usize = 1 << 16;

impl Pending {
    /// Creates the temporary file and writes the keys and pages.
    pub(super) fn start(
        file: &Path,
        walked: (i64, u32),
        results: &[(Key, Entry, Vec<Option<Body>>)],
        walk_warnings: &[Warning],
        spill: Option<&Spill>,
    ) -> io::Result<Pending> {
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temp = dir.join(format!(
            ".{}.{}.tmp",
            file.file_name()
                .map_or("cache".into(), |n| n.to_string_lossy()),
            std::process::id()
        ));
        let mut out = BufWriter::with_capacity(SPILL, File::create(&temp)?);
        let mut prefix = [0u8; PREFIX];
        prefix[..16].copy_from_slice(MAGIC);
        prefix[16..20].copy_from_slice(&FORMAT.to_le_bytes());
        prefix[20..52].copy_from_slice(&version_bytes());
        prefix[52..60].copy_from_slice(&walked.0.to_le_bytes());
        prefix[60..64].copy_from_slice(&walked.1.to_le_bytes());
        out.write_all(&prefix)?;
        let mut w = Writer::default();
        w.list(results, |w, (k, ..)| {
            w.str(&k.path);
            w.u64(k.size);
            w.i64(k.mtime.0);
            w.u64(u64::from(k.mtime.1));
            w.u64(k.hash);
        });
        w.list(walk_warnings, Writer::warning);
        let keys = Section::new(&mut out).finish(&mut w)?;
        let mut section = Section::new(&mut out);
        w.usize(results.len());
        let mut chunk = Writer::default();
        for part in results.chunks(codec::CHUNK) {
            chunk.bytes.clear();
            for (_, entry, bodies) in part {
                match entry {
                    Entry::Page(page, warnings, bytes) if bodies.iter().any(Option::is_some) => {
                        let mut page = page.clone();
                        for (story, body) in page.stories.iter_mut().zip(bodies) {
                            story.paragraphs = with_text(story, *body, spill)?.into_owned();
                        }
                        write_entry(&mut chunk, &Entry::Page(page, warnings.clone(), *bytes));
                    }
                    entry => write_entry(&mut chunk, entry),
                }
            }
            w.chunk(&chunk);
            section.spill(&mut w, SPILL)?;
        }
        let pages = section.finish(&mut w)?;
        Ok(Pending {
            temp,
            file: file.to_path_buf(),
            out,
            prefix,
            keys,
            pages,
        })
    }

    /// Writes the list and the corpus, then the prefix, and puts the file in its place:
    /// the text of each story whose `bodies[i]` is given read back from `spill`.
    pub(super) fn finish(
        self,
        corpus: &Corpus,
        spill: Option<&Spill>,
        bodies: &[Option<Body>],
    ) -> io::Result<super::StoredText> {
        let Pending {
            temp,
            file,
            mut out,
            mut prefix,
            keys,
            pages,
        } = self;
        let result = (|| {
            let mut w = Writer::default();
            super::list::write(&mut w, corpus);
            let list = Section::new(&mut out).finish(&mut w)?;
            let mut section = Section::new(&mut out);
            let mut spilled = Ok(());
            let mut unread = Ok(());
            let story = |i: usize| {
                let story = &corpus.stories[i];
                let body = bodies.get(i).copied().flatten();
                match with_text(story, body, spill) {
                    Ok(Cow::Borrowed(_)) => Cow::Borrowed(story),
                    Ok(Cow::Owned(paragraphs)) => Cow::Owned(Story {
                        paragraphs,
                        ..story.clone()
                    }),
                    Err(e) => {
                        unread = Err(e);
                        Cow::Borrowed(story)
                    }
                }
            };
            w.stories(corpus.stories.len(), story, |w| {
                if spilled.is_ok() {
                    spilled = section.spill(w, SPILL);
                }
            });
            spilled?;
            unread?;
            w.corpus_rest(corpus);
            let corpus = section.finish(&mut w)?;
            for (n, (len, hash)) in [keys, pages, list, corpus].into_iter().enumerate() {
                prefix[64 + 16 * n..72 + 16 * n].copy_from_slice(&len.to_le_bytes());
                prefix[72 + 16 * n..80 + 16 * n].copy_from_slice(&hash.to_le_bytes());
            }
            out.seek(SeekFrom::Start(0))?;
            out.write_all(&prefix)?;
            out.flush()?;
            // The file as written, opened before it takes its name: no other load's
            // file put in its place can be read as this one.
            let written = File::open(&temp)?;
            std::fs::rename(&temp, &file)?;
            let corpus_at = PREFIX as u64 + keys.0 + pages.0 + list.0;
            Ok(super::StoredText {
                file: written,
                at: (corpus_at, corpus.0, corpus.1),
            })
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }
}
