//! `upskill have import`: a learner's badge wallet read and matched (one test per mapping
//! rule of docs/importing.md, on the fixtures under tests/fixtures/wallet), the command run as
//! the real binary (`command`: nothing written without --apply, importing twice changes
//! nothing, an expired badge held as expired), and a property test that no JSON makes the
//! importer panic (`props`).

// A test crate's root finds its modules beside it; these live in a folder of their own.
#[path = "import_wallet/command.rs"]
mod command;
mod common;
#[path = "import_wallet/props.rs"]
mod props;

use upskill::catalog::{Catalog, Sources};
use upskill::import::Input;
use upskill::import::wallet::{self, Award, Match, Standard, Wallet};

fn catalog() -> Catalog {
    let sources = Sources::standard(
        true,
        None,
        vec![
            common::fixture("wallet/catalog.yaml"),
            common::fixture("wallet/beta.yaml"),
        ],
    );
    let loaded = upskill::catalog::load(&sources);
    assert!(!loaded.has_errors(), "{}", loaded.summary());
    loaded.catalog
}

fn badge_file(name: &str) -> Input {
    let path = common::fixture("wallet/badges").join(name);
    Input {
        name: name.to_owned(),
        text: std::fs::read_to_string(&path).expect("a fixture"),
    }
}

fn inline(text: &str) -> Input {
    Input {
        name: "inline.json".to_owned(),
        text: text.to_owned(),
    }
}

fn read(inputs: &[Input]) -> Wallet {
    wallet::read(inputs, "en-US")
}

/// Each award's match in words: `acme/cloud-basics by same_as`, `ambiguous by title:
/// acme/a, acme/b`, `unmatched`.
fn matched(wallet: &Wallet) -> Vec<String> {
    let catalog = catalog();
    wallet::match_awards(&catalog, &wallet.awards)
        .into_iter()
        .map(|found| match found {
            Match::Matched { credential, rule } => {
                format!("{} by {}", catalog.credential(credential).id, rule.label())
            }
            Match::Ambiguous { candidates, rule } => format!(
                "ambiguous by {}: {}",
                rule.label(),
                candidates
                    .iter()
                    .map(|&idx| catalog.credential(idx).id.as_ref())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Match::Unmatched => "unmatched".to_owned(),
        })
        .collect()
}

fn date(text: &str) -> jiff::civil::Date {
    text.parse().expect("a date")
}

/// An Open Badges 3.0 credential around `achievement`, issued by `issuer`, plus `extra`
/// top-level keys.
fn ob3(achievement: &str, issuer: &str, extra: &str) -> String {
    format!(
        r#"{{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {issuer}{extra},
        "credentialSubject": {{"type": ["AchievementSubject"], "achievement": {achievement}}}}}"#
    )
}

const ACME: &str =
    r#"{"id": "https://acme-academy.example/issuer", "type": ["Profile"], "name": "Acme Academy"}"#;

#[test]
fn ob2_an_embedded_badge_class_matches_by_its_criteria_address_and_the_hashed_recipient_is_flagged()
{
    let wallet = read(&[badge_file("ob2-linux-hashed.json")]);
    assert_eq!(matched(&wallet), ["acme/linux-essentials by url"]);
    let award = &wallet.awards[0];
    assert_eq!(award.standard, Standard::OpenBadges2);
    assert_eq!(award.title.as_deref(), Some("Linux Essentials (badge)"));
    assert_eq!(award.earned, Some(date("2024-02-10")));
    assert!(award.hashed_recipient);
    assert!(wallet.warnings.is_empty(), "{:?}", wallet.warnings);
}

#[test]
fn ob2_a_badge_class_and_issuer_in_files_of_their_own_are_found_by_id() {
    let wallet = read(&[
        badge_file("ob2-cloud-assertion.json"),
        badge_file("ob2-cloud-badgeclass.json"),
        badge_file("ob2-issuer.json"),
    ]);
    assert_eq!(
        wallet.awards.len(),
        1,
        "the badge class and issuer are no awards"
    );
    assert_eq!(matched(&wallet), ["acme/cloud-basics by same_as"]);
    let award = &wallet.awards[0];
    assert_eq!(award.title.as_deref(), Some("Cloud Basics"));
    assert_eq!(award.issuer_label(), Some("Acme Academy"));
    // The date as the issuer wrote it, in its own zone.
    assert_eq!(award.earned, Some(date("2023-11-20")));
    assert!(!award.hashed_recipient);
    assert!(wallet.warnings.is_empty(), "{:?}", wallet.warnings);
}

