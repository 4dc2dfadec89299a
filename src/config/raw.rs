//! The file as TOML gives it (with the place of every value), and its checking into a
//! [`Config`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::error::{ConfigError, key_at};
use super::keys::KeySpec;
use super::{Config, color::parse_color};

/// The top level of the file. Every part is optional: what is missing keeps its
/// default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    sort: Option<Spanned<String>>,
    reader: Option<super::reader::RawReader>,
    theme: Option<RawTheme>,
    keys: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    views: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

/// The `[theme]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    selection: Option<Spanned<String>>,
    quote_palette: Option<Spanned<Vec<String>>>,
    current_quote: Option<Spanned<String>>,
    partial_quote: Option<Spanned<String>>,
    search_match: Option<Spanned<String>>,
    read: Option<Spanned<String>>,
    starred: Option<Spanned<String>>,
    status_bar: Option<Spanned<String>>,
}

/// Parses and checks configuration text; `file` names it in error messages.
pub(crate) fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| s.start);
        let key = at.and_then(|at| key_at(text, at));
        ConfigError::at(file, text, at, key, e.message().to_string())
    })?;
    let bad = |at: usize, key: &str, message: String| {
        ConfigError::at(file, text, Some(at), Some(key.to_string()), message)
    };
    let mut config = Config::default();

    if let Some(sort) = raw.sort {
        config.sort = sort
            .get_ref()
            .parse()
            .map_err(|m| bad(sort.span().start, "sort", m))?;
    }

    if let Some(reader) = raw.reader {
        config.reader = super::reader::check(reader).map_err(|(at, key, m)| bad(at, &key, m))?;
    }

    if let Some(theme) = raw.theme {
        let t = &mut config.theme;
        let colours = [
            ("selection", theme.selection, &mut t.selection),
            ("current_quote", theme.current_quote, &mut t.current_quote),
            ("partial_quote", theme.partial_quote, &mut t.partial_quote),
            ("search_match", theme.search_match, &mut t.search_match),
            ("read", theme.read, &mut t.read),
            ("starred", theme.starred, &mut t.starred),
            ("status_bar", theme.status_bar, &mut t.status_bar),
        ];
        for (name, value, slot) in colours {
            if let Some(value) = value {
                *slot = parse_color(value.get_ref())
                    .map_err(|m| bad(value.span().start, &format!("theme.{name}"), m))?;
            }
        }
        if let Some(palette) = theme.quote_palette {
            let at = palette.span().start;
            let key = "theme.quote_palette";
            let colours = palette
                .get_ref()
                .iter()
                .map(|c| parse_color(c))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|m| bad(at, key, m))?;
            if colours.is_empty() {
                return Err(bad(at, key, "needs at least one colour".to_string()));
            }
            t.quote_palette = colours;
        }
    }

    if let Some(keys) = raw.keys {
        let mut entries: Vec<_> = keys.into_iter().collect();
        entries.sort_by_key(|(action, _)| action.span().start);
        for (action, value) in entries {
            let at = action.span().start;
            let name = action.get_ref();
            let key = format!("keys.{name}");
            if !is_action_name(name) {
                return Err(bad(
                    at,
                    &key,
                    format!("{name:?} is not an action name (lower-case words joined by _)"),
                ));
            }
            let specs = key_specs(value.get_ref()).map_err(|m| bad(value.span().start, &key, m))?;
            let line = super::error::line_of(text, at);
            config
                .keys
                .bind(name, specs, line)
                .map_err(|m| bad(value.span().start, &key, m))?;
        }
    }
    if let Some(views) = raw.views {
        let mut entries: Vec<_> = views.into_iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        let keys = &config.keys;
        let taken = |spec: &KeySpec| {
            keys.iter()
                .find(|b| b.keys.contains(spec))
                .map(|b| b.action.clone())
        };
        config.views =
            super::views::check(entries, taken).map_err(|(at, key, m)| bad(at, &key, m))?;
    }
    Ok(config)
}

/// `snake_case`: lower-case ASCII words joined by single underscores.
fn is_action_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('_').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// One key spec or a list of them.
fn key_specs(value: &toml::Value) -> Result<Vec<KeySpec>, String> {
    let one = |v: &toml::Value| match v {
        toml::Value::String(s) => KeySpec::parse(s),
        other => Err(format!(
            "expected a key like \"j\" or a list of keys, found {}",
            other.type_str()
        )),
    };
    match value {
        toml::Value::Array(items) => items.iter().map(one).collect(),
        single => one(single).map(|k| vec![k]),
    }
}
