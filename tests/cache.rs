//! The corpus cache (`dateline::cache`): an unchanged archive comes back whole without a
//! page parsed, a changed or new file is parsed alone, a damaged, foreign or outdated
//! cache is never trusted, and every load through it gives exactly what a fresh load
//! gives.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use dateline::cache::{self, Loaded};
use dateline::ingest::{self, LoadOptions};
use dateline::model::Corpus;

/// A folder of generated pages and a cache file beside it.
struct Archive {
    _dir: tempfile::TempDir,
    pages: PathBuf,
    cache: PathBuf,
}

impl Archive {
    fn new(count: usize) -> Archive {
        let dir = tempfile::tempdir().expect("temp dir");
        let pages = dir.path().join("pages");
        dateline::synth::write(&pages, count, 11).expect("pages written");
        let cache = dir.path().join("state/cache/archive.cache");
        Archive {
            _dir: dir,
            pages,
            cache,
        }
    }

    fn load(&self) -> Loaded {
        cache::load(
            std::slice::from_ref(&self.pages),
            &self.cache,
            &LoadOptions::default(),
        )
    }

    fn fresh(&self) -> Corpus {
        ingest::load(std::slice::from_ref(&self.pages), &LoadOptions::default())
    }

    /// The first page file, in name order.
    fn first_page(&self) -> PathBuf {
        let mut files: Vec<PathBuf> = walk(&self.pages);
        files.sort();
        files.remove(0)
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Sets a file's modification time `seconds` into the past (so its time alone vouches
/// for it, as for any file not written in the last moments).
fn age(path: &Path, seconds: u64) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("opened");
    file.set_modified(SystemTime::now() - Duration::from_secs(seconds))
        .expect("time set");
}

fn age_all(archive: &Archive) {
    for file in walk(&archive.pages) {
        age(&file, 3600);
    }
}

fn cache_warnings(corpus: &Corpus) -> Vec<String> {
    corpus
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("corpus cache"))
        .map(|w| w.to_string())
        .collect()
}

#[test]
fn an_unchanged_archive_comes_back_whole_with_no_page_parsed() {
    let archive = Archive::new(60);
    age_all(&archive);
    let first = archive.load();
    assert!(!first.hit);
    assert_eq!(first.parsed, 60);
    assert_eq!(first.quoted, first.corpus.stories.len());
    assert_eq!(first.missed.as_deref(), Some("no cache yet"));
    let fresh = archive.fresh();
    assert_eq!(first.corpus, fresh);
    let again = archive.load();
    assert!(again.hit, "{:?}", again.missed);
    assert_eq!(again.parsed, 0);
    assert_eq!(again.reused, 60);
    assert_eq!(again.corpus, fresh);
    assert!(!again.corpus.stories.is_empty());
    assert!(again.corpus.stories.iter().any(|s| !s.quotes.is_empty()));
}

#[test]
fn files_written_just_before_the_cache_are_hashed_not_trusted_by_their_time() {
    let archive = Archive::new(20);
    // A time as late as the walk that makes the cache (here: later) cannot vouch for
    // the file: it could change again within the same tick of the clock.
    let page = archive.first_page();
    let late = SystemTime::now() + Duration::from_secs(600);
    let set_late = || {
        std::fs::File::options()
            .write(true)
            .open(&page)
            .and_then(|f| f.set_modified(late))
            .expect("time set")
    };
    set_late();
    archive.load();
    let again = archive.load();
    assert!(again.hit, "hashed the same: the stored corpus");
    assert_eq!(again.parsed, 0);
    // A change that keeps the size and the time is still seen.
    let text = std::fs::read_to_string(&page).expect("read");
    let changed = text.replacen("the", "THE", 1);
    assert_eq!(changed.len(), text.len());
    assert_ne!(changed, text);
    std::fs::write(&page, &changed).expect("written");
    set_late();
    let after = archive.load();
    assert!(!after.hit);
    assert_eq!(after.parsed, 1);
    assert_eq!(after.corpus, archive.fresh());
}

