//! A mapping key as catalogs write it, `id: ` or `valid_for_months:`, read in one step in
//! the block context where a simple key is allowed: the replay of its tokens (the key's
//! plain scalar, the `:` value indicator, and a plain value) has the same effect on the
//! scanner state every time, derived here once. So has an item of a flow collection
//! written as catalogs write one, `skill-11819,`.

use super::spans::{PLAIN_FLOW, find, find_plain_block};
use super::{SIMPLE_KEY_REACH, Scanner, is_blankz};

impl Scanner<'_> {
    /// At a token start in the block context, where a simple key is allowed and the token
    /// starts with an ASCII letter or digit: the key and its `:` in one step when the first
    /// byte a plain scalar in the block context reads (`spans::PLAIN_BLOCK`) is a `:` before
    /// a blank, a line break or the end, or else the plain scalar as the replay reads it.
    ///
    /// Starting with a letter or digit, the token is a plain scalar (and no document
    /// indicator), so the replay saves a simple key at it (possible, on this line, at this
    /// column) and clears `simple_key_allowed`. The scalar's first word cannot start with
    /// `#`, and later ones would be found at their `#` only after the `:`; so the scalar
    /// ends at the `:`, with no line break read and `simple_key_allowed` left false.
    /// The next token starts at the `:` (no blank or comment before it); its column is
    /// greater than the key's, which is at least the indent after the key's unrolling, so
    /// nothing unrolls there. The `:` before a space is a value indicator, and the simple
    /// key is still possible: same line, and at most `SIMPLE_KEY_REACH` bytes before it.
    /// So the replay rolls the indent to the key's column (which may refuse the depth),
    /// marks the key impossible, leaves `simple_key_allowed` false and steps past the `:`.
    pub(super) fn block_key_or_plain(&mut self) -> Option<()> {
        let end = find_plain_block(self.bytes, self.index);
        let colon = self.bytes.get(end) == Some(&b':');
        if !(colon && is_blankz(self.bytes.get(end + 1).copied().unwrap_or(0)))
            || end - self.index > SIMPLE_KEY_REACH
        {
            self.save_simple_key();
            self.simple_key_allowed = false;
            return self.scan_plain();
        }
        let column = self.column() as isize;
        self.simple_key_allowed = false;
        self.index = end;
        self.trace_token();
        self.current_key().possible = false;
        self.roll_indent(column)?;
        self.index += 1;
        // A value of a plain scalar that starts with a letter or digit after spaces: the
        // replay skips the spaces to it (no comment or line break is read), unrolls nothing
        // (its column is past the key's, the indent now), and with no simple key allowed
        // it saves none and scans the plain scalar.
        let spaces = self.bytes[self.index..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        if self
            .bytes
            .get(self.index + spaces)
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            self.index += spaces;
            self.trace_token();
            return self.scan_plain();
        }
        Some(())
    }

    /// At a token start in a flow collection, where the token starts with an ASCII letter
    /// or digit: the item and the `,` after it in one step when the first byte a plain
    /// scalar in a flow collection reads (`spans::PLAIN_FLOW`) is that `,`, or else the
    /// plain scalar as the replay reads it.
    ///
    /// The token is a plain scalar: the replay saves a simple key at it if one is allowed,
    /// clears `simple_key_allowed`, and ends the scalar at the `,` (a flow indicator), with
    /// no line break read. The `,` is the next token (no blank or comment before it, and no
    /// indent is unrolled in a flow collection): it removes the simple key, whether saved
    /// or not, allows one again, and is stepped over.
    pub(super) fn flow_item_or_plain(&mut self) -> Option<()> {
        let end = find(self.bytes, self.index, &PLAIN_FLOW);
        if self.bytes.get(end) != Some(&b',') {
            self.save_simple_key();
            self.simple_key_allowed = false;
            return self.scan_plain();
        }
        self.simple_key_allowed = false;
        self.index = end;
        self.trace_token();
        self.current_key().possible = false;
        self.simple_key_allowed = true;
        self.index += 1;
        Some(())
    }
}
