//! The byte-by-byte replay of libyaml's scanner that the proof used before it read a line
//! a span at a time, kept unchanged as the reference the faster one is tested against: on
//! every document the two must agree, token by token (`trace`).

use super::{MAX_DEPTH, SIMPLE_KEY_REACH, is_blank, is_blankz, is_break};

/// The reference's answer, and the scanner's state at the start of every token it read:
/// (byte offset, flow level, block indent, simple key allowed).
pub(super) fn run(text: &str) -> (bool, Vec<(usize, usize, isize, bool)>) {
    let mut scanner = Scanner::new(text.as_bytes());
    let proven = scanner.run().is_some();
    (proven, scanner.trace)
}

#[derive(Debug, Clone, Copy, Default)]
struct SimpleKey {
    possible: bool,
    index: usize,
    line: usize,
    column: usize,
}

/// The part of libyaml's scanner state that decides token boundaries; `None`: give up.
struct Scanner<'a> {
    bytes: &'a [u8],
    /// `mark.index`: a byte offset.
    index: usize,
    line: usize,
    /// `mark.column`: counted in characters, as libyaml does.
    column: usize,
    flow_level: usize,
    indent: isize,
    indents: Vec<isize>,
    simple_key_allowed: bool,
    /// One per flow level, and one for the block context.
    simple_keys: Vec<SimpleKey>,
    trace: Vec<(usize, usize, isize, bool)>,
}

