//! Synthetic corpora: realistic scraped pages, deterministic from a seed, for benchmarks
//! and scale tests (`cargo run --release --example gen_corpus -- --help`).
//!
//! The pages come in the shapes the loader reads: site chrome, section labels, headlines
//! repeated as captions, "Last Updated" stamps, several stories per page (headline leading
//! or trailing its body), bylines, share bars, listing pages of teasers, and re-scrapes of
//! earlier stories with later update times. Stories quote officials in every attribution
//! style (name after or before the cue, title in front, appositive, surname, role, pronoun,
//! organisation, split and multi-paragraph quotes).

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate, NaiveDateTime};

mod real;
mod small;
mod words;

use words::*;

pub use real::RealText;
pub use small::{for_each_small, write_small};

/// One generated page: a relative file name and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthPage {
    /// A relative path such as `site-b/000123.txt`.
    pub name: String,
    /// The page text.
    pub text: String,
}

/// Everything about one speaker in a generated story.
struct Person {
    first: &'static str,
    last: &'static str,
    role: &'static str,
    of: &'static str,
}

/// A generated story before it is laid out on a page.
struct SynthStory {
    headline: String,
    section: &'static str,
    published: NaiveDateTime,
    updated: NaiveDateTime,
    byline: String,
    paragraphs: Vec<String>,
}

/// Generates `count` pages deterministically from `seed` (about 10 KB each on average, so 10,000 pages
/// make about 100 MB).
pub fn generate(count: usize, seed: u64) -> Vec<SynthPage> {
    generate_with(count, seed, None)
}

/// [`generate`], the stories' headlines and paragraphs drawn from `real` articles when
/// given (the page layouts, dates, bylines and re-scrapes as with the templates).
pub fn generate_with(count: usize, seed: u64, real: Option<&RealText>) -> Vec<SynthPage> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut earlier: Vec<SynthStory> = Vec::new();
    let mut pages = Vec::with_capacity(count);
    for n in 0..count {
        let site = rng.usize(0..4);
        let text = match site {
            0 => bastille_page(&mut rng, &mut earlier, n, real),
            1 => wire_page(&mut rng, &mut earlier, n, real),
            2 => uk_page(&mut rng, &mut earlier, n, real),
            _ if rng.usize(0..4) == 0 => listing_page(&mut rng, n),
            _ => plain_page(&mut rng, &mut earlier, n, real),
        };
        pages.push(SynthPage {
            name: format!("site-{}/{:06}.txt", (b'a' + site as u8) as char, n),
            text,
        });
    }
    pages
}

/// Generates `count` pages from `seed` (as [`generate`]) and writes them under `dir`
/// (`dir/site-x/NNNNNN.txt`); returns the bytes written.
pub fn write(dir: &std::path::Path, count: usize, seed: u64) -> std::io::Result<usize> {
    write_with(dir, count, seed, None)
}

