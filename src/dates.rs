//! Dates as people write them: one explanation of a date that does not read, shared by
//! catalogs, plan files and the app's forms, so a date in the right shape that no calendar
//! has (2026-13-01, 2027-02-30) is told apart from one written another way.

use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Reads `YYYY-MM-DD`, or says in words why `text` is not a date; `example` is a date in
/// the right shape to show (`2026-06-01`).
pub fn parse(text: &str, example: &str) -> Result<Date, String> {
    text.parse::<Date>().map_err(|_| explain(text, example))
}

/// Why `text` does not read as a date, starting with the text quoted.
pub fn explain(text: &str, example: &str) -> String {
    let shown = crate::text::sanitize_line(text);
    let Some((year, month, day)) = shaped(text) else {
        // `2026-11-1`: the date meant, with its zeros.
        if let Some(padded) = padded(text) {
            return format!("`{shown}` is not a date: write it as YYYY-MM-DD, `{padded}`");
        }
        return format!("`{shown}` is not a date: write it as YYYY-MM-DD, like {example}");
    };
    if !(1..=12).contains(&month) {
        return format!(
            "`{shown}` is not a date: month {month} does not exist (months run from 01 to 12; \
             the order is YYYY-MM-DD)"
        );
    }
    let days = Date::new(year, month, 1).map_or(31, Date::days_in_month);
    if day == 0 || day > days {
        let name = MONTHS[month as usize - 1];
        return format!("`{shown}` is not a date: {name} {year} has {days} days; check the day");
    }
    format!("`{shown}` is not a date: write it as YYYY-MM-DD, like {example}")
}

/// `2026-1-5` as `2026-01-05`, when that is a real date.
fn padded(text: &str) -> Option<String> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |part: &str, most: usize| {
        (1..=most).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some()
        || year.len() != 4
        || !digits(year, 4)
        || !digits(month, 2)
        || !digits(day, 2)
    {
        return None;
    }
    let padded = format!("{year}-{month:0>2}-{day:0>2}");
    padded.parse::<Date>().is_ok().then_some(padded)
}

/// The numbers of a text shaped `YYYY-MM-DD`, whatever their values.
fn shaped(text: &str) -> Option<(i16, i8, i8)> {
    let bytes = text.as_bytes();
    let in_shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !in_shape {
        return None;
    }
    Some((
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_in_shape_that_no_calendar_has_is_explained() {
        let example = "2026-06-01";
        assert_eq!(
            explain("2026-13-01", example),
            "`2026-13-01` is not a date: month 13 does not exist (months run from 01 to 12; the order is YYYY-MM-DD)"
        );
        assert_eq!(
            explain("2027-02-29", example),
            "`2027-02-29` is not a date: February 2027 has 28 days; check the day"
        );
        assert_eq!(
            explain("2028-04-31", example),
            "`2028-04-31` is not a date: April 2028 has 30 days; check the day"
        );
        assert_eq!(
            explain("01/06/2026", example),
            "`01/06/2026` is not a date: write it as YYYY-MM-DD, like 2026-06-01"
        );
        assert!(parse("2028-02-29", example).is_ok());
        assert_eq!(
            explain("2026-11-1", example),
            "`2026-11-1` is not a date: write it as YYYY-MM-DD, `2026-11-01`"
        );
        assert_eq!(
            explain("2026-2-30", example),
            "`2026-2-30` is not a date: write it as YYYY-MM-DD, like 2026-06-01"
        );
    }
}
