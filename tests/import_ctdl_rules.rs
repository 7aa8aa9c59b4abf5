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

/// Writes `output`'s files to a folder, checks `upskill validate` passes on them alone, and
/// returns what `upskill show ID` prints.
fn validated_and_shown(output: &Output, id: &str) -> String {
    let home = tempfile::tempdir().expect("a temp dir");
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
    let shown = common::upskill(&["--no-bundled", "--catalog", folder, "show", id]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    shown.stdout
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
    let output = convert(vec![node(A, "Badge", "Mystery Badge", "")]);
    let shown = validated_and_shown(&output, "beta-org/mystery-badge");
    assert!(shown.contains("cost unknown"), "{shown}");
    assert!(shown.contains("hours unknown"), "{shown}");
}

#[test]
fn a_renewal_frequency_becomes_valid_for_months_and_its_cost_a_note() {
    let output = convert(vec![resource(
        A,
        "Certification",
        "Renewing Cert",
        r#", "ceterms:renewalFrequency": "P3Y",
        "ceterms:estimatedCost": [{"ceterms:price": 200, "ceterms:currency": "USD"}],
        "ceterms:renewal": [{"@type": "ceterms:ConditionProfile",
            "ceterms:description": "Earn 60 continuing education units.",
            "ceterms:estimatedCost": [{"ceterms:price": 50, "ceterms:currency": "USD"}]}]"#,
    )]);
    let cert = entry(&output.files["beta-org.yaml"], "renewing-cert");
    assert!(cert.contains("valid_for_months: 36\n"), "{cert}");
    assert!(cert.contains("cost: 200\n"), "{cert}");
    assert!(
        cert.contains("Renewal (from the Registry): every 36 months; Earn 60 continuing education units; renewing costs 50 USD, not counted in `cost`."),
        "{cert}"
    );
}

#[test]
fn a_renewal_frequency_on_the_renewal_profile_counts_and_a_bad_one_is_named() {
    let output = convert(vec![
        resource(
            A,
            "Certification",
            "Profile Cert",
            r#", "ceterms:renewal": [{"ceterms:renewalFrequency": "P18M"}]"#,
        ),
        resource(
            B,
            "Certification",
            "Odd Cert",
            r#", "ceterms:renewalFrequency": "every three years""#,
        ),
    ]);
    let file = &output.files["beta-org.yaml"];
    assert!(entry(file, "profile-cert").contains("valid_for_months: 18\n"));
    assert!(!entry(file, "odd-cert").contains("valid_for_months"));
    assert!(
        output
            .warnings
            .iter()
            .any(|w| w
                .contains("1.json: renewalFrequency: `every three years` is not a renewal period")),
        "{:?}",
        output.warnings
    );
}

/// A credential that requires the assessment `target`.
fn requiring(ctid: &str, name: &str, target: &str) -> String {
    resource(
        ctid,
        "Certification",
        name,
        &format!(r#", "ceterms:requires": [{{"ceterms:targetAssessment": ["{target}"]}}]"#),
    )
}

#[test]
fn an_assessment_one_credential_requires_is_its_exam_a_certification() {
    let output = convert(vec![
        resource(A, "AssessmentProfile", "Operator Exam", ""),
        requiring(B, "Operator Cert", A),
    ]);
    let file = &output.files["beta-org.yaml"];
    let exam = entry(file, "operator-exam");
    assert!(exam.contains("kind: certification\n"), "{exam}");
    assert!(
        exam.contains("the exam of beta-org/operator-cert, the one credential that requires it"),
        "{exam}"
    );
    assert!(entry(file, "operator-cert").contains("requires: [beta-org/operator-exam]"));
}

#[test]
fn an_assessment_no_credential_or_several_require_stays_a_course() {
    let output = convert(vec![
        resource(A, "AssessmentProfile", "Shared Exam", ""),
        requiring(B, "First Cert", A),
        requiring(C, "Second Cert", A),
        resource(
            "ce-00000000-0000-4000-8000-00000000000d",
            "AssessmentProfile",
            "Lone Exam",
            "",
        ),
    ]);
    let file = &output.files["beta-org.yaml"];
    for id in ["shared-exam", "lone-exam"] {
        let exam = entry(file, id);
        assert!(exam.contains("kind: course\n"), "{exam}");
        assert!(
            exam.contains("the exam or assessment on its own, as no one credential requires it"),
            "{exam}"
        );
    }
}

#[test]
fn a_learning_opportunity_requiring_an_assessment_does_not_make_it_an_exam() {
    let output = convert(vec![
        resource(A, "AssessmentProfile", "Placement Test", ""),
        resource(
            B,
            "LearningOpportunityProfile",
            "Intro Course",
            &format!(r#", "ceterms:requires": [{{"ceterms:targetAssessment": ["{A}"]}}]"#),
        ),
    ]);
    let exam = entry(&output.files["beta-org.yaml"], "placement-test");
    assert!(exam.contains("kind: course\n"), "{exam}");
}

#[test]
fn references_reach_across_files_when_each_file_is_read_on_its_own() {
    let texts = [
        requiring(B, "Late Cert", A),
        resource(A, "AssessmentProfile", "Early Exam", ""),
    ];
    let names: Vec<String> = vec!["0.json".into(), "1.json".into()];
    let mut reads = 0;
    let mut kept = ctdl::Kept::default();
    let output = ctdl::convert_files(
        &names,
        |n| {
            reads += 1;
            Ok(texts[n].clone())
        },
        "en",
        &mut kept,
    )
    .and_then(|converted| converted.into_output(&mut kept))
    .expect("kept in memory");
    assert_eq!(reads, 4, "each file is read twice, one at a time");
    let file = &output.files["beta-org.yaml"];
    assert!(entry(file, "late-cert").contains("requires: [beta-org/early-exam]"));
    assert!(entry(file, "early-exam").contains("kind: certification\n"));
}

/// `occupationType` becomes `occupations`: the code, the well-known framework by its short
/// name, the name in the user's language; one with neither code nor name is left out with a
/// warning naming its JSON path. The output validates, and `show` lists them.
#[test]
fn occupation_types_become_occupations_that_validate_and_show() {
    let occupations = r#", "ceterms:occupationType": [
        {"@type": "ceterms:CredentialAlignmentObject",
         "ceterms:framework": "https://www.onetcenter.org/taxonomy/2019/list.html",
         "ceterms:frameworkName": {"en-US": "O*NET OnLine"},
         "ceterms:codedNotation": "15-1244.00",
         "ceterms:targetNodeName": {"en-US": "Network and Computer Systems Administrators", "es": "Administradores de redes"}},
        {"@type": "ceterms:CredentialAlignmentObject",
         "ceterms:frameworkName": {"en": "Standard Occupational Classification"},
         "ceterms:codedNotation": "15-1212"},
        {"@type": "ceterms:CredentialAlignmentObject",
         "ceterms:frameworkName": {"en": "Standard Occupational Classification"}}]"#;
    let output = convert(vec![resource(A, "Certification", "Net Admin", occupations)]);
    let cert = entry(&output.files["beta-org.yaml"], "net-admin");
    assert!(
        cert.contains(
            "    occupations:\n      - {code: \"15-1244.00\", framework: \"O*NET-SOC\", name: \"Network and Computer Systems Administrators\"}\n      - {code: \"15-1212\", framework: \"SOC\"}\n"
        ),
        "{cert}"
    );
    assert!(
        output
            .warnings
            .iter()
            .any(|w| w.contains("occupationType[2]")
                && w.contains("neither `codedNotation` nor `targetNodeName`")),
        "{:?}",
        output.warnings
    );
    let shown = validated_and_shown(&output, "beta-org/net-admin");
    assert!(
        shown.contains("15-1244.00 Network and Computer Systems Administrators (O*NET-SOC)"),
        "{shown}"
    );
    assert!(shown.contains("15-1212 (SOC)"), "{shown}");
}