/// [`write`], with the text drawn from `real` articles when given ([`generate_with`]).
pub fn write_with(
    dir: &std::path::Path,
    count: usize,
    seed: u64,
    real: Option<&RealText>,
) -> std::io::Result<usize> {
    let mut bytes = 0;
    for page in generate_with(count, seed, real) {
        let path = dir.join(&page.name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        bytes += page.text.len();
        std::fs::write(path, page.text)?;
    }
    Ok(bytes)
}

/// Generates a corpus of `count` distinct stories directly, without writing or
/// parsing pages (quotes found by the real quote finder, newest first): the reader's
/// benchmarks use it to get 100,000 stories quickly.
pub fn corpus(count: usize, seed: u64) -> crate::model::Corpus {
    use rayon::prelude::*;

    use crate::model::{Corpus, SourceRef, Story, Timestamp};
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut stories: Vec<Story> = (0..count)
        .map(|n| {
            let s = new_story(&mut rng, n);
            let paragraphs: Vec<String> = s
                .paragraphs
                .iter()
                .flat_map(|p| p.split("\n\n"))
                .map(str::to_string)
                .collect();
            let source = SourceRef {
                path: format!("synth/{n:06}.txt"),
                line_start: 1,
                line_end: paragraphs.len() * 2 + 1,
            };
            Story {
                id: format!(
                    "{:016x}",
                    xxhash_rust::xxh3::xxh3_64_with_seed(s.headline.as_bytes(), n as u64)
                ),
                headline: s.headline,
                section: Some(s.section.to_string()),
                byline: Some(s.byline),
                published: Some(Timestamp::naive(s.published)),
                updated: Some(Timestamp::naive(s.updated)),
                sources: vec![source.clone()],
                source,
                paragraphs,
                quotes: Vec::new(),
                origin: None,
            }
        })
        .collect();
    stories
        .par_iter_mut()
        .for_each(|s| s.quotes = crate::quotes::extract(s));
    crate::ingest::sort_newest_first(&mut stories);
    let speakers = crate::quotes::directory(&stories);
    Corpus {
        stories,
        speakers,
        ..Corpus::default()
    }
}

/// A story, or (about one time in eight) a re-scrape of an earlier one with a later update.
fn next_story(
    rng: &mut fastrand::Rng,
    earlier: &mut Vec<SynthStory>,
    n: usize,
    real: Option<&RealText>,
) -> SynthStory {
    if !earlier.is_empty() && rng.usize(0..8) == 0 {
        let old = &earlier[rng.usize(0..earlier.len())];
        return SynthStory {
            headline: old.headline.clone(),
            section: old.section,
            published: old.published,
            updated: old.updated + Duration::minutes(rng.i64(5..600)),
            byline: old.byline.clone(),
            paragraphs: old.paragraphs.clone(),
        };
    }
    let mut story = new_story(rng, n);
    if let Some(real) = real {
        story.headline = real.headline(rng);
        story.paragraphs = real.body(rng);
    }
    if earlier.len() < 512 {
        earlier.push(clone_story(&story));
    } else {
        let slot = rng.usize(0..earlier.len());
        earlier[slot] = clone_story(&story);
    }
    story
}

fn clone_story(s: &SynthStory) -> SynthStory {
    SynthStory {
        headline: s.headline.clone(),
        section: s.section,
        published: s.published,
        updated: s.updated,
        byline: s.byline.clone(),
        paragraphs: s.paragraphs.clone(),
    }
}

fn person(rng: &mut fastrand::Rng) -> Person {
    let (role, of) = ROLES[rng.usize(0..ROLES.len())];
    Person {
        first: FIRST[rng.usize(0..FIRST.len())],
        last: LAST[rng.usize(0..LAST.len())],
        role,
        of,
    }
}

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(0..items.len())]
}

fn new_story(rng: &mut fastrand::Rng, n: usize) -> SynthStory {
    let topic = pick(rng, TOPICS);
    let verb = pick(rng, VERBS);
    let place = pick(rng, PLACES);
    let headline = match rng.usize(0..4) {
        0 => format!(
            "Government moves to {verb} {topic} in {place} as talks enter week {}",
            n % 52 + 1
        ),
        1 => format!(
            "{} plan to {verb} {topic} faces {} objections",
            cap(place),
            rng.u32(3..400)
        ),
        2 => format!(
            "{} {} {}% as {place} weighs {topic} deal",
            cap(pick(rng, MEASURES)),
            pick(rng, MOVES),
            rng.u32(2..60)
        ),
        _ => format!(
            "Why {place} may {verb} {topic} before {}",
            pick(rng, WEEKDAYS)
        ),
    };
    let day = NaiveDate::from_ymd_opt(2025, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.u64(0..700))))
        .and_then(|d| d.and_hms_opt(rng.u32(6..22), rng.u32(0..60), 0))
        .unwrap_or_default();
    let a = person(rng);
    let b = person(rng);
    let org = pick(rng, ORGS);
    let mut paragraphs = vec![format!(
        "Officials on {} announced plans to {verb} {topic} across {place}, in a move that could affect {} households and {} businesses over the coming year.",
        day.format("%A"),
        rng.u32(1_000..900_000),
        rng.u32(50..20_000)
    )];
    // The first speaker is introduced by full name and title, then quoted again by
    // surname, role and pronoun; the second speaker in other styles.
    let mut quotes = vec![format!(
        "\"{},\" said {} {}, {} {}.",
        saying(rng, topic),
        a.first,
        a.last,
        a.role,
        a.of
    )];
    for _ in 0..rng.usize(5..11) {
        let say = saying(rng, topic);
        quotes.push(match rng.usize(0..4) {
            0 => format!("\"{say},\" {} said.", a.last),
            1 => format!("\"{say},\" the {} added.", a.role),
            2 => format!("\"{say},\" {} told reporters.", pronoun(a.first)),
            _ => format!("\"{say},\" {org} said in a statement."),
        });
    }
    let say = saying(rng, topic);
    quotes.push(match rng.usize(0..4) {
        0 => format!(
            "{} {} {} said: \"{say}.\"",
            cap(b.role),
            b.first,
            b.last
        ),
        1 => format!(
            "\u{201c}{say},\u{201d} {} {}, {} {}, explained. \u{201c}We will publish the details in full.\u{201d}",
            b.first, b.last, b.role, b.of
        ),
        2 => format!("According to {} {}, {} {}, \"{say}.\"", b.first, b.last, b.role, b.of),
        _ => format!(
            "\"{say}. We expect to report back in the spring.\n\n\"{},\" said {} {}, {} {}.",
            saying(rng, topic),
            b.first,
            b.last,
            b.role,
            b.of
        ),
    });
    for quote in quotes {
        paragraphs.push(filler(rng, topic, place));
        paragraphs.push(quote);
    }
    paragraphs.push(filler(rng, topic, place));
    SynthStory {
        headline,
        section: pick(rng, SECTIONS),
        published: day,
        updated: day + Duration::minutes(rng.i64(0..900)),
        byline: format!("{} {}", pick(rng, FIRST), pick(rng, LAST)),
        paragraphs,
    }
}

