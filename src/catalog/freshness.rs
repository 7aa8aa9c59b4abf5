//! How old a record's facts are: the months since its `verified` date, said one way in
//! `show`, the app and `validate` (which warns past a maximum age).

use jiff::civil::Date;

/// Facts checked longer ago than this many months are flagged, unless a command says
/// otherwise (`validate --max-age`).
pub const DEFAULT_MAX_AGE_MONTHS: u32 = 12;

/// What `validate` checks the age of facts against: warn when `verified` is more than
/// `max_age_months` before `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    pub today: Date,
    pub max_age_months: u32,
}

/// Whole months from `date` to `today` (negative when `date` is later).
pub fn months_since(date: Date, today: Date) -> i32 {
    let months = (i32::from(today.year()) - i32::from(date.year())) * 12 + i32::from(today.month())
        - i32::from(date.month());
    // A month has passed only once its day has come round again.
    if months > 0 && today.day() < date.day() {
        months - 1
    } else if months < 0 && today.day() > date.day() {
        months + 1
    } else {
        months
    }
}

/// Whether facts checked on `date` are older than `max_age` months on `today`.
pub fn is_stale(date: Date, today: Date, max_age: u32) -> bool {
    i64::from(months_since(date, today)) > i64::from(max_age)
}

/// "checked 6 months ago", "checked this month", "checked 2 months from now" (a date in the
/// future is a typo, and said as it is).
pub fn age(date: Date, today: Date) -> String {
    match months_since(date, today) {
        0 if date <= today => "checked this month".to_owned(),
        1 => "checked a month ago".to_owned(),
        months if months > 1 => format!("checked {months} months ago"),
        _ => "dated in the future".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn months_count_once_their_day_comes_round() {
        assert_eq!(months_since(date(2026, 6, 1), date(2026, 12, 3)), 6);
        assert_eq!(months_since(date(2026, 6, 15), date(2026, 12, 3)), 5);
        assert_eq!(months_since(date(2025, 12, 3), date(2026, 12, 3)), 12);
        assert_eq!(months_since(date(2025, 12, 2), date(2026, 12, 3)), 12);
        assert_eq!(months_since(date(2025, 11, 2), date(2026, 12, 3)), 13);
        assert!(!is_stale(date(2025, 12, 3), date(2026, 12, 3), 12));
        assert!(is_stale(date(2025, 11, 2), date(2026, 12, 3), 12));
        assert_eq!(
            age(date(2026, 6, 1), date(2026, 12, 3)),
            "checked 6 months ago"
        );
        assert_eq!(
            age(date(2026, 12, 1), date(2026, 12, 3)),
            "checked this month"
        );
        assert_eq!(
            age(date(2027, 3, 1), date(2026, 12, 3)),
            "dated in the future"
        );
    }
}
