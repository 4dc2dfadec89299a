//! Finding quote spans: which quote marks open and close speech, paragraph by paragraph,
//! and which quotes run on over several paragraphs.
//!
//! One linear scan per paragraph. Double marks (straight, curly, low-9, guillemets) open a
//! quote in which single marks are only nested quotes or apostrophes. A single mark opens
//! a quote only at the start of a word that begins with a letter, and closes one only
//! where it ends a word without being a plural possessive (`ministers' view`), so
//! apostrophes (`it's`, `'90s`, `rock 'n' roll`) never count.
//!
//! Two apostrophes (`''We go,'' she said`, as news archives deliver quotes) are a double
//! mark: they open a quote where a double mark would, and close it where the next
//! character starts no word; single marks inside are nested quotes (`'''Sir,'''`), and a
//! pair inside a word or after a word outside any quote (`the candidates'' view`) is no
//! mark at all.

/// One stretch of a quote inside one paragraph, in byte offsets of its text (always at
/// character boundaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The paragraph.
    pub paragraph: usize,
    /// Offset of the opening mark.
    pub start: usize,
    /// Offset just past the closing mark (the paragraph's length when unclosed).
    pub end: usize,
    /// Offset of the first character inside the marks.
    pub inner_start: usize,
    /// Offset just past the last character inside the marks.
    pub inner_end: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// A quote as found: one piece, or several when it runs on over paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The pieces in reading order.
    pub pieces: Vec<Piece>,
}

/// The family of the mark that opened a quote, which decides what closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    SingleGuillemet,
    Single,
    /// Two apostrophes, `''`.
    Twin,
}

impl Family {
    /// The byte length of the mark `mark` opening a quote of this family.
    fn width(self, mark: char) -> usize {
        match self {
            Family::Twin => 2,
            _ => mark.len_utf8(),
        }
    }
}

/// True when two apostrophes (`''`) stand at byte offset `at` of `s`.
fn twin_at(s: &str, at: usize) -> bool {
    s.as_bytes().get(at..at + 2) == Some(b"''")
}

/// The character starting at byte offset `at` of `s`, if any.
fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|rest| rest.chars().next())
}

/// The character ending at byte offset `at` of `s`, if any.
fn char_before(s: &str, at: usize) -> Option<char> {
    s.get(..at).and_then(|head| head.chars().next_back())
}

/// True for a byte that may start one of the quote marks (`"`, `'`, and the marks
/// beyond ASCII, which all start with `C2` or `E2` in UTF-8); such a byte always starts
/// a character.
fn may_start_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// The offset of the first byte at or after `from` that may start a quote mark (see
/// [`may_start_mark`]), or the length of `bytes`. `c2` tells whether the text holds a
/// `C2` byte at all: most text has none, and is searched with a fast three-byte search.
fn next_mark(bytes: &[u8], from: usize, c2: bool) -> usize {
    let Some(rest) = bytes.get(from..) else {
        return bytes.len();
    };
    let found = if c2 {
        rest.iter().position(|&b| may_start_mark(b))
    } else {
        memchr::memchr3(b'"', b'\'', 0xE2, rest)
    };
    found.map_or(bytes.len(), |k| from + k)
}

fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':'),
    }
}

/// The family of the opening mark `mark` at `i`, if it opens a quote there.
fn opener(s: &str, i: usize, mark: char) -> Option<Family> {
    let prev = char_before(s, i);
    let next = char_at(s, i + mark.len_utf8());
    match mark {
        '“' | '„' => Some(Family::Double),
        '"' if opens_after(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
            Some(Family::Double)
        }
        '\'' if twin_at(s, i) => (opens_after(prev)
            && char_at(s, i + 2).is_some_and(|n| !n.is_whitespace()))
        .then_some(Family::Twin),
        '«' => Some(Family::Guillemet),
        '‹' => Some(Family::SingleGuillemet),
        '\'' | '‘' if opens_after(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Family::Single)
        }
        _ => None,
    }
}

/// True when the single mark `mark` at `j` can close a quote (it ends a word, and is not
/// a plural possessive followed by more words).
fn closes_single(s: &str, j: usize, mark: char) -> bool {
    let after = j + mark.len_utf8();
    let next = char_at(s, after);
    let Some(p) = char_before(s, j) else {
        return false;
    };
    if p.is_whitespace() || next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let after_word_space = next.is_some_and(|n| {
        n.is_whitespace() && char_at(s, after + n.len_utf8()).is_some_and(char::is_alphanumeric)
    });
    !(matches!(p, 's' | 'S') && after_word_space)
}

