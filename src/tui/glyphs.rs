//! Drawing for terminals that cannot show UTF-8: whether the locale is UTF-8, and the
//! ASCII stand-ins for what the reader draws (borders, marks, quote glyphs, the
//! progress bar) and for any other character of the page text.
//!
//! The reader lays a frame out as usual, then [`to_ascii`] rewrites every cell, one
//! cell for one cell, so the layout (and the mouse areas) stay exactly as drawn. It
//! decides glyphs only; it may not move or restyle anything.

use ratatui::buffer::Buffer;
use unicode_normalization::UnicodeNormalization;

/// Whether the locale says UTF-8. As the C library decides, the first of `LC_ALL`,
/// `LC_CTYPE` and `LANG` that is set (and not empty) decides; UTF-8 when it names
/// `UTF-8` (or `utf8`) as its codeset. With none set, UTF-8 is assumed, as almost
/// every terminal today uses it. `var` reads one environment variable.
pub fn locale_is_utf8(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .is_none_or(|locale| {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        })
}

/// Whether to draw ASCII only: `--ascii` was given, or the environment's locale is
/// not UTF-8.
pub fn ascii_wanted(flag: bool) -> bool {
    flag || !locale_is_utf8(|name| std::env::var(name).ok())
}

/// The ASCII stand-in for one character the reader draws or a page may hold.
pub fn ascii_char(c: char) -> char {
    match c {
        ' '..='~' => c,
        // Box drawing: lines, then corners and joints.
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '═' | '╌' | '╍' => '-',
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '║' | '╎' | '╏' => '|',
        '\u{2500}'..='\u{257F}' => '+',
        // Marks: unread, read, starred, the quote gutter, the progress bar.
        '●' | '•' | '∙' | '◦' => '*',
        '✓' | '✔' => 'v',
        '★' | '☆' => '*',
        '▌' | '▐' | '▏' | '▎' | '▍' | '▋' | '▊' | '▉' => '|',
        '█' | '▓' => '#',
        '░' | '▒' => '.',
        // Quote glyphs and punctuation.
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '〃' => '"',
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' | '´' => '\'',
        '「' | '」' | '『' | '』' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '…' | '·' | '⋯' => '.',
        '→' | '⇒' => '>',
        '←' | '⇐' => '<',
        '↑' => '^',
        '↓' => 'v',
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{3000}' => ' ',
        _ => c
            .to_string()
            .nfd()
            .next()
            .filter(char::is_ascii)
            .filter(|b| !b.is_ascii_control())
            .unwrap_or('?'),
    }
}

/// Rewrites every cell of `buf` in ASCII: a cell holding a character (or a cluster)
/// outside ASCII gets its stand-in ([`ascii_char`] of its first character), a wide
/// one `?`; the cells after a wide character stay blank, so columns do not move.
pub fn to_ascii(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if symbol.is_ascii() {
            continue;
        }
        let mut chars = symbol.chars();
        let first = chars.next().unwrap_or(' ');
        // A cluster (a letter with combining marks) folds to its letter.
        let folded = ascii_char(first);
        let stand_in = if crate::tui::text::width(symbol) > 1 {
            '?'
        } else {
            folded
        };
        cell.set_char(stand_in);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_first_set_of_lc_all_lc_ctype_lang_decides() {
        assert!(locale_is_utf8(env(&[])));
        assert!(locale_is_utf8(env(&[("LANG", "en_GB.UTF-8")])));
        assert!(locale_is_utf8(env(&[("LANG", "C.utf8")])));
        assert!(!locale_is_utf8(env(&[("LANG", "C")])));
        assert!(!locale_is_utf8(env(&[("LANG", "POSIX")])));
        assert!(!locale_is_utf8(env(&[("LANG", "de_DE.ISO-8859-1")])));
        assert!(!locale_is_utf8(env(&[
            ("LC_ALL", "C"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(locale_is_utf8(env(&[
            ("LC_ALL", ""),
            ("LC_CTYPE", "en_US.UTF-8"),
            ("LANG", "C")
        ])));
        assert!(!locale_is_utf8(env(&[
            ("LC_CTYPE", "C"),
            ("LANG", "en_US.UTF-8")
        ])));
    }

    #[test]
    fn glyphs_fall_back_to_ascii() {
        for (from, to) in [
            ('─', '-'),
            ('│', '|'),
            ('┌', '+'),
            ('┘', '+'),
            ('●', '*'),
            ('✓', 'v'),
            ('★', '*'),
            ('▌', '|'),
            ('“', '"'),
            ('”', '"'),
            ('’', '\''),
            ('…', '.'),
            ('é', 'e'),
            ('Ç', 'C'),
            ('ß', '?'),
            ('a', 'a'),
        ] {
            assert_eq!(ascii_char(from), to, "{from}");
        }
    }
}
