//! The list's narrowed views other than unread-only: the starred view, and the search
//! box's filter syntax: a query with a `field:` term or a `-` term
//! (`speaker:wang -section:sport`) is the filter of [`crate::filter`] (the CLI's
//! `--filter`), and Enter narrows the list to the stories it keeps; any other query is
//! a plain text search ([`super::search`]).
//!
//! It decides which queries are filters, what the status bar says of them, and which
//! stories the list keeps; it draws nothing and changes the list only through
//! [`App`] and its [`super::memory::Memory`].

use std::borrow::Cow;

use super::app::{App, Focus, Overlay};
use super::shelf::Texts;
use super::text;
use crate::filter::Filter;
use crate::state::StoryState;

/// Whether `query` is written in the filter syntax: one of its words is a `field:`
/// term (`speaker:`, `since:`, `has:`...) or is negated with `-`.
pub fn is_filter_query(query: &str) -> bool {
    query
        .split_whitespace()
        .any(|word| match word.strip_prefix('-') {
            Some(rest) => !rest.is_empty(),
            None => field_term(word),
        })
}

/// Whether `word` starts with `name:`, a name of ASCII letters.
fn field_term(word: &str) -> bool {
    word.split_once(':')
        .is_some_and(|(name, _)| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()))
}

/// What the status bar says of a filter being typed: its error (with the column), or
/// that Enter narrows the list.
pub fn typing_note(query: &str) -> String {
    match Filter::parse(query) {
        Ok(_) => "filter · Enter narrows the list".to_string(),
        Err(e) => e.to_string(),
    }
}

/// Enter on a filter query: narrows the list to the stories it keeps (moving the
/// selection to the nearest kept story) and says how many. A malformed filter leaves
/// the prompt open with its error. Returns whether the search was confirmed.
pub fn apply(app: &mut App) -> bool {
    let filter = match Filter::parse(&app.search.query) {
        Ok(filter) => filter,
        Err(e) => {
            app.message = Some(e.to_string());
            return false;
        }
    };
    let kept = kept_by(app, &filter);
    let count = kept.iter().filter(|k| **k).count();
    let nearest = (app.selected..kept.len())
        .find(|&i| kept[i])
        .or_else(|| (0..app.selected).rev().find(|&i| kept[i]));
    app.memory.set_kept(Some(kept));
    if let Some(index) = nearest {
        app.select_story(index);
        if app.focus == Focus::Reader {
            app.mark_read();
        }
    }
    app.refresh_list();
    app.message = Some(match count {
        0 => "No story matches the filter (Esc clears it)".to_string(),
        1 => "Filter: 1 story (Esc clears it)".to_string(),
        n => format!("Filter: {n} stories (Esc clears it)"),
    });
    true
}

/// A saved view's key: narrows the list with the view's filter, as if typed and
/// confirmed; the same key again (or Esc) shows every story.
pub fn apply_view(app: &mut App, view: usize) {
    if app.overlay != Overlay::None || app.corpus.stories.is_empty() {
        return;
    }
    let Some(saved) = app.views.get(view) else {
        return;
    };
    let name = text::clean(&saved.name);
    if app.search.view == Some(view) && app.memory.filtered() {
        clear(app);
        app.search.query.clear();
        app.search.view = None;
        app.message = Some("Showing all stories".to_string());
        return;
    }
    app.search.query = saved.filter.clone();
    app.search.typing = false;
    app.search.origin = None;
    app.search.hits.clear();
    app.search.current = None;
    app.stop_search();
    if apply(app) {
        app.search.view = Some(view);
        let key = saved_key(app, view);
        app.message = Some(match app.list_len() {
            0 => format!("View {name}: no story ({key} or Esc shows all)"),
            1 => format!("View {name}: 1 story ({key} or Esc shows all)"),
            n => format!("View {name}: {n} stories ({key} or Esc shows all)"),
        });
    }
}

/// The label of view `view`'s key.
fn saved_key(app: &App, view: usize) -> String {
    app.views
        .get(view)
        .map_or_else(String::new, |v| v.key.label())
}

/// Story `index`'s read or starred mark changed: whether the filter keeps it is
/// decided again (`unread`, `starred`), so a story marked read leaves an `unread`
/// filter's list once the selection moves off it, as in the unread-only view.
pub fn recheck(app: &mut App, index: usize) {
    if !app.memory.filtered() {
        return;
    }
    let Ok(filter) = Filter::parse(&app.search.query) else {
        return;
    };
    let texts = app.texts();
    let Some(story) = texts.story(index) else {
        return;
    };
    let state = StoryState {
        read: app.read.get(index).copied().unwrap_or(false),
        starred: app.starred.get(index).copied().unwrap_or(false),
        scroll: 0,
    };
    let keep = filter.matches_text(story, &text_for(&filter, texts, index), state);
    app.memory.keep(index, keep);
}

/// Applies the filter in the query again (after the corpus changed), without moving.
pub fn reapply(app: &mut App) {
    if let Ok(filter) = Filter::parse(&app.search.query) {
        let kept = kept_by(app, &filter);
        app.memory.set_kept(Some(kept));
        app.refresh_list();
    }
}

/// Takes the filter away: the list shows every story again.
pub fn clear(app: &mut App) {
    if app.memory.filtered() {
        app.memory.set_kept(None);
        app.refresh_list();
    }
}

/// `S`: show only starred stories, or all again. Turning it on from the list moves
/// off an unstarred story to the nearest starred one (later, else earlier).
pub fn toggle_starred_only(app: &mut App) {
    if !app.memory.toggle_starred_only() {
        app.refresh_list();
        app.message = Some("Showing all stories".to_string());
        return;
    }
    let starred = |i: &usize| app.starred.get(*i).copied().unwrap_or(false);
    let count = app.corpus.stories.len();
    let nearest = (app.selected..count)
        .find(starred)
        .or_else(|| (0..app.selected).rev().find(starred));
    if app.focus == Focus::List
        && let Some(index) = nearest
    {
        app.select_story(index);
    }
    app.refresh_list();
    app.message = Some(match nearest {
        Some(_) => "Showing starred stories only (S shows all)".to_string(),
        None => "No starred stories (S shows all)".to_string(),
    });
}

/// Which stories `filter` keeps, with their read and starred marks (on every core:
/// a filter with a plain word reads every story's text).
fn kept_by(app: &App, filter: &Filter) -> Vec<bool> {
    use rayon::prelude::*;
    let texts = app.texts();
    let (read, starred) = (&app.read, &app.starred);
    texts
        .stories
        .par_iter()
        .enumerate()
        .map(|(i, story)| {
            let state = StoryState {
                read: read.get(i).copied().unwrap_or(false),
                starred: starred.get(i).copied().unwrap_or(false),
                scroll: 0,
            };
            filter.matches_text(story, &text_for(filter, texts, i), state)
        })
        .collect()
}

/// The text of story `index` that `filter` reads: none when it reads no text.
fn text_for<'a>(filter: &Filter, texts: Texts<'a>, index: usize) -> Cow<'a, [String]> {
    if filter.reads_text() {
        texts.paragraphs(index)
    } else {
        Cow::Borrowed(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_and_negated_terms_make_a_filter_query() {
        for q in [
            "speaker:wang",
            "port section:news",
            "-budget",
            "port -typhoon",
            "has:quotes",
            "since:2026-01",
        ] {
            assert!(is_filter_query(q), "{q}");
        }
        for q in ["port", "point 30", "a-b", "10:30", "“quoted”", "", " - "] {
            assert!(!is_filter_query(q), "{q}");
        }
    }
}
