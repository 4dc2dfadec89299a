//! What a story's own words tell about a capitalised phrase: a word the story also
//! writes in lower case ("left", "common", "history") is a common word, and a phrase
//! made with one ("Child Left Behind", "Common Core") is no one's name.
//!
//! The words written in lower case are gathered once per story, on the first question,
//! in one pass over its text; each question then costs one look-up per word.

use std::cell::OnceCell;
use std::collections::HashSet;

use foldhash::fast::RandomState;

use super::lower::Lower;
use super::names::{Gender, gender_of_given_name, is_particle};
use super::paragraph::Paragraph;

/// A story's words, read for what they say about capitalised phrases.
pub struct StoryWords<'s, 'a> {
    paras: &'s [Paragraph<'a>],
    /// Every word the story writes starting with a lower-case letter.
    lower: OnceCell<HashSet<&'a str, RandomState>>,
}

impl<'s, 'a> StoryWords<'s, 'a> {
    /// The words of the paragraphs, not read yet.
    pub fn new(paras: &'s [Paragraph<'a>]) -> Self {
        StoryWords {
            paras,
            lower: OnceCell::new(),
        }
    }

    /// Whether the story writes `word` in lower case somewhere.
    pub fn written_lower(&self, word: &str) -> bool {
        let set = self.lower.get_or_init(|| {
            let mut set = HashSet::default();
            for p in self.paras {
                super::work::count(p.len());
                for w in p
                    .text
                    .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
                {
                    if w.chars().next().is_some_and(char::is_lowercase) {
                        set.insert(w);
                    }
                }
            }
            set
        });
        let lower = Lower::of(word);
        set.contains(lower.as_str())
    }

    /// Whether a name of several words may be no one's: no given name opens it, and one
    /// of its words is a common word of the story.
    pub fn doubtful_name(&self, name: &str) -> bool {
        let mut words = name.split_whitespace();
        let Some(first) = words.next() else {
            return false;
        };
        if gender_of_given_name(first) != Gender::Unknown {
            return false;
        }
        std::iter::once(first)
            .chain(words)
            .any(|w| w.chars().count() > 1 && !is_particle(w) && self.written_lower(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_of_common_words_is_doubtful_and_a_name_is_not() {
        let text = [
            "No pupil is left behind, the board said, and the common plan stands.",
            "Child Left Behind was the old law; Common Core came later.",
            "Dana Reyes and Okoro Vance spoke, and Wilma Lee van Dijk too.",
        ];
        let paras: Vec<Paragraph<'_>> = text.iter().map(|t| Paragraph::new(t)).collect();
        let words = StoryWords::new(&paras);
        assert!(words.written_lower("Behind"));
        assert!(!words.written_lower("Vance"));
        assert!(words.doubtful_name("Child Left Behind"));
        assert!(words.doubtful_name("Common Core"));
        assert!(!words.doubtful_name("Okoro Vance"));
        // A given name opens a name, whatever its other words.
        assert!(!words.doubtful_name("Dana Reyes"));
        // Particles are lower-case words of names.
        assert!(!words.doubtful_name("Okoro van Dijk"));
    }
}
