//! Every YAML call of the program: decoding bytes, deserializing with limits and located
//! errors, and serializing. `serde_yaml` 0.9 is archived upstream; keeping it behind this
//! module means a later swap touches nothing else.

mod expansion;
pub(crate) mod lines;
mod partial;
pub mod reorder;
mod shallow;
mod syntax;
mod tree;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use tree::{Position, Segment, Tree};

/// The largest file read, in bytes. A provider of 500 credentials is about 150 KiB and the
/// largest registry export we know of about 5 MiB; anything bigger is refused unread.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The longest string accepted anywhere, in bytes, checked while deserializing so that an
/// aliased string is refused before it is copied.
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// Deeper nesting is refused. Catalogs need five levels; `serde_yaml`'s own limit is 128.
pub const MAX_DEPTH: usize = 64;

/// A problem in a YAML document, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{position}: {message}")]
pub struct Error {
    pub position: Position,
    pub message: String,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl Error {
    fn at(position: Position, message: impl Into<String>) -> Self {
        Error {
            position,
            message: message.into(),
        }
    }
}

/// What deserializing a document gave: the value, or every error found and whatever part of
/// the value survived without the items in error.
#[derive(Debug)]
pub struct Failure<T> {
    pub errors: Vec<Error>,
    /// The document with its failing list items left out, when the rest deserializes.
    pub partial: Option<T>,
    /// The `id` of each list item left out, so references to it are not reported again.
    pub dropped_ids: Vec<String>,
    /// The `id` of each list item kept without the fields in error, with those fields, so
    /// their absence is not reported again.
    pub repaired: Vec<(String, Vec<String>)>,
}

/// Turns file bytes into text: UTF-8 only, a leading byte-order mark dropped.
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Error::at(
            Position { line, column },
            format!(
                "the file is not UTF-8 text (byte 0x{:02x} at offset {}); save it as UTF-8",
                bytes[error.valid_up_to()],
                error.valid_up_to()
            ),
        )
    })
}

/// True when the text holds nothing but comments and blank lines.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// Deserializes one document, refusing alias amplification and reporting every failing list
/// item with its line and column.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Failure<T>> {
    deserialize(text).map_err(|mut failure| {
        // libyaml puts an error at the end of a file that does not end in a line break on the
        // line after the last one: it belongs at the end of the last line, where an editor
        // can go. The end is found once for all the errors, not once per error.
        let end = end_of(text);
        for error in &mut failure.errors {
            error.position = error.position.clamped(end);
        }
        failure
    })
}

fn deserialize<T: DeserializeOwned>(text: &str) -> Result<T, Failure<T>> {
    if needs_scan(text)
        && !shallow::is_shallow(text)
        && let Err(error) = expansion::check(text)
    {
        return Err(Failure {
            errors: vec![error],
            partial: None,
            dropped_ids: Vec::new(),
            repaired: Vec::new(),
        });
    }
    match serde_yaml::from_str(text) {
        Ok(value) => Ok(value),
        Err(error) => {
            // A tab or a non-breaking space in the indentation makes the line something else,
            // and the errors after it may be consequences: every such line is reported, and
            // the parser's own error only when it is not next to one of them.
            let odd = syntax::odd_indentation(text);
            if !odd.is_empty() {
                let mut errors = odd;
                if let Err(syntax) = serde_yaml::from_str::<serde::de::IgnoredAny>(text) {
                    let said = syntax::diagnose(text, explain(text, &syntax));
                    let near = errors
                        .iter()
                        .any(|odd| odd.position.line.abs_diff(said.position.line) <= 2);
                    if !near {
                        errors.push(said);
                    }
                }
                errors.sort_by_key(|error| error.position);
                return Err(Failure {
                    errors,
                    partial: None,
                    dropped_ids: Vec::new(),
                    repaired: Vec::new(),
                });
            }
            // serde_yaml deserializes the events it has before it reports a syntax error, so a
            // type error can be a mere consequence of one: the syntax comes first.
            if let Err(syntax) = serde_yaml::from_str::<serde::de::IgnoredAny>(text) {
                let errors = vec![syntax::diagnose(text, explain(text, &syntax))];
                return Err(Failure {
                    errors,
                    partial: None,
                    dropped_ids: Vec::new(),
                    repaired: Vec::new(),
                });
            }
            let first = explain(text, &error);
            let mut failure = partial::collect::<T>(text);
            if failure.errors.is_empty() {
                failure.errors.push(first);
            }
            Err(failure)
        }
    }
}

