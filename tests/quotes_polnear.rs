//! Attribution on real news: the development corpus of 840 annotated political articles
//! (`../shared/data/polnear-train`, brat attribution annotations, see its README), read
//! through the library as `dateline export` reads it, and scored as
//! `../shared/tools/quote_score.py` scores it, in a simplified way: a gold direct quote
//! (a quoted stretch of four words or more inside an annotated Content span) is found
//! when a predicted quote holds most of its words in runs of three; its speaker is right
//! when the last word of the predicted speaker is in the gold source's head (before any
//! comma) or the gold head's last word is in the prediction. Named sources are those
//! whose head starts and ends with a capital; pronoun sources (he, she, I, we, they) are
//! scored against who each refers to, labelled in `pronoun-gold.json`.
//!
//! The figures printed here run a little apart from the script's (the matching is
//! simpler); the test fails when either falls more than 0.02 below what was measured
//! when the rules were last changed. Skips, with a message, when the corpus is absent
//! (a clone of the project alone has none).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use dateline::ingest::{self, LoadOptions};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/polnear-train");

/// Named-speaker and pronoun-resolved accuracy as this test measures them at the last
/// change of the attribution rules (the script's figures are in the README).
const NAMED: f64 = 0.92;
const RESOLVED: f64 = 0.85;

/// Lower-case word tokens, as the script's `\w+` over its normalised text.
fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Share of `gold`'s words that stand in a run of three (or all of a shorter quote)
/// also found in `pred`.
fn cover(gold: &[String], pred: &[String]) -> f64 {
    if gold.is_empty() {
        return 0.0;
    }
    let n = 3.min(gold.len());
    let runs: HashSet<&[String]> = pred.windows(n).collect();
    let mut hit = vec![false; gold.len()];
    for (i, w) in gold.windows(n).enumerate() {
        if runs.contains(w) {
            hit[i..i + n].iter_mut().for_each(|h| *h = true);
        }
    }
    hit.iter().filter(|h| **h).count() as f64 / gold.len() as f64
}

