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

    /// Whether a name of several words may be no one's: no given name opens it, one of
    /// its words is a common word of the story, and no full name ends it (see
    /// [`StoryWords::name_in`]).
    pub fn doubtful_name(&self, name: &str) -> bool {
        self.name_in(name).is_none()
    }

    /// The person's name in a capitalised phrase of several words: the phrase, when a
    /// given name opens it or it has no common word of the story; else the full name
    /// ending it, from a given name on, with no common word in it ("Ann Lee" in "Harbour
    /// Democrat Ann Lee": the title words before it written in lower case elsewhere);
    /// else none ("Child Left Behind", "Common Core").
    pub fn name_in<'n>(&self, name: &'n str) -> Option<&'n str> {
        // Most names open with a given name, and are not cut into words.
        let Some(first) = name.split_whitespace().next() else {
            return Some(name);
        };
        if gender_of_given_name(first) != Gender::Unknown {
            return Some(name);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let common = |w: &&str| w.chars().count() > 1 && !is_particle(w) && self.written_lower(w);
        let Some(k) = words.iter().position(common) else {
            return Some(name);
        };
        // The last given name with a word after it, past the first common word (when
        // the words from one given name on have no common word, neither have those from
        // a later one).
        let g = (k + 1..words.len().saturating_sub(1))
            .rev()
            .find(|&g| gender_of_given_name(words[g]) != Gender::Unknown)?;
        if words[g..].iter().any(common) {
            return None;
        }
        // The words are slices of `name`.
        let from = words[g].as_ptr() as usize - name.as_ptr() as usize;
        name.get(from..)
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

    #[test]
    fn a_full_name_after_title_words_is_someone_s() {
        let text = [
            "The panel spent the morning on intelligence budgets and judiciary rules.",
            "Intelligence Republican Lena Okafor said the budget was sound.",
            "Judiciary Democrat Mike Marsh said it was not, and the marsh road stays shut.",
            "The day ended with the Intelligence Committee, and Saint Patrick Day came after.",
        ];
        let paras: Vec<Paragraph<'_>> = text.iter().map(|t| Paragraph::new(t)).collect();
        let words = StoryWords::new(&paras);
        assert!(words.written_lower("Intelligence"));
        // A title the story writes in lower case, then a given name and a surname.
        assert!(!words.doubtful_name("Intelligence Republican Lena Okafor"));
        assert!(!words.doubtful_name("Intelligence Lena Okafor"));
        assert_eq!(
            words.name_in("Intelligence Republican Lena Okafor"),
            Some("Lena Okafor")
        );
        assert_eq!(words.name_in("Okoro Vance"), Some("Okoro Vance"));
        assert_eq!(words.name_in("Mike Marsh"), Some("Mike Marsh"));
        assert_eq!(words.name_in("Intelligence Committee"), None);
        // The surname itself a common word of the story: no one's name.
        assert!(words.doubtful_name("Judiciary Democrat Mike Marsh"));
        // No given name, or a common word after it: still no one's.
        assert!(words.doubtful_name("Intelligence Committee"));
        assert!(words.doubtful_name("Saint Patrick Day"));
        // A given name alone at the end names no one either.
        assert!(words.doubtful_name("Judiciary Republican Lena"));
    }
}
