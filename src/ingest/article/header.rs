//! A header line that holds both the writer and the stamp, as real pages write
//! them: `by Regan December 6, 2017 written by Regan`, `Chris Davies - Nov 19,
//! 2019, 10:31 pm CST 0`, `By Tess Bonn - 11/19/19 06:56 AM EST`, `Monday
//! November 18, 2019 7:45 am PST by Joe Rossignol`, `Posted on March 30, 2015 by
//! Admin`, `Reuters November 18, 2019 11:03 PM`. Reads one line: which line of a
//! story's header to read is [`super`]'s. Also whether a heading has such a
//! header under it ([`has_header_below`]).

use super::{MAX_HEADER_GAP, MAX_STAMP_LINE_WORDS, is_prose};
use crate::ingest::classify::{BlockKind, Classified};
use crate::ingest::segment::Block;
use crate::ingest::timestamp::{self, Stamp};

/// Most words of a header line read here.
const MAX_HEADER_WORDS: usize = 24;
/// Most words of one writer's name beside the stamp.
const MAX_NAME_WORDS: usize = 4;
/// Fewest words of each name in a list of names (a first name and a surname).
const MIN_LISTED_NAME_WORDS: usize = 2;

/// Words that may stand beside a stamp and a name in a header line without being
/// part of either: "by", "Posted on", "written by", "Updated".
const HEADER_FILLERS: &[&str] = &[
    "by",
    "written",
    "posted",
    "published",
    "on",
    "at",
    "updated",
    "story",
    "words",
    "and",
    "&",
    "von",
    "par",
    "por",
    "di",
    "le",
    "el",
    "il",
    // Labels naming the writer ("Text: Jane Roe").
    "text",
    "texto",
    "texte",
    "текст",
    "author",
    "autor",
    "auteur",
    "reporter",
];

/// The stamp of a header line holding a stamp and, perhaps, the writer's name,
/// with that name; `None` when the line holds anything else (a sentence, a
/// headline, a caption), or no full date.
pub fn byline_and_stamp(line: &str) -> Option<(Option<String>, Stamp)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > MAX_HEADER_WORDS {
        return None;
    }
    let (stamp, span) = timestamp::find_stamp_words(line)?;
    let mut names: Vec<String> = Vec::new();
    for side in [&words[..span.start], &words[span.end..]] {
        let name = name_in(side)?;
        if !name.is_empty() && !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            names.push(name);
        }
    }
    // Two different names on either side of a stamp are no byline ("Jane Roe
    // Nov 3, 2025 Library reopens"): one of them is something else.
    if names.len() > 1 {
        return None;
    }
    Some((names.pop(), stamp))
}

/// The name among the words on one side of a header line's stamp, empty when
/// there are only fillers, separators, handles, counts and pieces of a date;
/// `None` when a word is none of these nor part of a name, or the name is too
/// long. Several names are joined by commas, `and` or `&`, each of
/// [`MIN_LISTED_NAME_WORDS`] to [`MAX_NAME_WORDS`] words; one name alone may be a
/// single word (`Reuters`, `Admin`).
fn name_in(words: &[&str]) -> Option<String> {
    let mut names: Vec<Vec<&str>> = vec![Vec::new()];
    for &word in words {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '\'');
        let lower = bare.to_lowercase();
        if matches!(lower.as_str(), "and" | "&" | "") {
            names.push(Vec::new());
        }
        if bare.is_empty()
            || bare.starts_with('@')
            || bare.bytes().any(|b| b.is_ascii_digit())
            || is_date_word(&lower)
        {
            continue;
        }
        if HEADER_FILLERS.contains(&lower.as_str()) {
            continue;
        }
        // "Source: Ministry": a label other than the fillers' ("By:") is no name.
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || word.ends_with(':') {
            return None;
        }
        let trimmed = word.trim_matches(|c: char| matches!(c, '-' | '|' | '•' | '·' | '/' | ','));
        // The same name twice ("Regan … written by Regan") is one name.
        if !names.iter().flatten().any(|w| *w == trimmed) {
            names.last_mut()?.push(trimmed);
        }
        if word.ends_with(',') {
            names.push(Vec::new());
        }
    }
    names.retain(|n| !n.is_empty());
    let sizes_ok = match names.as_slice() {
        [] => true,
        [one] => one.len() <= MAX_NAME_WORDS,
        many => many
            .iter()
            .all(|n| (MIN_LISTED_NAME_WORDS..=MAX_NAME_WORDS).contains(&n.len())),
    };
    let names: Vec<String> = names.iter().map(|n| n.join(" ")).collect();
    sizes_ok.then(|| names.join(", "))
}

