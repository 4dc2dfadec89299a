//! The speaker directory: everyone quoted in the corpus, once each.

use std::collections::{HashMap, HashSet};

use crate::model::{Speaker, Story};

/// One entry per speaker name (within a story, surnames were already resolved to the full
/// name), counting spoken (non-partial) quotes; sorted by quote count, then name.
pub fn build(stories: &[Story]) -> Vec<Speaker> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut speakers: Vec<Speaker> = Vec::new();
    // (speaker, story id) pairs already listed.
    let mut listed: HashSet<(usize, &str)> = HashSet::new();
    for story in stories {
        for quote in story.quotes.iter().filter(|q| !q.partial) {
            let Some(name) = &quote.speaker else { continue };
            let k = *index.entry(name.clone()).or_insert_with(|| {
                speakers.push(Speaker {
                    name: name.clone(),
                    titles: Vec::new(),
                    quote_count: 0,
                    stories: Vec::new(),
                });
                speakers.len() - 1
            });
            let s = &mut speakers[k];
            s.quote_count += 1;
            if let Some(t) = &quote.speaker_title
                && !s.titles.contains(t)
            {
                s.titles.push(t.clone());
            }
            // A set, not a scan of the list: a speaker quoted in thousands of stories
            // made the scan quadratic (6 s for 100,000 pages).
            if listed.insert((k, story.id.as_str())) {
                s.stories.push(story.id.clone());
            }
        }
    }
    speakers.sort_by(|a, b| {
        b.quote_count
            .cmp(&a.quote_count)
            .then_with(|| a.name.cmp(&b.name))
    });
    speakers
}
