//! The reading flow: moving from story to story and from quote to quote without going
//! back to the list. `J`/`K` and the next-unread key change the story from either pane;
//! `]`/`[` step through a story's spoken quotes (fragments too when shown) and go on
//! into the next (previous) story with one; `}`/`{` follow one speaker across
//! stories; `Space` pages the story shown.
//!
//! It decides where each of these lands and what the status bar says about it; it may
//! not draw, and it changes the reader's state only through [`App`]'s methods.

use super::app::{App, Focus, Overlay, QuoteRef};

/// `J` / `K`: the next (`forward`) or previous story of the list as shown, in the pane
/// in use (opened, so marked read, when reading).
pub fn step_story(app: &mut App, forward: bool) {
    if app.overlay != Overlay::None || app.corpus.stories.is_empty() {
        return;
    }
    let from = app.list_position(app.selected).unwrap_or(0);
    let target = if forward {
        Some(from + 1).filter(|&p| p < app.list_len())
    } else {
        from.checked_sub(1)
    };
    match target.and_then(|p| app.list_story(p)) {
        Some(story) => show_story(app, story),
        None => {
            app.message = Some(if forward {
                "Last story: no next one".to_string()
            } else {
                "First story: no previous one".to_string()
            });
        }
    }
}

/// The next unread story of the list as shown after the selected one, wrapping to
/// the top of the list.
pub fn next_unread(app: &mut App) {
    if app.overlay != Overlay::None || app.corpus.stories.is_empty() {
        return;
    }
    let len = app.list_len();
    let from = app.list_position(app.selected).unwrap_or(0);
    let unread = |p: usize| {
        app.list_story(p)
            .filter(|&i| !app.read.get(i).copied().unwrap_or(false))
    };
    let after = (from + 1..len).find_map(unread);
    let wrapped = after.is_none();
    let Some(story) = after.or_else(|| (0..from).find_map(unread)) else {
        app.message = Some("No unread stories".to_string());
        return;
    };
    show_story(app, story);
    let left = app.read.iter().filter(|r| !**r).count();
    app.message = Some(format!(
        "{left} unread left{}",
        if wrapped { " (wrapped to the top)" } else { "" }
    ));
}

/// Selects `story`, and opens it (marking it read) when the reading pane has the keys.
fn show_story(app: &mut App, story: usize) {
    app.select_story(story);
    if app.focus == Focus::Reader {
        app.mark_read();
    }
}

/// `Space`: pages down the story shown in the reading pane, whichever pane has the
/// keys (in an overlay, pages the overlay).
pub fn page_story(app: &mut App, page_overlay: impl FnOnce(&mut App)) {
    if app.overlay != Overlay::None {
        page_overlay(app);
        return;
    }
    if app.corpus.stories.is_empty() {
        return;
    }
    let rows = app.text_size().1.saturating_sub(1).max(1);
    if app.scroll >= app.max_scroll() {
        app.message = Some("End of the story".to_string());
        return;
    }
    app.scroll_by(rows as isize);
}

/// `]` / `[`: the next (previous) stop in the story; past its last (before its first)
/// the first (last) stop of the next (previous) story with one in the list. The stops
/// are the spoken quotes, and the fragments too when they are shown
/// ([`App::is_stop`]).
pub fn quote_in_story(app: &mut App, forward: bool) {
    if app.overlay != Overlay::None {
        return;
    }
    let Some(story) = app.corpus.stories.get(app.selected) else {
        return;
    };
    let stops: Vec<usize> = (0..story.quotes.len())
        .filter(|&q| app.is_stop(app.selected, q))
        .collect();
    let target = match (app.current_quote, forward) {
        _ if stops.is_empty() => None,
        (Some(q), true) => stops.iter().copied().find(|&s| s > q),
        (Some(q), false) => stops.iter().copied().rev().find(|&s| s < q),
        (None, _) => {
            let wrapped = app.wrapped();
            let scroll = app.scroll;
            let row = |q: usize| wrapped.quote_rows.get(q).map_or(0, |r| r.first);
            if forward {
                stops.iter().copied().find(|&q| row(q) >= scroll)
            } else {
                stops.iter().copied().rev().find(|&q| row(q) < scroll)
            }
        }
    };
    if let Some(quote) = target {
        app.open_quote(QuoteRef {
            story: app.selected,
            quote,
        });
        return;
    }
    match story_with_stops(app, forward) {
        Some((next, stops)) => {
            let total = stops.len();
            let quote = if forward { stops[0] } else { stops[total - 1] };
            app.open_quote(QuoteRef { story: next, quote });
            app.message = Some(if forward {
                format!("Next story: quote 1 of {total}")
            } else {
                format!("Previous story: quote {total} of {total}")
            });
        }
        None => {
            app.message = Some(match (forward, stops.len()) {
                (true, 0) => "No quotes in this story or any later one".to_string(),
                (false, 0) => "No quotes in this story or any earlier one".to_string(),
                (true, _) => "No later quote in this story or any later one".to_string(),
                (false, _) => "No earlier quote in this story or any earlier one".to_string(),
            });
        }
    }
}

/// The nearest story after (`forward`) or before the selected one, in the list as
/// shown, that has stops, with its stops.
fn story_with_stops(app: &App, forward: bool) -> Option<(usize, Vec<usize>)> {
    let from = app.list_position(app.selected)?;
    let with_stops = |p: usize| {
        let s = app.list_story(p)?;
        let stops: Vec<usize> = (0..app.corpus.stories[s].quotes.len())
            .filter(|&q| app.is_stop(s, q))
            .collect();
        (!stops.is_empty()).then_some((s, stops))
    };
    if forward {
        (from + 1..app.list_len()).find_map(with_stops)
    } else {
        (0..from).rev().find_map(with_stops)
    }
}

/// `}` / `{`: the next (previous) quote by the speaker of the current quote, across
/// stories; with no current quote, the first attributed quote from the top of the
/// pane (else from the story's first quote) is jumped to itself.
pub fn quote_by_speaker(app: &mut App, forward: bool) {
    if app.overlay != Overlay::None {
        return;
    }
    let Some((speaker, from, is_current)) = app.speaker_in_focus() else {
        app.message = Some(if app.current_quote.is_some() {
            "This quote has no known speaker".to_string()
        } else {
            "No quote with a known speaker in this story".to_string()
        });
        return;
    };
    let Some(entry) = app.speakers.get(speaker) else {
        return;
    };
    let quotes = &entry.quotes;
    let target = if !is_current {
        Some(from)
    } else if forward {
        quotes.iter().copied().find(|q| *q > from)
    } else {
        quotes.iter().copied().rev().find(|q| *q < from)
    };
    match target {
        Some(at) => {
            let name = entry.display.clone();
            let position = quotes.iter().position(|q| *q == at).map_or(0, |p| p + 1);
            let total = quotes.len();
            app.open_quote(at);
            app.message = Some(format!("{name}: quote {position} of {total}"));
        }
        None => {
            let name = &entry.display;
            app.message = Some(if forward {
                format!("No later quote by {name}")
            } else {
                format!("No earlier quote by {name}")
            });
        }
    }
}
