//! Quoted and plain scalars, scanned to their end as libyaml's `yaml_parser_scan_flow_scalar`
//! and `yaml_parser_scan_plain_scalar` find it: inside one, `[`, `&` or `#` are text.

use super::{Scanner, is_blank, is_blankz, is_break};

impl Scanner<'_> {
    /// A single- or double-quoted scalar, from its opening quote past its closing one.
    pub(super) fn scan_quoted(&mut self, quote: u8) -> Option<()> {
        let single = quote == b'\'';
        self.skip();
        loop {
            if self.at_document_indicator() || self.at(0) == 0 {
                return None;
            }
            loop {
                let c = self.at(0);
                if is_blankz(c) {
                    break;
                }
                if single && c == b'\'' && self.at(1) == b'\'' {
                    self.index += 2;
                    self.column += 2;
                } else if c == quote {
                    break;
                } else if !single && c == b'\\' && is_break(self.at(1)) {
                    self.skip();
                    self.skip_line();
                    break;
                } else if !single && c == b'\\' {
                    // The escaped character is ASCII in every valid escape; `\x`, `\u`
                    // and `\U` digits are plain characters to step over.
                    if self.at(1) == 0 || !self.at(1).is_ascii() {
                        return None;
                    }
                    self.index += 2;
                    self.column += 2;
                } else {
                    self.skip_byte(c);
                }
            }
            if self.at(0) == quote {
                self.skip();
                return Some(());
            }
            while is_blank(self.at(0)) || is_break(self.at(0)) {
                if is_blank(self.at(0)) {
                    self.skip();
                } else {
                    self.skip_line();
                }
            }
        }
    }

    /// A plain scalar, and the blanks and line breaks after it, as libyaml consumes them.
    pub(super) fn scan_plain(&mut self) -> Option<()> {
        let indent = self.indent + 1;
        let mut leading_blanks = false;
        loop {
            if self.at_document_indicator() || self.at(0) == b'#' {
                break;
            }
            let flow = self.flow_level > 0;
            loop {
                let c = self.at(0);
                match c {
                    b' ' | b'\t' | b'\n' | b'\r' | 0 => break,
                    b':' if flow
                        && matches!(self.at(1), b',' | b'?' | b'[' | b']' | b'{' | b'}') =>
                    {
                        return None;
                    }
                    b':' if is_blankz(self.at(1)) => break,
                    b',' | b'[' | b']' | b'{' | b'}' if flow => break,
                    _ => self.skip_byte(c),
                }
            }
            if !(is_blank(self.at(0)) || is_break(self.at(0))) {
                break;
            }
            while is_blank(self.at(0)) || is_break(self.at(0)) {
                if is_blank(self.at(0)) {
                    if leading_blanks && (self.column as isize) < indent && self.at(0) == b'\t' {
                        return None;
                    }
                    self.skip();
                } else {
                    self.skip_line();
                    leading_blanks = true;
                }
            }
            if self.flow_level == 0 && (self.column as isize) < indent {
                break;
            }
        }
        if leading_blanks {
            self.simple_key_allowed = true;
        }
        Some(())
    }
}
