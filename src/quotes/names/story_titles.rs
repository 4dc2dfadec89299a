//! The title each quote shows for its speaker, decided once for the whole story: the
//! title of the person's other quotes, else what the story says they are
//! ([`Prose::describe`]), else the description the attribution tied to the quote (`…,
//! the Ohio senator said.`), else a later description the story ties to them
//! ([`later_descriptions`]). Reads the story's prose only when a named person's quotes
//! carry no title.

use super::anaphora::later_descriptions;
use super::definite::definite;
use super::describe::Prose;
use super::{Mention, classify};
use crate::model::{Name, Quote};
use crate::quotes::attribute::WholeParagraphs;
use crate::quotes::tokens::tokenize;

/// Gives each quote of a named person that the attribution left without a title the one
/// the story gives them: the title of their other quotes, else what the story says they
/// are ([`Prose::describe`]). Organisations and surnames alone are left as they are.
pub fn give_titles(paragraphs: &[&str], quotes: &mut [Quote]) {
    give_titles_with(paragraphs, Vec::new(), quotes);
}

/// [`give_titles`], with the tokens of the paragraphs already read whole (by
/// [`quotes_keeping`](crate::quotes::attribute::quotes_keeping)): those are not split
/// again.
pub fn give_titles_with<'a>(
    paragraphs: &[&'a str],
    whole: WholeParagraphs<'a>,
    quotes: &mut [Quote],
) {
    let untitled = |q: &Quote| q.speaker.is_some() && q.speaker_title.is_none();
    if !quotes.iter().any(untitled) {
        return;
    }
    let mut prose: Option<Prose> = None;
    let mut whole = Some(whole);
    let mut read = || Prose::read_with(paragraphs, whole.take().unwrap_or_default());
    let mut given: Vec<(Name, Option<Name>, bool)> = Vec::new();
    for k in 0..quotes.len() {
        if !untitled(&quotes[k]) {
            continue;
        }
        let Some(name) = quotes[k].speaker.clone() else {
            continue;
        };
        if given.iter().any(|(n, _, _)| *n == name) {
            continue;
        }
        let own = quotes
            .iter()
            .filter(|q| q.speaker.as_ref() == Some(&name))
            .find_map(|q| q.speaker_title.clone());
        // Read only for a name whose quotes carry no title.
        let person = own.is_none() && is_person(&name);
        let t = own
            .or_else(|| {
                person
                    .then(|| prose.get_or_insert_with(&mut read).describe(&name))
                    .flatten()
                    .map(Name::from)
            })
            .or_else(|| {
                // "…, the Ohio senator said.": the description the attribution tied to
                // the person.
                quotes
                    .iter()
                    .filter(|q| q.speaker.as_ref() == Some(&name))
                    .filter_map(|q| q.speaker_mention.as_deref())
                    .find_map(tied_description)
                    .filter(|_| person)
                    .map(Name::from)
            });
        given.push((name, t, person));
    }
    // What the story says later of those it gives no title yet.
    let later: Vec<usize> = (0..given.len())
        .filter(|&i| given[i].1.is_none() && given[i].2)
        .collect();
    if !later.is_empty() {
        let names: Vec<&str> = later.iter().map(|&i| given[i].0.as_str()).collect();
        let prose = prose.get_or_insert_with(read);
        let found = later_descriptions(prose, &names);
        for (&i, t) in later.iter().zip(found) {
            given[i].1 = t.map(Name::from);
        }
    }
    for q in quotes.iter_mut().filter(|q| untitled(q)) {
        let name = q.speaker.as_deref().unwrap_or_default();
        q.speaker_title = given
            .iter()
            .find(|(n, _, _)| *n == name)
            .and_then(|(_, t, _)| t.clone());
    }
}

/// The title in a definite description naming a speaker ("the Ohio senator": "Ohio
/// senator"), when the whole mention is one.
fn tied_description(mention: &str) -> Option<String> {
    let tokens = tokenize(mention, 0);
    let d = definite(&tokens, 0)?;
    (d.end == tokens.len()).then_some(d.title)
}

/// True for a person's full name (two words or more, not an organisation's).
fn is_person(name: &str) -> bool {
    name.split_whitespace().nth(1).is_some()
        && matches!(classify(&tokenize(name, 0)), Some(Mention::Person { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_the_attribution_tied_to_a_quote_is_the_title() {
        let p = [
            "Ann Lee won the vote.",
            "\"We did it,\" the Ohio senator said.",
        ];
        let mut quotes = vec![Quote {
            text: "We did it,".into(),
            speaker: Some("Ann Lee".into()),
            speaker_title: None,
            speaker_mention: Some("the Ohio senator".into()),
            cue: Some("said".into()),
            partial: false,
            paragraph: 1,
            start: 0,
            end: 12,
            timestamp: None,
            spans: Default::default(),
        }];
        give_titles(&p, &mut quotes);
        assert_eq!(quotes[0].speaker_title.as_deref(), Some("Ohio senator"));
        // A role that is no description of a post ("the woman") gives none.
        assert_eq!(tied_description("the woman"), None);
        assert_eq!(tied_description("the senator's aide"), None);
    }
}
