//! Remembering what a phrase was classified as, so that the same words asked again (the
//! same name read by the prose, the attribution and the titles, the same "the ministry"
//! in story after story) are answered without reading them again.
//!
//! [`super::classify`] reads nothing but the words' text (their case, lower case and order
//! follow from it; punctuation is dropped before it reads), so its answer is a function of
//! that text alone, and a remembered answer is the answer. Decides only the key and when
//! the memory is let go: after [`CAPACITY`] phrases on a thread, all are forgotten, which
//! bounds the memory whatever the corpus.

use std::cell::RefCell;
use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::Mention;
use crate::quotes::tokens::Token;

/// How many phrases a thread remembers before it forgets them all.
pub const CAPACITY: usize = 4096;

/// The remembered answers of one thread, and a key buffer reused between questions.
#[derive(Default)]
struct Memo {
    answers: HashMap<Box<[u8]>, Option<Mention>, FixedState>,
    key: Vec<u8>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Writes the key of the words of `tokens` into `key`: each word's length, then its
/// bytes (no two lists of words share a key).
fn key_into(tokens: &[Token], key: &mut Vec<u8>) {
    key.clear();
    for t in tokens.iter().filter(|t| t.is_word()) {
        key.extend_from_slice(&(t.text.len() as u32).to_le_bytes());
        key.extend_from_slice(t.text.as_bytes());
    }
}

/// What `classify` says of `tokens`, remembered on this thread: `classify` is asked only
/// the first time the same words are.
pub fn remembered(
    tokens: &[Token],
    classify: impl FnOnce(&[Token]) -> Option<Mention>,
) -> Option<Mention> {
    let key: Box<[u8]> = match MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let Memo { answers, key } = &mut *memo;
        key_into(tokens, key);
        answers
            .get(key.as_slice())
            .cloned()
            .ok_or_else(|| key.as_slice().into())
    }) {
        Ok(answer) => return answer,
        Err(key) => key,
    };
    // Asked with the memory let go, so that a question inside it could be remembered too.
    let answer = classify(tokens);
    MEMO.with(|memo| {
        let answers = &mut memo.borrow_mut().answers;
        if answers.len() >= CAPACITY {
            answers.clear();
        }
        answers.insert(key, answer.clone());
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::{Kind, tokenize};
    use std::cell::Cell;

    #[test]
    fn the_same_words_are_classified_once() {
        let asked = Cell::new(0);
        let classify = |t: &[Token]| {
            asked.set(asked.get() + 1);
            Some(Mention::Anonymous(t[0].text.to_string()))
        };
        let a = remembered(&tokenize("zyx memo wordsa", 0), classify);
        // The same words elsewhere, with punctuation between them, are the same question.
        let b = remembered(&tokenize("zyx, memo wordsa", 7), classify);
        assert_eq!(a, b);
        assert_eq!(asked.get(), 1);
    }

    #[test]
    fn different_words_are_different_questions() {
        let mut k1 = Vec::new();
        let mut k2 = Vec::new();
        key_into(&tokenize("ab c", 0), &mut k1);
        key_into(&tokenize("a bc", 0), &mut k2);
        assert_ne!(k1, k2);
        key_into(&[Token::new("ab", Kind::Word, 0)], &mut k2);
        assert_ne!(k1, k2);
    }

    #[test]
    fn the_memory_is_bounded() {
        for n in 0..CAPACITY + 10 {
            let words = format!("memo bound {n}");
            remembered(&tokenize(&words, 0), |_| None);
        }
        MEMO.with(|m| assert!(m.borrow().answers.len() <= CAPACITY));
    }
}
