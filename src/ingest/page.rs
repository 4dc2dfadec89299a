//! Parsing one page: segmenting it into blocks ([`super::segment`]), classifying
//! them ([`super::classify`]), splitting it into stories ([`super::split`]) and
//! dropping repeats within the page.

use std::collections::HashSet;

use super::classify::{classify_page, section_name};
use super::segment::segment;
use super::split::{normal_hash, split};
use super::{Page, ParsedPage};
use crate::model::{SourceRef, Story};

/// Most words in a headline made up from a story's first sentence.
const FALLBACK_HEADLINE_WORDS: usize = 14;

/// Parses one page into stories.
///
/// Every story has at least one paragraph. A paragraph repeated within the page is
/// kept once (the first time); a story left with no paragraphs of its own is
/// dropped. A story whose page gives no headline gets its first sentence (cut to
/// [`FALLBACK_HEADLINE_WORDS`] words) as headline.
pub fn parse(page: &Page) -> ParsedPage {
    let blocks = segment(&page.text);
    let classes = classify_page(&blocks);
    let plan = split(&blocks, &classes);
    let mut seen: HashSet<u64> = HashSet::new();
    let mut paragraphs_removed = 0;
    let mut stories = Vec::with_capacity(plan.stories.len());
    for story in plan.stories {
        let mut paragraphs = Vec::with_capacity(story.body.len());
        for &i in &story.body {
            let text = &blocks[i].text;
            if seen.insert(normal_hash(text)) {
                paragraphs.push(text.to_string());
            } else {
                paragraphs_removed += 1;
            }
        }
        let Some(first) = paragraphs.first() else {
            continue;
        };
        let headline = match story.headline {
            Some(i) => blocks[i].text.to_string(),
            None => first_sentence(first),
        };
        let source = SourceRef {
            path: page.path.clone(),
            line_start: story.lines.0,
            line_end: story.lines.1,
        };
        stories.push(Story {
            id: String::new(),
            headline,
            section: story
                .section
                .map(|i| section_name(&blocks[i].text).to_string()),
            byline: story.byline,
            published: story.stamp.published,
            updated: story.stamp.updated,
            sources: vec![source.clone()],
            source,
            paragraphs,
            quotes: Vec::new(),
        });
    }
    ParsedPage {
        stories,
        headlines_removed: plan.headlines_removed,
        paragraphs_removed,
    }
}

/// A headline made from a paragraph: its first sentence, cut to a few words.
pub fn first_sentence(paragraph: &str) -> String {
    let mut out = String::new();
    for (n, word) in paragraph.split_whitespace().enumerate() {
        if n == FALLBACK_HEADLINE_WORDS {
            out.push('…');
            return out;
        }
        if n > 0 {
            out.push(' ');
        }
        let ends = word.ends_with(['.', '!', '?']) && n >= 2;
        if ends {
            out.push_str(word.trim_end_matches('.'));
            return out;
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_is_cut_short() {
        assert_eq!(
            first_sentence("Ferry services resumed on Friday. Crews had been on strike."),
            "Ferry services resumed on Friday"
        );
        assert_eq!(
            first_sentence(
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
            ),
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen…"
        );
    }
}
