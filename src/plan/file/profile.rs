//! A person's profile file (`people/NAME.yaml`): what they hold and how they study, in the
//! same shapes as a plan file writes them.
//!
//! ```yaml
//! format: 1
//! name: alex
//! have:
//!   credentials: [google/it-support, {id: comptia/a-plus, earned: 2025-03-01}]
//!   skills: [python]
//! hours_per_week: 8
//! budget: 1500
//! notes: Works nights; prefers self-paced.
//! ```

use serde::{Deserialize, Serialize};

use super::have::{HaveFile, HaveOut};
use super::{FORMAT, FormatNumber, NonNegativeAmount, PositiveAmount, TimeValue};
use crate::catalog::Amount;
use crate::catalog::format::Text;
use crate::plan::{DEFAULT_HOURS_PER_WEEK, Profile};
use crate::yaml;

/// Reads a profile file; on failure, every error found, each with its line and column.
pub fn parse_profile(text: &str) -> Result<Profile, Vec<yaml::Error>> {
    let text = yaml::decode(text.as_bytes()).map_err(|error| vec![error])?;
    if yaml::is_blank(text) {
        return Err(vec![yaml::Error {
            position: yaml::Position::START,
            message: "the profile file is empty".to_owned(),
        }]);
    }
    let file: ProfileFile = yaml::from_str(text).map_err(|failure| failure.errors)?;
    Ok(Profile {
        name: file.name.map(|n| n.as_str().to_owned()).unwrap_or_default(),
        have: file.have.into_have(),
        hours_per_week: file.hours_per_week.map_or(DEFAULT_HOURS_PER_WEEK, |h| h.0),
        budget: file.budget.map(|b| b.0),
        time_value: file.time_value.map(|v| v.0),
        notes: file.notes.map(|n| n.as_str().to_owned()),
    })
}

/// Writes a profile file.
pub fn profile_to_yaml(profile: &Profile) -> Result<String, yaml::Error> {
    yaml::to_string(&ProfileOut {
        format: FORMAT,
        name: &profile.name,
        have: HaveOut::of(&profile.have),
        hours_per_week: profile.hours_per_week,
        budget: profile.budget,
        time_value: profile.time_value,
        notes: profile.notes.as_deref(),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    #[serde(default, rename = "format")]
    _format: Option<FormatNumber>,
    name: Option<Text>,
    #[serde(default)]
    have: HaveFile,
    hours_per_week: Option<PositiveAmount>,
    budget: Option<NonNegativeAmount>,
    time_value: Option<TimeValue>,
    notes: Option<Text>,
}

#[derive(Serialize)]
struct ProfileOut<'a> {
    format: u32,
    name: &'a str,
    have: HaveOut<'a>,
    hours_per_week: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_value: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_reads_and_writes_back_the_same() {
        let text = "format: 1\nname: alex\nhave:\n  credentials: [google/it-support, {id: comptia/a-plus, earned: 2025-03-01}]\n  skills: [python]\n  experience: [{field: security, months: 24}]\nhours_per_week: 8\nbudget: 1500\nnotes: Works nights.\n";
        let profile = parse_profile(text).expect("parses");
        assert_eq!(profile.name, "alex");
        assert_eq!(profile.have.credentials.len(), 2);
        assert_eq!(profile.have.earned.len(), 1);
        assert_eq!(profile.hours_per_week, Amount(800));
        assert_eq!(profile.budget, Some(Amount(150_000)));
        let again = parse_profile(&profile_to_yaml(&profile).expect("writes")).expect("reads");
        assert_eq!(again, profile);
    }

    #[test]
    fn a_mistake_in_a_profile_is_located() {
        let errors = parse_profile("name: alex\nhours_per_week: 0\n").expect_err("refused");
        assert_eq!(errors[0].position.line, 2);
        let errors = parse_profile("name: alex\nsteps: []\n").expect_err("a plan's field");
        assert!(errors[0].message.contains("steps"), "{}", errors[0].message);
    }
}
