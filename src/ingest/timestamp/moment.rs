//! Reading one half of a stamp line (the published part or the updated part) into its
//! date and time parts, word by word: [`Moment::parse`]. Which words count is
//! [`super::names`]'s; number tokens are [`super::tokens`]'.

use std::sync::LazyLock;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;

use super::names::{FILLERS, is_weekday, month_number, zone_offset};
use super::tokens;
use crate::model::Timestamp;

/// Builds a timestamp, with the offset when one is known and valid.
pub(super) fn make_timestamp(local: NaiveDateTime, offset: Option<FixedOffset>) -> Timestamp {
    match offset.and_then(|off| off.from_local_datetime(&local).single()) {
        Some(at) => Timestamp::with_offset(at),
        None => Timestamp::naive(local),
    }
}

/// The parts of a date and time found in one half of a stamp line.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Moment {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<NaiveTime>,
    pub(super) offset: Option<FixedOffset>,
}

/// What a word of a stamp line was read as.
pub(super) enum Word {
    /// Part of the date or time (already stored).
    Part,
    /// A filler word or weekday, ignored.
    Filler,
    /// `AM` / `PM`.
    Meridiem(bool),
}

impl Moment {
    /// Reads one half of a stamp line; `None` when a word is not part of a stamp.
    pub(super) fn parse(text: &str) -> Option<Moment> {
        let mut m = Moment::default();
        let mut rest = text;
        let mut last_was_day = false;
        let mut zone_open = false;
        loop {
            rest = rest.trim_start_matches(is_separator);
            let Some(first) = rest.chars().next() else {
                break;
            };
            let next_is_digit = rest[first.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit());
            if first == '-' && !next_is_digit {
                rest = &rest[1..];
                continue;
            }
            let signed_offset = (first == '+' || first == '-')
                && next_is_digit
                && (m.time.is_some() || zone_open)
                && m.offset.is_none();
            if first.is_ascii_digit()
                && let Some((hour, minute, len)) = french_time(rest)
            {
                m.set_time(hour, minute, 0)?;
                rest = &rest[len..];
                last_was_day = false;
                zone_open = false;
            } else if first.is_ascii_digit() || signed_offset {
                let end = rest[1..]
                    .find(|c: char| !(c.is_ascii_digit() || ":-.+TZ/".contains(c)))
                    .map_or(rest.len(), |e| e + 1);
                let token = rest[..end].trim_end_matches(['.', '-', '/']);
                rest = &rest[end..];
                last_was_day = m.read_number(token)?;
                zone_open = false;
            } else if first.is_alphabetic() {
                let end = rest
                    .find(|c: char| !(c.is_alphabetic() || c == '.' || c == '\''))
                    .unwrap_or(rest.len());
                let word = &rest[..end];
                rest = &rest[end..];
                match m.read_word(word, last_was_day)? {
                    Word::Meridiem(pm) => m.apply_meridiem(pm)?,
                    Word::Part => zone_open = true,
                    Word::Filler => {}
                }
                last_was_day = false;
            } else {
                return None;
            }
        }
        Some(m)
    }

