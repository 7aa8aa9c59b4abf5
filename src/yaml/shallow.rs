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
//!
//! The replay takes the same decisions as a byte-by-byte one (kept in `reference.rs` and
//! tested against this one token by token), but reads a scalar or a comment a span at a
//! time: inside one, only a few bytes can end it or matter (`spans.rs` says which and why),
//! and the column, which libyaml counts character by character, is derived from the line
//! start only where a decision needs it.

mod keys;
#[cfg(test)]
mod reference;
mod scalars;
mod spans;

use super::MAX_DEPTH;

/// True when libyaml reads `text` with no anchor, alias or tag and at most [`MAX_DEPTH`]
/// levels of nesting, so parsing it takes linear time. False means "not proven".
pub(super) fn is_shallow(text: &str) -> bool {
    !has_unusual_characters(text) && Scanner::new(text).run().is_some()
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
    /// Where the key's line starts: it names the line.
    line_start: usize,
    /// Its column; kept in the block context only, the one place it is used.
    column: usize,
}

/// The part of libyaml's scanner state that decides token boundaries. `None` from any
/// method means "give up".
struct Scanner<'a> {
    bytes: &'a [u8],
    /// `mark.index`: a byte offset.
    index: usize,
    /// Where the current line starts. It stands for libyaml's `mark.line` (a line is named
    /// by its start) and `mark.column` (see [`Scanner::column`]); `mark.column == 0` is
    /// `index == line_start`, as the text has no byte-order mark (libyaml skips one there).
    line_start: usize,
    /// Whether the text is ASCII, so that a column is a count of bytes.
    ascii: bool,
    /// The column at `counted`, on the current line or an earlier one: a column is counted
    /// from the last one asked for, so each byte is counted once, however often it is asked.
    counted: usize,
    counted_column: usize,
    flow_level: usize,
    indent: isize,
    indents: Vec<isize>,
    simple_key_allowed: bool,
    /// One per flow level, and one for the block context.
    simple_keys: Vec<SimpleKey>,
    /// The state at the start of every token, to hold this replay to the reference one.
    #[cfg(test)]
    trace: Vec<(usize, usize, isize, bool)>,
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
    fn new(text: &'a str) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            index: 0,
            line_start: 0,
            ascii: text.is_ascii(),
            counted: 0,
            counted_column: 0,
            flow_level: 0,
            indent: -1,
            indents: Vec::new(),
            simple_key_allowed: true,
            simple_keys: vec![SimpleKey::default()],
            #[cfg(test)]
            trace: Vec::new(),
        }
    }

    /// The byte `k` ahead, 0 past the end.
    fn at(&self, k: usize) -> u8 {
        self.bytes.get(self.index + k).copied().unwrap_or(0)
    }

    /// `mark.column`: the characters from the line start to `index` (which is never inside
    /// a character where this is asked).
    fn column(&mut self) -> usize {
        if self.ascii {
            return self.index - self.line_start;
        }
        if self.counted < self.line_start {
            self.counted = self.line_start;
            self.counted_column = 0;
        }
        let between = &self.bytes[self.counted..self.index];
        self.counted_column += between.iter().filter(|&&b| b & 0xc0 != 0x80).count();
        self.counted = self.index;
        self.counted_column
    }

    /// Steps over a line break (CR LF, LF or CR).
    fn skip_line(&mut self) {
        self.index += if self.at(0) == b'\r' && self.at(1) == b'\n' {
            2
        } else {
            1
        };
        self.line_start = self.index;
    }

    /// `---` or `...` and a blank, a break or the end; libyaml looks for them at column 0.
    fn at_document_indicator(&self) -> bool {
        let rest = &self.bytes[self.index..];
        (rest.starts_with(b"---") || rest.starts_with(b"...")) && is_blankz(self.at(3))
    }

    fn run(&mut self) -> Option<()> {
        loop {
            self.scan_to_next_token();
            if self.flow_level == 0 {
                let column = self.column() as isize;
                self.unroll_indent(column);
            }
            self.trace_token();
            let c = self.at(0);
            if c == 0 {
                return Some(());
            }
            if self.index == self.line_start {
                if c == b'%' {
                    return None;
                }
                if self.at_document_indicator() {
                    self.unroll_indent(-1);
                    self.remove_simple_key();
                    self.simple_key_allowed = false;
                    self.index += 3;
                    continue;
                }
            }
            // Every character that starts a token other than a scalar is ASCII: one byte.
            match c {
                b'[' | b'{' => {
                    self.save_simple_key();
                    self.simple_keys.push(SimpleKey::default());
                    self.flow_level += 1;
                    self.check_depth()?;
                    self.simple_key_allowed = true;
                    self.index += 1;
                }
                b']' | b'}' => {
                    self.remove_simple_key();
                    if self.flow_level > 0 {
                        self.flow_level -= 1;
                        self.simple_keys.pop();
                    }
                    self.simple_key_allowed = false;
                    self.index += 1;
                }
                b',' => {
                    self.remove_simple_key();
                    self.simple_key_allowed = true;
                    self.index += 1;
                }
                b'-' if is_blankz(self.at(1)) => {
                    if self.flow_level == 0 {
                        if !self.simple_key_allowed {
                            return None;
                        }
                        let column = self.column() as isize;
                        self.roll_indent(column)?;
                    }
                    self.remove_simple_key();
                    self.simple_key_allowed = true;
                    self.index += 1;
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
                b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z'
                    if self.flow_level == 0 && self.simple_key_allowed =>
                {
                    self.block_key_or_plain()?;
                }
                b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' if self.flow_level > 0 => {
                    self.flow_item_or_plain()?;
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

    /// Records the state at a token start, to hold the replay to the reference one.
    #[cfg_attr(not(test), allow(clippy::unused_self))]
    pub(super) fn trace_token(&mut self) {
        #[cfg(test)]
        {
            let state = (
                self.index,
                self.flow_level,
                self.indent,
                self.simple_key_allowed,
            );
            self.trace.push(state);
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
            let tabs = self.flow_level > 0 || !self.simple_key_allowed;
            loop {
                match self.at(0) {
                    b' ' => self.index += 1,
                    b'\t' if tabs => self.index += 1,
                    _ => break,
                }
            }
            if self.at(0) == b'#' {
                self.index = spans::next_break(self.bytes, self.index);
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

    pub(super) fn roll_indent(&mut self, column: isize) -> Option<()> {
        if self.flow_level == 0 && self.indent < column {
            self.indents.push(self.indent);
            self.indent = column;
            self.check_depth()?;
        }
        Some(())
    }

    pub(super) fn current_key(&mut self) -> &mut SimpleKey {
        self.simple_keys
            .last_mut()
            .expect("the block context's simple key is never popped")
    }

    pub(super) fn save_simple_key(&mut self) {
        if self.simple_key_allowed {
            // In a flow collection a key's column rolls no indent (`roll_indent` does
            // nothing there), so it is counted in the block context only.
            let column = if self.flow_level == 0 {
                self.column()
            } else {
                0
            };
            let key = SimpleKey {
                possible: true,
                index: self.index,
                line_start: self.line_start,
                column,
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
        let (line_start, index) = (self.line_start, self.index);
        let key = *self.current_key();
        (key.possible && key.line_start == line_start && key.index + SIMPLE_KEY_REACH >= index)
            .then_some(key)
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
                let column = self.column() as isize;
                self.roll_indent(column)?;
            }
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.index += 1;
        Some(())
    }
}

#[cfg(test)]
mod tests;
