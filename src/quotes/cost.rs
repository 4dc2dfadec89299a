//! The cost of reading a story grows linearly with it: pathological pages, read whole
//! and then twice as long, take at most about twice the work ([`super::work`] counts
//! the bytes scanned and the people looked through).

use super::attribute::quotes;
use super::paragraph::Paragraph;

const GIVEN: [&str; 8] = [
    "Ana", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Henry",
];

/// A distinct surname for every `k`, made of syllables.
fn surname(mut k: usize) -> String {
    let (cons, vowels) = (b"bdfgklmnprstvz", b"aeiou");
    let mut s = String::new();
    loop {
        s.push(cons[k % cons.len()] as char);
        s.push(vowels[(k / cons.len()) % vowels.len()] as char);
        k /= cons.len() * vowels.len();
        if k == 0 {
            break;
        }
    }
    let mut name = s[..1].to_uppercase();
    name.push_str(&s[1..]);
    name + "ton"
}

fn person(k: usize) -> String {
    format!("{} {}", GIVEN[k % GIVEN.len()], surname(k))
}

/// The work of reading the paragraphs, and how many quotes have a speaker.
fn work_of(paras: &[String]) -> (u64, usize) {
    let read: Vec<Paragraph<'_>> = paras.iter().map(|p| Paragraph::new(p)).collect();
    let before = super::work::done();
    let q = quotes(&read, None);
    let spoken = q.iter().filter(|q| q.speaker.is_some()).count();
    (super::work::done() - before, spoken)
}

/// Checks that a page of `n` units then `2n` costs at most about twice as much.
fn doubles_at_most(name: &str, page: impl Fn(usize) -> Vec<String>, n: usize) {
    let (small, spoken_small) = work_of(&page(n));
    let (large, spoken_large) = work_of(&page(2 * n));
    assert!(small > 0, "{name}: no work counted");
    assert!(
        spoken_large >= spoken_small,
        "{name}: fewer speakers when longer"
    );
    let ratio = large as f64 / small as f64;
    assert!(
        ratio <= 2.2,
        "{name}: twice the page cost {ratio:.2} times the work ({small} then {large})"
    );
}

const QUOTE: &str = "we need a better plan for the roads";

#[test]
fn many_distinct_speakers_one_paragraph_each() {
    doubles_at_most(
        "paragraphs",
        |n| {
            (0..n)
                .map(|k| format!("{} said \"{QUOTE}.\"", person(k)))
                .collect()
        },
        2000,
    );
}

#[test]
fn many_distinct_speakers_in_one_paragraph() {
    let page = |n: usize| {
        vec![
            (0..n)
                .map(|k| format!("\"{QUOTE}, é,\" said {}.", person(k)))
                .collect::<Vec<_>>()
                .join(" "),
        ]
    };
    doubles_at_most("one paragraph", page, 2000);
    let (_, spoken) = work_of(&page(50));
    assert_eq!(spoken, 50);
}

#[test]
fn one_speaker_talked_about_again_and_again_among_many() {
    // Many people introduced, then one of them talked about over and over, each time
    // with a role no one holds looked for among the latest.
    let page = |n: usize| {
        let mut paras: Vec<String> = (0..n)
            .map(|k| format!("{} came to the hall.", person(k)))
            .collect();
        let surname0 = surname(0);
        for _ in 0..n {
            paras.push(format!(
                "\"{QUOTE},\" {surname0} said. \"{QUOTE},\" the treasurer said. \"{QUOTE},\" the ministry said."
            ));
        }
        paras
    };
    doubles_at_most("talked about again", page, 1000);
}

#[test]
fn many_apostrophes_that_open_no_quote() {
    let page = |n: usize| {
        vec![format!(
            "{} \"{QUOTE},\" said {}.",
            "they 'em and 'til the end ".repeat(n),
            person(1)
        )]
    };
    doubles_at_most("apostrophes", page, 2000);
}
