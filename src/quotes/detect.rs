//! Finding quote spans: which quote marks open and close speech, paragraph by paragraph,
//! and which quotes run on over several paragraphs.
//!
//! One linear scan per paragraph. Double marks (straight, curly, low-9, guillemets) open a
//! quote in which single marks are only nested quotes or apostrophes. A single mark opens
//! a quote only at the start of a word that begins with a letter, and closes one only
//! where it ends a word without being a plural possessive (`ministers' view`), so
//! apostrophes (`it's`, `'90s`, `rock 'n' roll`) never count.

/// One stretch of a quote inside one paragraph, in character offsets.
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
}

fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':'),
    }
}

/// The family of an opening mark at `i`, if the character opens a quote there.
fn opener(c: &[char], i: usize) -> Option<Family> {
    let prev = i.checked_sub(1).map(|k| c[k]);
    let next = c.get(i + 1).copied();
    match c[i] {
        '“' | '„' => Some(Family::Double),
        '"' if opens_after(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
            Some(Family::Double)
        }
        '«' => Some(Family::Guillemet),
        '‹' => Some(Family::SingleGuillemet),
        '\'' | '‘' if opens_after(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Family::Single)
        }
        _ => None,
    }
}

/// True when the single mark at `j` can close a quote (it ends a word, and is not a
/// plural possessive followed by more words).
fn closes_single(c: &[char], j: usize) -> bool {
    let prev = j.checked_sub(1).map(|k| c[k]);
    let next = c.get(j + 1).copied();
    let Some(p) = prev else { return false };
    if p.is_whitespace() || next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let after_word_space =
        next.is_some_and(char::is_whitespace) && c.get(j + 2).is_some_and(|n| n.is_alphanumeric());
    !(matches!(p, 's' | 'S') && after_word_space)
}

/// Finds the closing mark of a quote opened at `i`; returns its offset, or `None` when the
/// paragraph ends first. `Err(k)` means a new quote clearly opens at `k` first.
fn find_close(c: &[char], i: usize, family: Family) -> Result<Option<usize>, usize> {
    let opened_with = c[i];
    let mut j = i + 1;
    while j < c.len() {
        let ch = c[j];
        // Only these marks close a quote, or open the next one: pass everything else.
        if !matches!(ch, '”' | '“' | '"' | '»' | '›' | '\'' | '’') {
            j += 1;
            continue;
        }
        match family {
            Family::Double => {
                let prev_space = c[j - 1].is_whitespace();
                let next_word = c.get(j + 1).is_some_and(|n| n.is_alphanumeric());
                match ch {
                    '”' => return Ok(Some(j)),
                    '“' if opened_with == '„' => return Ok(Some(j)),
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
            Family::Single if matches!(ch, '\'' | '’') && closes_single(c, j) => {
                return Ok(Some(j));
            }
            _ => {}
        }
        j += 1;
    }
    Ok(None)
}

fn trimmed(c: &[char], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && c[a].is_whitespace() {
        a += 1;
    }
    while b > a && c[b - 1].is_whitespace() {
        b -= 1;
    }
    (a, b)
}

/// A quote in one paragraph, with the family of its opening mark.
#[derive(Clone, Copy, Debug)]
struct Local {
    piece: Piece,
    family: Family,
}

/// Finds the quotes of one paragraph.
fn scan_paragraph(paragraph: usize, c: &[char]) -> Vec<Local> {
    let mut out = Vec::new();
    let mut i = 0;
    let lead = c.iter().take_while(|ch| ch.is_whitespace()).count();
    while i < c.len() {
        // Only these marks open a quote (see `opener`): pass everything else quickly.
        if !matches!(c[i], '"' | '\'' | '“' | '„' | '«' | '‹' | '‘') {
            i += 1;
            continue;
        }
        let Some(family) = opener(c, i) else {
            i += 1;
            continue;
        };
        let close = find_close(c, i, family);
        let (end, inner_end, closed, resume) = match close {
            Ok(Some(j)) => (j + 1, j, true, j + 1),
            Ok(None) => (c.len(), c.len(), false, c.len()),
            Err(k) => {
                let (_, b) = trimmed(c, i + 1, k);
                (b, b, false, k)
            }
        };
        let (inner_start, inner_end) = trimmed(c, i + 1, inner_end);
        let inner_len = inner_end.saturating_sub(inner_start);
        // A lone single mark that never closes is an apostrophe ('em, 'til), unless it
        // opens the paragraph (a quote running on to the next one) or follows a colon.
        let keep = match family {
            Family::Single if !closed => {
                let before = c[..i].iter().rev().find(|ch| !ch.is_whitespace());
                i == lead || before == Some(&':')
            }
            Family::Single => inner_len >= 2,
            _ => inner_len >= 1,
        };
        if !keep {
            i += 1;
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
    out
}

/// Finds every quote in a story's paragraphs (each given as its characters).
///
/// An unclosed quote ends with its paragraph unless the next paragraph opens with a quote
/// mark of the same kind, in which case the two are one quote (news convention).
///
/// A paragraph given as no characters holds no quote: a paragraph without any mark that
/// may open one can be given so (see [`Paragraph`](super::paragraph::Paragraph)).
pub fn find<C: AsRef<[char]>>(paragraphs: &[C]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut open: Option<(usize, Family)> = None; // index in `out`, family, of a run-on
    for (p, chars) in paragraphs.iter().enumerate() {
        let chars = chars.as_ref();
        let locals = scan_paragraph(p, chars);
        let lead = chars.iter().take_while(|ch| ch.is_whitespace()).count();
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
            if last && !local.piece.closed && local.piece.end == chars.len() {
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
        let chars: Vec<Vec<char>> = paras.iter().map(|p| p.chars().collect()).collect();
        find(&chars)
            .into_iter()
            .map(|f| {
                f.pieces
                    .iter()
                    .map(|pc| {
                        (
                            pc.paragraph,
                            chars[pc.paragraph][pc.inner_start..pc.inner_end]
                                .iter()
                                .collect(),
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
    fn spans_cover_the_marks_in_characters() {
        let chars: Vec<Vec<char>> = vec!["Élan: “Oui.”".chars().collect()];
        let f = find(&chars);
        assert_eq!((f[0].pieces[0].start, f[0].pieces[0].end), (6, 12));
    }
}
