//! Colour names as written in the configuration file.
//!
//! Accepted: the sixteen terminal colours by name (`red`, `light-blue`, `dark-gray`;
//! `-`, `_` and spaces are optional and case does not matter), `default` (the
//! terminal's own colour), `#rrggbb` / `#rgb`, and `indexed N` for the 256-colour
//! palette (0 to 255).

use ratatui::style::Color;

/// The named colours and their canonical spelling.
const NAMED: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

/// Parses a colour; the error says what was expected.
pub fn parse_color(spec: &str) -> Result<Color, String> {
    let trimmed = spec.trim();
    let squashed: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    let squashed = squashed.replace("grey", "gray");
    if let Some((_, color)) = NAMED
        .iter()
        .find(|(name, _)| name.replace('-', "") == squashed)
    {
        return Ok(*color);
    }
    if squashed == "reset" {
        return Ok(Color::Reset);
    }
    if let Some(hex) = trimmed.strip_prefix('#')
        && let Some(color) = parse_hex(hex)
    {
        return Ok(color);
    }
    if let Some(n) = squashed.strip_prefix("indexed")
        && let Ok(n) = n.parse::<u8>()
    {
        return Ok(Color::Indexed(n));
    }
    Err(format!(
        "unknown colour {spec:?} (a name like \"red\" or \"light-blue\", \"#rrggbb\", or \"indexed 0\" to \"indexed 255\")"
    ))
}

/// `rrggbb` or `rgb` in hexadecimal.
fn parse_hex(hex: &str) -> Option<Color> {
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
    match hex.len() {
        6 => {
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?))
        }
        3 => Some(Color::Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
        _ => None,
    }
}

/// The configuration-file spelling of a colour (parses back to the same colour).
pub fn color_name(color: Color) -> String {
    if let Some((name, _)) = NAMED.iter().find(|(_, c)| *c == color) {
        return (*name).to_string();
    }
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(n) => format!("indexed {n}"),
        _ => "default".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_spelling() {
        for spec in ["light-blue", "Light_Blue", "lightblue", "LIGHT BLUE"] {
            assert_eq!(parse_color(spec), Ok(Color::LightBlue), "{spec}");
        }
        assert_eq!(parse_color("dark-grey"), Ok(Color::DarkGray));
        assert_eq!(parse_color("default"), Ok(Color::Reset));
    }

    #[test]
    fn hex_and_indexed() {
        assert_eq!(parse_color("#ff8000"), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("#0af"), Ok(Color::Rgb(0, 170, 255)));
        assert_eq!(parse_color("indexed 208"), Ok(Color::Indexed(208)));
        assert_eq!(parse_color("indexed   7"), Ok(Color::Indexed(7)));
    }

    #[test]
    fn bad_colours_are_rejected_with_the_value() {
        for spec in [
            "blu",
            "#12345",
            "#gggggg",
            "indexed 256",
            "indexed",
            "",
            "#ééé",
        ] {
            let err = parse_color(spec).unwrap_err();
            assert!(err.contains(&format!("{spec:?}")), "{err}");
        }
    }

    #[test]
    fn every_colour_name_parses_back() {
        let mut all: Vec<Color> = NAMED.iter().map(|(_, c)| *c).collect();
        all.extend([Color::Rgb(1, 2, 3), Color::Indexed(42)]);
        for color in all {
            assert_eq!(parse_color(&color_name(color)), Ok(color));
        }
    }
}