#[test]
fn ob2_a_badge_class_not_given_is_matched_by_its_address_only_and_said_so() {
    let wallet = read(&[badge_file("ob2-cloud-assertion.json")]);
    assert_eq!(matched(&wallet), ["acme/cloud-basics by same_as"]);
    assert_eq!(wallet.awards[0].title, None);
    assert!(
        wallet.warnings[0].contains("ob2-cloud-assertion.json: badge:")
            && wallet.warnings[0].contains("nothing is fetched"),
        "{:?}",
        wallet.warnings
    );
}

#[test]
fn ob3_an_alignment_naming_a_registry_address_matches_the_ctid_in_same_as() {
    let wallet = read(&[badge_file("ob3-security.json")]);
    assert_eq!(matched(&wallet), ["acme/security-fundamentals by same_as"]);
    let award = &wallet.awards[0];
    assert_eq!(award.standard, Standard::OpenBadges3);
    assert_eq!(award.earned, Some(date("2025-01-15")));
    assert_eq!(award.expires, Some(date("2030-01-15")));
    assert!(award.hashed_recipient);
}

#[test]
fn same_as_matches_an_alignment_code_and_an_other_identifier_case_aside() {
    let by_code = ob3(
        r#"{"id": "urn:x:1", "name": "Sec", "alignment": [{"targetName": "Sec", "targetCode": "acme-sec-101"}]}"#,
        ACME,
        "",
    );
    let by_identifier = ob3(
        r#"{"id": "urn:x:2", "name": "Sec", "otherIdentifier": [{"type": "IdentifierEntry", "identifier": "ACME-SEC-101", "identifierType": "identifier"}]}"#,
        ACME,
        "",
    );
    let wallet = read(&[inline(&by_code), inline(&by_identifier)]);
    assert_eq!(
        matched(&wallet),
        [
            "acme/security-fundamentals by same_as",
            "acme/security-fundamentals by same_as"
        ]
    );
}

#[test]
fn the_url_rule_reads_the_achievement_id_and_alignment_addresses_too() {
    let by_id = ob3(
        r#"{"id": "https://Acme-Academy.example/courses/linux/", "name": "Whatever"}"#,
        ACME,
        "",
    );
    let by_alignment = ob3(
        r#"{"id": "urn:x:3", "name": "Whatever", "alignment": [{"targetUrl": "https://acme-academy.example/courses/linux"}]}"#,
        ACME,
        "",
    );
    let wallet = read(&[inline(&by_id), inline(&by_alignment)]);
    assert_eq!(
        matched(&wallet),
        [
            "acme/linux-essentials by url",
            "acme/linux-essentials by url"
        ]
    );
}

#[test]
fn clr_nested_credentials_are_each_matched_by_title_within_the_issuers_provider() {
    let wallet = read(&[badge_file("clr-transcript.json")]);
    assert_eq!(
        matched(&wallet),
        [
            // The issuer's name, case and spaces aside ("ACME  academy").
            "acme/networking-basics by title",
            "ambiguous by title: acme/data-literacy, acme/data-literacy-2",
            // The issuer's address, on the provider's domain.
            "beta/project-management by title",
        ]
    );
    assert!(wallet.awards.iter().all(|a| a.standard == Standard::Clr));
    let expired = &wallet.awards[2];
    assert_eq!(expired.earned, Some(date("2022-06-30")));
    assert_eq!(expired.expires, Some(date("2024-06-30")));
    assert_eq!(
        expired.source,
        "clr-transcript.json: credentialSubject.verifiableCredential[2]"
    );
}

#[test]
fn an_issuer_known_by_a_did_web_id_on_a_providers_domain_is_that_provider() {
    let text = ob3(
        r#"{"id": "urn:x:9", "name": "networking  BASICS"}"#,
        r#"{"id": "did:web:learn.beta.example", "type": ["Profile"]}"#,
        "",
    );
    let wallet = read(&[inline(&text)]);
    assert_eq!(matched(&wallet), ["beta/networking-basics by title"]);
}

#[test]
fn a_title_matches_nothing_when_the_issuer_is_no_catalog_provider() {
    let text = ob3(
        r#"{"id": "urn:x:4", "name": "Networking Basics"}"#,
        r#"{"id": "https://elsewhere.example/issuer", "name": "Someone Else"}"#,
        "",
    );
    let wallet = read(&[inline(&text)]);
    assert_eq!(matched(&wallet), ["unmatched"]);
    assert_eq!(wallet.awards[0].same_as_hint(), Some("urn:x:4"));
}

