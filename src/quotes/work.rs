//! A count of the work done reading a story, for tests that check the cost of reading
//! grows linearly with the story: the loops whose length a page's content decides
//! (bytes scanned, people looked through) add what they read.
//!
//! Outside tests, [`count`] is empty and compiles to nothing.

#[cfg(test)]
thread_local! {
    static DONE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Adds `n` steps to this thread's count.
#[inline(always)]
pub fn count(n: usize) {
    #[cfg(test)]
    DONE.with(|d| d.set(d.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps counted on this thread so far.
#[cfg(test)]
pub fn done() -> u64 {
    DONE.with(std::cell::Cell::get)
}
