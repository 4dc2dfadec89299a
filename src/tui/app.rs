//! The reader's state, and the indexes built once when it starts.
//!
//! [`App::new`] cleans every string the list, speakers panel and quotes timeline
//! show, folds the text for search, and builds the per-speaker quote index, so a
//! key press or a frame never does work that grows with the corpus.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::memory::Memory;
use super::prepare::Prepared;
use super::progress::Loading;
use super::rows::list_row;
pub use super::rows::{ListRow, QuoteRef, SpeakerEntry, TimelineRow};
use super::search::{Budget, Entry, Narrowing, SearchIndex};
pub use super::search::{MAX_HITS, SearchHit, SearchSource};
use super::share::Effect;
use super::shelf::{Shelf, Texts};
use super::text;
use super::timeline::TimelineView;
use super::wrap::{WrapCache, WrappedStory};
use crate::config::{Config, Keymap, Styles, View};
use crate::model::{Corpus, Warning};

/// Which main pane has the keyboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The story list.
    #[default]
    List,
    /// The reading pane.
    Reader,
}

/// A window drawn over the main screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing: the main screen.
    #[default]
    None,
    /// Every quoted speaker, with a filter.
    Speakers,
    /// Every quote in the corpus on one timeline.
    Timeline,
    /// The key table.
    Help,
    /// The warnings met while loading.
    Warnings,
}

/// The search: what was typed and what it matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// The text searched for.
    pub query: String,
    /// Whether keys are being typed into the query.
    pub typing: bool,
    /// Every match, in story order, headline first, then by position.
    pub hits: Vec<SearchHit>,
    /// The match last jumped to.
    pub current: Option<usize>,
    /// Where the user was when the search started (story, scroll, focus), for Esc.
    pub origin: Option<(usize, usize, Focus)>,
    /// Whether the jump to the first match after the origin waits for the search
    /// under way to get that far.
    pub jump_pending: bool,
    /// The saved view (index into [`App::views`]) whose filter is the query, when a
    /// view's key put it there.
    pub view: Option<usize>,
}

/// The speakers panel's filter and selection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakersPanel {
    /// The text typed to filter speakers.
    pub filter: String,
    /// Indexes into [`App::speakers`] that match the filter, in panel order.
    pub visible: Vec<usize>,
    /// The selected row of [`SpeakersPanel::visible`].
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

/// A selection in a scrolled list overlay.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The selected row.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

/// Where the panes were last drawn, for mouse events and scrolling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    /// The story list, border included.
    pub list: Rect,
    /// The rows inside the list's border.
    pub list_inner: Rect,
    /// The reading pane, border included.
    pub reader: Rect,
    /// The text area of the reading pane (inside the border, right of the gutter).
    pub reader_text: Rect,
    /// The open overlay, border included.
    pub overlay: Rect,
    /// Rows inside the open overlay available to its list.
    pub overlay_rows: u16,
}

/// The width the reading pane's text is wrapped to before the first frame.
pub const DEFAULT_TEXT_WIDTH: u16 = 76;
/// The reading pane's height assumed before the first frame.
pub const DEFAULT_TEXT_HEIGHT: u16 = 20;
/// The longest the reader searches before it draws and reads keys again; a search
/// that needs longer goes on between keys.
pub const SEARCH_STEP: std::time::Duration = std::time::Duration::from_millis(15);

