//! The command line's values checked as they are parsed, each refusal saying how to write
//! the value.

use jiff::civil::Date;

use crate::plan::Experience;

pub(super) fn time_value(text: &str) -> Result<f64, String> {
    let n = number(text)?;
    crate::plan::time_value(n).map(|_| n)
}

pub(super) fn experience(text: &str) -> Result<Experience, String> {
    text.parse()
}

pub(super) fn number(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("`{text}` is not a number"))
}

pub(super) fn non_negative(text: &str) -> Result<f64, String> {
    number(text).and_then(|n| {
        if (0.0..1e12).contains(&n) {
            Ok(n)
        } else {
            Err("must be 0 or more, and less than a million million".to_owned())
        }
    })
}

pub(super) fn positive(text: &str) -> Result<f64, String> {
    number(text).and_then(|n| {
        if n > 0.0 {
            Ok(n)
        } else {
            Err("must be more than 0".to_owned())
        }
    })
}

pub(super) fn hours_per_week(text: &str) -> Result<f64, String> {
    positive(text).and_then(|n| {
        if n <= 168.0 {
            Ok(n)
        } else {
            Err("a week has 168 hours".to_owned())
        }
    })
}

pub(super) fn date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|_| format!("`{text}` is not a date: write it as YYYY-MM-DD, like 2027-01-04"))
}
