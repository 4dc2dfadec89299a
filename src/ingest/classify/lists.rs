//! Lists of links saved as one block: a long run of capitalised names with no
//! sentence in it (a menu or a drop-down of brands, "Choose a make Alder Birch Cedar
//! …"), a numbered list of teasers run together ("1 Title of one 2 Title of
//! another 3 …"), a row of share buttons ("Share on Facebook (opens in new window)
//! Share on X …").
//!
//! Answers yes or no about one block that does not end like a sentence; the rules
//! in `block` make such a block chrome. Never looks at neighbours.

use std::sync::LazyLock;

use crate::ingest::text::ends_sentence;

/// Words a run of names has, at least (a headline has at most 25).
const NAME_RUN_MIN_WORDS: usize = 26;

/// Items a numbered teaser list has, at least.
const NUMBERED_MIN_ITEMS: u32 = 4;

/// Share buttons a row has, at least.
const SHARE_MIN_BUTTONS: usize = 3;

/// Whether a block that does not end like a sentence (`sentence` is false) is a
/// list of links: a run of names, a numbered teaser list or a row of share
/// buttons. `words` is its word count up to the classifier's cap.
pub(super) fn is_link_list(text: &str, words: usize, sentence: bool) -> bool {
    if sentence || ends_sentence(text) {
        return false;
    }
    (words >= NAME_RUN_MIN_WORDS && is_name_run(text))
        || is_numbered_teasers(text)
        || is_share_row(text)
}

/// A run of at least [`NAME_RUN_MIN_WORDS`] words with no comma, nine in ten of
/// them capitalised or numbers (short lower-case words such as "de", "of" do not
/// count either way).
fn is_name_run(text: &str) -> bool {
    if text.contains(',') {
        return false;
    }
    let mut counted = 0;
    let mut capitalised = 0;
    for word in text.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        if first.is_lowercase() && word.chars().count() <= 3 {
            continue;
        }
        counted += 1;
        capitalised += usize::from(!first.is_lowercase());
    }
    counted >= NAME_RUN_MIN_WORDS && capitalised * 10 >= counted * 9
}

/// Teasers numbered 1, 2, 3 … run together in one block: it opens with "1 " and
/// the numbers up to [`NUMBERED_MIN_ITEMS`] follow in order, each a word of its
/// own before a capitalised word or a number (quotes before it aside).
fn is_numbered_teasers(text: &str) -> bool {
    if !text.starts_with("1 ") {
        return false;
    }
    let mut next = 2;
    let mut words = text.split_whitespace().peekable();
    words.next();
    while let Some(word) = words.next() {
        if next > NUMBERED_MIN_ITEMS {
            break;
        }
        if word.parse::<u32>().ok() == Some(next)
            && words
                .peek()
                .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            next += 1;
        }
    }
    next > NUMBERED_MIN_ITEMS
}

/// A row of at least [`SHARE_MIN_BUTTONS`] share buttons ("Share on …", "Click to
/// share on …").
fn is_share_row(text: &str) -> bool {
    static SHARE_ON: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("hare on "));
    SHARE_ON
        .find_iter(text.as_bytes())
        .take(SHARE_MIN_BUTTONS)
        .count()
        >= SHARE_MIN_BUTTONS
}

#[cfg(test)]
mod tests {
    use super::super::tests::kind;
    use super::*;
    use crate::ingest::classify::BlockKind;

    #[test]
    fn a_long_run_of_names_is_a_list_of_links() {
        let run = "Pick a make Alder Birch Cedar Damson Elm Fir Gorse Hazel Ivy Juniper Larch Maple Nutmeg Oak Pine Quince Rowan Spruce Teak Upas Vine Willow Yew Zelkova Ash Beech";
        assert_eq!(kind(run), BlockKind::Chrome);
        // A sentence, or a run with commas, is not.
        let listed = "The shortlist named Alder, Birch, Cedar, Damson, Elm, Fir, Gorse, Hazel, Ivy, Juniper, Larch, Maple, Nutmeg, Oak, Pine, Quince, Rowan, Spruce, Teak, Upas, Vine, Willow, Yew and Zelkova";
        assert!(!is_link_list(listed, 27, false));
        let prose = "Rain fell on the hills of the north for a third day as rivers rose and farmers moved their sheep to higher fields before the night came down on the valley";
        assert!(!is_link_list(prose, 35, false));
    }

    #[test]
    fn numbered_teasers_and_share_rows_are_lists_of_links() {
        assert_eq!(
            kind(
                "1 Storm closes the ferry port 2 Council votes on bus fares 3 'We were lucky' says driver 4 Library reopens after flood 5 Mayor quits"
            ),
            BlockKind::Chrome
        );
        // A sentence opening with a number is not a list.
        assert!(!is_numbered_teasers(
            "1 in 4 households said they had cut back on heating this winter"
        ));
        assert_eq!(
            kind(
                "Click to share on Facebook (Opens in new window) Click to share on Mastodon (Opens in new window) Click to share on Bluesky (Opens in new window)"
            ),
            BlockKind::Chrome
        );
    }
}
