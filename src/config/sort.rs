//! The order of the story list.

use std::fmt;
use std::str::FromStr;

/// How the story list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Newest story first (stories without a time last).
    #[default]
    Newest,
    /// Oldest story first.
    Oldest,
    /// By headline, alphabetically.
    Headline,
    /// Most quotes first.
    Quotes,
}

impl SortOrder {
    /// Every order, in the order the reader cycles through them.
    pub const ALL: [SortOrder; 4] = [Self::Newest, Self::Oldest, Self::Headline, Self::Quotes];

    /// The configuration-file name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Newest => "newest",
            Self::Oldest => "oldest",
            Self::Headline => "headline",
            Self::Quotes => "quotes",
        }
    }
}

impl fmt::Display for SortOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SortOrder {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|o| o.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown sort {s:?} (one of \"newest\", \"oldest\", \"headline\", \"quotes\")"
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_order_parses_from_its_name() {
        for order in SortOrder::ALL {
            assert_eq!(order.as_str().parse::<SortOrder>(), Ok(order));
        }
        assert_eq!("Oldest".parse::<SortOrder>(), Ok(SortOrder::Oldest));
        assert!(
            "random"
                .parse::<SortOrder>()
                .unwrap_err()
                .contains("\"random\"")
        );
    }
}
