//! Number-like tokens of a stamp line, read by hand: an ISO 8601 date and time
//! (`2026-01-26T17:14:00+08:00`), a clock time (`17:14`, `5.30`), a numeric date
//! (`26/01/2026`) and a time-zone offset (`+08:00`, `-5`). Each reader accepts the
//! whole token or nothing; tokens are ASCII (digits, signs and separators).

/// An ISO 8601 date, perhaps with a time and an offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct IsoDate<'a> {
    /// The year (four digits).
    pub year: u32,
    /// The month as written (two digits, not checked).
    pub month: u32,
    /// The day as written (two digits, not checked).
    pub day: u32,
    /// Hour, minute and second (0 when not given), when a time follows `T`.
    pub time: Option<(u32, u32, u32)>,
    /// The offset as written (`Z`, `+08:00`, `-0500`), when given after the time.
    pub offset: Option<&'a str>,
}

/// The number written by the ASCII digits of `bytes` from `at`, at least `min` and
/// at most `max` of them (as many as there are), and where they end.
fn digits(bytes: &[u8], at: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut end = at;
    while end - at < max
        && let Some(&b) = bytes.get(end)
        && b.is_ascii_digit()
    {
        value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
        end += 1;
    }
    (end - at >= min).then_some((value, end))
}

/// Whether byte `at` of `bytes` is one of `set`.
fn byte_in(bytes: &[u8], at: usize, set: &[u8]) -> bool {
    bytes.get(at).is_some_and(|b| set.contains(b))
}

/// Reads `YYYY-MM-DD`, optionally followed by `Thh:mm`, `:ss`, a fraction of a
/// second and an offset (`Z`, `±hh:mm`, `±hhmm`): the whole token or nothing.
pub(super) fn iso_date(token: &str) -> Option<IsoDate<'_>> {
    let b = token.as_bytes();
    let (year, at) = digits(b, 0, 4, 4)?;
    if !byte_in(b, at, b"-") {
        return None;
    }
    let (month, at) = digits(b, at + 1, 2, 2)?;
    if !byte_in(b, at, b"-") {
        return None;
    }
    let (day, at) = digits(b, at + 1, 2, 2)?;
    let mut date = IsoDate {
        year,
        month,
        day,
        time: None,
        offset: None,
    };
    if at == b.len() {
        return Some(date);
    }
    if !byte_in(b, at, b"T") {
        return None;
    }
    let (hour, at) = digits(b, at + 1, 2, 2)?;
    if !byte_in(b, at, b":") {
        return None;
    }
    let (minute, mut at) = digits(b, at + 1, 2, 2)?;
    let mut second = 0;
    if byte_in(b, at, b":") {
        (second, at) = digits(b, at + 1, 2, 2)?;
        if byte_in(b, at, b".") {
            // A fraction of a second: one digit or more, dropped.
            let (_, end) = digits(b, at + 1, 1, usize::MAX)?;
            at = end;
        }
    }
    date.time = Some((hour, minute, second));
    if at == b.len() {
        return Some(date);
    }
    let offset = token.get(at..)?;
    let valid = offset == "Z" || {
        let o = offset.as_bytes();
        byte_in(o, 0, b"+-")
            && digits(o, 1, 2, 2).is_some_and(|(_, at)| {
                let at = if byte_in(o, at, b":") { at + 1 } else { at };
                digits(o, at, 2, 2).is_some_and(|(_, end)| end == o.len())
            })
    };
    date.offset = valid.then_some(offset);
    date.offset.map(|_| date)
}

/// Reads a clock time `h:mm` or `hh:mm`, with `:ss` perhaps, `.` allowed for
/// `:`: hour, minute and second (when given).
pub(super) fn clock_time(token: &str) -> Option<(u32, u32, Option<u32>)> {
    let b = token.as_bytes();
    let (hour, at) = digits(b, 0, 1, 2)?;
    if !byte_in(b, at, b":.") {
        return None;
    }
    let (minute, at) = digits(b, at + 1, 2, 2)?;
    if at == b.len() {
        return Some((hour, minute, None));
    }
    if !byte_in(b, at, b":.") {
        return None;
    }
    let (second, end) = digits(b, at + 1, 2, 2)?;
    (end == b.len()).then_some((hour, minute, Some(second)))
}

/// A numeric date as written: two numbers of one or two digits and a year of four,
/// each of the first two followed by its separator (`/`, `.` or `-`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NumericDate {
    /// The first number.
    pub first: u32,
    /// The separator after it.
    pub first_separator: u8,
    /// The second number.
    pub second: u32,
    /// The separator after it.
    pub second_separator: u8,
    /// The year.
    pub year: u32,
}

/// Reads `d/m/yyyy` (either number one or two digits; `/`, `.` or `-` between).
pub(super) fn numeric_date(token: &str) -> Option<NumericDate> {
    let b = token.as_bytes();
    let (first, at) = digits(b, 0, 1, 2)?;
    let first_separator = *b.get(at).filter(|s| b"/.-".contains(s))?;
    let (second, at) = digits(b, at + 1, 1, 2)?;
    let second_separator = *b.get(at).filter(|s| b"/.-".contains(s))?;
    let (year, end) = digits(b, at + 1, 4, 4)?;
    (end == b.len()).then_some(NumericDate {
        first,
        first_separator,
        second,
        second_separator,
        year,
    })
}

