//! One filter syntax for stories, in the style of search boxes: what `--filter` takes.
//!
//! `EXPR` is terms separated by spaces, all of which must hold:
//! - a free word (`harbour`) or an `"exact phrase"`: in the headline, the text or a quote,
//!   in any case;
//! - `speaker:NAME`: a quote by that person (a whole name or a surname, any case);
//! - `section:`, `source:` (the file path or the publication), `byline:`: that field holds
//!   the text, in any case;
//! - `since:DATE`, `until:DATE` (`2026-02-01`, or `2026-02` for a whole month): the story's
//!   time, inclusive; a story without a time matches neither;
//! - `unread`, `starred`, `has:quotes`;
//! - `-` before any term negates it (`-section:sport`).
//!
//! A value with spaces is quoted (`speaker:"Ann Lee"`). A malformed filter is an error
//! naming its column. It decides what matches, never how stories are loaded or shown.

use std::fmt;

use chrono::NaiveDate;

use crate::model::Story;
use crate::state::StoryState;

/// A parsed filter: every term must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    terms: Vec<(bool, Term)>,
}

/// One condition of a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Term {
    /// Text anywhere in the story (lower case).
    Text(String),
    /// A quote by this person (lower case, single spaces).
    Speaker(String),
    Section(String),
    Source(String),
    Byline(String),
    /// The story's time on or after this day.
    Since(NaiveDate),
    /// The story's time on or before this day (the month's last day for a month).
    Until(NaiveDate),
    Unread,
    Starred,
    HasQuotes,
}

/// A filter that cannot be read: where (1-based column, in characters) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterError {
    /// The column of the offending term.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "filter, column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for FilterError {}

/// Lower case with single spaces.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date or a month; `end` gives a month's last day instead of its first.
fn day(value: &str, end: bool) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Some(d);
    }
    let first = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok()?;
    if !end {
        return Some(first);
    }
    let next = first.checked_add_months(chrono::Months::new(1))?;
    next.pred_opt()
}

/// The words of `expr` with their 1-based columns; a quoted stretch is one word (its
/// quotes kept), and may follow `field:`.
fn words(expr: &str) -> Result<Vec<(usize, String)>, FilterError> {
    let mut out = Vec::new();
    let chars: Vec<char> = expr.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut word = String::new();
        while i < chars.len() && !chars[i].is_whitespace() {
            if chars[i] == '"' {
                let open = i;
                word.push('"');
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    word.push(chars[i]);
                    i += 1;
                }
                if i == chars.len() {
                    return Err(FilterError {
                        column: open + 1,
                        message: "this quote mark is never closed".into(),
                    });
                }
                word.push('"');
            } else {
                word.push(chars[i]);
            }
            i += 1;
        }
        out.push((start + 1, word));
    }
    Ok(out)
}

/// `"text"` without its quote marks.
fn unquoted(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
}

impl Filter {
    /// Reads a filter expression. An empty one matches every story.
    pub fn parse(expr: &str) -> Result<Filter, FilterError> {
        let mut terms = Vec::new();
        for (column, word) in words(expr)? {
            let (negated, body, column) = match word.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest, column + 1),
                _ => (false, word.as_str(), column),
            };
            let error = |message: String| FilterError { column, message };
            let term = match body.split_once(':') {
                Some((field, value)) if !body.starts_with('"') => {
                    let value = unquoted(value);
                    let text = folded(value);
                    if text.is_empty() && field != "has" {
                        return Err(error(format!("'{field}:' needs a value")));
                    }
                    match field.to_lowercase().as_str() {
                        "speaker" => Term::Speaker(text),
                        "section" => Term::Section(text),
                        "source" => Term::Source(text),
                        "byline" => Term::Byline(text),
                        "since" | "until" => {
                            let until = field.eq_ignore_ascii_case("until");
                            let d = day(value, until).ok_or_else(|| {
                                error(format!(
                                    "'{value}' is no date (write 2026-02-01 or 2026-02)"
                                ))
                            })?;
                            if until {
                                Term::Until(d)
                            } else {
                                Term::Since(d)
                            }
                        }
                        "has" if text == "quotes" => Term::HasQuotes,
                        "has" => return Err(error("only 'has:quotes' is known".into())),
                        other => {
                            return Err(error(format!(
                                "unknown field '{other}:' (speaker, section, source, byline, \
                                 since, until, has)"
                            )));
                        }
                    }
                }
                _ => match body.to_lowercase().as_str() {
                    "unread" => Term::Unread,
                    "starred" => Term::Starred,
                    _ => {
                        let text = folded(unquoted(body));
                        if text.is_empty() {
                            return Err(error("an empty phrase".into()));
                        }
                        Term::Text(text)
                    }
                },
            };
            terms.push((negated, term));
        }
        Ok(Filter { terms })
    }

    /// True when no term was given.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `story`, in the reading state `state`, passes every term.
    pub fn matches(&self, story: &Story, state: StoryState) -> bool {
        self.matches_text(story, &story.paragraphs, state)
    }

    /// [`Filter::matches`] of `story` with `paragraphs` as its text (the reader may
    /// keep a story's text apart from it; give none when [`Filter::reads_text`] is
    /// false).
    pub fn matches_text(&self, story: &Story, paragraphs: &[String], state: StoryState) -> bool {
        self.terms
            .iter()
            .all(|(negated, term)| term_holds(term, story, paragraphs, state) != *negated)
    }

    /// Whether the filter reads the stories' text (a plain word), so a caller knows
    /// to give it.
    pub fn reads_text(&self) -> bool {
        self.terms.iter().any(|(_, t)| matches!(t, Term::Text(_)))
    }

    /// Whether the filter reads the reading state (`unread`, `starred`), so a caller
    /// knows to load it.
    pub fn needs_state(&self) -> bool {
        self.terms
            .iter()
            .any(|(_, t)| matches!(t, Term::Unread | Term::Starred))
    }
}

