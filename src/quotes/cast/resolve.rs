//! Who a quote's speaker is, from the way its attribution names them: a name (the
//! person the story introduced with it), a pronoun (the latest person talked about of
//! its gender, unless someone else of that gender was named nearer), a role ("the
//! minister": whoever holds that title; an office is not guessed, nor someone else's
//! relative), an organisation or a common noun for one ("the ministry"), or someone
//! unnamed ("a source"). What the story has introduced by then is [`super`]'s.

use super::{Cast, RECENT, Resolved, title_has};
use crate::quotes::names::{Gender, Mention, gender_of_word};

fn compatible(person: Gender, wanted: Gender) -> bool {
    wanted == Gender::Unknown || person == Gender::Unknown || person == wanted
}

impl Cast {
    /// The latest salient person compatible with `gender`.
    fn latest(&self, gender: Gender) -> Option<usize> {
        self.recent()
            .find(|&k| compatible(self.people[k].gender, gender))
            // No one talked about fits: the latest introduced who does, when the
            // pronoun tells a gender and that person's name or title told it too.
            .or_else(|| match gender {
                Gender::Male => self.latest_of[0],
                Gender::Female => self.latest_of[1],
                Gender::Unknown => None,
            })
    }

    /// Who a pronoun names: the latest salient person of its gender, unless not named
    /// in this paragraph or the one before while someone known to be of its gender was;
    /// then the latest such.
    fn latest_near(&self, gender: Gender) -> Option<usize> {
        let salient = self.latest(gender);
        if salient.is_some_and(|k| self.named_near(k)) {
            return salient;
        }
        self.named
            .iter()
            .take(RECENT)
            .take_while(|&k| self.named_near(k))
            .find(|&k| gender != Gender::Unknown && self.people[k].gender == gender)
            .or(salient)
    }

    fn as_speaker(&mut self, id: usize, title: Option<String>) -> Resolved {
        self.touch(id);
        self.set_title(id, title.clone());
        let p = &self.people[id];
        Resolved {
            speaker: Some(p.name.clone()),
            title: title.or_else(|| p.title.clone()),
        }
    }

    /// Resolves the speaker of a quote; `title` is an appositive given with the mention.
    pub fn resolve(&mut self, mention: &Mention, title: Option<String>) -> Resolved {
        match mention {
            Mention::Person {
                name,
                title: own,
                gender,
            } => {
                let id = self.person(name, title.clone().or_else(|| own.clone()), *gender);
                self.as_speaker(id, title.or_else(|| own.clone()))
            }
            Mention::Pronoun(p) if p == "it" => Resolved {
                speaker: self.latest_org().cloned(),
                title: None,
            },
            Mention::Pronoun(p) => {
                let gender = gender_of_word(p);
                let Some(id) = (p != "we" && p != "i")
                    .then(|| self.latest_near(gender))
                    .flatten()
                else {
                    return Resolved::default();
                };
                if self.people[id].gender == Gender::Unknown {
                    self.people[id].gender = gender;
                    self.settle_gender(id);
                }
                self.as_speaker(id, title)
            }
            Mention::Role { head, text } => {
                let by_title = self.titled(head);
                // "A former employee said …" then "the former employee said": still unnamed.
                let unnamed = self.unnamed.contains(head.as_str());
                // "the cyclist's partner" is someone else, unnamed unless the title says.
                let owned = text
                    .split_whitespace()
                    .any(crate::quotes::names::is_possessive);
                let id = by_title.or_else(|| {
                    (!crate::quotes::names::is_office(head) && !unnamed && !owned)
                        .then(|| self.latest(gender_of_word(head)))
                        .flatten()
                });
                match id {
                    Some(id) => self.as_speaker(id, title),
                    None => Resolved::default(),
                }
            }
            Mention::Organisation(name) => {
                self.touch_org(name);
                Resolved {
                    speaker: Some(name.clone()),
                    title: None,
                }
            }
            Mention::OrganisationRef { head, text } => {
                let named = self
                    .recent_orgs()
                    .find(|o| title_has(o, head))
                    .or_else(|| {
                        crate::quotes::names::is_generic_org(head)
                            .then(|| self.latest_org())
                            .flatten()
                    })
                    .cloned();
                let name = named.unwrap_or_else(|| capitalised(text));
                self.touch_org(&name);
                Resolved {
                    speaker: Some(name),
                    title: None,
                }
            }
            Mention::Anonymous(text) => {
                self.note_unnamed(text);
                Resolved::default()
            }
        }
    }
}

