//! Where the reader keeps its stories' text once the archive is loaded.
//!
//! The reader shows one story at a time, and searches or filters read the others'
//! text a batch at a time; nothing needs every story's paragraphs in memory at once.
//! So a corpus with more text than the loading budget ([`super::loading::TEXT_BUDGET`])
//! keeps its paragraphs in a [`Shelf`]: an unnamed temporary file
//! ([`crate::ingest::spill::Spill`], in `TMPDIR`, gone however the process ends) with
//! where each story's text is. Loading puts the text there as pages are parsed or the
//! cache is decoded ([`Shelf::of_loaded`]); a corpus loaded whole is shelved once made
//! ([`Shelf::store`]). What stays in memory is the list, the quotes, the speakers and
//! the search filters.
//!
//! Every reader of a story's text goes through [`Texts`]: the text in the story when
//! it has it, else the text on the shelf. A story whose text could not be written
//! keeps it in memory; one whose text cannot be read back reads as one paragraph
//! saying so. It decides where the text is kept and how it is read back; what reads
//! it (the reading pane's layout, search, filters) is elsewhere.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::ingest::spill::{Body, Spill};
use crate::model::Story;

/// The paragraphs of the loaded stories, in a temporary file.
#[derive(Debug)]
pub struct Shelf {
    /// The file.
    spill: Spill,
    /// `bodies[i]`: where the text of the corpus's `i`th story is (`None`: in the
    /// story).
    bodies: Vec<Option<Body>>,
}

impl Shelf {
    /// Moves the paragraphs of `stories` to a new shelf, when they hold more than
    /// `budget` bytes of text; `None` (the text stays in the stories) when they hold
    /// less, or when no temporary file can be made.
    pub fn store(stories: &mut [Story], budget: usize) -> Option<Shelf> {
        Self::store_in(stories, budget, None)
    }

    /// [`Shelf::store`] in `spill` when one is given (a file made for a load that did
    /// not use it), else in a new one.
    pub fn store_in(stories: &mut [Story], budget: usize, spill: Option<Spill>) -> Option<Shelf> {
        let text: usize = stories
            .par_iter()
            .map(|s| s.paragraphs.iter().map(String::len).sum::<usize>())
            .sum();
        if text <= budget {
            return None;
        }
        let spill = match spill {
            Some(spill) => spill,
            None => Spill::new().ok()?,
        };
        let bodies = stories
            .par_iter_mut()
            .map(|story| {
                let body = spill.put(&story.paragraphs).ok()?;
                story.paragraphs = Vec::new();
                Some(body)
            })
            .collect();
        afresh(stories);
        Some(Shelf { spill, bodies })
    }

    /// The shelf of stories whose text was put in `spill` as they were loaded:
    /// `bodies[i]` of the corpus's `i`th story.
    pub fn of_loaded(spill: Spill, bodies: Vec<Option<Body>>) -> Shelf {
        Shelf { spill, bodies }
    }

    /// Puts the text back into `stories` (whose `i`th story's text is `bodies[i]`),
    /// for a corpus whose order could not follow its text (a bug): an unreadable text
    /// comes back as none.
    pub fn put_back(self, stories: &mut [Story]) {
        stories
            .par_iter_mut()
            .zip(self.bodies.par_iter())
            .for_each(|(story, body)| {
                if let Some(body) = body {
                    story.paragraphs = self.spill.get(*body).unwrap_or_default();
                }
            });
    }

    /// Follows the stories into another order: `reorder` moves where each story's
    /// text is as it moved the stories (the reader's list order, from the stored
    /// order), and says whether it did.
    pub fn follow(&mut self, reorder: impl FnOnce(&mut [Option<Body>]) -> bool) -> bool {
        reorder(&mut self.bodies)
    }

    /// How many stories the shelf says where the text of (held here or not).
    pub fn stories(&self) -> usize {
        self.bodies.len()
    }

    /// Bytes of text on the shelf.
    pub fn text_length(&self) -> usize {
        self.bodies.iter().flatten().map(Body::length).sum()
    }

    /// How many stories have their text on the shelf.
    pub fn held(&self) -> usize {
        self.bodies.iter().flatten().count()
    }
}

/// The paragraph shown for a story whose text cannot be read back from the shelf.
fn unreadable(e: &std::io::Error) -> String {
    format!(
        "[this story's text could not be read back from its temporary file in {}: {e}]",
        std::env::temp_dir().display()
    )
}

/// Copies every story anew, all of them before any original is freed.
///
/// The stories' small allocations (ids, headlines, quotes) were made while pages were
/// parsed, among the parse's own; once that and the text are freed, they hold most
/// pages of the heap part-used, and the allocator can give back none of them (at
/// 10,000 real-text pages: 177 MB resident for 84 MB live). Copies made while every
/// original still holds its place go to fresh pages; the originals then freed leave
/// whole pages empty, which go back to the system (133 MB resident). A story copied
/// and freed one at a time would not do: its copy would take the places of the one
/// freed before it. A corpus decoded from the cache frees each story's text as it
/// goes and needs none of this.
fn afresh(stories: &mut [Story]) {
    let copies: Vec<Story> = stories.par_iter().cloned().collect();
    for (story, copy) in stories.iter_mut().zip(copies) {
        *story = copy;
    }
}

