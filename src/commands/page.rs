//! A page of terminal text. Every string a command hands it goes through the sanitizer here,
//! so no command can print catalog text raw, and long lines wrap to the output width.

use std::fmt::Write as _;

use crate::text::{pad, sanitize, sanitize_line, truncate, width, wrap};

/// Width of the label column of [`Page::field`].
const LABEL_WIDTH: usize = 13;
/// Lines never wrap narrower than this, however small the terminal.
const MIN_WIDTH: usize = 20;

#[derive(Debug)]
pub struct Page {
    width: usize,
    text: String,
}

impl Page {
    pub fn new(width: usize) -> Page {
        Page {
            width: width.max(MIN_WIDTH),
            text: String::new(),
        }
    }

    pub fn finish(self) -> String {
        self.text
    }

    pub fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// A line on its own, wrapped.
    pub fn title(&mut self, text: &str) {
        self.item("", "", text);
    }

    /// An indented line of a section, wrapped with a deeper indent.
    pub fn entry(&mut self, text: &str) {
        self.item("  ", "    ", text);
    }

    /// A blank line, then a section heading.
    pub fn heading(&mut self, text: &str) {
        self.blank();
        self.title(text);
    }

    /// `  label        value`, the value wrapped under itself.
    pub fn field(&mut self, label: &str, value: &str) {
        let first = format!("  {}", pad(&sanitize_line(label), LABEL_WIDTH));
        let rest = " ".repeat(width(&first));
        self.item(&first, &rest, value);
    }

    /// A field with one value a line, each wrapped, all aligned under the first.
    pub fn field_lines(&mut self, label: &str, values: &[&str]) {
        let first = format!("  {}", pad(&sanitize_line(label), LABEL_WIDTH));
        let rest = " ".repeat(width(&first));
        for (n, value) in values.iter().enumerate() {
            self.item(if n == 0 { &first } else { &rest }, &rest, value);
        }
    }

    /// Free text indented by `indent`, its line breaks kept as paragraph breaks.
    pub fn paragraphs(&mut self, indent: usize, text: &str) {
        let pad = " ".repeat(indent);
        for paragraph in sanitize(text).split('\n') {
            if paragraph.trim().is_empty() {
                self.blank();
            } else {
                self.item(&pad, &pad, paragraph);
            }
        }
    }

    /// `text` after `first` (a prefix the program made, like `  ├─ `), wrapped, with
    /// `rest` before each following line.
    pub fn item(&mut self, first: &str, rest: &str, text: &str) {
        let room = self.width.saturating_sub(width(first)).max(MIN_WIDTH / 2);
        let lines = wrap(&sanitize_line(text), room);
        if lines.is_empty() {
            let _ = writeln!(self.text, "{}", first.trim_end());
        }
        for (n, line) in lines.iter().enumerate() {
            let prefix = if n == 0 { first } else { rest };
            let _ = writeln!(self.text, "{prefix}{line}");
        }
    }

    /// One line of a table, cut to the width rather than wrapped.
    pub fn row(&mut self, text: &str) {
        let line = sanitize_line(text);
        let _ = writeln!(self.text, "{}", truncate(line.trim_end(), self.width));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_values_wrap_under_themselves() {
        let mut page = Page::new(30);
        page.field("skills", "networking, routing, security, linux");
        assert_eq!(
            page.finish(),
            "  skills       networking,\n               routing,\n               security, linux\n"
        );
    }

    #[test]
    fn escape_sequences_never_reach_the_page() {
        let mut page = Page::new(80);
        page.title("evil\u{1b}[2J");
        page.field("x", "a\u{7}b\nc");
        page.paragraphs(2, "one\u{1b}]0;t\u{7}\n\ntwo");
        page.row("\u{9b}row");
        let text = page.finish();
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{text}");
    }

    #[test]
    fn rows_are_cut_to_the_width() {
        let mut page = Page::new(20);
        page.row("a row that is much longer than twenty");
        assert_eq!(page.finish(), "a row that is much…\n");
    }
}
