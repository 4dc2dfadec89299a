//! The corpus cache: what loading a set of paths gave, kept in one file beside the
//! reading state, so the reader reopens an unchanged archive without parsing a page and
//! parses only the files that are new or changed.
//!
//! - Where: `<state dir>/cache/<hash of the paths>.cache` ([`file_for`]), one file per
//!   set of paths opened; the reader only (the scripting commands always load afresh).
//! - What: each input's key (path, size, modification time, and the hash of its text
//!   as read), the warnings of the walk, the finished corpus, its list, and each
//!   file's parsed page.
//! - When it is used ([`load`]): every input is looked at (`stat`). When the inputs are
//!   the same files with the same size and time, the corpus is taken as it was stored:
//!   no page is read. Its list (every story without its body, [`Listed`]) is stored
//!   apart and decoded while the inputs are looked at, and handed over
//!   ([`load_listing`]) only once they are all found unchanged, before the bodies are
//!   decoded: a list is never shown of files that changed. A file whose size or time differs is read and its text hashed:
//!   the same text is taken from the cache, other text is parsed; the corpus is then
//!   made again (merged, quoted) from all the pages, the quotes of every story whose
//!   paragraphs and time are as stored taken from the stored corpus, and the cache
//!   written anew. As in
//!   git's index, a file modified in the same instant the cache was made (its time not
//!   before the walk that made it) is never trusted by its time alone: its text is
//!   hashed.
//! - Never trusted: a file that is not a cache, was written by another loader
//!   ([`LOADER_VERSION`], a hash of the loader's sources made at build time, so any
//!   change to the loader's code throws the cache away without anyone bumping a
//!   number) or encoding ([`FORMAT`]), or whose sections do not match their checksums
//!   is ignored and rebuilt; damage and foreign files also leave a one-line warning.
//!
//! - How long it is kept ([`evict`]): one file per set of paths opened would grow without
//!   end, so after each load the folder keeps the [`KEEP`] caches used last, none unused
//!   for [`UNUSED_DAYS`] days, and no temporary file left by a load that died; a cache
//!   reopened is marked used (its modification time) though not rewritten.
//!
//! Decides where the cache lives and when it is used; the file's parts and how they
//! are checked are [`file`]'s, their bytes [`codec`]'s (the list's [`list`]'s).
//! Loading itself is [`crate::ingest`]'s: this module only decides which files it
//! needs to parse.

pub mod codec;
mod evict;
mod file;
mod list;
mod stream;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use std::collections::HashMap;

use chrono::Timelike;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::ingest::read::{self, Input};
use crate::ingest::spill::{Body, Spill};
use crate::ingest::{self, LoadOptions, ParsedPage, Progress};
use crate::model::{Corpus, LoadStats, Quote, Story, Warning};
use evict::mark_used;
pub use evict::{KEEP, UNUSED_DAYS, evict};
use file::{Cache, Miss, Pending};
pub use list::{Listed, QuoteCount};

/// The version of the byte layout ([`codec`], the file's sections): bumped when it
/// changes (2: the list section; 3: the merger's prints of each stored page's stories).
pub const FORMAT: u32 = 3;

/// The loader's version: the package version and a hash of the sources of the model,
/// the loader, the quote finder and this cache, made by `build.rs`.
pub const LOADER_VERSION: &str = env!("DATELINE_LOADER_VERSION");

/// How many seconds before the walk that made the cache a file's time must be for the
/// time alone to vouch for it (file systems keep times to the second, or two).
pub(crate) const RACY: i64 = 2;

/// One input as it was when the cache was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    /// The file's path.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time (seconds, nanoseconds since the epoch; 0 when unknown).
    pub mtime: (i64, u32),
    /// The hash of its text as read (0 when it could not be read).
    pub hash: u64,
}

/// What reading and parsing one input gave.
#[derive(Clone, Debug)]
pub(crate) enum Entry {
    /// The parsed page, the warnings raised (reading, then parsing) and bytes read.
    Page(ParsedPage, Vec<Warning>, u64),
    /// It could not be read.
    Failed(Warning),
}

