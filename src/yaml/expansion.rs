//! Refuses deep nesting and alias amplification before `serde_yaml` sees the text. `serde_yaml` caps the
//! number of alias jumps at a hundred times the event count, which still lets a small file
//! replay a large anchor thousands of times; this pass weighs every anchor (events plus
//! scalar bytes, with nested aliases included) and adds up what the aliases replay.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

use super::tree::Position;
use super::{Error, MAX_DEPTH, nesting_message};

/// Aliases may replay at most this much beyond the file's own size (see [`budget`]).
const EXTRA_WEIGHT: u64 = 1024 * 1024;

/// What the aliases of a file of `len` bytes may add: 1 MiB plus twice the file.
fn budget(len: usize) -> u64 {
    EXTRA_WEIGHT + 2 * len as u64
}

pub(super) fn check(text: &str) -> Result<(), Error> {
    let limit = budget(text.len());
    let mut parser = Parser::new_from_str(text);
    let mut open: Vec<(u64, usize)> = Vec::new(); // (weight so far, anchor id)
    let mut weights: HashMap<usize, u64> = HashMap::new();
    let mut replayed: u64 = 0;
    loop {
        let (event, marker) = match parser.next_token() {
            Ok(next) => next,
            Err(error) => return after_syntax_error(text, &error),
        };
        let position = Position {
            line: marker.line().max(1),
            column: marker.col() + 1,
        };
        let finished = match event {
            Event::Scalar(value, _, anchor, _) => Some((1 + value.len() as u64, anchor)),
            Event::Alias(anchor) => {
                // An anchor still open is an alias to its own ancestor: endless.
                let weight = weights.get(&anchor).copied().unwrap_or(u64::MAX);
                replayed = replayed.saturating_add(weight);
                if replayed > limit {
                    return Err(Error::at(
                        position,
                        format!(
                            "YAML aliases (`*name`) expand this file to more than {} MiB (an \"alias bomb\"); \
                             aliases may reuse small parts, not multiply content",
                            limit / (1024 * 1024)
                        ),
                    ));
                }
                Some((weight, 0))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((1, anchor));
                if open.len() > MAX_DEPTH {
                    return Err(Error::at(position, nesting_message()));
                }
                None
            }
            Event::SequenceEnd | Event::MappingEnd => open.pop(),
            Event::StreamEnd => return Ok(()),
            Event::Nothing | Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => None,
        };
        if let Some((weight, anchor)) = finished {
            if anchor != 0 {
                weights.insert(anchor, weight);
            }
            if let Some((parent, _)) = open.last_mut() {
                *parent = parent.saturating_add(weight);
            }
        }
    }
}

/// A syntax error stops this scan. `serde_yaml` may then parse the rest only if nesting
/// cannot get deep there: otherwise the error is reported here, in this parser's words.
fn after_syntax_error(text: &str, error: &yaml_rust2::ScanError) -> Result<(), Error> {
    let marker = error.marker();
    let position = Position {
        line: marker.line().max(1),
        column: marker.col() + 1,
    };
    if error.info().contains("recursion limit") {
        return Err(Error::at(position, nesting_message()));
    }
    // What makes libyaml slow is flow nesting, so with few brackets after the error it may
    // read the rest and report its own, friendlier error; its recursion limit (128, twice
    // these brackets at most) still holds the depth there.
    let rest_openers = text
        .chars()
        .skip(marker.index())
        .filter(|&c| c == '[' || c == '{')
        .count();
    if rest_openers < MAX_DEPTH {
        return Ok(());
    }
    Err(Error::at(
        position,
        crate::text::sanitize_line(error.info()).into_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn small_reuse_of_an_anchor_is_fine() {
        let text = "common: &c [linux, networking]\na: {skills: *c}\nb: {skills: *c}\n";
        assert_eq!(check(text), Ok(()));
    }

    #[test]
    fn a_billion_laughs_is_refused_at_the_alias_that_tips_it() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (name, prev) in [
            ("b", "a"),
            ("c", "b"),
            ("d", "c"),
            ("e", "d"),
            ("f", "e"),
            ("g", "f"),
            ("h", "g"),
        ] {
            let refs = vec![format!("*{prev}"); 9].join(",");
            let _ = writeln!(text, "{name}: &{name} [{refs}]");
        }
        let error = check(&text).expect_err("bomb");
        assert!(error.message.contains("alias bomb"), "{error}");
        assert!(error.position.line > 1);
    }

    #[test]
    fn one_big_string_aliased_many_times_is_refused() {
        let mut text = format!("a: &a \"{}\"\nb: [", "x".repeat(100_000));
        text.push_str(&"*a,".repeat(100));
        text.push_str("]\n");
        assert!(check(&text).is_err());
    }

    #[test]
    fn an_alias_to_its_own_ancestor_is_refused() {
        assert!(
            check(
                "a: &a [*a]
"
            )
            .is_err()
        );
    }
}
