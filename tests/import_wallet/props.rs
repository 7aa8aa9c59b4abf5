//! No JSON makes the wallet importer panic, and every award it reads gets one match.

use proptest::prelude::*;
use serde_json::Value;
use upskill::import::Input;
use upskill::import::wallet;

use super::{catalog, common, read};

/// JSON shaped like badges: their keys and values, nested at random.
fn badge_json() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "type",
        "id",
        "badge",
        "issuer",
        "name",
        "url",
        "recipient",
        "hashed",
        "issuedOn",
        "expires",
        "validFrom",
        "validUntil",
        "awardedDate",
        "issuanceDate",
        "expirationDate",
        "credentialSubject",
        "achievement",
        "creator",
        "alignment",
        "targetUrl",
        "targetCode",
        "otherIdentifier",
        "identifier",
        "criteria",
        "verifiableCredential",
        "en",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![
            "Assertion",
            "BadgeClass",
            "Issuer",
            "OpenBadgeCredential",
            "ClrCredential",
            "VerifiablePresentation",
            "https://badges.acme-academy.example/classes/cloud-basics",
            "https://acme-academy.example/courses/linux/",
            "ce-5b8e2d10-1c1a-4a6f-9c30-2a0000000042",
            "did:web:beta.example",
            "2024-02-30T00:00:00Z",
            "2024-02-10",
            "Networking Basics",
            "",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 80, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|map| {
                Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(256)))]

    #[test]
    fn no_json_makes_the_importer_panic_and_each_award_gets_one_match(
        documents in prop::collection::vec(badge_json(), 1..4)
    ) {
        let inputs: Vec<Input> = documents
            .iter()
            .enumerate()
            .map(|(n, value)| Input { name: format!("{n}.json"), text: value.to_string() })
            .collect();
        let found = read(&inputs);
        let catalog = catalog();
        let matches = wallet::match_awards(&catalog, &found.awards);
        prop_assert_eq!(matches.len(), found.awards.len());
    }
}
