//! The `[views]` table: saved filters, each with a name, the filter (the syntax of
//! `--filter`, [`crate::filter`]) and the key that shows it in the reader.
//!
//! `name = "filter"` takes the next free digit key (`1`, `2`, ... in the file's
//! order); `name = { filter = "...", key = "F5" }` names its key. It decides what the
//! file may say there and checks each filter and key when the file is read; it never
//! imports the reader.

use toml::Spanned;

use super::keys::KeySpec;
use crate::filter::Filter;

/// One saved view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// Its name in the file.
    pub name: String,
    /// The filter, as written (it parses).
    pub filter: String,
    /// The key that shows it.
    pub key: KeySpec,
}

/// An error in the table: `(byte offset, key, message)`.
type Bad = (usize, String, String);

/// Checks the `[views]` entries, in the file's order (`entries` sorted by place).
/// `taken` says whether a key is already bound to an action.
pub(super) fn check(
    entries: Vec<(Spanned<String>, Spanned<toml::Value>)>,
    taken: impl Fn(&KeySpec) -> Option<String>,
) -> Result<Vec<View>, Bad> {
    let mut views: Vec<View> = Vec::new();
    let mut digits = ('1'..='9').map(KeySpec::char);
    for (name, raw) in entries {
        let key_name = format!("views.{}", name.get_ref());
        let at = raw.span().start;
        let (filter, key) = filter_and_key(raw.get_ref()).map_err(|m| (at, key_name.clone(), m))?;
        if filter.trim().is_empty() {
            return Err((at, key_name, "empty filter".to_string()));
        }
        if let Err(e) = Filter::parse(&filter) {
            return Err((at, key_name, e.to_string()));
        }
        let key = match key {
            Some(spec) => {
                let parsed = KeySpec::parse(&spec).map_err(|m| (at, key_name.clone(), m))?;
                if let Some(action) = taken(&parsed) {
                    return Err((
                        at,
                        key_name,
                        format!("key \"{parsed}\" is also bound to {action}"),
                    ));
                }
                if let Some(other) = views.iter().find(|v| v.key == parsed) {
                    return Err((
                        at,
                        key_name,
                        format!("key \"{parsed}\" is also the key of view {}", other.name),
                    ));
                }
                parsed
            }
            None => digits
                .by_ref()
                .find(|d| taken(d).is_none() && !views.iter().any(|v| v.key == *d))
                .ok_or_else(|| {
                    (
                        name.span().start,
                        key_name.clone(),
                        "no digit key left: give this view a key".to_string(),
                    )
                })?,
        };
        views.push(View {
            name: name.get_ref().clone(),
            filter,
            key,
        });
    }
    Ok(views)
}

/// A view's filter and key: `"filter"`, or `{ filter = "...", key = "..." }`.
fn filter_and_key(value: &toml::Value) -> Result<(String, Option<String>), String> {
    let expected = || {
        format!(
            "expected a filter like \"unread section:politics\" or {{ filter = \"...\", key = \"...\" }}, found {}",
            value.type_str()
        )
    };
    match value {
        toml::Value::String(filter) => Ok((filter.clone(), None)),
        toml::Value::Table(table) => {
            if let Some(other) = table.keys().find(|k| *k != "filter" && *k != "key") {
                return Err(format!(
                    "unknown field {other:?} (a view has filter and key)"
                ));
            }
            let filter = match table.get("filter") {
                Some(toml::Value::String(f)) => f.clone(),
                _ => return Err("needs filter = \"...\"".to_string()),
            };
            let key = match table.get("key") {
                None => None,
                Some(toml::Value::String(k)) => Some(k.clone()),
                Some(other) => {
                    return Err(format!(
                        "key: expected a key like \"1\", found {}",
                        other.type_str()
                    ));
                }
            };
            Ok((filter, key))
        }
        _ => Err(expected()),
    }
}
