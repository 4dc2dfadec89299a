//! Dates and times as news pages write them.
//!
//! A stamp line is read word by word: every word must be part of a date or time
//! (a number, a month or weekday name, `AM`/`p.m.`, a time zone) or one of a few
//! filler words (`Published:`, `Last Updated At`, `on`, `at`). Anything else means
//! the line is prose, not a stamp. This accepts, among others:
//!
//! - `2026-01-26 17:14 Last Updated At:23:37` (an update time earlier than the
//!   publish time rolls over to the next day);
//! - ISO 8601 with or without an offset: `2026-01-26T17:14:00+08:00`;
//! - `January 26, 2026`, `Jan. 26, 2026`, `Monday, January 26, 2026 5:14 PM`;
//! - `26 Jan 2026 17:14`, `Mon 26 Jan 2026 17.14 GMT`;
//! - `Published: 26 January 2026 Updated: 27 January 2026 09:00` (one line or two);
//! - `11:23 AM 06 Jul 2023, Thursday`, `Updated 3:45 p.m. ET Jan 26, 2026`.
//!
//! Impossible dates (30 February) make the whole line "not a stamp".

use std::sync::LazyLock;

use chrono::{Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;

use crate::model::Timestamp;

mod header;
mod tokens;

pub use header::find_stamp;

/// The times a stamp line gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// When the story was published.
    pub published: Option<Timestamp>,
    /// When it was last updated.
    pub updated: Option<Timestamp>,
}

/// Lines longer than this are never stamps.
const MAX_STAMP_CHARS: usize = 160;

/// Words that introduce the update part of a stamp.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "modified",
    "edited",
    "revised",
    "modifié",
    "mis à jour",
    "actualisé",
    "actualizado",
    "actualizada",
    "aktualisiert",
    "aggiornato",
    "atualizado",
];

/// Parses a line that is a timestamp; `None` when the line is anything else.
pub fn parse_stamp(line: &str) -> Option<Stamp> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_STAMP_CHARS || !line.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    if opens_with_non_stamp_word(line) {
        return None;
    }
    read_stamp(line)
}

/// [`parse_stamp`] for a trimmed line, without the quick tests.
fn read_stamp(line: &str) -> Option<Stamp> {
    let (published_part, updated_part) = match find_update_word(line) {
        Some(at) => (&line[..at], Some(&line[at..])),
        None => (line, None),
    };
    let published = Moment::parse(published_part)?;
    let updated = match updated_part {
        Some(part) => Moment::parse(part)?,
        None => Moment::default(),
    };
    let published_at = published.resolve()?;
    let updated_at = match updated.resolve()? {
        Some(at) => Some(at),
        None => updated.time_only().and_then(|time| {
            let base = published_at?;
            let mut local = base.local.date().and_time(time);
            if local < base.local {
                local += Duration::days(1);
            }
            Some(make_timestamp(local, updated.offset.or(base.offset)))
        }),
    };
    if published_at.is_none() && updated_at.is_none() {
        return None;
    }
    Some(Stamp {
        published: published_at,
        updated: updated_at,
    })
}

/// Furthest into a paragraph (in bytes) the dash closing a dateline may stand.
const MAX_DATELINE_BYTES: usize = 100;
/// Most words of the place name opening a dateline.
const MAX_DATELINE_PLACE_WORDS: usize = 4;

