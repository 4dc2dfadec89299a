//! The `quotes` and `speakers` listings of the command line, as aligned text or JSON.
//!
//! It decides the columns, their widths and the JSON shape; it never loads or parses pages.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::ingest::sanitize::sanitize;
use crate::model::{Corpus, Quote, Story};

/// Output formats of the listing commands (`quotes`, `speakers`, `stats`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
}

/// One quote with the story it comes from, as written by `dateline quotes --format json`.
#[derive(Serialize)]
struct QuoteItem<'a> {
    story_id: &'a str,
    headline: &'a str,
    #[serde(flatten)]
    quote: &'a Quote,
}

/// Page text made safe for a terminal, on one line.
fn clean(text: &str) -> String {
    sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cuts `text` to at most `width` columns, ending with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `text` with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// True when `wanted` names this speaker: the full name, or any part of it, in any case.
pub fn speaker_matches(speaker: &str, wanted: &str) -> bool {
    let wanted = wanted.trim().to_lowercase();
    let speaker = speaker.to_lowercase();
    !wanted.is_empty() && (speaker == wanted || speaker.split_whitespace().any(|p| p == wanted))
}

/// Every spoken quote with its story, oldest first, quotes without a time last.
pub fn spoken<'a>(corpus: &'a Corpus, speaker: Option<&str>) -> Vec<(&'a Story, &'a Quote)> {
    let mut items: Vec<(&Story, &Quote)> = corpus
        .stories
        .iter()
        .flat_map(|s| s.quotes.iter().map(move |q| (s, q)))
        .filter(|(_, q)| !q.partial)
        .filter(|(_, q)| {
            speaker.is_none_or(|w| q.speaker.as_deref().is_some_and(|s| speaker_matches(s, w)))
        })
        .collect();
    items.sort_by(|(_, a), (_, b)| crate::model::oldest_first(a.timestamp, b.timestamp));
    items
}

/// Writes `dateline quotes`.
pub fn quotes(
    corpus: &Corpus,
    speaker: Option<&str>,
    format: TextFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let items = spoken(corpus, speaker);
    if format == TextFormat::Json {
        let json: Vec<QuoteItem> = items
            .iter()
            .map(|(s, q)| QuoteItem {
                story_id: &s.id,
                headline: &s.headline,
                quote: q,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &json)?;
        return writeln!(out);
    }
    let rows: Vec<[String; 4]> = items
        .iter()
        .map(|(s, q)| {
            let time = q.timestamp.map_or_else(
                || "-".to_string(),
                |t| t.local.format("%Y-%m-%d %H:%M").to_string(),
            );
            let who = match (&q.speaker, &q.speaker_mention) {
                (Some(name), _) => clean(name),
                (None, Some(m)) => format!("({})", clean(m)),
                (None, None) => "(unattributed)".to_string(),
            };
            [
                time,
                fit(&who, 28),
                format!("“{}”", fit(&clean(&q.text), 70)),
                fit(&clean(&s.headline), 50),
            ]
        })
        .collect();
    let headers = ["TIME", "SPEAKER", "QUOTE", "HEADLINE"];
    let widths: Vec<usize> = (0..3)
        .map(|k| {
            rows.iter()
                .map(|r| r[k].width())
                .chain([headers[k].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    writeln!(
        out,
        "{}  {}  {}  {}",
        pad(headers[0], widths[0]),
        pad(headers[1], widths[1]),
        pad(headers[2], widths[2]),
        headers[3]
    )?;
    for r in &rows {
        writeln!(
            out,
            "{}  {}  {}  {}",
            pad(&r[0], widths[0]),
            pad(&r[1], widths[1]),
            pad(&r[2], widths[2]),
            r[3]
        )?;
    }
    Ok(())
}

/// Writes `dateline speakers`.
pub fn speakers(corpus: &Corpus, format: TextFormat, out: &mut dyn Write) -> io::Result<()> {
    if format == TextFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &corpus.speakers)?;
        return writeln!(out);
    }
    let names: Vec<String> = corpus
        .speakers
        .iter()
        .map(|s| fit(&clean(&s.name), 32))
        .collect();
    let width = names
        .iter()
        .map(|n| n.width())
        .chain(["SPEAKER".width()])
        .max()
        .unwrap_or(0);
    writeln!(out, "{}  QUOTES  STORIES  TITLES", pad("SPEAKER", width))?;
    for (s, name) in corpus.speakers.iter().zip(&names) {
        let titles: Vec<String> = s.titles.iter().map(|t| clean(t)).collect();
        writeln!(
            out,
            "{}  {:>6}  {:>7}  {}",
            pad(name, width),
            s.quote_count,
            s.stories.len(),
            titles.join("; ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_filter_matches_name_or_part() {
        assert!(speaker_matches("Wang Zhihua", "wang"));
        assert!(speaker_matches("Wang Zhihua", "WANG ZHIHUA"));
        assert!(!speaker_matches("Wang Zhihua", "wan"));
        assert!(!speaker_matches("Wang Zhihua", " "));
    }

    fn story(id: &str, time: Option<&str>, texts: &[&str]) -> Story {
        let source = crate::model::SourceRef {
            path: "p".into(),
            line_start: 1,
            line_end: 1,
        };
        let timestamp = time.and_then(crate::model::Timestamp::parse);
        Story {
            id: id.into(),
            headline: id.into(),
            section: None,
            byline: None,
            published: timestamp,
            updated: None,
            source: source.clone(),
            sources: vec![source],
            paragraphs: Vec::new(),
            quotes: texts
                .iter()
                .map(|t| Quote {
                    text: (*t).into(),
                    speaker: Some("Ada Obi".into()),
                    speaker_title: None,
                    speaker_mention: None,
                    cue: None,
                    partial: t.len() < 8,
                    paragraph: 0,
                    start: 0,
                    end: 0,
                    timestamp,
                    spans: Vec::new(),
                })
                .collect(),
            origin: None,
        }
    }

    #[test]
    fn spoken_quotes_oldest_first_without_time_last() {
        let corpus = Corpus {
            stories: vec![
                story("new", Some("2026-03-02T10:00:00"), &["newest quote"]),
                story("none", None, &["timeless quote"]),
                story(
                    "old",
                    Some("2026-03-01T10:00:00"),
                    &["oldest quote", "scare"],
                ),
            ],
            ..Corpus::default()
        };
        let texts: Vec<&str> = spoken(&corpus, None)
            .iter()
            .map(|(_, q)| q.text.as_str())
            .collect();
        assert_eq!(
            texts,
            vec!["oldest quote", "newest quote", "timeless quote"]
        );
        assert!(spoken(&corpus, Some("zed")).is_empty());
        assert_eq!(spoken(&corpus, Some("obi")).len(), 3);
    }

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("中文字符", 5), "中文…");
        assert_eq!(fit("ok", 4), "ok");
    }
}
