//! Key specs: one key press as written in the configuration file (`j`, `G`, `ctrl-d`,
//! `shift-tab`, `space`, `pgdn`, `?`, `f5`), comparable with crossterm key events.
//!
//! Syntax: any number of `ctrl-`, `alt-`, `shift-` prefixes (case-insensitive), then
//! either one printable character (case-sensitive: `G` is shift-g) or a key name
//! (case-insensitive): `up down left right pgup pgdn home end enter esc tab backtab
//! backspace delete insert space f1`..`f24` (with a few aliases such as `pagedown`,
//! `return`, `escape`, `del`). `shift-` with a letter means the capital letter;
//! `shift-tab` is back-tab. `ctrl-` goes with ASCII characters and named keys only,
//! since terminals cannot send it with other characters.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key press: a key and its modifiers, normalised so that it compares equal to
/// what crossterm reports for that press (see [`KeySpec::matches`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt and (for named keys only) Shift.
    pub modifiers: KeyModifiers,
}

/// Named keys and their canonical (first) spelling.
const NAMED: &[(&str, KeyCode)] = &[
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("pgdown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
    ("space", KeyCode::Char(' ')),
];

impl KeySpec {
    /// A key pressed on its own (for key tables).
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key pressed on its own (for key tables).
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// A lower-case character key pressed with Control (for key tables).
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c.to_ascii_lowercase()),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// A key press with modifiers, normalised like [`KeySpec::from_event`].
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        // Shift is already in the character (`G`, `?`) and in back-tab.
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        // Terminals send Ctrl with a letter in either case: `ctrl-D` is `ctrl-d`.
        let code = match code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Self { code, modifiers }
    }

    /// How help screens write the key: `j`, `Ctrl-d`, `PgDn`, `Space`, `↑`.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Delete".to_string(),
            KeyCode::Insert => "Insert".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        for (modifier, prefix) in [
            (KeyModifiers::CONTROL, "Ctrl-"),
            (KeyModifiers::ALT, "Alt-"),
            (KeyModifiers::SHIFT, "Shift-"),
        ] {
            if self.modifiers.contains(modifier) {
                out.push_str(prefix);
            }
        }
        out.push_str(&name);
        out
    }

    /// Whether the key types text while a search or filter is typed (a printable
    /// character without Control or Alt), so cannot be a command then.
    pub fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(c) if !c.is_control())
            && !self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    /// The spec of a key event as crossterm reports it.
    pub fn from_event(event: &KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }

    /// Whether `event` is this key press (the event's kind is not looked at: filter
    /// presses from releases before).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        Self::from_event(event) == *self
    }

    /// Parses a key spec; the error names the spec and what is wrong with it.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let unknown = |why: &str| format!("unknown key {spec:?} ({why})");
        let mut rest = spec;
        let mut modifiers = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let found = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(prefix, _)| lower.starts_with(prefix) && rest.len() > prefix.len());
            let Some((prefix, modifier)) = found else {
                break;
            };
            modifiers |= modifier;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err(unknown("empty")),
            (Some(c), None) => {
                if c.is_control() {
                    return Err(unknown("a control character"));
                }
                if modifiers.contains(KeyModifiers::CONTROL) && !c.is_ascii() {
                    return Err(unknown(
                        "ctrl- goes only with ASCII characters and named keys",
                    ));
                }
                if modifiers.contains(KeyModifiers::SHIFT) {
                    if !c.is_alphabetic() {
                        return Err(unknown("write the shifted character itself, e.g. \"?\""));
                    }
                    modifiers.remove(KeyModifiers::SHIFT);
                    let mut upper = c.to_uppercase();
                    match (upper.next(), upper.next()) {
                        (Some(u), None) => KeyCode::Char(u),
                        _ => return Err(unknown("no single capital letter")),
                    }
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => named_key(rest).ok_or_else(|| {
                unknown("a single character, or a name like \"down\", \"pgdn\", \"space\", \"f5\"")
            })?,
        };
        let code = if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
            KeyCode::BackTab
        } else {
            code
        };
        Ok(Self::new(code, modifiers))
    }
}

/// The key for a (case-insensitive) key name.
fn named_key(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
        return Some(*code);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=24).contains(&n).then_some(KeyCode::F(n))
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