/// The date in a dateline opening a story's first paragraph: "RIVERTON, Feb. 3,
/// 2026 — The authority …", "LINDEN, Ore., March 12, 2026 -- …", "SPRINGDALE,
/// Ark., Jan. 20, 2026 /PRNewswire/ -- …". Only a full date (with its year) counts:
/// "LONDON, Dec 21 (Reuters) -" and "PARIS (AP) —" give none, as no year may be
/// made up. The paragraph itself is not changed.
pub fn dateline_date(paragraph: &str) -> Option<Timestamp> {
    const DASHES: &[&str] = &[" — ", " – ", " -- ", " - ", "—"];
    // Only a dash starting within the first `MAX_DATELINE_BYTES` counts, so only
    // the bytes it may take are searched (not the whole paragraph, five times).
    let mut reach = (MAX_DATELINE_BYTES + " — ".len()).min(paragraph.len());
    while !paragraph.is_char_boundary(reach) {
        reach += 1;
    }
    let head = paragraph.get(..reach)?;
    let cut = DASHES.iter().filter_map(|d| head.find(d)).min()?;
    if cut > MAX_DATELINE_BYTES {
        return None;
    }
    let (place, rest) = paragraph[..cut].split_once(',')?;
    let place = place.trim();
    let place_words = place.split_whitespace().count();
    if !(1..=MAX_DATELINE_PLACE_WORDS).contains(&place_words)
        || !place.starts_with(char::is_uppercase)
        || place.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let rest = without_agency(rest);
    // "Ore., March 12, 2026": a state or country after the place, then the date.
    let stamp = parse_stamp(&rest).or_else(|| {
        let (region, date) = rest.split_once(',')?;
        (region.split_whitespace().count() <= 2 && !region.chars().any(|c| c.is_ascii_digit()))
            .then(|| parse_stamp(date))
            .flatten()
    })?;
    stamp.published
}

/// A dateline's text without its agency credit: "(Reuters)", "(Business Wire)",
/// "/PRNewswire/".
fn without_agency(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let mut kept = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        let agency = word.len() > 2
            && word.starts_with('/')
            && word.ends_with('/')
            && word.chars().any(char::is_alphabetic);
        if !agency {
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(word);
        }
    }
    kept
}

/// Most characters of a relative time line ("Published 5 hours ago | Updated 40
/// mins ago").
const MAX_RELATIVE_CHARS: usize = 80;

/// Whether a line is a time without a date or a relative time ("17:14",
/// "3 hours ago", "Yesterday", "Updated at 9:40 a.m."), as listing pages and
/// teasers show next to headlines; or several of them between bars or bullets
/// ("Published 5 hours ago | Updated 40 mins ago").
pub fn is_relative_time(line: &str) -> bool {
    let line = line.trim();
    if line.len() > MAX_RELATIVE_CHARS {
        return false;
    }
    // Most lines have no bar or bullet ('·' and '•' start with 0xC2 and 0xE2):
    // they are one part, not split a character at a time.
    if memchr::memchr3(b'|', 0xC2, 0xE2, line.as_bytes()).is_none() {
        return is_one_relative_time(line);
    }
    line.split(['|', '·', '•'])
        .all(|part| is_one_relative_time(part.trim()))
}

/// One relative time or time without a date, as a pattern (see [`is_one_relative_time`]).
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
            r"(?ix)^(?:(?:updated|posted|published|last\s+updated)\s*:?\s+(?:at\s+|on\s+)?)?(?:
                \d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?
              | (?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?)\s+ago
              | just\s+now | yesterday | today
            )\.?$",
    )
    .expect("valid regex")
});

/// One relative time or time without a date.
fn is_one_relative_time(line: &str) -> bool {
    line.len() <= 40 && may_be_relative_time(line) && RELATIVE.is_match(line)
}

/// A quick test that turns away most lines [`is_one_relative_time`] would: every
/// form it knows has a digit or ends in "ago", "now", "yesterday" or "today" (in
/// any case, perhaps with a full stop). Text beyond ASCII is always let through.
fn may_be_relative_time(line: &str) -> bool {
    if !line.is_ascii() || line.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let end = line.strip_suffix('.').unwrap_or(line).as_bytes();
    ["ago", "now", "yesterday", "today"].iter().any(|word| {
        end.len() >= word.len()
            && end[end.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
    })
}

/// Whether a line's first word shows it is no stamp, before the line is searched
/// for update words: a word of letters (not followed by `.` or `'`, which stamp
/// words may hold) that [`Moment::parse`] would turn away as the first word, and
/// that does not begin with an update word (which would make the part before it
/// empty).
fn opens_with_non_stamp_word(line: &str) -> bool {
    let rest = line.trim_start_matches(is_separator);
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let (word, after) = rest.split_at(end);
    if word.is_empty() || after.starts_with(['.', '\'']) {
        return false;
    }
    let opens_update = UPDATE_WORDS.iter().any(|u| {
        rest.as_bytes()
            .get(..u.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(u.as_bytes()))
    });
    !opens_update
        && matches!(
            Moment::default().read_word(word, false),
            None | Some(Word::Meridiem(_))
        )
}

/// Byte offset of the first word introducing an update time, if any.
///
/// All the words are searched for in one pass, overlapping matches included (a
/// match overlapping an earlier one of the same word starts after a letter, so it
/// would not count anyway).
fn find_update_word(line: &str) -> Option<usize> {
    // ASCII letters in any case, as the words would be found in the line made ASCII
    // lower case (letters beyond ASCII as they are written).
    static WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(UPDATE_WORDS)
            .expect("valid phrase list")
    });
    WORDS
        .find_overlapping_iter(line)
        .map(|found| found.start())
        .filter(|&at| {
            let before = line.get(..at).and_then(|head| head.chars().next_back());
            before.is_none_or(|c| !c.is_alphanumeric())
        })
        .min()
}

