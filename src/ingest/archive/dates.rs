//! The dated line of an archive document (`October 12, 2016 Wednesday`,
//! `12. Oktober 2016 Mittwoch`, `12 octobre 2016 mercredi`, `12 de octubre de 2016
//! miércoles`, `2016-10-12`), in English, German, French or Spanish.
//!
//! A line is a date only when every word in it is part of one: a day, a month name,
//! a year, a weekday, a time of day, a time zone or one of a few joining words (`de`,
//! `le`, `at`); so an edition line (`Late Edition - Final`) or a headline holding a date
//! is never taken. Decides nothing else.

use chrono::{NaiveDate, NaiveTime};

use crate::ingest::timestamp::{is_weekday, month_number};
use crate::model::Timestamp;

/// Lines longer than this are never dated lines.
const MAX_DATE_LINE_CHARS: usize = 90;

/// The date (and time, when the line gives one) of a dated line; `None` for any other
/// line.
pub fn date_line(line: &str) -> Option<Timestamp> {
    let line = line.trim();
    if line.is_empty()
        || line.chars().count() > MAX_DATE_LINE_CHARS
        || !line.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    if let Some(iso) = iso_date(line) {
        return Some(iso);
    }
    let (mut day, mut month, mut year) = (None, None, None);
    let mut time: Option<(u32, u32)> = None;
    let mut pm = None;
    for raw in line.split(|c: char| c.is_whitespace() || c == ',') {
        let word = raw.trim_matches(|c: char| matches!(c, '(' | ')' | ';'));
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        let bare = lower.trim_end_matches('.');
        if let Some(m) = month_number(bare) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some((h, m)) = clock(bare) {
            time = Some((h, m));
        } else if let Ok(n) = bare.trim_end_matches("er").parse::<u32>() {
            match (n, bare.len()) {
                (1000..=2999, 4) if year.is_none() => year = Some(n as i32),
                (1..=31, 1..=4) if day.is_none() => day = Some(n),
                _ => return None,
            }
        } else if matches!(bare, "am" | "a.m" | "vorm") {
            pm = Some(false);
        } else if matches!(bare, "pm" | "p.m" | "nachm") {
            pm = Some(true);
        } else if !is_weekday(bare) && !is_filler(bare) {
            return None;
        }
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    let time = match time {
        Some((h, m)) => {
            let h = match pm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            NaiveTime::from_hms_opt(h, m, 0)?
        }
        None => NaiveTime::MIN,
    };
    Some(Timestamp::naive(date.and_time(time)))
}

/// `2016-10-12`, alone or followed by a weekday.
fn iso_date(line: &str) -> Option<Timestamp> {
    let mut words = line.split_whitespace();
    let first = words.next()?;
    if !words.all(|w| is_weekday(&w.to_lowercase())) {
        return None;
    }
    let date = NaiveDate::parse_from_str(first, "%Y-%m-%d").ok()?;
    Some(Timestamp::naive(date.and_time(NaiveTime::MIN)))
}

/// `17:14`, `5.30` (with `h`/`uhr` as separate words), as hours and minutes.
fn clock(word: &str) -> Option<(u32, u32)> {
    let (h, m) = word.split_once([':', 'h'])?;
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.get(..2)?.parse().ok()?;
    (h < 24 && m < 60).then_some((h, m))
}

/// Words a dated line may hold besides its date: joining words and time zones.
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "le"
            | "the"
            | "at"
            | "um"
            | "à"
            | "a"
            | "las"
            | "h"
            | "uhr"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "mez"
            | "mesz"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "et"
            | "pt"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(line: &str) -> Option<String> {
        date_line(line).map(|t| t.to_string())
    }

    #[test]
    fn dated_lines_in_four_languages() {
        let want = Some("2016-10-12T00:00:00".to_string());
        for line in [
            "October 12, 2016 Wednesday",
            "  Wednesday, October 12, 2016",
            "12. Oktober 2016 Mittwoch",
            "12 octobre 2016 mercredi",
            "12 de octubre de 2016 miércoles",
            "2016-10-12",
            "Oct. 12, 2016",
        ] {
            assert_eq!(day(line), want, "{line}");
        }
        assert_eq!(
            day("January 11, 2010 Monday 10:05 PM GMT").as_deref(),
            Some("2010-01-11T22:05:00")
        );
        assert_eq!(day("1er mars 2015").as_deref(), Some("2015-03-01T00:00:00"));
    }

    #[test]
    fn other_lines_are_not_dated() {
        for line in [
            "Late Edition - Final",
            "The New York Times",
            "Clinton wins on October 12, 2016",
            "October 2016",
            "February 30, 2016 Tuesday",
            "LENGTH: 607 words",
        ] {
            assert_eq!(day(line), None, "{line}");
        }
    }
}
