//! The value mappings of docs/importing.md: CTDL types to kinds, durations to hours, cost
//! profiles to one price, currency names to ISO 4217 codes.

use serde_json::Value;

use super::json::get;
use crate::catalog::format::Kind;
use crate::import::json::{items, text};

/// What a CTDL `@type` becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Credential(Kind),
    Organisation,
}

/// The kind a CTDL type maps to; `None` for a type the importer does not know.
pub fn role_of(ctdl_type: &str) -> Option<Role> {
    let kind = match ctdl_type {
        "Certification" | "License" => Kind::Certification,
        "Certificate"
        | "CertificateOfCompletion"
        | "CertificateOfParticipation"
        | "ProficiencyCertificate"
        | "ApprenticeshipCertificate"
        | "JourneymanCertificate"
        | "MasterCertificate"
        | "MicroCredential"
        | "Diploma"
        | "SecondarySchoolDiploma"
        | "GeneralEducationDevelopment" => Kind::Certificate,
        "Badge" | "OpenBadge" | "DigitalBadge" => Kind::Badge,
        "Degree"
        | "AssociateDegree"
        | "BachelorDegree"
        | "MasterDegree"
        | "DoctoralDegree"
        | "ProfessionalDoctorate"
        | "ResearchDoctorate"
        | "AppliedAssociateDegree"
        | "AppliedBachelorDegree" => Kind::Degree,
        "LearningOpportunityProfile" | "Course" | "LearningProgram" | "AssessmentProfile" => {
            Kind::Course
        }
        "CredentialOrganization" | "QACredentialOrganization" | "Organization" => {
            return Some(Role::Organisation);
        }
        _ => return None,
    };
    Some(Role::Credential(kind))
}

/// Hours a calendar unit stands for: full-time study of 8 hours a day, 40 a week, 160 a
/// month and 1,600 a year (an academic year of 40 weeks).
pub const HOURS_PER_DAY: f64 = 8.0;
pub const HOURS_PER_WEEK: f64 = 40.0;
pub const HOURS_PER_MONTH: f64 = 160.0;
pub const HOURS_PER_YEAR: f64 = 1600.0;

/// Hours of an ISO 8601 duration, and whether they are estimated from calendar units (Y, M,
/// W, D) rather than exact (the time part, after `T`). `None` when it is not a duration.
pub fn duration_hours(duration: &str) -> Option<(f64, bool)> {
    let rest = duration.trim().strip_prefix('P')?;
    let (mut hours, mut estimated, mut in_time, mut number) = (0.0, false, false, String::new());
    let mut any = false;
    for c in rest.chars() {
        if c.is_ascii_digit() || c == '.' || c == ',' {
            number.push(if c == ',' { '.' } else { c });
            continue;
        }
        if c == 'T' && number.is_empty() && !in_time {
            in_time = true;
            continue;
        }
        let value: f64 = number.parse().ok()?;
        number.clear();
        any = true;
        let (factor, calendar) = match (in_time, c) {
            (false, 'Y') => (HOURS_PER_YEAR, true),
            (false, 'M') => (HOURS_PER_MONTH, true),
            (false, 'W') => (HOURS_PER_WEEK, true),
            (false, 'D') => (HOURS_PER_DAY, true),
            (true, 'H') => (1.0, false),
            (true, 'M') => (1.0 / 60.0, false),
            (true, 'S') => (1.0 / 3600.0, false),
            _ => return None,
        };
        hours += value * factor;
        estimated |= calendar;
    }
    (any && number.is_empty() && hours.is_finite()).then_some((hours, estimated))
}

/// Days in an average month of the Gregorian calendar.
const DAYS_PER_MONTH: f64 = 30.436_875;

/// Whole months of an ISO 8601 calendar duration (`P3Y` is 36, `P18M` 18, `P104W` 24),
/// rounded to the nearest month and at least 1. `None` when it is not a duration, has a
/// time part (`PT...`), or is zero.
pub fn duration_months(duration: &str) -> Option<u32> {
    let rest = duration.trim().strip_prefix('P')?;
    let (mut months, mut number, mut any) = (0.0, String::new(), false);
    for c in rest.chars() {
        if c.is_ascii_digit() || c == '.' || c == ',' {
            number.push(if c == ',' { '.' } else { c });
            continue;
        }
        let value: f64 = number.parse().ok()?;
        number.clear();
        any = true;
        months += value
            * match c {
                'Y' => 12.0,
                'M' => 1.0,
                'W' => 7.0 / DAYS_PER_MONTH,
                'D' => 1.0 / DAYS_PER_MONTH,
                _ => return None,
            };
    }
    let whole = months.round().max(1.0);
    (any && number.is_empty() && months > 0.0 && whole <= f64::from(u32::MAX))
        .then_some(whole as u32)
}

/// ISO 4217 codes of the currency names the Registry uses; codes themselves pass through.
pub fn currency_code(currency: &str) -> Option<&'static str> {
    const NAMES: &[(&str, &[&str])] = &[
        (
            "USD",
            &[
                "usd",
                "us dollar",
                "us dollars",
                "u.s. dollar",
                "united states dollar",
                "dollar",
                "$",
            ],
        ),
        ("CAD", &["cad", "canadian dollar", "canadian dollars"]),
        ("EUR", &["eur", "euro", "euros", "€"]),
        ("GBP", &["gbp", "pound sterling", "british pound", "£"]),
        ("AUD", &["aud", "australian dollar"]),
        ("NZD", &["nzd", "new zealand dollar"]),
        ("INR", &["inr", "indian rupee"]),
        ("JPY", &["jpy", "yen", "japanese yen"]),
        ("CHF", &["chf", "swiss franc"]),
        ("MXN", &["mxn", "mexican peso"]),
    ];
    let name = currency.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(code, _)| *code)
}

