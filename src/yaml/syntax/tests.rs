use super::*;

fn said(text: &str) -> String {
    super::super::from_str::<serde_yaml::Value>(text)
        .expect_err("a syntax error")
        .errors[0]
        .to_string()
}

const ITEM: &str =
    "provider: {id: a, name: A}\ncredentials:\n  - id: x\n    title: X\n    kind: course\n";

#[test]
fn a_key_one_space_deeper_than_its_siblings_is_named() {
    assert_eq!(
        said(&format!("{ITEM}     hours: 10\n    cost: 0\n")),
        "6:6: line 6 is indented 5 spaces; the other keys of this credential are at 4: line it up with them (the parser said: mapping values are not allowed in this context)"
    );
}

#[test]
fn a_key_one_space_shallower_than_its_siblings_is_named() {
    assert_eq!(
        said(&format!("{ITEM}   hours: 10\n")),
        "6:4: line 6 is indented 3 spaces; the other keys of this credential are at 4: line it up with them (the parser said: did not find expected '-' indicator, while parsing a block collection at line 3 column 3)"
    );
}

#[test]
fn quoting_is_advised_only_for_a_value_that_holds_a_colon() {
    assert_eq!(
        said("provider: {id: a, name: A}\ncredentials:\n  - id: x\n    title: Intro: to Ops\n"),
        "4:17: the value of `title` holds `: `, which YAML reads as another key; put the value in quotes: title: 'Intro: to Ops' (the parser said: mapping values are not allowed in this context)"
    );
}

#[test]
fn the_quoting_advised_keeps_a_comment_out_and_escapes_nothing() {
    let said = said("a:\n  title: Paths: C:\\Users it's  # note\n");
    assert!(
        said.contains("put the value in quotes: title: 'Paths: C:\\Users it''s' (the parser"),
        "{said}"
    );
}

#[test]
fn a_non_breaking_space_in_a_value_is_not_blamed_for_an_indentation_slip() {
    let said = said(&format!(
        "{ITEM}    description: Linux\u{a0}101\n     hours: 4\n"
    ));
    assert!(said.contains("is indented 5 spaces"), "{said}");
    // In a block scalar it is text, and the document reads.
    assert!(super::super::from_str::<serde_yaml::Value>("a: |\n  \u{a0}x\n").is_ok());
}

#[test]
fn a_tab_is_named_with_its_column() {
    assert_eq!(
        said(&format!("{ITEM}\thours: 10\n")),
        "6:1: line 6 has a tab at column 1, in its indentation; YAML indents with ordinary spaces only: replace it"
    );
}

#[test]
fn a_non_breaking_space_and_a_curly_quote_are_named() {
    let nbsp = said(&format!("{ITEM}  \u{a0} hours: 10\n"));
    assert!(
        nbsp.starts_with("6:3: line 6 has a non-breaking space at column 3, in its indentation;"),
        "{nbsp}"
    );
    // A tab and a non-breaking space, and an error elsewhere: all in one run.
    let all = super::super::from_str::<serde_yaml::Value>(&format!(
        "{ITEM}\thours: 10\n  \u{a0} cost: 0\n    skills: [x\n"
    ))
    .expect_err("errors")
    .errors
    .iter()
    .map(ToString::to_string)
    .collect::<Vec<_>>();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(
        all[0].starts_with("6:1: line 6 has a tab at column 1"),
        "{all:?}"
    );
    assert!(
        all[1].starts_with("7:3: line 7 has a non-breaking space at column 3"),
        "{all:?}"
    );
    assert_eq!(
        said(&format!(
            "{ITEM}    description: \u{201c}Linux: the basics\u{201d}\n"
        )),
        "6:18: line 6 has a curly quote (\u{201c}) at column 18, which YAML does not read as a quote; write straight quotes (\" or ') instead (the parser said: mapping values are not allowed in this context)"
    );
}

#[test]
fn an_unclosed_bracket_or_quote_is_named_where_it_opened() {
    assert_eq!(
        said("a: [1, 2\n"),
        "2:1: the list opened with `[` at line 1 column 4 is not closed with `]`, or two of its items have no `, ` between them (the parser said: did not find expected ',' or ']', while parsing a flow sequence at line 1 column 4)"
    );
    assert!(
        said("a: \"open\nb: 1\n").contains("the quote opened at line 1 column 4 is never closed"),
    );
    assert_eq!(
        said("title: @home\n"),
        "1:8: a value cannot start with `@` in YAML: put the value in quotes (the parser said: found character that cannot start any token, while scanning for the next token)"
    );
    // Nothing recognisable: the parser's words as they are.
    assert_eq!(
        said("a: ]\n"),
        "1:4: did not find expected node content, while parsing a block node"
    );
}

#[test]
fn a_position_before_the_first_line_looks_at_nothing() {
    let error = Error {
        position: Position { line: 0, column: 0 },
        message: "mapping values are not allowed in this context".into(),
    };
    assert_eq!(diagnose("a: b: c\n", error.clone()), error);
}

#[test]
fn keys_are_found_after_list_dashes() {
    assert_eq!(key_column("  - id: x"), Some(4));
    assert_eq!(key_column("    - - a: b"), Some(8));
    assert_eq!(key_column("  - plain"), None);
    assert_eq!(key_column("url: https://x"), Some(0));
}
