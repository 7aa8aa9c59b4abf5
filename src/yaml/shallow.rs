//! A linear proof that a document cannot make libyaml slow, so the event pre-scan (see
//! `expansion`) can be skipped: it has no anchor, alias or tag, and nests shallowly.
//!
//! libyaml (inside `serde_yaml`) decides what a `[` or an `&` means from its scanner state:
//! inside a quoted scalar, a comment or a plain scalar it is text, at a token start it is
//! structure. A heuristic that guesses quotes can be fooled into undercounting, so this is
//! not one: it replays the control flow of libyaml's scanner (`unsafe-libyaml` 0.2's
//! `yaml_parser_fetch_next_token` and the functions it calls: flow level, block indents,
//! simple keys, plain and quoted scalar ends, comments), without building tokens. It
//! gives up (and the full pre-scan runs) at anything it does not replay: block scalars,
//! `?` keys, directives, anchors, aliases, tags, tabs where indentation matters, characters
//! libyaml's reader refuses or reads as line breaks, and every scanner error. Where libyaml
//! stops at an error, what follows can no longer cost anything, so only the text before it
//! needs to be read the same way.

mod scalars;

use super::MAX_DEPTH;

/// True when libyaml reads `text` with no anchor, alias or tag and at most [`MAX_DEPTH`]
/// levels of nesting, so parsing it takes linear time. False means "not proven".
pub(super) fn is_shallow(text: &str) -> bool {
    !has_unusual_characters(text) && Scanner::new(text.as_bytes()).run().is_some()
}

/// Control characters other than tab, LF and CR, the Unicode line breaks libyaml also
/// honours (NEL, LS, PS), and byte-order marks, which libyaml skips at line starts.
fn has_unusual_characters(text: &str) -> bool {
    // Tested a chunk at a time without branches, so the test is vectorized: every byte of
    // every file goes through here (byte by byte it was 1% of a cold load's time).
    #[allow(clippy::needless_bitwise_bool)]
    let unusual = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f);
    (text.as_bytes().chunks(64)).any(|chunk| chunk.iter().fold(false, |any, &b| any | unusual(b)))
        || (!text.is_ascii() && text.contains(['\u{85}', '\u{2028}', '\u{2029}', '\u{feff}']))
}

/// libyaml gives up on a simple key this many bytes after its start.
const SIMPLE_KEY_REACH: usize = 1024;

#[derive(Debug, Clone, Copy, Default)]
struct SimpleKey {
    possible: bool,
    index: usize,
    line: usize,
    column: usize,
}

/// The part of libyaml's scanner state that decides token boundaries. `None` from any
/// method means "give up".
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
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// Blank, line break, or the end of the text (read as NUL; the text has no NUL).
fn is_blankz(b: u8) -> bool {
    is_blank(b) || is_break(b) || b == 0
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

    fn run(mut self) -> Option<()> {
        loop {
            self.scan_to_next_token();
            self.unroll_indent(self.column as isize);
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

    /// Nesting within [`MAX_DEPTH`], counting each block indent as up to two levels (a
    /// mapping and a sequence written at its column) and each flow level as up to two too
    /// (`[a: b]` is a sequence holding a mapping that has no bracket of its own).
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

    /// libyaml marks a simple key impossible once the scanner has left its line or gone
    /// too far; marking it lazily, here, gives the same answer because both only grow.
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

#[cfg(test)]
mod tests;