/// Whether the event pre-scan must run before `serde_yaml`, unless [`shallow`] proves it
/// needless. libyaml's cost grows with the square of flow nesting (`[[[[...`: 40,000
/// levels take seconds), and aliases can replay anchors; the scan measures both in linear
/// time. Without a `&` no alias can resolve, and a bound on nesting read off the text lets
/// the common small file skip even the proof. (A text heuristic that tracks quotes could
/// skip more files, but a crafted file can always fool one into undercounting: the proof
/// replays libyaml's own scanner.)
fn needs_scan(text: &str) -> bool {
    text.contains('&') || !bounded_within(text, MAX_DEPTH)
}

/// Whether libyaml can nest `text` at most `limit` levels deep, read off the text without
/// parsing it (a `false` may be wrong, a `true` never is). A flow opener adds at most two
/// levels (`[a: b]` is a sequence holding a mapping with no bracket of its own). A block
/// collection starts at the end of a line's leading run of blanks and indicators
/// (`  - ? `), and each one nested in it starts at a greater column, except that a
/// sequence may sit at its mapping's column: so blocks nest at most twice per column of
/// the longest such run. A byte-order mark counts as a column, as libyaml may skip one at
/// the start of any line.
pub(crate) fn bounded_within(text: &str, limit: usize) -> bool {
    let openers = text.bytes().filter(|&b| b == b'[' || b == b'{').count();
    if 2 * openers + 2 > limit {
        return false;
    }
    let run = text
        .split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .map(|line| {
            line.chars()
                .take_while(|c| matches!(c, ' ' | '\t' | '-' | '?' | ':' | '\u{feff}'))
                .count()
        })
        .max()
        .unwrap_or(0);
    2 * openers + 2 * (run + 1) <= limit
}

/// Whether `text` is proven to parse in linear time, so the event pre-scan can be skipped:
/// no anchor, alias or tag, and at most [`MAX_DEPTH`] levels of nesting as libyaml reads
/// it. Public for the differential fuzz target (fuzz/README.md), which holds it to libyaml.
pub fn is_proven_shallow(text: &str) -> bool {
    shallow::is_shallow(text)
}

/// A YAML document as a JSON value, under the same limits as [`from_str`], for checking a
/// catalog against its JSON Schema. Reports the first error.
pub fn to_json_value(text: &str) -> Result<serde_json::Value, Error> {
    from_str(text).map_err(|failure| {
        failure.errors.into_iter().next().unwrap_or_else(|| {
            Error::at(Position::START, "the document cannot be read as JSON data")
        })
    })
}

/// Serializes a value as a YAML document.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, Error> {
    serde_yaml::to_string(value).map_err(|error| Error::at(Position::START, error.to_string()))
}

/// The position just past the last character of `text`.
pub(crate) fn end_of(text: &str) -> Position {
    let breaks = line_breaks(text);
    let last = breaks.last().map_or(text, |&start| &text[start..]);
    Position {
        line: breaks.len() + 1,
        column: last.chars().count() + 1,
    }
}

/// Where each line after the first starts, with YAML's line breaks: CRLF, LF, or a lone CR.
pub fn line_breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    for (i, &byte) in bytes.iter().enumerate() {
        let ends_line = byte == b'\n' || (byte == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(i + 1);
        }
    }
    starts
}

/// `serde_yaml`'s error in an author's words, at its position (the start of the file for the
/// errors that have none).
fn explain(text: &str, error: &serde_yaml::Error) -> Error {
    let full = error.to_string();
    // libyaml's reader (bad characters) knows only a byte offset.
    if let Some((message, offset)) = full.rsplit_once(" at position ")
        && let Ok(offset) = offset.parse::<usize>()
    {
        let message = if message.contains("control characters are not allowed") {
            "the file contains a control character (such as ESC or NUL) here; remove it".to_owned()
        } else {
            friendly(message)
        };
        return Error::at(position_of_offset(text, offset), message);
    }
    let Some(location) = error.location().filter(|_| full.contains(" at line ")) else {
        let message = if full.contains("repetition limit exceeded") {
            "YAML aliases (`*name`) expand this file too much (an \"alias bomb\"); \
             write the repeated parts out or reuse fewer anchors"
                .to_owned()
        } else if full.contains("more than one document") {
            "the file holds more than one YAML document (a second `---`); \
             put each document in its own file"
                .to_owned()
        } else {
            friendly(&full)
        };
        let position = error.location().map_or(Position::START, |l| Position {
            line: l.line(),
            column: l.column(),
        });
        return Error::at(position, message);
    };
    let position = Position {
        line: location.line(),
        column: location.column(),
    };
    let own = format!(" at line {} column {}", location.line(), location.column());
    Error::at(position, friendly(&full.replacen(&own, "", 1)))
}