/// The words with their first letter in capitals ("the company" → "The company").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::cast::tests::person;

    #[test]
    fn a_gendered_pronoun_takes_the_latest_of_that_gender_when_no_one_recent_fits() {
        let mut cast = Cast::new();
        cast.mention(&person("Mary Quill", None), None, false); // named, not the subject
        cast.mention(&person("Carl Pask", None), None, true);
        let r = cast.resolve(&Mention::Pronoun("she".into()), None);
        assert_eq!(r.speaker.as_deref(), Some("Mary Quill"));
        // A rarer given name is not enough to find someone no one talked about (named
        // paragraphs before, never as a subject).
        let mut cast = Cast::new();
        cast.mention(&person("Port Elin", None), None, false);
        cast.mention(&person("Port Elin", None), None, false);
        cast.at_paragraph(5);
        assert_eq!(
            cast.resolve(&Mention::Pronoun("he".into()), None).speaker,
            None
        );
        // Named in the paragraph before, he is who the pronoun names.
        cast.at_paragraph(1);
        cast.mention(&person("Port Elin", None), None, false);
        cast.at_paragraph(2);
        assert_eq!(
            cast.resolve(&Mention::Pronoun("he".into()), None)
                .speaker
                .as_deref(),
            Some("Port Elin")
        );
    }

    #[test]
    fn pronoun_takes_latest_compatible_person() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("spokeswoman")), None, true);
        cast.mention(&person("Ben Ode", None), None, true);
        cast.resolve(&Mention::Pronoun("he".into()), None);
        let r = cast.resolve(&Mention::Pronoun("she".into()), None);
        assert_eq!(r.speaker.as_deref(), Some("Ana Ruiz"));
        let r = cast.resolve(&Mention::Pronoun("he".into()), None);
        assert_eq!(r.speaker.as_deref(), Some("Ben Ode"));
    }

    #[test]
    fn role_resolves_by_title_and_offices_are_not_guessed() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("Finance Minister")), None, true);
        cast.mention(&person("Ben Ode", None), None, true);
        let role = |h: &str| Mention::Role {
            head: h.into(),
            text: format!("the {h}"),
        };
        assert_eq!(
            cast.resolve(&role("minister"), None).speaker.as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(cast.resolve(&role("governor"), None).speaker, None);
        assert_eq!(
            cast.resolve(&role("official"), None).speaker.as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn organisation_by_common_noun() {
        let mut cast = Cast::new();
        cast.mention(
            &Mention::Organisation("Ministry of Trade".into()),
            None,
            false,
        );
        let r = cast.resolve(
            &Mention::OrganisationRef {
                head: "ministry".into(),
                text: "the ministry".into(),
            },
            None,
        );
        assert_eq!(r.speaker.as_deref(), Some("Ministry of Trade"));
        let r = cast.resolve(
            &Mention::OrganisationRef {
                head: "bank".into(),
                text: "the bank".into(),
            },
            None,
        );
        assert_eq!(r.speaker.as_deref(), Some("The bank"));
        assert_eq!(
            cast.resolve(&Mention::Anonymous("a source".into()), None),
            Resolved::default()
        );
    }

    #[test]
    fn role_first_introduced_without_a_name_stays_unnamed() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("chief executive")), None, true);
        cast.mention(&Mention::Anonymous("a former employee".into()), None, true);
        let r = cast.resolve(
            &Mention::Role {
                head: "employee".into(),
                text: "the former employee".into(),
            },
            None,
        );
        assert_eq!(r.speaker, None);
    }

    #[test]
    fn someone_else_s_relative_or_aide_is_not_the_last_person() {
        let mut cast = Cast::new();
        cast.mention(&person("Ana Ruiz", Some("police chief")), None, true);
        let role = |text: &str, head: &str| Mention::Role {
            head: head.into(),
            text: text.into(),
        };
        let r = cast.resolve(&role("the victim's brother", "brother"), None);
        assert_eq!(r.speaker, None);
        // Without a possessive, a role may still stand for the person talked about.
        let r = cast.resolve(&role("the officer", "officer"), None);
        assert_eq!(r.speaker.as_deref(), Some("Ana Ruiz"));
    }
}
