//! Times without a date and relative times ("17:14", "3 hours ago", "Yesterday"), as
//! listing pages and teasers show them: [`is_relative_time`]. They never give a date.

use std::sync::LazyLock;

use regex::Regex;

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
pub(super) static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
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
pub(super) fn may_be_relative_time(line: &str) -> bool {
    if !line.is_ascii() || line.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let end = line.strip_suffix('.').unwrap_or(line).as_bytes();
    ["ago", "now", "yesterday", "today"].iter().any(|word| {
        end.len() >= word.len()
            && end[end.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
    })
}
