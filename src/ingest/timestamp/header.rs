//! Finding the stamp inside a header line that holds other words too (a byline, a
//! reading time), for a story's header: [`find_stamp`]. The stamp itself is read
//! by [`super::parse_stamp`].

use chrono::NaiveDate;

use super::{Stamp, UPDATE_WORDS, is_weekday, month_number, parse_stamp, zone_offset};

/// Most words of a line searched by [`find_stamp`].
const MAX_FIND_WORDS: usize = 40;
/// Most words of the stamp [`find_stamp`] finds inside a line.
const MAX_FOUND_STAMP_WORDS: usize = 12;

/// The stamp written inside a header line that also holds other words, such as a
/// byline or a reading time: `Chris Davies - Nov 19, 2019, 10:31 pm CST 0`,
/// `Reuters November 18, 2019 11:03 PM`, `Monday November 18, 2019 7:45 am PST by
/// Joe Rossignol`, `Nov 18, 2019 at 9:24 pm ET • 2 min read`. The longest run of
/// words that [`parse_stamp`] reads as a full date (with its year) is taken, the
/// earliest on ties. `MM/DD/YY` is read month first when the line also gives
/// `AM`/`PM` or a North American zone (`11/19/19 06:56 AM EST`), as US sites write
/// it. Only for a story's header lines: in prose, a date is what the story tells
/// of, not when it was published.
pub fn find_stamp(line: &str) -> Option<Stamp> {
    find_stamp_words(line).map(|(stamp, _)| stamp)
}

/// [`find_stamp`], with where the stamp stands in the line: the range of its
/// words, as `line.split_whitespace()` counts them.
pub fn find_stamp_words(line: &str) -> Option<(Stamp, std::ops::Range<usize>)> {
    let line = line.trim();
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let us = is_us_style(line);
    let text: String = if us {
        line.split_whitespace()
            .map(|w| us_short_date(w).unwrap_or_else(|| w.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        line.to_string()
    };
    // Each word's span in `text`, and whether a stamp may begin or end on it.
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    let mut at = 0;
    for word in text.split_whitespace() {
        let start = at + text[at..].find(word).unwrap_or(0);
        at = start + word.len();
        spans.push((start, at, may_bound_stamp(word)));
    }
    let words: Vec<&str> = spans.iter().map(|&(a, b, _)| &text[a..b]).collect();
    if words.len() > MAX_FIND_WORDS {
        return None;
    }
    let longest = words.len().min(MAX_FOUND_STAMP_WORDS);
    let mut update_only = None;
    for len in (1..=longest).rev() {
        for start in 0..=words.len() - len {
            let (first, last) = (spans[start], spans[start + len - 1]);
            // A run is tried only from a date word to a date word: one with a
            // filler at either end is found again, shorter, without it.
            if !(first.2 && last.2) {
                continue;
            }
            let window = &words[start..start + len];
            if !window.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
                continue;
            }
            let Some(stamp) = parse_stamp(&text[first.0..last.1]) else {
                continue;
            };
            // A publish time wins over a longer run giving only an update time
            // ("Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019").
            // A date after "Updated" ("By Jane Roe Updated Nov 13, 2019") is an
            // update time, though the run itself has no update word.
            let stamp = if stamp.updated.is_none() && follows_update_word(&words[..start]) {
                Stamp {
                    published: None,
                    updated: stamp.published,
                }
            } else {
                stamp
            };
            if stamp.published.is_some() {
                return Some((stamp, start..start + len));
            }
            if update_only.is_none() && stamp.updated.is_some() {
                update_only = Some((stamp, start..start + len));
            }
        }
    }
    update_only
}

/// Whether a stamp may begin or end on a word: one with a digit, or a month or
/// weekday name, a zone or `AM`/`PM`.
fn may_bound_stamp(word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let lower: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    month_number(&lower).is_some()
        || zone_offset(&lower).is_some()
        || is_weekday(&lower)
        || matches!(lower.as_str(), "am" | "pm")
}

/// Whether the last of the words naming a time (`Published`, `Posted`, `Updated`)
/// among `words` introduces an update time.
fn follows_update_word(words: &[&str]) -> bool {
    for word in words.iter().rev() {
        let lower = word
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        if UPDATE_WORDS.contains(&lower.as_str()) {
            return true;
        }
        if matches!(
            lower.as_str(),
            "published"
                | "posted"
                | "publié"
                | "publicado"
                | "publicada"
                | "veröffentlicht"
                | "pubblicato"
        ) {
            return false;
        }
    }
    false
}

/// Whether a line writes times the North American way: `AM`/`PM` or a zone of
/// the continent (`EST`, `PT`, `CDT`).
fn is_us_style(line: &str) -> bool {
    line.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "am" | "pm"
                | "est"
                | "edt"
                | "et"
                | "cst"
                | "cdt"
                | "ct"
                | "mst"
                | "mdt"
                | "mt"
                | "pst"
                | "pdt"
                | "pt"
        )
    })
}

/// `MM/DD/YY` (US order, two-digit year) as an ISO date: `11/19/19` gives
/// `2019-11-19`.
fn us_short_date(word: &str) -> Option<String> {
    let core = word.trim_end_matches([',', ';']);
    let mut parts = core.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
        || y.len() != 2
    {
        return None;
    }
    let (m, d, y): (u32, u32, i32) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
    NaiveDate::from_ymd_opt(2000 + y, m, d).map(|date| date.format("%Y-%m-%d").to_string())
}
