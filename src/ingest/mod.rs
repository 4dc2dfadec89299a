//! The page loader: reads files and turns pages into stories.
//!
//! The pipeline, one stage per module:
//! 1. [`read`] expands the paths given (files, directories, `-`) into inputs and reads
//!    each one, refusing what is not a page (binary, empty, FIFOs, ...);
//! 2. [`sanitize`] decodes and cleans the text so nothing in it can drive a terminal;
//!    ([`read::unpack`] inflates gzip and decodes markup by its declared charset first);
//! 3. a saved HTML page becomes one story ([`html`]), a feed one story per entry
//!    ([`feed`]), an archive export one per document ([`archive`]); any other text page:
//!    [`page`] segments a page into blocks, classifies them (chrome, section, headline,
//!    byline, timestamp, caption, body) and splits it into stories, using
//!    [`timestamp`] for the dates;
//! 4. [`dedupe`] merges the same story found in several pages and gives each story
//!    its stable id;
//! 5. [`crate::quotes`] finds the quotes and builds the speaker directory.
//!
//! Pages are read and parsed in parallel, one file at a time per worker, so the raw
//! text of a page is dropped as soon as its stories are built.

pub mod archive;
pub mod article;
pub mod classify;
pub mod dedupe;
pub mod feed;
pub mod format;
pub mod html;
pub mod page;
pub mod phrases;
pub mod read;
pub mod sanitize;
pub mod segment;
pub mod spill;
pub mod spilled;
pub mod split;
pub mod text;
pub mod timestamp;
pub mod unwrap;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::{Corpus, LoadStats, Story, Warning};

/// A page's decoded, sanitised text and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The path as the user would recognise it (or `-` for standard input).
    pub path: String,
    /// The text: valid UTF-8, `\n` line ends, tabs expanded, no control characters.
    pub text: String,
}

/// What parsing one page produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedPage {
    /// The stories found in the page, in page order, without ids or quotes yet.
    pub stories: Vec<Story>,
    /// What the merger needs of each story (`prints[i]` for `stories[i]`), made
    /// while the page's words were hashed.
    pub prints: Vec<dedupe::StoryPrint>,
    /// Repeated headlines (title repeated as captions) dropped.
    pub headlines_removed: usize,
    /// Paragraphs repeated within the page dropped.
    pub paragraphs_removed: usize,
    /// Problems with parts of the page (a damaged document of an archive export).
    pub warnings: Vec<Warning>,
}

/// Progress reported while loading, for the reader's progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Inputs read so far (successfully or not).
    pub files_done: usize,
    /// Inputs to read in all.
    pub files_total: usize,
    /// Stories found so far (before merging duplicates).
    pub stories_found: usize,
    /// Of the inputs done, those taken from the corpus cache unparsed (0 without one).
    pub files_cached: usize,
    /// Once every input is read and the stories merged: the stories whose quotes are
    /// found so far, of [`Progress::stories_to_quote`] (0 before, and for a load that
    /// does not say).
    pub stories_quoted: usize,
    /// The stories to quote once merged (0 until then).
    pub stories_to_quote: usize,
}

/// A callback given each page's stories as soon as they are parsed.
pub type StoriesFound<'a> = dyn Fn(&[Story]) + Sync + 'a;

/// How to load.
#[derive(Default)]
pub struct LoadOptions<'a> {
    /// Called from worker threads after each input is read.
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// Called from worker threads with each page's stories as soon as it is parsed
    /// (before merging: no ids, no quotes), for a reader that shows them at once.
    pub stories: Option<&'a StoriesFound<'a>>,
}

/// Loads every page under `paths` (files, directories, `-` for stdin) into a corpus.
///
/// Never fails: problems with single inputs become [`Warning`]s in the corpus.
pub fn load(paths: &[PathBuf], options: &LoadOptions<'_>) -> Corpus {
    let (parsed, warnings, stats) = read_pages(paths, options);
    assemble(parsed, warnings, stats)
}

