//! The order of the story list, as the configuration's `sort` asks.

use std::cmp::Ordering;

use super::text;
use crate::config::SortOrder;
use crate::ingest::sort_newest_first_by;
use crate::model::Story;

/// Sorts `stories` into `order`. Every sort is stable, and stories without a time
/// go last in the time orders, so equal stories keep their load order.
pub fn sort_stories(stories: &mut [Story], order: SortOrder) {
    sort_by_story(stories, |s| s, order);
}

/// Where each story of the list sorted into `order` is in `stories`: `from[i]` is
/// the position of the sorted list's `i`th story (as [`sort_stories`] sorts them), for
/// what must follow the stories into their order (where each one's text is).
pub fn sorted_from(stories: &[Story], order: SortOrder) -> Vec<usize> {
    let mut sorted: Vec<(usize, &Story)> = stories.iter().enumerate().collect();
    sort_by_story(&mut sorted, |(_, story)| story, order);
    sorted.into_iter().map(|(i, _)| i).collect()
}

/// Sorts `items` into `order` by the story each one is or stands for.
fn sort_by_story<T>(items: &mut [T], story: impl Fn(&T) -> &Story, order: SortOrder) {
    match order {
        SortOrder::Newest => sort_newest_first_by(items, story),
        SortOrder::Oldest => items.sort_by(|a, b| oldest_first(story(a), story(b))),
        SortOrder::Headline => {
            items.sort_by_cached_key(|s| text::fold(&text::clean(&story(s).headline)));
        }
        SortOrder::Quotes => {
            sort_newest_first_by(items, &story);
            items.sort_by_key(|s| std::cmp::Reverse(story(s).quotes.len()));
        }
    }
}

/// Oldest first; stories without any time last.
fn oldest_first(a: &Story, b: &Story) -> Ordering {
    crate::model::oldest_first(a.time(), b.time())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, Timestamp};

    /// A quote, as the quote finder makes one.
    fn quote() -> Quote {
        let said = vec!["\"We will build it,\" said Ana Lima.".to_string()];
        let quotes = crate::quotes::extract(&Story::new("page.txt", "Port", said));
        quotes.into_iter().next().expect("a quote")
    }

    fn story(headline: &str, day: Option<u32>, quotes: usize) -> Story {
        let mut story = Story::new("page.txt", headline, vec![format!("{headline}.")]);
        story.published = day.map(|d| {
            Timestamp::naive(
                chrono::NaiveDate::from_ymd_opt(2026, 1, d)
                    .and_then(|d| d.and_hms_opt(9, 0, 0))
                    .expect("a date"),
            )
        });
        story.quotes = vec![quote(); quotes];
        story
    }

    #[test]
    fn the_order_found_by_position_is_the_order_sorted() {
        let stories = vec![
            story("Ölmarkt", Some(3), 1),
            story("anchor", None, 4),
            story("Bridge", Some(9), 0),
            story("bridge", Some(3), 4),
            story("Canal", None, 1),
        ];
        for order in [
            SortOrder::Newest,
            SortOrder::Oldest,
            SortOrder::Headline,
            SortOrder::Quotes,
        ] {
            let mut sorted = stories.clone();
            sort_stories(&mut sorted, order);
            let from = sorted_from(&stories, order);
            let by_position: Vec<&Story> = from.iter().map(|&i| &stories[i]).collect();
            assert_eq!(by_position, sorted.iter().collect::<Vec<_>>(), "{order:?}");
        }
    }
}
