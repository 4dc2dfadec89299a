//! The loader on real news pages no one here wrote: the development corpus in
//! `../shared/data/extraction-dev` (88 pages saved as flat text, one article each,
//! with each article's text and each page's own title and publish day). Skips with
//! a message when the corpus is absent.
//!
//! Scored as `../shared/tools/extract_score.py` scores the `export` output: all
//! paragraphs of all stories of a page are its prediction, measured in 4-word
//! shingles (mean precision and mean recall over pages, F1 of the two); the main
//! story (the one holding most of the article's shingles) is judged on its
//! headline (word F1 >= 0.8 with one of the page's titles) and its publish day
//! (right within a day, else wrong, or none). Pages are parsed one at a time
//! ([`dateline::ingest::parse_text`]), without the merging of repeated stories
//! across pages, which none of these distinct pages needs.
//!
//! The test fails when a figure falls more than [`SLACK`] below the one recorded
//! here (and in the README's accuracy section); run with `--nocapture` to see them.

use std::collections::HashMap;
use std::path::Path;

use dateline::ingest;
use serde::Deserialize;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/extraction-dev");

/// How far a figure may fall below the recorded one.
const SLACK: f64 = 0.02;

/// The figures recorded when the rules were last changed.
const F1: f64 = 0.946;
const PRECISION: f64 = 0.948;
const RECALL: f64 = 0.944;
const STORIES_PER_PAGE: f64 = 1.03;
const HEADLINE_RIGHT: f64 = 0.966;
const DATE_RIGHT: f64 = 0.817;
const DATE_WRONG: f64 = 1.0 / 71.0;

#[derive(Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
}

#[derive(Deserialize)]
struct Meta {
    titles: Vec<String>,
    published: Option<String>,
}

/// A multiset of items, as Python's `Counter`.
type Bag = HashMap<Vec<String>, usize>;

/// The words of a text as the scorer's `\w+` finds them.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The 4-word shingles of a text.
fn shingles(text: &str) -> Bag {
    let words = tokens(text);
    let mut bag = Bag::new();
    if words.is_empty() {
        return bag;
    }
    let windows = words.len().saturating_sub(3).max(1);
    for i in 0..windows {
        let end = (i + 4).min(words.len());
        *bag.entry(words[i..end].to_vec()).or_default() += 1;
    }
    bag
}

/// The size of the intersection of two multisets.
fn common(a: &Bag, b: &Bag) -> usize {
    a.iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

fn size(bag: &Bag) -> usize {
    bag.values().sum()
}

/// Word F1 of two texts, lower-cased, as the scorer's headline check.
fn word_f1(a: &str, b: &str) -> f64 {
    let bag = |t: &str| -> Bag {
        let mut bag = Bag::new();
        for w in tokens(&t.to_lowercase().replace('\u{2019}', "'")) {
            *bag.entry(vec![w]).or_default() += 1;
        }
        bag
    };
    let (a, b) = (bag(a), bag(b));
    let tp = common(&a, &b);
    if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (size(&a) + size(&b)) as f64
    }
}

/// Days between two `YYYY-MM-DD` prefixes.
fn days_apart(a: &str, b: &str) -> Option<i64> {
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok();
    Some((day(a)? - day(b)?).num_days().abs())
}

