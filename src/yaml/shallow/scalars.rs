//! Quoted and plain scalars, scanned to their end as libyaml's `yaml_parser_scan_flow_scalar`
//! and `yaml_parser_scan_plain_scalar` find it: inside one, `[`, `&` or `#` are text. A line
//! of a scalar is read a span at a time, from one byte that matters to the next (`spans`).

use super::spans::{PLAIN_FLOW, find, find_double_quoted, find_plain_block, find_single_quoted};
use super::{Scanner, is_blank, is_blankz, is_break};

impl Scanner<'_> {
    /// A single- or double-quoted scalar, from its opening quote past its closing one.
    pub(super) fn scan_quoted(&mut self, quote: u8) -> Option<()> {
        let single = quote == b'\'';
        self.index += 1;
        loop {
            self.index = if single {
                find_single_quoted(self.bytes, self.index)
            } else {
                find_double_quoted(self.bytes, self.index)
            };
            match self.at(0) {
                // The end of the text: libyaml reports a scalar left open.
                0 => return None,
                // Text, found with the line breaks.
                b'\t' => self.index += 1,
                b'\'' if single && self.at(1) == b'\'' => self.index += 2,
                c if c == quote => {
                    self.index += 1;
                    return Some(());
                }
                b'\\' => {
                    let next = self.at(1);
                    if is_break(next) {
                        self.index += 1;
                        self.skip_quoted_breaks()?;
                    } else if next == 0 || !next.is_ascii() {
                        // The escaped character is ASCII in every valid escape; `\x`,
                        // `\u` and `\U` digits are plain characters to step over.
                        return None;
                    } else {
                        self.index += 2;
                    }
                }
                _ => self.skip_quoted_breaks()?,
            }
        }
    }

    /// Line breaks inside a quoted scalar and the blanks after them. libyaml gives up
    /// where the next line starts with a document indicator, or where the text ends.
    fn skip_quoted_breaks(&mut self) -> Option<()> {
        loop {
            match self.at(0) {
                b' ' | b'\t' => self.index += 1,
                b'\n' | b'\r' => self.skip_line(),
                _ => break,
            }
        }
        let ends =
            (self.index == self.line_start && self.at_document_indicator()) || self.at(0) == 0;
        (!ends).then_some(())
    }

    /// A plain scalar, and the blanks and line breaks after it, as libyaml consumes them.
    pub(super) fn scan_plain(&mut self) -> Option<()> {
        let indent = self.indent + 1;
        let flow = self.flow_level > 0;
        let mut leading_blanks = false;
        'scalar: loop {
            // A word start after a line break (or the scalar's first character, where
            // neither can be: the token would not have been a plain scalar).
            if (self.index == self.line_start && self.at_document_indicator()) || self.at(0) == b'#'
            {
                break;
            }
            // The words of this line and the blanks between them.
            loop {
                self.index = if flow {
                    find(self.bytes, self.index, &PLAIN_FLOW)
                } else {
                    find_plain_block(self.bytes, self.index)
                };
                match self.at(0) {
                    b':' => {
                        let next = self.at(1);
                        if flow && matches!(next, b',' | b'?' | b'[' | b']' | b'{' | b'}') {
                            return None;
                        }
                        if is_blankz(next) {
                            break 'scalar;
                        }
                        self.index += 1;
                    }
                    // A word start, past blanks, when a blank is just before it. The
                    // scalar's first byte is no `#` and every later one has a byte before it.
                    b'#' if is_blank(self.bytes[self.index - 1]) => break 'scalar,
                    b'#' => self.index += 1,
                    b'\t' => {
                        if leading_blanks && (self.column() as isize) < indent {
                            return None;
                        }
                        self.index += 1;
                    }
                    b'\n' | b'\r' => break,
                    // The end of the text, or a flow indicator in a flow collection.
                    _ => break 'scalar,
                }
            }
            // Line breaks, and the blanks after them.
            loop {
                match self.at(0) {
                    b' ' => self.index += 1,
                    b'\t' => {
                        if leading_blanks && (self.column() as isize) < indent {
                            return None;
                        }
                        self.index += 1;
                    }
                    b'\n' | b'\r' => {
                        self.skip_line();
                        leading_blanks = true;
                    }
                    _ => break,
                }
            }
            if !flow && (self.column() as isize) < indent {
                break;
            }
        }
        if leading_blanks {
            self.simple_key_allowed = true;
        }
        Some(())
    }
}
