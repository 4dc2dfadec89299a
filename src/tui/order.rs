//! The order of the story list, as the configuration's `sort` asks.

use std::cmp::Ordering;

use super::text;
use crate::config::SortOrder;
use crate::ingest::sort_newest_first;
use crate::model::Story;

/// Sorts `stories` into `order`. Every sort is stable, and stories without a time
/// go last in the time orders, so equal stories keep their load order.
pub fn sort_stories(stories: &mut [Story], order: SortOrder) {
    match order {
        SortOrder::Newest => sort_newest_first(stories),
        SortOrder::Oldest => stories.sort_by(oldest_first),
        SortOrder::Headline => {
            stories.sort_by_cached_key(|s| text::fold(&text::clean(&s.headline)));
        }
        SortOrder::Quotes => {
            sort_newest_first(stories);
            stories.sort_by_key(|s| std::cmp::Reverse(s.quotes.len()));
        }
    }
}

/// Oldest first; stories without any time last.
fn oldest_first(a: &Story, b: &Story) -> Ordering {
    crate::model::oldest_first(a.time(), b.time())
}