#[test]
fn a_changed_file_alone_is_parsed_and_the_corpus_is_a_fresh_loads() {
    let archive = Archive::new(60);
    age_all(&archive);
    archive.load();
    let page = archive.first_page();
    let text = std::fs::read_to_string(&page).expect("read");
    std::fs::write(
        &page,
        format!("Harbour strike ends after nine days\n\n\"We are back at work,\" said Ana Ortiz, a dock worker.\n\n{text}"),
    )
    .expect("written");
    age(&page, 60);
    let after = archive.load();
    assert!(!after.hit);
    assert_eq!(after.parsed, 1);
    assert_eq!(after.reused, 59);
    // Only the changed page's stories have their quotes found again.
    assert!(
        (1..=3).contains(&after.quoted),
        "{} of {} stories quoted afresh",
        after.quoted,
        after.corpus.stories.len()
    );
    let fresh = archive.fresh();
    assert_eq!(after.corpus, fresh);
    assert!(
        fresh
            .stories
            .iter()
            .any(|s| s.quotes.iter().any(|q| q.text.contains("back at work")))
    );
    // And the next start takes it all from the cache again.
    let again = archive.load();
    assert!(again.hit);
    assert_eq!(again.corpus, fresh);
}

#[test]
fn a_touched_file_with_the_same_text_is_not_parsed_again() {
    let archive = Archive::new(30);
    age_all(&archive);
    archive.load();
    age(&archive.first_page(), 120);
    let after = archive.load();
    assert_eq!(after.parsed, 0);
    assert!(after.hit, "same text everywhere: the stored corpus");
    assert_eq!(after.corpus, archive.fresh());
}

#[test]
fn new_and_removed_files_are_seen() {
    let archive = Archive::new(30);
    age_all(&archive);
    archive.load();
    let added = archive.pages.join("added.txt");
    std::fs::write(
        &added,
        "Ferry timetable changes from May\n\n\"The late boat stays,\" said Ines Moreau, who runs the line.\n",
    )
    .expect("written");
    age(&added, 60);
    let after = archive.load();
    assert_eq!(after.parsed, 1);
    assert_eq!(after.corpus, archive.fresh());
    std::fs::remove_file(archive.first_page()).expect("removed");
    let after = archive.load();
    assert_eq!(after.parsed, 0);
    assert!(!after.hit);
    assert_eq!(after.corpus, archive.fresh());
}

#[test]
fn a_damaged_cache_is_ignored_with_one_warning_and_rebuilt() {
    let archive = Archive::new(30);
    age_all(&archive);
    archive.load();
    let mut bytes = std::fs::read(&archive.cache).expect("cache written");
    // One byte changed near the end, in the stored corpus.
    let at = bytes.len() - 100;
    bytes[at] ^= 0x55;
    std::fs::write(&archive.cache, &bytes).expect("damaged");
    let after = archive.load();
    assert!(!after.hit);
    let warnings = cache_warnings(&after.corpus);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("damaged"), "{warnings:?}");
    let mut corpus = after.corpus;
    corpus
        .warnings
        .retain(|w| !w.message.starts_with("corpus cache"));
    corpus.stats.warnings = corpus.warnings.len();
    assert_eq!(corpus, archive.fresh());
    // Rebuilt: the next start is whole again, without a warning.
    let again = archive.load();
    assert!(again.hit);
    assert!(cache_warnings(&again.corpus).is_empty());
}

#[test]
fn a_truncated_or_foreign_cache_is_ignored_with_one_warning() {
    let archive = Archive::new(10);
    age_all(&archive);
    archive.load();
    let bytes = std::fs::read(&archive.cache).expect("cache written");
    std::fs::write(&archive.cache, &bytes[..bytes.len() / 2]).expect("cut");
    let after = archive.load();
    assert_eq!(after.parsed, 10);
    assert_eq!(cache_warnings(&after.corpus).len(), 1);
    std::fs::write(&archive.cache, b"PK\x03\x04 something else entirely").expect("foreign");
    let after = archive.load();
    assert_eq!(after.parsed, 10);
    let warnings = cache_warnings(&after.corpus);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("not a dateline cache"), "{warnings:?}");
    assert!(archive.load().hit);
}