/// What [`load`] did.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The corpus, exactly as [`ingest::load`] gives it (plus a warning when the cache
    /// was damaged or could not be written).
    pub corpus: Corpus,
    /// Files read and parsed.
    pub parsed: usize,
    /// Files whose parsed page came from the cache.
    pub reused: usize,
    /// Stories whose quotes were found afresh (the others' came from the cache).
    pub quoted: usize,
    /// Whether the whole corpus came from the cache.
    pub hit: bool,
    /// Why the cache could not be used at all, when it could not.
    pub missed: Option<String>,
    /// When the whole corpus, or some of its pages, came from the cache: its stories'
    /// text, to be read again from the file as stored (for an index made after the
    /// corpus went elsewhere).
    pub text: Option<StoredText>,
    /// When the stories' text went to [`Listing::shelf`] (the whole corpus from the
    /// cache, or its pages parsed or taken from it): where each story's text is there
    /// (`None`: in the story), by story as loaded; else empty.
    pub bodies: Vec<Option<Body>>,
    /// When the corpus was made anew: each story's text key
    /// ([`ingest::spilled::text_key`]), by story as loaded; else empty.
    pub text_keys: Vec<u128>,
}

/// The text of the stories of a corpus taken whole from the cache, or of one made anew
/// and just written there, read again from the same file (never another put in its
/// place meanwhile), so that an index of it needs no copy of the text in memory beside
/// the corpus.
#[derive(Debug)]
pub struct StoredText {
    file: std::fs::File,
    at: (u64, u64, u64),
}

impl StoredText {
    /// What `each` makes of every stored story's headline and paragraphs, in the
    /// order of [`Loaded::corpus`]'s stories as loaded; `None` when the file no longer
    /// reads as it did.
    pub fn map<T: Send>(self, each: impl Fn(&str, &[&str]) -> T + Sync) -> Option<Vec<T>> {
        stream::texts(self.file, self.at, each).ok()
    }
}

/// The cache file for `paths` in `dir`: one per set of paths, named by a hash of
/// their absolute forms.
pub fn file_for(dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let mut joined = Vec::new();
    for path in paths {
        let absolute = std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.clone());
        joined.extend_from_slice(absolute.to_string_lossy().as_bytes());
        joined.push(0);
    }
    dir.join(format!("{:016x}.cache", xxh3_64(&joined)))
}

/// The cache folder beside the reading state: `cache/` next to `state` when given,
/// else next to the default state file.
pub fn dir_beside(state: Option<&Path>) -> Option<PathBuf> {
    let state = match state {
        Some(state) => state.to_path_buf(),
        None => crate::state::default_path().ok()?,
    };
    Some(state.parent()?.join("cache"))
}

/// Loads `paths` as [`ingest::load`] does, through the cache in `file`: the stored
/// corpus when no input changed, else the stored pages of the unchanged inputs and a
/// fresh parse of the others; the cache is then written again. Standard input (`-`)
/// is never cached: such a load goes straight to the loader.
pub fn load(paths: &[PathBuf], file: &Path, options: &LoadOptions<'_>) -> Loaded {
    load_listing::<()>(paths, file, options, None)
}

/// What a caller of [`load_listing`] makes of the stored list while the inputs are
/// looked at, and takes once they are all found unchanged.
pub struct Listing<'a, T> {
    /// Makes what is shown of the list (sorting it, its rows): run beside the walk.
    pub make: &'a (dyn Fn(Listed) -> T + Sync),
    /// Takes it, once every input is found unchanged (never otherwise).
    pub give: &'a mut dyn FnMut(T),
    /// Where the stories' text goes (the reader's shelf): as the stored corpus is
    /// decoded, when it is larger than the budget given (bytes stored); as each page
    /// is parsed or taken from the cache, when the corpus is made anew. Where each
    /// story's text went is [`Loaded::bodies`].
    pub shelf: Option<(&'a Spill, u64)>,
}

