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

/// No bundled catalog names a proxy or mirror host, in a field or in a comment: a reader
/// must be able to trust where a fact came from. (Mirrors of an issuer's page were replaced
/// by the page itself, the rest removed.)
#[test]
fn no_bundled_catalog_names_a_proxy_or_mirror_host() {
    const MIRRORS: [&str; 6] = [
        ".workers.dev",
        ".pages.dev",
        "rproxy.",
        "siteproxy.",
        "opelly.me",
        ".cloudfront.net",
    ];
    for (name, text) in upskill::catalog::source::bundled() {
        for (n, line) in text.lines().enumerate() {
            for host in MIRRORS {
                assert!(
                    !line.contains(host),
                    "{name}:{}: names a proxy or mirror host ({host}): {line}",
                    n + 1
                );
            }
        }
    }
}
