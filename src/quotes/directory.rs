//! The speaker directory: everyone quoted in the corpus, once each.

use std::collections::HashMap;

use crate::model::{Speaker, Story};

/// One entry per speaker name (within a story, surnames were already resolved to the full
/// name), counting spoken (non-partial) quotes; sorted by quote count, then name.
pub fn build(stories: &[Story]) -> Vec<Speaker> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut speakers: Vec<Speaker> = Vec::new();
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
            if s.stories.last() != Some(&story.id) && !s.stories.contains(&story.id) {
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
