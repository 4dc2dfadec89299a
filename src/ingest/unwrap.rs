//! Hard-wrapped lines rejoined into paragraphs.
//!
//! [`join_wrapped`] joins the lines of one paragraph: with a space, or with nothing
//! where a line ends in a hyphen inside a word (`Holtz-` / `Eakin`), as wrapping
//! breaks after the hyphens of compounds and never adds one.
//!
//! Decides only how lines are joined and, for a whole page, which line breaks are
//! wrapping; what a paragraph is for is decided elsewhere.

/// The lines of one paragraph joined into one line.
pub fn join_wrapped<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() && !joins_without_space(&out, line) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// True when a line ending `before` and the next line starting `after` meet inside a
/// word broken after its hyphen: a letter, a hyphen, then a letter.
fn joins_without_space(before: &str, after: &str) -> bool {
    let mut tail = before.chars().rev();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && after.chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_join_with_a_space_or_at_a_broken_compound() {
        assert_eq!(
            join_wrapped(&["  Douglas Holtz-", "Eakin said - and", "then left. "]),
            "Douglas Holtz-Eakin said - and then left."
        );
        assert_eq!(join_wrapped::<&str>(&[]), "");
    }
}