/// As [`load`], and when no input changed, `listing` is given the stored list (every
/// story in the stored order without its body, [`Listed`]) as soon as every input is
/// found unchanged, before the bodies are decoded. The list is read, decoded and
/// made ([`Listing::make`]) on one core while the inputs are walked and looked at on
/// the other, and dropped unseen when one changed. A damaged list is a damaged cache:
/// one warning, and the cache is rebuilt. Once a list was given, a load that cannot
/// finish from the cache (its corpus found damaged) streams no provisional stories:
/// the list stays until the corpus comes, the same stories.
pub fn load_listing<T: Send>(
    paths: &[PathBuf],
    file: &Path,
    options: &LoadOptions<'_>,
    listing: Option<Listing<'_, T>>,
) -> Loaded {
    if paths.iter().any(|p| p.as_os_str() == "-") {
        let corpus = ingest::load(paths, options);
        return Loaded {
            parsed: corpus.stats.files,
            corpus,
            ..Loaded::default()
        };
    }
    let walked = now();
    let (make, mut give, shelf) = match listing {
        Some(Listing { make, give, shelf }) => (Some(make), Some(give), shelf),
        None => (None, None, None),
    };
    let ((inputs, walk_warnings, stats), (cache, mut list)) = rayon::join(
        || {
            let (inputs, walk_warnings) = read::discover(paths);
            let stats: Vec<(String, u64, (i64, u32))> = inputs.par_iter().map(stat).collect();
            (inputs, walk_warnings, stats)
        },
        || {
            let cache = Cache::open(file);
            let list = match (&cache, make) {
                (Ok(cache), Some(make)) => Some(cache.list().map(|list| {
                    let stories = list.stories.len();
                    (make(list), stories)
                })),
                _ => None,
            };
            (cache, list)
        },
    );
    let mut warnings = Vec::new();
    let mut missed = None;
    let mut listed_sent = false;
    let cache = match cache {
        Ok(cache) => Some(cache),
        Err(Miss::Absent) => {
            missed = Some("no cache yet".to_string());
            None
        }
        Err(Miss::Stale(why)) => {
            missed = Some(why);
            None
        }
        Err(Miss::Damaged(why)) => {
            warnings.push(warning(file, &format!("{why}: ignored and rebuilt")));
            missed = Some(why);
            None
        }
    };
    if let Some(cache) = &cache
        && cache.walk_warnings == walk_warnings
        && cache.keys.len() == stats.len()
        && cache
            .keys
            .iter()
            .zip(&stats)
            .all(|(key, now)| key.path == now.0 && key.size == now.1)
        && let Some(hashed) = cache.unchanged(&inputs, &stats)
        && match list.take() {
            Some(Ok((list, stories))) => {
                if let Some(give) = give.as_mut() {
                    if let Some(report) = options.progress {
                        report(Progress {
                            files_done: inputs.len(),
                            files_total: inputs.len(),
                            stories_found: stories,
                            files_cached: inputs.len(),
                            ..Progress::default()
                        });
                    }
                    give(list);
                    listed_sent = true;
                }
                true
            }
            Some(Err(why)) => {
                warnings.push(warning(file, &format!("{}: ignored and rebuilt", why.0)));
                false
            }
            None => true,
        }
    {
        match cache.corpus(shelf) {
            Ok((mut corpus, bodies)) => {
                if let Some(report) = options.progress {
                    report(Progress {
                        files_done: inputs.len(),
                        files_total: inputs.len(),
                        stories_found: corpus.stories.len(),
                        files_cached: inputs.len(),
                        ..Progress::default()
                    });
                }
                if hashed > 0 && cache.walked_again(walked).is_err() {
                    corpus.warnings.push(warning(file, "not saved"));
                }
                corpus.warnings.extend(warnings);
                mark_used(file);
                if let Some(dir) = file.parent() {
                    evict(dir, file, SystemTime::now());
                }
                return Loaded {
                    corpus,
                    reused: inputs.len(),
                    hit: true,
                    text: cache.stored_text(),
                    bodies,
                    ..Loaded::default()
                };
            }
            Err(why) => warnings.push(warning(file, &format!("{}: ignored and rebuilt", why.0))),
        }
    }
    // A list made while a file changed goes unseen.
    drop(list);
    // Stories found while loading would be shown beside the list given.
    let quiet = LoadOptions {
        progress: options.progress,
        stories: None,
    };
    let mut loaded = reload(
        &inputs,
        walk_warnings,
        &stats,
        cache.as_ref(),
        (file, walked),
        &mut warnings,
        if listed_sent { &quiet } else { options },
        shelf.map(|(spill, _)| spill),
    );
    loaded.corpus.warnings.extend(warnings);
    loaded.missed = missed;
    loaded
}

