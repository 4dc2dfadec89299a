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
//!
//! This module splits a line into its published and updated halves and puts the
//! two times together; reading a half is [`moment`]'s, its words are [`names`]'s,
//! its number tokens [`tokens`]'. A stamp inside a header line with other words is
//! [`header`]'s, a dateline's date [`dateline`]'s, and times without a date
//! [`relative`]'s.

use std::sync::LazyLock;

use chrono::Duration;

use crate::model::Timestamp;

mod dateline;
mod header;
mod moment;
mod names;
mod relative;
mod tokens;

pub use dateline::dateline_date;
pub use header::{find_stamp, find_stamp_words};
pub(crate) use names::{is_weekday, month_number};
pub use relative::is_relative_time;

#[cfg(test)]
use moment::{FRENCH_TIME, may_be_french_time};
use moment::{Moment, Word, is_separator, make_timestamp};
use names::{UPDATE_WORDS, zone_offset};
#[cfg(test)]
use relative::{RELATIVE, may_be_relative_time};

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
