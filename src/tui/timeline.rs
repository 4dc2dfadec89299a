//! The quotes timeline as shown, and the fragments switch.
//!
//! The timeline lists spoken quotes (with or without a known speaker); with fragments
//! shown (`f`, or `show_fragments` in config.toml) it lists every quote, and `]`/`[`
//! stop on fragments too. It can be narrowed to one speaker (from the speakers panel
//! or its own selected row) and searched with `/` as you type.
//!
//! It decides which rows are visible and what the timeline's title and the status bar
//! say about it; it draws nothing, and keeps the selected quote selected when the rows
//! shown change.

use memchr::memmem::Finder;

use super::app::{App, Overlay, QuoteRef};
use super::rows::{NO_SPEAKER, TimelineRow};
use super::text;
use crate::model::Corpus;

/// What narrows the timeline beyond the fragments switch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineView {
    /// Indexes into [`App::timeline_rows`] shown, in timeline order.
    pub visible: Vec<usize>,
    /// The speaker (index into [`App::speakers`]) it is narrowed to.
    pub speaker: Option<usize>,
    /// The words searched for.
    pub query: String,
    /// Whether the search is being typed.
    pub typing: bool,
    /// The query `visible` was last computed for.
    searched: String,
    /// The queries typed before it, character by character, and the rows each showed
    /// (for Backspace); emptied whenever the rows are recomputed from all.
    earlier: Vec<(String, Vec<usize>)>,
}

impl TimelineView {
    /// Whether a speaker or a search narrows the rows.
    pub fn narrowed(&self) -> bool {
        self.speaker.is_some() || !self.query.trim().is_empty()
    }
}

/// Recomputes the rows shown, keeping the selected quote selected when it is still
/// shown (else the row at the same place).
pub fn refresh(app: &mut App) {
    app.timeline_view.earlier.clear();
    refilter(app, false);
}

/// Recomputes the rows shown, from those shown now when `narrowing` (the filter only
/// got stricter: they are kept for Backspace) else from every row, keeping the
/// selected quote selected when it is still shown (else the row at the same place).
fn refilter(app: &mut App, narrowing: bool) {
    let selected = app.timeline_at();
    let among = narrowing.then(|| {
        let view = &mut app.timeline_view;
        view.earlier
            .push((view.searched.clone(), view.visible.clone()));
        std::mem::take(&mut view.visible)
    });
    let mut filter = RowFilter::new(app);
    let rows = &app.timeline_rows;
    let visible: Vec<usize> = match among {
        Some(mut among) => {
            among.retain(|&i| rows.get(i).is_some_and(|row| filter.keeps(row)));
            among
        }
        None => (0..rows.len())
            .filter(|&i| filter.keeps(&rows[i]))
            .collect(),
    };
    show(app, visible, selected);
}

/// Shows the rows `visible` for the query typed, keeping quote `selected` selected
/// when it is among them (else the row at the same place).
fn show(app: &mut App, visible: Vec<usize>, selected: Option<QuoteRef>) {
    app.timeline_view.visible = visible;
    app.timeline_view.searched = app.timeline_view.query.clone();
    let keep = selected.and_then(|at| {
        app.timeline_view
            .visible
            .iter()
            .position(|&i| app.timeline_rows[i].at == at)
    });
    let last = app.timeline_view.visible.len().saturating_sub(1);
    app.timeline.selected = keep.unwrap_or(app.timeline.selected).min(last);
}

/// Which timeline rows are shown: the fragments switch, the speaker narrowed to, the
/// words searched for. The rows hold no text: a search reads each quote's speaker and
/// words (and its story's headline, when they do not match) from the corpus, cleaned
/// and folded into buffers reused from row to row, as the story search does.
struct RowFilter<'a> {
    /// The corpus the rows are of.
    corpus: &'a Corpus,
    /// Whether fragments are shown.
    show_fragments: bool,
    /// The speaker narrowed to: their name as shown, and which entries of
    /// [`App::speakers`] are shown with that name (by index).
    speaker: Option<(&'a str, Vec<bool>)>,
    /// The words searched for, folded.
    words: Vec<Finder<'static>>,
    /// Whether the text is cleaned before it is folded. Cleaning turns a character
    /// into a space or [`text::REPLACEMENT`], and folding leaves every character it
    /// turns unchanged, so words of printable ASCII (never a space) match the same
    /// places with or without it.
    clean: bool,
    /// The row's speaker and words, cleaned and folded, joined by `\n`.
    own: String,
    /// The headline of a story, folded.
    headline: String,
    /// The story whose headline `headline` is, and how it was folded.
    headline_of: Option<(usize, Fold)>,
}

