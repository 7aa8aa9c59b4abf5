//! Checks on the bundled catalogs' facts, beyond their validity: a learner must not be sent to
//! an exam that is no longer given.

use upskill::catalog::{Sources, load};

/// Exam codes in a title: `AZ-500`, `SY0-701`, `220-1201`, `CS0-004`.
fn exam_codes(title: &str) -> Vec<String> {
    title
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| {
            let mut parts = word.split('-');
            let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
                return false;
            };
            !a.is_empty()
                && !b.is_empty()
                && word.chars().any(|c| c.is_ascii_digit())
                && word
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_credential_on_offer_names_a_retired_exam_code_in_its_title() {
    let loaded = load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    assert!(!loaded.has_errors());
    let credentials = &loaded.catalog.credentials;
    let retired: Vec<(String, &str)> = credentials
        .iter()
        .filter(|credential| credential.retired)
        .flat_map(|credential| {
            exam_codes(&credential.title)
                .into_iter()
                .map(move |code| (code, credential.id.as_str()))
        })
        .collect();
    assert!(
        !retired.is_empty(),
        "the bundled catalogs have retired exams"
    );
    for credential in credentials.iter().filter(|credential| !credential.retired) {
        for code in exam_codes(&credential.title) {
            if let Some((_, id)) = retired.iter().find(|(retired, _)| *retired == code) {
                panic!(
                    "{} ({}) names {code}, the exam of retired {id}",
                    credential.id, credential.title
                );
            }
        }
    }
}

#[test]
fn exam_codes_are_read_from_titles() {
    assert_eq!(
        exam_codes("CompTIA A+ (220-1201 + 220-1202)"),
        ["220-1201", "220-1202"]
    );
    assert_eq!(
        exam_codes("Microsoft Certified: Azure Security Engineer Associate (AZ-500)"),
        ["AZ-500"]
    );
    assert!(exam_codes("Google Project Management: Professional Certificate").is_empty());
}