/// The stories [`load`] gives (merged, identified, sorted newest first), without their
/// quotes and without the speaker directory, with the warnings and counts of reading
/// them (the counts of quotes and speakers left at zero). Giving each story the quotes
/// [`crate::quotes::extract`] finds makes it the story [`load`] gives: a writer that
/// finds them as it writes each story (`export --format jsonl`) never holds more than a
/// few stories' quotes.
///
/// The stories' text waits in a temporary file ([`spill`]) from the moment each page is
/// parsed, so what is held is the stories without their text (when no temporary file
/// can be made, the text stays in memory): [`Unquoted::take`] gives each story whole.
pub fn load_unquoted(paths: &[PathBuf]) -> (Unquoted, Vec<Warning>, LoadStats) {
    let spill = spill::Spill::new().ok();
    let (parsed, warnings, mut stats) =
        read_pages_with(paths, &LoadOptions::default(), spill.as_ref());
    let (pages, bodies): (Vec<ParsedPage>, Vec<_>) = parsed.into_iter().unzip();
    let bodies: Vec<Option<spill::Body>> = bodies.into_iter().flatten().collect();
    let texts = spill::SpilledTexts {
        spill: spill.as_ref(),
        bodies: &bodies,
    };
    let mut stories: Vec<spill::Waiting> = merge_pages_with(pages, &mut stats, &texts)
        .into_iter()
        .map(|(story, i)| spill::Waiting {
            story,
            body: bodies.get(i).copied().flatten(),
        })
        .collect();
    stats.paragraphs = stories.iter().map(spill::Waiting::paragraphs).sum();
    sort_newest_first_by(&mut stories, |w| &w.story);
    stats.stories = stories.len();
    stats.warnings = warnings.len();
    (Unquoted { stories, spill }, warnings, stats)
}

/// The stories of [`load_unquoted`], newest first, waiting for their text and quotes.
#[derive(Debug)]
pub struct Unquoted {
    /// The stories, each without its text while it waits in the spill file.
    pub stories: Vec<spill::Waiting>,
    /// Where their text waits.
    spill: Option<spill::Spill>,
}

impl Unquoted {
    /// One of [`Unquoted::stories`] with its text back (an error only when the
    /// temporary file cannot be read back).
    pub fn take(&self, waiting: spill::Waiting) -> std::io::Result<Story> {
        waiting.into_story(self.spill.as_ref())
    }
}

/// Loads every page under `paths` as [`load`] does, but keeps only the counts (and
/// the warnings): the stories wait for their text as [`load_unquoted`] has them, and
/// each story's quotes are let go as soon as they are counted, and the story with them,
/// so neither the archive's text nor its quotes nor the finished corpus (with its
/// speaker directory) are ever held at once. The counts are exactly those of [`load`].
/// What `dateline stats` uses.
pub fn load_counts(paths: &[PathBuf]) -> (LoadStats, Vec<Warning>) {
    let (mut unquoted, mut warnings, mut stats) = load_unquoted(paths);
    let stories = std::mem::take(&mut unquoted.stories);
    let tally = stories
        .into_par_iter()
        .fold(Tally::default, |mut tally, waiting| {
            let Ok(story) = unquoted.take(waiting) else {
                tally.unread += 1;
                return tally;
            };
            let quotes = crate::quotes::extract(&story);
            tally.quotes += quotes.len();
            tally.speakers.extend(
                quotes
                    .into_iter()
                    .filter(|q| !q.partial)
                    .filter_map(|q| q.speaker),
            );
            tally
        })
        .reduce(Tally::default, Tally::add);
    if tally.unread > 0 {
        warnings.push(spill::unread_warning(tally.unread));
    }
    stats.quotes += tally.quotes;
    stats.speakers = tally.speakers.len();
    stats.warnings = warnings.len();
    (stats, warnings)
}

/// What [`load_counts`] counts of a run of stories.
#[derive(Default)]
struct Tally {
    /// Quotes found in them.
    quotes: usize,
    /// The distinct speakers of their whole quotes.
    speakers: std::collections::HashSet<crate::model::Name>,
    /// Stories whose text could not be read back, so their quotes are not counted.
    unread: usize,
}

impl Tally {
    /// The tally of two runs of stories.
    fn add(mut self, mut other: Tally) -> Tally {
        if self.speakers.len() < other.speakers.len() {
            std::mem::swap(&mut self.speakers, &mut other.speakers);
        }
        self.speakers.extend(other.speakers);
        self.quotes += other.quotes;
        self.unread += other.unread;
        self
    }
}

/// Reads and parses every page under `paths`, in parallel.
fn read_pages(
    paths: &[PathBuf],
    options: &LoadOptions<'_>,
) -> (Vec<ParsedPage>, Vec<Warning>, LoadStats) {
    let (parsed, warnings, stats) = read_pages_with(paths, options, None);
    (
        parsed.into_iter().map(|(page, _)| page).collect(),
        warnings,
        stats,
    )
}

/// A parsed page and where each of its stories' text went (`None`: still in the story).
type SpilledPage = (ParsedPage, Vec<Option<spill::Body>>);

