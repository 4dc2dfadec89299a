//! The `quotes` and `speakers` listings of the command line, as aligned text or JSON.
//!
//! It decides the columns, their widths and the JSON shape; it never loads or parses pages.

use std::collections::HashMap;
use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::ingest::sanitize::sanitize;
use crate::model::{Corpus, Quote, Speaker, Story};

/// Output formats of the listing commands (`quotes`, `speakers`, `stats`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
    /// Comma-separated values (RFC 4180), one row a quote, speaker or count.
    Csv,
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

/// What `--speaker` (a name) or `--speaker-contains` (any part of one) asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeakerQuery {
    /// A whole name or a surname, in any case: `trump`, `Donald Trump`.
    Name(String),
    /// Any stretch of the name, in any case: `ump`.
    Contains(String),
}

/// The speakers a query chose, and those it passed over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakerChoice {
    /// The names whose quotes are listed.
    pub chosen: Vec<String>,
    /// Others the query could have meant (a shared surname), with their quote counts,
    /// most quoted first: said on stderr so the user can name them in full.
    pub passed_over: Vec<(String, usize)>,
}

/// A name in lower case with single spaces, for comparing.
fn folded(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which speakers of the corpus a query names.
///
/// A name matches a speaker's whole name first. Failing that it is a surname (the
/// last word of a name); when several people share it, the most quoted of them is
/// meant (the directory's usual sense of a bare surname) and the rest are passed
/// over, so `--speaker trump` lists one person, not every Trump. `Contains` takes
/// every speaker whose name holds the text.
pub fn choose_speakers(corpus: &Corpus, query: &SpeakerQuery) -> SpeakerChoice {
    let mut by_count: Vec<(&str, usize)> = corpus
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quote_count))
        .collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let names = |keep: &dyn Fn(&str) -> bool| -> Vec<(String, usize)> {
        by_count
            .iter()
            .filter(|(n, _)| keep(n))
            .map(|&(n, c)| (n.to_string(), c))
            .collect()
    };
    let all = |found: Vec<(String, usize)>| SpeakerChoice {
        chosen: found.into_iter().map(|(n, _)| n).collect(),
        passed_over: Vec::new(),
    };
    match query {
        SpeakerQuery::Contains(part) => {
            let part = folded(part);
            if part.is_empty() {
                return SpeakerChoice::default();
            }
            all(names(&|n| folded(n).contains(&part)))
        }
        SpeakerQuery::Name(name) => {
            let name = folded(name);
            if name.is_empty() {
                return SpeakerChoice::default();
            }
            let whole = names(&|n| folded(n) == name);
            if !whole.is_empty() {
                return all(whole);
            }
            let mut surname = names(&|n| {
                let f = folded(n);
                f.len() > name.len()
                    && f.ends_with(&name)
                    && f.as_bytes()[f.len() - name.len() - 1] == b' '
            })
            .into_iter();
            match surname.next() {
                Some((first, _)) => SpeakerChoice {
                    chosen: vec![first],
                    passed_over: surname.collect(),
                },
                None => SpeakerChoice::default(),
            }
        }
    }
}

/// Every spoken quote with its story, oldest first, quotes without a time last; only
/// those of the chosen speakers when a choice is given.
pub fn spoken<'a>(
    corpus: &'a Corpus,
    speakers: Option<&SpeakerChoice>,
) -> Vec<(&'a Story, &'a Quote)> {
    quote_items(corpus, speakers, false)
}

/// As [`spoken`], with the fragments (partial quotes: scare quotes, titles, single
/// words) as well when `with_fragments`.
pub fn quote_items<'a>(
    corpus: &'a Corpus,
    speakers: Option<&SpeakerChoice>,
    with_fragments: bool,
) -> Vec<(&'a Story, &'a Quote)> {
    let mut items: Vec<(&Story, &Quote)> = corpus
        .stories
        .iter()
        .flat_map(|s| s.quotes.iter().map(move |q| (s, q)))
        .filter(|(_, q)| with_fragments || !q.partial)
        .filter(|(_, q)| {
            speakers.is_none_or(|c| {
                q.speaker
                    .as_deref()
                    .is_some_and(|s| c.chosen.iter().any(|n| n == s))
            })
        })
        .collect();
    items.sort_by(|(_, a), (_, b)| crate::model::oldest_first(a.timestamp, b.timestamp));
    items
}

/// The title a quote's label shows: the one its story gives the speaker, else the one most
/// stories give them.
pub fn label_title<'a>(
    quote: &'a Quote,
    directory: &HashMap<&str, &'a Speaker>,
) -> Option<&'a str> {
    quote.speaker_title.as_deref().or_else(|| {
        let speaker = directory.get(quote.speaker.as_deref()?)?;
        crate::quotes::directory::summary_titles(speaker, 1)
            .first()
            .copied()
    })
}

