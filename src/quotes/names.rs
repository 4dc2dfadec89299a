//! Telling people, titles, roles and organisations apart in the words naming a speaker.
//!
//! A noun phrase such as `UN Secretary-General António Guterres`, `the senior official`,
//! `he`, `a source familiar with the matter` or `the Ministry of Commerce` is classified
//! into a [`Mention`], with the person's name split from the title in front of it.
//!
//! Names keep their particles and prefixes (`Ursula von der Leyen`, `Luiz Inácio Lula da
//! Silva`, `Abdel Fattah al-Sisi`); a trailing "of Place" is dropped (`Sen. John Thune of
//! South Dakota`) except in a peer's name (`Lord Smith of Finsbury`); honorifics (Mr, Dr,
//! Sir, Dame) give gender but are not titles; a role noun between an organisation and a
//! name is part of the title (`NBS statistician Yu Weining`).

use super::wordset::WordSet;
use std::sync::LazyLock;

use super::tokens::{Kind, Lower, Token};

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

/// Who a noun phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// A personal pronoun ("he", "she", "they", "it").
    Pronoun(String),
    /// A person by name, with the title in front of the name when there is one.
    Person {
        /// The name (one word when only a surname is given).
        name: String,
        /// The title before the name ("UN Secretary-General").
        title: Option<String>,
        /// What an honorific or title says.
        gender: Gender,
    },
    /// A named organisation ("Ministry of Commerce", "Greater Manchester Police").
    Organisation(String),
    /// An organisation by a common noun ("the ministry", "the company"); `head` is the noun.
    OrganisationRef {
        /// The head noun, lower case.
        head: String,
        /// The words as written.
        text: String,
    },
    /// A person by role ("the senior official", "the spokesman", "the 48-year-old").
    Role {
        /// The head noun, lower case.
        head: String,
        /// The words as written.
        text: String,
    },
    /// Someone the text does not name ("a source", "one resident", "officials").
    Anonymous(String),
}

fn set(words: &'static [&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// Capitalised words that are titles, not names.
static TITLE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
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
static ROLE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
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
static MODIFIERS: LazyLock<WordSet> = LazyLock::new(|| {
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
static OFFICES: LazyLock<WordSet> = LazyLock::new(|| {
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

/// Nouns that make a phrase an organisation.
static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "ministry",
        "department",
        "agency",
        "office",
        "bureau",
        "commission",
        "council",
        "committee",
        "police",
        "service",
        "services",
        "bank",
        "company",
        "co.",
        "inc.",
        "inc",
        "corp.",
        "corporation",
        "ltd",
        "ltd.",
        "plc",
        "group",
        "association",
        "federation",
        "union",
        "party",
        "government",
        "administration",
        "university",
        "institute",
        "foundation",
        "organization",
        "organisation",
        "authority",
        "court",
        "parliament",
        "congress",
        "senate",
        "assembly",
        "army",
        "navy",
        "force",
        "forces",
        "guard",
        "embassy",
        "kremlin",
        "pentagon",
        "nations",
        "board",
        "club",
        "fc",
        "league",
        "fund",
        "reserve",
        "airline",
        "airlines",
        "airways",
        "network",
        "exchange",
        "secretariat",
        "directorate",
        "holdings",
        "securities",
        "trust",
        "centre",
        "center",
        "hospital",
        "coalition",
        "alliance",
        "cabinet",
        "mission",
        "firm",
        "regulator",
        "watchdog",
        "military",
        "ministry's",
        "team",
        "body",
        "operator",
        "chain",
        "retailer",
        "insurer",
        "carrier",
        "lender",
        "broadcaster",
        "network",
        "studio",
        "publisher",
        "newspaper",
        "school",
        "college",
        "charity",
        "campaign",
        "house",
    ])
});

/// Common nouns for organisations that may stand for the last one named ("the agency").
static GENERIC_ORGS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "agency",
        "company",
        "firm",
        "organization",
        "organisation",
        "group",
        "body",
        "regulator",
        "watchdog",
        "operator",
        "retailer",
        "lender",
        "insurer",
        "carrier",
        "broadcaster",
        "publisher",
        "charity",
    ])
});

/// Words that start a phrase naming nobody in particular.
static INDEFINITE: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "a", "an", "one", "another", "some", "several", "many", "two", "three", "four", "five",
        "few", "most", "other", "others", "multiple", "numerous", "various", "no",
    ])
});

/// Words that introduce a clause and are not part of the phrase after them.
static LEADING_JUNK: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "and", "but", "while", "whereas", "as", "though", "although", "when", "then", "so", "yet",
        "or", "because", "since", "after", "before", "where",
    ])
});

