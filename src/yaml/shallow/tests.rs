use std::fmt::Write as _;

use proptest::prelude::*;

use super::spans::{self, DOUBLE_QUOTED, PLAIN_BLOCK, SINGLE_QUOTED};
use super::{Scanner, is_shallow, reference};

fn deep(levels: usize) -> String {
    format!("{}{}", "[".repeat(levels), "]".repeat(levels))
}

#[test]
fn the_bundled_and_generated_catalogs_are_shallow() {
    for (name, text) in crate::catalog::source::bundled() {
        if std::path::Path::new(name)
            .extension()
            .is_some_and(|ext| ext == "yaml")
        {
            assert!(is_shallow(text), "{name}");
        }
    }
    for (name, text) in crate::synth::generate(1_000, 7).files {
        assert!(is_shallow(&text), "{name}");
    }
}

#[test]
fn ampersands_inside_text_are_not_anchors() {
    assert!(is_shallow(
        "url: https://x.example/?a=1&b=2\ntitle: R & D\nq: \"AT&T\"\ns: '&x'\n"
    ));
    assert!(is_shallow("a: [x&y, \"&z\"]\n"));
}

#[test]
fn anchors_aliases_and_tags_are_not_proven() {
    for text in [
        "a: &x 1\nb: *x\n",
        "a: [&x 1]\n",
        "- *x\n",
        "a: !!str 1\n",
        "{a: !t b}",
    ] {
        assert!(!is_shallow(text), "{text}");
    }
}

#[test]
fn deep_flow_nesting_is_not_proven() {
    // Inside a flow sequence `a: b` is a mapping of its own: each `[a: ` nests twice.
    assert!(!is_shallow(&format!(
        "{}b{}",
        "[a: ".repeat(33),
        "]".repeat(33)
    )));
    assert!(is_shallow(&format!(
        "{}b{}",
        "[a: ".repeat(15),
        "]".repeat(15)
    )));
    assert!(!is_shallow(&format!("a: {}\n", deep(100))));
    assert!(!is_shallow(&format!("a: [\n{}\n]\n", deep(70))));
    assert!(is_shallow(&format!("a: {}\n", deep(20))));
}

#[test]
fn brackets_inside_scalars_and_comments_are_text() {
    let many = "[".repeat(200);
    for text in [
        format!("a: \"{many}\"\n"),
        format!("a: '{many}'\n"),
        format!("a: x {many}\n"),
        format!("a: b # {many}\n"),
        format!("# {many}\n"),
        format!("a: \"x\n  {many}\n  y\"\n"),
    ] {
        assert!(is_shallow(&text), "{text}");
        assert!(
            serde_yaml::from_str::<serde_yaml::Value>(&text).is_ok(),
            "{text}"
        );
    }
}

#[test]
fn a_quote_inside_a_continued_plain_scalar_does_not_hide_real_nesting() {
    // libyaml reads line 2 as more of the plain scalar `foo`, so its quote opens nothing
    // and the brackets of line 3 nest for real.
    let text = format!("a: foo\n  \"bar\nb: {}\n", deep(100));
    assert!(!is_shallow(&text));
    let text = format!("a: foo\n  'bar\nb: {}\n", deep(100));
    assert!(!is_shallow(&text));
}

#[test]
fn a_hash_without_a_space_before_it_is_text() {
    let text = format!("a: x#\"y\nb: {}\n", deep(100));
    assert!(!is_shallow(&text));
}

#[test]
fn crlf_line_ends_are_read() {
    assert!(is_shallow("a: [x, y]\r\nb: \"q\"\r\n"));
    assert!(!is_shallow(&format!("a: x\r\nb: {}\r\n", deep(100))));
}

#[test]
fn unusual_characters_are_not_proven() {
    for text in [
        "a: b\u{85}c\n",
        "a: b\u{2028}\n",
        "a: \u{feff}b\n",
        "a: b\u{1}\n",
    ] {
        assert!(!is_shallow(text), "{text:?}");
    }
}

