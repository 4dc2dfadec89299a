//! Applying actions to the reader's state: pure, tested without a terminal.
//!
//! Movements mean what the screen in front of the user suggests: in an overlay they
//! move its selection, in the story list they change the story, in the reading pane
//! they scroll.

use super::app::{App, Focus, Overlay, SearchSource};
use super::{flow, query, share, timeline};
use crate::action::{Action, Pane};

/// How many rows one turn of the mouse wheel scrolls.
pub const WHEEL_ROWS: isize = 3;

/// Applies one action to the app.
pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Type(_) | Action::DeleteChar) {
        app.message = None;
    }
    if let Some(loading) = app.loading.as_mut() {
        loading.touched = true;
        app.forget_pending_selection();
    }
    apply(app, action);
    app.refresh_list();
}

fn apply(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::Back => back(app),
        Action::Close => close(app),
        Action::Down => move_by(app, 1),
        Action::Up => move_by(app, -1),
        Action::PageDown => move_by(app, page(app)),
        Action::PageUp => move_by(app, -page(app)),
        Action::HalfPageDown => move_by(app, (page(app) / 2).max(1)),
        Action::HalfPageUp => move_by(app, -(page(app) / 2).max(1)),
        Action::Top => move_by(app, isize::MIN / 2),
        Action::Bottom => move_by(app, isize::MAX / 2),
        Action::NextPane => {
            if app.overlay == Overlay::None {
                app.focus = match app.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader => Focus::List,
                };
                if app.focus == Focus::Reader {
                    app.mark_read();
                }
            }
        }
        Action::FocusList => {
            if app.overlay == Overlay::None {
                app.focus = Focus::List;
            }
        }
        Action::FocusReader => {
            if app.overlay == Overlay::None && !app.corpus.stories.is_empty() {
                app.focus = Focus::Reader;
                app.mark_read();
            }
        }
        Action::Open => open(app),
        Action::NextQuote => flow::quote_in_story(app, true),
        Action::PrevQuote => flow::quote_in_story(app, false),
        Action::NextBySpeaker => flow::quote_by_speaker(app, true),
        Action::PrevBySpeaker => flow::quote_by_speaker(app, false),
        Action::PageStory => flow::page_story(app, |app| move_by(app, page(app))),
        Action::NextStory => flow::step_story(app, true),
        Action::PrevStory => flow::step_story(app, false),
        Action::NextUnread => flow::next_unread(app),
        Action::ToggleSpeakers => toggle(app, Overlay::Speakers),
        Action::ToggleTimeline => toggle(app, Overlay::Timeline),
        Action::ToggleHelp => toggle(app, Overlay::Help),
        Action::ToggleWarnings => toggle(app, Overlay::Warnings),
        Action::StartSearch if app.overlay == Overlay::Timeline => timeline::start_search(app),
        Action::StartSearch => {
            if app.overlay == Overlay::None {
                app.search.typing = true;
                clear_search(app);
                app.search.origin = Some((app.selected, app.scroll, app.focus));
            }
        }
        Action::ToggleRead
        | Action::ToggleStar
        | Action::ToggleUnreadOnly
        | Action::ToggleStarredOnly
            if app.overlay != Overlay::None || app.corpus.stories.is_empty() => {}
        Action::ToggleRead => app.toggle_read(),
        Action::ToggleStar => app.toggle_star(),
        Action::ToggleUnreadOnly => app.toggle_unread_only(),
        Action::ToggleStarredOnly => query::toggle_starred_only(app),
        Action::ToggleFragments => timeline::toggle_fragments(app),
        Action::SpeakerQuotes => timeline::speaker_quotes(app),
        Action::ApplyView(view) => query::apply_view(app, view),
        Action::OpenLink => share::open_link(app),
        Action::CopyQuote => share::copy_quote(app),
        Action::SearchNext => search_step(app, true),
        Action::SearchPrev => search_step(app, false),
        Action::Type(c) => type_char(app, Some(c)),
        Action::DeleteChar => type_char(app, None),
        Action::Wheel { pane, down } => wheel(app, pane, down),
        Action::SelectStory(index) => {
            if app.overlay == Overlay::None && index < app.corpus.stories.len() {
                app.select_story(index);
                app.focus = Focus::List;
            }
        }
        Action::ClickReader => {
            if app.overlay == Overlay::None && !app.corpus.stories.is_empty() {
                app.focus = Focus::Reader;
                app.mark_read();
            }
        }
    }
}

/// The rows a page move covers in the current context.
fn page(app: &App) -> isize {
    let rows = match (app.overlay, app.focus) {
        (Overlay::None, Focus::List) => app.areas.list_inner.height / 2,
        (Overlay::None, Focus::Reader) => app.text_size().1.saturating_sub(1),
        _ => app.areas.overlay_rows,
    };
    rows.max(1) as isize
}

