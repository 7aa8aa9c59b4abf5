//! What a learner holds, as plan and profile files write it: credentials (with the date each
//! was earned, where known), skills and work experience.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::DateText;
use crate::catalog::format::{MAX_MONTHS, Number, Text};
use crate::plan::{Experience, Have, Tenure};

impl HaveFile {
    /// The holdings as the plan model has them.
    pub(super) fn into_have(self) -> Have {
        Have {
            earned: self
                .credentials
                .iter()
                .filter_map(|held| Some((held.id.as_str().to_owned(), held.earned.as_ref()?.0)))
                .collect(),
            credentials: self
                .credentials
                .into_iter()
                .map(|held| held.id.as_str().to_owned())
                .collect(),
            skills: self
                .skills
                .into_iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            experience: self.experience.into_iter().map(|e| e.0).collect(),
        }
    }

    /// Whether the file named no holdings at all.
    pub(super) fn is_empty(&self) -> bool {
        self.credentials.is_empty() && self.skills.is_empty() && self.experience.is_empty()
    }
}

impl<'a> HaveOut<'a> {
    /// The holdings as files write them.
    pub(super) fn of(have: &'a Have) -> HaveOut<'a> {
        HaveOut {
            credentials: have
                .credentials
                .iter()
                .map(|id| match have.earned.get(id) {
                    Some(date) => HeldOut::Dated {
                        id,
                        earned: date.to_string(),
                    },
                    None => HeldOut::Id(id),
                })
                .collect(),
            skills: &have.skills,
            experience: have
                .experience
                .iter()
                .map(|entry| ExperienceOut {
                    field: &entry.field,
                    months: match entry.tenure {
                        Tenure::Months(months) => Some(months),
                        Tenure::Since(_) => None,
                    },
                    since: match entry.tenure {
                        Tenure::Since(date) => Some(date.to_string()),
                        Tenure::Months(_) => None,
                    },
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct HaveFile {
    #[serde(default)]
    credentials: Vec<HeldFile>,
    #[serde(default)]
    skills: Vec<Text>,
    #[serde(default)]
    experience: Vec<ExperienceFile>,
}

/// A held credential: its id, or `{id: comptia/a-plus, earned: 2025-03-01}`.
pub(super) struct HeldFile {
    id: Text,
    earned: Option<DateText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeldFields {
    id: Text,
    earned: Option<DateText>,
}

impl<'de> Deserialize<'de> for HeldFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HeldVisitor;
        impl<'de> Visitor<'de> for HeldVisitor {
            type Value = HeldFile;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a credential id, or {id: provider/id, earned: YYYY-MM-DD}")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<HeldFile, E> {
                let id = Text::deserialize(de::value::StrDeserializer::<E>::new(value))?;
                Ok(HeldFile { id, earned: None })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<HeldFile, A::Error> {
                let fields = HeldFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(HeldFile {
                    id: fields.id,
                    earned: fields.earned,
                })
            }
        }
        deserializer.deserialize_any(HeldVisitor)
    }
}

/// `{field: security, months: 24}` or `{field: networking, since: 2021-06-01}`.
pub(super) struct ExperienceFile(Experience);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExperienceFields {
    field: Text,
    months: Option<Number>,
    since: Option<DateText>,
}

impl<'de> Deserialize<'de> for ExperienceFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = ExperienceFields::deserialize(deserializer)?;
        let field = fields.field.as_str().to_owned();
        let tenure = match (fields.months, fields.since) {
            (Some(_), Some(_)) => {
                return Err(de::Error::custom(format_args!(
                    "experience in `{field}` has both `months` and `since`: keep `months` for \
                     past work, `since` for work still going on"
                )));
            }
            (None, None) => {
                return Err(de::Error::custom(format_args!(
                    "experience in `{field}` needs `months: N` (past work) or \
                     `since: YYYY-MM-DD` (work still going on)"
                )));
            }
            (Some(Number(n)), None) => {
                if n.fract() != 0.0 || !(1.0..=f64::from(MAX_MONTHS)).contains(&n) {
                    return Err(de::Error::custom(format_args!(
                        "experience in `{field}`: months must be a whole number from 1 to \
                         {MAX_MONTHS}, not {n}"
                    )));
                }
                Tenure::Months(n as u32)
            }
            (None, Some(DateText(date))) => Tenure::Since(date),
        };
        Ok(ExperienceFile(Experience { field, tenure }))
    }
}

#[derive(Serialize)]
pub(super) struct HaveOut<'a> {
    credentials: Vec<HeldOut<'a>>,
    skills: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    experience: Vec<ExperienceOut<'a>>,
}

/// A plain id, or the id with the date it was earned.
#[derive(Serialize)]
#[serde(untagged)]
enum HeldOut<'a> {
    Id(&'a str),
    Dated { id: &'a str, earned: String },
}

#[derive(Serialize)]
struct ExperienceOut<'a> {
    field: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<String>,
}
