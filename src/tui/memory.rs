//! The reader's memory: read and starred stories, where each story was left, the
//! story selected last, and the unread-only view of the list.
//!
//! Everything is kept in a [`StateStore`] keyed by [`crate::model::Story::id`].
//! Writes happen when something changes: opening a story (read), `m` and `*`,
//! leaving a story whose scroll position changed, and quitting (scroll and
//! selection) — never on every key press. A write that fails puts a message in the
//! status bar and the reader goes on. A store that could not be opened (damaged,
//! newer, locked) leaves the reader in no-save mode, which the status bar says.

use crate::state::{StateError, StateSnapshot, StateStore};

use super::app::App;

/// What the reader remembers, and how the list is filtered.
#[derive(Debug)]
pub struct Memory {
    /// Where changes are written (in memory only in no-save mode).
    store: StateStore,
    /// What the store holds, so that selecting a story needs no read.
    saved: StateSnapshot,
    /// Why nothing is saved, when opening the store failed.
    not_saving: Option<String>,
    /// Whether the list shows only unread stories (and the selected one).
    unread_only: bool,
    /// With [`Memory::unread_only`], the stories the list shows, in list order.
    visible: Vec<usize>,
    /// Whether the last selected story is still to be selected (it may arrive later).
    selection_pending: bool,
}

impl Default for Memory {
    /// Nothing remembered beyond this session, and no complaint about it.
    fn default() -> Self {
        Self {
            store: StateStore::unsaved(),
            saved: StateSnapshot::default(),
            not_saving: None,
            unread_only: false,
            visible: Vec::new(),
            selection_pending: false,
        }
    }
}

impl Memory {
    /// Why the reader is not saving, when it was asked to and cannot.
    pub fn not_saving(&self) -> Option<&str> {
        self.not_saving.as_deref()
    }

    /// Whether the list shows only unread stories.
    pub fn unread_only(&self) -> bool {
        self.unread_only
    }

    /// What the store holds, as last loaded or written by this reader.
    pub fn saved(&self) -> &StateSnapshot {
        &self.saved
    }
}

impl App {
    /// Takes the reading state from `store`: marks read and starred stories, and
    /// selects the story selected last at the row it was left at. `open_error` is why
    /// the store the user asked for could not be opened (so `store` saves nothing):
    /// the status bar says so.
    pub fn remember_with(&mut self, store: StateStore, open_error: Option<StateError>) {
        let (store, error) = match store.load_all() {
            Ok(saved) => {
                self.memory.saved = saved;
                (store, open_error)
            }
            Err(e) => (StateStore::unsaved(), Some(e)),
        };
        self.memory.store = store;
        if let Some(e) = error {
            self.memory.not_saving = Some(e.to_string());
            self.message = Some(format!("Not saving: {e}"));
            // The message goes with the next key; the reason stays in the panel.
            self.warnings.push(crate::model::Warning {
                path: self
                    .memory
                    .store
                    .path()
                    .map_or_else(|| "state".to_string(), |p| p.display().to_string()),
                message: format!("reading state not saved this session: {e}"),
            });
        }
        self.memory.selection_pending = self.memory.saved.last_selected.is_some();
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
        let count = self.corpus.stories.len();
        self.read.resize(count, false);
        self.starred.resize(count, false);
        let last = self.memory.saved.last_selected.as_deref();
        let mut remembered = None;
        for (i, story) in self.corpus.stories.iter().enumerate().skip(first) {
            let state = self.memory.saved.story(&story.id);
            self.read[i] |= state.read;
            self.starred[i] |= state.starred;
            if remembered.is_none() && last == Some(story.id.as_str()) {
                remembered = Some(i);
            }
        }
        if self.memory.selection_pending
            && let Some(index) = remembered
        {
            self.memory.selection_pending = false;
            self.select_story(index);
            self.scroll = self.saved_scroll(index);
        }
        self.refresh_list();
    }

    /// The user has moved on their own: a remembered selection still to come (while
    /// loading) no longer takes the cursor.
    pub fn forget_pending_selection(&mut self) {
        self.memory.selection_pending = false;
    }

    /// Selects where a session starts: the story selected when the last session
    /// ended, at the row it was left at, else the first story, from the top.
    pub fn select_start(&mut self) {
        let remembered = self.memory.saved.last_selected.as_deref();
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
        self.corpus.stories.get(index).map_or(0, |s| {
            usize::try_from(self.memory.saved.story(&s.id).scroll).unwrap_or(0)
        })
    }