/// Finds the closing mark of a quote opened by `opened_with` at `i`; returns its offset,
/// or `None` when the paragraph ends first. `Err(k)` means a new quote clearly opens at
/// `k` first.
fn find_close(
    s: &str,
    i: usize,
    opened_with: char,
    family: Family,
    c2: bool,
) -> Result<Option<usize>, usize> {
    let bytes = s.as_bytes();
    let mut j = i + family.width(opened_with);
    if family == Family::Twin {
        return find_twin_close(s, j);
    }
    loop {
        // Only these marks close a quote, or open the next one: pass everything else.
        let from = j;
        j = next_mark(bytes, j, c2);
        super::work::count(j.saturating_sub(from) + 1);
        if j >= bytes.len() {
            break;
        }
        let Some(ch) = char_at(s, j) else {
            j += 1;
            continue;
        };
        let width = ch.len_utf8();
        if !matches!(ch, '”' | '“' | '"' | '»' | '›' | '\'' | '’') {
            j += width;
            continue;
        }
        match family {
            Family::Double => {
                let prev_space = char_before(s, j).is_some_and(char::is_whitespace);
                let next_word = char_at(s, j + width).is_some_and(char::is_alphanumeric);
                match ch {
                    '”' => return Ok(Some(j)),
                    '“' if opened_with == '„' => return Ok(Some(j)),
                    // Curly marks inside straight ones are a nested quote, as a writer
                    // typing straight marks quotes a slogan pasted with curly ones: pass
                    // it whole when it closes.
                    '“' if opened_with == '"' && prev_space && next_word => {
                        match nested_close(bytes, j + width) {
                            Some(past) => {
                                j = past;
                                continue;
                            }
                            None => return Err(j),
                        }
                    }
                    '“' | '"' if prev_space && next_word && (ch == '“' || opened_with != '"') =>
                    {
                        return Err(j);
                    }
                    '“' | '"' => return Ok(Some(j)),
                    _ => {}
                }
            }
            Family::Guillemet if ch == '»' => return Ok(Some(j)),
            Family::SingleGuillemet if ch == '›' => return Ok(Some(j)),
            Family::Single if matches!(ch, '\'' | '’') && closes_single(s, j, ch) => {
                return Ok(Some(j));
            }
            _ => {}
        }
        j += width;
    }
    Ok(None)
}

/// The offset just past the `”` closing a curly quote nested from `from`, if one does
/// before the next straight mark or the next curly opener.
fn nested_close(bytes: &[u8], from: usize) -> Option<usize> {
    const CLOSE: &[u8] = "”".as_bytes();
    const OPEN: &[u8] = "“".as_bytes();
    let rest = bytes.get(from..)?;
    let close = memchr::memmem::find(rest, CLOSE)?;
    let before = rest.get(..close)?;
    if before.contains(&b'"') || memchr::memmem::find(before, OPEN).is_some() {
        return None;
    }
    Some(from + close + CLOSE.len())
}

/// Finds the two apostrophes closing a quote opened by two apostrophes, searching from
/// `j`: a pair where the next character starts no word. Three apostrophes close a nested
/// single quote and the outer one (`'old-school,'''`: the pair is the last two) after a
/// word, and open a new quote with a nested one (`'''Sir`) after a space, as a pair before
/// a word after a space opens a new quote: `Err` at the new opener.
fn find_twin_close(s: &str, mut j: usize) -> Result<Option<usize>, usize> {
    let bytes = s.as_bytes();
    while let Some(k) = bytes
        .get(j..)
        .and_then(|rest| memchr::memmem::find(rest, b"''"))
    {
        let at = j + k;
        super::work::count(k + 2);
        let prev = char_before(s, at);
        let after_word = prev.is_some_and(|p| !p.is_whitespace() && !opens_after(Some(p)));
        if bytes.get(at + 2) == Some(&b'\'') {
            if after_word {
                return Ok(Some(at + 1));
            }
            return Err(at);
        }
        let next = char_at(s, at + 2);
        if next.is_some_and(char::is_alphanumeric) {
            if opens_after(prev) {
                return Err(at);
            }
            // Inside a word (`don''t`): no mark.
            j = at + 2;
            continue;
        }
        return Ok(Some(at));
    }
    Ok(None)
}

/// Bytes `a..b` of `s` without white space at either end.
fn trimmed(s: &str, a: usize, b: usize) -> (usize, usize) {
    let Some(inside) = s.get(a..b) else {
        return (a, b);
    };
    let rest = inside.trim_start();
    let from = b - rest.len();
    (from, from + rest.trim_end().len())
}

