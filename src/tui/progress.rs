//! How far background loading has got, as the status bar shows it: a leaf of the
//! reader, so its state ([`super::app::App`]) can hold it without depending on the
//! loading thread ([`super::loading`]), which folds events into that state.

use std::time::Instant;

use crate::ingest::Progress;

/// Loading in progress, as the status bar shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loading {
    /// The progress last reported.
    pub progress: Progress,
    /// When loading started.
    pub started: Instant,
    /// Whether the user has done anything while loading: if not, the final corpus
    /// opens where a session starts ([`super::app::App::select_start`]) rather than on whichever
    /// provisional story happened to be first.
    pub touched: bool,
    /// Whether the list is complete and the stories' bodies are still coming (a
    /// reopening from the cache): opening a story shows `loading…` until they come,
    /// and search, speakers and the timeline come with them.
    pub listed: bool,
    /// Whether stories listed wait for their text (every one of a list reopened from
    /// the cache, or those found past [`super::loading::TEXT_BUDGET`] while pages
    /// are parsed): opening one shows `loading…` until the final corpus comes, and
    /// the speakers panel and the timeline say they wait for the text.
    pub text_to_come: bool,
}

impl Loading {
    /// Loading that has just started.
    pub fn new() -> Self {
        Self {
            progress: Progress::default(),
            started: Instant::now(),
            touched: false,
            listed: false,
            text_to_come: false,
        }
    }
}

impl Default for Loading {
    fn default() -> Self {
        Self::new()
    }
}

/// The status bar's loading line: a bar of files read, and the counts; once every file
/// is read, that the stories are merged, then a bar of the stories whose quotes are
/// found; once the list is complete and the stories' text is still coming, what waits
/// for it.
pub fn status_text(loading: &Loading, bar_cells: usize) -> String {
    let p = loading.progress;
    if loading.listed {
        return format!(
            "{} stories listed · loading their text… (then search, speakers, timeline)",
            p.stories_found
        );
    }
    // With a cache, how many of the files were parsed: only new or changed ones are.
    let cached = if p.files_cached > 0 {
        format!(
            " ({} parsed, {} from the cache)",
            p.files_done.saturating_sub(p.files_cached),
            p.files_cached
        )
    } else {
        String::new()
    };
    if p.stories_to_quote > 0 {
        return format!(
            "Finding quotes {} {}/{} stories · {}/{} files{cached}",
            bar(p.stories_quoted, p.stories_to_quote, bar_cells),
            p.stories_quoted,
            p.stories_to_quote,
            p.files_done,
            p.files_total
        );
    }
    let bar = bar(p.files_done, p.files_total, bar_cells);
    // Every file read: the stories found are being merged.
    let merging = if p.files_total > 0 && p.files_done >= p.files_total {
        " · merging…"
    } else {
        ""
    };
    format!(
        "Loading {bar} {}/{} files{cached} · {} stories found{merging}",
        p.files_done, p.files_total, p.stories_found
    )
}

/// A bar of `bar_cells` cells, filled as far as `done` of `total`.
fn bar(done: usize, total: usize, bar_cells: usize) -> String {
    let filled = (done.min(total) * bar_cells)
        .checked_div(total)
        .unwrap_or(0);
    "█".repeat(filled) + &"░".repeat(bar_cells - filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listed_line_says_what_waits_for_the_text() {
        let mut loading = Loading::new();
        loading.progress = Progress {
            files_done: 4,
            files_total: 4,
            stories_found: 7,
            files_cached: 4,
            ..Progress::default()
        };
        assert!(status_text(&loading, 4).starts_with("Loading ████ 4/4 files"));
        loading.listed = true;
        let line = status_text(&loading, 4);
        assert!(
            line.starts_with("7 stories listed · loading their text"),
            "{line}"
        );
        assert!(line.contains("search, speakers, timeline"), "{line}");
    }

    #[test]
    fn the_line_follows_files_then_merging_then_quotes() {
        let mut loading = Loading::new();
        loading.progress = Progress {
            files_done: 1,
            files_total: 4,
            stories_found: 3,
            ..Progress::default()
        };
        assert_eq!(
            status_text(&loading, 4),
            "Loading █░░░ 1/4 files · 3 stories found"
        );
        loading.progress.files_done = 4;
        loading.progress.stories_found = 9;
        assert_eq!(
            status_text(&loading, 4),
            "Loading ████ 4/4 files · 9 stories found · merging…"
        );
        loading.progress.stories_to_quote = 8;
        loading.progress.stories_quoted = 4;
        assert_eq!(
            status_text(&loading, 4),
            "Finding quotes ██░░ 4/8 stories · 4/4 files"
        );
    }
}