/// Writes `dateline quotes`.
pub fn quotes(
    corpus: &Corpus,
    speakers: Option<&SpeakerChoice>,
    with_fragments: bool,
    format: TextFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let items = quote_items(corpus, speakers, with_fragments);
    if format == TextFormat::Csv {
        return super::table::quotes(&items, out);
    }
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
    let directory: HashMap<&str, &Speaker> = corpus
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s))
        .collect();
    let rows: Vec<[String; 4]> = items
        .iter()
        .map(|(s, q)| {
            let time = q.timestamp.map_or_else(
                || "-".to_string(),
                |t| t.local.format("%Y-%m-%d %H:%M").to_string(),
            );
            let who = match (&q.speaker, &q.speaker_mention) {
                (Some(name), _) => match label_title(q, &directory) {
                    Some(title) => format!("{}, {}", clean(name), clean(title)),
                    None => clean(name),
                },
                (None, Some(m)) => format!("({})", clean(m)),
                (None, None) if q.partial => "(fragment)".to_string(),
                (None, None) => "(unattributed)".to_string(),
            };
            [
                time,
                fit(&who, 44),
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

/// The most titles a speaker's line shows (JSON and CSV list them all).
const SUMMARY_TITLES: usize = 4;

/// Writes `dateline speakers`.
pub fn speakers(corpus: &Corpus, format: TextFormat, out: &mut dyn Write) -> io::Result<()> {
    if format == TextFormat::Csv {
        return super::table::speakers(corpus, out);
    }
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
        let titles: Vec<String> = crate::quotes::directory::summary_titles(s, SUMMARY_TITLES)
            .into_iter()
            .map(clean)
            .collect();
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

    fn directory(people: &[(&str, usize)]) -> Corpus {
        Corpus {
            speakers: people
                .iter()
                .map(|&(name, quote_count)| crate::model::Speaker {
                    name: name.into(),
                    titles: Vec::new(),
                    title_stories: Vec::new(),
                    quote_count,
                    stories: Vec::new(),
                })
                .collect(),
            ..Corpus::default()
        }
    }

    fn chosen(corpus: &Corpus, query: SpeakerQuery) -> Vec<String> {
        choose_speakers(corpus, &query).chosen
    }

    #[test]
    fn a_name_is_a_whole_name_or_a_surname() {
        let corpus = directory(&[("Wang Zhihua", 3), ("Ann Wangari", 2)]);
        let name = |w: &str| chosen(&corpus, SpeakerQuery::Name(w.into()));
        assert_eq!(name("WANG  zhihua"), ["Wang Zhihua"]);
        assert_eq!(name("zhihua"), ["Wang Zhihua"]);
        // A given name, or a part of a word, is no surname.
        assert!(name("wang").is_empty());
        assert!(name("hua").is_empty());
        assert!(name(" ").is_empty());
    }

    #[test]
    fn a_shared_surname_means_the_most_quoted_and_names_the_others() {
        let corpus = directory(&[("Eric Lund", 4), ("Maja Lund", 30), ("Per Lund", 4)]);
        let choice = choose_speakers(&corpus, &SpeakerQuery::Name("lund".into()));
        assert_eq!(choice.chosen, ["Maja Lund"]);
        assert_eq!(
            choice.passed_over,
            [("Eric Lund".to_string(), 4), ("Per Lund".to_string(), 4)]
        );
        // The whole name always wins, however few its quotes.
        let choice = choose_speakers(&corpus, &SpeakerQuery::Name("per lund".into()));
        assert_eq!(choice.chosen, ["Per Lund"]);
        assert!(choice.passed_over.is_empty());
    }

    #[test]
    fn contains_takes_every_name_holding_the_text() {
        let corpus = directory(&[("Wang Zhihua", 3), ("Ann Wangari", 2), ("Bo Li", 1)]);
        let part = |w: &str| chosen(&corpus, SpeakerQuery::Contains(w.into()));
        assert_eq!(part("WANG"), ["Wang Zhihua", "Ann Wangari"]);
        assert!(part("").is_empty());
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
                    spans: Default::default(),
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
            .map(|(_, q)| &*q.text)
            .collect();
        assert_eq!(
            texts,
            vec!["oldest quote", "newest quote", "timeless quote"]
        );
        let nobody = SpeakerChoice {
            chosen: vec!["Zed Ek".into()],
            passed_over: Vec::new(),
        };
        assert!(spoken(&corpus, Some(&nobody)).is_empty());
        let ada = SpeakerChoice {
            chosen: vec!["Ada Obi".into()],
            passed_over: Vec::new(),
        };
        assert_eq!(spoken(&corpus, Some(&ada)).len(), 3);
    }

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("中文字符", 5), "中文…");
        assert_eq!(fit("ok", 4), "ok");
    }

    #[test]
    fn a_label_shows_the_story_title_else_the_most_used_one() {
        let mut corpus = directory(&[("Ada Obi", 3)]);
        corpus.speakers[0].titles = vec!["mayor".into(), "baker".into()];
        corpus.speakers[0].title_stories = vec![2, 1];
        let index: HashMap<&str, &Speaker> = corpus
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s))
            .collect();
        let mut q = story("s", None, &["a quote here"]).quotes.remove(0);
        assert_eq!(label_title(&q, &index), Some("mayor"));
        q.speaker_title = Some("county baker".into());
        assert_eq!(label_title(&q, &index), Some("county baker"));
        q.speaker = Some("Zed Ek".into());
        q.speaker_title = None;
        assert_eq!(label_title(&q, &index), None);
    }
}
