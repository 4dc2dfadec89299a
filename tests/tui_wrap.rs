//! The wrap cache and the text helpers: display widths, grapheme-safe breaks,
//! character offsets, and cleaning.

mod tui_fixture;

use std::sync::Arc;

use dateline::tui::app::App;
use dateline::tui::shelf::Texts;
use dateline::tui::text::{self, REPLACEMENT, clean, truncate, width};
use dateline::tui::wrap::{RowKind, TextSource, WrapCache, WrappedStory};
use tui_fixture::*;
use unicode_segmentation::UnicodeSegmentation;

fn text_rows(w: &WrappedStory, p: usize) -> Vec<(usize, usize, String)> {
    w.rows
        .iter()
        .filter_map(|r| match r.kind {
            RowKind::Text {
                source: TextSource::Paragraph(q),
                start,
                end,
            } if q == p => Some((start, end, r.text.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn rows_fit_the_width_and_breaks_fall_between_graphemes() {
    let corpus = hostile_corpus();
    for story in &corpus.stories {
        for w in [1u16, 2, 3, 5, 8, 13, 40] {
            let wrapped = WrappedStory::new(story, w);
            for row in &wrapped.rows {
                let graphemes = row.text.graphemes(true).count();
                assert!(
                    width(&row.text) <= usize::from(w) || graphemes == 1,
                    "{:?} wider than {w}",
                    row.text
                );
            }
            for (p, para) in story.paragraphs.iter().enumerate() {
                let cleaned = clean(para);
                let boundaries: Vec<usize> = {
                    let mut chars = 0;
                    let mut out = vec![0];
                    for g in cleaned.graphemes(true) {
                        chars += g.chars().count();
                        out.push(chars);
                    }
                    out
                };
                for (start, end, row_text) in text_rows(&wrapped, p) {
                    assert!(boundaries.contains(&start), "row starts inside a grapheme");
                    assert!(boundaries.contains(&end), "row ends inside a grapheme");
                    assert_eq!(text::char_slice(&cleaned, start, end), row_text);
                }
            }
        }
    }
}

#[test]
fn rows_keep_every_word_in_order() {
    let story = &corpus().stories[0];
    let wrapped = WrappedStory::new(story, 17);
    for (p, para) in story.paragraphs.iter().enumerate() {
        let joined: Vec<String> = text_rows(&wrapped, p).into_iter().map(|r| r.2).collect();
        let words: Vec<&str> = para.split_whitespace().collect();
        let rejoined = joined.join(" ");
        assert_eq!(rejoined.split_whitespace().collect::<Vec<_>>(), words);
    }
}

#[test]
fn cjk_wraps_by_display_width_without_spaces() {
    let mut story = corpus().stories[1].clone();
    story.paragraphs = vec!["港口已经全面恢复运营船只正在进港".to_string()];
    story.quotes.clear();
    let wrapped = WrappedStory::new(&story, 9);
    let rows = text_rows(&wrapped, 0);
    assert_eq!(rows.len(), 4, "16 wide characters, 4 per 9-cell row");
    assert!(rows.iter().all(|r| width(&r.2) == 8));
}

#[test]
fn quotes_and_paragraphs_have_their_rows() {
    let story = &corpus().stories[0];
    let wrapped = WrappedStory::new(story, 40);
    for (q, rows) in wrapped.quote_rows.iter().enumerate() {
        let quote = &story.quotes[q];
        match rows.label {
            Some(label) => {
                assert!(!quote.partial);
                assert_eq!(wrapped.rows[label].kind, RowKind::Label { quote: q });
                assert!(label < rows.first);
            }
            None => assert!(quote.partial),
        }
        let RowKind::Text { start, end, source } = wrapped.rows[rows.first].kind else {
            panic!("quote row is text");
        };
        assert_eq!(source, TextSource::Paragraph(quote.paragraph as usize));
        let at = quote.start as usize;
        assert!(start <= at && at < end);
        assert!(rows.last >= rows.first);
    }
    // The multi-paragraph quote ends in the next paragraph.
    let li = wrapped.quote_rows[2];
    assert!(li.last >= wrapped.paragraph_rows[4]);
    assert_eq!(wrapped.row_of(0, 0), wrapped.paragraph_rows[0]);
}

#[test]
fn the_cache_keeps_one_layout_per_story_and_width() {
    let corpus = corpus();
    let mut cache = WrapCache::default();
    let a = cache.get(Texts::of(&corpus.stories), 2, 60, &|_| None);
    let b = cache.get(Texts::of(&corpus.stories), 2, 60, &|_| None);
    assert!(Arc::ptr_eq(&a, &b));
    let c = cache.get(Texts::of(&corpus.stories), 2, 61, &|_| None);
    assert!(!Arc::ptr_eq(&a, &c));
    assert_eq!(cache.len(), 2);
    let missing = cache.get(Texts::of(&corpus.stories), 99, 60, &|_| None);
    assert!(missing.is_empty());
}

#[test]
fn scrolling_and_jumping_reuse_the_cached_layout() {
    let mut app = App::new(corpus());
    let mut term = terminal(100, 30);
    app.select_story(2);
    draw(&mut term, &mut app);
    let layouts = app.wrap.len();
    for k in [
        ch('l'),
        ch('j'),
        ch(' '),
        ch(']'),
        ch(']'),
        ch('G'),
        ch('['),
        ch('g'),
    ] {
        press(&mut app, k);
        draw(&mut term, &mut app);
    }
    assert_eq!(
        app.wrap.len(),
        layouts,
        "no new layout for the same story and width"
    );
}

#[test]
fn clean_keeps_character_offsets_and_removes_controls() {
    let raw = "a\u{1b}[31mb\tc\nd\u{202E}e\u{9b}f";
    let cleaned = clean(raw);
    assert_eq!(cleaned.chars().count(), raw.chars().count());
    assert!(!cleaned.chars().any(text::unsafe_char));
    assert_eq!(
        cleaned,
        format!("a{REPLACEMENT}[31mb c d{REPLACEMENT}e{REPLACEMENT}f")
    );
    let plain = "Plain “quoted” text, 中文, 👍🏽";
    assert_eq!(clean(plain), plain);
}

#[test]
fn truncation_measures_display_width() {
    assert_eq!(truncate("中文新闻", 5), "中文…");
    assert_eq!(width(&truncate("中文新闻", 5)), 5);
    assert_eq!(truncate("中文新闻", 8), "中文新闻");
    assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    assert_eq!(truncate("👩‍👩‍👧 family", 3), "👩‍👩‍👧…");
    assert_eq!(truncate("abc", 0), "");
    assert_eq!(width("👍🏽"), 2);
}

/// The label rows of the selected story, as drawn.
fn labels(app: &mut App) -> Vec<String> {
    app.wrapped()
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Label { .. }))
        .map(|r| r.text.clone())
        .collect()
}

#[test]
fn a_label_without_the_storys_own_title_shows_the_speakers_most_used_one() {
    let mut corpus = corpus();
    // The port story (index 1) quotes the Premier without saying so; the trade story
    // (index 0) gives him his title.
    let port = &mut corpus.stories[1];
    let li = port
        .quotes
        .iter_mut()
        .find(|q| q.speaker.as_deref() == Some(LI))
        .expect("the port story quotes the Premier");
    li.speaker_title = None;
    let mut app = App::new(corpus);
    app.select_story(1);
    let shown = labels(&mut app);
    assert!(
        shown
            .iter()
            .any(|l| l.starts_with(&format!("{LI}, Premier"))),
        "{shown:?}"
    );
    // The story's own title still wins over the most used one.
    assert!(
        shown
            .iter()
            .any(|l| l.starts_with(&format!("{CHEN}, 市长"))),
        "{shown:?}"
    );
}

#[test]
fn a_speaker_no_story_describes_is_labelled_by_name_alone() {
    let mut corpus = corpus();
    for story in &mut corpus.stories {
        for quote in &mut story.quotes {
            if quote.speaker.as_deref() == Some(LI) {
                quote.speaker_title = None;
            }
        }
    }
    let mut app = App::new(corpus);
    app.select_story(1);
    let shown = labels(&mut app);
    let li = shown
        .iter()
        .find(|l| l.starts_with(LI))
        .expect("a label for the Premier");
    assert!(li.starts_with(&format!("{LI} ·")), "{li}");
}