/// The stories the reader shows, with where their text is: every reader of a
/// story's paragraphs takes them from here.
#[derive(Clone, Copy, Debug)]
pub struct Texts<'a> {
    /// The stories.
    pub stories: &'a [Story],
    /// Their text, when it was moved out of them.
    pub shelf: Option<&'a Shelf>,
}

impl<'a> Texts<'a> {
    /// Stories holding their own text.
    pub fn of(stories: &'a [Story]) -> Self {
        Self {
            stories,
            shelf: None,
        }
    }

    /// Story `index`.
    pub fn story(&self, index: usize) -> Option<&'a Story> {
        self.stories.get(index)
    }

    /// Copies of the stories with their text in them, wherever it is kept.
    pub fn whole(&self) -> Vec<Story> {
        (0..self.stories.len())
            .into_par_iter()
            .map(|i| Story {
                paragraphs: self.paragraphs(i).into_owned(),
                ..self.stories[i].clone()
            })
            .collect()
    }

    /// Whether story `index`'s text is on the shelf (so its empty paragraphs in
    /// memory do not mean it has none).
    pub fn shelved(&self, index: usize) -> bool {
        self.body(index).is_some()
    }

    /// Where story `index`'s text is on the shelf.
    fn body(&self, index: usize) -> Option<Body> {
        self.shelf?.bodies.get(index).copied().flatten()
    }

    /// The paragraphs of story `index` (none beyond the last story). Text that cannot
    /// be read back from the shelf reads as one paragraph saying so.
    pub fn paragraphs(&self, index: usize) -> Cow<'a, [String]> {
        match (self.shelf, self.body(index)) {
            (Some(shelf), Some(body)) => Cow::Owned(
                shelf
                    .spill
                    .get(body)
                    .unwrap_or_else(|e| vec![unreadable(&e)]),
            ),
            _ => Cow::Borrowed(self.stories.get(index).map_or(&[][..], |s| &s.paragraphs)),
        }
    }

    /// What `each` makes of the paragraphs of story `index` ([`Texts::paragraphs`]),
    /// borrowed where they are: for a search, which reads every story's text and
    /// keeps none of it.
    pub fn with_paragraphs<T>(&self, index: usize, each: impl FnOnce(&[&str]) -> T) -> T {
        if let (Some(shelf), Some(body)) = (self.shelf, self.body(index)) {
            let mut each = Some(each);
            let read = shelf.spill.read(body, |p| each.take().map(|f| f(p)));
            match (read, each) {
                (Ok(Some(made)), _) => return made,
                (Err(e), Some(each)) => return each(&[unreadable(&e).as_str()]),
                _ => unreachable!("`each` runs once"),
            }
        }
        let paragraphs = self.stories.get(index).map_or(&[][..], |s| &s.paragraphs);
        let parts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        each(&parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::spill::story_of as story;

    #[test]
    fn text_over_the_budget_moves_to_the_shelf_and_reads_back() {
        let cases: [&[&str]; 3] = [&["One.", "Two, with “marks” and é."], &[], &[""]];
        let mut stories: Vec<Story> = cases.iter().map(|c| story(c)).collect();
        let shelf = Shelf::store(&mut stories, 0).expect("a temporary file");
        assert_eq!(shelf.held(), 3);
        assert!(stories.iter().all(|s| s.paragraphs.is_empty()));
        let texts = Texts {
            stories: &stories,
            shelf: Some(&shelf),
        };
        for (i, case) in cases.iter().enumerate().rev() {
            assert!(texts.shelved(i));
            assert_eq!(texts.paragraphs(i)[..], case[..]);
        }
        for (i, case) in cases.iter().enumerate() {
            assert_eq!(texts.with_paragraphs(i, |p| p.join("|")), case.join("|"));
        }
        assert!(texts.paragraphs(3).is_empty(), "beyond the last story");
        assert_eq!(texts.with_paragraphs(3, |p| p.len()), 0);
        assert_eq!(texts.whole()[0].paragraphs, cases[0]);
        assert!(!texts.shelved(3));
    }

    #[test]
    fn text_within_the_budget_stays_in_the_stories() {
        let mut stories = vec![story(&["Short."])];
        assert!(Shelf::store(&mut stories, 6).is_none());
        assert_eq!(stories[0].paragraphs, ["Short."]);
        let texts = Texts::of(&stories);
        assert!(!texts.shelved(0));
        assert!(matches!(texts.paragraphs(0), Cow::Borrowed(p) if p == ["Short."]));
        assert_eq!(texts.with_paragraphs(0, |p| p.join("|")), "Short.");
    }
}
