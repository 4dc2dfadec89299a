//! Splitting the prose around a quote into words and punctuation, with character offsets.
//!
//! Tokens keep their text inline (words are short), and a word's lower case is made
//! only when it differs from the word, on the stack when it is short: reading a story
//! allocates almost nothing per word.

use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;

/// A word in lower case: borrowed from the word when it has no capitals, else made
/// inline (short ASCII words) or on the heap.
#[derive(Clone, PartialEq, Eq)]
pub struct Lower<'a>(LowerText<'a>);

#[derive(Clone, PartialEq, Eq)]
enum LowerText<'a> {
    Same(&'a str),
    Made(CompactString),
}

impl<'a> Lower<'a> {
    /// The lower case of `word` (exactly [`str::to_lowercase`]).
    pub fn of(word: &'a str) -> Self {
        if !word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            return Lower(LowerText::Same(word));
        }
        if word.is_ascii() {
            let mut made = CompactString::from(word);
            made.make_ascii_lowercase();
            return Lower(LowerText::Made(made));
        }
        Lower(LowerText::Made(CompactString::from(word.to_lowercase())))
    }

    /// The lower-case word.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerText::Same(s) => s,
            LowerText::Made(s) => s.as_str(),
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Lower<'_>> for String {
    fn from(lower: Lower<'_>) -> String {
        lower.as_str().to_string()
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A word (letters, digits, inner hyphens, apostrophes and abbreviation dots).
    Word,
    /// A comma.
    Comma,
    /// A colon.
    Colon,
    /// A sentence end: `.`, `?`, `!`, `;` or an ellipsis.
    Stop,
    /// A dash standing between words.
    Dash,
    /// Any other punctuation (brackets, stray quote marks).
    Other,
}

/// One word or punctuation mark of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The text as written (kept inline: words are short).
    pub text: CompactString,
    /// What it is.
    pub kind: Kind,
    /// Character offset of its first character in the paragraph.
    pub start: usize,
}

impl Token {
    /// True for a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// The word in lower case.
    pub fn lower(&self) -> Lower<'_> {
        Lower::of(&self.text)
    }

    /// True when the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Abbreviations whose final dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "st",
    "jr", "sr", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "vs", "mt", "ft", "adm", "maj", "rev", "hon", "supt", "insp", "det",
    "cmdr", "brig", "cpl", "pte", "messrs", "mme", "mlle", "esq",
];

fn punct_kind(c: char) -> Kind {
    match c {
        ',' => Kind::Comma,
        ':' => Kind::Colon,
        '.' | '?' | '!' | ';' | '…' => Kind::Stop,
        '—' | '–' | '-' => Kind::Dash,
        _ => Kind::Other,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The text of `chars`, built on the stack when short.
fn text_of(chars: &[char]) -> CompactString {
    let mut buf = [0u8; 64];
    let mut len = 0;
    for &c in chars {
        if len + c.len_utf8() > buf.len() {
            return chars.iter().collect::<String>().into();
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    std::str::from_utf8(&buf[..len]).map_or_else(
        |_| chars.iter().collect::<String>().into(),
        CompactString::from,
    )
}

/// Splits `chars` into tokens; offsets are `base` plus the position in `chars`.
pub fn tokenize(chars: &[char], base: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    let n = chars.len();
    while i < n {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && !chars[i].is_whitespace() {
            i += 1;
        }
        chunk(&chars[start..i], base + start, &mut out);
    }
    out
}

/// Tokenises one whitespace-free chunk.
fn chunk(c: &[char], base: usize, out: &mut Vec<Token>) {
    let Some(first) = c.iter().position(|&ch| is_word_char(ch)) else {
        // Only punctuation: a dash like "--" is one dash, else each mark is a token.
        if c.iter().all(|&ch| matches!(ch, '-' | '—' | '–')) {
            out.push(Token {
                text: text_of(c),
                kind: Kind::Dash,
                start: base,
            });
        } else {
            for (k, &ch) in c.iter().enumerate() {
                out.push(Token {
                    text: CompactString::from(&*ch.encode_utf8(&mut [0; 4])),
                    kind: punct_kind(ch),
                    start: base + k,
                });
            }
        }
        return;
    };
    let last = c.iter().rposition(|&ch| is_word_char(ch)).unwrap_or(first);
    for (k, &ch) in c[..first].iter().enumerate() {
        out.push(Token {
            text: CompactString::from(&*ch.encode_utf8(&mut [0; 4])),
            kind: punct_kind(ch),
            start: base + k,
        });
    }
    let mut end = last + 1;
    // Keep a plural possessive apostrophe ("ministers'") and an abbreviation's dot.
    if end < c.len() && matches!(c[end], '\'' | '’') && matches!(c[last], 's' | 'S') {
        end += 1;
    } else if end < c.len() && c[end] == '.' {
        let word: CompactString = text_of(&c[first..end]);
        let single_letter = end - first == 1 && c[first].is_alphabetic();
        if word.contains('.') || single_letter || ABBREVIATIONS.contains(&Lower::of(&word).as_str())
        {
            end += 1;
        }
    }
    out.push(Token {
        text: text_of(&c[first..end]),
        kind: Kind::Word,
        start: base + first,
    });
    for (k, &ch) in c[end..].iter().enumerate() {
        out.push(Token {
            text: CompactString::from(&*ch.encode_utf8(&mut [0; 4])),
            kind: punct_kind(ch),
            start: base + end + k,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, Kind)> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars, 0)
            .into_iter()
            .map(|t| (t.text.into(), t.kind))
            .collect()
    }

    #[test]
    fn splits_punctuation_from_words() {
        let t = kinds("said Jane Roe, an analyst.");
        assert_eq!(t[2], ("Roe".into(), Kind::Word));
        assert_eq!(t[3], (",".into(), Kind::Comma));
        assert_eq!(t.last(), Some(&(".".into(), Kind::Stop)));
    }

    #[test]
    fn keeps_abbreviations_and_possessives() {
        let t = kinds("Sen. Tom Harlan of the U.S. ministers' view");
        assert_eq!(t[0].0, "Sen.");
        assert_eq!(t[5].0, "U.S.");
        assert_eq!(t[6].0, "ministers'");
        assert!(t.iter().all(|(_, k)| *k == Kind::Word));
    }

    #[test]
    fn offsets_are_in_characters() {
        let chars: Vec<char> = "« Été » dit".chars().collect();
        let t = tokenize(&chars, 10);
        assert_eq!(t[1].text, "Été");
        assert_eq!(t[1].start, 12);
        assert_eq!(t[3].start, 18);
    }
}