#[test]
fn a_cache_from_another_loader_version_is_rebuilt_quietly() {
    let archive = Archive::new(10);
    age_all(&archive);
    archive.load();
    let mut bytes = std::fs::read(&archive.cache).expect("cache written");
    // The loader's version follows the 16-byte mark and the 4-byte format.
    assert_eq!(
        &bytes[20..20 + cache::LOADER_VERSION.len().min(32)],
        &cache::LOADER_VERSION.as_bytes()[..cache::LOADER_VERSION.len().min(32)]
    );
    bytes[20] ^= 1;
    std::fs::write(&archive.cache, &bytes).expect("written");
    let after = archive.load();
    assert!(!after.hit);
    assert_eq!(after.parsed, 10);
    assert_eq!(after.missed.as_deref(), Some("made by another version"));
    assert!(cache_warnings(&after.corpus).is_empty());
    assert!(archive.load().hit);
}

#[test]
fn the_reader_uses_the_cache_unless_told_not_to_or_reading_stdin() {
    use dateline::tui::loading::Source;
    let paths = vec![PathBuf::from("pages")];
    let state = Path::new("/somewhere/state.sqlite3");
    match dateline::cli::reader_source(&paths, Some(state), false) {
        Source::Cached { paths: p, cache } => {
            assert_eq!(p, paths);
            assert!(cache.starts_with("/somewhere/cache"), "{cache:?}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        dateline::cli::reader_source(&paths, Some(state), true),
        Source::Paths(paths.clone())
    );
    let stdin = vec![PathBuf::from("-")];
    assert_eq!(
        dateline::cli::reader_source(&stdin, Some(state), false),
        Source::Paths(stdin.clone())
    );
    assert_eq!(
        dateline::cli::reader_source(&[], Some(state), false),
        Source::Samples
    );
}

#[test]
fn the_no_cache_flag_is_parsed() {
    use clap::Parser;
    let cli = dateline::cli::Cli::parse_from(["dateline", "--no-cache", "pages"]);
    assert!(cli.no_cache);
    let cli = dateline::cli::Cli::parse_from(["dateline", "pages"]);
    assert!(!cli.no_cache);
}

#[test]
fn every_kind_of_page_comes_back_from_the_cache_as_loaded() {
    // The test pages and the feeds, saved HTML and archive exports beside them carry
    // every field of a story (addresses, summaries, offsets in times, warnings).
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = dir.path().join("all.cache");
    let paths = vec![PathBuf::from("tests/data"), PathBuf::from("assets/samples")];
    let fresh = ingest::load(&paths, &LoadOptions::default());
    let first = cache::load(&paths, &cache, &LoadOptions::default());
    assert_eq!(first.corpus, fresh);
    let again = cache::load(&paths, &cache, &LoadOptions::default());
    assert!(again.hit);
    assert_eq!(again.corpus, fresh);
    assert!(fresh.stories.iter().any(|s| s.origin.is_some()));
    assert!(
        fresh
            .stories
            .iter()
            .any(|s| s.time().is_some_and(|t| t.offset.is_some()))
    );
}

#[test]
fn damage_inside_the_stored_stories_is_never_trusted() {
    let archive = Archive::new(30);
    age_all(&archive);
    archive.load();
    let clean = std::fs::read(&archive.cache).expect("cache written");
    // The stored corpus is the file's last section, its stories most of it: bytes
    // changed a quarter from the end fall in a story, read a piece at a time.
    for at in [clean.len() * 3 / 4, clean.len() * 5 / 6] {
        let mut bytes = clean.clone();
        bytes[at] ^= 0x20;
        std::fs::write(&archive.cache, &bytes).expect("damaged");
        let after = archive.load();
        assert!(!after.hit, "damage at {at} trusted");
        let warnings = cache_warnings(&after.corpus);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("damaged"), "{warnings:?}");
        std::fs::write(&archive.cache, &clean).expect("restored");
    }
}

#[test]
fn a_whole_hit_hands_back_the_stories_text_read_again_from_the_file() {
    let archive = Archive::new(40);
    age_all(&archive);
    let first = archive.load();
    assert!(first.text.is_none(), "a rebuilt corpus is not read again");
    let mut again = archive.load();
    assert!(again.hit);
    let stored = again.text.take().expect("the stored text");
    let text = stored
        .map(|headline, paragraphs| {
            let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
            (headline.to_string(), paragraphs)
        })
        .expect("the same file");
    let expected: Vec<(String, Vec<String>)> = again
        .corpus
        .stories
        .iter()
        .map(|s| (s.headline.clone(), s.paragraphs.clone()))
        .collect();
    assert_eq!(text, expected);
    // Read through the file as opened: a cache put in its place since changes nothing.
    let mut third = archive.load();
    let other = archive.cache.with_extension("other");
    std::fs::write(&other, b"not a cache any more").expect("written");
    std::fs::rename(&other, &archive.cache).expect("put in place");
    let count = third
        .text
        .take()
        .expect("stored")
        .map(|_, _| ())
        .map(|v| v.len());
    assert_eq!(count, Some(third.corpus.stories.len()));
}

#[test]
fn old_caches_and_dead_temporary_files_are_removed_and_the_used_ones_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let make = |name: &str, hours_ago: u64| {
        let path = dir.path().join(name);
        std::fs::write(&path, b"x").expect("written");
        age(&path, hours_ago * 3600);
        path
    };
    // Twenty caches used one hour apart, the current one the oldest of them.
    let caches: Vec<PathBuf> = (0..20)
        .map(|i| make(&format!("{i:016x}.cache"), i as u64 + 1))
        .collect();
    let current = caches[19].clone();
    let unused = make("00000000000000ff.cache", 31 * 24);
    let dead_temp = make(".00000000000000aa.cache.4242.tmp", 48);
    let live_temp = make(".00000000000000bb.cache.4243.tmp", 0);
    let other = make("notes.txt", 100 * 24);
    let removed = cache::evict(dir.path(), &current, SystemTime::now());
    assert!(current.exists(), "the cache in use is kept");
    assert!(!unused.exists(), "a cache unused for a month goes");
    assert!(!dead_temp.exists(), "a day-old temporary file goes");
    assert!(live_temp.exists(), "a load writing now keeps its file");
    assert!(other.exists(), "files the cache never writes are left");
    let kept: Vec<&PathBuf> = caches[..19].iter().filter(|p| p.exists()).collect();
    assert_eq!(
        kept.len(),
        cache::KEEP - 1,
        "the current one counts as kept"
    );
    assert!(
        caches[..cache::KEEP - 1].iter().all(|p| p.exists()),
        "the ones used last are kept"
    );
    assert_eq!(removed, 2 + (19 - (cache::KEEP - 1)));
}