/// The line and column of a byte offset, counting lines as YAML does.
fn position_of_offset(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let breaks = line_breaks(before);
    let line_start = breaks.last().copied().unwrap_or(0);
    Position {
        line: breaks.len() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Rewords serde's stock messages where an author would not understand them, and suggests
/// the closest field for an unknown one.
pub(crate) fn friendly(message: &str) -> String {
    let message = crate::text::sanitize_line(message);
    if message.contains("recursion limit exceeded") {
        return nesting_message();
    }
    // serde's words for a wrong type or an unknown enum value, in an author's.
    if let Some((found, expected)) = message
        .split_once("invalid type: ")
        .and_then(|(_, rest)| rest.split_once(", expected "))
    {
        let prefix = &message[..message.find("invalid type: ").unwrap_or(0)];
        let expected = expected.replace("a boolean", "`true` or `false`");
        return format!(
            "{prefix}expected {expected}, found {}",
            found_in_words(found)
        );
    }
    let message = message.replace("unknown variant `", "unknown value `");
    if let Some((_, rest)) = message.split_once("missing field `")
        && let Some((field, "")) = rest.split_once('`')
    {
        return format!("{message}; add `{field}:` here");
    }
    if let Some((prefix, rest)) = message.split_once("duplicate field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return format!("{prefix}the key `{key}` appears twice in one mapping; keep one of them");
    }
    if let Some(unknown) = unknown_name(&message) {
        if unknown.contains('\u{a0}') {
            return format!(
                "{message}; the key holds a non-breaking space (U+00A0), which YAML does not read as indentation or a space: replace it with ordinary spaces"
            );
        }
        if unknown == "<<" {
            return format!(
                "{message}; YAML merge keys (`<<`) are not supported, write the fields out"
            );
        }
        let expected = message.split_once("expected").map_or("", |(_, rest)| rest);
        let names = expected.split('`').skip(1).step_by(2);
        return format!("{message}{}", crate::text::did_you_mean(unknown, names));
    }
    message
}

/// serde's name for what it found (`string "x"`, `map`), as an author would say it.
fn found_in_words(found: &str) -> String {
    for (serde, words) in [
        ("string ", "the text "),
        ("integer ", "the number "),
        ("floating point ", "the number "),
        ("boolean ", ""),
        ("sequence", "a list"),
        ("map", "a mapping"),
        ("unit value", "an empty value"),
    ] {
        if let Some(rest) = found.strip_prefix(serde) {
            return format!("{words}{rest}");
        }
    }
    found.to_owned()
}

pub(crate) fn nesting_message() -> String {
    format!("nesting is too deep (more than {MAX_DEPTH} levels); catalog files need only a few")
}

/// The name in serde's "unknown field `x`", or "unknown value `x`" (serde's "variant").
fn unknown_name(message: &str) -> Option<&str> {
    let rest = message
        .split_once("unknown field `")
        .or_else(|| message.split_once("unknown value `"))?
        .1;
    Some(rest.split_once('`')?.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn an_error_at_the_end_of_a_file_without_a_final_line_break_is_on_its_last_line() {
        let failure = from_str::<serde_json::Value>("provider: {id: acme").expect_err("unclosed");
        assert_eq!(
            failure.errors[0].position,
            Position {
                line: 1,
                column: 20
            }
        );
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_yaml_says() {
        assert_eq!(line_breaks("a\r\nb\rc\nd"), vec![3, 5, 7]);
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        #[serde(default)]
        items: Vec<Item>,
        #[serde(default)]
        name: Option<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        hours: u32,
    }

    fn errors(text: &str) -> Vec<String> {
        from_str::<Doc>(text)
            .expect_err("invalid")
            .errors
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn every_failing_item_is_reported_at_its_line() {
        let text = "items:\n  - {id: a, hours: 1}\n  - {id: b, hours: x}\n  - {id: c, hourz: 2}\n";
        assert_eq!(
            errors(text),
            [
                "3:20: items[1].hours: expected u32, found the text \"x\"",
                "4:13: items[2]: unknown field `hourz`, expected `id` or `hours`; did you mean `hours`?",
            ]
        );
    }

    #[test]
    fn items_that_fail_are_dropped_and_the_rest_survive() {
        let text = "name: n\nitems:\n  - {id: a, hours: 1}\n  - {id: b, hours: x}\n";
        let failure = from_str::<Doc>(text).expect_err("invalid");
        let partial = failure.partial.expect("the rest deserializes");
        assert_eq!(partial.items.len(), 1);
        assert_eq!(failure.dropped_ids, ["b"]);
    }

    #[test]
    fn an_unknown_top_level_key_is_located_and_a_fix_suggested() {
        assert_eq!(
            errors("name: n\n\nitemz: []\n"),
            ["3:1: unknown field `itemz`, expected `items` or `name`; did you mean `items`?"]
        );
    }

    #[test]
    fn a_syntax_error_has_a_position() {
        let errors = errors("items: [\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("2:1: "), "{errors:?}");
    }

    #[test]
    fn two_documents_are_refused_in_words() {
        assert_eq!(
            errors("name: a\n---\nname: b\n"),
            [
                "1:1: the file holds more than one YAML document (a second `---`); put each document in its own file"
            ]
        );
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        // Read naively, libyaml would take minutes over this (its cost grows with the square
        // of the depth); the pre-scan refuses it on the first line.
        let text = format!("name: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let errors = errors(&text);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("1:") && errors[0].ends_with(&nesting_message()),
            "{errors:?}"
        );
    }

    #[test]
    fn deep_nesting_where_anything_goes_hits_the_recursion_limit() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let failure = from_str::<serde_yaml::Value>(&text).expect_err("too deep");
        assert_eq!(failure.errors[0].message, nesting_message());
    }

    /// Every way to nest past the limit is refused, with or without a `&` to force the
    /// scan, whatever shortcut the text seems to offer: flow brackets whose `a: b` entries
    /// each hold a mapping too, block indentation, compact `- - -` sequences on one line.
    #[test]
    fn nesting_past_the_limit_is_refused_however_it_is_written() {
        let mut block = String::new();
        for level in 0..70 {
            let _ = writeln!(block, "{}k{level}:", "  ".repeat(level));
        }
        for text in [
            format!("{}b{}\n", "[a: ".repeat(40), "]".repeat(40)),
            format!("{}b{}\n", "{a: ".repeat(70), "}".repeat(70)),
            block.clone(),
            format!("{}x\n", "- ".repeat(70)),
            block.replace('\n', "\r"),
        ] {
            for text in [text.clone(), format!("{text}# R&D\n")] {
                let failure = from_str::<serde_yaml::Value>(&text).expect_err("too deep");
                assert_eq!(failure.errors[0].message, nesting_message(), "{text:?}");
            }
        }
        // The limit is the limit: 64 levels read, 66 do not.
        for (pairs, reads) in [(32, true), (33, false)] {
            let text = format!("{}b{}\n", "[a: ".repeat(pairs), "]".repeat(pairs));
            for text in [text.clone(), format!("{text}# R&D\n")] {
                assert_eq!(
                    from_str::<serde_yaml::Value>(&text).is_ok(),
                    reads,
                    "{pairs}"
                );
            }
        }
    }

    #[test]
    fn a_raw_control_character_is_located_by_its_offset() {
        assert_eq!(
            errors("name: ok\nitems: [\"a\u{1b}b\"]\n"),
            ["2:11: the file contains a control character (such as ESC or NUL) here; remove it"]
        );
    }

    #[test]
    fn an_unknown_variant_gets_a_suggestion() {
        assert_eq!(
            friendly("unknown variant `cours`, expected `course` or `badge`"),
            "unknown value `cours`, expected `course` or `badge`; did you mean `course`?"
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let error = decode(b"name: ok\nitems: caf\xe9\n").expect_err("not UTF-8");
        assert_eq!(
            error.to_string(),
            "2:11: the file is not UTF-8 text (byte 0xe9 at offset 19); save it as UTF-8"
        );
    }

    #[test]
    fn yaml_converts_to_json_with_dates_as_strings() {
        let value = to_json_value("a: [1, x]\nverified: 2026-06-01\n").expect("valid");
        assert_eq!(
            value,
            serde_json::json!({"a": [1, "x"], "verified": "2026-06-01"})
        );
        assert!(to_json_value("a: [\n").is_err());
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xef\xbb\xbfname: x").expect("UTF-8"), "name: x");
    }

    #[test]
    fn comments_alone_are_blank() {
        assert!(is_blank("# nothing yet\n\n---\n"));
        assert!(!is_blank("# header\nname: x\n"));
    }
}
