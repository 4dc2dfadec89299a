//! Titles and roles: the words that are titles ("Secretary-General"), head a role
//! ("spokesman"), qualify one ("deputy") or are offices and honorifics, and the text of a
//! title as written.
//!
//! Decides whether words are a title or role and how a title reads ([`title_text`],
//! [`looks_like_title`]). It does not find where a person's name starts ([`shape`](super::shape))
//! nor classify a whole phrase; it uses only the word lists and gender of [`names`](super).

use std::sync::LazyLock;

use super::gender::{Gender, gender_of_word};
use super::lists::{LEADING_JUNK, NOT_NAMES, set};
use crate::quotes::tokens::{Kind, Token};
use crate::quotes::wordset::WordSet;

/// Capitalised words that are titles, not names.
pub(super) static TITLE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "secretary-general",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "gov.",
        "governor",
        "mayor",
        "chancellor",
        "director",
        "director-general",
        "chief",
        "executive",
        "officer",
        "chairman",
        "chairwoman",
        "chair",
        "chairperson",
        "commissioner",
        "ambassador",
        "general",
        "gen.",
        "lt.",
        "col.",
        "colonel",
        "major",
        "maj.",
        "captain",
        "capt.",
        "admiral",
        "adm.",
        "sergeant",
        "sgt.",
        "judge",
        "justice",
        "attorney",
        "attorney-general",
        "dr.",
        "dr",
        "prof.",
        "professor",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "mx",
        "sir",
        "dame",
        "lord",
        "lady",
        "baroness",
        "baron",
        "viscount",
        "viscountess",
        "earl",
        "countess",
        "marquess",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "cardinal",
        "bishop",
        "archbishop",
        "rabbi",
        "imam",
        "sheikh",
        "coach",
        "manager",
        "speaker",
        "leader",
        "deputy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "inspector",
        "detective",
        "superintendent",
        "constable",
        "sheriff",
        "councillor",
        "councilman",
        "councilwoman",
        "alderman",
        "premier",
        "founder",
        "treasurer",
        "prosecutor",
        "headteacher",
        "principal",
        "state",
        "foreign",
        "defence",
        "defense",
        "finance",
        "trade",
        "health",
        "interior",
        "home",
        "economy",
        "agriculture",
        "education",
        "environment",
        "energy",
        "justice",
        "labour",
        "labor",
        "transport",
        "culture",
        "regional",
        "national",
        "federal",
        "acting",
        "interim",
        "former",
        "senior",
        "assistant",
        "associate",
        "managing",
        "financial",
        "operating",
        "head",
        "defender",
        "striker",
        "midfielder",
        "goalkeeper",
        "forward",
        "winger",
        "boss",
        "chef",
        "envoy",
        "emir",
        "king",
        "sultan",
        "crown",
        "mp",
        "mep",
        "ceo",
        "cfo",
        "coo",
        "cto",
    ])
});