#[test]
fn a_reopened_cache_is_marked_used_so_it_is_not_evicted() {
    let archive = Archive::new(3);
    age_all(&archive);
    assert!(!archive.load().hit);
    age(&archive.cache, 40 * 24 * 3600);
    let loaded = archive.load();
    assert!(loaded.hit);
    let used = std::fs::metadata(&archive.cache)
        .and_then(|m| m.modified())
        .expect("cache time");
    let age = SystemTime::now().duration_since(used).unwrap_or_default();
    assert!(age.as_secs() < 24 * 3600, "marked used on reopen: {age:?}");
}

/// Loads `archive` through its cache, keeping the last progress reported.
fn load_watched(archive: &Archive) -> (Loaded, dateline::ingest::Progress) {
    let last = std::sync::Mutex::new(dateline::ingest::Progress::default());
    let watch = |p: dateline::ingest::Progress| {
        let mut last = last.lock().expect("lock");
        if p.files_done >= last.files_done {
            *last = p;
        }
    };
    let loaded = cache::load(
        std::slice::from_ref(&archive.pages),
        &archive.cache,
        &LoadOptions {
            progress: Some(&watch),
            stories: None,
        },
    );
    let last = *last.lock().expect("lock");
    (loaded, last)
}

#[test]
fn progress_says_how_many_files_came_from_the_cache() {
    let archive = Archive::new(6);
    age_all(&archive);
    let (_, first) = load_watched(&archive);
    assert_eq!((first.files_done, first.files_cached), (6, 0));
    let (_, reopened) = load_watched(&archive);
    assert_eq!((reopened.files_done, reopened.files_cached), (6, 6));
    let page = archive.first_page();
    let text = std::fs::read_to_string(&page).expect("read") + "\n\nA new closing paragraph.\n";
    std::fs::write(&page, text).expect("written");
    age(&page, 3600);
    let (loaded, changed) = load_watched(&archive);
    assert_eq!(loaded.parsed, 1);
    assert_eq!((changed.files_done, changed.files_cached), (6, 5));
    let shown = dateline::tui::loading::status_text(
        &dateline::tui::loading::Loading {
            progress: changed,
            ..Default::default()
        },
        4,
    );
    assert!(
        shown.contains("6/6 files (1 parsed, 5 from the cache)"),
        "{shown}"
    );
}