/// The quoted stretches of `text` (character ranges): curly pairs, straight pairs, and
/// pairs of two apostrophes, as the script finds them.
fn quoted(text: &[char]) -> Vec<(usize, usize)> {
    let (mut out, mut i, n) = (Vec::new(), 0, text.len());
    let find = |from: usize, what: &[char]| (from..n).find(|&k| text[k..].starts_with(what));
    while i < n {
        if text[i..].starts_with(&['\'', '\'']) {
            let end = find(i + 2, &['\'', '\'']).unwrap_or(n);
            out.push((i + 2, end));
            i = end + 2;
        } else if text[i] == '“' || text[i] == '"' {
            let close = if text[i] == '“' { '”' } else { '"' };
            let mut j = find(i + 1, &[close]);
            if text[i] == '“' && j.is_none() {
                j = find(i + 1, &['"']);
            }
            let end = j.unwrap_or(n);
            out.push((i + 1, end));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// An annotation's spans by id: its kind and character ranges.
type Spans<'a> = HashMap<&'a str, (&'a str, Vec<(usize, usize)>)>;

/// A predicted quote: its words and its speaker's words.
type Predicted = (Vec<String>, Vec<String>);

/// One gold direct quote: its words, the source's head words, and whether the source
/// is a name (else a pronoun with a labelled referent).
struct Gold {
    words: Vec<String>,
    want: Vec<String>,
    named: bool,
}

fn head(source: &str) -> &str {
    source.split(',').next().unwrap_or("").trim()
}

fn is_named(source: &str) -> bool {
    let h = head(source);
    let words: Vec<&str> = h.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    !words.is_empty()
        && capital(words[0])
        && capital(words[words.len() - 1])
        && !matches!(
            h.to_lowercase().as_str(),
            "he" | "she" | "i" | "we" | "they" | "it" | "you"
        )
}

/// The gold quotes of one article.
fn gold(txt: &str, ann: &str, referents: Option<&serde_json::Value>) -> Vec<Gold> {
    let body: Vec<char> = txt.chars().collect();
    let span_text = |spans: &[(usize, usize)]| {
        spans
            .iter()
            .map(|&(a, b)| {
                body[a.min(body.len())..b.min(body.len())]
                    .iter()
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut spans: Spans = HashMap::new();
    let mut links = Vec::new();
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if line.starts_with('T') && parts.len() >= 2 {
            let (kind, rest) = parts[1].split_once(' ').unwrap_or((parts[1], ""));
            let ranges = rest
                .split(';')
                .filter_map(|r| {
                    let mut it = r.split_whitespace().map(|x| x.parse::<usize>());
                    Some((it.next()?.ok()?, it.next()?.ok()?))
                })
                .collect();
            spans.insert(parts[0], (kind, ranges));
        } else if line.starts_with('E') && parts.len() >= 2 {
            let roles: HashMap<&str, &str> = parts[1]
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .collect();
            links.push(roles);
        }
    }
    let mut out = Vec::new();
    for e in links {
        let Some((_, content)) = e.get("Content").and_then(|c| spans.get(c)) else {
            continue;
        };
        let source = e.get("Source").and_then(|s| spans.get(s));
        let source_text = source.map(|(_, r)| span_text(r)).unwrap_or_default();
        let source_at = source.and_then(|(_, r)| r.first()).map(|r| r.0.to_string());
        let named = is_named(&source_text);
        let want = if named {
            head(&source_text).to_string()
        } else if matches!(
            source_text.to_lowercase().as_str(),
            "he" | "she" | "i" | "we" | "they"
        ) {
            source_at
                .and_then(|at| {
                    referents?
                        .get(&at)?
                        .get("who")?
                        .as_str()
                        .map(str::to_string)
                })
                .unwrap_or_default()
        } else {
            continue;
        };
        if want.is_empty() {
            continue;
        }
        for &(a, b) in content {
            let (a, b) = (a.min(body.len()), b.min(body.len()));
            for (qa, qb) in quoted(&body[a..b]) {
                let text: String = body[a + qa..a + qb.min(b - a)].iter().collect();
                if text.split_whitespace().count() < 4 {
                    continue;
                }
                out.push(Gold {
                    words: tokens(&text),
                    want: tokens(&want),
                    named,
                });
            }
        }
    }
    out
}

#[test]
fn attribution_on_real_political_news_holds() {
    let dir = Path::new(DIR);
    if !dir.is_dir() {
        eprintln!("skipped: {DIR} is absent (the development corpus lives beside the project)");
        return;
    }
    let referents: serde_json::Value = std::fs::read_to_string(dir.join("pronoun-gold.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(serde_json::Value::Null);
    let corpus = ingest::load(&[PathBuf::from(DIR)], &LoadOptions::default());
    // Each article's predicted quotes (four words or more): words and speaker words.
    let mut predicted: HashMap<String, Vec<Predicted>> = HashMap::new();
    for story in &corpus.stories {
        for source in &story.sources {
            let stem = Path::new(&source.path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let list = predicted.entry(stem).or_default();
            for q in &story.quotes {
                if q.text.split_whitespace().count() >= 4 {
                    list.push((tokens(&q.text), tokens(q.speaker.as_deref().unwrap_or(""))));
                }
            }
        }
    }
    let mut score = [[0usize; 2]; 2]; // [named, resolved] × [right, scored]
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    entries.sort();
    for ann in entries {
        let stem = ann.file_stem().unwrap().to_string_lossy().into_owned();
        let (Ok(a), Ok(t)) = (
            std::fs::read_to_string(&ann),
            std::fs::read_to_string(ann.with_extension("txt")),
        ) else {
            continue;
        };
        let quotes = predicted.get(&stem).map(Vec::as_slice).unwrap_or(&[]);
        for g in gold(&t, &a, referents.get(&stem)) {
            let Some((_, speaker)) = quotes.iter().find(|(w, _)| cover(&g.words, w) >= 0.5) else {
                continue;
            };
            let k = usize::from(!g.named);
            score[k][1] += 1;
            let right = match (speaker.last(), g.want.last()) {
                (Some(p), Some(w)) => g.want.contains(p) || speaker.contains(w),
                _ => false,
            };
            score[k][0] += usize::from(right);
        }
    }
    let rate = |s: [usize; 2]| s[0] as f64 / s[1].max(1) as f64;
    let (named, resolved) = (rate(score[0]), rate(score[1]));
    eprintln!(
        "speaker named {named:.3} (n={}), pronoun-resolved {resolved:.3} (n={})",
        score[0][1], score[1][1]
    );
    assert!(score[0][1] > 2000, "too few named quotes found: {score:?}");
    assert!(
        named >= NAMED - 0.02,
        "named-speaker accuracy fell to {named:.3} (was {NAMED})"
    );
    assert!(
        resolved >= RESOLVED - 0.02,
        "pronoun-resolved accuracy fell to {resolved:.3} (was {RESOLVED})"
    );
}