impl<'a> RowFilter<'a> {
    /// The filter of the timeline as `app` narrows it.
    fn new(app: &'a App) -> Self {
        let folded = text::fold(&app.timeline_view.query);
        let words = folded
            .split_whitespace()
            .map(|w| Finder::new(w).into_owned())
            .collect();
        let clean = !folded.split_whitespace().all(printable_ascii);
        let speaker = app
            .timeline_view
            .speaker
            .and_then(|i| app.speakers.get(i))
            .map(|entry| {
                let name = entry.display.as_str();
                (
                    name,
                    app.speakers.iter().map(|s| s.display == name).collect(),
                )
            });
        Self {
            corpus: &app.corpus,
            show_fragments: app.show_fragments,
            speaker,
            words,
            clean,
            own: String::new(),
            headline: String::new(),
            headline_of: None,
        }
    }

    /// Whether `row` is shown.
    fn keeps(&mut self, row: &TimelineRow) -> bool {
        if row.partial && !self.show_fragments {
            return false;
        }
        if let Some((name, same)) = &self.speaker {
            let listed = usize::try_from(row.speaker_id)
                .ok()
                .and_then(|i| same.get(i))
                .copied();
            // A speaker quoted in fragments only is not listed: their fragments are
            // told by name.
            let by_name = || row.speaker_id == NO_SPEAKER && row.speaker(self.corpus) == *name;
            if !listed.unwrap_or_else(by_name) {
                return false;
            }
        }
        if self.words.is_empty() {
            return true;
        }
        let Some((story, quote)) = row.quote(self.corpus) else {
            return false;
        };
        let speaker = quote.speaker.as_deref().unwrap_or("");
        let parts = [speaker, &quote.text, &story.headline];
        if self.clean {
            return self.matches(row.at.story, parts, Fold::Clean);
        }
        // Printable ASCII words: lowercasing the ASCII letters finds them where folding
        // does, but in text with a character that folds to ASCII.
        self.matches(row.at.story, parts, Fold::Ascii)
            || (parts.iter().any(|p| folds_to_ascii(p))
                && self.matches(row.at.story, parts, Fold::Plain))
    }

    /// Whether every word is in the speaker and words or in the headline of story
    /// `story` (`parts`: speaker, words, headline) folded as `how` says.
    fn matches(&mut self, story: usize, parts: [&str; 3], how: Fold) -> bool {
        let [speaker, words, headline] = parts;
        self.own.clear();
        how.fold_into(speaker, &mut self.own);
        self.own.push('\n');
        how.fold_into(words, &mut self.own);
        for word in &self.words {
            if word.find(self.own.as_bytes()).is_some() {
                continue;
            }
            if self.headline_of != Some((story, how)) {
                self.headline.clear();
                how.fold_into(headline, &mut self.headline);
                self.headline_of = Some((story, how));
            }
            if word.find(self.headline.as_bytes()).is_none() {
                return false;
            }
        }
        true
    }
}

/// How a search folds a row's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    /// Cleaned ([`text::clean`]), then folded ([`text::fold`]): as the row is shown.
    Clean,
    /// Folded as it is.
    Plain,
    /// Only its ASCII letters lowercased.
    Ascii,
}

impl Fold {
    /// Appends `text`, folded this way, to `out`.
    fn fold_into(self, text: &str, out: &mut String) {
        match self {
            Fold::Clean => text::fold_into(&text::clean_cow(text), out),
            Fold::Plain => text::fold_into(text, out),
            Fold::Ascii => {
                let at = out.len();
                out.push_str(text);
                out[at..].make_ascii_lowercase();
            }
        }
    }
}

/// The characters beyond ASCII that fold to an ASCII letter (İ to i, the Kelvin sign
/// to k).
const FOLD_TO_ASCII: [char; 2] = ['\u{130}', '\u{212a}'];

/// Whether `text` has a character beyond ASCII that folds to an ASCII letter.
fn folds_to_ascii(text: &str) -> bool {
    // Their last bytes (İ: C4 B0, K: E2 84 AA) first: rare in any script.
    memchr::memchr2(0xb0, 0xaa, text.as_bytes()).is_some()
        && text.chars().any(|c| FOLD_TO_ASCII.contains(&c))
}

