//! Untrusted text made safe to print, and "did you mean" suggestions.
//!
//! Catalogs and plan files come from strangers. Every string read from them passes through
//! [`sanitize`] on its way in, and every message that quotes them passes through it on the
//! way out, so no control character, escape sequence or invisible direction override can
//! reach a terminal, a file or a screen cell.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

/// Returns `text` with everything that could act on a terminal made visible or removed:
///
/// - C0 and C1 control characters and DEL (this covers ESC, so every escape sequence is
///   broken at its first byte) become visible escapes such as `\u{1b}`; a tab becomes a
///   space; line feeds are kept (descriptions have paragraphs) and a CR is dropped;
/// - bidirectional overrides and isolates, and zero-width characters other than the joiner
///   that emoji sequences need, are removed (they can make text read differently from
///   what it is).
///
/// Borrowed when nothing changes, which is the common case.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    // Printable ASCII and line feeds need no care; checking bytes first is several times
    // faster than decoding characters, and most catalog text is ASCII.
    let plain_ascii = text
        .bytes()
        .all(|b| (b' '..0x7f).contains(&b) || b == b'\n');
    if plain_ascii || !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        if !needs_care(c) {
            clean.push(c);
        } else if c == '\t' {
            clean.push(' ');
        } else if c == '\r' {
            // Dropped: CRLF line ends read like LF, and a lone CR cannot overwrite a line.
        } else if is_control(c) {
            let _ = write!(clean, "\\u{{{:x}}}", u32::from(c));
        }
        // Invisible formatting characters are dropped.
    }
    Cow::Owned(clean)
}

/// [`sanitize`] for one line of output: line breaks become spaces too.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    match sanitize(text) {
        Cow::Borrowed(s) if !s.contains('\n') => Cow::Borrowed(s),
        clean => Cow::Owned(clean.replace('\n', " ")),
    }
}

fn needs_care(c: char) -> bool {
    (c != '\n' && is_control(c)) || is_invisible_format(c)
}

fn is_control(c: char) -> bool {
    matches!(u32::from(c), 0x00..=0x1f | 0x7f..=0x9f)
}

/// Direction overrides, isolates and marks, zero-width spaces, word joiners and byte-order
/// marks. The zero-width joiner (U+200D) is kept: it glues emoji sequences together.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061c}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// A count with its thousands grouped by commas, as the app's messages are in English.
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// `1 step`, `2 steps`: a count with its noun (regular plurals only).
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// The candidate closest to `wanted`, if it is close enough to be a plausible typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).clamp(1, 4);
    candidates
        .into_iter()
        .filter(|candidate| *candidate != wanted)
        .map(|candidate| (strsim::damerau_levenshtein(wanted, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, candidate)| candidate)
}

/// `"; did you mean `x`?"` or nothing, for appending to a message.
pub fn did_you_mean<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(wanted, candidates)
        .map_or_else(String::new, |found| format!("; did you mean `{found}`?"))
}

/// How many terminal columns `text` takes: a CJK character or an emoji takes two, a
/// combining accent or a joiner none. Every column the program lines up is measured with
/// this, never by counting characters.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` followed by spaces to fill `width` columns (as `{:<width$}` does for ASCII, but
/// measured in columns, so a wide character does not push the next column out).
pub fn pad(text: &str, width: usize) -> String {
    let mut padded = String::with_capacity(text.len() + width);
    padded.push_str(text);
    padded.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(self::width(text)),
    ));
    padded
}

/// Greedy word wrap of one line of text to `width` columns a line (at least one word a
/// line: a word longer than the width, like an address, is kept whole so it still works
/// when copied). Spaces between words on one line are kept as written; the spaces where a
/// line breaks, and at either end, are dropped. Widths are display columns ([`width`]).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for (gap, word) in words(text.trim()) {
        let gap_width = self::width(gap);
        let word_width = self::width(word);
        if line_width > 0 && line_width + gap_width + word_width > width {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if line_width > 0 {
            line.push_str(gap);
            line_width += gap_width;
        }
        line.push_str(word);
        line_width += word_width;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Each word with the whitespace before it.
fn words(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(|c: char| !c.is_whitespace())?;
        let end = rest[start..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |end| start + end);
        let found = (&rest[..start], &rest[start..end]);
        rest = &rest[end..];
        Some(found)
    })
}

