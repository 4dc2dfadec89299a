//! Finding direct quotes and attributing them to speakers.
//!
//! The stages, one module each:
//! - [`detect`] finds the quote marks that open and close speech, and quotes running on
//!   over several paragraphs;
//! - [`tokens`] splits the prose around a quote into words and punctuation;
//! - [`cues`] finds the attribution clause next to a quote ("said Wang Zhihua, director
//!   of …", "she told reporters:");
//! - [`names`] tells people, titles, roles, pronouns and organisations apart;
//! - [`prose`] reads the sentences outside quotes for who the story introduces;
//! - [`cast`] keeps who has been introduced, to resolve surnames, roles and pronouns, and
//!   [`recency`] who it talked about last, and [`story_words`] which capitalised phrases the
//!   story's own words tell are no names;
//! - [`attribute`] puts it together, reading each story once, in order;
//! - [`names::describe`] gives a speaker left without a title the one the story gives them;
//! - [`directory`](mod@directory) merges speakers across the corpus;
//! - [`work`] counts the work of reading a story, for tests of its cost;
//!
//! Everything is a linear scan of the story; lexicons are built once ([`std::sync::LazyLock`]).
//!
//! An organisation speaks when the text says so ("the ministry said"): the speaker is then
//! the organisation's name as introduced earlier ("Ministry of Commerce"), else the words
//! as written with the first letter capitalised and the article kept ("The company").

pub mod attribute;
pub mod cast;
#[cfg(test)]
mod cost;
pub mod cues;
pub mod detect;
pub mod directory;
pub mod governing;
pub mod lower;
pub mod names;
pub mod paragraph;
pub mod prose;
pub mod recency;
pub mod reporting;
pub mod story_words;
pub mod tokens;
pub mod wordset;
pub mod work;

use crate::model::{Names, Quote, Speaker, Story};
use paragraph::Paragraph;

/// Finds every direct quote in a story, in reading order, with its speaker when the text
/// tells who it is.
pub fn extract(story: &Story) -> Vec<Quote> {
    // Every quote opens with one of these marks: a story with none has no quotes, and
    // is not read further (most paragraphs of most stories quote nobody).
    if !story.paragraphs.iter().any(|p| may_open_quote(p)) {
        return Vec::new();
    }
    let paragraphs: Vec<Paragraph<'_>> =
        story.paragraphs.iter().map(|p| Paragraph::new(p)).collect();
    let mut names = Names::default();
    // The paragraphs the attribution reads whole are split into tokens once, for the
    // titles too.
    let mut whole = Vec::new();
    let mut quotes = attribute::quotes_keeping(&paragraphs, story.time(), &mut names, &mut whole);
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text).collect();
    names::story_titles::give_titles_with(&texts, whole, &mut quotes);
    // The titles given last are shared with the equal names of the story too.
    for q in &mut quotes {
        names.share_opt(&mut q.speaker_title);
    }
    quotes
}

/// True when the text holds a mark that can open a quote (see [`detect`]); false means
/// [`detect::find`] finds nothing in it.
///
/// Read by searching bytes: `"` and `'` are ASCII, `«` is `C2 AB` in UTF-8, and `“` `„` `‹` `‘`
/// are `E2 80` followed by `9C`, `9E`, `B9` and `98`.
pub fn may_open_quote(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2(b'"', b'\'', b).is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, b).any(|i| match b[i] {
            0xC2 => b.get(i + 1) == Some(&0xAB),
            _ => {
                b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0x9C | 0x9E | 0xB9 | 0x98))
            }
        })
}

/// Builds the speaker directory over the corpus (stories in corpus order).
pub fn directory(stories: &[Story]) -> Vec<Speaker> {
    directory::build(stories)
}

#[cfg(test)]
mod tests {
    use super::attribute::quotes;
    use crate::model::{Name, Story};

