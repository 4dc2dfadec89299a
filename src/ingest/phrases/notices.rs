//! The notices a site or an issuer prints under every article, whatever it says:
//! legal notices (trademark and rights lines, "not financial advice" and health
//! disclaimers, a press release's forward-looking-statements warning) and sign-up
//! prompts ("Get our alerts delivered to your inbox", "Subscribe to the magazine",
//! "I agree that we can send me the newsletter").
//!
//! Each recogniser reads one block's text: legal notices are told by phrases that
//! only boilerplate uses, searched in the text as written (no lower-cased copy, so
//! long paragraphs cost one fast scan); sign-up prompts by a call to act at the start
//! of a short block and a channel word later in it.

use std::sync::LazyLock;

use super::scan::PhraseScan;

/// Phrases of legal notices, as they are written inside a sentence (lower case;
/// the rights lines also as they open one):
/// rights and trademark lines, disclaimers of advice, health-claim disclaimers, a
/// press release's forward-looking-statements warning, in several languages.
const LEGAL_PHRASES: &[&str] = &[
    "registered trademarks of",
    "registered trademark of",
    "are trademarks of",
    "is a trademark of",
    "trademarks of their respective",
    "trademarks are the property of",
    "all rights reserved",
    "all right reserved",
    "for informational purposes only",
    "for information purposes only",
    "for general information purposes",
    "does not constitute investment advice",
    "does not constitute financial advice",
    "does not constitute legal advice",
    "does not constitute medical advice",
    "should not be construed as",
    "is not a substitute for professional",
    "not intended to diagnose",
    "have not been evaluated by the",
    "results may vary",
    "results vary depending",
    "information provided on this website",
    "information provided on this site",
    "information contained on this website",
    "within the meaning of the private securities",
    "securities litigation reform act",
    "undue reliance on",
    "forward-looking statements are",
    "this press release contains forward-looking",
    "the views expressed in this",
    "All rights reserved",
    "All Rights Reserved",
    "tous droits réservés",
    "Tous droits réservés",
    "Todos los derechos reservados",
    "Todos os direitos reservados",
    "Alle Rechte vorbehalten",
    "Tutti i diritti riservati",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "alle rechte vorbehalten",
    "tutti i diritti riservati",
    "무단 전재 및 재배포",
    "무단전재 및 재배포",
    "無断転載を禁",
];

/// A legal notice printed under the article (a rights or trademark line, a
/// disclaimer of advice, a health-claim disclaimer, a forward-looking-statements
/// warning): never the story's text, however long.
pub fn is_legal_notice(text: &str) -> bool {
    static LEGAL: LazyLock<PhraseScan> = LazyLock::new(|| PhraseScan::new(LEGAL_PHRASES));
    LEGAL.is_match(text)
}

/// Most words of a sign-up prompt.
const PROMPT_MAX_WORDS: usize = 60;

/// The calls to act a sign-up prompt opens with (lower-cased, at a word boundary;
/// their first bytes are [`PROMPT_FIRST_BYTES`]).
const PROMPT_OPENINGS: &[&str] = &[
    "get ",
    "subscribe ",
    "subscribe to ",
    "sign up ",
    "join ",
    "receive ",
    "every day we send",
    "every week we send",
    "i agree that",
    "i agree to receive",
    "i would like to receive",
    "yes, i would like",
    "stay up to date with",
    "stay informed",
    "don't miss out",
];

/// The first bytes of [`PROMPT_OPENINGS`]: most blocks are passed over on the first.
const PROMPT_FIRST_BYTES: &[u8] = b"gsjreiyd";

/// The channel a sign-up prompt offers: the inbox, a newsletter, alerts, an
/// edition delivered, a subscription, an app, a code for a discount.
const PROMPT_CHANNELS: &[&str] = &[
    "inbox",
    "newsletter",
    "email",
    "e-mail",
    "alerts",
    "delivered",
    "subscription",
    "subscribe",
    "issues for",
    "the app",
    "on the go",
    "by clicking",
    "click here",
    "use the code",
    "promo code",
];

/// A prompt to sign up or subscribe ("Get breaking news alerts delivered to your
/// inbox", "Subscribe to the magazine for £1 an issue", "I agree that the site may
/// send me its newsletter"): a call to act opening a short block (at most
/// [`PROMPT_MAX_WORDS`] words) that names a channel. `lower` is the block
/// lower-cased; `words` its word count.
pub fn is_signup_prompt(lower: &str, words: usize) -> bool {
    words <= PROMPT_MAX_WORDS
        && lower
            .as_bytes()
            .first()
            .is_some_and(|b| PROMPT_FIRST_BYTES.contains(b))
        && PROMPT_OPENINGS.iter().any(|o| lower.starts_with(o))
        && PROMPT_CHANNELS.iter().any(|c| lower.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_notices_are_told_by_boilerplate_phrases() {
        assert!(is_legal_notice(
            "Widgetry and the Widgetry logo are registered trademarks of Widgetry Ltd. Other names may be claimed by others."
        ));
        assert!(is_legal_notice(
            "The articles on this page are for informational purposes only and are written by our staff without review."
        ));
        assert!(is_legal_notice(
            "These claims have not been evaluated by the health authority, and the tonic is not intended to diagnose any illness."
        ));
        assert!(is_legal_notice(
            "Readers should not place undue reliance on such statements, which speak only as of the date of this release."
        ));
        assert!(is_legal_notice(
            "Copyright 2031 Harbour Gazette. Tous droits réservés."
        ));
        assert!(is_legal_notice(
            "이 기사의 무단 전재 및 재배포를 금지합니다."
        ));
        // A story's sentence about trademarks in general is not a notice.
        assert!(!is_legal_notice(
            "The brewery said it would defend its trademark in court next month."
        ));
    }

    #[test]
    fn signup_prompts_name_a_channel() {
        let prompt = |s: &str| is_signup_prompt(&s.to_lowercase(), s.split_whitespace().count());
        assert!(prompt(
            "Get the Weekend Walker delivered to your door each month. Six issues for £9."
        ));
        assert!(prompt(
            "Get morning alerts and the day's top stories in your inbox."
        ));
        assert!(prompt("Subscribe to Orbit and read every feature."));
        assert!(prompt(
            "I agree that Fenland Radio can send me its weekly newsletter."
        ));
        assert!(prompt(
            "Every day we send an email with the best reads from the week."
        ));
        // A story's sentence that opens with "Get" but offers nothing.
        assert!(!prompt(
            "Get out while you can, the warden told the villagers."
        ));
        // Every opening's first byte is looked for.
        assert!(
            PROMPT_OPENINGS
                .iter()
                .all(|o| PROMPT_FIRST_BYTES.contains(&o.as_bytes()[0]))
        );
        // A long paragraph is never a prompt.
        let long = format!("Get {} email.", "word ".repeat(70));
        assert!(!prompt(&long));
    }
}