/// Reads and parses the inputs the cache cannot vouch for, takes the others' pages
/// from it, makes the corpus and writes the cache again. With `spill`, each page's
/// stories' text goes there as soon as the page is parsed or taken from the cache, so
/// the archive's text is never all held: the corpus comes without it, and
/// [`Loaded::bodies`] says where each story's is.
#[allow(clippy::too_many_arguments)]
fn reload(
    inputs: &[Input],
    walk_warnings: Vec<Warning>,
    stats: &[(String, u64, (i64, u32))],
    cache: Option<&Cache>,
    (file, walked): (&Path, (i64, u32)),
    warnings: &mut Vec<Warning>,
    options: &LoadOptions<'_>,
    spill: Option<&Spill>,
) -> Loaded {
    // The stored pages are decoded a piece at a time, their text going to `spill` as
    // they are.
    let stored: Vec<Taken<StoredPage>> = match cache.map(|c| c.pages(spill)) {
        Some(Ok(stored)) => stored.into_iter().map(Taken::new).collect(),
        Some(Err(why)) => {
            warnings.push(warning(file, &format!("{}: ignored and rebuilt", why.0)));
            Vec::new()
        }
        None => Vec::new(),
    };
    let by_path: std::collections::HashMap<&str, (&Key, &Taken<StoredPage>)> = cache
        .map(|c| {
            c.keys
                .iter()
                .zip(&stored)
                .map(|(k, e)| (k.path.as_str(), (k, e)))
                .collect()
        })
        .unwrap_or_default();
    let parsed = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let found = AtomicUsize::new(0);
    let results: Vec<(Key, Entry, Vec<Option<Body>>)> = inputs
        .par_iter()
        .zip(stats)
        .map(|(input, now)| {
            let old = by_path.get(now.0.as_str());
            let trusted = old.and_then(|(key, entry)| {
                let entry = cache
                    .is_some_and(|c| c.trusted(key, now))
                    .then(|| entry.take())??;
                Some(((*key).clone(), entry))
            });
            let (key, (mut entry, bodies)) = match trusted {
                Some(stored) => stored,
                None => {
                    let (key, entry, fresh) = read_one(input, now, old.copied());
                    if fresh {
                        parsed.fetch_add(1, Ordering::Relaxed);
                    }
                    (key, entry)
                }
            };
            let (stories, bodies) = match &mut entry {
                Entry::Page(page, ..) => {
                    // A stored page's text is in `spill` already: the reader sees its
                    // stories' rows, not read back (their text comes with the corpus,
                    // their search entries from the new cache). A parsed one's goes
                    // there once the reader has seen its stories.
                    if let Some(callback) = options.stories {
                        callback(&page.stories);
                    }
                    let bodies = match (bodies.is_empty(), spill) {
                        (true, Some(spill)) => ingest::spill_page(page, spill),
                        _ => bodies,
                    };
                    (page.stories.len(), bodies)
                }
                Entry::Failed(_) => (0, Vec::new()),
            };
            let files_done = done.fetch_add(1, Ordering::Relaxed) + 1;
            let stories_found = found.fetch_add(stories, Ordering::Relaxed) + stories;
            if let Some(report) = options.progress {
                report(Progress {
                    files_done,
                    files_total: inputs.len(),
                    stories_found,
                    // Inputs done less those parsed (read while other threads work).
                    files_cached: files_done.saturating_sub(parsed.load(Ordering::Relaxed)),
                    ..Progress::default()
                });
            }
            (key, entry, bodies)
        })
        .collect();
    let parsed = parsed.into_inner();
    let write = Pending::start(file, walked, &results, &walk_warnings, spill);
    let mut stats = LoadStats {
        files: inputs.len(),
        ..LoadStats::default()
    };
    let mut read_warnings = walk_warnings;
    let mut pages = Vec::with_capacity(results.len());
    for (_, entry, bodies) in results {
        match entry {
            Entry::Page(page, page_warnings, bytes) => {
                read_warnings.extend(page_warnings);
                stats.bytes += bytes;
                stats.pages += 1;
                pages.push((page, bodies));
            }
            Entry::Failed(w) => read_warnings.push(w),
        }
    }
    drop(stored);
    let merged = ingest::spilled::merge(pages, spill, read_warnings, stats)
        .from_cache(inputs.len() - parsed);
    // The quotes of stories whose text and time are as stored are taken as stored:
    // finding quotes is most of a load. They are read once the stories are merged, a story
    // at a time, so the stored text is never held beside the pages, nor the stored
    // quotes beside the merger's work.
    let known: HashMap<u64, Taken<Vec<Quote>>> = cache
        .and_then(|c| {
            c.each_story(|mut s| (story_key(&s), Taken::new(std::mem::take(&mut s.quotes))))
                .ok()
        })
        .map(|quotes| quotes.into_iter().collect())
        .unwrap_or_default();
    let quoted = AtomicUsize::new(0);
    let quotes = |story: &Story| match known.get(&story_key(story)).and_then(Taken::take) {
        Some(quotes) => quotes,
        None => {
            quoted.fetch_add(1, Ordering::Relaxed);
            crate::quotes::extract(story)
        }
    };
    let ingest::spilled::Spilled {
        mut corpus,
        bodies,
        text_keys,
    } = merged.quote(&quotes, options.progress);
    drop(known);
    let text = match write.and_then(|w| w.finish(&corpus, spill, &bodies)) {
        Ok(text) => Some(text),
        Err(e) => {
            corpus
                .warnings
                .push(warning(file, &format!("not saved ({e})")));
            None
        }
    };
    if let Some(dir) = file.parent() {
        evict(dir, file, SystemTime::now());
    }
    Loaded {
        reused: inputs.len() - parsed,
        parsed,
        quoted: quoted.into_inner(),
        corpus,
        hit: false,
        missed: None,
        // The stories taken from the cache are indexed from the new file, as a corpus
        // taken whole is (the loading threads made no entry of them); a load that
        // parsed every page made every entry as it parsed.
        text: text.filter(|_| parsed < inputs.len()),
        bodies,
        text_keys,
    }
}