impl FromStr for KeySpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn plain_characters_and_names() {
        assert_eq!(
            KeySpec::parse("j"),
            Ok(KeySpec::new(KeyCode::Char('j'), KeyModifiers::NONE))
        );
        assert_eq!(KeySpec::parse("]").map(|k| k.code), Ok(KeyCode::Char(']')));
        assert_eq!(
            KeySpec::parse("space").map(|k| k.code),
            Ok(KeyCode::Char(' '))
        );
        assert_eq!(
            KeySpec::parse("PgDn").map(|k| k.code),
            Ok(KeyCode::PageDown)
        );
        assert_eq!(KeySpec::parse("f12").map(|k| k.code), Ok(KeyCode::F(12)));
        assert_eq!(KeySpec::parse("-").map(|k| k.code), Ok(KeyCode::Char('-')));
        assert_eq!(KeySpec::parse("æ").map(|k| k.code), Ok(KeyCode::Char('æ')));
    }

    #[test]
    fn modifiers() {
        let ctrl_d = KeySpec::parse("ctrl-d").unwrap();
        assert_eq!(
            ctrl_d,
            KeySpec::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            KeySpec::parse("Ctrl-Alt-x").unwrap().modifiers,
            KeyModifiers::CONTROL | KeyModifiers::ALT
        );
        assert_eq!(KeySpec::parse("ctrl--").unwrap().code, KeyCode::Char('-'));
        assert_eq!(
            KeySpec::parse("shift-tab").unwrap(),
            KeySpec::parse("backtab").unwrap()
        );
        assert_eq!(
            KeySpec::parse("shift-g").unwrap(),
            KeySpec::parse("G").unwrap()
        );
        assert_eq!(
            KeySpec::parse("shift-up").unwrap(),
            KeySpec::new(KeyCode::Up, KeyModifiers::SHIFT)
        );
    }

    #[test]
    fn bad_specs_name_the_spec() {
        for spec in [
            "",
            "ctrl-æ",
            "shift-1",
            "pagedownn",
            "\u{1b}",
            "ctrl-",
            "f25",
            "jj",
        ] {
            let err = KeySpec::parse(spec).unwrap_err();
            assert!(
                err.starts_with(&format!("unknown key {spec:?}")),
                "{spec:?}: {err}"
            );
        }
    }

    #[test]
    fn matches_events_as_terminals_send_them() {
        // Terminals report capitals and symbols with or without Shift.
        let big_g = KeySpec::parse("G").unwrap();
        assert!(big_g.matches(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(big_g.matches(&key(KeyCode::Char('G'), KeyModifiers::NONE)));
        assert!(!big_g.matches(&key(KeyCode::Char('g'), KeyModifiers::NONE)));
        let question = KeySpec::parse("?").unwrap();
        assert!(question.matches(&key(KeyCode::Char('?'), KeyModifiers::SHIFT)));
        let back = KeySpec::parse("shift-tab").unwrap();
        assert!(back.matches(&key(KeyCode::BackTab, KeyModifiers::SHIFT)));
        let ctrl_d = KeySpec::parse("ctrl-d").unwrap();
        assert!(ctrl_d.matches(&key(KeyCode::Char('d'), KeyModifiers::CONTROL)));
        assert!(!ctrl_d.matches(&key(KeyCode::Char('d'), KeyModifiers::NONE)));
        assert!(!ctrl_d.matches(&key(
            KeyCode::Char('d'),
            KeyModifiers::CONTROL | KeyModifiers::ALT
        )));
    }

    #[test]
    fn ctrl_letters_match_in_either_case_and_labels_read_well() {
        let ctrl_d = KeySpec::ctrl('d');
        assert!(ctrl_d.matches(&key(KeyCode::Char('D'), KeyModifiers::CONTROL)));
        assert_eq!(KeySpec::parse("ctrl-D"), Ok(ctrl_d));
        assert_eq!(ctrl_d.label(), "Ctrl-d");
        assert_eq!(KeySpec::plain(KeyCode::PageDown).label(), "PgDn");
        assert_eq!(KeySpec::char(' ').label(), "Space");
        assert_eq!(KeySpec::parse("alt-x").unwrap().label(), "Alt-x");
        assert_eq!(KeySpec::parse("f5").unwrap().label(), "F5");
    }

    #[test]
    fn only_plain_printable_characters_type_text() {
        assert!(KeySpec::char('j').is_text());
        assert!(KeySpec::char('G').is_text());
        assert!(KeySpec::char(' ').is_text());
        assert!(!KeySpec::ctrl('j').is_text());
        assert!(!KeySpec::parse("alt-j").unwrap().is_text());
        assert!(!KeySpec::plain(KeyCode::Enter).is_text());
        assert!(!KeySpec::plain(KeyCode::Down).is_text());
    }

    #[test]
    fn display_parses_back() {
        for spec in [
            "j",
            "G",
            "ctrl-d",
            "alt-x",
            "shift-tab",
            "space",
            "pgdn",
            "?",
            "f5",
            "shift-up",
            "ctrl-alt-enter",
        ] {
            let parsed = KeySpec::parse(spec).unwrap();
            assert_eq!(KeySpec::parse(&parsed.to_string()), Ok(parsed), "{spec}");
        }
    }
}
