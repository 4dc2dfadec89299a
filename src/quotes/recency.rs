//! The order in which a story last talked about its people (or organisations): who was
//! talked about last, then before them, each once.
//!
//! A list linked through each one's index, so that talking about someone again moves
//! them to the front in a few steps, and reading the latest `n` costs `n` steps however
//! many the story has talked about and however often.

/// Indexes `0..len` in the order they were last touched.
#[derive(Debug, Default)]
pub struct Recency {
    /// For each index touched, the one touched just after it (none for the latest).
    newer: Vec<Option<usize>>,
    /// For each index touched, the one touched just before it (none for the earliest).
    older: Vec<Option<usize>>,
    /// Whether each index has been touched.
    listed: Vec<bool>,
    /// The index touched last.
    latest: Option<usize>,
}

impl Recency {
    /// Makes `id` the latest touched.
    pub fn touch(&mut self, id: usize) {
        super::work::count(1);
        if self.latest == Some(id) {
            return;
        }
        if id >= self.listed.len() {
            self.listed.resize(id + 1, false);
            self.newer.resize(id + 1, None);
            self.older.resize(id + 1, None);
        }
        if self.listed[id] {
            // Take it out of its place: it is not the latest, so someone is newer.
            let (newer, older) = (self.newer[id], self.older[id]);
            if let Some(n) = newer {
                self.older[n] = older;
            }
            if let Some(o) = older {
                self.newer[o] = newer;
            }
        }
        self.listed[id] = true;
        self.older[id] = self.latest;
        self.newer[id] = None;
        if let Some(l) = self.latest {
            self.newer[l] = Some(id);
        }
        self.latest = Some(id);
    }

    /// The index touched last.
    pub fn latest(&self) -> Option<usize> {
        self.latest
    }

    /// Whether `id` has ever been touched.
    pub fn is_listed(&self, id: usize) -> bool {
        self.listed.get(id).copied().unwrap_or(false)
    }

    /// The indexes touched, latest first, each once.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.latest, |&k| {
            super::work::count(1);
            self.older[k]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_first_each_once() {
        let mut r = Recency::default();
        assert_eq!(r.iter().count(), 0);
        for id in [3, 1, 4, 1, 5, 3, 3] {
            r.touch(id);
        }
        assert_eq!(r.iter().collect::<Vec<_>>(), [3, 5, 1, 4]);
        assert_eq!(r.latest(), Some(3));
        assert!(r.is_listed(4) && !r.is_listed(0) && !r.is_listed(9));
        // The earliest moved to the front, then the middle one.
        r.touch(4);
        r.touch(1);
        assert_eq!(r.iter().collect::<Vec<_>>(), [1, 4, 3, 5]);
    }

    #[test]
    fn reading_the_latest_few_costs_as_many_steps_however_long_the_list() {
        let mut r = Recency::default();
        for id in 0..10_000 {
            r.touch(id);
        }
        // One index touched over and over leaves nothing to skip.
        for _ in 0..10_000 {
            r.touch(7);
        }
        let before = crate::quotes::work::done();
        assert_eq!(
            r.iter().take(5).collect::<Vec<_>>(),
            [7, 9999, 9998, 9997, 9996]
        );
        assert!(crate::quotes::work::done() - before <= 5);
    }
}
