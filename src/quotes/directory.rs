//! The speaker directory: everyone quoted in the corpus, once each, with the titles the
//! stories give them.
//!
//! Decides how a person's titles are merged and ranked: spellings that differ only in case,
//! a leading article, apostrophes or punctuation are one title, written as most stories
//! write it; titles are ranked by how many stories give them, and [`summary_titles`] says
//! which ones a one-line listing shows. It reads only the quotes' speakers and titles.

use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;

use crate::model::{Speaker, Story};

/// A title as compared: lower case, without a leading article, with one kind of apostrophe,
/// single spaces and no trailing punctuation ("The Senator," and "senator" are one).
fn title_key(title: &str) -> String {
    let lower = title.to_lowercase().replace('’', "'");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && matches!(words[0], "the" | "a" | "an") {
        words.remove(0);
    }
    words
        .join(" ")
        .trim_end_matches([',', ';', ':', '.', ' '])
        .to_string()
}

/// The spellings of one title and the stories giving each, in first-seen order.
#[derive(Default)]
struct TitleTally {
    /// The title as compared ([`title_key`]).
    key: String,
    /// Each spelling with the number of stories writing it so.
    spellings: Vec<(String, usize)>,
    /// Stories giving the title in any spelling.
    stories: usize,
    /// When it was first seen (for a stable order among equals).
    first: usize,
}

impl TitleTally {
    /// The spelling shown: the one most stories write; among equals, one starting in lower
    /// case ("former President" over "Former President", capitalised at a sentence's
    /// start), then the first seen.
    fn shown(&self) -> String {
        let mut best = &self.spellings[0];
        for s in &self.spellings[1..] {
            let lower = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
            if s.1 > best.1 || (s.1 == best.1 && lower(&s.0) && !lower(&best.0)) {
                best = s;
            }
        }
        best.0.clone()
    }
}

/// One entry per speaker name (within a story, surnames were already resolved to the full
/// name), counting spoken (non-partial) quotes; sorted by quote count, then name. Each
/// speaker's titles are merged across spellings and ranked by the number of stories giving
/// them (counted in [`Speaker::title_stories`]).
pub fn build(stories: &[Story]) -> Vec<Speaker> {
    let mut index: HashMap<String, usize, RandomState> = HashMap::default();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut tallies: Vec<Vec<TitleTally>> = Vec::new();
    // (speaker, story id) pairs already listed.
    let mut listed: HashSet<(usize, &str), RandomState> = HashSet::default();
    // (speaker, title key, story id) triples already counted.
    let mut titled: HashSet<(usize, String, &str), RandomState> = HashSet::default();
    let mut seen = 0;
    for story in stories {
        for quote in story.quotes.iter().filter(|q| !q.partial) {
            let Some(name) = &quote.speaker else { continue };
            let k = *index.entry(name.to_string()).or_insert_with(|| {
                speakers.push(Speaker {
                    name: name.to_string(),
                    titles: Vec::new(),
                    title_stories: Vec::new(),
                    quote_count: 0,
                    stories: Vec::new(),
                });
                tallies.push(Vec::new());
                speakers.len() - 1
            });
            let s = &mut speakers[k];
            s.quote_count += 1;
            if let Some(t) = quote.speaker_title.as_deref().map(str::trim)
                && !t.is_empty()
            {
                let key = title_key(t);
                if titled.insert((k, key.clone(), story.id.as_str())) {
                    let list = &mut tallies[k];
                    let at = match list.iter().position(|x| x.key == key) {
                        Some(at) => at,
                        None => {
                            seen += 1;
                            list.push(TitleTally {
                                key: key.clone(),
                                first: seen,
                                ..TitleTally::default()
                            });
                            list.len() - 1
                        }
                    };
                    let tally = &mut list[at];
                    tally.stories += 1;
                    match tally.spellings.iter_mut().find(|(w, _)| w == t) {
                        Some((_, n)) => *n += 1,
                        None => tally.spellings.push((t.to_string(), 1)),
                    }
                }
            }
            // A set, not a scan of the list: a speaker quoted in thousands of stories
            // made the scan quadratic (6 s for 100,000 pages).
            if listed.insert((k, story.id.as_str())) {
                s.stories.push(story.id.clone());
            }
        }
    }
    for (s, mut list) in speakers.iter_mut().zip(tallies) {
        list.sort_by(|a, b| b.stories.cmp(&a.stories).then(a.first.cmp(&b.first)));
        s.titles = list.iter().map(TitleTally::shown).collect();
        s.title_stories = list.iter().map(|t| t.stories).collect();
    }
    speakers.sort_by(|a, b| {
        b.quote_count
            .cmp(&a.quote_count)
            .then_with(|| a.name.cmp(&b.name))
    });
    speakers
}

