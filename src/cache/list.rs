//! The list section of a cache file: each stored story's fields but its body (every
//! field but the paragraphs and quotes, with how many quotes it has), then the
//! corpus's warnings and counts, so that a reopening decodes what the story list
//! shows before, and apart from, the bodies ([`Listed`]). Decides that section's
//! bytes; the file's layout around it is [`super::file`]'s.
//!
//! Each story is taken apart with every field named, so a field added to the model
//! fails to compile here until it is stored (or said to be a body's).

use super::codec::{self, CHUNK, Reader, Writer};
use crate::model::{Corpus, LoadStats, Story, Warning};

/// How many quotes a listed story has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteCount {
    /// All of them.
    pub all: usize,
    /// Those not partial (fragments not counted).
    pub spoken: usize,
}

impl QuoteCount {
    /// The counts of `story`'s quotes.
    pub fn of(story: &Story) -> Self {
        QuoteCount {
            all: story.quotes.len(),
            spoken: story.quotes.iter().filter(|q| !q.partial).count(),
        }
    }
}

/// The list of a stored corpus, read before its stories' bodies: the stories in the
/// stored order ([`super::Loaded::corpus`]'s as loaded), each with every field but
/// its paragraphs and quotes (left empty), their quote counts, and the corpus's
/// warnings and counts (its speakers come with the bodies).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listed {
    /// The stories without their bodies.
    pub stories: Vec<Story>,
    /// `counts[i]`: how many quotes `stories[i]` has.
    pub counts: Vec<QuoteCount>,
    /// The corpus's warnings.
    pub warnings: Vec<Warning>,
    /// The corpus's counts.
    pub stats: LoadStats,
}

impl Listed {
    /// The list of `corpus` (what reading its list section gives).
    pub fn of(corpus: &Corpus) -> Self {
        Listed {
            stories: corpus.stories.iter().map(head).collect(),
            counts: corpus.stories.iter().map(QuoteCount::of).collect(),
            warnings: corpus.warnings.clone(),
            stats: corpus.stats.clone(),
        }
    }
}

/// `story` without its body.
fn head(story: &Story) -> Story {
    Story {
        paragraphs: Vec::new(),
        quotes: Vec::new(),
        ..story.clone()
    }
}

/// Writes the list of `corpus`: its stories' heads in chunks of [`CHUNK`] (decoded
/// apart, in parallel), then its warnings and counts.
pub(super) fn write(w: &mut Writer, corpus: &Corpus) {
    w.usize(corpus.stories.len());
    let mut chunk = Writer::default();
    for part in corpus.stories.chunks(CHUNK) {
        chunk.bytes.clear();
        for story in part {
            write_head(&mut chunk, story);
        }
        w.chunk(&chunk);
    }
    w.list(&corpus.warnings, Writer::warning);
    w.stats(&corpus.stats);
}

/// Reads a list section's bytes, every one of them.
pub(super) fn read(bytes: &[u8]) -> codec::Result<Listed> {
    let mut r = Reader::new(bytes);
    let count = r.usize()?;
    let parts = r.chunked_parts(count, read_head)?;
    let warnings = r.list(Reader::warning)?;
    let stats = r.stats()?;
    if !r.is_empty() {
        return Err(codec::Error("trailing bytes"));
    }
    let mut stories = Vec::with_capacity(count);
    let mut counts = Vec::with_capacity(count);
    for (story, count) in parts.into_iter().flatten() {
        stories.push(story);
        counts.push(count);
    }
    Ok(Listed {
        stories,
        counts,
        warnings,
        stats,
    })
}

