//! Exact results for the seed page's two stories, built here from its body paragraphs
//! (the page loader is tested elsewhere).

use dateline::model::{SourceRef, Story, Timestamp};
use dateline::quotes;

const SEED: &str = include_str!("../assets/samples/000_f7038c5fbcec46f4.txt");

/// Builds a story from paragraph strings.
fn story(id: &str, published: Option<&str>, paragraphs: &[String]) -> Story {
    let source = SourceRef {
        path: "seed.txt".into(),
        line_start: 1,
        line_end: 1,
    };
    Story {
        id: id.into(),
        headline: id.into(),
        section: None,
        byline: None,
        published: published.and_then(Timestamp::parse),
        updated: None,
        source: source.clone(),
        sources: vec![source],
        paragraphs: paragraphs.to_vec(),
        quotes: Vec::new(),
        origin: None,
    }
}

/// The page's paragraphs from the one starting with `first` to the one starting with `last`.
fn paragraphs(first: &str, last: &str) -> Vec<String> {
    let all: Vec<&str> = SEED.split("\n\n").map(str::trim).collect();
    let a = all
        .iter()
        .position(|p| p.starts_with(first))
        .expect("first paragraph");
    let b = all
        .iter()
        .position(|p| p.starts_with(last))
        .expect("last paragraph");
    all[a..=b].iter().map(|p| (*p).to_string()).collect()
}

fn seed_stories() -> Vec<Story> {
    let trade = paragraphs(
        "China's Ministry of Commerce on Monday",
        "\"We will promote innovative",
    );
    let climate = paragraphs(
        "The United Nations (UN) discourages",
        "The United Nations confirmed",
    );
    assert_eq!(trade.len(), 10);
    assert_eq!(climate.len(), 8);
    let mut stories = vec![
        story("trade", Some("2026-01-26T17:14:00"), &trade),
        story("climate", None, &climate),
    ];
    for s in &mut stories {
        s.quotes = quotes::extract(s);
    }
    stories
}

const WANG_TITLE: &str = "director of the Department of Foreign Trade at the Ministry of Commerce";

#[test]
fn three_quotes_by_wang_zhihua() {
    let stories = seed_stories();
    let q = &stories[0].quotes;
    assert_eq!(q.len(), 3, "{q:#?}");
    let time = Timestamp::parse("2026-01-26T17:14:00");
    for quote in q {
        assert_eq!(quote.speaker.as_deref(), Some("Wang Zhihua"));
        assert_eq!(quote.speaker_title.as_deref(), Some(WANG_TITLE));
        assert!(!quote.partial);
        assert_eq!(quote.timestamp, time);
    }
    let at: Vec<u32> = q.iter().map(|x| x.paragraph).collect();
    assert_eq!(at, vec![4, 6, 9]);
    let mentions: Vec<&str> = q
        .iter()
        .filter_map(|x| x.speaker_mention.as_deref())
        .collect();
    assert_eq!(mentions, vec!["Wang Zhihua", "Wang", "the senior official"]);
    let cues: Vec<&str> = q.iter().filter_map(|x| x.cue.as_deref()).collect();
    assert_eq!(cues, vec!["said", "explained", "said"]);
    // The nested 'Export to China' does not end the quote.
    assert!(
        q[1].text
            .starts_with("We will strengthen the 'Export to China' brand,")
    );
    assert!(q[1].text.ends_with("to enter China,"));
    assert!(
        q[0].text
            .starts_with("We will accelerate innovation-driven growth")
    );
    assert!(q[0].text.ends_with("entire trade chain,"));
}

#[test]
fn spans_are_character_offsets_covering_the_marks() {
    let stories = seed_stories();
    for s in &stories {
        for q in &s.quotes {
            let chars: Vec<char> = s.paragraphs[q.paragraph as usize].chars().collect();
            assert_eq!(q.spans.len(), 1);
            assert_eq!(q.start, q.spans[0].start);
            assert_eq!(q.end, q.spans[0].end);
            let (start, end) = (q.start as usize, q.end as usize);
            assert_eq!(chars[start], '"');
            assert_eq!(chars[end - 1], '"');
            let inner: String = chars[start + 1..end - 1].iter().collect();
            assert_eq!(inner, &*q.text);
        }
    }
    // In order of reading.
    let q = &stories[0].quotes;
    assert!(
        q.windows(2)
            .all(|w| (w[0].paragraph, w[0].start) < (w[1].paragraph, w[1].start))
    );
}

#[test]
fn one_quote_by_farhan_haq_by_pronoun() {
    let stories = seed_stories();
    let q = &stories[1].quotes;
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Farhan Haq"));
    assert_eq!(
        q[0].speaker_title.as_deref(),
        Some("deputy spokesman for the UN Secretary-General")
    );
    assert_eq!(q[0].speaker_mention.as_deref(), Some("he"));
    assert_eq!(q[0].paragraph, 2);
    assert_eq!(q[0].timestamp, None);
    assert!(q[0].text.starts_with("It's important for us"));
}

#[test]
fn directory_has_two_speakers_with_titles() {
    let stories = seed_stories();
    let speakers = quotes::directory(&stories);
    let names: Vec<(&str, usize)> = speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quote_count))
        .collect();
    assert_eq!(names, vec![("Wang Zhihua", 3), ("Farhan Haq", 1)]);
    assert_eq!(speakers[0].titles, vec![WANG_TITLE.to_string()]);
    assert_eq!(speakers[0].stories, vec!["trade".to_string()]);
    assert_eq!(
        speakers[1].titles,
        vec!["deputy spokesman for the UN Secretary-General".to_string()]
    );
    assert_eq!(speakers[1].stories, vec!["climate".to_string()]);
}
