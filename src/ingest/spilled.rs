//! The whole corpus with its stories' text waiting in a temporary file: what the
//! reader loads, so that the archive's text is never all in memory while its pages are
//! parsed, merged and quoted.
//!
//! Each page's stories' text goes to the spill file ([`super::spill`]) on the worker
//! thread that parsed it, as `export` has it. The merger reads back only the stories it
//! compares; then every story's text is read back once, on every core, to find its
//! quotes, and let go again. What is held at the end is the corpus without its text
//! (list, quotes, speakers) and where each story's text is ([`Spilled::bodies`]): the
//! reader's shelf. The stories, quotes and speakers are exactly [`super::load`]'s.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::spill::{Body, Spill, SpilledTexts, Waiting};
use super::{LoadOptions, ParsedPage, Progress};
use crate::model::{Corpus, LoadStats, Quote, Story, Warning};

/// A corpus whose stories' text waits in a spill file.
#[derive(Debug, Default)]
pub struct Spilled {
    /// The corpus [`super::load`] gives, but the paragraphs of each story whose text
    /// waits (`bodies[i]` given) left empty.
    pub corpus: Corpus,
    /// `bodies[i]`: where the text of the corpus's `i`th story is (`None`: in the
    /// story, when it could not be written).
    pub bodies: Vec<Option<Body>>,
    /// `text_keys[i]`: the [`text_key`] of the corpus's `i`th story, made while its
    /// text was read back to be quoted (so that nothing needs to read it again for it).
    pub text_keys: Vec<u128>,
}

/// A story's text (its headline, then its paragraphs) hashed: the same key for the
/// same text, another (all but surely) for any other.
pub fn text_key<'a>(parts: impl Iterator<Item = &'a str>) -> u128 {
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        hash.update(&(part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    hash.digest128()
}

/// [`text_key`] of `story` as it is.
pub fn key_of(story: &Story) -> u128 {
    let paragraphs = story.paragraphs.iter().map(String::as_str);
    text_key(std::iter::once(story.headline.as_str()).chain(paragraphs))
}

/// Loads every page under `paths` as [`super::load`] does, each page's stories' text
/// moved to `spill` as soon as the page is parsed.
pub fn load(paths: &[PathBuf], options: &LoadOptions<'_>, spill: &Spill) -> Spilled {
    let (parsed, warnings, stats) = super::read_pages_with(paths, options, Some(spill));
    merge(parsed, Some(spill), warnings, stats).quote(&crate::quotes::extract, options.progress)
}

/// How often the quote pass reports its progress: every this many stories quoted.
const REPORT_EVERY: usize = 64;

/// The stories of parsed pages merged, waiting for their quotes ([`Merged::quote`]).
pub struct Merged<'a> {
    stories: Vec<Waiting>,
    spill: Option<&'a Spill>,
    warnings: Vec<Warning>,
    stats: LoadStats,
    /// Stories found before they were merged.
    found: usize,
    /// Of the inputs, those taken from the corpus cache unparsed.
    files_cached: usize,
}

/// [`super::assemble_with`]'s first half for parsed pages whose stories' text may wait
/// in `spill` (each page with where each of its stories' text is: `None`, or no list at
/// all, for text still in the story): the stories merged, not yet quoted (so that what
/// the quotes need is made only once the merger is done).
pub fn merge(
    parsed: Vec<(ParsedPage, Vec<Option<Body>>)>,
    spill: Option<&Spill>,
    warnings: Vec<Warning>,
    mut stats: LoadStats,
) -> Merged<'_> {
    let mut pages = Vec::with_capacity(parsed.len());
    let mut bodies: Vec<Option<Body>> = Vec::new();
    let found = parsed.iter().map(|(page, _)| page.stories.len()).sum();
    for (page, mut page_bodies) in parsed {
        page_bodies.resize(page.stories.len(), None);
        bodies.extend(page_bodies);
        pages.push(page);
    }
    let texts = SpilledTexts {
        spill,
        bodies: &bodies,
    };
    let stories: Vec<Waiting> = super::merge_pages_with(pages, &mut stats, &texts)
        .into_iter()
        .map(|(story, i)| Waiting {
            story,
            body: bodies.get(i).copied().flatten(),
        })
        .collect();
    Merged {
        stories,
        spill,
        warnings,
        stats,
        found,
        files_cached: 0,
    }
}