/// Everything the reader knows: the corpus and where the user is in it.
#[derive(Debug)]
pub struct App {
    /// The stories, quotes and speakers shown (each story's quotes in reading order).
    pub corpus: Corpus,
    /// Index of the selected story in [`Corpus::stories`].
    pub selected: usize,
    /// The first row of the list shown (a position in the list as shown, see
    /// [`App::list_story`]).
    pub list_offset: usize,
    /// Which main pane has the keyboard.
    pub focus: Focus,
    /// The overlay shown, if any.
    pub overlay: Overlay,
    /// The first row of the selected story shown in the reading pane.
    pub scroll: usize,
    /// The quote last jumped to in the selected story.
    pub current_quote: Option<usize>,
    /// Which stories have been opened (or marked read).
    pub read: Vec<bool>,
    /// Which stories are starred.
    pub starred: Vec<bool>,
    /// The keys in effect.
    pub keymap: Keymap,
    /// The styles to draw with (from the theme; without colour under `NO_COLOR`).
    pub styles: Styles,
    /// Whether to draw without any colour (`NO_COLOR`).
    pub no_color: bool,
    /// Whether to draw ASCII only (`--ascii`, or a locale that is not UTF-8).
    pub ascii: bool,
    /// Whether the last frame was below the minimum size: keys then wait (only
    /// Ctrl-C acts) until the screen is large enough to show what they do.
    pub too_small: bool,
    /// What is remembered between sessions, and the list's unread-only view.
    pub memory: Memory,
    /// The search.
    pub search: Search,
    /// The speakers panel.
    pub speakers_panel: SpeakersPanel,
    /// The quotes timeline's selection (a row of [`TimelineView::visible`]).
    pub timeline: Cursor,
    /// Which timeline rows are shown: spoken quotes (or all), a speaker, a search.
    pub timeline_view: TimelineView,
    /// Whether fragments (scare quotes, titles, single words) are stops for `]`/`[`
    /// and rows of the timeline.
    pub show_fragments: bool,
    /// The help overlay's first row.
    pub help_scroll: usize,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Wrapped story layouts.
    pub wrap: WrapCache,
    /// The stories' text, when it was moved out of them once loaded (see
    /// [`super::shelf`]): read through [`App::texts`].
    shelf: Option<Shelf>,
    /// Where the panes were last drawn.
    pub areas: Areas,
    /// The list rows, one per story.
    pub list_rows: Vec<ListRow>,
    /// Every speaker with at least one non-partial quote, most quoted first.
    pub speakers: Vec<SpeakerEntry>,
    /// Speaker name to index into [`App::speakers`].
    pub speaker_index: HashMap<String, usize>,
    /// Every quote, newest first (undated last), then story order and position.
    pub timeline_rows: Vec<TimelineRow>,
    /// Each story's headline and paragraphs folded for search.
    search_index: SearchIndex,
    /// Whether `search_index` indexes the stories shown: false from the final corpus
    /// until its index arrives ([`App::set_search_index`]); meanwhile searches wait.
    search_ready: bool,
    /// The stories matching each query typed so far, and the search under way.
    narrowing: Narrowing,
    /// How much one search step may do: [`SEARCH_STEP`] of time (tests use a number
    /// of stories, to interrupt searches deterministically).
    pub search_budget: Budget,
    /// Background loading, while it runs (see [`super::loading`]).
    pub loading: Option<Loading>,
    /// The warnings met while loading, for the warnings panel.
    pub warnings: Vec<Warning>,
    /// The warnings panel's first row.
    pub warnings_scroll: usize,
    /// The command that opens a story's address (empty: the system opener).
    pub opener: Vec<String>,
    /// The saved views (filters by key) of the configuration.
    pub views: Vec<View>,
    /// What the last actions asked of the world outside (opening a link, copying),
    /// for the event loop to perform.
    pub effects: Vec<Effect>,
}

impl App {
    /// A reader on `corpus` with the default configuration, at its first story,
    /// remembering nothing beyond this session. Indexing a large corpus takes a
    /// while: the reader builds it off the UI thread ([`Prepared::build`]).
    pub fn new(corpus: Corpus) -> Self {
        Self::with_config(corpus, &Config::default(), false)
    }

    /// A reader on `corpus` with `config`'s keys, colours and sort (`no_color`: no
    /// colour at all), at its first story, remembering nothing beyond this session
    /// until [`App::remember_with`] gives it a store.
    pub fn with_config(mut corpus: Corpus, config: &Config, no_color: bool) -> Self {
        super::order::sort_stories(&mut corpus.stories, config.sort);
        Self::from_prepared(Prepared::build(corpus), config, no_color)
    }

    /// A reader on an indexed corpus (already in the order to show), with `config`'s
    /// keys and colours, at its first story.
    pub fn from_prepared(prepared: Prepared, config: &Config, no_color: bool) -> Self {
        let read = vec![false; prepared.corpus.stories.len()];
        let starred = read.clone();
        let mut app = Self {
            corpus: prepared.corpus,
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            overlay: Overlay::None,
            scroll: 0,
            current_quote: None,
            read,
            starred,
            keymap: Keymap::from_config(&config.keys),
            styles: config.theme.styles(no_color),
            no_color,
            ascii: false,
            too_small: false,
            memory: Memory::default(),
            search: Search::default(),
            speakers_panel: SpeakersPanel::default(),
            timeline: Cursor::default(),
            timeline_view: TimelineView::default(),
            show_fragments: config.reader.show_fragments,
            help_scroll: 0,
            message: None,
            quit: false,
            wrap: WrapCache::default(),
            shelf: prepared.shelf,
            areas: Areas::default(),
            list_rows: prepared.list_rows,
            speakers: prepared.speakers,
            speaker_index: prepared.speaker_index,
            timeline_rows: prepared.timeline_rows,
            search_ready: prepared.search_index.is_some(),
            search_index: prepared.search_index.unwrap_or_default(),
            narrowing: Narrowing::default(),
            search_budget: Budget::For(SEARCH_STEP),
            loading: None,
            warnings: Vec::new(),
            warnings_scroll: 0,
            opener: config.reader.opener.clone(),
            views: config.views.clone(),
            effects: Vec::new(),
        };
        app.filter_speakers();
        super::timeline::refresh(&mut app);
        app
    }