/// Capitalised words that are never names.
static NOT_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "the",
        "a",
        "an",
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "in",
        "on",
        "at",
        "for",
        "but",
        "and",
        "however",
        "asked",
        "speaking",
        "after",
        "before",
        "during",
        "when",
        "while",
        "if",
        "as",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "meanwhile",
        "according",
        "also",
        "still",
        "now",
        "then",
        "earlier",
        "later",
        "last",
        "next",
        "since",
        "with",
        "by",
        "from",
        "of",
        "to",
        "under",
        "over",
        "both",
        "all",
        "some",
        "many",
        "most",
        "such",
        "what",
        "who",
        "why",
        "how",
        "where",
        "which",
        "one",
        "two",
        "so",
        "yes",
        "no",
        "not",
        "even",
    ])
});

/// Particles inside names ("Erik ten Hag", "Ursula von der Leyen").
static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "van", "von", "de", "der", "den", "ten", "ter", "da", "di", "du", "del", "della", "la",
        "le", "bin", "al", "el", "dos", "das", "do", "af", "zu", "y",
    ])
});

/// Peerage titles that stand with a surname as a peer's name ("Lord Smith of Finsbury").
static PEERAGES: LazyLock<WordSet> = LazyLock::new(|| {
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
static NAME_PREFIXES: LazyLock<WordSet> = LazyLock::new(|| {
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

/// Honorifics, dropped from names and titles.
static HONORIFICS: LazyLock<WordSet> = LazyLock::new(|| {
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

/// True for an organisation's common noun that may stand for the last one named.
pub fn is_generic_org(word: &str) -> bool {
    GENERIC_ORGS.contains(word)
}

/// True for a word that begins a clause and belongs to no noun phrase ("while", "and").
pub fn is_leading_junk(word: &str) -> bool {
    LEADING_JUNK.contains_lowered(word)
}

/// True for a capitalised function word, weekday or month ("The", "Friday"), never a name.
pub fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains_lowered(word)
}

/// True for an honorific ("Mr", "Dr.", "Sir").
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains_lowered(word)
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
    !NOT_NAMES.contains(lower.as_str())
        && !TITLE_WORDS.contains(lower.as_str())
        && !ORG_WORDS.contains(lower.as_str())
        && !is_acronym(t.text)
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
static GIVEN_NAMES: LazyLock<(WordSet, WordSet)> = LazyLock::new(|| {
    let female = set(&[
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

/// What a given name says about a person's gender, when it is a common one.
pub fn gender_of_given_name(name: &str) -> Gender {
    let (female, male) = &*GIVEN_NAMES;
    if female.contains_lowered(name) {
        Gender::Female
    } else if male.contains_lowered(name) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Joins tokens as written: a space before each word and opening bracket, none after an
/// opening bracket or before other punctuation ("Commission (NDRC)").
fn join(tokens: &[Token]) -> String {
    join_words(tokens.iter(), capacity_for(tokens))
}

/// Room for the words of `tokens` with a space between each (a string is made once).
fn capacity_for(tokens: &[Token]) -> usize {
    tokens.iter().map(|t| t.text.len() + 1).sum()
}

/// [`join`] over words picked from a phrase, in a string made with room for `capacity`
/// bytes.
fn join_words<'t, 'a: 't>(tokens: impl Iterator<Item = &'t Token<'a>>, capacity: usize) -> String {
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

/// Finds where a trailing person's name starts in `words` (all words), if they end in one.
/// Returns the index of the first name word.
fn name_start(words: &[Token]) -> Option<usize> {
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
        let role = lower.chars().count() > 3 && ROLE_NOUNS.contains(lower.as_str());
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
fn peer_at(words: &[Token]) -> Option<usize> {
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
fn of_place_at(words: &[Token]) -> Option<usize> {
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

/// Classifies a noun phrase naming a speaker. `None` when it names nobody.
pub fn classify(tokens: &[Token]) -> Option<Mention> {
    // The words only: most phrases are nothing but words, and are read in place.
    let only_words: Vec<Token>;
    let mut words: &[Token] = if tokens.iter().all(Token::is_word) {
        tokens
    } else {
        only_words = tokens.iter().filter(|t| t.is_word()).cloned().collect();
        &only_words
    };
    while let Some((first, rest)) = words.split_first()
        && LEADING_JUNK.contains(first.lower().as_str())
    {
        words = rest;
    }
    // "Lord Smith of Finsbury" is a peer's whole name.
    if let Some(p) = peer_at(words) {
        let gender = gender_of_word(words[p].lower());
        return Some(Mention::Person {
            name: join(&words[p..]),
            title: title_text(&words[..p]),
            gender,
        });
    }
    // "Sen. Tom Harlan of Ohio": drop a trailing "of Place" after a name.
    if let Some(k) = of_place_at(words) {
        words = &words[..k];
    }
    let first = words.first()?;
    let lower_first = first.lower();
    // The words as written, for the mentions that keep them.
    let text = || join(words);
    if words.len() == 1
        && let "he" | "she" | "they" | "it" | "we" | "i" = lower_first.as_str()
    {
        return Some(Mention::Pronoun(lower_first.into()));
    }
    if INDEFINITE.contains(lower_first.as_str()) {
        return Some(Mention::Anonymous(text()));
    }
    let lower = |k: usize| words[k].lower();
    let last_lower = words.last()?.lower();
    // A named organisation: capitalised words with an organisation noun at the head
    // ("Greater Manchester Police") or before "of" ("Ministry of Health").
    let org_at = words.iter().enumerate().position(|(k, w)| {
        w.is_capitalised()
            && ORG_WORDS.contains(w.lower().as_str())
            && (k + 1 == words.len() || matches!(lower(k + 1).as_str(), "of" | "for"))
    });
    let definite = matches!(
        lower_first.as_str(),
        "the" | "his" | "her" | "their" | "its"
    );
    let rest: &[Token] = if definite { &words[1..] } else { words };
    if rest.is_empty() {
        return None;
    }
    if let Some(k) = org_at {
        let all_caps_before = rest
            .iter()
            .take_while(|w| w.start < words[k].start)
            .all(|w| w.is_capitalised() || w.text.contains('.'));
        // "Bank of England Governor Andrew Bailey" is a person with a title.
        let person_after = name_start(rest).is_some_and(|j| {
            j > 0 && {
                let before = rest[j - 1].lower();
                TITLE_WORDS.contains(before.as_str()) || ROLE_NOUNS.contains(before.as_str())
            }
        });
        if all_caps_before && !person_after {
            return Some(Mention::Organisation(join(rest)));
        }
    }
    if rest.len() == 1 && is_acronym(rest[0].text) {
        return Some(Mention::Organisation(rest[0].text.to_string()));
    }
    if let Some(j) = name_start(rest) {
        let name_words = &rest[j..];
        let gender = rest[..j]
            .iter()
            .map(|w| gender_of_word(w.lower()))
            .find(|g| *g != Gender::Unknown)
            .unwrap_or(Gender::Unknown);
        return Some(Mention::Person {
            name: join(name_words),
            title: title_text(&rest[..j]),
            gender,
        });
    }
    // A common noun phrase: the head is the word before "of", else the last word.
    let head_at = words
        .iter()
        .position(|w| matches!(w.lower().as_str(), "of" | "at" | "for" | "in" | "with"))
        .filter(|&k| k > 0)
        .map_or(words.len() - 1, |k| k - 1);
    let head = lower(head_at);
    if ORG_WORDS.contains(head.as_str()) {
        return Some(Mention::OrganisationRef {
            head: head.into(),
            text: text(),
        });
    }
    if definite {
        return Some(Mention::Role {
            head: head.into(),
            text: text(),
        });
    }
    // Bare plurals and nouns: "officials", "witnesses", "police".
    if words.len() <= 3 && !first.is_capitalised() {
        if ORG_WORDS.contains(last_lower.as_str()) {
            return Some(Mention::OrganisationRef {
                head: last_lower.into(),
                text: text(),
            });
        }
        return Some(Mention::Anonymous(text()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    fn np(s: &str) -> Option<Mention> {
        classify(&tokenize(s, 0))
    }

    fn person(name: &str, title: Option<&str>) -> Option<Mention> {
        Some(Mention::Person {
            name: name.into(),
            title: title.map(Into::into),
            gender: Gender::Unknown,
        })
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
    fn title_before_name() {
        assert_eq!(
            np("UN Secretary-General António Guterres"),
            person("António Guterres", Some("UN Secretary-General"))
        );
        assert_eq!(
            np("Foreign Ministry spokesperson Mao Ning"),
            person("Mao Ning", Some("Foreign Ministry spokesperson"))
        );
        assert_eq!(
            np("Manchester United manager Erik ten Hag"),
            person("Erik ten Hag", Some("Manchester United manager"))
        );
        assert_eq!(
            np("Regional Director for Europe Hans Kluge"),
            person("Hans Kluge", Some("Regional Director for Europe"))
        );
    }

    #[test]
    fn honorifics_give_gender_not_titles() {
        assert_eq!(
            np("Mr. Johnson"),
            Some(Mention::Person {
                name: "Johnson".into(),
                title: None,
                gender: Gender::Male
            })
        );
    }

    #[test]
    fn pronouns_roles_and_anonymous_sources() {
        assert_eq!(np("she"), Some(Mention::Pronoun("she".into())));
        assert!(
            matches!(np("the senior official"), Some(Mention::Role { head, .. }) if head == "official")
        );
        assert!(
            matches!(np("the head of the agency"), Some(Mention::Role { head, .. }) if head == "head")
        );
        assert!(matches!(
            np("a source familiar with the matter"),
            Some(Mention::Anonymous(_))
        ));
        assert!(matches!(np("one resident"), Some(Mention::Anonymous(_))));
        assert!(matches!(np("officials"), Some(Mention::Anonymous(_))));
    }

    #[test]
    fn organisations() {
        assert_eq!(
            np("the Ministry of Commerce"),
            Some(Mention::Organisation("Ministry of Commerce".into()))
        );
        assert_eq!(
            np("Greater Manchester Police"),
            Some(Mention::Organisation("Greater Manchester Police".into()))
        );
        assert!(
            matches!(np("the ministry"), Some(Mention::OrganisationRef { head, .. }) if head == "ministry")
        );
        assert!(matches!(
            np("police"),
            Some(Mention::OrganisationRef { .. })
        ));
    }

    #[test]
    fn titles_are_roles_not_clauses() {
        let t = |s: &str| looks_like_title(&tokenize(s, 0));
        assert!(t("deputy spokesman for the UN Secretary-General"));
        assert!(t("a senior analyst at Barclays"));
        assert!(!t("54"));
        assert!(!t("who runs a hotel in Chania"));
    }

    #[test]
    fn of_place_after_a_name_is_dropped_whatever_its_length() {
        assert_eq!(
            np("Democratic Rep. Anna Kowal of New Mexico"),
            person("Anna Kowal", Some("Democratic Rep."))
        );
        assert_eq!(
            np("Superintendent Mark Ellis of Thames Valley Police"),
            person("Mark Ellis", Some("Superintendent"))
        );
        // An organisation's "of" is not a place after a name.
        assert_eq!(
            np("the Bank of Korea"),
            Some(Mention::Organisation("Bank of Korea".into()))
        );
    }

    #[test]
    fn peers_keep_their_title_and_seat_as_the_name() {
        assert_eq!(
            np("Lord Pennant of Cardigan"),
            Some(Mention::Person {
                name: "Lord Pennant of Cardigan".into(),
                title: None,
                gender: Gender::Male,
            })
        );
        assert!(matches!(
            np("Baroness Fenwick"),
            Some(Mention::Person { name, gender: Gender::Female, .. }) if name == "Baroness Fenwick"
        ));
        // A courtesy title before a full name is not a peer's name.
        assert!(matches!(
            np("Lady Clara Voss"),
            Some(Mention::Person { name, .. }) if name == "Clara Voss"
        ));
    }

    #[test]
    fn particles_and_prefixes_stay_inside_names() {
        assert_eq!(
            np("Dutch Finance Minister Pieter van den Broek"),
            person("Pieter van den Broek", Some("Dutch Finance Minister"))
        );
        assert_eq!(
            np("Governor Ana Paula dos Santos Lima"),
            person("Ana Paula dos Santos Lima", Some("Governor"))
        );
        assert_eq!(
            np("Saudi Foreign Minister Faisal bin Farhan"),
            person("Faisal bin Farhan", Some("Saudi Foreign Minister"))
        );
        assert_eq!(np("el-Baradei"), person("el-Baradei", None));
        assert_eq!(np("van den Broek"), person("van den Broek", None));
        assert!(is_prefixed_name("al-Hakim"));
        assert!(!is_prefixed_name("al-based"));
        assert!(!is_prefixed_name("well-Known"));
    }

    #[test]
    fn role_nouns_after_an_organisation_are_titles() {
        assert_eq!(
            np("IMF economist Ruth Adeyemi"),
            person("Ruth Adeyemi", Some("IMF economist"))
        );
        // A capitalised role noun opening a sentence is not a given name.
        assert_eq!(
            np("Volunteer Sam Iles"),
            person("Sam Iles", Some("Volunteer"))
        );
    }

    #[test]
    fn compound_titles_tell_gender() {
        assert_eq!(gender_of_word("postman"), Gender::Male);
        assert_eq!(gender_of_word("Congresswoman"), Gender::Female);
        assert_eq!(gender_of_word("German"), Gender::Unknown);
        assert_eq!(gender_of_word("woman"), Gender::Female);
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
