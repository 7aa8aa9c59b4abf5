//! Dates as badges write them: an ISO 8601 date-time (`2025-03-01T09:30:00Z`), a bare date,
//! or, in Open Badges 2.0, a Unix timestamp in seconds.

use jiff::civil::Date;
use jiff::{Span, Timestamp};
use serde_json::Value;

/// The calendar date of a badge's date value, as the issuer wrote it: the date part of a
/// date-time is taken as written, whatever its time zone (a badge issued late on 1 March
/// in New York was earned on 1 March); a Unix timestamp is read in UTC.
pub fn date_of(value: &Value) -> Result<Date, String> {
    match value {
        Value::String(text) => {
            let text = text.trim();
            let day = text.get(..10).unwrap_or(text);
            let rest = text.get(10..).unwrap_or_default();
            let shaped = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
            match day.parse::<Date>() {
                Ok(date) if shaped => Ok(date),
                _ => Err(format!(
                    "`{}` is not a date: badges write dates as ISO 8601, like 2025-03-01T09:30:00Z",
                    crate::text::sanitize_line(text)
                )),
            }
        }
        Value::Number(number) => number
            .as_i64()
            .filter(|&seconds| Timestamp::from_second(seconds).is_ok())
            .and_then(|seconds| {
                Date::constant(1970, 1, 1)
                    .checked_add(Span::new().days(seconds.div_euclid(86_400)))
                    .ok()
            })
            .ok_or_else(|| format!("{number} is not a Unix timestamp in seconds")),
        _ => Err("a date must be text like 2025-03-01T09:30:00Z".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn a_date_time_gives_its_date_as_written_whatever_its_zone() {
        assert_eq!(
            date_of(&json!("2025-03-01T23:30:00-05:00")),
            Ok(date("2025-03-01"))
        );
        assert_eq!(date_of(&json!("2025-03-01")), Ok(date("2025-03-01")));
        assert_eq!(
            date_of(&json!("2025-03-01T00:00:00.000Z")),
            Ok(date("2025-03-01"))
        );
    }

    #[test]
    fn a_unix_timestamp_is_read_in_utc() {
        assert_eq!(date_of(&json!(1_740_787_200)), Ok(date("2025-03-01")));
    }

    #[test]
    fn text_that_is_no_date_says_so() {
        assert!(
            date_of(&json!("2025-13-01T00:00:00Z"))
                .expect_err("not a date")
                .contains("not a date")
        );
        assert!(date_of(&json!("2025-03-01X")).is_err());
        assert!(date_of(&json!(true)).is_err());
        assert!(date_of(&json!(1e300)).is_err());
    }
}
