//! Which stories of a split page are its article and which are furniture.
//!
//! Text scrapers save a page with its `<title>` as the first line (often with the
//! site's name after a bar or dash: `… - SlashGear`, `… | IndieWire`), and the
//! article's heading repeats that title as a line of its own, just above the byline,
//! the stamp and the body. When the first line reads as a title and a later line
//! repeats it (word for word, or most of its words), that line *anchors* the page's
//! article:
//!
//! - the main story is the first story whose body follows the anchor; its headline
//!   is the anchor line (or, when the anchor only shares most of the title's words,
//!   the title with its site suffix dropped);
//! - its stamp and byline are read from the lines between the anchor and the body
//!   (a byline and a stamp often share one line: `Chris Davies - Nov 19, 2019,
//!   10:31 pm CST`), see [`super::timestamp::find_stamp`];
//! - every other story is furniture (comments, teaser rails, related links, author
//!   bios, subscribe prompts) and is dropped, unless it is a real second story: its
//!   own headline over (or under) a run of several prose paragraphs, as the seed's
//!   second story is. A comment (`NAME says:`) is never one.
//!
//! A page whose first line is no title, or whose title is not repeated, is left as
//! the split made it. This pass only chooses among the split's stories and fills in
//! the main story's headline, stamp and byline: it never changes a block's text.
//! The line that repeats the title is found in `anchor`; the lines that tell
//! furniture apart (labels, comment headers) are read in `labels`.

use super::classify::{BlockKind, Classified};
use super::segment::Block;
use super::split::{Plan, StoryPlan, normal_hash};
use super::text::ends_sentence;
use super::timestamp;

mod anchor;
mod header;
mod labels;

pub use anchor::{Anchor, find_anchor, strip_site_suffix};
use anchor::{bag_f1, word_bag};
use header::byline_and_stamp;
use labels::{
    is_author_bio, is_credited_caption, is_embed_attribution, is_named_stamp, is_reader_prompt,
    says_published,
};
pub use labels::{is_comment_header, is_furniture_label};

/// Fewest words of a title (site suffix dropped) that may anchor an article: a
/// shorter first line is more likely the site's name.
const MIN_TITLE_WORDS: usize = 3;
/// Least word F1 between a line and the title for the line to anchor the article.
const MIN_ANCHOR_F1: f64 = 0.6;
/// Least word F1 for the anchor line to be the headline shown (below it, the title
/// is shown).
const HEADING_F1: f64 = 0.8;
/// Fewest prose paragraphs of a second real story.
const SECOND_STORY_PARAGRAPHS: usize = 3;
/// Fewest words of a prose paragraph.
const PROSE_WORDS: usize = 12;
/// Fewest words, over its prose paragraphs, of a second real story.
const SECOND_STORY_WORDS: usize = 120;
/// Most blocks before the anchor searched for the main story's stamp.
const STAMP_LOOKBACK: usize = 6;
/// Most blocks from the body's start searched for the main story's stamp.
const TOP_BLOCKS: usize = 20;
/// Most words of a header line searched for a date inside it.
const MAX_STAMP_LINE_WORDS: usize = 30;

/// Most blocks between two parts of an article.
const MAX_ARTICLE_GAP: usize = 15;
/// Most blocks between an article's header and its prose.
const MAX_HEADER_GAP: usize = 40;
/// Fewest prose paragraphs of an article resuming under a label inside it.
const RESUMED_PARAGRAPHS: usize = 2;
/// Fewest words of those paragraphs.
const RESUMED_WORDS: usize = 60;
/// Paragraphs under a label looked at for the article's prose resuming.
const RESUME_WINDOW: usize = 3;