#[test]
fn every_control_character_is_unusual_wherever_it_is() {
    let plain = "a: b\n".repeat(40);
    assert!(is_shallow(&plain));
    for byte in 0..0x80u8 {
        let usual = (byte >= 0x20 && byte != 0x7f) || matches!(byte, b'\t' | b'\n' | b'\r');
        // Inside the first chunk of 64 bytes, on its last byte, and in the last short chunk.
        for at in [3, 63, plain.len() - 2] {
            let mut text = plain.clone().into_bytes();
            text[at] = byte;
            let text = String::from_utf8(text).expect("ASCII");
            assert_eq!(
                super::has_unusual_characters(&text),
                !usual,
                "{byte:#x} at {at}"
            );
        }
    }
}

/// Pieces of YAML that move libyaml's scanner between its states.
const PIECES: &[&str] = &[
    "a: b",
    "a:",
    "- x",
    "- a: b",
    "-",
    "a: \"q [ { # ] }\"",
    "a: 'it''s [ # {'",
    "a: plain [ with # hash",
    "a: x#y [",
    "# [ comment {",
    "\"",
    "'",
    "\\\"",
    "a: \"esc \\\" [ \\\\\"",
    "a: \"cont \\",
    "a: [b, c]",
    "a: {b: c}",
    "[a, b]: c",
    "{a: b}: c",
    "\"k\": v",
    "'k': [v]",
    "a: [b,",
    "c]",
    "a: {b: [c, 'd]",
    "x: y: z",
    ": y",
    "---",
    "...",
    "--- a",
    "a: -x",
    "a: :x",
    "a: ?x",
    "a: x:y",
    "[a:b]",
    "[a: b]",
    "{a:[b]}",
    "[\"a\":b]",
    "a: b\t# c",
    "]",
    "}",
    ",",
    "\"a\nb\"",
    "'a\n\n  b'",
    "a: b\r\n  c",
    "a: b\r",
    "a: [\"x\" , 'y' ]",
    "a: x # \"",
    "a: x '",
    "  x: y",
    "- - a",
    "- [a, b]",
    "[",
    "{",
    "a: é [x",
    "a: \"x\"#c [",
    "[a,#c [",
    "{a: b}#'",
    "a: 'x' # \"",
    "- \"a\": [",
    "a:\t[b]",
    "  ? x",
    "a: \"\\\n  [\"",
];

/// Pieces that the proof gives up on, now and then, where aliases could resolve.
const RARE_PIECES: &[&str] = &[
    "&a x",
    "*a",
    "a: &a [x]",
    "b: *a",
    "? x",
    "a: |",
    "a: >",
    "a\tb: c",
];

fn piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        20 => prop::sample::select(PIECES),
        1 => prop::sample::select(RARE_PIECES),
    ]
}

