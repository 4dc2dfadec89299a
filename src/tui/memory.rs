//! The reader's memory: read and starred stories, where each story was left, the
//! story selected last, and the views of the list: unread only, and the stories a
//! search filter keeps.
//!
//! Everything is kept in a [`StateStore`] keyed by [`crate::model::Story::id`].
//! Writes happen when something changes: opening a story (read), `m` and `*`,
//! leaving a story whose scroll position changed, and quitting (scroll and
//! selection) — never on every key press. A write that fails puts a message in the
//! status bar and the reader goes on. A store that could not be opened (damaged,
//! newer, locked) leaves the reader in no-save mode, which the status bar says.
//!
//! It decides what is remembered and when it is written; it is handed the stories and
//! their read and starred marks, and never sees the reader's state
//! ([`super::app::App`] calls it), nor draws.

use crate::model::{Story, Warning};
use crate::state::{StateError, StateSnapshot, StateStore, StoryState};

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
    /// Whether the list shows only starred stories (and the selected one).
    starred_only: bool,
    /// The stories a search filter keeps (by index; a story beyond it is kept), when
    /// one narrows the list.
    kept: Option<Vec<bool>>,
    /// With [`Memory::unread_only`] or a filter, the stories the list shows, in list
    /// order.
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
            starred_only: false,
            kept: None,
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

impl Memory {
    /// Takes over `store` and what it holds. `open_error` is why the store asked for
    /// could not be opened (so `store` saves nothing). Returns the warning for the
    /// warnings panel when nothing will be saved this session.
    pub fn open(&mut self, store: StateStore, open_error: Option<StateError>) -> Option<Warning> {
        let (store, error) = match store.load_all() {
            Ok(saved) => {
                self.saved = saved;
                (store, open_error)
            }
            Err(e) => (StateStore::unsaved(), Some(e)),
        };
        self.store = store;
        let warning = error.map(|e| {
            self.not_saving = Some(e.to_string());
            Warning {
                path: self
                    .store
                    .path()
                    .map_or_else(|| "state".to_string(), |p| p.display().to_string()),
                message: format!("reading state not saved this session: {e}"),
            }
        });
        self.selection_pending = self.saved.last_selected.is_some();
        warning
    }

    /// Marks `read` and `starred` from what is saved, for `stories` from index `first`
    /// on (both grown to the number of stories). Returns the story selected last, the
    /// first time it is among them.
    pub fn apply_from(
        &mut self,
        stories: &[Story],
        read: &mut Vec<bool>,
        starred: &mut Vec<bool>,
        first: usize,
    ) -> Option<usize> {
        let count = stories.len();
        read.resize(count, false);
        starred.resize(count, false);
        let last = self.saved.last_selected.as_deref();
        let mut remembered = None;
        for (i, story) in stories.iter().enumerate().skip(first) {
            let state = self.saved.story(&story.id);
            read[i] |= state.read;
            starred[i] |= state.starred;
            if remembered.is_none() && last == Some(story.id.as_str()) {
                remembered = Some(i);
            }
        }
        if self.selection_pending
            && let Some(index) = remembered
        {
            self.selection_pending = false;
            return Some(index);
        }
        None
    }

    /// The user has moved on their own: a remembered selection still to come (while
    /// loading) no longer takes the cursor.
    pub fn forget_pending_selection(&mut self) {
        self.selection_pending = false;
    }

    /// The row `story` was left at (0 when never scrolled, or no story).
    pub fn saved_scroll(&self, story: Option<&Story>) -> usize {
        story.map_or(0, |s| {
            usize::try_from(self.saved.story(&s.id).scroll).unwrap_or(0)
        })
    }

    /// Sets `flags[index]` (story `index`'s read mark) to `read`, saving the change.
    /// Returns the message for the status bar when the write fails.
    pub fn set_read(
        &mut self,
        stories: &[Story],
        flags: &mut [bool],
        index: usize,
        read: bool,
    ) -> Option<String> {
        let flag = flags.get_mut(index)?;
        if *flag == read {
            return None;
        }
        *flag = read;
        self.save(
            stories.get(index)?,
            |store, id| store.set_read(id, read),
            |s| s.read = read,
        )
    }

    /// Sets `flags[index]` (story `index`'s star) to `starred`, saving the change.
    /// Returns the message for the status bar when the write fails.
    pub fn set_starred(
        &mut self,
        stories: &[Story],
        flags: &mut [bool],
        index: usize,
        starred: bool,
    ) -> Option<String> {
        let flag = flags.get_mut(index)?;
        if *flag == starred {
            return None;
        }
        *flag = starred;
        self.save(
            stories.get(index)?,
            |store, id| store.set_starred(id, starred),
            |s| s.starred = starred,
        )
    }