impl<'a> Scanner<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Scanner {
            bytes,
            index: 0,
            line: 0,
            column: 0,
            flow_level: 0,
            indent: -1,
            indents: Vec::new(),
            simple_key_allowed: true,
            simple_keys: vec![SimpleKey::default()],
            trace: Vec::new(),
        }
    }

    /// The byte `k` ahead, 0 past the end.
    fn at(&self, k: usize) -> u8 {
        self.bytes.get(self.index + k).copied().unwrap_or(0)
    }

    /// Steps over one character.
    fn skip(&mut self) {
        let width = match self.at(0) {
            0x00..0x80 => 1,
            0xc0..0xe0 => 2,
            0xe0..0xf0 => 3,
            _ => 4,
        };
        self.index += width;
        self.column += 1;
    }

    /// Steps over one byte, `c`, of a character: the column counts characters.
    fn skip_byte(&mut self, c: u8) {
        self.index += 1;
        if c & 0xc0 != 0x80 {
            self.column += 1;
        }
    }

    /// Steps over a line break (CR LF, LF or CR).
    fn skip_line(&mut self) {
        self.index += if self.at(0) == b'\r' && self.at(1) == b'\n' {
            2
        } else {
            1
        };
        self.column = 0;
        self.line += 1;
    }

    fn at_document_indicator(&self) -> bool {
        let rest = self.bytes.get(self.index..).unwrap_or_default();
        self.column == 0
            && (rest.starts_with(b"---") || rest.starts_with(b"..."))
            && is_blankz(self.at(3))
    }

    fn run(&mut self) -> Option<()> {
        loop {
            self.scan_to_next_token();
            self.unroll_indent(self.column as isize);
            let state = (
                self.index,
                self.flow_level,
                self.indent,
                self.simple_key_allowed,
            );
            self.trace.push(state);
            let c = self.at(0);
            if c == 0 {
                return Some(());
            }
            if self.column == 0 && c == b'%' {
                return None;
            }
            if self.at_document_indicator() {
                self.unroll_indent(-1);
                self.remove_simple_key();
                self.simple_key_allowed = false;
                self.index += 3;
                self.column += 3;
                continue;
            }
            match c {
                b'[' | b'{' => {
                    self.save_simple_key();
                    self.simple_keys.push(SimpleKey::default());
                    self.flow_level += 1;
                    self.check_depth()?;
                    self.simple_key_allowed = true;
                    self.skip();
                }
                b']' | b'}' => {
                    self.remove_simple_key();
                    if self.flow_level > 0 {
                        self.flow_level -= 1;
                        self.simple_keys.pop();
                    }
                    self.simple_key_allowed = false;
                    self.skip();
                }
                b',' => {
                    self.remove_simple_key();
                    self.simple_key_allowed = true;
                    self.skip();
                }
                b'-' if is_blankz(self.at(1)) => {
                    if self.flow_level == 0 {
                        if !self.simple_key_allowed {
                            return None;
                        }
                        self.roll_indent(self.column as isize)?;
                    }
                    self.remove_simple_key();
                    self.simple_key_allowed = true;
                    self.skip();
                }
                b'?' if self.flow_level > 0 || is_blankz(self.at(1)) => return None,
                b':' if self.flow_level > 0 || is_blankz(self.at(1)) => self.fetch_value()?,
                b'*' | b'&' | b'!' => return None,
                b'|' | b'>' if self.flow_level == 0 => return None,
                b'\'' | b'"' => {
                    self.save_simple_key();
                    self.simple_key_allowed = false;
                    self.scan_quoted(c)?;
                }
                _ if self.starts_plain_scalar(c) => {
                    self.save_simple_key();
                    self.simple_key_allowed = false;
                    self.scan_plain()?;
                }
                _ => return None,
            }
        }
    }

    /// Nesting within [`MAX_DEPTH`], as `Scanner::check_depth` in `shallow.rs` counts it.
    fn check_depth(&self) -> Option<()> {
        (2 * self.flow_level + 2 * (self.indents.len() + 1) <= MAX_DEPTH).then_some(())
    }

    fn starts_plain_scalar(&self, c: u8) -> bool {
        !(is_blankz(c)
            || matches!(
                c,
                b'-' | b'?'
                    | b':'
                    | b','
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'#'
                    | b'&'
                    | b'*'
                    | b'!'
                    | b'|'
                    | b'>'
                    | b'\''
                    | b'"'
                    | b'%'
                    | b'@'
                    | b'`'
            ))
            || (c == b'-' && !is_blank(self.at(1)))
            || (self.flow_level == 0 && (c == b'?' || c == b':') && !is_blankz(self.at(1)))
    }

    /// Spaces, tabs where libyaml allows them, comments and line breaks.
    fn scan_to_next_token(&mut self) {
        loop {
            while self.at(0) == b' '
                || ((self.flow_level > 0 || !self.simple_key_allowed) && self.at(0) == b'\t')
            {
                self.skip();
            }
            if self.at(0) == b'#' {
                loop {
                    let c = self.at(0);
                    if is_break(c) || c == 0 {
                        break;
                    }
                    self.skip_byte(c);
                }
            }
            if !is_break(self.at(0)) {
                return;
            }
            self.skip_line();
            if self.flow_level == 0 {
                self.simple_key_allowed = true;
            }
        }
    }

    fn unroll_indent(&mut self, column: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > column {
            self.indent = self.indents.pop().unwrap_or(-1);
        }
    }

    fn roll_indent(&mut self, column: isize) -> Option<()> {
        if self.flow_level == 0 && self.indent < column {
            self.indents.push(self.indent);
            self.indent = column;
            self.check_depth()?;
        }
        Some(())
    }

    fn current_key(&mut self) -> &mut SimpleKey {
        self.simple_keys
            .last_mut()
            .expect("the block context's simple key is never popped")
    }

    fn save_simple_key(&mut self) {
        if self.simple_key_allowed {
            let key = SimpleKey {
                possible: true,
                index: self.index,
                line: self.line,
                column: self.column,
            };
            *self.current_key() = key;
        }
    }

    fn remove_simple_key(&mut self) {
        self.current_key().possible = false;
    }

    /// Whether the simple key is still possible (marked lazily, as in `shallow.rs`).
    fn simple_key_possible(&mut self) -> Option<SimpleKey> {
        let (line, index) = (self.line, self.index);
        let key = *self.current_key();
        (key.possible && key.line == line && key.index + SIMPLE_KEY_REACH >= index).then_some(key)
    }

    fn fetch_value(&mut self) -> Option<()> {
        if let Some(key) = self.simple_key_possible() {
            self.roll_indent(key.column as isize)?;
            self.current_key().possible = false;
            self.simple_key_allowed = false;
        } else {
            if self.flow_level == 0 {
                if !self.simple_key_allowed {
                    return None;
                }
                self.roll_indent(self.column as isize)?;
            }
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.skip();
        Some(())
    }
}

impl Scanner<'_> {
    /// A single- or double-quoted scalar, from its opening quote past its closing one.
    fn scan_quoted(&mut self, quote: u8) -> Option<()> {
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
    fn scan_plain(&mut self) -> Option<()> {
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
