//! What a learner holds, as plan and profile files write it: credentials (with the date each
//! was earned, where known), skills and work experience.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::DateText;
use super::held::{self, HeldFile, HeldOut};
use crate::catalog::format::{MAX_MONTHS, Number, Text};
use crate::plan::{Experience, Have, Tenure};

impl HaveFile {
    /// The holdings as the plan model has them.
    pub(super) fn into_have(self) -> Have {
        Have {
            earned: held::dates(&self.credentials, |held| held.earned.as_ref()),
            expires: held::dates(&self.credentials, |held| held.expires.as_ref()),
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
                .map(|id| HeldOut::of(have, id))
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

#[derive(Serialize)]
struct ExperienceOut<'a> {
    field: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<String>,
}