/// Builds a timestamp, with the offset when one is known and valid.
fn make_timestamp(local: NaiveDateTime, offset: Option<FixedOffset>) -> Timestamp {
    match offset.and_then(|off| off.from_local_datetime(&local).single()) {
        Some(at) => Timestamp::with_offset(at),
        None => Timestamp::naive(local),
    }
}

/// The parts of a date and time found in one half of a stamp line.
#[derive(Clone, Copy, Debug, Default)]
struct Moment {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
}

/// What a word of a stamp line was read as.
enum Word {
    /// Part of the date or time (already stored).
    Part,
    /// A filler word or weekday, ignored.
    Filler,
    /// `AM` / `PM`.
    Meridiem(bool),
}

impl Moment {
    /// Reads one half of a stamp line; `None` when a word is not part of a stamp.
    fn parse(text: &str) -> Option<Moment> {
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
    fn read_word(&mut self, word: &str, after_day: bool) -> Option<Word> {
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
    fn resolve(&self) -> Option<Option<Timestamp>> {
        let (Some(year), Some(month), Some(day)) = (self.year, self.month, self.day) else {
            return Some(None);
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        let local = date.and_time(self.time.unwrap_or(NaiveTime::MIN));
        Some(Some(make_timestamp(local, self.offset)))
    }

    /// The time, when this half gives a time and no date part at all.
    fn time_only(&self) -> Option<NaiveTime> {
        if self.year.is_none() && self.month.is_none() && self.day.is_none() {
            self.time
        } else {
            None
        }
    }
}

/// A time written the French way at the start of a text, as a pattern (see
/// [`french_time`]).
static FRENCH_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s?h\s?(\d{2})?(?:\b|$)").expect("valid regex"));

/// A quick test that turns away most texts [`FRENCH_TIME`] does not match: its
/// `h` comes within nine bytes (a digit, a digit of up to four bytes, a space of
/// up to three).
fn may_be_french_time(text: &str) -> bool {
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
fn is_separator(c: char) -> bool {
    c.is_whitespace() || ",|/·•–—():;".contains(c)
}

/// Words allowed in a stamp that carry no date information.
const FILLERS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "last",
    "modified",
    "edited",
    "revised",
    "first",
    "at",
    "on",
    "date",
    "time",
    "as",
    "of",
    "local",
    "et",
    "pt",
    "ct",
    "mt",
    "hrs",
    "created",
    "uploaded",
    "and",
    // French, Spanish, German, Italian, Portuguese.
    "publié",
    "publiée",
    "modifié",
    "actualisé",
    "actualizado",
    "actualizada",
    "aktualisiert",
    "aggiornato",
    "atualizado",
    "le",
    "à",
    "mis",
    "jour",
    "publicado",
    "publicada",
    "el",
    "de",
    "del",
    "a",
    "las",
    "h",
    "veröffentlicht",
    "um",
    "uhr",
    "pubblicato",
    "il",
    "alle",
    "ore",
    "às",
];

/// Weekday names and their short forms, lower case, in English and the common European
/// languages (also what an archive export's dated line may carry).
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "sonnabend"
            | "miercoles"
            | "sabado"
            | "mon"
            | "monday"
            | "tue"
            | "tues"
            | "tuesday"
            | "wed"
            | "wednesday"
            | "thu"
            | "thur"
            | "thurs"
            | "thursday"
            | "fri"
            | "friday"
            | "sat"
            | "saturday"
            | "sun"
            | "sunday"
            // Portuguese ("segunda-feira" is read as two words), French,
            // Spanish, German, Italian.
            | "segunda"
            | "terça"
            | "quarta"
            | "quinta"
            | "sexta"
            | "sábado"
            | "domingo"
            | "feira"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "lunes"
            | "martes"
            | "miércoles"
            | "jueves"
            | "viernes"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonntag"
            | "lunedì"
            | "martedì"
            | "mercoledì"
            | "giovedì"
            | "venerdì"
            | "sabato"
    )
}

/// The number of a month name or its short form, lower case, in English and the common
/// European languages.
pub(crate) fn month_number(w: &str) -> Option<u32> {
    Some(match w {
        "mär" | "mrz" => 3,
        "fevr" => 2,
        "okt" => 10,
        "dez" => 12,
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        // French
        "janv" | "janvier" => 1,
        "févr" | "février" | "fevrier" => 2,
        "mars" => 3,
        "avr" | "avril" => 4,
        "mai" => 5,
        "juin" => 6,
        "juil" | "juillet" => 7,
        "août" | "aout" => 8,
        "septembre" => 9,
        "octobre" => 10,
        "novembre" => 11,
        "déc" | "décembre" | "decembre" => 12,
        // Spanish
        "ene" | "enero" => 1,
        "febrero" => 2,
        "marzo" => 3,
        "abr" | "abril" => 4,
        "mayo" => 5,
        "junio" => 6,
        "julio" => 7,
        "ago" | "agosto" => 8,
        "septiembre" | "setiembre" => 9,
        "octubre" => 10,
        "noviembre" => 11,
        "dic" | "diciembre" => 12,
        // German and Dutch
        "januar" | "januari" | "jänner" => 1,
        "februar" | "februari" => 2,
        "märz" | "maerz" | "maart" => 3,
        "juni" => 6,
        "juli" => 7,
        "augustus" => 8,
        "oktober" => 10,
        "dezember" => 12,
        // Italian
        "gennaio" => 1,
        "febbraio" => 2,
        "aprile" => 4,
        "maggio" => 5,
        "giugno" => 6,
        "luglio" => 7,
        "settembre" => 9,
        "ottobre" => 10,
        "dicembre" => 12,
        // Portuguese
        "janeiro" => 1,
        "fevereiro" => 2,
        "março" => 3,
        "maio" => 5,
        "junho" => 6,
        "julho" => 7,
        "setembro" => 9,
        "outubro" => 10,
        "novembro" => 11,
        "dezembro" => 12,
        // Indonesian and Malay (with the Dutch forms above)
        "maret" => 3,
        "mei" => 5,
        "agustus" | "ogos" => 8,
        "desember" | "disember" => 12,
        // Russian, in the genitive a date uses
        "января" => 1,
        "февраля" => 2,
        "марта" => 3,
        "апреля" => 4,
        "мая" => 5,
        "июня" => 6,
        "июля" => 7,
        "августа" => 8,
        "сентября" => 9,
        "октября" => 10,
        "ноября" => 11,
        "декабря" => 12,
        _ => return None,
    })
}

/// A time zone abbreviation: `Some(Some(offset))` for a known fixed offset,
/// `None` when the word is not a zone.
fn zone_offset(w: &str) -> Option<Option<FixedOffset>> {
    let minutes = match w {
        "utc" | "gmt" | "z" => 0,
        "bst" | "cet" | "wat" => 60,
        "cest" | "eet" | "sast" | "cat" => 120,
        "eest" | "msk" | "eat" => 180,
        "ist" => 330,
        "wib" | "ict" => 420,
        "hkt" | "sgt" | "bjt" | "pht" | "awst" | "myt" => 480,
        "jst" | "kst" => 540,
        "aest" => 600,
        "aedt" => 660,
        "nzst" => 720,
        "nzdt" => 780,
        "edt" => -240,
        "est" | "cdt" => -300,
        "mdt" => -360,
        "cst" => return Some(None),
        "mst" | "pdt" => -420,
        "pst" => -480,
        _ => return None,
    };
    Some(FixedOffset::east_opt(minutes * 60))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<Timestamp> {
        Some(Timestamp::parse(s).expect("valid test timestamp"))
    }

    #[test]
    fn date_time_with_last_updated_time() {
        let s = parse_stamp("2026-01-26 17:14 Last Updated At:23:37").expect("stamp");
        assert_eq!(s.published, at("2026-01-26T17:14:00"));
        assert_eq!(s.updated, at("2026-01-26T23:37:00"));
    }

    #[test]
    fn update_time_before_publish_time_rolls_to_next_day() {
        let s = parse_stamp("2025-12-31 22:05 Last Updated At:01:10").expect("stamp");
        assert_eq!(s.published, at("2025-12-31T22:05:00"));
        assert_eq!(s.updated, at("2026-01-01T01:10:00"));
    }

    #[test]
    fn iso_with_and_without_offset() {
        let s = parse_stamp("2026-03-04T08:30:00+08:00").expect("stamp");
        assert_eq!(s.published, at("2026-03-04T08:30:00+08:00"));
        assert_eq!(
            s.published
                .and_then(|t| t.offset)
                .map(|o| o.local_minus_utc()),
            Some(8 * 3600)
        );
        let s = parse_stamp("2026-03-04T08:30:15Z").expect("stamp");
        assert_eq!(s.published, at("2026-03-04T08:30:15+00:00"));
        let s = parse_stamp("2026-03-04T08:30").expect("stamp");
        assert_eq!(s.published, at("2026-03-04T08:30:00"));
        let s = parse_stamp("2026-03-04 08:30 -0500").expect("stamp");
        assert_eq!(s.published, at("2026-03-04T08:30:00-05:00"));
    }

    #[test]
    fn month_name_forms() {
        for line in [
            "January 26, 2026",
            "Jan. 26, 2026",
            "Monday, January 26, 2026",
            "26 January 2026",
            "Jan 26th, 2026",
        ] {
            let s = parse_stamp(line).unwrap_or_else(|| panic!("{line} is a stamp"));
            assert_eq!(s.published, at("2026-01-26T00:00:00"), "{line}");
            assert_eq!(s.updated, None, "{line}");
        }
        let s = parse_stamp("26 Jan 2026 17:14").expect("stamp");
        assert_eq!(s.published, at("2026-01-26T17:14:00"));
        let s = parse_stamp("Mon 26 Jan 2026 17.14 GMT").expect("stamp");
        assert_eq!(s.published, at("2026-01-26T17:14:00+00:00"));
        let s = parse_stamp("Friday, March 6, 2026 at 5:14 PM").expect("stamp");
        assert_eq!(s.published, at("2026-03-06T17:14:00"));
    }

    #[test]
    fn published_and_updated_prefixes() {
        let s = parse_stamp("Published: 3 February 2026, 09:12 Updated: 3 February 2026, 18:40")
            .expect("stamp");
        assert_eq!(s.published, at("2026-02-03T09:12:00"));
        assert_eq!(s.updated, at("2026-02-03T18:40:00"));
        let s = parse_stamp("Published 3 Feb 2026\nLast modified on 5 Feb 2026 07:00 BST")
            .expect("stamp");
        assert_eq!(s.published, at("2026-02-03T00:00:00"));
        assert_eq!(s.updated, at("2026-02-05T07:00:00+01:00"));
        let s = parse_stamp("Updated: February 5, 2026").expect("stamp");
        assert_eq!(s.published, None);
        assert_eq!(s.updated, at("2026-02-05T00:00:00"));
    }

    #[test]
    fn time_first_and_us_forms() {
        let s = parse_stamp("11:23 AM 06 Jul 2023, Thursday").expect("stamp");
        assert_eq!(s.published, at("2023-07-06T11:23:00"));
        let s = parse_stamp("Updated 3:45 p.m. ET Jan 26, 2026").expect("stamp");
        assert_eq!(s.published, None);
        assert_eq!(s.updated, at("2026-01-26T15:45:00"));
        let s = parse_stamp("12:05 a.m. EST, Tue March 3, 2026").expect("stamp");
        assert_eq!(s.published, at("2026-03-03T00:05:00-05:00"));
    }

    #[test]
    fn impossible_dates_are_not_stamps() {
        assert_eq!(parse_stamp("February 30, 2026"), None);
        assert_eq!(parse_stamp("2026-02-30 10:00"), None);
        assert_eq!(parse_stamp("2026-01-26 25:10"), None);
        assert_eq!(parse_stamp("31/04/2026"), None);
        assert_eq!(parse_stamp("13:30 PM 4 May 2026"), None);
    }

    #[test]
    fn prose_and_partial_dates_are_not_stamps() {
        for line in [
            "The United Nations confirmed on January 28, 2025 that it had received notice.",
            "Sales rose 4.5 percent in March 2026",
            "March 2026",
            "2026",
            "17:14",
            "The page was updated on Monday",
            "",
            "Jan 26",
        ] {
            assert_eq!(parse_stamp(line), None, "{line:?}");
        }
    }

    #[test]
    fn numeric_dates_day_first_unless_impossible() {
        let s = parse_stamp("04/03/2026 10:00").expect("stamp");
        assert_eq!(s.published, at("2026-03-04T10:00:00"));
        let s = parse_stamp("12/25/2026").expect("stamp");
        assert_eq!(s.published, at("2026-12-25T00:00:00"));
    }

    #[test]
    fn dateline_leads_give_a_date_only_with_a_year() {
        let lead = |p: &str| dateline_date(p).map(|t| t.to_string());
        assert_eq!(
            lead("OAKVALE, Feb. 3, 2026 — The port board voted to expand the quay."),
            Some("2026-02-03T00:00:00".to_string())
        );
        assert_eq!(
            lead("SALEM, Ore., March 12, 2026 -- Growers said the frost hurt the crop."),
            Some("2026-03-12T00:00:00".to_string())
        );
        assert_eq!(
            lead(
                "DENTON, Texas, Jan. 20, 2026 /PRNewswire/ -- Fenwick Tools Inc. recalled drills."
            ),
            Some("2026-01-20T00:00:00".to_string())
        );
        assert_eq!(
            lead("GENEVA, April 2, 2026 (Reuters) - Talks resumed on Thursday."),
            Some("2026-04-02T00:00:00".to_string())
        );
        for paragraph in [
            "LONDON, Dec 21 (Reuters) - Pilots voted to strike.",
            "PARIS (AP) — Rail workers walked out on Monday.",
            "Halvorsen, 52, said — after a pause — that he would stay.",
            "The council met on March 3, 2026 — and voted to close the library.",
            "OAKVALE, Feb. 30, 2026 — No such day.",
        ] {
            assert_eq!(lead(paragraph), None, "{paragraph}");
        }
    }

    #[test]
    fn a_dateline_dash_counts_only_within_the_first_hundred_bytes() {
        let lead = |p: &str| dateline_date(p).map(|t| t.to_string());
        // The place and date padded with spaces so that the dash starts at a
        // chosen byte; an accented letter straddles the end of the bytes searched.
        let with_dash_at = |at: usize| {
            let start = "OAKVALE, Feb. 3, 2026";
            format!(
                "{start}{} \u{2014} R\u{e9}sum\u{e9} of the port board vote.",
                " ".repeat(at - start.len())
            )
        };
        assert_eq!(
            lead(&with_dash_at(100)),
            Some("2026-02-03T00:00:00".to_string())
        );
        assert_eq!(lead(&with_dash_at(101)), None);
        assert_eq!(lead(&with_dash_at(102)), None);
        // A dash far into a long paragraph is no dateline's.
        let long = format!("OAKVALE, Feb. 3, 2026 {} \u{2014} end", "words ".repeat(40));
        assert_eq!(lead(&long), None);
    }

    /// Pieces of relative times and of lines that are not.
    fn relative_time_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop::sample::select(vec![
                "3",
                "12",
                "9:40",
                "an",
                "A",
                "one",
                "hour",
                "HOURS",
                "h",
                "mins",
                "d",
                "ago",
                "AGO",
                "Just",
                "now",
                "Yesterday",
                "TODAY",
                "updated",
                "Posted",
                "last",
                "at",
                "on",
                " ",
                "  ",
                ":",
                ".",
                "a.m.",
                "PM",
                "EST",
                "x",
                "news",
                "\u{e9}",
            ]),
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Pieces of French times and of numbers that are not, with Unicode digits
    /// and spaces.
    fn french_time_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop::sample::select(vec![
                "1", "14", "05", "\u{663}", "\u{ff11}", " ", "\u{3000}", "\u{a0}", "h", "H", "x",
                "-", "\u{e9}",
            ]),
            0..7,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Pieces of stamp lines and of lines that are not.
    fn stamp_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop::sample::select(vec![
                "Updated",
                "updated:",
                "Mis \u{e0} jour",
                "modifi\u{e9}",
                "Published",
                "Jan",
                "Jan.",
                "March",
                "Mon",
                "PM",
                "am",
                "EST",
                "on",
                "at",
                "3",
                "2026",
                "17:14",
                "2026-01-26",
                " ",
                ", ",
                " | ",
                "(",
                "Port",
                "Elin",
                "faces",
                "O'Neil",
                "x",
            ]),
            0..7,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The first-word test turns away only lines that are no stamps.
        #[test]
        fn first_word_test_turns_away_no_stamp(line in stamp_pieces()) {
            let line = line.trim();
            proptest::prop_assert!(!opens_with_non_stamp_word(line) || read_stamp(line).is_none());
        }

        /// The quick test never turns away a text the French time pattern matches.
        #[test]
        fn quick_french_time_test_keeps_every_match(text in french_time_pieces()) {
            proptest::prop_assert!(!FRENCH_TIME.is_match(&text) || may_be_french_time(&text));
        }

        /// The quick test never turns away a line the pattern matches.
        #[test]
        fn quick_relative_time_test_keeps_every_match(line in relative_time_pieces()) {
            proptest::prop_assert!(!RELATIVE.is_match(&line) || may_be_relative_time(&line));
        }
    }

