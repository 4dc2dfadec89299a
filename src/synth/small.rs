//! Small pages for the million-page row: one short dated story a page (a headline, a
//! byline, a stamp and the story's first three paragraphs, about 1 KB), written as they
//! are made so that a million pages never sit in memory at once.

use std::fmt::Write as _;
use std::path::Path;

use super::{RealText, SynthStory, next_story};

/// Paragraphs of a small page's story.
const PARAGRAPHS: usize = 3;
/// Pages per folder, so no folder holds a million files.
const PER_FOLDER: usize = 1000;

/// The text of one small page.
fn small_page(story: &SynthStory) -> String {
    let mut out = format!(
        "{}\n\nBy {}\n\n{}+00:00\n\n",
        story.headline,
        story.byline,
        story.updated.format("%Y-%m-%dT%H:%M:%S")
    );
    for p in story.paragraphs.iter().take(PARAGRAPHS) {
        let _ = write!(out, "{p}\n\n");
    }
    out
}

/// Generates `count` small pages deterministically from `seed`, calling `each` with a
/// relative name (`small-NNN/NNNNNNN.txt`) and the text of each in turn.
pub fn for_each_small(
    count: usize,
    seed: u64,
    real: Option<&RealText>,
    mut each: impl FnMut(&str, &str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut earlier = Vec::new();
    for n in 0..count {
        let story = next_story(&mut rng, &mut earlier, n, real);
        let name = format!("small-{:03}/{n:07}.txt", n / PER_FOLDER);
        each(&name, &small_page(&story))?;
    }
    Ok(())
}

/// Writes `count` small pages under `dir` ([`for_each_small`]); returns the bytes written.
pub fn write_small(
    dir: &Path,
    count: usize,
    seed: u64,
    real: Option<&RealText>,
) -> std::io::Result<usize> {
    let mut bytes = 0;
    for_each_small(count, seed, real, |name, text| {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        bytes += text.len();
        std::fs::write(path, text)
    })?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_pages_are_about_a_kilobyte_dated_and_repeatable() {
        let mut pages = Vec::new();
        for_each_small(300, 3, None, |name, text| {
            pages.push((name.to_string(), text.to_string()));
            Ok(())
        })
        .expect("made in memory");
        let mut again = Vec::new();
        for_each_small(300, 3, None, |name, text| {
            again.push((name.to_string(), text.to_string()));
            Ok(())
        })
        .expect("made in memory");
        assert_eq!(pages, again);
        let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
        let average = bytes / pages.len();
        assert!((300..3_000).contains(&average), "average {average} bytes");
        assert!(pages.iter().all(|(_, t)| t.contains("+00:00")));
        assert_eq!(pages[299].0, "small-000/0000299.txt");
    }

    #[test]
    fn a_small_page_loads_as_one_story() {
        let mut text = String::new();
        for_each_small(1, 5, None, |_, t| {
            text = t.to_string();
            Ok(())
        })
        .expect("made in memory");
        let corpus =
            crate::ingest::load_pages([("small.txt".to_string(), text.clone().into_bytes())]);
        assert_eq!(corpus.stories.len(), 1, "{text}");
        assert!(corpus.stories[0].published.is_some() || corpus.stories[0].updated.is_some());
    }
}
