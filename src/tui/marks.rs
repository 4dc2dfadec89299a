//! The reader's marks and memory on [`App`]: read and starred stories, the unread-only
//! view, and what is remembered between sessions (the last story and where each story
//! was left), kept by [`super::memory::Memory`].
//!
//! It decides what the status bar says when a mark changes and where the selection goes
//! when a view narrows; it draws nothing.

use super::app::{App, Focus};
use crate::state::{StateError, StateStore};

/// What the reader remembers between sessions, kept by [`super::memory::Memory`].
impl App {
    /// Takes the reading state from `store`: marks read and starred stories, and
    /// selects the story selected last at the row it was left at. `open_error` is why
    /// the store the user asked for could not be opened (so `store` saves nothing):
    /// the status bar says so.
    pub fn remember_with(&mut self, store: StateStore, open_error: Option<StateError>) {
        if let Some(warning) = self.memory.open(store, open_error) {
            // The message goes with the next key; the reason stays in the panel.
            self.message = self.memory.not_saving().map(|e| format!("Not saving: {e}"));
            self.warnings.push(warning);
        }
        self.scroll = self.saved_scroll(self.selected);
        self.apply_saved_state();
    }

    /// Applies the loaded state to the stories held now (call again when more
    /// stories arrive): read and starred marks, and the last selected story (once).
    pub fn apply_saved_state(&mut self) {
        self.apply_saved_state_from(0);
    }

    /// [`App::apply_saved_state`] for the stories from index `first` on (those just
    /// added), so stories streamed in while loading cost only their own work.
    pub fn apply_saved_state_from(&mut self, first: usize) {
        let stories = &self.corpus.stories;
        let remembered = self
            .memory
            .apply_from(stories, &mut self.read, &mut self.starred, first);
        if let Some(index) = remembered {
            self.select_story(index);
            self.scroll = self.saved_scroll(index);
        }
        self.refresh_list();
    }

    /// The user has moved on their own: a remembered selection still to come (while
    /// loading) no longer takes the cursor.
    pub fn forget_pending_selection(&mut self) {
        self.memory.forget_pending_selection();
    }

    /// Selects where a session starts: the story selected when the last session
    /// ended, at the row it was left at, else the first story, from the top.
    pub fn select_start(&mut self) {
        let remembered = self.memory.saved().last_selected.as_deref();
        let index = remembered.and_then(|id| self.story_index(id)).unwrap_or(0);
        self.selected = index.min(self.corpus.stories.len().saturating_sub(1));
        self.scroll = self.saved_scroll(self.selected);
        self.current_quote = None;
        self.list_offset = 0;
        self.refresh_list();
    }

    /// The index of the story with id `id`.
    pub fn story_index(&self, id: &str) -> Option<usize> {
        self.corpus.stories.iter().position(|s| s.id == id)
    }

    /// The row story `index` was left at (0 when never scrolled).
    pub fn saved_scroll(&self, index: usize) -> usize {
        self.memory.saved_scroll(self.corpus.stories.get(index))
    }

    /// Marks story `index` read or unread, saving the change.
    pub fn set_read(&mut self, index: usize, read: bool) {
        let stories = &self.corpus.stories;
        if let Some(e) = self.memory.set_read(stories, &mut self.read, index, read) {
            self.message = Some(e);
        }
        super::query::recheck(self, index);
    }

    /// Stars story `index`, or takes its star away, saving the change.
    pub fn set_starred(&mut self, index: usize, starred: bool) {
        let stories = &self.corpus.stories;
        let flags = &mut self.starred;
        if let Some(e) = self.memory.set_starred(stories, flags, index, starred) {
            self.message = Some(e);
        }
        super::query::recheck(self, index);
    }

    /// `m`: the selected story read ↔ unread.
    pub fn toggle_read(&mut self) {
        let Some(&read) = self.read.get(self.selected) else {
            return;
        };
        // The confirmation first: a failed write replaces it.
        self.message = Some(if read { "Marked unread" } else { "Marked read" }.to_string());
        self.set_read(self.selected, !read);
    }

    /// `*`: star the selected story, or take its star away.
    pub fn toggle_star(&mut self) {
        let Some(&starred) = self.starred.get(self.selected) else {
            return;
        };
        self.message = Some(if starred { "Star removed" } else { "Starred" }.to_string());
        self.set_starred(self.selected, !starred);
    }

    /// `u`: show only unread stories, or all again. Turning it on from the list
    /// moves off a read story to the nearest unread one (later, else earlier); in the
    /// reading pane the story being read stays.
    pub fn toggle_unread_only(&mut self) {
        if !self.memory.toggle_unread_only() {
            self.refresh_list();
            self.message = Some("Showing all stories".to_string());
            return;
        }
        let unread = |i: &usize| !self.read.get(*i).copied().unwrap_or(false);
        let count = self.corpus.stories.len();
        let nearest = (self.selected..count)
            .find(unread)
            .or_else(|| (0..self.selected).rev().find(unread));
        if self.focus == Focus::List
            && let Some(index) = nearest
        {
            self.select_story(index);
        }
        self.refresh_list();
        self.message = Some(match nearest {
            Some(_) => "Showing unread stories only (u shows all)".to_string(),
            None => "No unread stories (u shows all)".to_string(),
        });
    }

    /// Recomputes which stories the list shows (with the unread-only view: the
    /// unread ones and the selected one, which never vanishes under the cursor).
    pub fn refresh_list(&mut self) {
        self.memory
            .refresh_list(&self.read, &self.starred, self.selected);
    }

    /// How many stories the list shows.
    pub fn list_len(&self) -> usize {
        self.memory.list_len(self.corpus.stories.len())
    }

    /// The story at row `position` of the list.
    pub fn list_story(&self, position: usize) -> Option<usize> {
        self.memory.list_story(self.corpus.stories.len(), position)
    }

    /// The row of the list showing story `index`, if it is shown.
    pub fn list_position(&self, index: usize) -> Option<usize> {
        self.memory.list_position(self.corpus.stories.len(), index)
    }

    /// Saves the scroll position of the selected story when it changed: called when
    /// leaving a story and on quit.
    pub fn remember_scroll(&mut self) {
        let story = self.corpus.stories.get(self.selected);
        if let Some(e) = self.memory.remember_scroll(story, self.scroll) {
            self.message = Some(e);
        }
    }

    /// What the reader saves when the user leaves: the selected story's scroll
    /// position and which story is selected. Returns the error message, if any.
    pub fn save_on_quit(&mut self) -> Option<String> {
        self.message = None;
        self.remember_scroll();
        let id = self.corpus.stories.get(self.selected).map(|s| s.id.clone());
        if let Some(e) = self.memory.remember_selected(id) {
            self.message = Some(e);
        }
        self.message.take()
    }
}
