//! [`Name`]: a short string held by many quotes at once (a speaker, a title, the words
//! naming a speaker, a cue), shared rather than copied; and [`Names`], which makes the
//! equal names of one story share one allocation.
//!
//! A `Name` is written and read exactly as a `String` is: the JSON of a quote does not
//! change with it.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string whose clones share one allocation (a reference count).
///
/// Compared, hashed and ordered by its text, as a `String` is.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

impl Name {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when both hold the same allocation (not merely equal text).
    pub fn shares(&self, other: &Name) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Self {
        Name(Arc::from(s))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Self {
        Name(Arc::from(s))
    }
}

impl From<&String> for Name {
    fn from(s: &String) -> Self {
        Name(Arc::from(s.as_str()))
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == &*other.0
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Name;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Name, E> {
                Ok(Name::from(s))
            }
            fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Name, E> {
                Ok(Name::from(s))
            }
        }
        deserializer.deserialize_str(Visit)
    }
}

/// The names of one story, each text held once: [`Names::get`] gives the one `Name`
/// for equal texts. Kept for a story only (no name outlives the corpus in a table).
#[derive(Default)]
pub struct Names(HashSet<Name, foldhash::fast::RandomState>);

impl Names {
    /// The shared name of `text`, made on its first request.
    pub fn get(&mut self, text: &str) -> Name {
        if let Some(name) = self.0.get(text) {
            return name.clone();
        }
        let name = Name::from(text);
        self.0.insert(name.clone());
        name
    }

    /// `name` itself, or the equal name met before it.
    pub fn share(&mut self, name: &mut Name) {
        match self.0.get(name.as_str()) {
            Some(held) => {
                if !held.shares(name) {
                    *name = held.clone();
                }
            }
            None => {
                self.0.insert(name.clone());
            }
        }
    }

    /// [`Names::share`] for an optional name.
    pub fn share_opt(&mut self, name: &mut Option<Name>) {
        if let Some(name) = name {
            self.share(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, RandomState};

    #[test]
    fn a_name_is_written_and_read_as_a_string() {
        for text in ["Ana Ruiz", "", "Zoë \"Z\" Ng\n", "\u{1}"] {
            let name = Name::from(text);
            let json = serde_json::to_string(&name).expect("json");
            assert_eq!(json, serde_json::to_string(text).expect("json"));
            let back: Name = serde_json::from_str(&json).expect("read");
            assert_eq!(back, name);
            let opt: Option<Name> = serde_json::from_str("null").expect("null");
            assert_eq!(opt, None);
            assert_eq!(format!("{name:?}"), format!("{text:?}"));
            assert_eq!(name.to_string(), text);
        }
        assert!(serde_json::from_str::<Name>("3").is_err());
    }

    #[test]
    fn a_name_equals_and_hashes_as_its_text() {
        let name = Name::from("Ida Brandt".to_string());
        assert_eq!(name, "Ida Brandt");
        assert_eq!(name, *"Ida Brandt");
        assert_eq!("Ida Brandt", name);
        assert_ne!(name, "Ida");
        let hasher = RandomState::new();
        assert_eq!(hasher.hash_one(&name), hasher.hash_one("Ida Brandt"));
        let set: HashSet<Name> = [name.clone()].into();
        assert!(set.contains("Ida Brandt"));
        let (ann, bo) = (Name::from("Ann"), Name::from("Bo"));
        assert!(ann < bo && bo.cmp(&ann).is_gt());
        assert_eq!(name.len(), 10);
    }

    #[test]
    fn clones_and_equal_names_of_a_story_share_one_allocation() {
        let name = Name::from("Piet Roos");
        assert!(name.clone().shares(&name));
        assert!(!Name::from("Piet Roos").shares(&name));
        let mut names = Names::default();
        let first = names.get("Piet Roos");
        assert!(names.get("Piet Roos").shares(&first));
        let mut other = Some(Name::from("Piet Roos"));
        names.share_opt(&mut other);
        assert!(other.expect("name").shares(&first));
        let mut new = Name::from("Lina Holt");
        names.share(&mut new);
        assert!(names.get("Lina Holt").shares(&new));
    }
}
