//! The loader takes anything: arbitrary bytes and YAML-shaped text never panic it, and
//! hostile amplification is refused quickly.

mod common;

use std::fmt::Write as _;
use std::sync::Arc;

use proptest::prelude::*;
use upskill::catalog::source::Bytes;
use upskill::catalog::{SourceFile, load_files};

fn load_bytes(bytes: Vec<u8>) -> upskill::catalog::Loaded {
    load_files(&[SourceFile {
        name: Arc::from("fuzz.yaml"),
        path: None,
        content: Ok(Bytes::Owned(bytes)),
    }])
}

/// Pieces of catalog syntax, so random text often gets deep into the loader.
fn yamlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("provider: {id: acme, name: Acme}\n".to_owned()),
        Just("credentials:\n".to_owned()),
        Just("  - id: a\n".to_owned()),
        Just("    title: T\n".to_owned()),
        Just("    kind: course\n".to_owned()),
        Just("    hours: 10\n".to_owned()),
        Just("    cost: -1\n".to_owned()),
        Just("    skills: [x, y]\n".to_owned()),
        Just("    requires: [a, {any: [b, {skill: x}]}, {skill: z}]\n".to_owned()),
        Just("roles:\n  - {id: r, title: R, skills: [x], requires: [acme/a]}\n".to_owned()),
        Just("skills:\n  - {id: x, aliases: [y]}\n".to_owned()),
        Just("&anchor ".to_owned()),
        Just("*anchor".to_owned()),
        Just("[".to_owned()),
        Just("{".to_owned()),
        Just("]".to_owned()),
        Just("- ".to_owned()),
        Just(": ".to_owned()),
        Just("\"\\e[31m".to_owned()),
        Just("---\n".to_owned()),
        Just("format: 1\n".to_owned()),
        "[ -~]{0,12}".prop_map(|s| s),
        "\\PC{0,6}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(2_000)))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let loaded = load_bytes(bytes);
        for problem in &loaded.problems {
            prop_assert!(problem.position.line >= 1 && problem.position.column >= 1);
        }
    }

    #[test]
    fn yaml_shaped_text_never_panics_and_never_prints_an_escape(text in yamlish()) {
        let loaded = load_bytes(text.into_bytes());
        for problem in &loaded.problems {
            let shown = problem.to_string();
            prop_assert!(!shown.chars().any(char::is_control), "{shown:?}");
        }
    }
}

#[test]
fn one_large_string_aliased_thousands_of_times_is_refused() {
    // About 1 MB once; expanded naively it would be gigabytes.
    let mut text = format!(
        "provider: {{id: acme, name: &big \"{}\"}}\nroles:\n",
        "x".repeat(1_000_000)
    );
    for i in 0..3000 {
        let _ = writeln!(text, "  - {{id: r{i}, title: *big, skills: [x]}}");
    }
    let loaded = load_bytes(text.into_bytes());
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].message.contains("alias bomb"),
        "{}",
        loaded.problems[0]
    );
}

#[test]
fn a_long_string_is_refused_while_it_is_read() {
    let text = format!(
        "provider: {{id: acme, name: \"{}\"}}\n",
        "x".repeat(100 * 1024)
    );
    let loaded = load_bytes(text.into_bytes());
    assert_eq!(
        loaded.problems[0].to_string(),
        "fuzz.yaml:1:28: error: provider.name: this string is 100 KiB long; strings may be at most 64 KiB"
    );
}