fn document() -> impl Strategy<Value = String> {
    let line = (0usize..5, piece());
    (
        prop::collection::vec(line, 1..10),
        any::<prop::sample::Index>(),
        0usize..4,
    )
        .prop_map(|(lines, at, mode)| {
            let mut text = String::new();
            let insert = at.index(lines.len() + 1);
            let deep = deep(150);
            for (n, (indent, piece)) in lines.iter().enumerate() {
                if n == insert {
                    match mode {
                        0 => {
                            let _ = writeln!(text, "k: {deep}");
                        }
                        1 => {
                            let _ = writeln!(text, "{deep}");
                        }
                        2 => {
                            let _ = writeln!(text, "  - {deep}");
                        }
                        _ => text.push_str(&deep),
                    }
                }
                text.push_str(&" ".repeat(*indent));
                text.push_str(piece);
                text.push('\n');
            }
            if insert == lines.len() {
                let _ = writeln!(text, "z: {deep}");
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    /// libyaml itself is the judge: whenever it nests the 150 brackets for real (its
    /// recursion limit trips), or resolves an alias, the document must not be proven.
    #[test]
    fn nothing_libyaml_nests_deeply_or_aliases_is_proven_shallow(text in document()) {
        if is_shallow(&text) {
            let outcome = serde_yaml::from_str::<serde_yaml::Value>(&text);
            if let Err(error) = &outcome {
                prop_assert!(!error.to_string().contains("recursion limit"), "{text:?}");
            }
            let renamed = text.replace("*a", "*undefined");
            if let Err(error) = serde_yaml::from_str::<serde_yaml::Value>(&renamed) {
                prop_assert!(!error.to_string().contains("unknown anchor"), "{text:?}");
            }
        }
    }
}

/// The replay and the byte-by-byte reference read `text` the same way: the same answer, and
/// the same state at the start of every token until it.
fn agrees_with_reference(text: &str) -> Result<(), TestCaseError> {
    let mut scanner = Scanner::new(text);
    let proven = scanner.run().is_some();
    let (expected, trace) = reference::run(text);
    prop_assert_eq!(&scanner.trace, &trace, "{:?}", text);
    prop_assert_eq!(proven, expected, "{:?}", text);
    Ok(())
}

/// Bytes that end, or might seem to end, a scalar or a token, and some text between them.
const ALPHABET: &[&str] = &[
    " ", " ", " ", "\t", "\n", "\n", "\r", "\r\n", ":", ":", "#", "-", "[", "]", "{", "}", ",",
    "'", "\"", "\\", "a", "b", "é", "日", ".", "?", "&", "*", "!", "|", ">", "%", "---", "...",
];

/// Lines as catalogs write them, each now and then spoiled by a byte that changes it.
const CATALOG_LINES: &[&str] = &[
    "  - id: cred-0",
    "    title: Support Credential 2.0",
    "    skills: [skill-11819, skill-11822, skill-11827]",
    "    requires: [cred-0, {skill: skill-2465}]",
    "    description: \"Database & more: a generated credential [49h] #4.\"",
    "    description: 'It''s [a] #1 & more'",
    "    source: https://provider-2.example/cred-0",
    "    verified: 2026-06-01",
    "provider:",
    "credentials:",
    "# Generated by upskill::synth (seed 1).",
    "      more words of a title",
    "    title: Data Science, Level 2 # a comment",
];

fn spoiled_line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(CATALOG_LINES),
        prop::option::weighted(
            0.5,
            (any::<prop::sample::Index>(), prop::sample::select(ALPHABET)),
        ),
    )
        .prop_map(|(line, spoil)| {
            let mut line = line.to_string();
            if let Some((at, with)) = spoil {
                let mut at = at.index(line.len() + 1);
                while !line.is_char_boundary(at) {
                    at -= 1;
                }
                line.insert_str(at, with);
            }
            line
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    #[test]
    fn documents_of_pieces_are_read_as_the_reference_reads_them(text in document()) {
        agrees_with_reference(&text)?;
    }

    #[test]
    fn any_mix_of_the_bytes_that_matter_is_read_as_the_reference_reads_it(
        pieces in prop::collection::vec(prop::sample::select(ALPHABET), 0..60),
    ) {
        agrees_with_reference(&pieces.concat())?;
    }

    /// Catalog lines, and lines one byte away from them that must not be read the same way.
    #[test]
    fn catalog_lines_and_spoiled_ones_are_read_as_the_reference_reads_them(
        lines in prop::collection::vec(spoiled_line(), 1..12),
    ) {
        let text = lines.join("\n") + "\n";
        agrees_with_reference(&text)?;
    }
}

#[test]
fn a_key_is_read_in_one_step_only_within_a_simple_key_s_reach() {
    for length in 1015..1035 {
        for text in [
            format!("{}: [x]\n", "k".repeat(length)),
            format!("a:\n  {} b: c\n", "k".repeat(length)),
        ] {
            agrees_with_reference(&text).expect("the same reading");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    /// Eight bytes at a time finds what a byte at a time finds, wherever it starts.
    #[test]
    fn words_find_what_bytes_find(
        pieces in prop::collection::vec(prop::sample::select(ALPHABET), 0..40),
        from in any::<prop::sample::Index>(),
    ) {
        let text = pieces.concat();
        let bytes = text.as_bytes();
        let from = from.index(bytes.len() + 1);
        prop_assert_eq!(
            spans::find_plain_block(bytes, from),
            spans::find(bytes, from, &PLAIN_BLOCK)
        );
        prop_assert_eq!(
            spans::find_single_quoted(bytes, from),
            spans::find(bytes, from, &SINGLE_QUOTED)
        );
        prop_assert_eq!(
            spans::find_double_quoted(bytes, from),
            spans::find(bytes, from, &DOUBLE_QUOTED)
        );
    }
}