/// Something a speaker says about the story's topic, from several varied parts.
fn saying(rng: &mut fastrand::Rng, topic: &str) -> String {
    format!(
        "{} {} {topic} in {} {}",
        pick(rng, SAY_OPENERS),
        pick(rng, VERBS),
        pick(rng, PLACES),
        pick(rng, SAY_ENDS)
    )
}

/// One background sentence: figures, reactions or a plain statement, with numbers
/// and names varied so that different stories share few word triples.
fn sentence(rng: &mut fastrand::Rng, topic: &str, place: &str) -> String {
    match rng.usize(0..5) {
        0 => format!(
            "{} {} {} {}, after {} {} {} {}.",
            pick(rng, ACTORS),
            pick(rng, REACTIONS),
            pick(rng, OUTCOMES),
            pick(rng, PERIODS),
            pick(rng, MEASURES),
            pick(rng, MOVES),
            rng.u32(2..90),
            if rng.bool() { "percent" } else { "points" }
        ),
        1 => format!(
            "Spending on {topic} in {place} reached {}.{} billion {}, up from {}.{} billion a year earlier.",
            rng.u32(1..40),
            rng.u32(0..10),
            pick(rng, PERIODS),
            rng.u32(1..40),
            rng.u32(0..10)
        ),
        2 => format!(
            "{} from {} met on {} to discuss {}, and {} {}.",
            pick(rng, ACTORS),
            pick(rng, PLACES),
            pick(rng, WEEKDAYS),
            pick(rng, TOPICS),
            pick(rng, ORGS),
            pick(rng, REACTIONS)
                .trim_end_matches(" that")
                .trim_end_matches(" whether")
        ),
        3 => format!(
            "About {} people in {place} depend on {topic}, according to a survey of {} {}.",
            rng.u32(2_000..500_000),
            rng.u32(100..5_000),
            pick(rng, ACTORS).to_lowercase()
        ),
        _ => format!(
            "The {} of {} {} {} to {}, the highest level since {}.",
            pick(rng, MEASURES),
            pick(rng, TOPICS),
            pick(rng, MOVES),
            rng.u32(10..9_000),
            pick(rng, PLACES),
            rng.u32(1990..2024)
        ),
    }
}

/// A background paragraph of three to six sentences about the story's topic and place.
fn filler(rng: &mut fastrand::Rng, topic: &str, place: &str) -> String {
    let mut p = format!(
        "The debate over {topic} in {place} has run for {} months.",
        rng.u32(2..40)
    );
    for _ in 0..rng.usize(4..9) {
        p.push(' ');
        p.push_str(&sentence(rng, topic, place));
    }
    p
}

/// The pronoun used for a generated first name.
fn pronoun(first: &str) -> &'static str {
    if SHE.contains(&first) { "she" } else { "he" }
}

