//! Descriptions of a person that are not a noun phrase beside the name: a relative
//! clause saying what post they hold ("Lee, who runs the union's legal office,"), the
//! body they speak for ("Lee of the University of Leeds"), a broadcaster's possessive
//! ("NBC's Ann Lee") and a plural title over a list of names ("Democratic candidates
//! Ann Lee and Omar Hale").
//!
//! Decides only the words of such a description, from the words of one paragraph
//! outside quote marks; [`describe`](super::describe) decides where a person's name
//! stands and which description wins. A clause of saying or thinking ("who said",
//! "who believes") describes nobody.

use super::lists::NOT_NAMES;
use super::shape::{is_acronym, is_name_word};
use super::titles::{capacity_for, join_words};
use crate::quotes::tokens::{Kind, Token};

/// Verbs that say what post or work a person holds: "who heads …", "who served as …".
fn is_role_verb(word: &str) -> bool {
    matches!(
        word,
        "heads"
            | "headed"
            | "runs"
            | "ran"
            | "leads"
            | "led"
            | "directs"
            | "directed"
            | "chairs"
            | "chaired"
            | "manages"
            | "managed"
            | "founded"
            | "co-founded"
            | "cofounded"
            | "owns"
            | "owned"
            | "represents"
            | "represented"
            | "oversees"
            | "oversaw"
            | "coordinates"
            | "coordinated"
            | "advises"
            | "advised"
            | "works"
            | "worked"
            | "serves"
            | "served"
            | "teaches"
            | "taught"
            | "covers"
            | "covered"
            | "edits"
            | "edited"
            | "hosts"
            | "hosted"
            | "organizes"
            | "organized"
            | "organises"
            | "organised"
            | "prosecuted"
            | "investigated"
            | "masterminded"
            | "studies"
            | "studied"
    )
}

/// Words after which a relative clause is still about the person's post: "who has
/// worked", "who now runs".
fn is_clause_filler(word: &str) -> bool {
    matches!(
        word,
        "has" | "had" | "have" | "now" | "also" | "still" | "once" | "long" | "currently"
    )
}

/// At most this many words of a clause are kept: a label, not a paragraph.
const CLAUSE_WORDS: usize = 18;

/// The post a relative clause gives, the words from its verb to the clause's end
/// (comma, stop, colon, dash or quote mark): `k` is the word after "who". "who runs the
/// union's legal office" gives "runs the union's legal office".
pub(super) fn role_clause(tokens: &[Token], k: usize) -> Option<String> {
    let mut k = k;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_word() && is_clause_filler(t.lower().as_str()))
    {
        k += 1;
    }
    let verb = tokens.get(k).filter(|t| t.is_word())?;
    if !is_role_verb(verb.lower().as_str()) {
        return None;
    }
    let end = tokens[k..]
        .iter()
        .position(|t| !t.is_word())
        .map_or(tokens.len(), |i| k + i);
    let words = &tokens[k..end];
    if words.len() < 2 || words.len() > CLAUSE_WORDS {
        return None;
    }
    Some(join_words(words.iter(), capacity_for(words)))
}

/// Words that make a capitalised phrase a body a person speaks for.
fn is_body_word(word: &str) -> bool {
    matches!(
        word,
        "university"
            | "college"
            | "school"
            | "institute"
            | "institution"
            | "center"
            | "centre"
            | "foundation"
            | "council"
            | "association"
            | "society"
            | "committee"
            | "department"
            | "agency"
            | "bureau"
            | "office"
            | "party"
            | "campaign"
            | "group"
            | "union"
            | "project"
            | "network"
            | "times"
            | "post"
            | "journal"
            | "news"
            | "magazine"
            | "review"
            | "tribune"
            | "herald"
            | "press"
            | "company"
            | "corporation"
            | "bank"
            | "fund"
            | "coalition"
            | "alliance"
            | "league"
            | "federation"
            | "commission"
            | "board"
            | "court"
            | "hospital"
            | "church"
    )
}

