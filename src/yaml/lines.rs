//! Reading YAML text line by line, the one way the formatter, the syntax hints and the
//! recovery of a broken file's ids all do it: indentation is spaces only (YAML allows no
//! other), and a line is blank or a comment after spaces and tabs.

/// How many spaces start the line: its indentation, and a byte index safe to slice at.
pub fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether the line holds nothing but spaces and tabs, or a comment after them.
pub fn is_blank_or_comment(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    line.is_empty() || line.starts_with('#') || line == "\r"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indentation_is_spaces_only() {
        assert_eq!(indent_of("    a: 1"), 4);
        assert_eq!(indent_of("\ta: 1"), 0);
        assert_eq!(indent_of("  \u{3000}- x"), 2);
        assert!(is_blank_or_comment("  \t# note"));
        assert!(is_blank_or_comment(""));
        assert!(!is_blank_or_comment("  \u{3000}# not a comment"));
    }
}