fn write_head(w: &mut Writer, s: &Story) {
    let Story {
        id,
        headline,
        section,
        byline,
        published,
        updated,
        source,
        sources,
        paragraphs: _,
        quotes: _,
        origin,
    } = s;
    w.str(id);
    w.str(headline);
    w.opt_str(section.as_deref());
    w.opt_str(byline.as_deref());
    w.timestamp(*published);
    w.timestamp(*updated);
    w.source(source);
    w.list(sources, Writer::source);
    w.origin(origin.as_deref());
    let QuoteCount { all, spoken } = QuoteCount::of(s);
    w.usize(all);
    w.usize(spoken);
}

fn read_head(r: &mut Reader<'_>) -> codec::Result<(Story, QuoteCount)> {
    let story = Story {
        id: r.str()?,
        headline: r.str()?,
        section: r.opt_str()?,
        byline: r.opt_str()?,
        published: r.timestamp()?,
        updated: r.timestamp()?,
        source: r.source()?,
        sources: r.list(Reader::source)?,
        paragraphs: Vec::new(),
        quotes: Vec::new(),
        origin: r.origin()?,
    };
    let count = QuoteCount {
        all: r.usize()?,
        spoken: r.usize()?,
    };
    if count.spoken > count.all {
        return Err(codec::Error("bad count"));
    }
    Ok((story, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, Quote, SourceRef, Timestamp};

    fn quote(partial: bool) -> Quote {
        Quote {
            text: "We will open the gates at dawn".into(),
            speaker: Some("Ada Marsh".into()),
            speaker_title: None,
            speaker_mention: None,
            cue: Some("said".into()),
            partial,
            paragraph: 0,
            start: 0,
            end: 10,
            timestamp: None,
            spans: Default::default(),
        }
    }

    fn corpus() -> Corpus {
        let mut first = Story::new(
            "a/page.txt",
            "Dam opens at dawn",
            vec!["The gates opened.".to_string()],
        );
        first.quotes = vec![quote(false), quote(true), quote(false)];
        first.section = Some("Rivers".to_string());
        first.published = Timestamp::parse("2024-03-01T06:00:00+01:00");
        first.sources.push(SourceRef {
            path: "b/page.txt".to_string(),
            line_start: 3,
            line_end: 9,
        });
        first.origin = Some(Box::new(Origin {
            publication: Some("The Valley Post".to_string()),
            url: Some("https://example.org/dam".to_string()),
            length: None,
            summary: Some("Gates open.".to_string()),
        }));
        let second = Story::new("c/page.txt", "Mill burns", vec!["Smoke rose.".to_string()]);
        let stories = (0..300)
            .map(|i| {
                if i % 2 == 0 {
                    first.clone()
                } else {
                    second.clone()
                }
            })
            .collect();
        Corpus {
            stories,
            warnings: vec![Warning {
                path: "c/page.txt".to_string(),
                message: "no date".to_string(),
            }],
            stats: LoadStats {
                files: 3,
                stories: 300,
                ..LoadStats::default()
            },
            ..Corpus::default()
        }
    }

    #[test]
    fn the_list_comes_back_as_its_corpus_without_bodies() {
        let corpus = corpus();
        let mut w = Writer::default();
        write(&mut w, &corpus);
        let listed = read(&w.bytes).expect("decoded");
        assert_eq!(listed, Listed::of(&corpus));
        assert_eq!(listed.counts[0], QuoteCount { all: 3, spoken: 2 });
        assert_eq!(listed.counts[1], QuoteCount::default());
        assert!(listed.stories.iter().all(|s| s.paragraphs.is_empty()));
        let mut whole = listed.stories[0].clone();
        whole.paragraphs = corpus.stories[0].paragraphs.clone();
        whole.quotes = corpus.stories[0].quotes.clone();
        assert_eq!(whole, corpus.stories[0], "every field but the body is kept");
    }

    #[test]
    fn a_damaged_list_is_an_error() {
        let mut w = Writer::default();
        write(&mut w, &corpus());
        for cut in [1, w.bytes.len() / 2, w.bytes.len() - 1] {
            assert!(read(&w.bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = w.bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_err(), "trailing bytes");
    }
}