/// The body a person speaks for, after "of" behind the name: "Lee of the University of
/// Leeds", "Lee of The Ledger". `k` is the word after "of". A place ("Lee of Ohio") or a
/// lower-case phrase is none.
pub(super) fn affiliation(tokens: &[Token], k: usize) -> Option<String> {
    let first = tokens.get(k).filter(|t| t.is_word())?;
    let definite = first.lower().as_str() == "the";
    let mut end = k + usize::from(definite);
    let mut body = false;
    while let Some(t) = tokens.get(end).filter(|t| t.is_word()) {
        let l = t.lower().as_str();
        let joins = matches!(l, "of" | "for" | "and" | "&")
            && tokens
                .get(end + 1)
                .is_some_and(|n| n.is_word() && n.is_capitalised());
        if !(t.is_capitalised() || joins) {
            break;
        }
        body |= is_body_word(l);
        end += 1;
    }
    // "The Ledger" keeps its capitalised article; "the University of …" drops it.
    let from = if definite && !first.is_capitalised() {
        k + 1
    } else {
        k
    };
    let words = &tokens[from..end];
    let capitalised = words.iter().filter(|t| t.is_capitalised()).count();
    // "of The Ledger": a title with its own article names a body, as does any phrase
    // with a word like "University".
    let named = body || (definite && first.is_capitalised());
    if capitalised == 0 || words.len() > 10 || !named {
        return None;
    }
    // A person's name after "of" ("the daughter of Ann Lee") is no body.
    if words.len() == 2 && words.iter().all(is_name_word) && !body {
        return None;
    }
    Some(join_words(words.iter(), capacity_for(words)))
}

/// A broadcaster's or paper's possessive right before the name: "NBC's Ann Lee" gives
/// "NBC". Only an abbreviation in capitals (a place's possessive, "Ohio's", is no title).
pub(super) fn outlet(tokens: &[Token], start: usize) -> Option<String> {
    let w = tokens.get(start.checked_sub(1)?)?;
    let bare = w
        .text
        .strip_suffix("'s")
        .or_else(|| w.text.strip_suffix("’s"))?;
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    (w.is_word() && is_acronym(bare) && letters <= 5 && !NOT_NAMES.contains(&bare.to_lowercase()))
        .then(|| bare.to_string())
}

/// Walks back from the name starting at `start` over a list of other names ("Ann Lee,
/// Omar Hale and …"): the index where the list starts, when the name is in one.
pub(super) fn list_start(tokens: &[Token], start: usize) -> Option<usize> {
    let mut k = start;
    let mut names = 0;
    loop {
        let joint = tokens.get(k.checked_sub(1)?)?;
        let is_joint = joint.kind == Kind::Comma
            || (joint.is_word() && matches!(joint.lower().as_str(), "and" | "or"));
        if !is_joint {
            break;
        }
        // The name before the joint: one to three capitalised words.
        let mut j = k - 1;
        let mut words = 0;
        while j > 0 && words < 3 {
            let w = &tokens[j - 1];
            if w.is_word() && w.is_capitalised() && is_name_word(w) {
                j -= 1;
                words += 1;
            } else {
                break;
            }
        }
        if words == 0 {
            break;
        }
        names += 1;
        k = j;
    }
    (names > 0).then_some(k)
}

/// The singular of a plural title's last word, as a label for one person: "candidates"
/// gives "candidate", "celebrities" "celebrity"; `None` when the word is no plural.
pub(super) fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies") {
        return (stem.len() >= 3).then(|| format!("{stem}y"));
    }
    let stem = word.strip_suffix('s')?;
    if stem.ends_with('s') || stem.len() < 3 {
        return None;
    }
    Some(stem.to_string())
}

/// The end of a list of names that goes on after this one: `k` is the token after the
/// name ("and" or a comma); the index of the comma that closes the list ("Ann Lee and
/// Omar Hale, the …"), when one does.
pub(super) fn plural_after_list(tokens: &[Token], k: usize) -> Option<usize> {
    let joint = tokens.get(k)?;
    if !(joint.is_word() && matches!(joint.lower().as_str(), "and" | "or")) {
        return None;
    }
    let mut j = k + 1;
    let mut words = 0;
    while let Some(w) = tokens.get(j).filter(|w| w.is_word() && w.is_capitalised()) {
        if !is_name_word(w) || words == 3 {
            return None;
        }
        words += 1;
        j += 1;
    }
    let close = tokens.get(j)?;
    (words >= 2 && close.kind == Kind::Comma).then_some(j)
}