    #[test]
    fn the_quotes_of_one_speaker_share_their_names() {
        let story = Story::new(
            "a.txt",
            "Harbour",
            vec![
                "\"The tide is two hours late tonight,\" said Oona Vale, a nurse.".into(),
                "\"The boats will have to wait for the morning,\" Vale said.".into(),
                "\"We still hope to sail at noon,\" said Rafe Dunn. \"Or at one at the latest.\""
                    .into(),
                "\"Nobody sails before the water is back,\" said Oona Vale.".into(),
            ],
        );
        let q = super::extract(&story);
        assert_eq!(q.len(), 4, "{q:?}");
        let name = |k: usize| -> Name { q[k].speaker.clone().expect("speaker") };
        assert_eq!(name(0), "Oona Vale");
        assert_eq!(name(1), "Oona Vale");
        assert_eq!(name(3), "Oona Vale");
        assert!(name(0).shares(&name(1)) && name(0).shares(&name(3)));
        assert_eq!(name(2), "Rafe Dunn");
        assert!(!name(2).shares(&name(0)));
        let title = |k: usize| -> Name { q[k].speaker_title.clone().expect("title") };
        assert_eq!(title(0), "nurse");
        assert!(title(0).shares(&title(1)) && title(0).shares(&title(3)));
        let cue = |k: usize| -> Name { q[k].cue.clone().expect("cue") };
        assert!(cue(0).shares(&cue(1)) && cue(0).shares(&cue(2)));
    }
    use super::paragraph::Paragraph;
    use proptest::prelude::*;

    /// Text made of words, spaces and every kind of quote mark and apostrophe.
    fn newsish() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("\"".to_string()),
                Just("'".to_string()),
                Just("“".to_string()),
                Just("”".to_string()),
                Just("‘".to_string()),
                Just("’".to_string()),
                Just("«".to_string()),
                Just("»".to_string()),
                Just("„".to_string()),
                Just(", ".to_string()),
                Just(". ".to_string()),
                Just(": ".to_string()),
                Just(" said ".to_string()),
                Just(" he ".to_string()),
                Just(" Ana Ruiz".to_string()),
                Just(" the minister".to_string()),
                "[a-zA-Zé ]{0,12}",
            ],
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// The pre-check `extract` uses to skip a story is exact: text it rejects holds
        /// no quote for the full scan either (and a quote it finds passes the check).
        #[test]
        fn quote_mark_pre_check_agrees_with_the_scan(paras in proptest::collection::vec(newsish(), 0..4)) {
            let found = super::detect::find(&paras);
            let read: Vec<Paragraph<'_>> = paras.iter().map(|p| Paragraph::new(p)).collect();
            prop_assert_eq!(&super::detect::find(&read), &found);
            // Reading only the paragraphs with a quote mark finds the same quotes.
            let marked: Vec<&str> = paras
                .iter()
                .map(|p| if super::may_open_quote(p) { p.as_str() } else { "" })
                .collect();
            prop_assert_eq!(&super::detect::find(&marked), &found);
            if !paras.iter().any(|p| super::may_open_quote(p)) {
                prop_assert!(found.is_empty());
                prop_assert!(quotes(&read, None).is_empty());
            }
            for f in &found {
                prop_assert!(super::may_open_quote(&paras[f.pieces[0].paragraph]));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// The byte scan finds exactly the marks that may open a quote.
        #[test]
        fn quote_mark_check_reads_bytes_as_characters(text in "[a-z \"'“”„«»‹›‘’—é€]{0,24}") {
            let marks = ['"', '\'', '“', '„', '«', '‹', '‘'];
            prop_assert_eq!(super::may_open_quote(&text), text.contains(marks));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(192))]
        #[test]
        fn never_panics_and_spans_stay_in_their_paragraphs(
            paras in proptest::collection::vec(newsish(), 0..5)
        ) {
            let read: Vec<Paragraph<'_>> = paras.iter().map(|p| Paragraph::new(p)).collect();
            for q in quotes(&read, None) {
                prop_assert!(!q.spans.is_empty());
                prop_assert_eq!(q.paragraph, q.spans[0].paragraph);
                prop_assert_eq!(q.start, q.spans[0].start);
                prop_assert_eq!(q.end, q.spans[q.spans.len() - 1].end);
                for s in &q.spans {
                    prop_assert!(s.start < s.end);
                    prop_assert!(s.end as usize <= paras[s.paragraph as usize].chars().count());
                }
            }
        }
    }
}