/// `text` cut to at most `width` columns, ending in `…` when cut. The cut falls between
/// whole characters as the reader sees them (grapheme clusters): a wide character that would
/// straddle the limit is left out whole, and an accent or an emoji sequence is never split.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if self::width(text) <= width {
        return Cow::Borrowed(text);
    }
    let room = width.saturating_sub(self::width("…"));
    let mut kept_width = 0;
    let mut end = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        kept_width += grapheme.width();
        if kept_width > room {
            break;
        }
        end = at + grapheme.len();
    }
    Cow::Owned(format!("{}…", text[..end].trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2000), "2,000");
        assert_eq!(thousands(98_000), "98,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("CompTIA A+ — 120 h ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_made_visible() {
        assert_eq!(
            sanitize("\u{1b}[31mred\u{1b}[0m"),
            "\\u{1b}[31mred\\u{1b}[0m"
        );
        assert_eq!(sanitize("bell\u{7}"), "bell\\u{7}");
        assert_eq!(sanitize("c1\u{9b}2J"), "c1\\u{9b}2J");
        assert_eq!(sanitize("del\u{7f}"), "del\\u{7f}");
    }

    #[test]
    fn osc_hyperlinks_and_titles_are_broken() {
        let hostile = "\u{1b}]0;pwned\u{7}\u{1b}]8;;http://evil\u{1b}\\click\u{1b}]8;;\u{1b}\\";
        assert!(!sanitize(hostile).contains('\u{1b}'));
        assert!(!sanitize(hostile).contains('\u{7}'));
    }

    #[test]
    fn direction_overrides_and_zero_width_characters_are_removed() {
        assert_eq!(sanitize("abc\u{202e}fed\u{202c}"), "abcfed");
        assert_eq!(sanitize("a\u{200b}b\u{2066}c\u{2069}\u{feff}"), "abc");
    }

    #[test]
    fn emoji_joiners_survive() {
        assert_eq!(sanitize("👩\u{200d}💻 dev"), "👩\u{200d}💻 dev");
    }

    #[test]
    fn tabs_become_spaces_and_carriage_returns_go() {
        assert_eq!(sanitize("a\tb\r\nc"), "a b\nc");
    }

    #[test]
    fn one_line_output_has_no_line_breaks() {
        assert_eq!(sanitize_line("two\nlines"), "two lines");
    }

    #[test]
    fn wrapping_breaks_between_words_and_keeps_long_words_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(
            wrap("see https://example.com/a/very/long/address now", 10),
            ["see", "https://example.com/a/very/long/address", "now"]
        );
        assert!(wrap("   ", 10).is_empty());
        assert_eq!(wrap("  id  title ", 20), ["id  title"]);
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("a longer title", 8), "a longe…");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("Café ☕"), 7);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("abc", 2), "abc");
    }

    #[test]
    fn wrapping_measures_columns_not_characters() {
        // Four three-character words, each six columns wide: two fit in 13 columns, not four.
        assert_eq!(
            wrap("日本語 中国語 한국어 日本語", 13),
            ["日本語 中国語", "한국어 日本語"]
        );
        for line in wrap("☕☕ tea ☕☕ coffee ☕☕ cocoa", 10) {
            assert!(width(&line) <= 10, "{line:?}");
        }
    }

    #[test]
    fn truncation_counts_columns_and_never_splits_a_wide_character() {
        // Six columns hold 日本 and the ellipsis; the third character would straddle the limit.
        assert_eq!(truncate("日本語の資格", 6), "日本…");
        assert_eq!(truncate("日本語の資格", 7), "日本語…");
        assert_eq!(truncate("日本語", 6), "日本語");
        assert_eq!(truncate("☕☕☕☕", 5), "☕☕…");
        // An emoji sequence and an accent stay whole.
        assert_eq!(truncate("ab👩\u{200d}💻cdef", 4), "ab…");
        assert_eq!(truncate("cafe\u{301}s and more", 5), "cafe\u{301}…");
        for limit in 1..12 {
            let cut = truncate("Café ☕ 日本語 👩\u{200d}💻 title", limit);
            assert!(width(&cut) <= limit, "{cut:?} is wider than {limit}");
        }
    }

    #[test]
    fn a_near_miss_is_suggested_and_a_stranger_is_not() {
        let ids = ["network-plus", "security-plus", "a-plus"];
        assert_eq!(closest("netwrok-plus", ids), Some("network-plus"));
        assert_eq!(closest("kubernetes", ids), None);
        assert_eq!(
            did_you_mean("titel", ["title", "kind"]),
            "; did you mean `title`?"
        );
    }
}