/// The byte length of the white space opening `s`.
fn lead(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// A quote in one paragraph, with the family of its opening mark.
#[derive(Clone, Copy, Debug)]
struct Local {
    piece: Piece,
    family: Family,
}

/// Finds the quotes of one paragraph.
fn scan_paragraph(paragraph: usize, s: &str, out: &mut Vec<Local>) {
    out.clear();
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let lead = lead(s);
    let c2 = memchr::memchr(0xC2, bytes).is_some();
    // No single mark at or after this offset closes a quote: whether one does depends
    // only on the mark, so a second opener past it is not searched again (a paragraph
    // of many `'em` would be read to its end for each).
    let mut no_single_close_from = n + 1;
    loop {
        // Only these marks open a quote (see `opener`): pass everything else quickly.
        let from = i;
        i = next_mark(bytes, i, c2);
        super::work::count(i.saturating_sub(from) + 1);
        if i >= n {
            break;
        }
        let Some(mark) = char_at(s, i) else {
            i += 1;
            continue;
        };
        let mut width = mark.len_utf8();
        if !matches!(mark, '"' | '\'' | '“' | '„' | '«' | '‹' | '‘') {
            i += width;
            continue;
        }
        let Some(family) = opener(s, i, mark) else {
            // A pair of apostrophes that opens nothing is passed over whole.
            i += if twin_at(s, i) { 2 } else { width };
            continue;
        };
        width = family.width(mark);
        let close = if family == Family::Single && i + width >= no_single_close_from {
            Ok(None)
        } else {
            find_close(s, i, mark, family, c2)
        };
        if family == Family::Single && close == Ok(None) {
            no_single_close_from = no_single_close_from.min(i + width);
        }
        let (end, inner_end, closed, resume) = match close {
            Ok(Some(j)) => {
                let past = match family {
                    Family::Twin => j + 2,
                    _ => j + char_at(s, j).map_or(1, char::len_utf8),
                };
                (past, j, true, past)
            }
            Ok(None) => (n, n, false, n),
            Err(k) => {
                let (_, b) = trimmed(s, i + width, k);
                (b, b, false, k)
            }
        };
        let (inner_start, inner_end) = trimmed(s, i + width, inner_end);
        // A lone single mark that never closes is an apostrophe ('em, 'til), unless it
        // opens the paragraph (a quote running on to the next one) or follows a colon.
        let keep = match family {
            Family::Single if !closed => {
                let before = s.get(..i).and_then(|h| h.trim_end().chars().next_back());
                i == lead || before == Some(':')
            }
            // At least two characters inside.
            Family::Single => s
                .get(inner_start..inner_end)
                .is_some_and(|inside| inside.chars().nth(1).is_some()),
            _ => inner_end > inner_start,
        };
        if !keep {
            i += width;
            continue;
        }
        out.push(Local {
            piece: Piece {
                paragraph,
                start: i,
                end,
                inner_start,
                inner_end,
                closed,
            },
            family,
        });
        i = resume;
    }
}

/// Finds every quote in a story's paragraphs (each given as its text).
///
/// An unclosed quote ends with its paragraph unless the next paragraph opens with a quote
/// mark of the same kind, in which case the two are one quote (news convention).
pub fn find<S: AsRef<str>>(paragraphs: &[S]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut open: Option<(usize, Family)> = None; // index in `out`, family, of a run-on
    let mut locals = Vec::new();
    for (p, text) in paragraphs.iter().enumerate() {
        let text = text.as_ref();
        scan_paragraph(p, text, &mut locals);
        let lead = lead(text);
        let mut carried = None;
        for (k, local) in locals.iter().enumerate() {
            let continues =
                k == 0 && local.piece.start == lead && open.is_some_and(|(_, f)| f == local.family);
            match (continues, open) {
                (true, Some((idx, _))) => out[idx].pieces.push(local.piece),
                _ => out.push(Found {
                    pieces: vec![local.piece],
                }),
            }
            let last = k + 1 == locals.len();
            if last && !local.piece.closed && local.piece.end == text.len() {
                carried = Some((out.len() - 1, local.family));
            }
        }
        open = carried;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(paras: &[&str]) -> Vec<Vec<(usize, String)>> {
        find(paras)
            .into_iter()
            .map(|f| {
                f.pieces
                    .iter()
                    .map(|pc| {
                        (
                            pc.paragraph,
                            paras[pc.paragraph][pc.inner_start..pc.inner_end].to_string(),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        let q = quotes(&["\"We go,\" she said. “We stay,” he said."]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0][0].1, "We go,");
        assert_eq!(q[1][0].1, "We stay,");
    }

    #[test]
    fn guillemets_and_low_nine_openers() {
        let q = quotes(&["« Nous partons », dit-il. „Wir bleiben“, sagte sie."]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0][0].1, "Nous partons");
        assert_eq!(q[1][0].1, "Wir bleiben");
    }

    #[test]
    fn nested_single_quotes_do_not_end_a_quote() {
        let q = quotes(&["\"Back the 'Made Here' label and it's done,\" he said."]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0][0].1, "Back the 'Made Here' label and it's done,");
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let q = quotes(&[
            "The '90s band's fans' rock 'n' roll night, it's said, was the ministers' idea.",
        ]);
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn uk_single_quote_speech() {
        let q = quotes(&["'We will act,' she said. 'The members' vote was clear.'"]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0][0].1, "We will act,");
        assert_eq!(q[1][0].1, "The members' vote was clear.");
    }

    #[test]
    fn run_on_quote_spans_paragraphs() {
        let q = quotes(&[
            "\"First part.",
            "\"Second part.",
            "\"Third,\" he said.",
            "After.",
        ]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].len(), 3);
        assert_eq!(q[0][2], (2, "Third,".to_string()));
    }

    #[test]
    fn unclosed_quote_stays_in_its_paragraph() {
        let q = quotes(&[
            "\"Never closed, he said.",
            "Plain text.",
            "\"Next,\" she said.",
        ]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0], vec![(0, "Never closed, he said.".to_string())]);
        assert_eq!(q[1][0].0, 2);
    }

    #[test]
    fn new_opener_ends_an_unclosed_curly_quote() {
        let q = quotes(&["“We won, he said. “And we will win again.”"]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0][0].1, "We won, he said.");
    }

    #[test]
    fn curly_quote_nests_inside_a_straight_one() {
        let q =
            quotes(&["\"The board isn't about “Service First” now. It is about cost,\" she said."]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0][0].1,
            "The board isn't about “Service First” now. It is about cost,"
        );
        // Unclosed, the straight quote runs to the paragraph's end over the nested one.
        let q = quotes(&["\"The plan isn't about “growth” any more, and it runs on."]);
        assert_eq!(
            q[0][0].1,
            "The plan isn't about “growth” any more, and it runs on."
        );
        // A curly quote after a closed straight one is a quote of its own.
        let q = quotes(&["\"We go,\" she said. “We stay,” he said."]);
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn spans_cover_the_marks_in_bytes() {
        let f = find(&["Élan: “Oui.”"]);
        assert_eq!((f[0].pieces[0].start, f[0].pieces[0].end), (7, 17));
    }

    #[test]
    fn two_apostrophes_quote_like_double_marks() {
        let q = quotes(&[
            "''This isn't tax reform,'' said Ruth Okafor. She called it ''a giveaway'' to donors.",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0][0].1, "This isn't tax reform,");
        assert_eq!(q[1][0].1, "a giveaway");
        let f = find(&["''We go,'' she said."]);
        assert_eq!((f[0].pieces[0].start, f[0].pieces[0].end), (0, 10));
    }

    #[test]
    fn single_marks_nest_inside_two_apostrophes() {
        let q = quotes(&[
            "''He told me, 'We are old-school,''' said Tomas Berg. ''I said, 'No.' ''",
            "'''Sir, we've decided,' he wrote,'' she recalled.",
        ]);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0][0].1, "He told me, 'We are old-school,'");
        assert_eq!(q[1][0].1, "I said, 'No.'");
        assert_eq!(q[2][0], (1, "'Sir, we've decided,' he wrote,".to_string()));
    }

    #[test]
    fn two_apostrophes_in_a_word_or_after_a_possessive_are_no_quote() {
        let q = quotes(&["The candidates'' debate ran late, and don''t ask who won."]);
        assert!(q.is_empty(), "{q:?}");
        // A pair after a space, before a space, closes nothing and opens nothing.
        assert!(quotes(&["Ten feet '' tall."]).is_empty());
    }

    #[test]
    fn two_apostrophes_run_on_and_a_new_opener_ends_an_unclosed_one() {
        let q = quotes(&[
            "''First part.",
            "''Second part,'' he said.",
            "''Never closed. ''Next one,'' she said.",
        ]);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0].len(), 2);
        assert_eq!(q[0][1], (1, "Second part,".to_string()));
        assert_eq!(q[1][0], (2, "Never closed.".to_string()));
        assert_eq!(q[2][0], (2, "Next one,".to_string()));
    }

    #[test]
    fn a_closing_pair_may_follow_a_space() {
        let q = quotes(&["''We had to build coalitions, '' said Mr. Gunne."]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0][0].1, "We had to build coalitions,");
    }
}