/// The titles a one-line listing shows for a speaker, most used first: a title given by
/// one story only is left out when other stories give the person titles more often (it
/// stays in [`Speaker::titles`]); at most `max`.
pub fn summary_titles(speaker: &Speaker, max: usize) -> Vec<&str> {
    let count = |k: usize| speaker.title_stories.get(k).copied().unwrap_or(1);
    let top = count(0);
    speaker
        .titles
        .iter()
        .enumerate()
        .filter(|&(k, _)| k == 0 || count(k) > 1 || top == 1)
        .map(|(_, t)| t.as_str())
        .take(max)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quote;

    fn story(id: &str, said: &[(&str, Option<&str>)]) -> Story {
        let mut story = Story::new("p", id, Vec::new());
        story.id = id.into();
        story.quotes = said
            .iter()
            .map(|&(who, title)| Quote {
                text: "We will build it.".into(),
                speaker: Some(who.into()),
                speaker_title: title.map(Into::into),
                speaker_mention: None,
                cue: None,
                partial: false,
                paragraph: 0,
                start: 0,
                end: 0,
                timestamp: None,
                spans: Default::default(),
            })
            .collect();
        story
    }

    #[test]
    fn titles_merge_across_case_articles_and_apostrophes_and_rank_by_stories() {
        let stories = [
            story(
                "a",
                &[
                    ("Ann Lee", Some("Former Mayor")),
                    ("Ann Lee", Some("former mayor")),
                ],
            ),
            story("b", &[("Ann Lee", Some("the party’s treasurer,"))]),
            story("c", &[("Ann Lee", Some("party's treasurer"))]),
            story("d", &[("Ann Lee", Some("former mayor"))]),
            story("e", &[("Ann Lee", Some("party's treasurer"))]),
        ];
        let d = build(&stories);
        assert_eq!(d.len(), 1);
        // Three stories give the treasurer, two the mayor (once in two spellings in one).
        assert_eq!(d[0].titles, ["party's treasurer", "former mayor"]);
        assert_eq!(d[0].title_stories, [3, 2]);
        assert_eq!(d[0].quote_count, 6);
    }

    #[test]
    fn a_title_given_once_against_others_stays_out_of_the_summary() {
        let stories = [
            story("a", &[("Ann Lee", Some("mayor"))]),
            story("b", &[("Ann Lee", Some("mayor"))]),
            story("c", &[("Ann Lee", Some("baker"))]),
            story(
                "d",
                &[("Bo Ek", Some("nurse")), ("Bo Ek", Some("ward sister"))],
            ),
        ];
        let d = build(&stories);
        let ann = d.iter().find(|s| s.name == "Ann Lee").expect("Ann Lee");
        assert_eq!(ann.titles, ["mayor", "baker"]);
        assert_eq!(summary_titles(ann, 5), ["mayor"]);
        // With no title given twice, each is shown.
        let bo = d.iter().find(|s| s.name == "Bo Ek").expect("Bo Ek");
        assert_eq!(summary_titles(bo, 5), ["nurse", "ward sister"]);
        assert_eq!(summary_titles(bo, 1), ["nurse"]);
    }
}