    /// Reads a number-like token; returns whether it was a day of the month.
    fn read_number(&mut self, token: &str) -> Option<bool> {
        // A bare number ("2026", "14") is none of these: each needs a separator or
        // a sign.
        let digits_only = token.bytes().all(|b| b.is_ascii_digit());
        if !digits_only {
            if let Some(iso) = tokens::iso_date(token) {
                self.set_date(i32::try_from(iso.year).ok()?, iso.month, iso.day)?;
                if let Some((hour, minute, second)) = iso.time {
                    self.set_time(hour, minute, second)?;
                }
                if let Some(off) = iso.offset {
                    self.offset = Some(parse_offset(off)?);
                }
                return Some(false);
            }
            if let Some((hour, minute, second)) = tokens::clock_time(token) {
                self.set_time(hour, minute, second.unwrap_or(0))?;
                return Some(false);
            }
            if let Some(date) = tokens::numeric_date(token) {
                if date.first_separator != date.second_separator {
                    return None;
                }
                let (a, b) = (date.first, date.second);
                // Day first, as most of the world writes it, unless that cannot be.
                let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
                self.set_date(i32::try_from(date.year).ok()?, month, day)?;
                return Some(false);
            }
            if let Some((negative, hours, minutes)) = tokens::offset(token) {
                let sign = if negative { -1 } else { 1 };
                let hours = i32::try_from(hours).ok()?;
                let minutes = i32::try_from(minutes.unwrap_or(0)).ok()?;
                if self.offset.is_some() || hours > 14 || minutes > 59 {
                    return None;
                }
                self.offset = FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60));
                return self.offset.map(|_| false);
            }
        }
        if digits_only {
            let value: u32 = token.parse().ok()?;
            if token.len() == 4 && (1900..=2200).contains(&value) && self.year.is_none() {
                self.year = i32::try_from(value).ok();
                return Some(false);
            }
            if token.len() <= 2 && (1..=31).contains(&value) && self.day.is_none() {
                self.day = Some(value);
                return Some(true);
            }
        }
        None
    }

    /// Reads a word; `None` when it has no place in a stamp.
    pub(super) fn read_word(&mut self, word: &str, after_day: bool) -> Option<Word> {
        let lower: String = word
            .chars()
            .filter(|c| *c != '.' && *c != '\'')
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(month) = month_number(&lower) {
            if self.month.is_some() {
                return None;
            }
            self.month = Some(month);
            return Some(Word::Part);
        }
        if let Some(offset) = zone_offset(&lower) {
            if self.offset.is_some() {
                return None;
            }
            self.offset = offset;
            return Some(Word::Part);
        }
        match lower.as_str() {
            "am" => Some(Word::Meridiem(false)),
            "pm" => Some(Word::Meridiem(true)),
            "st" | "nd" | "rd" | "th" if after_day => Some(Word::Filler),
            w if is_weekday(w) || FILLERS.contains(&w) => Some(Word::Filler),
            _ => None,
        }
    }

    fn set_date(&mut self, year: i32, month: u32, day: u32) -> Option<()> {
        if self.year.is_some() || self.month.is_some() || self.day.is_some() {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day)?;
        self.year = Some(year);
        self.month = Some(month);
        self.day = Some(day);
        Some(())
    }

    fn set_time(&mut self, hour: u32, minute: u32, second: u32) -> Option<()> {
        if self.time.is_some() {
            return None;
        }
        self.time = Some(NaiveTime::from_hms_opt(hour, minute, second)?);
        Some(())
    }

    fn apply_meridiem(&mut self, pm: bool) -> Option<()> {
        use chrono::Timelike;
        let time = self.time?;
        let hour = time.hour();
        if !(1..=12).contains(&hour) {
            return None;
        }
        let hour = match (pm, hour) {
            (false, 12) => 0,
            (false, h) => h,
            (true, 12) => 12,
            (true, h) => h + 12,
        };
        self.time = time.with_hour(hour);
        Some(())
    }

    /// The full timestamp when the date is complete; `Some(None)` when there is no
    /// full date; `None` when the date is impossible.
    pub(super) fn resolve(&self) -> Option<Option<Timestamp>> {
        let (Some(year), Some(month), Some(day)) = (self.year, self.month, self.day) else {
            return Some(None);
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        let local = date.and_time(self.time.unwrap_or(NaiveTime::MIN));
        Some(Some(make_timestamp(local, self.offset)))
    }

    /// The time, when this half gives a time and no date part at all.
    pub(super) fn time_only(&self) -> Option<NaiveTime> {
        if self.year.is_none() && self.month.is_none() && self.day.is_none() {
            self.time
        } else {
            None
        }
    }
}

/// A time written the French way at the start of a text, as a pattern (see
/// [`french_time`]).
pub(super) static FRENCH_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s?h\s?(\d{2})?(?:\b|$)").expect("valid regex"));

/// A quick test that turns away most texts [`FRENCH_TIME`] does not match: its
/// `h` comes within nine bytes (a digit, a digit of up to four bytes, a space of
/// up to three).
pub(super) fn may_be_french_time(text: &str) -> bool {
    text.bytes().take(9).any(|b| b == b'h')
}

/// A time written the French way at the start of `text`: "10h30", "9h", "14 h 05".
/// Returns hour, minute and the bytes it takes.
fn french_time(text: &str) -> Option<(u32, u32, usize)> {
    if !may_be_french_time(text) {
        return None;
    }
    let c = FRENCH_TIME.captures(text)?;
    let hour = c.get(1)?.as_str().parse().ok()?;
    let minute = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
    Some((hour, minute, c.get(0)?.end()))
}

/// Characters that separate the words of a stamp.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace() || ",|/·•–—():;".contains(c)
}

/// Parses `Z`, `+08:00`, `-0500`.
fn parse_offset(s: &str) -> Option<FixedOffset> {
    if s == "Z" {
        return FixedOffset::east_opt(0);
    }
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..4)?.parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}