/// [`read_pages`], with each page's stories' text moved to `spill` as soon as the page
/// is parsed (their prints made first): each page comes with where each of its
/// stories' text is (`None` for text still in the story).
fn read_pages_with(
    paths: &[PathBuf],
    options: &LoadOptions<'_>,
    spill: Option<&spill::Spill>,
) -> (Vec<SpilledPage>, Vec<Warning>, LoadStats) {
    let (inputs, mut warnings) = read::discover(paths);
    let files = inputs.len();
    let done = AtomicUsize::new(0);
    let found = AtomicUsize::new(0);
    type Read = (
        Option<(ParsedPage, Vec<Option<spill::Body>>)>,
        Vec<Warning>,
        u64,
    );
    let results: Vec<Read> = inputs
        .par_iter()
        .map(|input| {
            let out = match read::read_input(input) {
                Ok(read) => {
                    let mut parsed = parse_page(&read.page);
                    if let Some(found) = options.stories {
                        found(&parsed.stories);
                    }
                    let mut warnings = read.warnings;
                    warnings.append(&mut parsed.warnings);
                    let bodies =
                        spill.map_or_else(Vec::new, |spill| spill_page(&mut parsed, spill));
                    (Some((parsed, bodies)), warnings, read.bytes)
                }
                Err(w) => (None, vec![w], 0),
            };
            let files_done = done.fetch_add(1, Ordering::Relaxed) + 1;
            let page_stories = out.0.as_ref().map_or(0, |(p, _)| p.stories.len());
            let stories_found = found.fetch_add(page_stories, Ordering::Relaxed) + page_stories;
            if let Some(report) = options.progress {
                report(Progress {
                    files_done,
                    files_total: files,
                    stories_found,
                    ..Progress::default()
                });
            }
            out
        })
        .collect();
    let mut stats = LoadStats {
        files,
        ..LoadStats::default()
    };
    let mut parsed = Vec::with_capacity(results.len());
    for (page, page_warnings, bytes) in results {
        warnings.extend(page_warnings);
        stats.bytes += bytes;
        if let Some(page) = page {
            stats.pages += 1;
            parsed.push(page);
        }
    }
    (parsed, warnings, stats)
}

/// Loads pages already in memory, as (name, raw bytes): the bundled samples, stdin,
/// tests. Each is decoded and sanitised exactly as a file would be.
pub fn load_pages(pages: impl IntoIterator<Item = (String, Vec<u8>)>) -> Corpus {
    load_pages_with(pages, &LoadOptions::default())
}

/// [`load_pages`], reporting progress and stories as [`load`] does.
pub fn load_pages_with(
    pages: impl IntoIterator<Item = (String, Vec<u8>)>,
    options: &LoadOptions<'_>,
) -> Corpus {
    let pages: Vec<(String, Vec<u8>)> = pages.into_iter().collect();
    let files_total = pages.len();
    let mut stories_found = 0;
    let mut warnings = Vec::new();
    let mut stats = LoadStats::default();
    let mut parsed = Vec::new();
    for (name, bytes) in pages {
        stats.files += 1;
        stats.bytes += bytes.len() as u64;
        match read::unpack(&name, bytes).and_then(|bytes| sanitize::decode_owned(&name, bytes)) {
            Ok((page, page_warnings)) => {
                warnings.extend(page_warnings);
                stats.pages += 1;
                let mut page = parse_page(&page);
                warnings.append(&mut page.warnings);
                if let Some(found) = options.stories {
                    found(&page.stories);
                }
                stories_found += page.stories.len();
                parsed.push(page);
            }
            Err(w) => warnings.push(w),
        }
        if let Some(report) = options.progress {
            report(Progress {
                files_done: stats.files,
                files_total,
                stories_found,
                ..Progress::default()
            });
        }
    }
    assemble(parsed, warnings, stats)
}

/// Parses one page's text (already sanitised) into stories, without merging or quotes.
pub fn parse_text(path: &str, text: &str) -> ParsedPage {
    parse_page(&Page {
        path: path.to_string(),
        text: text.to_string(),
    })
}

/// Parses one page into stories: a saved HTML page ([`html`]) as one story, a feed
/// ([`feed`]) entry by entry, an archive export ([`archive`]) document by document,
/// any other page by its layout ([`page`]), hard-wrapped text made ready for it first
/// ([`unwrap`]). HTML and feeds are told by their content; a file named as a feed that
/// is not one is passed over rather than read as text.
pub fn parse_page(page: &Page) -> ParsedPage {
    if let Some(parsed) = html::parse(page) {
        return parsed;
    }
    if let Some(parsed) = feed::parse(page) {
        return parsed;
    }
    match format::detect(std::path::Path::new(&page.path)) {
        Some(format::Format::Html) if page.text.trim_start().starts_with('<') => {
            return html::parse_html(page);
        }
        // Data files beside the pages (`gold.json`, `config.xml`) are no feeds and no
        // text: passed over without a word.
        Some(format::Format::Feed) => return ParsedPage::default(),
        _ => {}
    }
    if let Some(parsed) = archive::parse(page) {
        return parsed;
    }
    let mut parsed = match unwrap::unwrap_page(&page.text) {
        std::borrow::Cow::Borrowed(_) => page::parse(page),
        std::borrow::Cow::Owned(text) => page::parse(&Page {
            path: page.path.clone(),
            text,
        }),
    };
    text_addresses(&page.text, &mut parsed);
    parsed
}

