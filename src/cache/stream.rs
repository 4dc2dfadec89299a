//! Reading the corpus and pages sections in pieces: its chunks are read from the file, hashed and
//! decoded a group at a time, the next group read while the last one is decoded, so
//! neither the whole section's bytes nor its read before its decode are ever waited
//! for. Nothing decoded is returned unless the whole section's checksum matches.
//! Decides how the section is streamed; its bytes are [`super::codec`]'s.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Take};

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use super::codec::{self, CHUNK, Reader};
use crate::ingest::spill::{Body, Spill};
use crate::model::Corpus;

/// The bytes of chunks read before they are decoded together (at least one chunk per
/// thread).
const GROUP_BYTES: usize = 4 << 20;

/// A section being read: what is left of it, and the hash of what was read.
struct Stream {
    inner: BufReader<Take<File>>,
    hash: Xxh3,
    left: u64,
}

const TRUNCATED: codec::Error = codec::Error("is damaged (truncated)");

impl Stream {
    fn open(mut f: File, at: u64, len: u64) -> Result<Stream, codec::Error> {
        f.seek(SeekFrom::Start(at))
            .map_err(|_| codec::Error("is unreadable"))?;
        Ok(Stream {
            inner: BufReader::with_capacity(1 << 16, f.take(len)),
            hash: Xxh3::new(),
            left: len,
        })
    }

    /// The next `n` bytes.
    fn bytes(&mut self, n: usize) -> Result<Vec<u8>, codec::Error> {
        if n as u64 > self.left {
            return Err(TRUNCATED);
        }
        let mut out = vec![0; n];
        self.inner.read_exact(&mut out).map_err(|_| TRUNCATED)?;
        self.hash.update(&out);
        self.left -= n as u64;
        Ok(out)
    }

    /// A varint, as [`Reader::u64`] reads it.
    fn usize(&mut self) -> Result<usize, codec::Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.bytes(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return usize::try_from(v).map_err(|_| codec::Error("is damaged (bad number)"));
            }
        }
        Err(codec::Error("is damaged (bad number)"))
    }

    /// Reads what is left and tells whether the whole section hashes to `hash`.
    fn rest(&mut self, hash: u64) -> Result<Vec<u8>, codec::Error> {
        let rest = self.bytes(usize::try_from(self.left).map_err(|_| TRUNCATED)?)?;
        (self.hash.digest() == hash)
            .then_some(rest)
            .ok_or(codec::Error("is damaged (checksum)"))
    }
}

/// The corpus stored at `at` (`len` bytes hashing to `hash`) in `file`: its stories
/// read and decoded in groups of chunks, then its speakers, warnings and counts. With
/// `shelf`, each story's paragraphs go to it as soon as the story is decoded (where each
/// went, by story, comes beside the corpus; `None` for a story whose text could not be
/// written and stays in it), so the stored text is never all held.
pub(super) fn corpus(
    file: File,
    (at, len, hash): (u64, u64, u64),
    shelf: Option<&Spill>,
) -> codec::Result<(Corpus, Vec<Option<Body>>)> {
    let mut s = Stream::open(file, at, len)?;
    let decode = |r: &mut Reader<'_>| {
        let mut story = r.story()?;
        let body = shelf.and_then(|spill| spill.put(&story.paragraphs).ok());
        if body.is_some() {
            story.paragraphs = Vec::new();
        }
        Ok((story, body))
    };
    let stories: codec::Result<Vec<(crate::model::Story, Option<Body>)>> = stories(&mut s, &decode);
    let (stories, bodies): (Vec<_>, Vec<_>) = match stories {
        Ok(stories) => stories.into_iter().unzip(),
        Err(why) => {
            // Damage in the stories: a checksum that does not match says so first.
            s.rest(hash)?;
            return Err(why);
        }
    };
    let rest = s.rest(hash)?;
    let mut r = Reader::new(&rest);
    let (speakers, warnings, stats) = r
        .corpus_rest()
        .map_err(|_| codec::Error("is damaged (bad data)"))?;
    if !r.is_empty() {
        return Err(codec::Error("is damaged (trailing bytes)"));
    }
    let corpus = Corpus {
        stories,
        speakers,
        warnings,
        stats,
    };
    let bodies = if shelf.is_some() { bodies } else { Vec::new() };
    Ok((corpus, bodies))
}