/// Short and long forms of one given name: "Ken" and "Kenneth", "Bill" and "William".
/// A form of three letters or more that starts the other counts ("Dan", "Daniel").
pub fn same_given_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 3
        && long.is_char_boundary(short.len())
        && long[..short.len()].eq_ignore_ascii_case(short)
        && short.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    const FORMS: &[(&str, &str)] = &[
        ("Bill", "William"),
        ("Will", "William"),
        ("Bob", "Robert"),
        ("Rob", "Robert"),
        ("Jim", "James"),
        ("Mike", "Michael"),
        ("Tom", "Thomas"),
        ("Dick", "Richard"),
        ("Rick", "Richard"),
        ("Joe", "Joseph"),
        ("Steve", "Stephen"),
        ("Steve", "Steven"),
        ("Tony", "Anthony"),
        ("Chuck", "Charles"),
        ("Charlie", "Charles"),
        ("Ted", "Edward"),
        ("Ted", "Theodore"),
        ("Ed", "Edward"),
        ("Hank", "Henry"),
        ("Jack", "John"),
        ("Peggy", "Margaret"),
        ("Liz", "Elizabeth"),
        ("Beth", "Elizabeth"),
        ("Kate", "Katherine"),
        ("Kate", "Catherine"),
        ("Jerry", "Gerald"),
        ("Larry", "Lawrence"),
        ("Newt", "Newton"),
    ];
    FORMS
        .iter()
        .any(|&(s, l)| (s == short && l == long) || (s == long && l == short))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    fn at(text: &str, word: &str) -> (Vec<Token<'static>>, usize) {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let tokens = tokenize(text, 0);
        let i = tokens.iter().position(|t| t.text == word).expect(word);
        (tokens, i)
    }

    #[test]
    fn a_relative_clause_of_a_post_is_a_description() {
        let (t, i) = at("Field, who runs the union's legal office, said no.", "who");
        assert_eq!(
            role_clause(&t, i + 1).as_deref(),
            Some("runs the union's legal office")
        );
        let (t, i) = at("Field, who has worked as a nurse for years.", "who");
        assert_eq!(
            role_clause(&t, i + 1).as_deref(),
            Some("worked as a nurse for years")
        );
        // Saying, thinking or doing something once describes nobody.
        for text in [
            "Field, who said the rule would fail, left.",
            "Field, who believes in the plan, left.",
            "Field, who arrived late, left.",
        ] {
            let (t, i) = at(text, "who");
            assert_eq!(role_clause(&t, i + 1), None, "{text}");
        }
    }

    #[test]
    fn the_body_after_of_is_an_affiliation() {
        let (t, i) = at(
            "said Omar Field of the University of Leeds School of Law.",
            "of",
        );
        assert_eq!(
            affiliation(&t, i + 1).as_deref(),
            Some("University of Leeds School of Law")
        );
        let (t, i) = at("Omar Field of The Ledger wrote that.", "of");
        assert_eq!(affiliation(&t, i + 1).as_deref(), Some("The Ledger"));
        let (t, i) = at("Omar Field of the Harbour Trust wrote that.", "of");
        assert_eq!(affiliation(&t, i + 1), None, "no word says it is a body");
        // A place, a person and lower-case words are no body.
        for (text, word) in [
            ("Omar Field of Ohio said so.", "of"),
            ("Omar Field of Des Moines said so.", "of"),
            ("the son of Ann Lee said so.", "of"),
            ("Omar Field of the city council said so.", "of"),
        ] {
            let (t, i) = at(text, word);
            assert_eq!(affiliation(&t, i + 1), None, "{text}");
        }
    }

    #[test]
    fn a_broadcasters_abbreviation_before_the_name() {
        let (t, i) = at("NBC's Omar Hale asked.", "Omar");
        assert_eq!(outlet(&t, i).as_deref(), Some("NBC"));
        let (t, i) = at("Ohio's Omar Hale asked.", "Omar");
        assert_eq!(outlet(&t, i), None);
        let (t, i) = at("Then Omar Hale asked.", "Omar");
        assert_eq!(outlet(&t, i), None);
    }

    #[test]
    fn a_list_of_names_is_walked_back_to_its_start() {
        let (t, i) = at("candidates Nora Field and Omar Hale met.", "Omar");
        assert_eq!(t[list_start(&t, i).unwrap()].text, "Nora");
        let (t, i) = at("stars Ann Lee, Nora Field, Omar Hale and more.", "Omar");
        assert_eq!(t[list_start(&t, i).unwrap()].text, "Ann");
        let (t, i) = at("The mayor met Omar Hale.", "Omar");
        assert_eq!(list_start(&t, i), None);
    }

    #[test]
    fn plurals_become_one_persons_label() {
        assert_eq!(singular("candidates").as_deref(), Some("candidate"));
        assert_eq!(singular("celebrities").as_deref(), Some("celebrity"));
        assert_eq!(singular("boss"), None);
        assert_eq!(singular("senator"), None);
    }

    /// What the whole story says the person is, as `describe` reads it.
    fn described(text: &str, name: &str) -> Option<String> {
        super::super::describe::Prose::read(&[text]).describe(name)
    }

    #[test]
    fn the_story_reads_each_shape_for_the_named_person() {
        let cases = [
            (
                "Omar Field, who runs the union's legal office, says the rule will fail.",
                "Omar Field",
                Some("runs the union's legal office"),
            ),
            (
                "Omar Field, who said the rule would fail, left early.",
                "Omar Field",
                None,
            ),
            (
                "The work was led by Omar Field — a former Lee adviser — and two others.",
                "Omar Field",
                Some("former Lee adviser"),
            ),
            (
                "The work was led by Omar Field, a delegate serving on the rules panel.",
                "Omar Field",
                Some("delegate"),
            ),
            (
                "\"It is wrong,\" said Omar Field of the University of Leeds School of Law.",
                "Omar Field",
                Some("University of Leeds School of Law"),
            ),
            (
                "Hale, for years a party organizer, now backs the mayor.",
                "Omar Hale",
                Some("party organizer"),
            ),
            (
                "One local woman, Nora Field, stopped him after the event.",
                "Nora Field",
                Some("local woman"),
            ),
            (
                "NBC's Omar Hale asked the question twice.",
                "Omar Hale",
                Some("NBC"),
            ),
            (
                "The debate between Democratic presidential candidates Nora Field and Omar Hale was tense.",
                "Omar Hale",
                Some("Democratic presidential candidate"),
            ),
            (
                "Nora Field is the campaign's political director and one of the staff who went.",
                "Nora Field",
                Some("campaign's political director"),
            ),
            (
                "Omar Hale was once one of the college's most popular professors.",
                "Omar Hale",
                Some("one of the college's most popular professors"),
            ),
            (
                "Ms. Hale, who works in retail as a sales manager, wrote to us.",
                "Nora Hale",
                Some("works in retail as a sales manager"),
            ),
        ];
        for (text, name, want) in cases {
            assert_eq!(described(text, name).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn short_and_long_given_names_are_one() {
        assert!(same_given_name("Ken", "Kenneth"));
        assert!(same_given_name("Kenneth", "Ken"));
        assert!(same_given_name("Bill", "William"));
        assert!(!same_given_name("Ann", "Bill"));
        assert!(!same_given_name("Al", "Alan"), "two letters are too few");
    }

    #[test]
    fn a_list_of_two_people_shares_its_appositive() {
        let (t, i) = at(
            "Nora Field and Omar Hale, the parents of a soldier, sued.",
            "Field",
        );
        let close = plural_after_list(&t, i + 1).expect("the list closes");
        assert_eq!(t[close].kind, Kind::Comma);
        assert_eq!(
            described(
                "Nora Field and Omar Hale, the parents of a soldier killed in the war, sued.",
                "Nora Field"
            )
            .as_deref(),
            Some("parent of a soldier killed in the war")
        );
        assert_eq!(
            described("Kenneth Hale, the county prosecutor, spoke.", "Ken Hale").as_deref(),
            Some("county prosecutor")
        );
    }
}