/// Lower-case nouns that head a person's role or title.
pub(super) static ROLE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "employee",
        "staffer",
        "source",
        "insider",
        "colleague",
        "neighbour",
        "neighbor",
        "relative",
        "passenger",
        "customer",
        "voter",
        "protester",
        "demonstrator",
        "eyewitness",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "secretary",
        "president",
        "director",
        "chief",
        "executive",
        "officer",
        "official",
        "manager",
        "boss",
        "coach",
        "striker",
        "defender",
        "midfielder",
        "goalkeeper",
        "captain",
        "analyst",
        "economist",
        "strategist",
        "chairman",
        "chairwoman",
        "chair",
        "leader",
        "senator",
        "governor",
        "mayor",
        "lawmaker",
        "legislator",
        "mp",
        "ambassador",
        "envoy",
        "commissioner",
        "general",
        "commander",
        "professor",
        "researcher",
        "scientist",
        "expert",
        "founder",
        "ceo",
        "head",
        "adviser",
        "advisor",
        "aide",
        "negotiator",
        "lawyer",
        "attorney",
        "prosecutor",
        "judge",
        "representative",
        "deputy",
        "inspector",
        "detective",
        "superintendent",
        "sheriff",
        "chancellor",
        "premier",
        "owner",
        "partner",
        "investor",
        "trader",
        "resident",
        "witness",
        "doctor",
        "nurse",
        "teacher",
        "student",
        "pupil",
        "farmer",
        "fan",
        "player",
        "driver",
        "rider",
        "champion",
        "winger",
        "forward",
        "treasurer",
        "secretary-general",
        "director-general",
        "correspondent",
        "editor",
        "reporter",
        "author",
        "historian",
        "novelist",
        "showrunner",
        "promoter",
        "grower",
        "headteacher",
        "principal",
        "alderman",
        "councillor",
        "organiser",
        "organizer",
        "activist",
        "campaigner",
        "consultant",
        "engineer",
        "worker",
        "holder",
        "veteran",
        "survivor",
        "chef",
        "designer",
        "producer",
        "actor",
        "actress",
        "singer",
        "artist",
        "writer",
        "poet",
        "pilot",
        "soldier",
        "surgeon",
        "physician",
        "banker",
        "broker",
        "founder",
        "president-elect",
        "candidate",
        "nominee",
        "member",
        "stakeholder",
        "shareholder",
        "cfo",
        "coo",
        "cto",
        "economist",
        "manager",
        "planner",
        "officer",
        "statistician",
        "spokesperson",
        "shopkeeper",
        "volunteer",
        "advocate",
        "anaesthetist",
        "anesthetist",
        "postman",
        "postwoman",
        "landlord",
        "tenant",
        "parent",
        "mother",
        "father",
        "widow",
        "nurse",
        "paramedic",
        "firefighter",
        "officer",
        "medic",
        "dentist",
        "pharmacist",
        "psychologist",
        "psychiatrist",
        "epidemiologist",
        "virologist",
        "meteorologist",
        "forecaster",
        "climatologist",
        "geologist",
        "biologist",
        "chemist",
        "physicist",
        "sociologist",
        "criminologist",
        "academic",
        "lecturer",
        "dean",
        "curator",
        "librarian",
        "architect",
        "accountant",
        "auditor",
        "inspector",
        "ombudsman",
        "mediator",
        "diplomat",
        "attaché",
        "governor-general",
        "congressman",
        "congresswoman",
        "councilman",
        "councilwoman",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "executive",
        "co-founder",
        "cofounder",
        "director",
        "captain",
        "skipper",
        "batter",
        "bowler",
        "batsman",
        "quarterback",
        "pitcher",
        "athlete",
        "runner",
        "cyclist",
        "swimmer",
        "boxer",
        "referee",
        "umpire",
        "commentator",
        "pundit",
        "columnist",
        "blogger",
        "influencer",
        "presenter",
        "host",
        "anchor",
        "comedian",
        "musician",
        "composer",
        "conductor",
        "dancer",
        "filmmaker",
        "director-general",
        "peer",
        "chaplain",
        "priest",
        "pastor",
        "vicar",
        "monk",
        "nun",
        "cleric",
        "commander",
        "colonel",
        "sergeant",
        "constable",
        "ranger",
        "warden",
        "spokesman",
    ])
});

/// Lower-case words that qualify a role in a title ("press secretary", "fire chief").
pub(super) static MODIFIERS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "press",
        "deputy",
        "senior",
        "chief",
        "foreign",
        "former",
        "acting",
        "interim",
        "vice",
        "assistant",
        "associate",
        "managing",
        "executive",
        "general",
        "state",
        "district",
        "team",
        "club",
        "national",
        "head",
        "principal",
        "lead",
        "top",
        "junior",
        "regional",
        "local",
        "opposition",
        "treasury",
        "finance",
        "health",
        "defence",
        "defense",
        "trade",
        "economy",
        "shadow",
        "party",
        "union",
        "retired",
        "fire",
        "police",
        "city",
        "county",
        "communications",
        "policy",
        "research",
        "legal",
        "financial",
        "operating",
        "technology",
        "investment",
        "campaign",
        "world",
        "government",
        "federal",
        "provincial",
        "military",
        "foreign-policy",
        "security",
        "first",
        "second",
        "outgoing",
        "incoming",
        "newly",
        "appointed",
        "elected",
        "veteran",
        "longtime",
        "long-time",
        "independent",
        "presidential",
        "environment",
        "education",
        "energy",
        "transport",
        "labour",
        "labor",
        "justice",
        "interior",
        "home",
        "culture",
        "sports",
        "tourism",
        "immigration",
        "climate",
        "market",
        "equity",
        "bond",
        "currency",
        "oil",
        "chief-executive",
    ])
});

/// True for a lower-case word that can qualify a role in a title ("press", "deputy").
pub fn is_modifier(word: &str) -> bool {
    MODIFIERS.contains_lowered(word)
}

/// Roles that are offices: "the minister" names only a person introduced as a minister.
pub(super) static OFFICES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "minister",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "treasurer",
        "chancellor",
        "secretary",
        "senator",
        "judge",
        "ambassador",
        "prosecutor",
        "premier",
        "chairman",
        "chairwoman",
        "commissioner",
        "sheriff",
        "secretary-general",
        "director-general",
        "coach",
        "manager",
        "headteacher",
        "envoy",
    ])
});

/// Honorifics, dropped from names and titles.
pub(super) static HONORIFICS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "sir", "dame", "dr", "dr.",
        "madam", "mme", "mme.", "m.", "herr", "frau",
    ])
});

/// True for a word that may be the head of a person's role ("spokesman", "analyst").
pub fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains_lowered(word)
}

/// True for a role that is an office, which names only someone introduced with it.
pub fn is_office(word: &str) -> bool {
    OFFICES.contains(word)
}

/// True for an honorific ("Mr", "Dr.", "Sir").
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains_lowered(word)
}

