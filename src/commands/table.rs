//! Aligned text tables for the commands' terminal output.

use crate::text::sanitize_line;

/// The header and rows as lines, each column as wide as its widest cell and two spaces
/// apart; the columns in `right` line up on the right (numbers). Cells are sanitized.
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
            let width = cell.chars().count();
            match widths.get_mut(col) {
                Some(w) => *w = (*w).max(width),
                None => widths.push(width),
            }
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (col, (cell, width)) in row.iter().zip(&widths).enumerate() {
                let pad = " ".repeat(width - cell.chars().count());
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
                " 1  Café ☕       5",
                "10  x\\u{1b}    150",
            ]
        );
    }
}