fn cap(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn body(out: &mut String, story: &SynthStory) {
    for p in &story.paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
}

/// Bastille-like: chrome, section ×3, headline ×2, stamp, body, captions; a second story
/// whose headline trails its body.
fn bastille_page(
    rng: &mut fastrand::Rng,
    earlier: &mut Vec<SynthStory>,
    n: usize,
    real: Option<&RealText>,
) -> String {
    let s = next_story(rng, earlier, n, real);
    let mut out = String::from("Skip to Content Facebook Feature Image\n\n");
    let _ = write!(out, "{}\n\n", s.headline);
    for _ in 0..3 {
        let _ = write!(out, "{}\n\n", s.section);
    }
    let _ = write!(
        out,
        "{}\n\n{} Last Updated At:{}\n\n",
        s.headline,
        s.published.format("%Y-%m-%d %H:%M"),
        s.updated.format("%H:%M")
    );
    body(&mut out, &s);
    let _ = write!(out, "{0}\n\n{0}\n\n", s.headline);
    if rng.bool() {
        let t = next_story(rng, earlier, n + 1, real);
        body(&mut out, &t);
        let _ = write!(out, "{0}\n\n{0}\n\n", t.headline);
    }
    out.push_str("Recommended Articles");
    out
}

/// Wire style: menu, byline, ISO stamp with offset, ads and share bars, copyright footer.
fn wire_page(
    rng: &mut fastrand::Rng,
    earlier: &mut Vec<SynthStory>,
    n: usize,
    real: Option<&RealText>,
) -> String {
    let s = next_story(rng, earlier, n, real);
    let mut out = String::from("Home\nWorld\nBusiness\nMarkets\nSport\n\n");
    let _ = write!(
        out,
        "{}\n\nBy {}\n\n{}+00:00\n\nShare this\n\n",
        s.headline,
        s.byline,
        s.updated.format("%Y-%m-%dT%H:%M:%S")
    );
    for (i, p) in s.paragraphs.iter().enumerate() {
        let _ = write!(out, "{p}\n\n");
        if i == 2 {
            out.push_str("Advertisement\n\n");
        }
    }
    let _ = write!(
        out,
        "Sign up for our newsletter\n\n© {} Wire Services Ltd. All rights reserved.\n",
        s.published.format("%Y")
    );
    out
}

/// UK paper style: cookie notice, Published/Updated lines, related-story teasers.
fn uk_page(
    rng: &mut fastrand::Rng,
    earlier: &mut Vec<SynthStory>,
    n: usize,
    real: Option<&RealText>,
) -> String {
    let s = next_story(rng, earlier, n, real);
    let mut out = String::from("We use cookies to improve your experience. Accept all cookies\n\n");
    let _ = write!(
        out,
        "{}\n\n{}\n\nPublished: {}\nUpdated: {}\n\n",
        s.section,
        s.headline,
        s.published.format("%d %b %Y %H:%M"),
        s.updated.format("%d %b %Y %H:%M")
    );
    body(&mut out, &s);
    out.push_str("Related stories\n\n");
    for _ in 0..3 {
        let _ = write!(
            out,
            "Ministers to {} {} plan\n\n",
            pick(rng, VERBS),
            pick(rng, TOPICS)
        );
    }
    out
}

/// A listing page: headline and time pairs, no story.
fn listing_page(rng: &mut fastrand::Rng, n: usize) -> String {
    let mut out = String::from("Latest news\n\n");
    for k in 0..12 {
        let _ = write!(
            out,
            "Council to {} {} after vote {}\n{:02}:{:02}\n\n",
            pick(rng, VERBS),
            pick(rng, TOPICS),
            n * 12 + k,
            rng.u32(0..24),
            rng.u32(0..60)
        );
    }
    out
}

/// A plain article: a headline line, then paragraphs.
fn plain_page(
    rng: &mut fastrand::Rng,
    earlier: &mut Vec<SynthStory>,
    n: usize,
    real: Option<&RealText>,
) -> String {
    let s = next_story(rng, earlier, n, real);
    let mut out = format!("{}\n\n", s.headline);
    body(&mut out, &s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_pages_and_another_seed_differs() {
        let a = generate(40, 7);
        assert_eq!(a, generate(40, 7));
        assert_ne!(a, generate(40, 8));
        assert_eq!(a.len(), 40);
    }

    #[test]
    fn pages_average_about_ten_kilobytes_and_carry_quotes() {
        let pages = generate(200, 1);
        let bytes: usize = pages.iter().map(|p| p.text.len()).sum();
        let average = bytes / pages.len();
        assert!(
            (3_000..20_000).contains(&average),
            "average {average} bytes"
        );
        let quoted = pages.iter().filter(|p| p.text.contains("said")).count();
        assert!(quoted > pages.len() / 2);
    }
}