impl Merged<'_> {
    /// The same, `files` of its inputs having been taken from the corpus cache (as the
    /// progress reported while quoting says).
    pub fn from_cache(self, files: usize) -> Self {
        Self {
            files_cached: files,
            ..self
        }
    }

    /// The second half: each story's text read back once to find its
    /// quotes with `quotes`, then the stories sorted, with the speaker directory;
    /// `progress` told how many stories are quoted, every [`REPORT_EVERY`] and at the
    /// end (every input read, the stories found before merging).
    pub fn quote(
        self,
        quotes: &(dyn Fn(&Story) -> Vec<Quote> + Sync),
        progress: Option<&(dyn Fn(Progress) + Sync)>,
    ) -> Spilled {
        let Merged {
            mut stories,
            spill,
            mut warnings,
            mut stats,
            found,
            files_cached,
        } = self;
        let unread = AtomicUsize::new(0);
        let quoted = AtomicUsize::new(0);
        let to_quote = stories.len();
        let report = |stories_quoted: usize| {
            if let Some(report) = progress {
                report(Progress {
                    files_done: stats.files,
                    files_total: stats.files,
                    stories_found: found,
                    files_cached,
                    stories_quoted,
                    stories_to_quote: to_quote,
                });
            }
        };
        report(0);
        let keys: Vec<u128> = stories
            .par_iter_mut()
            .map(|waiting| {
                let done = quoted.fetch_add(1, Ordering::Relaxed) + 1;
                if done.is_multiple_of(REPORT_EVERY) && done < to_quote {
                    report(done);
                }
                let Some(body) = waiting.body else {
                    waiting.story.quotes = quotes(&waiting.story);
                    return key_of(&waiting.story);
                };
                match spill.map(|spill| spill.get(body)) {
                    Some(Ok(paragraphs)) => {
                        let story = &mut waiting.story;
                        story.paragraphs = paragraphs;
                        story.quotes = quotes(story);
                        let key = key_of(story);
                        story.paragraphs = Vec::new();
                        key
                    }
                    // The story is shown saying its text could not be read back.
                    _ => {
                        unread.fetch_add(1, Ordering::Relaxed);
                        0
                    }
                }
            })
            .collect();
        report(to_quote);
        stats.paragraphs = stories.iter().map(Waiting::paragraphs).sum();
        let mut keyed: Vec<(Waiting, u128)> = stories.into_iter().zip(keys).collect();
        super::sort_newest_first_by(&mut keyed, |(w, _)| &w.story);
        let mut stories = Vec::with_capacity(keyed.len());
        let mut bodies = Vec::with_capacity(keyed.len());
        let mut keys = Vec::with_capacity(keyed.len());
        for (waiting, key) in keyed {
            stories.push(waiting.story);
            bodies.push(waiting.body);
            keys.push(key);
        }
        if unread.load(Ordering::Relaxed) > 0 {
            warnings.push(super::spill::unread_warning(unread.into_inner()));
        }
        let speakers = crate::quotes::directory(&stories);
        stats.stories = stories.len();
        stats.quotes = stories.iter().map(|s| s.quotes.len()).sum();
        stats.speakers = speakers.len();
        stats.warnings = warnings.len();
        Spilled {
            corpus: Corpus {
                stories,
                speakers,
                warnings,
                stats,
            },
            bodies,
            text_keys: keys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages of every shape the loader reads, with a story repeated across pages (the
    /// merger reads the spilled text back), a quote in each.
    fn pages(dir: &std::path::Path) {
        let story = |n: usize| {
            format!(
                "Harbour news {n}\n\n2026-01-0{d} 10:00\n\nThe harbour board met on the {n}th.\n\n\
                 \"We will open the north quay in spring,\" said Mayor Ana Lima {n}.\n\n\
                 The board's vote was {n} to two.\n",
                d = n % 9 + 1
            )
        };
        for n in 0..12 {
            std::fs::write(dir.join(format!("page{n}.txt")), story(n % 8)).unwrap();
        }
        std::fs::write(dir.join("empty.txt"), "").unwrap();
    }

    #[test]
    fn the_spilled_corpus_is_the_loaded_corpus_without_its_text() {
        let dir = tempfile::tempdir().unwrap();
        pages(dir.path());
        let paths = vec![dir.path().to_path_buf()];
        let whole = super::super::load(&paths, &LoadOptions::default());
        let spill = Spill::new().unwrap();
        let spilled = load(&paths, &LoadOptions::default(), &spill);
        assert_eq!(spilled.bodies.len(), spilled.corpus.stories.len());
        assert!(spilled.bodies.iter().all(Option::is_some));
        assert!(
            spilled
                .bodies
                .iter()
                .flatten()
                .any(|body| body.length() > 0)
        );
        let mut back = spilled.corpus.clone();
        for (story, body) in back.stories.iter_mut().zip(&spilled.bodies) {
            assert!(story.paragraphs.is_empty(), "the text waits in the file");
            story.paragraphs = spill.get(body.unwrap()).unwrap();
        }
        assert_eq!(back, whole);
        let keys: Vec<u128> = whole.stories.iter().map(key_of).collect();
        assert_eq!(
            spilled.text_keys, keys,
            "each story's key, in the stories' order"
        );
        assert!(
            whole.stats.duplicates_merged > 0,
            "the merger compared spilled text"
        );
        assert!(whole.stats.quotes > 0);
    }

    #[test]
    fn without_a_file_the_text_stays_in_the_stories() {
        let dir = tempfile::tempdir().unwrap();
        pages(dir.path());
        let paths = vec![dir.path().to_path_buf()];
        let whole = super::super::load(&paths, &LoadOptions::default());
        let (parsed, warnings, stats) =
            super::super::read_pages_with(&paths, &LoadOptions::default(), None);
        let spilled = merge(parsed, None, warnings, stats).quote(&crate::quotes::extract, None);
        assert!(spilled.bodies.iter().all(Option::is_none));
        assert_eq!(spilled.corpus, whole);
        let keys: Vec<u128> = whole.stories.iter().map(key_of).collect();
        assert_eq!(spilled.text_keys, keys);
    }
}
