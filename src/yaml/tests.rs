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