    /// Marks story `index` read or unread, saving the change.
    pub fn set_read(&mut self, index: usize, read: bool) {
        let Some(flag) = self.read.get_mut(index) else {
            return;
        };
        if *flag == read {
            return;
        }
        *flag = read;
        self.save(
            index,
            |store, id| store.set_read(id, read),
            |s| s.read = read,
        );
    }

    /// Stars story `index`, or takes its star away, saving the change.
    pub fn set_starred(&mut self, index: usize, starred: bool) {
        let Some(flag) = self.starred.get_mut(index) else {
            return;
        };
        if *flag == starred {
            return;
        }
        *flag = starred;
        self.save(
            index,
            |store, id| store.set_starred(id, starred),
            |s| s.starred = starred,
        );
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
        self.memory.unread_only = !self.memory.unread_only;
        if !self.memory.unread_only {
            self.refresh_list();
            self.message = Some("Showing all stories".to_string());
            return;
        }
        let unread = |i: &usize| !self.read.get(*i).copied().unwrap_or(false);
        let count = self.corpus.stories.len();
        let nearest = (self.selected..count)
            .find(unread)
            .or_else(|| (0..self.selected).rev().find(unread));
        if self.focus == super::app::Focus::List
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
        self.memory.visible.clear();
        if !self.memory.unread_only {
            return;
        }
        let selected = self.selected;
        self.memory.visible.extend(
            self.read
                .iter()
                .enumerate()
                .filter(|&(i, &read)| !read || i == selected)
                .map(|(i, _)| i),
        );
    }

    /// How many stories the list shows.
    pub fn list_len(&self) -> usize {
        if self.memory.unread_only {
            self.memory.visible.len()
        } else {
            self.corpus.stories.len()
        }
    }

    /// The story at row `position` of the list.
    pub fn list_story(&self, position: usize) -> Option<usize> {
        if self.memory.unread_only {
            self.memory.visible.get(position).copied()
        } else {
            (position < self.corpus.stories.len()).then_some(position)
        }
    }

    /// The row of the list showing story `index`, if it is shown.
    pub fn list_position(&self, index: usize) -> Option<usize> {
        if self.memory.unread_only {
            self.memory.visible.binary_search(&index).ok()
        } else {
            (index < self.corpus.stories.len()).then_some(index)
        }
    }

    /// Saves the scroll position of the selected story when it changed: called when
    /// leaving a story and on quit.
    pub fn remember_scroll(&mut self) {
        let scroll = u32::try_from(self.scroll).unwrap_or(u32::MAX);
        let index = self.selected;
        let unchanged = self
            .corpus
            .stories
            .get(index)
            .is_none_or(|s| self.memory.saved.story(&s.id).scroll == scroll);
        if !unchanged {
            self.save(
                index,
                |store, id| store.set_scroll(id, scroll),
                |s| s.scroll = scroll,
            );
        }
    }

    /// What the reader saves when the user leaves: the selected story's scroll
    /// position and which story is selected. Returns the error message, if any.
    pub fn save_on_quit(&mut self) -> Option<String> {
        self.message = None;
        self.remember_scroll();
        let id = self.corpus.stories.get(self.selected).map(|s| s.id.clone());
        if id.is_some() && self.memory.saved.last_selected != id {
            match self.memory.store.set_last_selected(id.as_deref()) {
                Ok(()) => self.memory.saved.last_selected = id,
                Err(e) => self.message = Some(format!("Cannot save: {e}")),
            }
        }
        self.message.take()
    }

    /// Writes one change of story `index` with `write`, mirroring it with `mirror`;
    /// a failed write becomes the status-bar message.
    fn save(
        &mut self,
        index: usize,
        write: impl FnOnce(&mut StateStore, &str) -> Result<(), StateError>,
        mirror: impl FnOnce(&mut crate::state::StoryState),
    ) {
        let Some(story) = self.corpus.stories.get(index) else {
            return;
        };
        let mut state = self.memory.saved.story(&story.id);
        mirror(&mut state);
        self.memory.saved.put(&story.id, state);
        if let Err(e) = write(&mut self.memory.store, &story.id) {
            self.message = Some(format!("Cannot save: {e}"));
        }
    }
}
