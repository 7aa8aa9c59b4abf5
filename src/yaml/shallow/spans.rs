//! The few bytes that can end a scalar or a comment, or change what follows, and finding
//! the next one of them in a span of text.
//!
//! Why these bytes and no others, against the byte-by-byte replay (`reference.rs`, which
//! follows libyaml's `yaml_parser_scan_plain_scalar` and `yaml_parser_scan_flow_scalar`):
//!
//! - A plain scalar reads words and the blanks between them. At a word start (its first
//!   character, or one after blanks) a `#` ends it, and so does a document indicator, which
//!   libyaml looks for at column 0 only, so after a line break only. Inside a line the
//!   blanks between words decide nothing else: their only check is a tab's, which can fail
//!   only after a line break (`leading_blanks`), below the scalar's indent. So within a line
//!   only `:` (which ends the scalar before a blank, a break or the end, and is an error in
//!   a flow collection before a flow indicator), `#` (which ends it when a blank is just
//!   before it), a tab, a line break, and in a flow collection `,[]{}` (which end it) are
//!   read; every other byte, a blank or a byte of a non-ASCII character included, is text.
//! - A quoted scalar ends at its quote (`''` is a quote inside a single-quoted one); in a
//!   double-quoted one a backslash escapes the next character or a line break. Inside a
//!   line, blanks and every other byte are text: libyaml checks for a document indicator
//!   (column 0) and the end of the input only after blanks or a break, and the end of the
//!   input is found at the end of the span anyway.
//! - A comment runs to the next line break.

/// A set of bytes, as a table indexed by the byte.
pub(super) struct ByteSet([bool; 256]);

impl ByteSet {
    const fn of(members: &[u8]) -> Self {
        let mut table = [false; 256];
        let mut i = 0;
        while i < members.len() {
            table[members[i] as usize] = true;
            i += 1;
        }
        ByteSet(table)
    }
}

/// What is read inside a plain scalar in the block context.
pub(super) static PLAIN_BLOCK: ByteSet = ByteSet::of(b":#\t\n\r");
/// What is read inside a plain scalar in a flow collection.
pub(super) static PLAIN_FLOW: ByteSet = ByteSet::of(b":#\t\n\r,[]{}");
/// What is read inside a single-quoted scalar, and the tab, which is text there but found
/// with the line breaks (see [`find_single_quoted`]).
pub(super) static SINGLE_QUOTED: ByteSet = ByteSet::of(b"'\n\r\t");
/// What is read inside a double-quoted scalar, and the tab.
pub(super) static DOUBLE_QUOTED: ByteSet = ByteSet::of(b"\"\\\n\r\t");

/// The offset of the first byte of `set` at or after `from`, or the length of `bytes`.
pub(super) fn find(bytes: &[u8], from: usize, set: &ByteSet) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| set.0[usize::from(b)])
        .map_or(bytes.len(), |at| from + at)
}

/// As [`find`] on a text with no control character but tab, LF and CR, eight bytes at a
/// time: `hits` marks, in the high bit of a byte of a word read little-endian, at least the
/// first byte of `set` in it, and no byte before that one.
fn find_by_words(bytes: &[u8], from: usize, set: &ByteSet, hits: impl Fn(u64) -> u64) -> usize {
    let mut at = from;
    while let Some(word) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let marked = hits(word);
        if marked != 0 {
            return at + (marked.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    find(bytes, at, set)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Marks the bytes of `word` below `n` (at most 128). The lowest mark is exact: no byte
/// before the first such byte borrows, and a byte at 128 or more is never marked; bytes
/// after it may be marked wrongly, which is why only the first mark is used.
fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS
}

/// Marks the bytes of `word` equal to `b`, the lowest mark exact as in [`below`].
fn equal(word: u64, b: u8) -> u64 {
    below(word ^ (ONES * u64::from(b)), 1)
}

/// [`find`] for [`PLAIN_BLOCK`]: of the bytes below 0x20 the text holds only tab, LF and CR
/// (`is_shallow` refuses the others before it reads any).
pub(super) fn find_plain_block(bytes: &[u8], from: usize) -> usize {
    find_by_words(bytes, from, &PLAIN_BLOCK, |w| {
        below(w, 0x20) | equal(w, b':') | equal(w, b'#')
    })
}

/// [`find`] for [`SINGLE_QUOTED`]: the bytes below 0x20 are found at once, so a tab too.
pub(super) fn find_single_quoted(bytes: &[u8], from: usize) -> usize {
    find_by_words(bytes, from, &SINGLE_QUOTED, |w| {
        below(w, 0x20) | equal(w, b'\'')
    })
}

/// [`find`] for [`DOUBLE_QUOTED`], as [`find_single_quoted`].
pub(super) fn find_double_quoted(bytes: &[u8], from: usize) -> usize {
    find_by_words(bytes, from, &DOUBLE_QUOTED, |w| {
        below(w, 0x20) | equal(w, b'"') | equal(w, b'\\')
    })
}

/// The offset of the first line break at or after `from`, or the length of `bytes`.
pub(super) fn next_break(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |at| from + at)
}
