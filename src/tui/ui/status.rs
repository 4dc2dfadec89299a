//! The status bar: story i/n (of the list as shown), quote j/m, the unread-only
//! and no-save notices, the search prompt or a message, and the keys of the mode in
//! effect (as bound): never keys that would type text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::action::Action;
use crate::tui::app::{App, Focus, Overlay};
use crate::tui::keymap::Keymap;
use crate::tui::text;

/// The main actions hinted at the right of the status bar on the story list, with
/// their short names.
pub const HINTED: &[(Action, &str)] = &[
    (Action::ToggleHelp, "help"),
    (Action::StartSearch, "search"),
    (Action::ToggleSpeakers, "speakers"),
    (Action::ToggleTimeline, "quotes"),
    (Action::Back, "back"),
];

/// The actions hinted in the reading pane.
pub const READER_HINTED: &[(Action, &str)] = &[
    (Action::ToggleHelp, "help"),
    (Action::NextStory, "next"),
    (Action::PrevStory, "prev"),
    (Action::NextQuote, "quote"),
    (Action::PageStory, "page"),
    (Action::Back, "list"),
];

/// The commands hinted while a search is typed (through their keys that type no text).
pub const SEARCH_HINTED: &[(Action, &str)] = &[
    (Action::Open, "done"),
    (Action::Close, "cancel"),
    (Action::DeleteChar, "erase"),
];

/// The commands hinted while the speakers filter is typed.
pub const SPEAKERS_HINTED: &[(Action, &str)] = &[
    (Action::Open, "jump"),
    (Action::SpeakerQuotes, "quotes"),
    (Action::Down, "next"),
    (Action::Up, "prev"),
    (Action::Close, "close"),
];

/// The actions hinted in the quotes timeline.
pub const TIMELINE_HINTED: &[(Action, &str)] = &[
    (Action::Open, "open"),
    (Action::StartSearch, "search"),
    (Action::SpeakerQuotes, "speaker"),
    (Action::ToggleFragments, "fragments"),
    (Action::Close, "close"),
];

/// The actions hinted in the help and warnings overlays.
pub const SCROLL_HINTED: &[(Action, &str)] = &[
    (Action::Down, "down"),
    (Action::Up, "up"),
    (Action::Close, "close"),
];

/// The story list's key hint, from the keys in effect: `?:help /:search ...` (an
/// unbound action is left out).
pub fn key_hint(keymap: &Keymap) -> String {
    hint(keymap, HINTED, false)
}

/// The key hint for the mode in effect: while typing only the commands that work
/// while typing (`Enter:done Esc:cancel`), in an overlay its own keys, in the reading
/// pane the reading keys, else the story list's.
pub fn mode_hint(app: &App) -> String {
    let keymap = &app.keymap;
    match app.overlay {
        Overlay::Speakers => hint(keymap, SPEAKERS_HINTED, true),
        Overlay::Timeline if app.timeline_view.typing => hint(keymap, SEARCH_HINTED, true),
        Overlay::Timeline => hint(keymap, TIMELINE_HINTED, false),
        Overlay::Help | Overlay::Warnings => hint(keymap, SCROLL_HINTED, false),
        Overlay::None if app.search.typing => hint(keymap, SEARCH_HINTED, true),
        Overlay::None if app.focus == Focus::Reader => hint(keymap, READER_HINTED, false),
        Overlay::None => key_hint(keymap),
    }
}

/// `key:name` for each action with a key (`typing`: a key that types no text).
fn hint(keymap: &Keymap, hinted: &[(Action, &str)], typing: bool) -> String {
    hinted
        .iter()
        .filter_map(|(action, name)| {
            let key = if typing {
                keymap.typing_keys_for(*action).first().copied()
            } else {
                keymap.keys_for(*action).first().copied()
            }?;
            Some(format!("{}:{name}", key.label()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draws the status bar into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let stories = app.list_len();
    let position = app.list_position(app.selected).map_or(0, |p| p + 1);
    let mut story = if stories == 0 {
        "Story 0/0".to_string()
    } else {
        format!("Story {position}/{stories}")
    };
    if app.memory.unread_only() {
        story.push_str(" unread");
    }
    if app.memory.starred_only() {
        story.push_str(" starred");
    }
    if app.show_fragments {
        story.push_str(" · fragments");
    }
    if app.memory.not_saving().is_some() {
        story.push_str(" · NOT SAVING");
    }
    // Counted among the stops of ] and [: spoken quotes (all, with fragments shown).
    let quote = match crate::tui::timeline::stop_position(app) {
        (Some(position), stops) => format!("Quote {position}/{stops}"),
        (None, stops) if app.current_quote.is_some() => format!("Fragment · {stops} quotes"),
        (None, stops) => format!("Quote -/{stops}"),
    };
    let mut matches = match app.search.hits.len() {
        1 => "1 match".to_string(),
        n => format!("{n} matches"),
    };
    if !app.search_ready() {
        matches = "indexing for search…".to_string();
    } else if !app.search_hits_final() {
        // More may come: the search goes on between keys.
        matches.push('…');
    }
    let filter_query = crate::tui::query::is_filter_query(&app.search.query);
    let timeline = &app.timeline_view;
    let middle =
        if app.overlay == Overlay::Timeline && (timeline.typing || !timeline.query.is_empty()) {
            let cursor = if timeline.typing { "_" } else { "" };
            let shown = match timeline.visible.len() {
                1 => "1 quote".to_string(),
                n => format!("{n} quotes"),
            };
            format!("/{}{cursor} ({shown})", text::clean(&timeline.query))
        } else if app.search.typing && filter_query {
            let note = crate::tui::query::typing_note(&app.search.query);
            format!("/{}_ ({note})", text::clean(&app.search.query))
        } else if app.search.typing {
            format!("/{}_ ({matches})", text::clean(&app.search.query))
        } else if let Some(loading) = &app.loading {
            crate::tui::progress::status_text(loading, 12)
        } else if let Some(message) = &app.message {
            text::clean(message)
        } else if app.memory.filtered() {
            format!("/{} ({stories} shown)", text::clean(&app.search.query))
        } else if !app.search.query.is_empty() {
            format!("/{} ({matches})", text::clean(&app.search.query))
        } else {
            String::new()
        };
    let width = usize::from(area.width);
    let left = format!(" {story} · {quote} ");
    let right = format!(" {} ", mode_hint(app));
    let room = width.saturating_sub(text::width(&left) + text::width(&right));
    // While loading, the progress bar takes the key hint's place.
    let right = if room == 0 || app.loading.is_some() {
        String::new()
    } else {
        right
    };
    let room = width.saturating_sub(text::width(&left) + text::width(&right));
    let line = Line::from(vec![
        Span::styled(left, Style::new().add_modifier(Modifier::BOLD)),
        Span::styled(text::fit(&middle, room), Style::new().fg(Color::Yellow)),
        Span::styled(right, Style::new().fg(Color::Gray)),
    ]);
    let buf = frame.buffer_mut();
    buf.set_style(area, app.styles.status_bar);
    buf.set_line(area.x, area.y, &line, area.width);
}