    /// Turns the unread-only view on or off; returns whether it is now on.
    pub fn toggle_unread_only(&mut self) -> bool {
        self.unread_only = !self.unread_only;
        self.unread_only
    }

    /// Turns the starred view on or off; returns whether it is now on.
    pub fn toggle_starred_only(&mut self) -> bool {
        self.starred_only = !self.starred_only;
        self.starred_only
    }

    /// Whether the list shows only starred stories.
    pub fn starred_only(&self) -> bool {
        self.starred_only
    }

    /// Narrows the list to the stories marked in `kept` (`None`: no filter).
    pub fn set_kept(&mut self, kept: Option<Vec<bool>>) {
        self.kept = kept;
    }

    /// Sets whether the filter keeps story `index` (when a filter narrows the list).
    pub fn keep(&mut self, index: usize, kept: bool) {
        if let Some(flag) = self.kept.as_mut().and_then(|k| k.get_mut(index)) {
            *flag = kept;
        }
    }

    /// Whether a filter narrows the list.
    pub fn filtered(&self) -> bool {
        self.kept.is_some()
    }

    /// Whether the list shows only some of the stories.
    fn narrowed(&self) -> bool {
        self.unread_only || self.starred_only || self.kept.is_some()
    }

    /// Recomputes which stories the list shows (with the unread-only view, the
    /// unread ones; with the starred view, the starred ones; with a filter, the ones it
    /// keeps; and always the `selected` one, which never vanishes under the cursor).
    pub fn refresh_list(&mut self, read: &[bool], starred: &[bool], selected: usize) {
        self.visible.clear();
        if !self.narrowed() {
            return;
        }
        let kept = self.kept.as_deref();
        let unread_only = self.unread_only;
        let starred_only = self.starred_only;
        self.visible.extend(
            read.iter()
                .enumerate()
                .filter(|&(i, &read)| {
                    let shown = (!unread_only || !read)
                        && (!starred_only || starred.get(i).copied().unwrap_or(false))
                        && kept.is_none_or(|k| k.get(i).copied().unwrap_or(true));
                    shown || i == selected
                })
                .map(|(i, _)| i),
        );
    }

    /// How many of `count` stories the list shows.
    pub fn list_len(&self, count: usize) -> usize {
        if self.narrowed() {
            self.visible.len()
        } else {
            count
        }
    }

    /// The story at row `position` of the list, of `count` stories.
    pub fn list_story(&self, count: usize, position: usize) -> Option<usize> {
        if self.narrowed() {
            self.visible.get(position).copied()
        } else {
            (position < count).then_some(position)
        }
    }

    /// The row of the list showing story `index` of `count`, if it is shown.
    pub fn list_position(&self, count: usize, index: usize) -> Option<usize> {
        if self.narrowed() {
            self.visible.binary_search(&index).ok()
        } else {
            (index < count).then_some(index)
        }
    }

    /// Saves `scroll` as where `story` was left, when it changed. Returns the message
    /// for the status bar when the write fails.
    pub fn remember_scroll(&mut self, story: Option<&Story>, scroll: usize) -> Option<String> {
        let scroll = u32::try_from(scroll).unwrap_or(u32::MAX);
        let story = story?;
        if self.saved.story(&story.id).scroll == scroll {
            return None;
        }
        self.save(
            story,
            |store, id| store.set_scroll(id, scroll),
            |s| s.scroll = scroll,
        )
    }

    /// Saves which story is selected (`id`), when it changed. Returns the message for
    /// the status bar when the write fails.
    pub fn remember_selected(&mut self, id: Option<String>) -> Option<String> {
        if id.is_some() && self.saved.last_selected != id {
            match self.store.set_last_selected(id.as_deref()) {
                Ok(()) => self.saved.last_selected = id,
                Err(e) => return Some(format!("Cannot save: {e}")),
            }
        }
        None
    }

    /// Writes one change of `story` with `write`, mirroring it with `mirror`. Returns
    /// the message for the status bar when the write fails.
    fn save(
        &mut self,
        story: &Story,
        write: impl FnOnce(&mut StateStore, &str) -> Result<(), StateError>,
        mirror: impl FnOnce(&mut StoryState),
    ) -> Option<String> {
        let mut state = self.saved.story(&story.id);
        mirror(&mut state);
        self.saved.put(&story.id, state);
        write(&mut self.store, &story.id)
            .err()
            .map(|e| format!("Cannot save: {e}"))
    }
}
