//! The reader's actions by name: the one table ([`KEYS`]) of every action, its name in
//! the `[keys]` table of the configuration file, its default keys and what it does;
//! and the commands that work while typing ([`TYPING_KEYS`]).
//!
//! The reader, its help overlay, the default file and [`super::KeyBindings`] all read
//! this table, so they cannot drift. It decides names and default keys only: what a key
//! event means in the reader's current mode is the reader's ([`crate::tui::keymap`]).
//! Imports only [`crate::action`] and the key specs; never the reader.

use ratatui::crossterm::event::KeyCode;

use super::keys::KeySpec;
use crate::action::Action;

/// One line of the key table: the action's name in the configuration file, its
/// default keys, the action, and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefaultBinding {
    /// The action's name in the `[keys]` table of the configuration file.
    pub name: &'static str,
    /// Every key that does it by default.
    pub keys: &'static [KeySpec],
    /// The action.
    pub action: Action,
    /// What it does, for the help overlay, the README and the default file.
    pub help: &'static str,
}

const fn bind(
    name: &'static str,
    keys: &'static [KeySpec],
    action: Action,
    help: &'static str,
) -> DefaultBinding {
    DefaultBinding {
        name,
        keys,
        action,
        help,
    }
}

/// The key table for browsing (the main screen and the speaker-free overlays).
pub const KEYS: &[DefaultBinding] = &[
    bind(
        "down",
        &[KeySpec::char('j'), KeySpec::plain(KeyCode::Down)],
        Action::Down,
        "next story / scroll down",
    ),
    bind(
        "up",
        &[KeySpec::char('k'), KeySpec::plain(KeyCode::Up)],
        Action::Up,
        "previous story / scroll up",
    ),
    bind(
        "top",
        &[KeySpec::char('g'), KeySpec::plain(KeyCode::Home)],
        Action::Top,
        "first story / top",
    ),
    bind(
        "bottom",
        &[KeySpec::char('G'), KeySpec::plain(KeyCode::End)],
        Action::Bottom,
        "last story / bottom",
    ),
    bind(
        "page_down",
        &[KeySpec::plain(KeyCode::PageDown), KeySpec::ctrl('f')],
        Action::PageDown,
        "page down",
    ),
    bind(
        "page_up",
        &[KeySpec::plain(KeyCode::PageUp), KeySpec::ctrl('b')],
        Action::PageUp,
        "page up",
    ),
    bind(
        "half_page_down",
        &[KeySpec::ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
    ),
    bind(
        "half_page_up",
        &[KeySpec::ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
    ),
    bind(
        "page_story",
        &[KeySpec::char(' ')],
        Action::PageStory,
        "page down the story shown, from either pane",
    ),
    bind(
        "next_story",
        &[KeySpec::char('J')],
        Action::NextStory,
        "next story, from either pane",
    ),
    bind(
        "prev_story",
        &[KeySpec::char('K')],
        Action::PrevStory,
        "previous story, from either pane",
    ),
    bind(
        "next_unread",
        &[KeySpec::char('U')],
        Action::NextUnread,
        "next unread story, from either pane",
    ),
    bind(
        "next_pane",
        &[
            KeySpec::plain(KeyCode::Tab),
            KeySpec::plain(KeyCode::BackTab),
        ],
        Action::NextPane,
        "switch pane",
    ),
    bind(
        "focus_list",
        &[KeySpec::char('h'), KeySpec::plain(KeyCode::Left)],
        Action::FocusList,
        "story list",
    ),
    bind(
        "focus_reader",
        &[KeySpec::char('l'), KeySpec::plain(KeyCode::Right)],
        Action::FocusReader,
        "reading pane",
    ),
    bind(
        "open",
        &[KeySpec::plain(KeyCode::Enter)],
        Action::Open,
        "open story / speaker / quote",
    ),
    bind(
        "next_quote",
        &[KeySpec::char(']')],
        Action::NextQuote,
        "next quote in the story, or the next story's first",
    ),
    bind(
        "prev_quote",
        &[KeySpec::char('[')],
        Action::PrevQuote,
        "previous quote in the story, or the previous story's last",
    ),
    bind(
        "next_by_speaker",
        &[KeySpec::char('}')],
        Action::NextBySpeaker,
        "next quote by the same speaker",
    ),
    bind(
        "prev_by_speaker",
        &[KeySpec::char('{')],
        Action::PrevBySpeaker,
        "previous quote by the same speaker",
    ),
    bind(
        "speakers",
        &[KeySpec::char('s')],
        Action::ToggleSpeakers,
        "speakers panel",
    ),
    bind(
        "timeline",
        &[KeySpec::char('t')],
        Action::ToggleTimeline,
        "quotes timeline",
    ),
    bind(
        "search",
        &[KeySpec::char('/')],
        Action::StartSearch,
        "search; with field: or - terms, filter the list",
    ),
    bind(
        "next_match",
        &[KeySpec::char('n')],
        Action::SearchNext,
        "next match",
    ),
    bind(
        "prev_match",
        &[KeySpec::char('N')],
        Action::SearchPrev,
        "previous match",
    ),
    bind(
        "toggle_read",
        &[KeySpec::char('m')],
        Action::ToggleRead,
        "mark the story read / unread",
    ),
    bind(
        "toggle_star",
        &[KeySpec::char('*')],
        Action::ToggleStar,
        "star / unstar the story",
    ),
    bind(
        "unread_only",
        &[KeySpec::char('u')],
        Action::ToggleUnreadOnly,
        "show only unread stories / all",
    ),
    bind(
        "starred_only",
        &[KeySpec::char('S')],
        Action::ToggleStarredOnly,
        "show only starred stories / all",
    ),
    bind(
        "fragments",
        &[KeySpec::char('f')],
        Action::ToggleFragments,
        "show / hide quote fragments in ] [ and the timeline",
    ),
    bind(
        "speaker_quotes",
        &[KeySpec::ctrl('t')],
        Action::SpeakerQuotes,
        "the speaker's quotes on the timeline (speakers panel, timeline)",
    ),
    bind(
        "open_link",
        &[KeySpec::char('o')],
        Action::OpenLink,
        "open the story's address in the browser",
    ),
    bind(
        "copy_quote",
        &[KeySpec::char('y')],
        Action::CopyQuote,
        "copy the quote, its speaker, story and date",
    ),
    bind(
        "delete_char",
        &[KeySpec::plain(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character typed",
    ),
    bind(
        "warnings",
        &[KeySpec::char('w')],
        Action::ToggleWarnings,
        "loading warnings",
    ),
    bind(
        "help",
        &[KeySpec::char('?')],
        Action::ToggleHelp,
        "this help",
    ),
    bind(
        "back",
        &[KeySpec::char('q')],
        Action::Back,
        "back; quits from the story list",
    ),
    bind(
        "close",
        &[KeySpec::plain(KeyCode::Esc)],
        Action::Close,
        "close overlay / clear search",
    ),
    bind("quit", &[KeySpec::ctrl('c')], Action::Quit, "quit"),
];

/// What a key does while typing a search or a speaker filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypingCommand {
    /// The action; its keys are its keys in [`KEYS`] (or the configuration file)
    /// that do not type text.
    pub action: Action,
    /// What it does while typing.
    pub help: &'static str,
}

const fn typing(action: Action, help: &'static str) -> TypingCommand {
    TypingCommand { action, help }
}

/// The commands that work while typing a search or a speaker filter; every other
/// printable key is text.
pub const TYPING_KEYS: &[TypingCommand] = &[
    typing(Action::Open, "confirm search / jump to speaker"),
    typing(Action::Close, "cancel search / close panel"),
    typing(Action::DeleteChar, "delete a character"),
    typing(
        Action::SpeakerQuotes,
        "the speaker's quotes on the timeline",
    ),
    typing(Action::Down, "next speaker / quote"),
    typing(Action::Up, "previous speaker / quote"),
    typing(Action::PageDown, "page down"),
    typing(Action::PageUp, "page up"),
    typing(Action::Quit, "quit"),
];

/// The names of every action in the configuration file's `[keys]` table.
pub fn action_names() -> Vec<&'static str> {
    KEYS.iter().map(|b| b.name).collect()
}
