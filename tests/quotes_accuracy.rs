//! Measures the quote finder against the hand-labelled stories in `tests/data/quotes/`:
//! quote precision and recall, and speaker accuracy over matched quotes.

use dateline::model::{SourceRef, Story, Timestamp};
use dateline::quotes;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labelled {
    stories: Vec<LabelledStory>,
}

#[derive(Deserialize)]
struct LabelledStory {
    name: String,
    published: Option<String>,
    paragraphs: Vec<String>,
    quotes: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    text: String,
    speaker: Option<String>,
    title: Option<String>,
    partial: bool,
}

fn story(name: &str, published: Option<&str>, paragraphs: &[String]) -> Story {
    let source = SourceRef {
        path: format!("{name}.txt"),
        line_start: 1,
        line_end: paragraphs.len(),
    };
    Story {
        id: name.to_string(),
        headline: name.to_string(),
        section: None,
        byline: None,
        published: published.and_then(Timestamp::parse),
        updated: None,
        source: source.clone(),
        sources: vec![source],
        paragraphs: paragraphs.to_vec(),
        quotes: Vec::new(),
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn quote_accuracy_on_the_labelled_set() {
    let raw = include_str!("data/quotes/labelled.json");
    let data: Labelled = serde_json::from_str(raw).expect("labelled set parses");
    let (mut detected, mut true_pos, mut labelled, mut found) = (0usize, 0usize, 0usize, 0usize);
    let (mut matched, mut speaker_ok, mut title_ok, mut partial_agree, mut partial_total) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for s in &data.stories {
        let st = story(&s.name, s.published.as_deref(), &s.paragraphs);
        let got = quotes::extract(&st);
        for q in &got {
            assert_eq!(
                q.timestamp,
                st.time(),
                "{}: quote carries the story time",
                s.name
            );
        }
        let mut used = vec![false; got.len()];
        for label in &s.quotes {
            let prefix = squash(&label.text);
            let hit = got
                .iter()
                .enumerate()
                .find(|(k, q)| !used[*k] && squash(&q.text).starts_with(&prefix));
            if label.partial {
                partial_total += 1;
                if let Some((k, q)) = hit {
                    used[k] = true;
                    partial_agree += usize::from(q.partial);
                }
                continue;
            }
            labelled += 1;
            match hit {
                Some((k, q)) if !q.partial => {
                    used[k] = true;
                    found += 1;
                    matched += 1;
                    if q.speaker == label.speaker {
                        speaker_ok += 1;
                    } else {
                        misses.push(format!(
                            "{}: speaker {:?}, want {:?} ({:?})",
                            s.name, q.speaker, label.speaker, label.text
                        ));
                    }
                    if q.speaker_title == label.title {
                        title_ok += 1;
                    } else {
                        misses.push(format!(
                            "{}: title {:?}, want {:?} ({:?})",
                            s.name, q.speaker_title, label.title, label.text
                        ));
                    }
                }
                _ => misses.push(format!("{}: missed {:?}", s.name, label.text)),
            }
        }
        for (k, q) in got.iter().enumerate() {
            if q.partial {
                continue;
            }
            detected += 1;
            if used[k] {
                true_pos += 1;
            } else {
                misses.push(format!("{}: spurious {:?}", s.name, q.text));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(true_pos, detected);
    let recall = ratio(found, labelled);
    let speaker = ratio(speaker_ok, matched);
    let title = ratio(title_ok, matched);
    let partial = ratio(partial_agree, partial_total);
    for m in &misses {
        println!("  {m}");
    }
    println!(
        "quotes: {labelled} labelled, {detected} detected; precision {precision:.3}, recall {recall:.3}"
    );
    println!("speaker accuracy {speaker:.3} over {matched} matched; title accuracy {title:.3}");
    println!("partial quotes marked partial: {partial_agree}/{partial_total} ({partial:.3})");
    assert!(labelled >= 100, "the labelled set has at least 100 quotes");
    assert!(precision >= 0.95, "quote precision {precision:.3} < 0.95");
    assert!(recall >= 0.90, "quote recall {recall:.3} < 0.90");
    assert!(speaker >= 0.90, "speaker accuracy {speaker:.3} < 0.90");
    assert!(title >= 0.80, "title accuracy {title:.3} < 0.80");
}
