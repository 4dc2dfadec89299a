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

/// The status bar's loading line: a bar of files read, and the counts; once the list
/// is complete and the stories' text is still coming, what waits for it.
pub fn status_text(loading: &Loading, bar_cells: usize) -> String {
    let p = loading.progress;
    if loading.listed {
        return format!(
            "{} stories listed · loading their text… (then search, speakers, timeline)",
            p.stories_found
        );
    }
    let filled = (p.files_done.min(p.files_total) * bar_cells)
        .checked_div(p.files_total)
        .unwrap_or(0);
    let bar: String = "█".repeat(filled) + &"░".repeat(bar_cells - filled);
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
    format!(
        "Loading {bar} {}/{} files{cached} · {} stories found",
        p.files_done, p.files_total, p.stories_found
    )
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
}