/// Whether `word` is all printable ASCII.
fn printable_ascii(word: &str) -> bool {
    word.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// `f`: shows the fragments in the jumps and the timeline, or hides them again.
pub fn toggle_fragments(app: &mut App) {
    if !matches!(app.overlay, Overlay::None | Overlay::Timeline) {
        return;
    }
    app.show_fragments = !app.show_fragments;
    refresh(app);
    app.message = Some(if app.show_fragments {
        "Fragments shown: ] [ and the timeline stop on them (f hides them)".to_string()
    } else {
        "Fragments hidden: spoken quotes only (f shows them)".to_string()
    });
}

/// Opens the timeline narrowed to speaker `speaker` (an index into [`App::speakers`]).
pub fn open_for_speaker(app: &mut App, speaker: usize) {
    app.timeline_view.speaker = Some(speaker);
    app.timeline_view.query.clear();
    app.timeline_view.typing = false;
    app.timeline.selected = 0;
    app.timeline.offset = 0;
    app.overlay = Overlay::Timeline;
    refresh(app);
    app.timeline.selected = 0;
}

/// The speaker key: in the speakers panel, the selected speaker's quotes on the
/// timeline; in the timeline, narrows to the selected row's speaker, or shows every
/// speaker again.
pub fn speaker_quotes(app: &mut App) {
    match app.overlay {
        Overlay::Speakers => {
            let panel = &app.speakers_panel;
            match panel.visible.get(panel.selected).copied() {
                Some(speaker) => open_for_speaker(app, speaker),
                None => app.message = Some("No speaker selected".to_string()),
            }
        }
        Overlay::Timeline if app.timeline_view.speaker.is_some() => {
            app.timeline_view.speaker = None;
            refresh(app);
            app.message = Some("Every speaker".to_string());
        }
        Overlay::Timeline => {
            let name = app
                .timeline_at()
                .and_then(|at| app.corpus.stories.get(at.story)?.quotes.get(at.quote))
                .and_then(|q| q.speaker.as_deref())
                .and_then(|name| app.speaker_index.get(name).copied());
            match name {
                Some(speaker) => {
                    app.timeline_view.speaker = Some(speaker);
                    refresh(app);
                }
                None => app.message = Some("This quote has no known speaker".to_string()),
            }
        }
        _ => {}
    }
}

/// `/` in the timeline: starts typing a search of its rows.
pub fn start_search(app: &mut App) {
    app.timeline_view.typing = true;
    app.timeline_view.query.clear();
    refresh(app);
}

/// A character typed into (or, `None`, deleted from) the timeline's search.
pub fn type_char(app: &mut App, c: Option<char>) {
    match c {
        Some(c) => {
            let view = &mut app.timeline_view;
            // A character more only narrows: the rows shown for the query before it
            // are the only ones that can match.
            let narrowing = view.searched == view.query;
            view.query.push(c);
            if narrowing {
                refilter(app, true);
            } else {
                refresh(app);
            }
        }
        None => {
            let selected = app.timeline_at();
            let view = &mut app.timeline_view;
            view.query.pop();
            // Back to a query typed before: the rows it showed.
            match view.earlier.pop() {
                Some((query, visible)) if query == view.query => show(app, visible, selected),
                _ => refresh(app),
            }
        }
    }
}

/// Esc in the timeline: cancels the search being typed, else takes the search and the
/// speaker away; returns false when there was nothing to take away (so Esc closes).
pub fn clear(app: &mut App) -> bool {
    let view = &mut app.timeline_view;
    if !view.typing && !view.narrowed() {
        return false;
    }
    view.typing = false;
    view.query.clear();
    view.speaker = None;
    refresh(app);
    true
}

/// The timeline's title: how many quotes, by whom, matching what, fragments or not.
pub fn title(app: &App) -> String {
    let view = &app.timeline_view;
    let mut title = format!("Quotes ({})", view.visible.len());
    if let Some(entry) = view.speaker.and_then(|i| app.speakers.get(i)) {
        title = format!("Quotes by {} ({})", entry.display, view.visible.len());
    }
    if !view.query.trim().is_empty() {
        title.push_str(&format!(" matching “{}”", text::clean(&view.query)));
    }
    if app.show_fragments {
        title.push_str(" with fragments");
    }
    format!(" {title} ")
}

/// Whether quote `quote` of story `story` is a stop for `]`/`[`: a spoken quote, or
/// any quote while fragments are shown.
pub fn is_stop(app: &App, story: usize, quote: usize) -> bool {
    app.corpus
        .stories
        .get(story)
        .and_then(|s| s.quotes.get(quote))
        .is_some_and(|q| app.show_fragments || !q.partial)
}

/// The selected quote's position among the stops of its story and how many there
/// are, for the status bar (`None` for the position when it is not a stop).
pub fn stop_position(app: &App) -> (Option<usize>, usize) {
    let Some(story) = app.corpus.stories.get(app.selected) else {
        return (None, 0);
    };
    let mut count = 0;
    let mut position = None;
    for q in 0..story.quotes.len() {
        if is_stop(app, app.selected, q) {
            count += 1;
            if app.current_quote == Some(q) {
                position = Some(count);
            }
        }
    }
    (position, count)
}

/// The quote on row `row` of the timeline as shown.
pub fn row_at(app: &App, row: usize) -> Option<QuoteRef> {
    let index = *app.timeline_view.visible.get(row)?;
    app.timeline_rows.get(index).map(|r| r.at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_listed_characters_beyond_ascii_fold_to_ascii() {
        let folding: Vec<char> = (0x80..=0x10_ffff)
            .filter_map(char::from_u32)
            .filter(|&c| text::fold(&c.to_string()).is_ascii())
            .collect();
        assert_eq!(folding, FOLD_TO_ASCII);
        assert!(folds_to_ascii("a \u{212a}elvin"));
        assert!(folds_to_ascii("\u{130}zmir"));
        // Other characters ending in the same bytes are looked at, and let go.
        assert!(!folds_to_ascii(
            "\u{2030} \u{130}".trim_end_matches('\u{130}')
        ));
        assert!(!folds_to_ascii("plain “quoted” text"));
    }
}