/// A name is meant by `wanted` (folded): the whole name or its last word.
pub fn names_person(name: &str, wanted: &str) -> bool {
    let name = folded(name);
    name == wanted
        || (name.len() > wanted.len()
            && name.ends_with(wanted)
            && name.as_bytes()[name.len() - wanted.len() - 1] == b' ')
}

fn holds(field: Option<&str>, wanted: &str) -> bool {
    field.is_some_and(|f| folded(f).contains(wanted))
}

fn term_holds(term: &Term, story: &Story, paragraphs: &[String], state: StoryState) -> bool {
    match term {
        Term::Text(text) => {
            folded(&story.headline).contains(text.as_str())
                || paragraphs.iter().any(|p| folded(p).contains(text.as_str()))
        }
        Term::Speaker(name) => story
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref().is_some_and(|s| names_person(s, name))),
        Term::Section(s) => holds(story.section.as_deref(), s),
        Term::Byline(s) => holds(story.byline.as_deref(), s),
        Term::Source(s) => {
            story.sources.iter().any(|r| holds(Some(&r.path), s))
                || holds(
                    story
                        .origin
                        .as_deref()
                        .and_then(|o| o.publication.as_deref()),
                    s,
                )
        }
        Term::Since(d) => story.time().is_some_and(|t| t.local.date() >= *d),
        Term::Until(d) => story.time().is_some_and(|t| t.local.date() <= *d),
        Term::Unread => !state.read,
        Term::Starred => state.starred,
        Term::HasQuotes => story.quotes.iter().any(|q| !q.partial),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, SourceRef, Timestamp};

    fn story(headline: &str, section: Option<&str>, time: Option<&str>, by: &[&str]) -> Story {
        let source = SourceRef {
            path: "pages/harbour-herald/a.txt".into(),
            line_start: 1,
            line_end: 9,
        };
        Story {
            id: "0".repeat(16),
            headline: headline.into(),
            section: section.map(Into::into),
            byline: Some("Jo Park".into()),
            published: time.and_then(Timestamp::parse),
            updated: None,
            sources: vec![source.clone()],
            source,
            paragraphs: vec!["The board met on Monday to vote on the plan.".into()],
            quotes: by
                .iter()
                .map(|s| Quote {
                    text: "We will dredge".into(),
                    speaker: Some((*s).into()),
                    speaker_title: None,
                    speaker_mention: None,
                    cue: None,
                    partial: false,
                    paragraph: 0,
                    start: 0,
                    end: 0,
                    timestamp: None,
                    spans: Default::default(),
                })
                .collect(),
            origin: None,
        }
    }

    fn ok(expr: &str, s: &Story) -> bool {
        Filter::parse(expr)
            .expect(expr)
            .matches(s, StoryState::default())
    }

    #[test]
    fn words_phrases_and_negation() {
        let s = story("Harbour vote", Some("Local"), None, &[]);
        assert!(ok("harbour", &s));
        assert!(ok("BOARD met", &s));
        assert!(ok("\"on monday to vote\"", &s));
        assert!(!ok("\"monday on\"", &s));
        assert!(!ok("-harbour", &s));
        assert!(ok("-ferry", &s));
        assert!(ok("", &s), "an empty filter passes everything");
    }

    #[test]
    fn fields() {
        let s = story(
            "Harbour vote",
            Some("Local News"),
            Some("2026-02-03T10:00:00"),
            &["Ann Lee"],
        );
        assert!(ok("speaker:lee", &s));
        assert!(ok("speaker:\"ann lee\"", &s));
        assert!(!ok("speaker:ann", &s), "a given name alone is no name");
        assert!(ok("section:local", &s));
        assert!(ok("section:\"local news\" -section:sport", &s));
        assert!(ok("source:herald byline:park", &s));
        assert!(ok("since:2026-02-03 until:2026-02", &s));
        assert!(!ok("since:2026-02-04", &s));
        assert!(!ok("until:2026-01", &s));
        assert!(ok("has:quotes", &s));
        assert!(!ok("has:quotes", &story("x", None, None, &[])));
        assert!(!ok("since:2020-01-01", &story("x", None, None, &[])));
    }

    #[test]
    fn reading_state() {
        let s = story("Harbour vote", None, None, &[]);
        let f = Filter::parse("unread -starred").unwrap();
        assert!(f.needs_state());
        assert!(f.matches(&s, StoryState::default()));
        let read = StoryState {
            read: true,
            ..StoryState::default()
        };
        assert!(!f.matches(&s, read));
    }

    #[test]
    fn errors_name_their_column() {
        let e = Filter::parse("harbour colour:red").unwrap_err();
        assert_eq!(e.column, 9);
        assert!(e.to_string().contains("unknown field 'colour:'"), "{e}");
        assert_eq!(Filter::parse("a \"open").unwrap_err().column, 3);
        assert_eq!(Filter::parse("since:yesterday").unwrap_err().column, 1);
        assert_eq!(Filter::parse("x -speaker:").unwrap_err().column, 4);
        assert!(Filter::parse("has:links").is_err());
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics(expr in "\\PC{0,40}") {
            let _ = Filter::parse(&expr);
        }

        #[test]
        fn parsing_filter_like_text_never_panics(
            expr in "[-a-z: \"0-9]{0,30}",
        ) {
            if let Ok(f) = Filter::parse(&expr) {
                let _ = f.matches(&story("a b", Some("c"), None, &["D E"]), StoryState::default());
            }
        }
    }
}