#[test]
fn real_pages_give_one_article_with_its_headline_and_date() {
    let dir = Path::new(CORPUS);
    let (Ok(truth), Ok(meta)) = (
        std::fs::read_to_string(dir.join("ground-truth.json")),
        std::fs::read_to_string(dir.join("metadata-gold.json")),
    ) else {
        eprintln!("skipped: the development corpus is not at {CORPUS}");
        return;
    };
    let truth: HashMap<String, Truth> = serde_json::from_str(&truth).expect("ground truth");
    let meta: HashMap<String, Meta> = serde_json::from_str(&meta).expect("metadata");
    let (mut precisions, mut recalls) = (Vec::new(), Vec::new());
    let (mut stories, mut headlines, mut dated, mut right, mut wrong) = (0, 0, 0, 0, 0);
    for (id, truth) in &truth {
        let path = dir.join("text").join(format!("{id}.txt"));
        let bytes = std::fs::read(&path).expect("page readable");
        let text = String::from_utf8_lossy(&bytes);
        let page = ingest::parse_text(&path.to_string_lossy(), &text);
        stories += page.stories.len();
        let gold = shingles(&truth.article_body);
        let mut all = String::new();
        let mut main: Option<(usize, usize)> = None;
        for (i, story) in page.stories.iter().enumerate() {
            let own = story.paragraphs.join("\n");
            let held = common(&shingles(&own), &gold);
            if main.is_none_or(|(best, _)| held > best) {
                main = Some((held, i));
            }
            if !all.is_empty() {
                all.push('\n');
            }
            all.push_str(&own);
        }
        let predicted = shingles(&all);
        let tp = common(&gold, &predicted);
        let (fp, fn_) = (size(&predicted) - tp, size(&gold) - tp);
        if fp == 0 && fn_ == 0 {
            precisions.push(1.0);
            recalls.push(1.0);
        } else {
            if tp + fp > 0 {
                precisions.push(tp as f64 / (tp + fp) as f64);
            }
            if tp + fn_ > 0 {
                recalls.push(tp as f64 / (tp + fn_) as f64);
            }
        }
        let Some(meta) = meta.get(id) else {
            continue;
        };
        let story = main.map(|(_, i)| &page.stories[i]);
        let headline = story.map_or("", |s| s.headline.as_str());
        if meta.titles.iter().any(|t| word_f1(headline, t) >= 0.8) {
            headlines += 1;
        }
        if let Some(gold_day) = &meta.published {
            dated += 1;
            if let Some(at) = story.and_then(|s| s.published) {
                match days_apart(&at.to_string(), gold_day) {
                    Some(d) if d <= 1 => right += 1,
                    _ => wrong += 1,
                }
            }
        }
    }
    let pages = truth.len() as f64;
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (p, r) = (mean(&precisions), mean(&recalls));
    let f1 = 2.0 * p * r / (p + r);
    let per_page = stories as f64 / pages;
    let headline_right = headlines as f64 / meta.len().max(1) as f64;
    let date_right = right as f64 / dated.max(1) as f64;
    let date_wrong = wrong as f64 / dated.max(1) as f64;
    println!(
        "{pages} pages: F1 {f1:.3}, precision {p:.3}, recall {r:.3}; stories per page {per_page:.2}\n\
         headline right {headline_right:.3}; published date right {date_right:.3} of {dated} dated pages, wrong {wrong}"
    );
    let checks = [
        ("F1", f1, F1),
        ("precision", p, PRECISION),
        ("recall", r, RECALL),
        ("headline right", headline_right, HEADLINE_RIGHT),
        ("date right", date_right, DATE_RIGHT),
        // Lower is better for these two: compared negated.
        ("stories per page", -per_page, -STORIES_PER_PAGE),
        ("dates wrong", -date_wrong, -DATE_WRONG),
    ];
    let fallen: Vec<String> = checks
        .iter()
        .filter(|(_, now, recorded)| *now < recorded - SLACK)
        .map(|(name, now, recorded)| {
            format!("{name}: {:.3}, recorded {:.3}", now.abs(), recorded.abs())
        })
        .collect();
    assert!(fallen.is_empty(), "figures fell: {fallen:?}");
}

#[test]
fn shingles_and_word_f1_follow_the_scorer() {
    let bag = shingles("One two three four five");
    assert_eq!(size(&bag), 2);
    assert_eq!(size(&shingles("one two")), 1, "a short text is one shingle");
    assert!((word_f1("Ferries return - Herald", "Ferries return") - 0.8).abs() < 1e-9);
    assert_eq!(days_apart("2019-11-19T23:03:00", "2019-11-18"), Some(1));
}