/// Narrows a split page to its article (see the module documentation).
pub fn focus(blocks: &[Block<'_>], classes: &[Classified], words: &[usize], plan: &mut Plan) {
    let Some(anchor) = find_anchor(blocks, classes, words) else {
        focus_on_title(blocks, classes, words, plan);
        return;
    };
    // A first line heading its own story, whose copy is a caption after the
    // body or whose body the "copy" opens, is that story's headline.
    let opens_own_body = plan
        .stories
        .iter()
        .any(|s| s.headline == Some(0) && s.body.first() == Some(&anchor.block));
    if opens_own_body || heads_own_story(classes, plan, anchor.block) {
        return;
    }
    let a = anchor.block;
    // The anchor is a heading, never a paragraph.
    for story in &mut plan.stories {
        story.body.retain(|&i| i != a);
    }
    plan.stories.retain(|s| !s.body.is_empty());
    let Some(main) = plan
        .stories
        .iter()
        .position(|s| s.body.iter().any(|&i| i > a))
    else {
        return;
    };
    {
        let story = &mut plan.stories[main];
        // A headline the split gave it below the anchor heads a teaser over the
        // body (a "more stories" rail): its stamp and byline are the teaser's, and
        // the header is read again from the anchor down.
        if story.headline.is_some_and(|h| h > a) {
            story.stamp = timestamp::Stamp::default();
            story.byline = None;
        }
        story.headline = Some(a);
        // The heading as written, unless it repeats the whole title with its
        // site's name, or shares too few of the title's words to be shown (and
        // has no byline or stamp under it).
        let repeats_title = normal_hash(&blocks[a].text) == normal_hash(&blocks[0].text);
        let text = if (anchor.f1 >= HEADING_F1 || anchor.header) && !repeats_title {
            blocks[a].text.trim()
        } else {
            strip_site_suffix(&blocks[0].text)
        };
        story.title = (text != blocks[a].text).then(|| text.to_string());
        story.lines.0 = story.lines.0.min(blocks[a].line_start);
    }
    absorb_continuations(blocks, classes, words, main, plan);
    fill_header(blocks, classes, words, a, &mut plan.stories[main]);
    drop_furniture(blocks, classes, words, main, a, plan);
}

/// Whether the first line is a story's own headline rather than the page's
/// title: it heads a story whose stamp or byline stands between it and the body,
/// and its copy (at `repeat`) comes after that body, as a caption does.
fn heads_own_story(classes: &[Classified], plan: &Plan, repeat: usize) -> bool {
    plan.stories.iter().any(|s| {
        s.headline == Some(0)
            && s.body.first().is_some_and(|&b| {
                b < repeat
                    && (1..b).any(|i| classes[i].stamp.is_some() || classes[i].byline.is_some())
            })
    })
}

/// A page whose title names its site (`… - CBS News`) but is repeated nowhere:
/// the story with the most prose is its article, headed by the title without the
/// site's name; the rest is furniture as on an anchored page. A first line with
/// no site suffix may be the article's own headline or the site's name, and
/// leaves the page as the split made it.
fn focus_on_title(blocks: &[Block<'_>], classes: &[Classified], words: &[usize], plan: &mut Plan) {
    let (Some(first), Some(class)) = (blocks.first(), classes.first()) else {
        return;
    };
    let title = strip_site_suffix(&first.text);
    if heads_own_story(classes, plan, blocks.len())
        || class.kind != BlockKind::Headline
        || title == first.text.trim()
        || super::text::word_count(title) < MIN_TITLE_WORDS
    {
        return;
    }
    let prose_words = |story: &StoryPlan| -> usize {
        story
            .body
            .iter()
            .filter(|&&i| is_prose(blocks, words, i))
            .map(|&i| words[i])
            .sum()
    };
    let Some(main) = (0..plan.stories.len())
        .rev()
        .max_by_key(|&s| prose_words(&plan.stories[s]))
    else {
        return;
    };
    let body_start = plan.stories[main].body[0];
    let heading = plan.stories[main]
        .headline
        .filter(|&h| h < body_start)
        .unwrap_or(body_start.saturating_sub(1));
    let main = absorb_earlier_parts(blocks, words, main, plan);
    {
        let story = &mut plan.stories[main];
        story.title = Some(title.to_string());
    }
    absorb_continuations(blocks, classes, words, main, plan);
    fill_header(blocks, classes, words, heading, &mut plan.stories[main]);
    drop_furniture(blocks, classes, words, main, heading, plan);
}

/// On a page with no heading to start its article, the stories right before the
/// main one are its earlier parts (the sections of a list article) when only a
/// short gap with no furniture label parts them and they have prose. Returns
/// the main story's index after joining.
fn absorb_earlier_parts(
    blocks: &[Block<'_>],
    words: &[usize],
    mut main: usize,
    plan: &mut Plan,
) -> usize {
    while main > 0 {
        let start = plan.stories[main].body[0];
        let previous = &plan.stories[main - 1];
        let end = previous.body.last().copied().unwrap_or(0);
        if end >= start
            || start - end - 1 > MAX_ARTICLE_GAP
            || (end + 1..start).any(|i| is_furniture_label(&blocks[i].text))
            || !previous.body.iter().any(|&i| is_prose(blocks, words, i))
        {
            break;
        }
        let previous = plan.stories.remove(main - 1);
        main -= 1;
        let story = &mut plan.stories[main];
        let mut body = previous.body;
        body.append(&mut story.body);
        story.body = body;
        story.lines.0 = story.lines.0.min(previous.lines.0);
        if story
            .headline
            .is_none_or(|h| h > previous.headline.unwrap_or(h))
        {
            story.headline = previous.headline.or(story.headline);
        }
    }
    main
}

/// Drops every story but the main one that is not a real second story
/// ([`is_real_story`]), or that stands beyond a furniture label: after the label
/// that ends the article, or before one that stands above the article's anchor.
fn drop_furniture(
    blocks: &[Block<'_>],
    classes: &[Classified],
    words: &[usize],
    main: usize,
    anchor: usize,
    plan: &mut Plan,
) {
    let main_end = plan.stories[main].body.last().copied().unwrap_or(anchor);
    let mut seen: Option<std::collections::HashMap<u64, usize>> = None;
    let mut index = 0;
    plan.stories.retain(|story| {
        let keep = index == main || {
            let first = story.body.first().copied().unwrap_or(0);
            let last = story.body.last().copied().unwrap_or(0);
            let between = if first > main_end {
                main_end + 1..first
            } else {
                last + 1..anchor
            };
            is_real_story(blocks, classes, words, story)
                && !between
                    .into_iter()
                    .any(|i| is_furniture_label(&blocks[i].text))
                && !is_repeated_feed(blocks, story, &mut seen)
        };
        index += 1;
        keep
    });
}

/// The stories right after the main one that continue its article join it: the
/// split breaks an article wherever a line shaped like a headline stands between
/// its paragraphs (a byline and stamp line under a photo caption, an embedded
/// post's attribution, a share widget, a crosshead). The article ends at a label
/// that opens the page's furniture ("Related", "More in Sport", "Comments",
/// "Tags:"), at a gap of more than [`MAX_ARTICLE_GAP`] blocks, or at a reader's
/// comment once the article has some prose of its own.
fn absorb_continuations(
    blocks: &[Block<'_>],
    classes: &[Classified],
    words: &[usize],
    main: usize,
    plan: &mut Plan,
) {
    let next = main + 1;
    while next < plan.stories.len() {
        let end = plan.stories[main].body.last().copied().unwrap_or(0);
        let story = &plan.stories[next];
        let start = story.body[0];
        // Once the article has prose of its own, a furniture label or a comment
        // ends it; before that, such labels are widgets inside its header, and
        // a rail of teasers may stand between the header and the body.
        let settled = plan.stories[main]
            .body
            .iter()
            .filter(|&&i| is_prose(blocks, words, i))
            .count()
            >= SECOND_STORY_PARAGRAPHS;
        let gap = if settled {
            MAX_ARTICLE_GAP
        } else {
            MAX_HEADER_GAP
        };
        if start <= end || start - end - 1 > gap {
            break;
        }
        // A label inside the article ("Related", "Read more" over a link to
        // another story) is passed when the article's prose resumes under it.
        // A story with a header of its own (its headline over its stamp) is
        // another story.
        let comment = story
            .headline
            .is_some_and(|h| is_comment_header(&blocks[h].text) || is_named_stamp(&blocks[h].text));
        let own_header = story.headline.is_some_and(|h| {
            classes[h].kind == BlockKind::Headline
                && (h + 1..start).any(|i| classes[i].stamp.is_some_and(|s| s.published.is_some()))
                && !repeats_heading(blocks, h, plan.stories[main].headline)
        });
        // A run of teasers: two stories in a row each a headline over one
        // short paragraph (its standfirst), as a rail of other stories is.
        let teaser_run = is_teaser(words, story)
            && plan
                .stories
                .get(next + 1)
                .is_some_and(|after| is_teaser(words, after));
        if settled
            && (comment
                || teaser_run
                || own_header
                || (!resumes(blocks, words, &story.body)
                    && (end + 1..start).any(|i| is_furniture_label(&blocks[i].text))))
        {
            break;
        }
        let story = plan.stories.remove(next);
        let main_story = &mut plan.stories[main];
        main_story.body.extend(story.body);
        main_story.lines.1 = main_story.lines.1.max(story.lines.1);
        if main_story.byline.is_none() {
            main_story.byline = story.byline;
        }
    }
    let story = &mut plan.stories[main];
    trim_furniture(blocks, classes, words, story);
    story
        .body
        .retain(|&i| !is_reader_prompt(&blocks[i].text) && !is_credited_caption(&blocks[i].text));
}

/// Most words of a teaser's one paragraph.
const TEASER_WORDS: usize = 50;

/// Whether a story is a teaser: a headline over one paragraph of at most
/// [`TEASER_WORDS`] words, with a line between them (its section, source, time
/// or count of shares). A crosshead of the article stands right over its
/// paragraph.
fn is_teaser(words: &[usize], story: &StoryPlan) -> bool {
    story.headline.is_some_and(|h| h + 1 < story.body[0])
        && story.body.len() == 1
        && words[story.body[0]] <= TEASER_WORDS
}

/// Whether block `h` repeats most of the words of the heading `main` (the same
/// article headed again, over its video or its second page).
fn repeats_heading(blocks: &[Block<'_>], h: usize, main: Option<usize>) -> bool {
    let Some(m) = main else {
        return false;
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    word_bag(&blocks[h].text, &mut a);
    word_bag(&blocks[m].text, &mut b);
    bag_f1(&a, &b) >= MIN_ANCHOR_F1
}

/// Cuts the article's body where furniture the split took for body begins: at a
/// furniture label or a comment's header between two of its paragraphs, once it
/// has [`SECOND_STORY_PARAGRAPHS`] prose paragraphs, unless its prose resumes
/// under the label ([`resumes`]).
fn trim_furniture(
    blocks: &[Block<'_>],
    classes: &[Classified],
    words: &[usize],
    story: &mut StoryPlan,
) {
    let mut prose = 0;
    for k in 1..story.body.len() {
        if is_prose(blocks, words, story.body[k - 1]) {
            prose += 1;
        }
        if prose < SECOND_STORY_PARAGRAPHS {
            continue;
        }
        let boundary = (story.body[k - 1] + 1..story.body[k]).any(|i| {
            let text = &blocks[i].text;
            is_furniture_label(text)
                || (classes[i].kind != BlockKind::Body
                    && (is_comment_header(text) || is_named_stamp(text)))
        });
        if boundary && !resumes(blocks, words, &story.body[k..]) {
            story.body.truncate(k);
            return;
        }
        // The writer's bio ends the article, unless the prose goes on after it.
        if is_author_bio(&blocks[story.body[k]].text)
            && !resumes(blocks, words, &story.body[k + 1..])
        {
            story.body.truncate(k);
            return;
        }
    }
}

/// Whether a part of an article under a label is its prose resuming: at least
/// [`RESUMED_PARAGRAPHS`] prose paragraphs of [`RESUMED_WORDS`] words in all among
/// its first [`RESUME_WINDOW`] paragraphs (the link under the label may come
/// first).
fn resumes(blocks: &[Block<'_>], words: &[usize], body: &[usize]) -> bool {
    let prose: Vec<usize> = body
        .iter()
        .take(RESUME_WINDOW)
        .copied()
        .filter(|&i| is_prose(blocks, words, i))
        .collect();
    prose.len() >= RESUMED_PARAGRAPHS
        && prose.iter().map(|&i| words[i]).sum::<usize>() >= RESUMED_WORDS
}

/// Whether a block is a prose paragraph: [`PROSE_WORDS`] words or more, ending
/// like a sentence.
fn is_prose(blocks: &[Block<'_>], words: &[usize], i: usize) -> bool {
    words[i] >= PROSE_WORDS && ends_sentence(&blocks[i].text)
}

/// Fills in the main story's stamp and byline when the split found none: from a
/// stamp line, or a date inside a byline line (`By Jane Roe | Nov 18, 2019`), met
/// first in the story's header (the lines from its heading to its body), then in
/// the lines between the paragraphs at the top of its article (up to its third
/// prose paragraph, at most [`TOP_BLOCKS`] blocks: a stamp often stands under the
/// photo caption or standfirst), then in the few lines just above its heading. An
/// embedded post's attribution (`— Jane Roe (@janeroe) November 1, 2019`) dates the
/// post, not the story.
fn fill_header(
    blocks: &[Block<'_>],
    classes: &[Classified],
    words: &[usize],
    heading: usize,
    story: &mut StoryPlan,
) {
    let n = blocks.len();
    let body_start = story.body.first().copied().unwrap_or(n).max(heading + 1);
    let in_body = |i: usize| story.body.binary_search(&i).is_ok();
    let mut top_end = body_start;
    let mut prose = 0;
    while top_end < n.min(body_start + TOP_BLOCKS) {
        if in_body(top_end) && is_prose(blocks, words, top_end) {
            prose += 1;
            if prose >= SECOND_STORY_PARAGRAPHS {
                break;
            }
        }
        top_end += 1;
    }
    // The lines just above the heading, share buttons and menus not counted.
    let lookback: Vec<usize> = (0..heading)
        .rev()
        .filter(|&i| classes[i].kind != BlockKind::Chrome)
        .take(STAMP_LOOKBACK)
        .collect();
    let candidates: Vec<usize> = (heading + 1..body_start)
        .chain((body_start..top_end).filter(|&i| !in_body(i)))
        .chain(lookback)
        .filter(|&i| words[i] <= MAX_STAMP_LINE_WORDS && !is_prose(blocks, words, i))
        .filter(|&i| !is_embed_attribution(&blocks[i].text))
        .collect();
    // Past the top of the article, only a stamp that says it is the publish time
    // ("First published on November 19, 2019"), up to the article's end.
    let end = story.body.last().copied().unwrap_or(top_end);
    let published_lines = (top_end..end).filter(|&i| {
        !in_body(i) && words[i] <= MAX_STAMP_LINE_WORDS && says_published(&blocks[i].text)
    });
    // A line of the body's top holding only a byline and a stamp is the
    // article's header, which the split took for a paragraph.
    let header_line = story
        .body
        .iter()
        .copied()
        .take_while(|&i| i < top_end)
        .filter(|&i| words[i] <= MAX_STAMP_LINE_WORDS && !is_prose(blocks, words, i))
        .filter(|&i| !is_embed_attribution(&blocks[i].text))
        .find_map(|i| byline_and_stamp(&blocks[i].text).map(|found| (i, found)));
    if story.stamp.published.is_none() {
        for i in candidates.iter().copied().chain(published_lines) {
            let stamp = classes[i]
                .stamp
                .filter(|s| s.published.is_some())
                .or_else(|| timestamp::find_stamp(&blocks[i].text));
            if let Some(stamp) = stamp.filter(|s| s.published.is_some()) {
                story.stamp.published = stamp.published;
                if story.stamp.updated.is_none() {
                    story.stamp.updated = stamp.updated;
                }
                break;
            }
        }
    }
    if story.byline.is_none() {
        story.byline = candidates
            .iter()
            .find_map(|&i| classes[i].byline.clone())
            .or_else(|| {
                candidates
                    .iter()
                    .find_map(|&i| byline_and_stamp(&blocks[i].text).and_then(|(name, _)| name))
            });
    }
    if let Some((i, (name, stamp))) = header_line {
        story.body.retain(|&b| b != i);
        if story.stamp.published.is_none() && stamp.published.is_some() {
            story.stamp = stamp;
        }
        if story.byline.is_none() {
            story.byline = name;
        }
    }
}

/// Whether most of a story's paragraphs stand on the page a second time: a feed
/// or ticker of teasers shown twice ("Breaking News" in the header and the
/// footer), not a story. `seen` counts each block's normalised text, made on
/// first use.
fn is_repeated_feed(
    blocks: &[Block<'_>],
    story: &StoryPlan,
    seen: &mut Option<std::collections::HashMap<u64, usize>>,
) -> bool {
    let counts = seen.get_or_insert_with(|| {
        let mut counts = std::collections::HashMap::new();
        for block in blocks {
            *counts.entry(normal_hash(&block.text)).or_insert(0) += 1;
        }
        counts
    });
    let repeated = story
        .body
        .iter()
        .filter(|&&i| {
            counts
                .get(&normal_hash(&blocks[i].text))
                .is_some_and(|&c| c > 1)
        })
        .count();
    2 * repeated > story.body.len()
}

/// Whether a story other than the main one is a real second story: a headline of
/// its own (not a comment's `NAME says:`) and at least [`SECOND_STORY_PARAGRAPHS`]
/// prose paragraphs of [`PROSE_WORDS`] words or more, [`SECOND_STORY_WORDS`] in
/// all.
fn is_real_story(
    blocks: &[Block<'_>],
    classes: &[Classified],
    words: &[usize],
    story: &StoryPlan,
) -> bool {
    let Some(h) = story.headline else {
        return false;
    };
    if classes[h].kind != BlockKind::Headline || is_comment_header(&blocks[h].text) {
        return false;
    }
    let prose: Vec<usize> = story
        .body
        .iter()
        .copied()
        .filter(|&i| words[i] >= PROSE_WORDS && ends_sentence(&blocks[i].text))
        .collect();
    prose.len() >= SECOND_STORY_PARAGRAPHS
        && prose.iter().map(|&i| words[i]).sum::<usize>() >= SECOND_STORY_WORDS
}

#[cfg(test)]
mod tests;
