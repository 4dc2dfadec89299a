//! The reader's colours, and the styles made from them (or, with `NO_COLOR`, from
//! bold, reverse, underline, italic and dim alone).

use ratatui::style::{Color, Modifier, Style};

/// The colour of every element the reader highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Background of the selected row.
    pub selection: Color,
    /// Text colours given to speakers' quotes in turn (never empty).
    pub quote_palette: Vec<Color>,
    /// Background of the quote the cursor is on.
    pub current_quote: Color,
    /// Text colour of partial quotes (scare quotes, titles).
    pub partial_quote: Color,
    /// Background of search matches.
    pub search_match: Color,
    /// Text colour of stories already read (dimmed).
    pub read: Color,
    /// Colour of the star marking starred stories.
    pub starred: Color,
    /// Background of the status bar.
    pub status_bar: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            selection: Color::Blue,
            quote_palette: vec![
                Color::LightCyan,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightMagenta,
                Color::LightBlue,
                Color::LightRed,
            ],
            current_quote: Color::DarkGray,
            partial_quote: Color::Gray,
            search_match: Color::Yellow,
            read: Color::DarkGray,
            starred: Color::Yellow,
            status_bar: Color::DarkGray,
        }
    }
}

/// Ready-to-use styles for the reader's elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Styles {
    /// The selected row.
    pub selection: Style,
    /// The selected row of a pane without the keyboard.
    pub inactive_selection: Style,
    /// Speakers' quotes, given in turn (never empty).
    pub quote_palette: Vec<Style>,
    /// The quote the cursor is on.
    pub current_quote: Style,
    /// Partial quotes.
    pub partial_quote: Style,
    /// Search matches.
    pub search_match: Style,
    /// Stories already read.
    pub read: Style,
    /// The starred marker.
    pub starred: Style,
    /// The status bar.
    pub status_bar: Style,
}

impl Styles {
    /// The style of the `n`th speaker's quotes (the palette repeats).
    pub fn speaker(&self, n: usize) -> Style {
        self.quote_palette
            .get(n % self.quote_palette.len().max(1))
            .copied()
            .unwrap_or_default()
    }
}

impl Theme {
    /// The styles for this theme; with `no_color` (see [`no_color_requested`]) no
    /// colour at all, only text attributes.
    pub fn styles(&self, no_color: bool) -> Styles {
        if no_color {
            return Styles {
                selection: Style::new().add_modifier(Modifier::REVERSED),
                inactive_selection: Style::new().add_modifier(Modifier::UNDERLINED),
                quote_palette: vec![
                    Style::new().add_modifier(Modifier::BOLD),
                    Style::new().add_modifier(Modifier::UNDERLINED),
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                ],
                current_quote: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                partial_quote: Style::new().add_modifier(Modifier::ITALIC),
                search_match: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                read: Style::new().add_modifier(Modifier::DIM),
                starred: Style::new().add_modifier(Modifier::BOLD),
                status_bar: Style::new().add_modifier(Modifier::REVERSED),
            };
        }
        let palette = if self.quote_palette.is_empty() {
            Theme::default().quote_palette
        } else {
            self.quote_palette.clone()
        };
        Styles {
            selection: Style::new().bg(self.selection),
            inactive_selection: Style::new().bg(Color::DarkGray),
            quote_palette: palette.into_iter().map(|c| Style::new().fg(c)).collect(),
            current_quote: Style::new().bg(self.current_quote),
            partial_quote: Style::new()
                .fg(self.partial_quote)
                .add_modifier(Modifier::ITALIC),
            search_match: Style::new().bg(self.search_match).fg(Color::Black),
            read: Style::new().fg(self.read),
            starred: Style::new().fg(self.starred).add_modifier(Modifier::BOLD),
            status_bar: Style::new().bg(self.status_bar),
        }
    }
}

/// True when the `NO_COLOR` environment variable is set and not empty
/// (<https://no-color.org>).
pub fn no_color_requested() -> bool {
    no_color_from(std::env::var_os("NO_COLOR"))
}

/// [`no_color_requested`] for a given value of the variable.
pub fn no_color_from(value: Option<std::ffi::OsString>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_no_colour_anywhere() {
        let styles = Theme::default().styles(true);
        let mut all = vec![
            styles.selection,
            styles.inactive_selection,
            styles.current_quote,
            styles.partial_quote,
            styles.search_match,
            styles.read,
            styles.starred,
            styles.status_bar,
        ];
        all.extend(styles.quote_palette.iter().copied());
        for style in all {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
            assert_ne!(style.add_modifier, Modifier::empty(), "{style:?}");
        }
    }

    #[test]
    fn colours_come_from_the_theme() {
        let theme = Theme {
            selection: Color::Indexed(4),
            quote_palette: vec![Color::Red, Color::Green],
            ..Theme::default()
        };
        let styles = theme.styles(false);
        assert_eq!(styles.selection.bg, Some(Color::Indexed(4)));
        assert_eq!(styles.speaker(0).fg, Some(Color::Red));
        assert_eq!(styles.speaker(3).fg, Some(Color::Green));
    }

    #[test]
    fn no_color_variable_counts_only_when_not_empty() {
        assert!(no_color_from(Some("1".into())));
        assert!(!no_color_from(Some("".into())));
        assert!(!no_color_from(None));
    }
}
