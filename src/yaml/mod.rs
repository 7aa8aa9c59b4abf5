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
mod tests;
