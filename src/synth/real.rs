//! Real text for the synthetic pages: paragraphs, quotes and headlines drawn from a
//! folder of real articles (plain text, one paragraph a line, the title first), so the
//! benchmarks measure the loader on the prose it meets in use rather than on the
//! generator's own templates.
//!
//! A story's body is one random article from a paragraph in its first third to its
//! end (so a quote keeps the sentences that introduce its speaker, and a story has the
//! cast of people an article has), followed by more of the same from other articles
//! until it reaches a drawn length; its headline is a window of words from the opening of a random
//! sentence. A few articles make many pages, so each copy of a paragraph has one plain
//! lower-case word, and about one in eight, swapped for another word of the articles (names,
//! numbers, punctuation, quote marks and speech verbs stay): the stories then differ
//! from one another as the stories of a real archive do, instead of every paragraph
//! turning up in twenty stories and making each a duplicate candidate of the others. Decides only what text goes into a story; the page
//! layouts around it stay in [`super`].

use std::path::Path;

/// The paragraphs of a folder of real articles.
#[derive(Clone, Debug, Default)]
pub struct RealText {
    /// Each article's paragraphs (its title line left out), in order.
    articles: Vec<Vec<String>>,
    /// Every paragraph's opening sentence, for headlines.
    openings: Vec<String>,
    /// The distinct plain lower-case words of the articles ([`swappable`]).
    words: Vec<String>,
}

/// Words never swapped: those that tell who speaks.
const KEPT: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "according",
    "asked",
    "wrote",
    "stated",
    "explained",
    "noted",
    "argued",
    "insisted",
    "claimed",
    "replied",
    "tweeted",
    "warned",
    "continued",
    "that",
    "this",
    "with",
    "from",
    "they",
    "their",
    "them",
    "were",
    "have",
    "when",
];

/// Whether a word may be swapped for another: four or more lower-case ASCII letters
/// and not one of [`KEPT`].
fn swappable(word: &str) -> bool {
    word.len() >= 4 && word.bytes().all(|b| b.is_ascii_lowercase()) && !KEPT.contains(&word)
}

/// The fewest bytes a drawn story body has.
const MIN_BODY: usize = 3_000;
/// The most bytes a drawn story body aims for (the article under way is finished).
const MAX_BODY: usize = 9_000;

impl RealText {
    /// Reads every `*.txt` file of `dir` (in name order): `None` when the folder is
    /// absent or holds no article with at least two paragraphs.
    pub fn load(dir: &Path) -> std::io::Result<Option<RealText>> {
        if !dir.is_dir() {
            return Ok(None);
        }
        let mut names: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let mut texts = Vec::with_capacity(names.len());
        for name in names {
            texts.push(String::from_utf8_lossy(&std::fs::read(name)?).into_owned());
        }
        Ok(Self::from_texts(texts.iter().map(String::as_str)))
    }