/// Whether a lower-case word is a piece of a date or time the stamp left out:
/// a month or weekday name, `am`/`pm`, a North American zone word.
fn is_date_word(lower: &str) -> bool {
    let lower = lower.trim_end_matches('.');
    timestamp::month_number(lower).is_some()
        || timestamp::is_weekday(lower)
        || matches!(
            lower,
            "am" | "pm" | "a.m" | "p.m" | "et" | "pt" | "ct" | "mt" | "gmt" | "utc"
        )
}

/// Most blocks below a heading searched for its byline or stamp.
const HEADER_REACH: usize = 4;

/// Whether a byline or a stamp stands within [`HEADER_REACH`] blocks below block
/// `i` (menus and share buttons not counted, but read): the article's heading stands over
/// them, where a recipe card or a caption repeating the title does not.
pub(super) fn has_header_below(
    blocks: &[Block<'_>],
    classes: &[Classified],
    words: &[usize],
    i: usize,
) -> bool {
    let mut reach = 0;
    (i + 1..blocks.len().min(i + 1 + MAX_HEADER_GAP))
        .take_while(|&j| {
            reach += usize::from(classes[j].kind != BlockKind::Chrome);
            reach <= HEADER_REACH
        })
        .any(|j| {
            classes[j].byline.is_some()
                || classes[j].stamp.is_some_and(|s| s.published.is_some())
                || (words[j] <= MAX_STAMP_LINE_WORDS
                    && !is_prose(blocks, words, j)
                    && timestamp::find_stamp(&blocks[j].text)
                        .is_some_and(|s| s.published.is_some()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(Option<String>, String)> {
        byline_and_stamp(line).map(|(name, stamp)| {
            (
                name,
                stamp.published.map(|t| t.to_string()).unwrap_or_default(),
            )
        })
    }

    #[test]
    fn names_and_stamps_share_a_line() {
        assert_eq!(
            read("by Ana Lim December 6, 2025 written by Ana Lim"),
            Some((Some("Ana Lim".into()), "2025-12-06T00:00:00".into()))
        );
        assert_eq!(
            read("Ivo Brandt - Nov 19, 2025, 10:31 pm CST 0"),
            Some((Some("Ivo Brandt".into()), "2025-11-19T22:31:00".into()))
        );
        assert_eq!(
            read("By Ruth Okoye - 11/19/25 06:56 AM EST").map(|r| r.0),
            Some(Some("Ruth Okoye".into()))
        );
        assert_eq!(
            read("Monday November 17, 2025 7:45 am PST by Joe Marr").map(|r| r.0),
            Some(Some("Joe Marr".into()))
        );
        assert_eq!(
            read("Posted on March 30, 2025 by Admin").map(|r| r.0),
            Some(Some("Admin".into()))
        );
        assert_eq!(
            read("Reuters November 18, 2025 11:03 PM").map(|r| r.0),
            Some(Some("Reuters".into()))
        );
        assert_eq!(
            read("Nov 19, 2025 | Ana Lim @analim").map(|r| r.0),
            Some(Some("Ana Lim".into()))
        );
        assert_eq!(
            read("Published March 3, 2025"),
            Some((None, "2025-03-03T00:00:00".into()))
        );
    }

    #[test]
    fn sentences_headlines_and_partial_dates_are_not_header_lines() {
        assert_eq!(
            read("On March 3, 2025 the council voted to close the library"),
            None
        );
        assert_eq!(read("Ana Lim Nov 3, 2025 Library Reopens"), None);
        assert_eq!(read("Ana Lim, Nov 3"), None);
        assert_eq!(read("By Ana Lim"), None);
        // Pieces of the stamp the date left out are no name.
        assert_eq!(
            read("Nov 18, 2025 @17:19 PM · Updated: Nov 18, 2025 @17:26 PM").map(|r| r.0),
            Some(None)
        );
        assert_eq!(read("Nov. 19, 2025 8:03 am ET").map(|r| r.0), Some(None));
        // A label and a list of categories are no byline.
        assert_eq!(read("Source: Defence Ministry Nov 18, 2025"), None);
        assert_eq!(
            read("Text: Ana Lim 24 September 2025").map(|r| r.0),
            Some(Some("Ana Lim".into()))
        );
        assert_eq!(read("13/06/2025 Ana Lim All, Books, Kit Reviews"), None);
        assert_eq!(
            read("Nov 19, 2025 | Ana Lim, Ivo Brandt and Ruth Okoye").map(|r| r.0),
            Some(Some("Ana Lim, Ivo Brandt, Ruth Okoye".into()))
        );
    }
}
