//! Aligned text tables for the commands' terminal output.

use crate::text::{sanitize_line, width};

/// The header and rows as lines, each column as wide as its widest cell and two spaces
/// apart; the columns in `right` line up on the right (numbers). Cells are sanitized, and
/// measured in display columns, so a CJK or emoji title does not shift the columns after it.
pub fn aligned(header: &[&str], rows: &[Vec<String>], right: &[usize]) -> Vec<String> {
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    let rows: Vec<Vec<String>> = std::iter::once(header)
        .chain(rows.iter().cloned())
        .map(|row| {
            row.iter()
                .map(|cell| sanitize_line(cell).into_owned())
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = Vec::new();
    for row in &rows {
        for (col, cell) in row.iter().enumerate() {
            let cell_width = width(cell);
            match widths.get_mut(col) {
                Some(w) => *w = (*w).max(cell_width),
                None => widths.push(cell_width),
            }
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (col, (cell, column_width)) in row.iter().zip(&widths).enumerate() {
                let pad = " ".repeat(column_width - width(cell));
                if right.contains(&col) {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                line.push_str("  ");
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// Lines as text, each ending in a line feed.
pub fn text_of(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_as_wide_as_their_widest_cell_and_numbers_align_right() {
        let rows = vec![
            vec!["1".to_owned(), "Café ☕".to_owned(), "5".to_owned()],
            vec!["10".to_owned(), "x\u{1b}".to_owned(), "150".to_owned()],
        ];
        assert_eq!(
            aligned(&["#", "title", "hours"], &rows, &[0, 2]),
            [
                " #  title    hours",
                " 1  Café ☕      5",
                "10  x\\u{1b}    150",
            ]
        );
    }

    /// The display column where each cell of `line` starts, given the cells in order.
    fn starts(line: &str, cells: &[&str]) -> Vec<usize> {
        let mut rest = line;
        let mut consumed = 0;
        cells
            .iter()
            .map(|cell| {
                let at = rest.find(cell).expect("every cell is on its line");
                let start = consumed + width(&rest[..at]);
                consumed = start + width(cell);
                rest = &rest[at + cell.len()..];
                start
            })
            .collect()
    }

    #[test]
    fn wide_titles_do_not_shift_the_columns_after_them() {
        let rows = [
            ["1", "日本語の資格", "JPY", "120"],
            ["2", "Café ☕ 👩\u{200d}💻", "EUR", "5"],
            ["3", "plain", "USD", "40"],
            ["14", "한국어", "KRW", "7"],
        ];
        let owned: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect();
        let lines = aligned(&["#", "title", "cur", "hours"], &owned, &[0, 3]);
        let header = starts(&lines[0], &["#", "title", "cur", "hours"]);
        // The titles are 12, 10, 5 and 6 columns wide: the currency starts after the widest.
        assert_eq!(header, [1, 4, 18, 23]);
        for (line, row) in lines[1..].iter().zip(&rows) {
            let at = starts(line, row);
            assert_eq!(
                at[1], header[1],
                "the title starts under its header in {line:?}"
            );
            assert_eq!(
                at[2], header[2],
                "the currency starts under its header in {line:?}"
            );
            // Numbers end where the header ends.
            assert_eq!(at[0] + width(row[0]), 2, "{line:?}");
            assert_eq!(
                at[3] + width(row[3]),
                header[3] + width("hours"),
                "{line:?}"
            );
        }
    }
}