fn step(index: usize, delta: isize, len: usize) -> usize {
    index
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// Moves the selection (or scrolls) by `delta` rows in the current context.
fn move_by(app: &mut App, delta: isize) {
    match app.overlay {
        Overlay::Help => {
            app.help_scroll = app.help_scroll.saturating_add_signed(delta).min(
                super::ui::help::total_lines(app)
                    .saturating_sub(usize::from(app.areas.overlay_rows)),
            );
        }
        Overlay::Warnings => {
            app.warnings_scroll = step(app.warnings_scroll, delta, app.warnings.len());
        }
        Overlay::Speakers => {
            let len = app.speakers_panel.visible.len();
            app.speakers_panel.selected = step(app.speakers_panel.selected, delta, len);
        }
        Overlay::Timeline => {
            let len = app.timeline_view.visible.len();
            app.timeline.selected = step(app.timeline.selected, delta, len);
        }
        Overlay::None => match app.focus {
            Focus::List => move_in_list(app, delta),
            Focus::Reader => app.scroll_by(delta),
        },
    }
}

/// Moves the list's selection by `delta` rows of the list as shown (which, in the
/// unread-only view, skips read stories).
fn move_in_list(app: &mut App, delta: isize) {
    let from = app.list_position(app.selected).unwrap_or(0);
    let target = step(from, delta, app.list_len());
    if let Some(story) = app.list_story(target) {
        app.select_story(story);
    }
}

fn back(app: &mut App) {
    if app.overlay != Overlay::None {
        app.overlay = Overlay::None;
    } else if app.focus == Focus::Reader {
        app.focus = Focus::List;
    } else {
        app.quit = true;
    }
}

fn close(app: &mut App) {
    if app.overlay == Overlay::Timeline && timeline::clear(app) {
        // Esc takes the timeline's search or speaker away first.
    } else if app.overlay != Overlay::None {
        app.overlay = Overlay::None;
    } else if app.search.typing {
        app.search.typing = false;
        if let Some((story, scroll, focus)) = app.search.origin.take() {
            app.select_story(story);
            app.scroll = scroll;
            app.focus = focus;
        }
        clear_search(app);
    } else if !app.search.query.is_empty() {
        clear_search(app);
        app.message = Some("Search cleared".to_string());
    }
}

fn clear_search(app: &mut App) {
    query::clear(app);
    app.search.view = None;
    app.search.query.clear();
    app.search.hits.clear();
    app.search.current = None;
    app.search.jump_pending = false;
    app.stop_search();
}

fn toggle(app: &mut App, overlay: Overlay) {
    if app.overlay == overlay {
        app.overlay = Overlay::None;
    } else {
        app.search.typing = false;
        app.overlay = overlay;
        if overlay == Overlay::Speakers {
            app.filter_speakers();
        }
        if overlay == Overlay::Timeline {
            app.timeline_view.speaker = None;
            app.timeline_view.query.clear();
            app.timeline_view.typing = false;
            timeline::refresh(app);
        }
    }
}

fn open(app: &mut App) {
    match app.overlay {
        Overlay::Help | Overlay::Warnings => app.overlay = Overlay::None,
        Overlay::Speakers => {
            let panel = &app.speakers_panel;
            let first = panel
                .visible
                .get(panel.selected)
                .and_then(|&i| app.speakers.get(i))
                .and_then(|s| s.quotes.first().copied());
            match first {
                Some(at) => {
                    app.overlay = Overlay::None;
                    app.open_quote(at);
                }
                None => app.message = Some("No speaker selected".to_string()),
            }
        }
        Overlay::Timeline if app.timeline_view.typing => app.timeline_view.typing = false,
        Overlay::Timeline => {
            if let Some(at) = app.timeline_at() {
                app.overlay = Overlay::None;
                app.open_quote(at);
            }
        }
        Overlay::None => {
            if app.search.typing && app.search.query.trim().is_empty() {
                // Nothing to look for: back where the search started, no message.
                close(app);
            } else if app.search.typing && query::is_filter_query(&app.search.query) {
                if query::apply(app) {
                    app.search.typing = false;
                    app.search.origin = None;
                }
            } else if app.search.typing && !app.search_ready() {
                // The matches come with the index, with the jump to the first.
                app.search.typing = false;
                app.search.origin = None;
                app.message = Some(INDEXING.to_string());
            } else if app.search.typing {
                finish_search(app);
                app.search.typing = false;
                app.search.origin = None;
                app.message = Some(match app.search.hits.len() {
                    0 => format!("No match for “{}”", app.search.query),
                    1 => "1 match · n/N next/previous".to_string(),
                    n => format!("{n} matches · n/N next/previous"),
                });
            } else if app.focus == Focus::List && !app.corpus.stories.is_empty() {
                app.focus = Focus::Reader;
                app.mark_read();
            }
        }
    }
}

fn type_char(app: &mut App, c: Option<char>) {
    if app.overlay == Overlay::Speakers {
        match c {
            Some(c) => app.speakers_panel.filter.push(c),
            None => {
                app.speakers_panel.filter.pop();
            }
        }
        app.speakers_panel.selected = 0;
        app.speakers_panel.offset = 0;
        app.filter_speakers();
    } else if app.overlay == Overlay::Timeline && app.timeline_view.typing {
        timeline::type_char(app, c);
    } else if app.overlay == Overlay::None && app.search.typing {
        match c {
            Some(c) => app.search.query.push(c),
            None => {
                app.search.query.pop();
            }
        }
        if query::is_filter_query(&app.search.query) {
            // A filter narrows the list on Enter; no text search meanwhile.
            app.stop_search();
            app.search.hits.clear();
            app.search.current = None;
            app.search.jump_pending = false;
        } else {
            app.run_search();
            jump_to_first_match(app);
        }
    }
}

/// Jumps to the first match at or after the story where the search started (else
/// to the first match, else back to that story), as soon as the matches found so far
/// can tell which it is; until then the jump is left pending.
fn jump_to_first_match(app: &mut App) {
    app.search.jump_pending = false;
    let origin = app.search.origin.map_or(app.selected, |o| o.0);
    let first = app.search.hits.partition_point(|h| h.story < origin);
    if first < app.search.hits.len() {
        jump_to_hit(app, first);
    } else if !app.search_hits_final() {
        app.search.jump_pending = true;
    } else if !app.search.hits.is_empty() {
        jump_to_hit(app, 0);
    } else if let Some((story, scroll, _)) = app.search.origin {
        app.select_story(story);
        app.scroll = scroll;
    }
}

/// Goes on with a search under way, between keys (see [`App::continue_search`]), and
/// makes the jump it was waiting for.
pub fn search_more(app: &mut App) {
    app.continue_search();
    if app.search.jump_pending {
        jump_to_first_match(app);
    }
}

/// Runs a search under way to its end, and makes the jump it was waiting for.
fn finish_search(app: &mut App) {
    app.finish_search();
    if app.search.jump_pending {
        jump_to_first_match(app);
    }
}

/// What a search says while the search index of the final corpus is being built.
pub const INDEXING: &str = "Indexing for search… matches come when it is done";

fn search_step(app: &mut App, forward: bool) {
    if app.overlay != Overlay::None {
        return;
    }
    if !app.search_ready() && !app.memory.filtered() && !app.search.query.is_empty() {
        app.message = Some(INDEXING.to_string());
        return;
    }
    finish_search(app);
    let len = app.search.hits.len();
    if app.memory.filtered() {
        app.message = Some("A filter narrows the list: j/k move through it, Esc clears it".into());
        return;
    }
    if len == 0 {
        app.message = Some(if app.search.query.is_empty() {
            "No search: press / to search".to_string()
        } else {
            format!("No match for “{}”", app.search.query)
        });
        return;
    }
    let next = match (app.search.current, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(c), true) => (c + 1) % len,
        (Some(c), false) => (c + len - 1) % len,
    };
    let wrapped = match (app.search.current, forward) {
        (Some(c), true) => next < c,
        (Some(c), false) => next > c,
        _ => false,
    };
    jump_to_hit(app, next);
    app.message = Some(format!(
        "Match {} of {len}{}",
        next + 1,
        if wrapped { " (wrapped)" } else { "" }
    ));
}

/// Makes hit `index` current: selects its story and scrolls its row into view.
fn jump_to_hit(app: &mut App, index: usize) {
    let Some(hit) = app.search.hits.get(index).copied() else {
        return;
    };
    app.search.current = Some(index);
    app.select_story(hit.story);
    let row = match hit.source {
        SearchSource::Headline => 0,
        SearchSource::Paragraph(p) => app.wrapped().row_of(p, hit.start),
    };
    let (_, height) = app.text_size();
    let height = usize::from(height);
    if row < app.scroll || row >= app.scroll + height {
        app.scroll_to(row.saturating_sub(height / 3));
    }
}

fn wheel(app: &mut App, pane: Pane, down: bool) {
    let delta = if down { WHEEL_ROWS } else { -WHEEL_ROWS };
    match pane {
        Pane::Overlay => move_by(app, delta),
        Pane::List if app.overlay == Overlay::None => move_in_list(app, delta),
        Pane::Reader if app.overlay == Overlay::None => app.scroll_by(delta),
        _ => {}
    }
}