/// One cost profile, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Price {
    pub amount: f64,
    /// The currency as written.
    pub currency: String,
    pub renewal: bool,
    pub member_only: bool,
    pub index: usize,
}

/// The prices of `estimatedCost` (each profile's `price`, or the prices it lists).
pub fn prices(estimated_cost: Option<&Value>, lang: &str) -> Vec<Price> {
    let mut found = Vec::new();
    for (index, profile) in items(estimated_cost).into_iter().enumerate() {
        let Some(profile) = profile.as_object() else {
            continue;
        };
        let labels: Vec<String> = ["directCostType", "audienceType", "name", "description"]
            .iter()
            .flat_map(|key| items(get(profile, key)))
            .flat_map(|value| {
                let mut words = text(value, lang).into_iter().collect::<Vec<_>>();
                if let Some(object) = value.as_object() {
                    for key in ["targetNode", "targetNodeName"] {
                        words.extend(get(object, key).and_then(|v| text(v, lang)));
                    }
                }
                words
            })
            .map(|label| label.to_ascii_lowercase())
            .collect();
        let renewal = labels.iter().any(|label| label.contains("renewal"));
        let member_only = labels
            .iter()
            .any(|label| label.contains("member") && !label.contains("non"));
        let currency = get(profile, "currency")
            .and_then(|value| text(value, lang))
            .unwrap_or_default();
        for value in items(get(profile, "price")) {
            let amount = match value {
                Value::Number(number) => number.as_f64(),
                Value::String(text) => text
                    .trim()
                    .trim_start_matches('$')
                    .replace(',', "")
                    .parse()
                    .ok(),
                _ => None,
            };
            if let Some(amount) = amount.filter(|amount| amount.is_finite() && *amount >= 0.0) {
                found.push(Price {
                    amount,
                    currency: currency.clone(),
                    renewal,
                    member_only,
                    index,
                });
            }
        }
    }
    found
}

/// The price to earn it: not a renewal, the non-member price when there is one, the highest.
pub fn chosen_price(prices: &[Price]) -> Option<&Price> {
    let first: Vec<&Price> = prices.iter().filter(|price| !price.renewal).collect();
    let open: Vec<&Price> = first.iter().copied().filter(|p| !p.member_only).collect();
    let pool = if open.is_empty() { first } else { open };
    pool.into_iter()
        .max_by(|a, b| a.amount.total_cmp(&b.amount).then(b.index.cmp(&a.index)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn exact_hours_are_exact_and_calendar_ones_are_estimated() {
        assert_eq!(duration_hours("PT40H"), Some((40.0, false)));
        assert_eq!(duration_hours("PT1H30M"), Some((1.5, false)));
        assert_eq!(duration_hours("P5D"), Some((40.0, true)));
        assert_eq!(duration_hours("P2Y"), Some((3200.0, true)));
        assert_eq!(duration_hours("forty hours"), None);
        assert_eq!(duration_hours("P"), None);
        assert_eq!(duration_hours("PT"), None);
    }

    #[test]
    fn renewal_frequencies_become_whole_months() {
        assert_eq!(duration_months("P3Y"), Some(36));
        assert_eq!(duration_months("P1Y6M"), Some(18));
        assert_eq!(duration_months("P104W"), Some(24));
        assert_eq!(duration_months("P730D"), Some(24));
        assert_eq!(duration_months("P1D"), Some(1));
        assert_eq!(duration_months("PT40H"), None);
        assert_eq!(duration_months("P0Y"), None);
        assert_eq!(duration_months("three years"), None);
    }

    #[test]
    fn currency_names_become_codes() {
        assert_eq!(currency_code("US Dollar"), Some("USD"));
        assert_eq!(currency_code("USD"), Some("USD"));
        assert_eq!(currency_code("Doubloons"), None);
    }

    #[test]
    fn the_price_is_the_non_member_one_and_never_a_renewal() {
        let costs = json!([
            {"ceterms:price": 150, "ceterms:currency": "USD",
             "ceterms:audienceType": [{"ceterms:targetNode": "audience:Member"}]},
            {"ceterms:price": 300, "ceterms:currency": "USD",
             "ceterms:audienceType": [{"ceterms:targetNode": "audience:NonMember"}]},
            {"ceterms:price": 900, "ceterms:currency": "USD",
             "ceterms:directCostType": [{"ceterms:targetNodeName": {"en": "Renewal"}}]}
        ]);
        let prices = prices(Some(&costs), "en");
        assert_eq!(prices.len(), 3);
        assert_eq!(chosen_price(&prices).map(|p| p.amount), Some(300.0));
    }

    #[test]
    fn types_map_to_kinds() {
        assert_eq!(
            role_of("MicroCredential"),
            Some(Role::Credential(Kind::Certificate))
        );
        assert_eq!(role_of("OpenBadge"), Some(Role::Credential(Kind::Badge)));
        assert_eq!(
            role_of("BachelorDegree"),
            Some(Role::Credential(Kind::Degree))
        );
        assert_eq!(
            role_of("LearningProgram"),
            Some(Role::Credential(Kind::Course))
        );
        assert_eq!(role_of("Spaceship"), None);
    }
}
