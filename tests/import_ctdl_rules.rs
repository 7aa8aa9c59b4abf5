//! `import::ctdl` on small resources written here: alternative routes, what is unknown,
//! renewal rules and assessments. The fixture-folder tests are in `tests/import_ctdl.rs`.

mod common;

use upskill::import::ctdl::{self, Input, Output};

/// A resource of `@type` with `name`, owned by one organisation, plus `extra` keys.
fn node(ctid: &str, kind: &str, name: &str, extra: &str) -> String {
    format!(
        r#"{{"@id": "https://credentialengineregistry.org/resources/{ctid}", "@type": "ceterms:{kind}",
        "ceterms:ctid": "{ctid}", "ceterms:name": "{name}", "ceterms:ownedBy": [{{"ceterms:name": "Beta Org"}}],
        "ceterms:keyword": ["testing"]{extra}}}"#
    )
}

/// [`node`] with ten exact hours.
fn resource(ctid: &str, kind: &str, name: &str, extra: &str) -> String {
    node(
        ctid,
        kind,
        name,
        &format!(r#", "ceterms:estimatedDuration": [{{"ceterms:exactDuration": "PT10H"}}]{extra}"#),
    )
}

fn convert(texts: Vec<String>) -> Output {
    let inputs: Vec<Input> = texts
        .into_iter()
        .enumerate()
        .map(|(n, text)| Input {
            name: format!("{n}.json"),
            text,
        })
        .collect();
    ctdl::convert(&inputs, "en")
}

/// The lines of one credential's entry in `file`.
fn entry<'a>(file: &'a str, id: &str) -> &'a str {
    let start = file
        .find(&format!("  - id: {id}\n"))
        .unwrap_or_else(|| panic!("no `{id}` in\n{file}"));
    let rest = &file[start + 4..];
    &file[start..start + 4 + rest.find("\n  - id:").unwrap_or(rest.len())]
}

const A: &str = "ce-00000000-0000-4000-8000-00000000000a";
const B: &str = "ce-00000000-0000-4000-8000-00000000000b";
const C: &str = "ce-00000000-0000-4000-8000-00000000000c";

#[test]
fn an_alternative_condition_is_another_route_of_the_any() {
    let output = convert(vec![
        resource(A, "Course", "Course A", ""),
        resource(B, "DigitalBadge", "Badge B", ""),
        resource(
            C,
            "MicroCredential",
            "Micro C",
            &format!(
                r#", "ceterms:requires": [{{"ceterms:targetLearningOpportunity": ["{A}"],
                "ceterms:alternativeCondition": [{{"ceterms:targetCredential": [{{"ceterms:ctid": "{B}"}}]}}]}}]"#
            ),
        ),
    ]);
    let file = &output.files["beta-org.yaml"];
    let micro = entry(file, "micro-c");
    assert!(micro.contains("kind: certificate"), "{micro}");
    assert!(
        micro.contains("requires: [{any: [beta-org/course-a, beta-org/badge-b]}]"),
        "{micro}"
    );
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
}

#[test]
fn no_cost_or_duration_is_written_unknown_never_as_free_or_quick() {
    let output = convert(vec![node(A, "Badge", "Mystery Badge", "")]);
    let badge = entry(&output.files["beta-org.yaml"], "mystery-badge");
    assert!(badge.contains("hours: unknown\n"), "{badge}");
    assert!(badge.contains("cost: unknown\n"), "{badge}");
    assert!(
        output
            .warnings
            .iter()
            .any(|w| w.contains("no usable `estimatedDuration`: hours written as `unknown`")),
        "{:?}",
        output.warnings
    );
}

#[test]
fn an_imported_unknown_validates_and_shows_as_unknown() {
    let home = tempfile::tempdir().expect("a temp dir");
    let output = convert(vec![node(A, "Badge", "Mystery Badge", "")]);
    for (name, text) in &output.files {
        std::fs::write(home.path().join(name), text).expect("written");
    }
    let folder = home.path().to_str().expect("UTF-8");
    let validated = common::upskill(&["validate", "--no-bundled", "--catalog", folder]);
    assert_eq!(
        validated.code, 0,
        "{}{}",
        validated.stdout, validated.stderr
    );
    let shown = common::upskill(&[
        "--no-bundled",
        "--catalog",
        folder,
        "show",
        "beta-org/mystery-badge",
    ]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("cost unknown"), "{}", shown.stdout);
    assert!(shown.stdout.contains("hours unknown"), "{}", shown.stdout);
}
