//! What a story's own words tell about a capitalised phrase: a word the story also
//! writes in lower case ("left", "common", "history") is a common word, and a phrase
//! made with one ("Child Left Behind", "Common Core") is no one's name.
//!
//! A question is answered by searching the story's bytes for the word in lower case,
//! which for the few names a story asks about is cheaper than gathering every word.
//! Once the searches have read some times the story's length (a page of thousands of
//! names), the words written in lower case are gathered in one pass into a set, and each
//! later question costs one look-up per word: the cost stays linear in the story.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashSet;

use compact_str::CompactString;
use foldhash::fast::RandomState;

use super::lower::Lower;
use super::names::{Gender, gender_of_given_name, is_particle};
use super::paragraph::Paragraph;

/// How many times its length the story's text is searched, question by question, before
/// its lower-case words are gathered into a set.
const SEARCHES: usize = 64;

/// A story's words, read for what they say about capitalised phrases.
pub struct StoryWords<'s, 'a> {
    paras: &'s [Paragraph<'a>],
    /// The bytes of all the paragraphs.
    length: usize,
    /// The bytes the searches may still read before the set is made.
    budget: Cell<usize>,
    /// The paragraphs' text joined by line breaks, made for the first search.
    joined: OnceCell<String>,
    /// The words searched for, and the answers (at most [`SEARCHES`], one a search).
    searched: RefCell<Vec<(CompactString, bool)>>,
    /// Every word the story writes starting with a lower-case letter, once made.
    lower: OnceCell<HashSet<&'a str, RandomState>>,
}

/// True for a character of a word, as the story's text is cut into words.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

/// Whether `text` has `word` standing alone at byte `at` (no word character on either side).
fn stands_alone(text: &str, at: usize, word: &str) -> bool {
    let end = at + word.len();
    !text[..at].chars().next_back().is_some_and(in_word)
        && !text[end..].chars().next().is_some_and(in_word)
}

impl<'s, 'a> StoryWords<'s, 'a> {
    /// The words of the paragraphs, not read yet.
    pub fn new(paras: &'s [Paragraph<'a>]) -> Self {
        let length: usize = paras.iter().map(Paragraph::len).sum();
        StoryWords {
            paras,
            length,
            budget: Cell::new(SEARCHES * length),
            joined: OnceCell::new(),
            searched: RefCell::new(Vec::new()),
            lower: OnceCell::new(),
        }
    }

    /// The set of words written starting with a lower-case letter.
    fn lower_words(&self) -> &HashSet<&'a str, RandomState> {
        self.lower.get_or_init(|| {
            let mut set = HashSet::default();
            for p in self.paras {
                super::work::count(p.len());
                for w in p.text.split(|c: char| !in_word(c)) {
                    if w.chars().next().is_some_and(char::is_lowercase) {
                        set.insert(w);
                    }
                }
            }
            set
        })
    }

    /// Whether the story writes `word` in lower case somewhere.
    pub fn written_lower(&self, word: &str) -> bool {
        let lower = Lower::of(word);
        let lower = lower.as_str();
        // Only a word opening with a lower-case letter is gathered, and a word is cut
        // at every other character.
        if !lower.chars().next().is_some_and(char::is_lowercase) || !lower.chars().all(in_word) {
            return false;
        }
        if let Some(set) = self.lower.get() {
            return set.contains(lower);
        }
        if let Some(&(_, answer)) = self.searched.borrow().iter().find(|(w, _)| w == lower) {
            return answer;
        }
        let Some(left) = self.budget.get().checked_sub(self.length) else {
            return self.lower_words().contains(lower);
        };
        self.budget.set(left);
        let joined = self.joined.get_or_init(|| {
            let mut joined = String::with_capacity(self.length + self.paras.len());
            for p in self.paras {
                joined.push_str(p.text);
                joined.push('\n');
            }
            joined
        });
        super::work::count(joined.len());
        let answer = memchr::memmem::find_iter(joined.as_bytes(), lower)
            .any(|at| stands_alone(joined, at, lower));
        self.searched.borrow_mut().push((lower.into(), answer));
        answer
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