    /// The articles given as texts (title line first, one paragraph a line); `None`
    /// when none has at least two paragraphs.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<RealText> {
        let mut real = RealText::default();
        for text in texts {
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let _title = lines.next();
            let paragraphs: Vec<String> = lines.map(str::to_string).collect();
            if paragraphs.len() < 2 {
                continue;
            }
            for p in &paragraphs {
                if let Some(opening) = opening(p) {
                    real.openings.push(opening);
                }
                real.words
                    .extend(p.split(' ').filter(|w| swappable(w)).map(str::to_string));
            }
            real.articles.push(paragraphs);
        }
        real.words.sort_unstable();
        real.words.dedup();
        (!real.articles.is_empty() && !real.openings.is_empty() && !real.words.is_empty())
            .then_some(real)
    }

    /// How many articles were read.
    pub fn articles(&self) -> usize {
        self.articles.len()
    }

    /// A story's paragraphs: the end of a random article (from a paragraph in its first
    /// third), and of more, until the body has a drawn length between [`MIN_BODY`] and
    /// [`MAX_BODY`] bytes.
    pub(super) fn body(&self, rng: &mut fastrand::Rng) -> Vec<String> {
        let target = rng.usize(MIN_BODY..MAX_BODY);
        let mut body: Vec<String> = Vec::new();
        let mut bytes = 0;
        while bytes < target {
            let article = &self.articles[rng.usize(0..self.articles.len())];
            let start = rng.usize(0..article.len().div_ceil(3));
            for p in &article[start..] {
                let p = self.vary(p, rng);
                bytes += p.len() + 2;
                body.push(p);
            }
        }
        body
    }

    /// `paragraph` with about one [`swappable`] word in eight swapped for a random
    /// word of the articles.
    fn vary(&self, paragraph: &str, rng: &mut fastrand::Rng) -> String {
        let mut out = String::with_capacity(paragraph.len() + 16);
        // One swappable word is always swapped, so no two copies are the same.
        let swappable_words = paragraph.split(' ').filter(|w| swappable(w)).count();
        let forced = rng.usize(0..swappable_words.max(1));
        let mut k = 0;
        for (n, word) in paragraph.split(' ').enumerate() {
            if n > 0 {
                out.push(' ');
            }
            let swap = swappable(word) && {
                k += 1;
                k - 1 == forced || rng.usize(0..8) == 0
            };
            if swap {
                out.push_str(&self.words[rng.usize(0..self.words.len())]);
            } else {
                out.push_str(word);
            }
        }
        out
    }

    /// A headline: six to twelve words from the opening of a random sentence, without
    /// its closing stop or quote marks.
    pub(super) fn headline(&self, rng: &mut fastrand::Rng) -> String {
        let opening = &self.openings[rng.usize(0..self.openings.len())];
        let words: Vec<&str> = opening.split_whitespace().collect();
        let take = rng.usize(6..13).min(words.len());
        let headline = words[..take]
            .join(" ")
            .trim_end_matches([',', ';', ':', '.', '-', '—'])
            .to_string();
        let mut chars = headline.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

/// A paragraph's opening sentence with no quote marks in it, when it has at least six
/// words (a quote's words make a poor headline and would be found as a quote).
fn opening(paragraph: &str) -> Option<String> {
    let end = paragraph
        .find(". ")
        .map_or(paragraph.len(), |i| i + 1)
        .min(paragraph.len());
    let sentence = paragraph[..end].trim();
    let quoted = sentence.contains(['"', '\u{201c}', '\u{201d}', '\'', '\u{2018}', '\u{2019}']);
    (!quoted && sentence.split_whitespace().count() >= 6).then(|| sentence.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "A title\n\nThe council met on Monday to discuss the new bridge over the river.\n\n\"We will build it,\" said Mayor Ana Ortiz, who chairs the council.\n\nWork starts next spring, officials in the city of Valmont said on Tuesday.\n";

    #[test]
    fn bodies_are_runs_of_the_articles_paragraphs_and_long_enough() {
        let real = RealText::from_texts([ARTICLE]).expect("one article");
        let mut rng = fastrand::Rng::with_seed(3);
        let body = real.body(&mut rng);
        let bytes: usize = body.iter().map(|p| p.len() + 2).sum();
        assert!(bytes >= MIN_BODY, "{bytes}");
        // Each paragraph is one of the article's with a few words swapped: as many
        // words, most of them the same, the speech verbs kept.
        for p in &body {
            let differing = |l: &str| {
                l.split(' ')
                    .zip(p.split(' '))
                    .filter(|(a, b)| a != b)
                    .count()
            };
            let line = ARTICLE
                .lines()
                .find(|l| l.split(' ').count() == p.split(' ').count() && differing(l) <= 4)
                .unwrap_or_else(|| {
                    panic!("{p:?} is no article paragraph with a few words swapped")
                });
            assert_eq!(line.contains(" said "), p.contains(" said "));
        }
        let copied = body.iter().filter(|p| ARTICLE.contains(p.as_str())).count();
        assert!(
            copied < body.len() / 2,
            "{copied} of {} unchanged",
            body.len()
        );
    }

    #[test]
    fn headlines_come_from_unquoted_openings() {
        let real = RealText::from_texts([ARTICLE]).expect("one article");
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..20 {
            let h = real.headline(&mut rng);
            assert!(!h.contains('"'), "{h}");
            assert!(
                h.starts_with("The council") || h.starts_with("Work starts"),
                "{h}"
            );
        }
    }

    #[test]
    fn a_folder_without_articles_gives_none() {
        assert!(RealText::from_texts(["Only a title\n"]).is_none());
        let missing = Path::new("/nonexistent/dateline-real-text");
        assert!(
            RealText::load(missing)
                .expect("absent is no error")
                .is_none()
        );
    }
}