#[test]
fn the_first_rule_that_finds_a_credential_wins() {
    let all_three = ob3(
        r#"{"id": "https://badges.acme-academy.example/classes/cloud-basics", "name": "Networking Basics",
            "criteria": {"id": "https://acme-academy.example/courses/linux"}}"#,
        ACME,
        "",
    );
    let url_and_title = ob3(
        r#"{"id": "urn:x:5", "name": "Networking Basics", "criteria": {"id": "https://acme-academy.example/courses/linux"}}"#,
        ACME,
        "",
    );
    let wallet = read(&[inline(&all_three), inline(&url_and_title)]);
    assert_eq!(
        matched(&wallet),
        [
            "acme/cloud-basics by same_as",
            "acme/linux-essentials by url"
        ]
    );
}

#[test]
fn dates_come_from_awarded_date_then_valid_from_then_the_older_issuance_date() {
    let achievement = r#"{"id": "urn:x:6", "name": "X"}"#;
    let awarded = ob3(
        achievement,
        ACME,
        r#", "awardedDate": "2024-01-02T00:00:00Z", "validFrom": "2024-05-01T00:00:00Z""#,
    );
    let older = ob3(
        achievement,
        ACME,
        r#", "issuanceDate": "2021-03-04T00:00:00Z", "expirationDate": "2023-03-04T00:00:00Z""#,
    );
    let unix = r#"{"type": "Assertion", "badge": "https://x.example/b", "issuedOn": 1740787200}"#;
    let wallet = read(&[inline(&awarded), inline(&older), inline(unix)]);
    let dates: Vec<_> = wallet
        .awards
        .iter()
        .map(|a| (a.earned, a.expires))
        .collect();
    assert_eq!(
        dates,
        [
            (Some(date("2024-01-02")), None),
            (Some(date("2021-03-04")), Some(date("2023-03-04"))),
            (Some(date("2025-03-01")), None),
        ]
    );
}

#[test]
fn a_date_that_does_not_read_is_left_out_with_a_warning() {
    let text = ob3(
        r#"{"id": "urn:x:7", "name": "X"}"#,
        ACME,
        r#", "validFrom": "last Tuesday""#,
    );
    let wallet = read(&[inline(&text)]);
    assert_eq!(wallet.awards[0].earned, None);
    assert!(
        wallet.warnings[0].contains("validFrom: `last Tuesday` is not a date"),
        "{:?}",
        wallet.warnings
    );
}

#[test]
fn a_presentation_and_a_json_list_hold_credentials_too() {
    let credential = ob3(r#"{"id": "urn:x:8", "name": "Cloud Basics"}"#, ACME, "");
    let presentation = format!(
        r#"{{"type": ["VerifiablePresentation"], "verifiableCredential": [{credential}]}}"#
    );
    let list = format!("[{credential}, {credential}]");
    let wallet = read(&[inline(&presentation), inline(&list)]);
    assert_eq!(
        matched(&wallet),
        ["acme/cloud-basics by title"; 3],
        "{:?}",
        wallet.warnings
    );
}

#[test]
fn a_badge_that_leaves_its_type_out_is_read_by_its_keys() {
    let credential = r#"{"type": ["VerifiableCredential"], "credentialSubject": {"achievement": {"id": "urn:x:10", "name": "Cloud Basics"}}, "issuer": {"name": "Acme Academy"}}"#;
    let assertion = r#"{"recipient": {"type": "email", "hashed": true, "identity": "sha256$00"}, "badge": "https://badges.acme-academy.example/classes/cloud-basics"}"#;
    let wallet = read(&[inline(credential), inline(assertion)]);
    assert_eq!(
        matched(&wallet),
        ["acme/cloud-basics by title", "acme/cloud-basics by same_as"]
    );
    assert_eq!(wallet.awards[1].standard, Standard::OpenBadges2);
}

#[test]
fn what_is_not_a_badge_is_skipped_with_a_warning() {
    let wallet = read(&[
        inline("{not json"),
        inline(r#"{"type": "Invoice", "total": 3}"#),
        inline("[]"),
        inline(
            r#"{"type": ["VerifiableCredential", "ClrCredential"], "credentialSubject": {"verifiableCredential": ["eyJhbGciOi.x.y"]}}"#,
        ),
        inline(
            r#"{"type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": {}}"#,
        ),
    ]);
    assert!(wallet.awards.is_empty());
    let warnings = wallet.warnings.join("\n");
    for expected in [
        "inline.json:1:2: not JSON (key must be a string)",
        "not an Open Badges assertion or credential, or a CLR",
        "no badge here",
        "a JWT?",
        "has no `credentialSubject.achievement`",
    ] {
        assert!(warnings.contains(expected), "{expected}: {warnings}");
    }
}

#[test]
fn untrusted_names_are_kept_as_given_for_the_printer_to_sanitize() {
    let wallet = read(&[badge_file("ob3-unmatched.json")]);
    let award: &Award = &wallet.awards[0];
    assert_eq!(award.title.as_deref(), Some("Teamwork \u{1b}[31mnow"));
}