impl Archive {
    /// Loads through the cache as the reader does, keeping the list given before the
    /// bodies (if any) and counting the provisional stories streamed.
    fn load_listing(&self) -> (Loaded, Option<cache::Listed>, usize) {
        let mut listed = None;
        let streamed = std::sync::atomic::AtomicUsize::new(0);
        let found = |stories: &[dateline::model::Story]| {
            streamed.fetch_add(stories.len(), std::sync::atomic::Ordering::Relaxed);
        };
        let make = |list: cache::Listed| list;
        let mut give = |list: cache::Listed| {
            assert!(listed.is_none(), "one list");
            listed = Some(list);
        };
        let loaded = cache::load_listing(
            std::slice::from_ref(&self.pages),
            &self.cache,
            &LoadOptions {
                progress: None,
                stories: Some(&found),
            },
            Some(cache::Listing {
                make: &make,
                give: &mut give,
                shelf: None,
            }),
        );
        (loaded, listed, streamed.into_inner())
    }

    /// Where the list section lies in the cache file: after the prefix (128 bytes,
    /// the sections' lengths at 64, 80, 96 and 112), the keys and the pages.
    fn list_section(&self) -> std::ops::Range<usize> {
        let bytes = std::fs::read(&self.cache).expect("cache written");
        let len = |n: usize| {
            u64::from_le_bytes(bytes[64 + 16 * n..72 + 16 * n].try_into().expect("8")) as usize
        };
        let at = 128 + len(0) + len(1);
        at..at + len(2)
    }
}

/// The corpus without the cache's own warnings (and their count).
fn without_cache_warnings(mut corpus: Corpus) -> Corpus {
    corpus
        .warnings
        .retain(|w| !w.message.starts_with("corpus cache"));
    corpus.stats.warnings = corpus.warnings.len();
    corpus
}

#[test]
fn a_reopened_list_is_the_fresh_loads_stories_without_their_bodies() {
    let archive = Archive::new(40);
    age_all(&archive);
    let (first, listed, streamed) = archive.load_listing();
    assert!(listed.is_none(), "no cache yet: no list");
    assert!(streamed > 0, "a first load streams what it finds");
    let fresh = archive.fresh();
    assert_eq!(first.corpus, fresh);
    let (again, listed, streamed) = archive.load_listing();
    assert!(again.hit);
    assert_eq!(streamed, 0);
    let listed = listed.expect("the list, before the bodies");
    assert_eq!(listed, cache::Listed::of(&fresh));
    assert_eq!(listed.stories.len(), fresh.stories.len());
    assert!(listed.stories.iter().all(|s| s.paragraphs.is_empty()));
    let ids = |stories: &[dateline::model::Story]| -> Vec<String> {
        stories.iter().map(|s| s.id.clone()).collect()
    };
    assert_eq!(ids(&listed.stories), ids(&fresh.stories));
    assert!(listed.counts.iter().any(|c| c.spoken > 0));
    for (count, story) in listed.counts.iter().zip(&fresh.stories) {
        assert_eq!(*count, cache::QuoteCount::of(story));
    }
    assert_eq!(again.corpus, fresh, "then the whole stories");
}

