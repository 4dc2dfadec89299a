//! Everything a user can do in the reader, as data: a leaf, importing nothing.
//!
//! The configuration names every action and gives its default keys
//! ([`crate::config::KEYS`]); keys and mouse events become an [`Action`] in
//! [`crate::tui::keymap`]; [`crate::tui::update`] applies it. What a movement means
//! (move the selection, scroll the story, move in an overlay) is decided by the state
//! it is applied to, not by the key.

/// A part of the screen that can be scrolled or clicked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The story list on the left.
    List,
    /// The reading pane on the right.
    Reader,
    /// Whichever overlay is open (speakers, quotes timeline, help).
    Overlay,
}

/// One thing the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the reader at once.
    Quit,
    /// Go back one level: close an overlay, leave the reading pane, or quit from the
    /// story list.
    Back,
    /// Close an overlay, or cancel the search; never quits.
    Close,
    /// Move the selection (or scroll) down one row.
    Down,
    /// Move the selection (or scroll) up one row.
    Up,
    /// Go to the first story (or the top of the story).
    Top,
    /// Go to the last story (or the bottom of the story).
    Bottom,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Page down the story shown in the reading pane, from either pane.
    PageStory,
    /// Show the next story (in the list as shown), staying in the pane in use.
    NextStory,
    /// Show the previous story (in the list as shown), staying in the pane in use.
    PrevStory,
    /// Show the next unread story (wrapping to the top), staying in the pane in use.
    NextUnread,
    /// Switch between the story list and the reading pane.
    NextPane,
    /// Focus the story list.
    FocusList,
    /// Focus the reading pane.
    FocusReader,
    /// Open the selected story, speaker or quote (confirms the search while typing).
    Open,
    /// Jump to the next quote in the story.
    NextQuote,
    /// Jump to the previous quote in the story.
    PrevQuote,
    /// Jump to the next quote by the same speaker, across all stories.
    NextBySpeaker,
    /// Jump to the previous quote by the same speaker, across all stories.
    PrevBySpeaker,
    /// Show or hide the speakers panel.
    ToggleSpeakers,
    /// Show or hide the quotes timeline.
    ToggleTimeline,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show or hide the warnings met while loading.
    ToggleWarnings,
    /// Start typing a search.
    StartSearch,
    /// Go to the next search match.
    SearchNext,
    /// Go to the previous search match.
    SearchPrev,
    /// Mark the selected story read, or unread again.
    ToggleRead,
    /// Star the selected story, or take its star away.
    ToggleStar,
    /// Show only unread stories in the list, or all of them again.
    ToggleUnreadOnly,
    /// Show only starred stories in the list, or all of them again.
    ToggleStarredOnly,
    /// Show quote fragments in the jumps and the timeline, or hide them again.
    ToggleFragments,
    /// The selected speaker's quotes on the timeline (from the speakers panel), or
    /// the timeline narrowed to the selected quote's speaker (and back).
    SpeakerQuotes,
    /// Show the stories of saved view N of the configuration (or all again).
    ApplyView(usize),
    /// Open the story's address with the system opener (or the configured one).
    OpenLink,
    /// Copy the current quote, with its speaker, story and date, to the clipboard.
    CopyQuote,
    /// Type a character into the search or the speaker filter.
    Type(char),
    /// Delete the last character typed.
    DeleteChar,
    /// The mouse wheel turned over a pane (`down` towards the end).
    Wheel {
        /// The pane under the pointer.
        pane: Pane,
        /// Whether the wheel turned towards the end.
        down: bool,
    },
    /// A click selected the story with this index.
    SelectStory(usize),
    /// A click on the reading pane.
    ClickReader,
}