/// Whether a text holds `URL:`, `Source:` or `SOURCE:`: one search for their colon,
/// which real text holds a few times a page.
fn holds_address_field(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b':', bytes).any(|at| {
        let before = &bytes[..at];
        before.ends_with(b"URL") || before.ends_with(b"Source") || before.ends_with(b"SOURCE")
    })
}

/// A `URL:` or `Source:` line of a text page gives the address of the story it
/// stands in (or of the page's only story); the line leaves the story's text.
fn text_addresses(text: &str, parsed: &mut ParsedPage) {
    if !holds_address_field(text) {
        return;
    }
    for (no, line) in text.lines().enumerate() {
        let Some(url) = address_line(line) else {
            continue;
        };
        let found = parsed
            .stories
            .iter()
            .position(|s| (s.source.line_start..=s.source.line_end).contains(&(no + 1)))
            .or((parsed.stories.len() == 1).then_some(0));
        let Some(i) = found else {
            continue;
        };
        let story = &mut parsed.stories[i];
        let origin = story.origin.get_or_insert_with(Default::default);
        if origin.url.is_none() {
            origin.url = Some(url.to_string());
        }
        if story.paragraphs.iter().any(|p| address_line(p).is_some())
            && story.paragraphs.iter().any(|p| address_line(p).is_none())
        {
            story.paragraphs.retain(|p| address_line(p).is_none());
            if let Some(print) = parsed.prints.get_mut(i) {
                *print = dedupe::StoryPrint::of(story);
            }
        }
    }
}

/// The address on a `URL: https://...` / `Source: https://...` line.
fn address_line(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = ["URL:", "Url:", "Source:", "SOURCE:", "Link:"]
        .iter()
        .find_map(|key| line.strip_prefix(key))?
        .trim();
    ((rest.starts_with("http://") || rest.starts_with("https://"))
        && !rest.contains(char::is_whitespace))
    .then_some(rest)
}

/// Merges, identifies, quotes and sorts the stories of parsed pages (in input order,
/// with the warnings and counts of reading them): the corpus [`load`] gives.
pub fn assemble(parsed: Vec<ParsedPage>, warnings: Vec<Warning>, stats: LoadStats) -> Corpus {
    assemble_with(parsed, warnings, stats, &crate::quotes::extract)
}

/// [`assemble`], each story's quotes found by `quotes`, which must give what
/// [`crate::quotes::extract`] gives (a cache of earlier results answers for the stories
/// it has seen).
pub fn assemble_with(
    parsed: Vec<ParsedPage>,
    warnings: Vec<Warning>,
    mut stats: LoadStats,
    quotes: &(dyn Fn(&Story) -> Vec<crate::model::Quote> + Sync),
) -> Corpus {
    let mut stories = merge_pages(parsed, &mut stats);
    stories.par_iter_mut().for_each(|story| {
        story.quotes = quotes(story);
    });
    sort_newest_first(&mut stories);
    let speakers = crate::quotes::directory(&stories);
    stats.stories = stories.len();
    stats.paragraphs = stories.iter().map(|s| s.paragraphs.len()).sum();
    stats.quotes = stories.iter().map(|s| s.quotes.len()).sum();
    stats.speakers = speakers.len();
    stats.warnings = warnings.len();
    Corpus {
        stories,
        speakers,
        warnings,
        stats,
    }
}

/// The stories of parsed pages with duplicates merged, counting what was dropped.
fn merge_pages(parsed: Vec<ParsedPage>, stats: &mut LoadStats) -> Vec<Story> {
    merge_pages_with(parsed, stats, &dedupe::InStories)
        .into_iter()
        .map(|(story, _)| story)
        .collect()
}