/// Reads an offset `±h`, `±hh`, `±hmm`, `±hhmm`, `±h:mm` or `±hh:mm`: whether it
/// is negative, its hours and its minutes (when given).
pub(super) fn offset(token: &str) -> Option<(bool, u32, Option<u32>)> {
    let b = token.as_bytes();
    let negative = match b.first()? {
        b'+' => false,
        b'-' => true,
        _ => return None,
    };
    let rest = &b[1..];
    if let Some(colon) = rest.iter().position(|&c| c == b':') {
        let (hours, at) = digits(rest, 0, 1, 2)?;
        let (minutes, end) = digits(rest, colon + 1, 2, 2)?;
        return (at == colon && end == rest.len()).then_some((negative, hours, Some(minutes)));
    }
    if !rest.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Hours take two digits when they can; minutes take two when there are more.
    let hour_digits = match rest.len() {
        1 | 2 => rest.len(),
        3 => 1,
        4 => 2,
        _ => return None,
    };
    let (hours, at) = digits(rest, 0, hour_digits, hour_digits)?;
    let minutes = if at < rest.len() {
        Some(digits(rest, at, 2, 2)?.0)
    } else {
        None
    };
    Some((negative, hours, minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The patterns these readers stand for.
    static PATTERNS: std::sync::LazyLock<[Regex; 4]> = std::sync::LazyLock::new(|| {
        [
            r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$",
            r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$",
            r"^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})$",
            r"^([+-])(\d{1,2})(?::?(\d{2}))?$",
        ]
        .map(|p| Regex::new(p).expect("valid regex"))
    });

    /// The number a pattern's group holds.
    fn group(c: &regex::Captures<'_>, i: usize) -> Option<u32> {
        c.get(i).and_then(|m| m.as_str().parse().ok())
    }

    /// Checks every reader against its pattern on one token.
    fn agree(token: &str) {
        let [iso, time, date, off] = &*PATTERNS;
        let expected = iso.captures(token).map(|c| IsoDate {
            year: group(&c, 1).unwrap_or(u32::MAX),
            month: group(&c, 2).unwrap_or(u32::MAX),
            day: group(&c, 3).unwrap_or(u32::MAX),
            time: group(&c, 4).map(|h| {
                (
                    h,
                    group(&c, 5).unwrap_or(u32::MAX),
                    group(&c, 6).unwrap_or(0),
                )
            }),
            offset: c.get(7).map(|m| m.as_str()),
        });
        assert_eq!(iso_date(token), expected, "{token}");
        let expected = time.captures(token).map(|c| {
            (
                group(&c, 1).unwrap_or(u32::MAX),
                group(&c, 2).unwrap_or(u32::MAX),
                group(&c, 3),
            )
        });
        assert_eq!(clock_time(token), expected, "{token}");
        let expected = date.captures(token).map(|c| NumericDate {
            first: group(&c, 1).unwrap_or(u32::MAX),
            first_separator: c.get(2).map_or(0, |m| m.as_str().as_bytes()[0]),
            second: group(&c, 3).unwrap_or(u32::MAX),
            second_separator: c.get(4).map_or(0, |m| m.as_str().as_bytes()[0]),
            year: group(&c, 5).unwrap_or(u32::MAX),
        });
        assert_eq!(numeric_date(token), expected, "{token}");
        let expected = off.captures(token).map(|c| {
            (
                c.get(1).is_some_and(|m| m.as_str() == "-"),
                group(&c, 2).unwrap_or(u32::MAX),
                group(&c, 3),
            )
        });
        assert_eq!(offset(token), expected, "{token}");
    }

    #[test]
    fn tokens_read_as_the_patterns_read_them() {
        for token in [
            "2026-01-26",
            "2026-01-26T17:14",
            "2026-01-26T17:14:05",
            "2026-01-26T17:14:05.123Z",
            "2026-01-26T17:14+0800",
            "2026-01-26T17:14:00-05:00",
            "2026-01-26T17:14:05.Z",
            "2026-01-26T",
            "2026-1-26",
            "17:14",
            "5.30",
            "17:14:05",
            "17:14:5",
            "123:45",
            "26/01/2026",
            "1.2.2026",
            "26-01/2026",
            "26/01/26",
            "+8",
            "+08",
            "+800",
            "+0800",
            "+08:00",
            "-5:30",
            "+08000",
            "+8:",
            "+:30",
            "-",
            "",
        ] {
            agree(token);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Any token a stamp line can hold reads as the patterns read it.
        #[test]
        fn readers_agree_with_the_patterns(token in "[0-9:./+TZ-]{0,14}") {
            agree(&token);
        }

        /// The same for tokens shaped like dates and times, which random ones
        /// seldom are.
        #[test]
        fn readers_agree_on_date_shaped_tokens(
            token in "[0-9]{1,4}[-/.:][0-9]{1,2}([-/.:][0-9]{1,4}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,2})?)?([+-][0-9]{2}:?[0-9]{2}|Z)?)?)?"
        ) {
            agree(&token);
        }

        /// The same for offsets.
        #[test]
        fn readers_agree_on_offset_shaped_tokens(token in "[+-][0-9]{0,5}(:[0-9]{0,3})?") {
            agree(&token);
        }
    }
}