    #[test]
    fn relative_times() {
        for line in [
            "3 hours ago",
            "17:14",
            "5 mins ago",
            "Yesterday",
            "an hour ago",
            "2h ago",
            "Updated at 9:40 a.m.",
            "Published 5 hours ago | Updated 40 mins ago",
            "Posted 3 days ago · Updated 2 hours ago",
        ] {
            assert!(is_relative_time(line), "{line}");
        }
        for line in [
            "Three people were hurt",
            "January 26, 2026",
            "17:14 is the time",
            "Updated 3 hours ago | Sport | World",
            "| 3 hours ago",
        ] {
            assert!(!is_relative_time(line), "{line}");
        }
    }

    #[test]
    fn french_and_spanish_stamps() {
        let s = parse_stamp("Publié le 3 mars 2026 à 8h15, mis à jour le 4 mars 2026 à 9h")
            .expect("stamp");
        assert_eq!(s.published, at("2026-03-03T08:15:00"));
        assert_eq!(s.updated, at("2026-03-04T09:00:00"));
        let s = parse_stamp("Actualizado: 5 dic 2026 - 18:20 CET").expect("stamp");
        assert_eq!(s.published, None);
        assert_eq!(s.updated, at("2026-12-05T18:20:00+01:00"));
        let s = parse_stamp("7 de julio de 2026").expect("stamp");
        assert_eq!(s.published, at("2026-07-07T00:00:00"));
        assert_eq!(parse_stamp("Le maire a parlé 3 heures"), None);
        assert_eq!(parse_stamp("10 hours later"), None);
    }

