//! Name shapes: what a person's name looks like. Capitalised words that are not titles,
//! organisation nouns or acronyms, with particles (`von der`, `da`) and prefixes
//! (`al-`, `d'`) inside, a peer's title and seat (`Lord Smith of Finsbury`), and a trailing
//! "of Place" that is not part of the name.
//!
//! Decides where a name starts and ends in a phrase's words. It does not decide what the
//! words before a name are (a title: [`titles`](super::titles)) nor what a whole phrase is
//! ([`classify`](super::classify)); it uses the word lists and title lists, never the
//! other way round.

use std::sync::LazyLock;

use super::lists::{NOT_NAMES, ORG_WORDS, set};
use super::roles::{ROLE_NOUNS, TITLE_WORDS};
use crate::quotes::tokens::Token;
use crate::quotes::wordset::{LoweredKey, WordSet};

/// Particles inside names ("Erik ten Hag", "Ursula von der Leyen").
pub(super) static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "van", "von", "de", "der", "den", "ten", "ter", "da", "di", "du", "del", "della", "la",
        "le", "bin", "al", "el", "dos", "das", "do", "af", "zu", "y",
    ])
});

/// Peerage titles that stand with a surname as a peer's name ("Lord Smith of Finsbury").
pub(super) static PEERAGES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "lord",
        "lady",
        "baroness",
        "baron",
        "viscount",
        "viscountess",
        "earl",
        "countess",
        "marquess",
    ])
});

/// Lower-case prefixes joined to a surname ("al-Sisi", "bin-Salman", "d'Estaing").
pub(super) static NAME_PREFIXES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "al", "el", "ad", "as", "ash", "at", "az", "an", "ar", "ibn", "bin", "bint", "abu", "d",
        "l", "dell",
    ])
});

/// True for a lower-case particle inside a name ("von", "da", "bin").
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(word)
}

/// The offset of the first `-`, `'` or `’` in the word, read by its bytes (`’` is
/// `E2 80 99` in UTF-8).
fn first_joiner(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let mut from = 0;
    // Words are short: a plain scan beats a vector search here.
    while let Some(k) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| matches!(b, b'-' | b'\'' | 0xE2)))
    {
        let at = from + k;
        if bytes[at] != 0xE2 || bytes.get(at..at + 3) == Some("’".as_bytes()) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// True for a surname written with a lower-case prefix ("al-Sisi", "d'Estaing").
pub fn is_prefixed_name(word: &str) -> bool {
    // Most words start with a letter no prefix starts with, and are not read further.
    if !word
        .as_bytes()
        .first()
        .is_some_and(|&b| NAME_PREFIXES.may_start_with(b))
    {
        return false;
    }
    let Some(cut) = first_joiner(word) else {
        return false;
    };
    let (prefix, rest) = word.split_at(cut);
    let mut rest = rest.chars();
    rest.next();
    NAME_PREFIXES.contains(prefix) && rest.next().is_some_and(char::is_uppercase)
}

/// True for a capitalised word that can be part of a person's name.
pub fn is_name_word(t: &Token) -> bool {
    if is_possessive(t.text) {
        return false;
    }
    if is_prefixed_name(t.text) {
        return true;
    }
    if !t.is_capitalised() {
        return false;
    }
    let lower = t.lower();
    // The lower case has no capital: packed once, it is looked up as itself.
    let listed = match LoweredKey::of(lower.as_str()) {
        Some(key) => {
            NOT_NAMES.contains_key(key)
                || TITLE_WORDS.contains_key(key)
                || ORG_WORDS.contains_key(key)
        }
        None => {
            NOT_NAMES.contains(lower.as_str())
                || TITLE_WORDS.contains(lower.as_str())
                || ORG_WORDS.contains(lower.as_str())
        }
    };
    !listed && !is_acronym(t.text)
}

/// True for a word in capitals (UN, NATO, U.S.), which is never part of a name.
pub fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let mut count = 0;
    letters.all(|c| {
        count += 1;
        c.is_uppercase()
    }) && count >= 2
}

/// True for `Smith's` / `Smith’s` / `ministers'`.
pub fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'') || w.ends_with('’')
}