/// [`merge_pages`] reading the stories' text through `texts`: each story with its
/// number among the pages' stories (the kept version's, for a merged one).
fn merge_pages_with(
    parsed: Vec<ParsedPage>,
    stats: &mut LoadStats,
    texts: &dyn dedupe::Texts,
) -> Vec<(Story, usize)> {
    let count = parsed.iter().map(|page| page.stories.len()).sum();
    let mut stories = Vec::with_capacity(count);
    let mut prints = Vec::with_capacity(count);
    for mut page in parsed {
        stats.headlines_removed += page.headlines_removed;
        stats.paragraphs_removed += page.paragraphs_removed;
        if page.prints.len() != page.stories.len() {
            page.prints = page.stories.iter().map(dedupe::StoryPrint::of).collect();
        }
        stories.extend(page.stories);
        prints.extend(page.prints);
    }
    let (stories, merged) = dedupe::merge_printed_with(stories, prints, texts);
    let (stories, by_address) = merge_by_address(stories, texts);
    stats.duplicates_merged = merged + by_address;
    stories
}

/// Moves the text of `page`'s stories to `spill`, their prints made first: where each
/// story's text went (`None`: it stayed in the story).
pub fn spill_page(page: &mut ParsedPage, spill: &spill::Spill) -> Vec<Option<spill::Body>> {
    if page.prints.len() != page.stories.len() {
        page.prints = page.stories.iter().map(dedupe::StoryPrint::of).collect();
    }
    let stories = std::mem::take(&mut page.stories);
    let (stories, bodies) = stories
        .into_iter()
        .map(|story| {
            let waiting = spill::Waiting::spill(story, spill);
            (waiting.story, waiting.body)
        })
        .unzip();
    page.stories = stories;
    bodies
}

/// Merges stories that give the same address (a feed entry and the saved page of its
/// article, whose texts differ when the feed carries only a summary): the one with
/// more text is kept, with every source and the fields it lacks taken from the other.
/// Returns the stories in order and how many were merged into others.
fn merge_by_address(
    stories: Vec<(Story, usize)>,
    texts: &dyn dedupe::Texts,
) -> (Vec<(Story, usize)>, usize) {
    let address = |story: &Story| {
        story
            .origin
            .as_ref()
            .and_then(|o| o.url.as_deref())
            .map(|u| u.trim_end_matches('/').to_string())
    };
    if stories.iter().filter(|(s, _)| address(s).is_some()).count() < 2 {
        return (stories, 0);
    }
    let mut first: std::collections::HashMap<String, usize> = Default::default();
    let mut out: Vec<(Story, usize)> = Vec::with_capacity(stories.len());
    let mut merged = 0;
    for story in stories {
        let Some(url) = address(&story.0) else {
            out.push(story);
            continue;
        };
        match first.get(&url) {
            Some(&at) => {
                merged += 1;
                let length = |(s, i): &(Story, usize)| texts.length(*i, s);
                let (kept, other) = if length(&story) > length(&out[at]) {
                    let other = std::mem::replace(&mut out[at], story).0;
                    (&mut out[at].0, other)
                } else {
                    (&mut out[at].0, story.0)
                };
                let sources = kept.sources.len() + other.sources.len();
                let mut all = Vec::with_capacity(sources);
                all.append(&mut kept.sources);
                all.extend(other.sources);
                all.dedup();
                kept.sources = all;
                kept.published = kept.published.or(other.published);
                kept.updated = kept.updated.or(other.updated);
                kept.byline = kept.byline.take().or(other.byline);
                kept.section = kept.section.take().or(other.section);
                if let (Some(mine), Some(theirs)) = (kept.origin.as_mut(), other.origin) {
                    mine.publication = mine.publication.take().or(theirs.publication);
                    mine.summary = mine.summary.take().or(theirs.summary);
                    mine.length = mine.length.take().or(theirs.length);
                }
            }
            None => {
                first.insert(url, out.len());
                out.push(story);
            }
        }
    }
    (out, merged)
}

/// Sorts newest first; stories without any time go last, keeping their load order.
pub fn sort_newest_first(stories: &mut [Story]) {
    sort_newest_first_by(stories, |s| s);
}

/// [`sort_newest_first`] for things that each hold a story.
pub fn sort_newest_first_by<T>(items: &mut [T], story: impl Fn(&T) -> &Story) {
    items.sort_by(|a, b| crate::model::newest_first(story(a).time(), story(b).time()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn address_fields_are_found_by_their_colon() {
        for (text, holds) in [
            ("URL: https://example.org/a", true),
            ("Intro\nSource: Harbour Times", true),
            ("SOURCE: Wire", true),
            ("Source code: none", false),
            ("url: lower case", false),
            ("Time: 10:30", false),
            (":", false),
            ("URL", false),
        ] {
            assert_eq!(super::holds_address_field(text), holds, "{text}");
        }
    }
}
