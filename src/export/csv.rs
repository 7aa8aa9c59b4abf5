//! A plan as CSV (RFC 4180) for a spreadsheet: a header row, then one row a step. Lines end
//! in CRLF; a field with a comma, quote or line break is quoted with its quotes doubled; a
//! field a spreadsheet would run as a formula (`=`, `+`, `-` or `@` first after any
//! whitespace, or a leading tab or CR) gets a leading `'`. The file starts with a UTF-8 byte
//! order mark, which is how Excel knows to read accents and emoji as UTF-8 (other readers
//! skip it).

use super::report::{Report, StepView};

const HEADER: [&str; 14] = [
    "step",
    "id",
    "title",
    "provider",
    "status",
    "hours",
    "cost",
    "currency",
    "start",
    "end",
    "completed",
    "renew_by",
    "catalog",
    "note",
];

const BOM: char = '\u{feff}';

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, HEADER.iter().map(|h| (*h).to_owned()));
    for (i, step) in report.steps.iter().enumerate() {
        push_record(&mut out, fields(report, i + 1, step));
    }
    out
}

fn fields(report: &Report, number: usize, step: &StepView) -> [String; 14] {
    let known = step.credential.as_ref();
    let optional =
        |date: Option<jiff::civil::Date>| date.map(|d| d.to_string()).unwrap_or_default();
    [
        number.to_string(),
        step.id.clone(),
        step.title().to_owned(),
        known.map(|c| c.provider.clone()).unwrap_or_default(),
        step.status.as_str().to_owned(),
        known
            .map(|c| cell_or_unknown(c.unknown.hours, c.hours))
            .unwrap_or_default(),
        known
            .map(|c| cell_or_unknown(c.unknown.cost, c.cost))
            .unwrap_or_default(),
        report.currency.clone(),
        optional(step.start),
        optional(step.end),
        optional(step.completed),
        optional(step.renews),
        match known {
            None => "missing".to_owned(),
            Some(c) if c.retired => "retired".to_owned(),
            Some(_) => "ok".to_owned(),
        },
        step.note.clone().unwrap_or_default(),
    ]
}

fn push_record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(&defuse(&field)));
    }
    out.push_str("\r\n");
}

/// A cell a spreadsheet would read as a formula is kept as text (OWASP's advice).
fn defuse(field: &str) -> String {
    // Text reaches here sanitized, so a leading tab is already a space; some spreadsheets
    // trim leading blanks before deciding what a cell is, so the formula characters count
    // after any whitespace too.
    let formula = field.trim_start().starts_with(['=', '+', '-', '@']);
    if formula || field.starts_with(['\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_owned()
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// An amount as a cell, or `unknown` when the catalogs give none: never a 0 that reads as
/// free or quick.
fn cell_or_unknown(unknown: bool, amount: crate::catalog::Amount) -> String {
    if unknown {
        "unknown".to_owned()
    } else {
        amount.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{HOSTILE_TITLE, report};

    fn records(text: &str) -> Vec<csv::StringRecord> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        reader
            .records()
            .collect::<Result<_, _>>()
            .expect("valid CSV")
    }

    #[test]
    fn a_csv_reader_gets_the_header_and_one_row_a_step_back() {
        let report = report();
        let text = render(&report);
        let rows = records(&text);
        assert_eq!(rows.len(), report.steps.len() + 1);
        assert_eq!(rows[0].iter().collect::<Vec<_>>(), HEADER);
        assert_eq!(&rows[1][1], "t/help-desk");
        assert_eq!(&rows[1][4], "done");
        assert_eq!(&rows[1][10], "2027-01-20");
        assert_eq!(&rows[2][2], HOSTILE_TITLE);
        assert_eq!(&rows[2][6], "49.99");
        assert_eq!(&rows[2][8], "2027-01-04");
        assert_eq!(&rows[2][13], "line one\nline two, \"quoted\"");
    }

    #[test]
    fn lines_end_in_crlf_and_the_file_starts_with_a_byte_order_mark() {
        let text = render(&report());
        assert!(text.starts_with('\u{feff}'));
        assert!(text.ends_with("\r\n"));
        let bare_lf = text.match_indices('\n').filter(|(i, _)| {
            // A line feed inside a quoted note is data, not a line end.
            !text[..*i].ends_with('\r') && !text[..*i].ends_with("line one")
        });
        assert_eq!(bare_lf.count(), 0);
    }

    #[test]
    fn formulas_are_kept_as_text() {
        let rows = records(&render(&report()));
        assert_eq!(&rows[3][2], "'=cmd|' /C calc'!A0");
        assert_eq!(&rows[3][13], "'@SUM(A1:A2)");
        assert_eq!(defuse("-1"), "'-1");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("plain"), "plain");
    }

    #[test]
    fn a_formula_after_leading_whitespace_is_kept_as_text() {
        assert_eq!(defuse(" =1+1"), "' =1+1");
        assert_eq!(defuse("\n@SUM(A1)"), "'\n@SUM(A1)");
        assert_eq!(defuse("\u{a0}+1"), "'\u{a0}+1");
        assert_eq!(defuse(" plain = text"), " plain = text");
        assert_eq!(defuse("  "), "  ");
    }

    #[test]
    fn a_step_missing_from_the_catalogs_is_a_row_that_says_so() {
        let rows = records(&render(&report()));
        let missing = rows.last().expect("rows");
        assert_eq!(&missing[1], "gone/never-was");
        assert_eq!(&missing[2], "gone/never-was");
        assert_eq!(&missing[12], "missing");
        assert_eq!(&missing[5], "");
    }
}