/// A stored input's entry, with where its stories' text went (empty: in the stories).
pub(crate) type StoredPage = (Entry, Vec<Option<Body>>);

/// Something stored that one of the loading threads takes (moved, not copied), once.
struct Taken<T>(std::sync::Mutex<Option<T>>);

impl<T> Taken<T> {
    fn new(value: T) -> Self {
        Self(std::sync::Mutex::new(Some(value)))
    }

    /// The value, unless it was taken already.
    fn take(&self) -> Option<T> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

/// A hash of what a story's quotes depend on: its paragraphs and its time.
fn story_key(story: &Story) -> u64 {
    let mut hash = Xxh3::new();
    for p in &story.paragraphs {
        hash.update(&(p.len() as u64).to_le_bytes());
        hash.update(p.as_bytes());
    }
    if let Some(t) = story.time() {
        hash.update(&t.local.and_utc().timestamp().to_le_bytes());
        hash.update(&t.local.nanosecond().to_le_bytes());
        let offset = t.offset.map_or(i32::MIN, |o| o.local_minus_utc());
        hash.update(&offset.to_le_bytes());
    }
    hash.digest()
}

/// Reads one input the cache cannot vouch for by its size and time: its stored page
/// when its text hashes the same, else a fresh parse (the flag).
fn read_one(
    input: &Input,
    now: &(String, u64, (i64, u32)),
    old: Option<(&Key, &Taken<StoredPage>)>,
) -> (Key, StoredPage, bool) {
    let (path, size, mtime) = now.clone();
    match read::read_input(input) {
        Ok(read) => {
            let hash = xxh3_64(read.page.text.as_bytes());
            if let Some((key, entry)) = old
                && key.hash == hash
                && key.size == size
                && let Some(stored @ (Entry::Page(..), _)) = entry.take()
            {
                let key = Key {
                    path,
                    size,
                    mtime,
                    hash,
                };
                return (key, stored, false);
            }
            let mut page = ingest::parse_page(&read.page);
            let mut warnings = read.warnings;
            warnings.append(&mut page.warnings);
            let key = Key {
                path,
                size,
                mtime,
                hash,
            };
            (
                key,
                (Entry::Page(page, warnings, read.bytes), Vec::new()),
                true,
            )
        }
        Err(w) => {
            let key = Key {
                path,
                size,
                mtime,
                hash: 0,
            };
            (key, (Entry::Failed(w), Vec::new()), true)
        }
    }
}

/// An input's path, size and modification time (size `u64::MAX` when it cannot be
/// looked at, which no stored key has).
fn stat(input: &Input) -> (String, u64, (i64, u32)) {
    let Input::File(path) = input else {
        return ("-".to_string(), u64::MAX, (0, 0));
    };
    let name = path.to_string_lossy().into_owned();
    match std::fs::metadata(path) {
        Ok(meta) => {
            let mtime = meta.modified().ok().map_or((0, 0), since_epoch);
            (name, meta.len(), mtime)
        }
        Err(_) => (name, u64::MAX, (0, 0)),
    }
}

/// Seconds and nanoseconds since the epoch (0 before it).
fn since_epoch(t: SystemTime) -> (i64, u32) {
    t.duration_since(UNIX_EPOCH).map_or((0, 0), |d| {
        (
            i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            d.subsec_nanos(),
        )
    })
}

/// The time now, as [`since_epoch`].
fn now() -> (i64, u32) {
    since_epoch(SystemTime::now())
}

/// A warning about the cache file.
fn warning(file: &Path, what: &str) -> Warning {
    Warning {
        path: read::display_path(file),
        message: format!("corpus cache {what}"),
    }
}