/// Finds where a trailing person's name starts in `words` (all words), if they end in one.
/// Returns the index of the first name word.
pub(super) fn name_start(words: &[Token]) -> Option<usize> {
    let n = words.len();
    let last = words.last()?;
    let capital = last.is_capitalised() || is_prefixed_name(last.text);
    if !capital || is_possessive(last.text) || is_acronym(last.text) {
        return None;
    }
    if NOT_NAMES.contains(last.lower().as_str()) || ORG_WORDS.contains(last.lower().as_str()) {
        return None;
    }
    // Back over up to four name words, with lower-case particles between or in front of
    // them ("Luiz Inácio Lula da Silva", "von der Leyen"). A role noun in capitals opens
    // a sentence ("Volunteer Ben Clarke") and is not a given name.
    let mut j = n - 1;
    let mut count = 1;
    while j > 0 {
        let w = &words[j - 1];
        let lower = w.lower();
        if !w.is_capitalised() && PARTICLES.contains(lower.as_str()) {
            j -= 1;
            continue;
        }
        // "Democrat Ann Lee": a party before a name is what she is, not her name.
        let party = matches!(
            lower.as_str(),
            "democrat" | "democratic" | "republican" | "libertarian" | "gop"
        );
        let role = party || (lower.chars().count() > 3 && ROLE_NOUNS.contains(lower.as_str()));
        if is_name_word(w) && !role && count < 4 {
            j -= 1;
            count += 1;
        } else {
            break;
        }
    }
    // "Director for Europe Hans Kluge": a name after "for"/"of" keeps its last two words.
    if j > 0 && matches!(words[j - 1].lower().as_str(), "for" | "of" | "at") && count >= 3 {
        let mut kept = 0;
        let mut k = n;
        while k > j && kept < 2 {
            k -= 1;
            if !PARTICLES.contains(words[k].lower().as_str()) || words[k].is_capitalised() {
                kept += 1;
            }
        }
        j = k;
    }
    Some(j)
}

/// A peer by title and surname ("Lord Smith of Finsbury", "Baroness Ashdown"): the
/// index of the peerage word, when the words end with such a name.
pub(super) fn peer_at(words: &[Token]) -> Option<usize> {
    let p = words
        .iter()
        .rposition(|w| w.is_capitalised() && PEERAGES.contains(w.lower().as_str()))?;
    if !words.get(p + 1).is_some_and(is_name_word) {
        return None;
    }
    let rest = &words[p + 2..];
    let of_place =
        rest.len() >= 2 && rest[0].lower() == "of" && rest[1..].iter().all(|w| w.is_capitalised());
    (rest.is_empty() || of_place).then_some(p)
}

/// Where a trailing "of Place" after a person's name starts ("Sen. John Thune of South
/// Dakota", "Chief Inspector Laura Dene of Norfolk Constabulary").
pub(super) fn of_place_at(words: &[Token]) -> Option<usize> {
    let k = words
        .iter()
        .rposition(|w| matches!(w.lower().as_str(), "of" | "from"))?;
    let place = &words[k + 1..];
    let place_ok = !place.is_empty()
        && place[0].is_capitalised()
        && place
            .iter()
            .all(|w| w.is_capitalised() || matches!(w.lower().as_str(), "and" | "the"));
    (k >= 2 && place_ok && is_name_word(&words[k - 1])).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Looking the lower case up packed once answers as looking it up in each list.
        #[test]
        fn a_name_word_is_told_as_by_each_list(
            word in "(The|Monday|Senator|Ministry|Council|Ann|ÉLAN|Zoë|[A-Z][a-zé]{0,17})"
        ) {
            let t = Token::new(&word, crate::quotes::tokens::Kind::Word, 0);
            let lower = t.lower();
            let each = !is_possessive(t.text)
                && (is_prefixed_name(t.text)
                    || (t.is_capitalised()
                        && !NOT_NAMES.contains(lower.as_str())
                        && !TITLE_WORDS.contains(lower.as_str())
                        && !ORG_WORDS.contains(lower.as_str())
                        && !is_acronym(t.text)));
            proptest::prop_assert_eq!(is_name_word(&t), each);
        }
    }

    #[test]
    fn joiners_are_found_by_their_bytes() {
        for w in [
            "al-Sisi",
            "d’Estaing",
            "d'Estaing",
            "—a’b",
            "Ève-Marie",
            "plain",
            "",
            "—",
        ] {
            assert_eq!(first_joiner(w), w.find(['-', '\'', '’']), "{w}");
        }
    }

    #[test]
    fn prefixes_join_only_a_capitalised_surname() {
        assert!(is_prefixed_name("al-Hakim"));
        assert!(!is_prefixed_name("al-based"));
        assert!(!is_prefixed_name("well-Known"));
    }
}