/// What `each` makes of every story stored at `at` in `file` (decoded whole, then
/// handed over: what `each` does not keep is freed at once, so the stored text is never
/// all held), in the stored order; nothing when the section's checksum does not match.
pub(super) fn each_story<T: Send>(
    file: File,
    (at, len, hash): (u64, u64, u64),
    each: impl Fn(crate::model::Story) -> T + Sync,
) -> codec::Result<Vec<T>> {
    let mut s = Stream::open(file, at, len)?;
    let decode = |r: &mut Reader<'_>| Ok(each(r.story()?));
    let made = stories(&mut s, &decode);
    s.rest(hash)?;
    made
}

/// What `decode` makes of every item stored at `at` in `file` in chunks as
/// [`codec::Writer::stories`] writes stories (the pages section's entries), in the
/// stored order, a group of chunks decoded while the next is read; nothing when the
/// section's checksum does not match.
pub(super) fn items<T: Send>(
    file: File,
    (at, len, hash): (u64, u64, u64),
    decode: &(dyn Fn(&mut Reader<'_>) -> codec::Result<T> + Sync),
) -> codec::Result<Vec<T>> {
    let mut s = Stream::open(file, at, len)?;
    let made = stories(&mut s, decode);
    match made {
        Ok(made) if s.rest(hash)?.is_empty() => Ok(made),
        Ok(_) => Err(codec::Error("is damaged (trailing bytes)")),
        Err(why) => {
            s.rest(hash)?;
            Err(why)
        }
    }
}

/// What `each` makes of every story's headline and paragraphs (borrowed from the
/// bytes read, [`Reader::story_text`]) in the corpus stored at `at` in `file`, in the
/// stored order; nothing when the section's checksum does not match.
pub(super) fn texts<T: Send>(
    file: File,
    (at, len, hash): (u64, u64, u64),
    each: impl Fn(&str, &[&str]) -> T + Sync,
) -> codec::Result<Vec<T>> {
    let mut s = Stream::open(file, at, len)?;
    let decode = |r: &mut Reader<'_>| {
        let (headline, paragraphs) = r.story_text()?;
        Ok(each(headline, &paragraphs))
    };
    let made = stories(&mut s, &decode);
    s.rest(hash)?;
    made
}

/// The stories ([`codec::Writer::stories`]), each made by `decode`, a group of chunks
/// decoded while the next is read.
fn stories<T: Send>(
    s: &mut Stream,
    decode: &(dyn Fn(&mut Reader<'_>) -> codec::Result<T> + Sync),
) -> codec::Result<Vec<T>> {
    let count = s.usize()?;
    let chunks = count.div_ceil(CHUNK);
    if chunks as u64 > s.left {
        return Err(TRUNCATED);
    }
    let mut stories = Vec::with_capacity(count.min(s.left as usize));
    let mut next = 0;
    let mut group = read_group(s, &mut next, chunks, count)?;
    while !group.is_empty() {
        let (decoded, read) = rayon::join(
            || decode_group(group, decode),
            || read_group(s, &mut next, chunks, count),
        );
        stories.extend(decoded?);
        group = read?;
    }
    Ok(stories)
}

/// The next chunks' bytes and story counts, from chunk `next` on, up to
/// [`GROUP_BYTES`] (and at least one a thread).
fn read_group(
    s: &mut Stream,
    next: &mut usize,
    chunks: usize,
    count: usize,
) -> codec::Result<Vec<(Vec<u8>, usize)>> {
    let mut group = Vec::new();
    let mut bytes = 0;
    while *next < chunks && (bytes < GROUP_BYTES || group.len() < rayon::current_num_threads()) {
        let len = s.usize()?;
        let chunk = s.bytes(len)?;
        bytes += len;
        group.push((chunk, CHUNK.min(count - *next * CHUNK)));
        *next += 1;
    }
    Ok(group)
}

/// Decodes a group's chunks on every core, in order.
fn decode_group<T: Send>(
    group: Vec<(Vec<u8>, usize)>,
    decode: &(dyn Fn(&mut Reader<'_>) -> codec::Result<T> + Sync),
) -> codec::Result<Vec<T>> {
    let decoded: Vec<Vec<T>> = group
        .into_par_iter()
        .map(|(bytes, len)| {
            let mut r = Reader::new(&bytes);
            let items = (0..len)
                .map(|_| decode(&mut r))
                .collect::<codec::Result<Vec<T>>>()
                .map_err(|_| codec::Error("is damaged (bad data)"))?;
            r.is_empty()
                .then_some(items)
                .ok_or(codec::Error("is damaged (bad chunk)"))
        })
        .collect::<codec::Result<_>>()?;
    Ok(decoded.into_iter().flatten().collect())
}
