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
                .map(move |code| (code, credential.id.as_ref()))
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

/// One entry of tests/allowed-sources.yaml: an address prefix some providers may cite.
struct Allowed {
    prefix: String,
    providers: Vec<String>,
}

/// The reviewed allow-list, every entry with its providers and its reason.
fn allowed_sources() -> Vec<Allowed> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/allowed-sources.yaml");
    let text = std::fs::read_to_string(&path).expect("tests/allowed-sources.yaml exists");
    let value = upskill::yaml::to_json_value(&text).expect("tests/allowed-sources.yaml is YAML");
    let entries = value["allowed"].as_array().expect("a list under `allowed`");
    entries
        .iter()
        .map(|entry| {
            let prefix = entry["prefix"].as_str().expect("each entry has a prefix");
            let reason = entry["reason"].as_str().unwrap_or_default();
            assert!(
                reason.split_whitespace().count() >= 5,
                "allowed source {prefix} gives its reason"
            );
            assert!(
                !prefix.contains("://") && prefix.contains('/'),
                "allowed source {prefix} is written host/path..., without a scheme"
            );
            let providers = entry["providers"]
                .as_array()
                .expect("each entry names its providers")
                .iter()
                .map(|id| id.as_str().expect("a provider id").to_owned())
                .collect();
            Allowed {
                prefix: prefix.to_owned(),
                providers,
            }
        })
        .collect()
}

/// Whether `address` may be cited for `provider`: on one of its domains, or allowed.
fn trusted(address: &str, provider: &upskill::catalog::Provider, allowed: &[Allowed]) -> bool {
    use upskill::catalog::domains::on_any;
    let bare = address.split_once("://").map_or(address, |(_, rest)| rest);
    (address.starts_with("https://") || address.starts_with("http://"))
        && (on_any(address, &provider.domains)
            || allowed.iter().any(|entry| {
                bare.starts_with(&entry.prefix) && entry.providers.contains(&provider.id)
            }))
}

/// Every bundled provider names its official domains, and every address a bundled catalog
/// gives for a fact (a credential's `url` and `source`, a provider's `url`) is on one of its
/// provider's domains or on the reviewed allow-list: a reader can trust where a fact came
/// from. An address in a credential's `same_as` is on the provider's own domains.
#[test]
fn every_bundled_source_is_on_its_providers_domains_or_the_allow_list() {
    let loaded = load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    assert!(!loaded.has_errors());
    let catalog = &loaded.catalog;
    let allowed = allowed_sources();
    let mut untrusted = Vec::new();
    for provider in &catalog.providers {
        assert!(
            !provider.domains.is_empty(),
            "provider {} names its official domains",
            provider.id
        );
        if let Some(url) = &provider.url
            && !trusted(url, provider, &allowed)
        {
            untrusted.push(format!("provider {}: url {url}", provider.id));
        }
    }
    for credential in &catalog.credentials {
        let provider = catalog.provider(credential.provider);
        let addresses = credential.url().into_iter().map(|url| ("url", url));
        let sources = (credential.sources.iter()).map(|source| ("source", &**source));
        for (field, address) in addresses.chain(sources) {
            if !trusted(address, provider, &allowed) {
                untrusted.push(format!("{}: {field} {address}", credential.id));
            }
        }
        // An address in `same_as` names the credential for the issuer: it must be the
        // issuer's own, never a page the allow-list lets a fact be checked against.
        for address in credential.same_as().iter().filter(|id| id.contains("://")) {
            if !trusted(address, provider, &[]) {
                untrusted.push(format!("{}: same_as {address}", credential.id));
            }
        }
    }
    assert!(
        untrusted.is_empty(),
        "not on the provider's domains nor in tests/allowed-sources.yaml:\n{}",
        untrusted.join("\n")
    );
}

/// Each allow-list entry is for providers that exist, and is still used: an entry nobody
/// cites is removed rather than left to grow the list.
#[test]
fn every_allowed_source_is_for_a_bundled_provider_and_used() {
    let loaded = load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    let catalog = &loaded.catalog;
    let addresses: Vec<&str> = catalog
        .providers
        .iter()
        .filter_map(|provider| provider.url.as_deref())
        .chain(catalog.credentials.iter().flat_map(|credential| {
            credential
                .url()
                .into_iter()
                .chain(credential.sources.iter().map(AsRef::as_ref))
        }))
        .collect();
    for entry in allowed_sources() {
        for provider in &entry.providers {
            assert!(
                catalog.find_provider(provider).is_some(),
                "allowed source {} names unknown provider {provider}",
                entry.prefix
            );
        }
        assert!(
            addresses.iter().any(|address| {
                address
                    .split_once("://")
                    .is_some_and(|(_, rest)| rest.starts_with(&entry.prefix))
            }),
            "allowed source {} is cited by no bundled catalog: remove it",
            entry.prefix
        );
    }
}

/// A badge whose alignment names the issuer's own page for a bundled credential matches it by
/// `same_as`: the bundled catalogs give the issuer's address as an identifier too.
#[test]
fn a_badge_aligned_to_an_issuers_page_matches_the_bundled_credential_by_same_as() {
    use upskill::import::Input;
    use upskill::import::wallet::{self, Match, Rule};

    let loaded = load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    let catalog = &loaded.catalog;
    let badge = r#"{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:7c1e0a52-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://badges.example/issuers/77", "type": ["Profile"], "name": "A badge platform"},
        "validFrom": "2026-03-02T00:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": {
            "id": "https://badges.example/templates/security-professional",
            "type": ["Achievement"], "name": "Security Professional (platform title)",
            "criteria": {"narrative": "Passed the exam."},
            "alignment": [{"type": ["Alignment"], "targetName": "CISSP",
                "targetUrl": "https://www.isc2.org/certifications/cissp"}]}}}"#;
    let read = wallet::read(
        &[Input {
            name: "cissp.json".to_owned(),
            text: badge.to_owned(),
        }],
        "en-US",
    );
    let found = wallet::match_awards(catalog, &read.awards);
    let [Match::Matched { credential, rule }] = found.as_slice() else {
        panic!("one match, got {found:?}");
    };
    assert_eq!(&*catalog.credential(*credential).id, "isc2/cissp");
    assert_eq!(*rule, Rule::SameAs);
}