#[test]
fn a_damaged_list_section_is_ignored_with_one_warning_and_rebuilt() {
    let archive = Archive::new(30);
    age_all(&archive);
    archive.load();
    let list = archive.list_section();
    assert!(list.len() > 100, "a list section: {list:?}");
    let clean = std::fs::read(&archive.cache).expect("cache written");
    for at in [list.start + 1, list.start + list.len() / 2, list.end - 1] {
        let mut bytes = clean.clone();
        bytes[at] ^= 0x11;
        std::fs::write(&archive.cache, &bytes).expect("damaged");
        let (after, listed, _) = archive.load_listing();
        assert!(listed.is_none(), "damage at {at}: a list shown");
        assert!(!after.hit);
        assert_eq!(after.parsed, 0, "the stored pages are sound");
        let warnings = cache_warnings(&after.corpus);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("damaged"), "{warnings:?}");
        assert_eq!(without_cache_warnings(after.corpus), archive.fresh());
        // Rebuilt: the next start lists at once, without a warning.
        let (again, listed, _) = archive.load_listing();
        assert!(again.hit && listed.is_some());
        assert!(cache_warnings(&again.corpus).is_empty());
    }
}

#[test]
fn a_changed_new_or_removed_file_is_never_listed_from_the_cache() {
    let archive = Archive::new(30);
    age_all(&archive);
    // A file whose time is as late as the walk that made the cache is hashed: a
    // change keeping its size and time is seen.
    let page = archive.first_page();
    let late = SystemTime::now() + Duration::from_secs(600);
    let set_late = || {
        std::fs::File::options()
            .write(true)
            .open(&page)
            .and_then(|f| f.set_modified(late))
            .expect("time set")
    };
    set_late();
    archive.load();
    let bytes = std::fs::read(&archive.cache).expect("cache");
    let text = std::fs::read_to_string(&page).expect("read");
    let changed = text.replacen("the", "THE", 1);
    assert_eq!(changed.len(), text.len());
    assert_ne!(changed, text);
    std::fs::write(&page, &changed).expect("written");
    set_late();
    let (after, listed, _) = archive.load_listing();
    assert!(
        listed.is_none() && !after.hit,
        "a changed file listed stale"
    );
    assert_eq!(after.parsed, 1);
    assert_eq!(after.corpus, archive.fresh());
    // The same change with another time, against the old cache.
    std::fs::write(&archive.cache, &bytes).expect("the old cache back");
    age(&page, 3600);
    let (after, listed, _) = archive.load_listing();
    assert!(listed.is_none(), "a changed time");
    assert_eq!(after.corpus, archive.fresh());
    let added = archive.pages.join("added.txt");
    std::fs::write(
        &added,
        "Ferry timetable changes from May\n\n\"The late boat stays,\" said Ines Moreau.\n",
    )
    .expect("written");
    age(&added, 60);
    let (after, listed, _) = archive.load_listing();
    assert!(listed.is_none(), "a new file");
    assert_eq!(after.corpus, archive.fresh());
    std::fs::remove_file(&added).expect("removed");
    let (after, listed, _) = archive.load_listing();
    assert!(listed.is_none(), "a removed file");
    assert_eq!(after.corpus, archive.fresh());
    let (after, listed, _) = archive.load_listing();
    assert!(after.hit && listed.is_some(), "unchanged again");
}

#[test]
fn damaged_bodies_after_the_list_are_rebuilt_without_streaming_stories_beside_it() {
    let archive = Archive::new(30);
    age_all(&archive);
    archive.load();
    let mut bytes = std::fs::read(&archive.cache).expect("cache written");
    let at = bytes.len() - 100;
    bytes[at] ^= 0x55;
    std::fs::write(&archive.cache, &bytes).expect("damaged");
    let (after, listed, streamed) = archive.load_listing();
    let listed = listed.expect("the list is sound");
    assert!(!after.hit);
    assert_eq!(streamed, 0, "no provisional story beside the list shown");
    assert_eq!(cache_warnings(&after.corpus).len(), 1);
    let fresh = archive.fresh();
    assert_eq!(
        listed,
        cache::Listed::of(&fresh),
        "the list shown was right"
    );
    assert_eq!(without_cache_warnings(after.corpus), fresh);
}