/// Joins tokens as written: a space before each word and opening bracket, none after an
/// opening bracket or before other punctuation ("Commission (NDRC)").
pub(super) fn join(tokens: &[Token]) -> String {
    join_words(tokens.iter(), capacity_for(tokens))
}

/// Room for the words of `tokens` with a space between each (a string is made once).
pub(super) fn capacity_for(tokens: &[Token]) -> usize {
    tokens.iter().map(|t| t.text.len() + 1).sum()
}

/// [`join`] over words picked from a phrase, in a string made with room for `capacity`
/// bytes.
pub(super) fn join_words<'t, 'a: 't>(
    tokens: impl Iterator<Item = &'t Token<'a>>,
    capacity: usize,
) -> String {
    let mut s = String::with_capacity(capacity);
    let mut after_open = false;
    for t in tokens {
        let opening = matches!(t.text, "(" | "[");
        if !s.is_empty() && !after_open && (t.kind == Kind::Word || opening) {
            s.push(' ');
        }
        s.push_str(t.text);
        after_open = opening;
    }
    s
}

/// Joins words into a title, dropping a leading article, honorifics and clause words.
pub fn title_text(tokens: &[Token]) -> Option<String> {
    let mut start = 0;
    while start < tokens.len() {
        let lower = tokens[start].lower();
        let junk = LEADING_JUNK.contains(lower.as_str())
            || matches!(
                lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
            || HONORIFICS.contains(lower.as_str());
        if !junk {
            break;
        }
        start += 1;
    }
    let rest = &tokens[start..];
    // One word that is no title: a verb, a function word, a possessive ("reacted",
    // "until", "Colorado's"); a lower-case role stays ("baker").
    if let [only] = rest {
        let l = only.lower().as_str();
        let role = ROLE_NOUNS.contains(l) || TITLE_WORDS.contains(l) || MODIFIERS.contains(l);
        let verb = (l.ends_with("ed") || matches!(l, "until" | "state" | "had" | "for" | "of"))
            && !only.is_capitalised()
            && !role;
        let owned = l.trim_end_matches(['s', 'S']).ends_with(['’', '\'']);
        if verb || NOT_NAMES.contains(l) || owned {
            return None;
        }
    }
    let text = join_words(
        rest.iter()
            .filter(|t| !HONORIFICS.contains(t.lower().as_str())),
        capacity_for(rest),
    );
    let trimmed = text.trim_matches(|c: char| c == ',' || c.is_whitespace());
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_string())
    }
}

/// True when the words form a title or role ("deputy spokesman for the UN", "an analyst
/// at Barclays"), not a clause ("who runs a hotel") or an age ("54").
pub fn looks_like_title(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    let Some(first) = words.first() else {
        return false;
    };
    let first = first.lower();
    if matches!(
        first.as_str(),
        "who" | "whose" | "which" | "where" | "when" | "whom" | "that" | "speaking" | "adding"
    ) || words.len() > 24
    {
        return false;
    }
    if words
        .iter()
        .all(|w| w.text.chars().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    // "a fellow at Brookings", "an associate with Baker McKenzie": a post somewhere.
    let post_at = matches!(first.as_str(), "a" | "an")
        && words
            .iter()
            .take(5)
            .skip(2)
            .any(|w| matches!(w.lower().as_str(), "at" | "with"));
    post_at
        || words.iter().any(|w| {
            let l = w.lower();
            // "fireman", "businesswoman": a compound of a trade and man or woman.
            let compound = l.len() > 5
                && (l.ends_with("man") || l.ends_with("woman"))
                && gender_of_word(l) != Gender::Unknown;
            compound || ROLE_NOUNS.contains(l.as_str()) || TITLE_WORDS.contains(l.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_verb_function_word_or_possessive_is_no_title() {
        let title = |s: &str| title_text(&crate::quotes::tokens::tokenize(s, 0));
        assert_eq!(title("until"), None);
        assert_eq!(title("reacted"), None);
        assert_eq!(title("Both"), None);
        assert_eq!(title("Ohio's"), None);
        assert_eq!(title("Ohio’s"), None);
        assert_eq!(title("baker").as_deref(), Some("baker"));
        assert_eq!(title("Senator").as_deref(), Some("Senator"));
    }
    use crate::quotes::tokens::tokenize;

    #[test]
    fn titles_are_roles_not_clauses() {
        let t = |s: &str| looks_like_title(&tokenize(s, 0));
        assert!(t("deputy spokesman for the UN Secretary-General"));
        assert!(t("a senior analyst at Barclays"));
        assert!(!t("54"));
        assert!(!t("who runs a hotel in Chania"));
    }

    #[test]
    fn titles_keep_brackets_and_posts_somewhere() {
        assert_eq!(
            title_text(&tokenize("head of the Civil Aviation Authority (CAA)", 0)).as_deref(),
            Some("head of the Civil Aviation Authority (CAA)")
        );
        assert!(looks_like_title(&tokenize(
            "a fellow at the Lowy Institute",
            0
        )));
    }
}
