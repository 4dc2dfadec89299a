//! Gender: what a pronoun, honorific, gendered title or common given name says about a
//! person.
//!
//! Decides only the [`Gender`] one word tells. It reads no phrase and no title or name
//! rule; of the other parts of [`names`](super) it uses only the word lists' builder.

use std::sync::LazyLock;

use super::lists::set;
use crate::quotes::lower::Lower;
use crate::quotes::wordset::{LoweredKey, WordSet};

/// What a person's pronoun or title says about them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Nothing known.
    Unknown,
    /// he, Mr, spokesman.
    Male,
    /// she, Ms, spokeswoman.
    Female,
}

/// What a pronoun, honorific or gendered title says about a person.
pub fn gender_of_word(word: &str) -> Gender {
    let lower = Lower::of(word);
    let lower = lower.trim_end_matches('.');
    // "postman", "chairwoman", "congresswoman": the compound tells.
    if lower.ends_with("woman") {
        return Gender::Female;
    }
    if lower.ends_with("man") && !matches!(lower, "german" | "roman" | "human") {
        return Gender::Male;
    }
    match lower {
        "he" | "mr" | "sir" | "lord" | "king" | "prince" | "herr" | "baron" | "viscount"
        | "earl" | "duke" | "father" | "brother" | "son" | "husband" | "widower" => Gender::Male,
        "she" | "mrs" | "ms" | "miss" | "dame" | "lady" | "baroness" | "viscountess"
        | "countess" | "duchess" | "queen" | "princess" | "actress" | "madam" | "mme" | "frau"
        | "mother" | "sister" | "daughter" | "wife" | "widow" | "nun" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Common given names that tell a person's gender (a modest list; most names say nothing
/// here, and then only titles and pronouns tell).
pub(super) static GIVEN_NAMES: LazyLock<(WordSet, WordSet)> = LazyLock::new(|| {
    let female = set(&[
        "hillary",
        "melania",
        "ivanka",
        "kellyanne",
        "huma",
        "chelsea",
        "carly",
        "nikki",
        "sarah",
        "loretta",
        "dianne",
        "hope",
        "mary",
        "anna",
        "ana",
        "anne",
        "ann",
        "angela",
        "maria",
        "sarah",
        "sara",
        "laura",
        "emma",
        "olivia",
        "sophie",
        "sophia",
        "helen",
        "elena",
        "elizabeth",
        "jane",
        "janet",
        "karen",
        "susan",
        "linda",
        "lisa",
        "nancy",
        "margaret",
        "catherine",
        "katherine",
        "kate",
        "julia",
        "julie",
        "claire",
        "rachel",
        "rebecca",
        "ruth",
        "amy",
        "emily",
        "hannah",
        "jessica",
        "jennifer",
        "michelle",
        "nicole",
        "christine",
        "natalia",
        "natalie",
        "olga",
        "irina",
        "svetlana",
        "tatiana",
        "ursula",
        "angelika",
        "giorgia",
        "marine",
        "kamala",
        "hillary",
        "nadia",
        "fatima",
        "aisha",
        "amina",
        "priya",
        "mei",
        "yuki",
        "ines",
        "lucia",
        "carmen",
        "isabel",
        "isabella",
        "francesca",
        "chiara",
        "ingrid",
        "astrid",
        "greta",
        "heidi",
        "monika",
        "petra",
        "eva",
        "agnes",
        "judith",
        "diane",
        "diana",
        "victoria",
        "charlotte",
        "alice",
        "grace",
        "lucy",
        "ella",
        "chloe",
        "zoe",
        "mia",
        "amelia",
        "jacinda",
        "theresa",
        "teresa",
        "liz",
        "yvette",
        "kemi",
        "rachael",
        "priti",
        "suella",
        "bridget",
        "siobhan",
        "aoife",
        "niamh",
    ]);
    let male = set(&[
        "donald",
        "bernie",
        "ted",
        "barack",
        "jeb",
        "mitt",
        "marco",
        "rand",
        "newt",
        "reince",
        "mike",
        "chris",
        "joe",
        "bill",
        "john",
        "james",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "christopher",
        "daniel",
        "matthew",
        "mark",
        "paul",
        "peter",
        "steven",
        "stephen",
        "andrew",
        "kevin",
        "brian",
        "george",
        "edward",
        "ben",
        "benjamin",
        "samuel",
        "jack",
        "harry",
        "oliver",
        "henry",
        "tom",
        "tim",
        "simon",
        "martin",
        "jean",
        "pierre",
        "jacques",
        "emmanuel",
        "olaf",
        "friedrich",
        "hans",
        "klaus",
        "jürgen",
        "wolfgang",
        "giuseppe",
        "marco",
        "giovanni",
        "luigi",
        "antonio",
        "jose",
        "josé",
        "juan",
        "carlos",
        "luis",
        "pedro",
        "miguel",
        "pablo",
        "diego",
        "vladimir",
        "dmitry",
        "sergei",
        "sergey",
        "ivan",
        "alexei",
        "volodymyr",
        "viktor",
        "donald",
        "joe",
        "barack",
        "keir",
        "rishi",
        "boris",
        "narendra",
        "ahmed",
        "mohammed",
        "muhammad",
        "ali",
        "omar",
        "hassan",
        "hussein",
        "mustafa",
        "recep",
        "yair",
        "hiroshi",
        "takeshi",
        "raj",
        "rahul",
        "arjun",
        "graham",
        "derek",
        "gary",
        "keith",
        "ian",
        "neil",
        "colin",
        "alan",
        "nigel",
        "gordon",
        "tony",
        "chuck",
        "mitch",
        "ron",
        "greg",
        "jim",
        "bill",
        "bob",
        "frank",
        "fred",
        "luiz",
        "javier",
        "sanjay",
        "pep",
        "mikel",
        "erik",
        "lars",
        "sven",
    ]);
    (female, male)
});

/// Whether the short list of common given names tells this name's gender (the long
/// lists hold rarer names and some words that are names only now and then: "Port").
pub fn is_common_given_name(name: &str) -> bool {
    let (female, male) = &*GIVEN_NAMES;
    female.contains_lowered(name) || male.contains_lowered(name)
}

/// Given names borne (almost) only by women and only by men, in English-speaking
/// countries: the public-domain lists of given names by gender, less the names in both.
static ENGLISH_GIVEN_NAMES: LazyLock<(WordSet, WordSet)> = LazyLock::new(|| {
    let list = |text: &'static str| text.lines().filter(|l| !l.is_empty()).collect::<WordSet>();
    (
        list(include_str!("given_female.txt")),
        list(include_str!("given_male.txt")),
    )
});

/// What a given name says about a person's gender, when it is a common one (the short
/// list above first, which settles names borne by both, then the long lists).
pub fn gender_of_given_name(name: &str) -> Gender {
    let (female, male) = &*GIVEN_NAMES;
    let (more_female, more_male) = &*ENGLISH_GIVEN_NAMES;
    // Most names: packed in lower case once for the four lists.
    if let Some(key) = LoweredKey::of(name) {
        return if female.contains_key(key) {
            Gender::Female
        } else if male.contains_key(key) {
            Gender::Male
        } else if more_female.contains_key(key) {
            Gender::Female
        } else if more_male.contains_key(key) {
            Gender::Male
        } else {
            Gender::Unknown
        };
    }
    if female.contains_lowered(name) {
        Gender::Female
    } else if male.contains_lowered(name) {
        Gender::Male
    } else if more_female.contains_lowered(name) {
        Gender::Female
    } else if more_male.contains_lowered(name) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_tell_gender_from_the_short_list_then_the_long_ones() {
        assert_eq!(gender_of_given_name("Hillary"), Gender::Female);
        assert_eq!(gender_of_given_name("Bernie"), Gender::Male);
        assert_eq!(gender_of_given_name("Gwendolyn"), Gender::Female);
        assert_eq!(gender_of_given_name("Thaddeus"), Gender::Male);
        assert_eq!(gender_of_given_name("Jordan"), Gender::Unknown);
        assert_eq!(gender_of_given_name("Zzyzx"), Gender::Unknown);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// A name packed once for the four lists is told as looking it up in each.
        #[test]
        fn one_key_for_four_lists_tells_as_each_list(
            name in "(Hillary|Bernie|Jordan|Ann|ANN|ann|Zoë|Thaddeus|[A-Za-zé]{0,18})"
        ) {
            let (female, male) = &*GIVEN_NAMES;
            let (more_female, more_male) = &*ENGLISH_GIVEN_NAMES;
            let each = if female.contains_lowered(&name) {
                Gender::Female
            } else if male.contains_lowered(&name) {
                Gender::Male
            } else if more_female.contains_lowered(&name) {
                Gender::Female
            } else if more_male.contains_lowered(&name) {
                Gender::Male
            } else {
                Gender::Unknown
            };
            proptest::prop_assert_eq!(gender_of_given_name(&name), each);
        }
    }

    #[test]
    fn compound_titles_tell_gender() {
        assert_eq!(gender_of_word("postman"), Gender::Male);
        assert_eq!(gender_of_word("Congresswoman"), Gender::Female);
        assert_eq!(gender_of_word("German"), Gender::Unknown);
        assert_eq!(gender_of_word("woman"), Gender::Female);
    }
}