    /// The publish time [`find_stamp`] reads in a header line, as text.
    fn found(line: &str) -> Option<String> {
        find_stamp(line)?.published.map(|t| t.to_string())
    }

    #[test]
    fn a_stamp_is_found_inside_byline_lines() {
        assert_eq!(
            found("Reuters November 18, 2019 11:03 PM").as_deref(),
            Some("2019-11-18T23:03:00")
        );
        assert_eq!(
            found("Chris Davies - Nov 19, 2019, 10:31 pm CST 0").as_deref(),
            Some("2019-11-19T22:31:00")
        );
        assert_eq!(
            found("Monday November 18, 2019 7:45 am PST by Joe Rossignol").as_deref(),
            Some("2019-11-18T07:45:00-08:00")
        );
        assert_eq!(
            found("Published Wed, Nov 20 2019 4:29 AM EST Updated an hour ago Natasha Turak @NatashaTurak")
                .as_deref(),
            Some("2019-11-20T04:29:00-05:00")
        );
        assert_eq!(
            found("Nov 18, 2019 at 9:24 pm ET \u{2022} 2 min read").as_deref(),
            Some("2019-11-18T21:24:00")
        );
        assert_eq!(
            found(
                "By Jason Cipriani | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Hardware"
            )
            .map(|t| t[..10].to_string())
            .as_deref(),
            Some("2019-11-18")
        );
    }