    /// Whether the event loop should stop.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether keys are text (typing a search or a speaker filter) rather than commands.
    pub fn typing(&self) -> bool {
        match self.overlay {
            Overlay::Speakers => true,
            Overlay::None => self.search.typing,
            Overlay::Timeline => self.timeline_view.typing,
            _ => false,
        }
    }

    /// The reading pane's text width and height (defaults before the first frame).
    pub fn text_size(&self) -> (u16, u16) {
        let r = self.areas.reader_text;
        if r.width == 0 || r.height == 0 {
            (DEFAULT_TEXT_WIDTH, DEFAULT_TEXT_HEIGHT)
        } else {
            (r.width, r.height)
        }
    }

    /// The selected story laid out at the reading pane's width.
    pub fn wrapped(&mut self) -> Arc<WrappedStory> {
        let (width, _) = self.text_size();
        let (speakers, index) = (&self.speakers, &self.speaker_index);
        let most_used = |name: &str| super::rows::usual_title(speakers, index, name);
        let texts = Texts {
            stories: &self.corpus.stories,
            shelf: self.shelf.as_ref(),
        };
        self.wrap.get(texts, self.selected, width, &most_used)
    }

    /// The stories shown, with where their text is: every reader of a story's
    /// paragraphs goes through it.
    pub fn texts(&self) -> Texts<'_> {
        Texts {
            stories: &self.corpus.stories,
            shelf: self.shelf.as_ref(),
        }
    }

    /// The furthest the reading pane can scroll for the selected story.
    pub fn max_scroll(&mut self) -> usize {
        let (_, height) = self.text_size();
        self.wrapped().len().saturating_sub(usize::from(height))
    }

    /// Scrolls the reading pane to `row`, clamped; not while the selected story waits
    /// for its text ([`App::waits_for_text`]): its place (where it was left last
    /// time) is kept for when the text comes.
    pub fn scroll_to(&mut self, row: usize) {
        if self.waits_for_text(self.selected) {
            return;
        }
        self.scroll = row.min(self.max_scroll());
    }

    /// Whether story `index` is listed without its text, which is still loading (a
    /// list reopened from the cache, or a story found past the first ones while
    /// pages are parsed): the reading pane shows `loading…` below its header.
    pub fn waits_for_text(&self, index: usize) -> bool {
        self.loading.is_some_and(|l| l.text_to_come)
            && self
                .corpus
                .stories
                .get(index)
                .is_some_and(|s| s.paragraphs.is_empty())
            && !self.texts().shelved(index)
    }

    /// Scrolls the reading pane by `delta` rows, clamped.
    pub fn scroll_by(&mut self, delta: isize) {
        let target = self.scroll.saturating_add_signed(delta);
        self.scroll_to(target);
    }

    /// Selects story `index` (clamped) in the list, showing it where the user left
    /// it (from the top when never scrolled); the story left has its place saved.
    pub fn select_story(&mut self, index: usize) {
        let last = self.corpus.stories.len().saturating_sub(1);
        let index = index.min(last);
        if index != self.selected {
            self.remember_scroll();
            self.selected = index;
            self.scroll = self.saved_scroll(index);
            self.current_quote = None;
        }
    }

    /// Opens `quote` in the reading pane: selects its story, marks it read, makes it
    /// the current quote and scrolls it (with its label) into view.
    pub fn open_quote(&mut self, at: QuoteRef) {
        if at.story >= self.corpus.stories.len() {
            return;
        }
        self.select_story(at.story);
        self.focus = Focus::Reader;
        self.mark_read();
        let count = self.corpus.stories[at.story].quotes.len();
        if at.quote >= count {
            return;
        }
        self.current_quote = Some(at.quote);
        let wrapped = self.wrapped();
        if let Some(rows) = wrapped.quote_rows.get(at.quote) {
            let (_, height) = self.text_size();
            let top = rows.label.unwrap_or(rows.first).min(rows.first);
            let visible = top >= self.scroll && rows.first < self.scroll + usize::from(height);
            if !visible {
                let fits_with_label = rows.first - top < usize::from(height);
                let target = if fits_with_label { top } else { rows.first };
                self.scroll_to(target.saturating_sub(1));
            }
        }
    }

    /// Marks the selected story as read (and saves that).
    pub fn mark_read(&mut self) {
        self.set_read(self.selected, true);
    }

    /// The speaker whose quotes `}`/`{` follow, with the quote to start from: the
    /// current quote (`true`), else the first attributed quote at or below the top of
    /// the reading pane, else the story's first attributed quote (`false`, to be jumped
    /// to itself).
    pub fn speaker_in_focus(&mut self) -> Option<(usize, QuoteRef, bool)> {
        if let Some(q) = self.current_quote {
            let story = self.corpus.stories.get(self.selected)?;
            let name = story.quotes.get(q)?.speaker.as_deref()?;
            let idx = *self.speaker_index.get(name)?;
            let at = QuoteRef {
                story: self.selected,
                quote: q,
            };
            return Some((idx, at, true));
        }
        let wrapped = self.wrapped();
        let story = self.corpus.stories.get(self.selected)?;
        let attributed = |below: usize| {
            story.quotes.iter().enumerate().find_map(|(qi, quote)| {
                let row = wrapped.quote_rows.get(qi)?.first;
                if quote.partial || row < below {
                    return None;
                }
                let idx = *self.speaker_index.get(quote.speaker.as_deref()?)?;
                let at = QuoteRef {
                    story: self.selected,
                    quote: qi,
                };
                Some((idx, at, false))
            })
        };
        attributed(self.scroll).or_else(|| attributed(0))
    }

    /// The quote on the quotes timeline's selected row.
    pub fn timeline_at(&self) -> Option<QuoteRef> {
        super::timeline::row_at(self, self.timeline.selected)
    }

    /// Whether quote `quote` of story `story` is a stop for `]`/`[`: a spoken quote,
    /// or any quote while fragments are shown.
    pub fn is_stop(&self, story: usize, quote: usize) -> bool {
        super::timeline::is_stop(self, story, quote)
    }

    /// Recomputes which speakers match the panel's filter.
    pub fn filter_speakers(&mut self) {
        let needle = text::fold(&self.speakers_panel.filter);
        self.speakers_panel.visible = self
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, s)| s.folded.contains(&needle))
            .map(|(i, _)| i)
            .collect();
        let last = self.speakers_panel.visible.len().saturating_sub(1);
        self.speakers_panel.selected = self.speakers_panel.selected.min(last);
    }

    /// Starts the search for the current query (case-insensitive), narrowing within
    /// the previous matches when the query grew, and searches for at most
    /// [`App::search_budget`] ([`SEARCH_STEP`]): in a large corpus the rest comes from
    /// [`App::continue_search`], between keys, so typing never waits for the whole
    /// corpus to be read.
    pub fn run_search(&mut self) {
        self.search.current = None;
        self.search.hits.clear();
        if !self.search_ready {
            // Runs when the index arrives (set_search_index).
            self.narrowing.clear();
            return;
        }
        self.narrowing.start(&self.search_index, &self.search.query);
        self.search_for(self.search_budget);
    }

    /// Whether the search has stories left to read.
    pub fn search_in_progress(&self) -> bool {
        self.narrowing.in_progress()
    }

    /// Goes on with the search under way for one more step ([`App::search_budget`]).
    pub fn continue_search(&mut self) {
        self.search_for(self.search_budget);
    }

    /// Stops the search under way (keeping what it found for the next query).
    pub fn stop_search(&mut self) {
        self.narrowing.stop();
    }

    /// Runs the search under way to its end (before stepping through its matches).
    pub fn finish_search(&mut self) {
        self.search_for(Budget::Unlimited);
    }

    /// Searches within `budget`.
    pub fn search_for(&mut self, budget: Budget) {
        let texts = Texts {
            stories: &self.corpus.stories,
            shelf: self.shelf.as_ref(),
        };
        self.narrowing
            .step(&self.search_index, texts, &mut self.search.hits, budget);
    }

    /// Whether [`Search::hits`] is final: the search ended, or found [`MAX_HITS`]
    /// (never while the search index is being built).
    pub fn search_hits_final(&self) -> bool {
        self.search_ready && (!self.search_in_progress() || self.search.hits.len() >= MAX_HITS)
    }

    /// Whether the search index covers the stories shown (false while it is built
    /// after the final corpus arrived: a search then waits for it).
    pub fn search_ready(&self) -> bool {
        self.search_ready
    }

    /// Takes the quotes timeline of the stories shown (made after the final corpus),
    /// keeping the timeline's filter and selected quote.
    pub fn set_timeline_rows(&mut self, rows: Vec<TimelineRow>) {
        self.timeline_rows = rows;
        super::timeline::refresh(self);
    }

    /// Takes the search index of the stories shown (built after the final corpus),
    /// and runs the search typed meanwhile (its jump is the caller's, see
    /// [`super::update::search_more`]). An index of another number of stories (a bug)
    /// is replaced by one built here.
    pub fn set_search_index(&mut self, index: SearchIndex) {
        self.search_index = if index.len() == self.corpus.stories.len() {
            index
        } else {
            SearchIndex::build_from(self.texts())
        };
        self.search_ready = true;
        self.narrowing.clear();
        if !self.memory.filtered() && !self.search.query.is_empty() {
            self.run_search();
        }
    }

    /// Appends stories found while loading (provisional: no quotes yet) to the list,
    /// with their search entries made off this thread: `entries[i]` is
    /// [`Entry::new`] of `stories[i]`, or `None` for a story sent without its text.
    /// From the first such story, searches wait for the final corpus's index (the
    /// provisional one is let go), as they do on a list reopened from the cache.
    pub fn push_found(&mut self, stories: Vec<crate::model::Story>, entries: Vec<Option<Entry>>) {
        let first = self.corpus.stories.len();
        let mut entries = entries.into_iter();
        for story in stories {
            match entries.next().flatten() {
                Some(entry) if self.search_ready => self.search_index.push_entry(entry),
                Some(_) => {}
                None if self.search_ready => {
                    self.search_ready = false;
                    self.search_index = SearchIndex::default();
                    if !self.memory.filtered() {
                        // Its matches go; it runs again when the index comes.
                        self.run_search();
                    }
                }
                None => {}
            }
            self.list_rows.push(list_row(&story));
            self.corpus.stories.push(story);
        }
        self.apply_saved_state_from(first);
    }

    /// Replaces the whole corpus (the final one, when loading ends), keeping the
    /// selected story (by id) and its scroll, and the search.
    pub fn replace_corpus(&mut self, prepared: Prepared) {
        let selected_id = self.corpus.stories.get(self.selected).map(|s| s.id.clone());
        let marked = |flags: &[bool]| -> std::collections::HashSet<String> {
            self.corpus
                .stories
                .iter()
                .zip(flags)
                .filter(|(_, flag)| **flag)
                .map(|(s, _)| s.id.clone())
                .collect()
        };
        let read_ids = marked(&self.read);
        let starred_ids = marked(&self.starred);
        let scroll = self.scroll;
        let offset_in_view = self.selected.saturating_sub(self.list_offset);
        self.corpus = prepared.corpus;
        self.shelf = prepared.shelf;
        self.list_rows = prepared.list_rows;
        self.speakers = prepared.speakers;
        self.speaker_index = prepared.speaker_index;
        self.timeline_rows = prepared.timeline_rows;
        // Without its index, the provisional one is dropped: its story numbers are
        // the provisional list's.
        self.search_ready = prepared.search_index.is_some();
        self.search_index = prepared.search_index.unwrap_or_default();
        self.narrowing.clear();
        self.wrap = WrapCache::default();
        self.read = self
            .corpus
            .stories
            .iter()
            .map(|s| read_ids.contains(&s.id))
            .collect();
        self.starred = self
            .corpus
            .stories
            .iter()
            .map(|s| starred_ids.contains(&s.id))
            .collect();
        let found = selected_id.and_then(|id| self.corpus.stories.iter().position(|s| s.id == id));
        match found {
            Some(index) => {
                self.selected = index;
                self.list_offset = index.saturating_sub(offset_in_view);
                self.scroll = scroll;
                self.scroll = self.scroll.min(self.max_scroll());
            }
            None => {
                let last = self.corpus.stories.len().saturating_sub(1);
                self.selected = self.selected.min(last);
                self.scroll = 0;
            }
        }
        self.current_quote = None;
        self.timeline = Cursor::default();
        self.timeline_view.speaker = None;
        super::timeline::refresh(self);
        self.speakers_panel.selected = 0;
        self.filter_speakers();
        if self.memory.filtered() {
            super::query::reapply(self);
        } else if !self.search.query.is_empty() {
            self.run_search();
        }
        self.apply_saved_state();
    }

    /// The search matches in story `story`, as a slice of [`Search::hits`].
    pub fn hits_in(&self, story: usize) -> &[SearchHit] {
        let hits = &self.search.hits;
        let from = hits.partition_point(|h| h.story < story);
        let to = hits.partition_point(|h| h.story <= story);
        &hits[from..to]
    }
}
