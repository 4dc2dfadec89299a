//! The date of a dateline opening a story's first paragraph ("RIVERTON, Feb. 3, 2026 —"):
//! [`dateline_date`]. The date itself is read by [`super::parse_stamp`].

use super::parse_stamp;
use crate::model::Timestamp;

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