    #[test]
    fn us_short_dates_are_read_month_first_beside_am_pm_or_a_us_zone() {
        assert_eq!(
            found("By Tess Bonn - 11/19/19 06:56 AM EST").as_deref(),
            Some("2019-11-19T06:56:00-05:00")
        );
        assert_eq!(
            found("Posted 03/04/21 9:15 PM").as_deref(),
            Some("2021-03-04T21:15:00")
        );
        // Without AM/PM or a US zone a two-digit year is not guessed at.
        assert_eq!(found("Edition 03/04/21"), None);
    }

    #[test]
    fn iso_weekday_and_bar_forms_are_found() {
        assert!(
            found("Last updated 2019-11-19T12:48:14Z by the desk").is_none(),
            "an update time alone is no publish time"
        );
        assert_eq!(
            found("Posted 2019-11-19T12:48:14Z by the desk").as_deref(),
            Some("2019-11-19T12:48:14+00:00")
        );
        assert_eq!(
            found("Monday, November 18, 2019, 04:05 pm PT").as_deref(),
            Some("2019-11-18T16:05:00")
        );
        assert_eq!(
            found(
                "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm"
            )
            .as_deref(),
            Some("2019-11-19T20:59:00")
        );
    }

    #[test]
    fn month_names_of_more_languages_are_read() {
        assert_eq!(
            found("Posted on Maret 30, 2015 by Admin").as_deref(),
            Some("2015-03-30T00:00:00")
        );
        assert_eq!(
            found("Posted on Oktober 27, 2015 by Admin").as_deref(),
            Some("2015-10-27T00:00:00")
        );
        assert_eq!(
            found("Text: Anna Roe \u{b7} 24 \u{441}\u{435}\u{43d}\u{442}\u{44f}\u{431}\u{440}\u{44f} 2018")
                .as_deref(),
            Some("2018-09-24T00:00:00")
        );
        assert_eq!(
            found("sexta-feira, 22 de outubro de 2010 \u{e0}s 20:13").as_deref(),
            Some("2010-10-22T20:13:00")
        );
        assert_eq!(
            found("Pubblicato il 3 maggio 2024 alle 10:00").as_deref(),
            Some("2024-05-03T10:00:00")
        );
        assert_eq!(
            found("Ver\u{f6}ffentlicht am 12. M\u{e4}rz 2024").as_deref(),
            Some("2024-03-12T00:00:00")
        );
    }

    #[test]
    fn a_date_after_updated_is_an_update_time() {
        let stamp = find_stamp("By Jane Roe Updated Nov 13, 2019, 10:28am EST").expect("stamp");
        assert_eq!(stamp.published, None);
        assert_eq!(
            stamp.updated.map(|t| t.to_string()).as_deref(),
            Some("2019-11-13T10:28:00-05:00")
        );
        // A publish time wins over a longer run giving only the update.
        assert_eq!(
            found("Nov 18, 2019 @17:19 PM \u{b7} Updated: Nov 18, 2019 @17:26 PM").as_deref(),
            Some("2019-11-18T00:00:00")
        );
    }

    #[test]
    fn lines_without_a_full_date_give_no_stamp() {
        assert_eq!(find_stamp("2 days ago at 07:52 am"), None);
        assert_eq!(find_stamp("Updated an hour ago"), None);
        assert_eq!(find_stamp("Share on: Facebook Twitter Reddit"), None);
        assert_eq!(
            find_stamp("Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM"),
            None
        );
    }
}
