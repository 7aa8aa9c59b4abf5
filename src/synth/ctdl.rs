//! Generated Credential Registry data for import-ctdl's scale runs: `@graph` files of
//! credentials and their organisation, in the Registry's shapes (prefixed keys, language
//! maps, cost and duration profiles, condition profiles naming resources in other files).

use std::fmt::Write as _;

/// The CTID of resource (or organisation) number `n`.
fn ctid(n: usize) -> String {
    format!("ce-00000000-0000-4000-8000-{n:012x}")
}

fn address(n: usize) -> String {
    format!("https://credentialengineregistry.org/resources/{}", ctid(n))
}

const TYPES: [&str; 5] = [
    "ceterms:Certification",
    "ceterms:Certificate",
    "ceterms:DigitalBadge",
    "ceterms:MicroCredential",
    "ceterms:LearningOpportunityProfile",
];

const SUBJECTS: [&str; 8] = [
    "Cloud computing",
    "Linux",
    "Networking",
    "Security",
    "Databases",
    "Project management",
    "Data analysis",
    "Programming",
];

/// `resources` resources in files of `per_file` (each with its organisation): file names
/// and JSON texts. Every other resource requires the one before it, which for the first of
/// a file is in the file before: references cross files.
pub fn graph_files(resources: usize, per_file: usize) -> Vec<(String, String)> {
    let per_file = per_file.max(1);
    let organisations_from = 1 << 40;
    (0..resources.div_ceil(per_file))
        .map(|f| {
            let org = organisations_from + f;
            let mut nodes = vec![format!(
                r#"{{"@id": "{}", "@type": "ceterms:CredentialOrganization", "ceterms:ctid": "{}", "ceterms:name": {{"en": "Provider {f}", "fr": "Fournisseur {f}"}}, "ceterms:subjectWebpage": "https://provider{f}.example"}}"#,
                address(org),
                ctid(org)
            )];
            let last = ((f + 1) * per_file).min(resources);
            nodes.extend((f * per_file..last).map(|n| resource(n, org)));
            let text = format!(
                "{{\"@context\": \"https://credreg.net/ctdl/schema/context/json\", \"@graph\": [\n{}\n]}}\n",
                nodes.join(",\n")
            );
            (format!("graph-{f:04}.json"), text)
        })
        .collect()
}

fn resource(n: usize, org: usize) -> String {
    let mut node = format!(
        r#"{{"@id": "{}", "@type": "{}", "ceterms:ctid": "{}", "ceterms:name": {{"en": "Credential {n}", "fr": "Titre {n}"}}, "ceterms:description": {{"en": "What credential {n} covers, in a sentence or two of plain text."}}, "ceterms:subjectWebpage": "https://provider.example/credentials/{n}", "ceterms:ownedBy": ["{}"]"#,
        address(n),
        TYPES[n % TYPES.len()],
        ctid(n),
        address(org)
    );
    let duration = if n.is_multiple_of(3) {
        format!("P{}W", 1 + n % 12)
    } else {
        format!("PT{}H", 5 + n % 120)
    };
    let _ = write!(
        node,
        r#", "ceterms:estimatedDuration": [{{"@type": "ceterms:DurationProfile", "ceterms:exactDuration": "{duration}"}}]"#
    );
    let _ = write!(
        node,
        r#", "ceterms:estimatedCost": [{{"@type": "ceterms:CostProfile", "ceterms:currency": "USD", "ceterms:price": {}, "ceterms:audienceType": [{{"ceterms:targetNodeName": {{"en": "Member"}}}}]}}, {{"@type": "ceterms:CostProfile", "ceterms:currency": "US Dollar", "ceterms:price": {}, "ceterms:directCostType": [{{"ceterms:targetNodeName": {{"en": "Application"}}}}]}}]"#,
        n % 400,
        50 + n % 500
    );
    let _ = write!(
        node,
        r#", "ceterms:subject": [{{"@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNodeName": {{"en": "{}"}}}}], "ceterms:keyword": ["{}"]"#,
        SUBJECTS[n % SUBJECTS.len()],
        SUBJECTS[(n / 7) % SUBJECTS.len()]
    );
    if n % 2 == 1 {
        let _ = write!(
            node,
            r#", "ceterms:requires": [{{"@type": "ceterms:ConditionProfile", "ceterms:description": {{"en": "Hold the credential before it."}}, "ceterms:targetCredential": ["{}"]}}]"#,
            address(n - 1)
        );
    }
    if n.is_multiple_of(5) {
        node.push_str(r#", "ceterms:renewalFrequency": "P3Y""#);
    }
    node.push('}');
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_file_is_json_with_its_organisation_and_resources() {
        let files = graph_files(25, 10);
        assert_eq!(files.len(), 3);
        for (_, text) in &files {
            let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
            assert!(value["@graph"][0]["@type"] == "ceterms:CredentialOrganization");
        }
        let last: serde_json::Value = serde_json::from_str(&files[2].1).expect("JSON");
        assert_eq!(last["@graph"].as_array().map(Vec::len), Some(6));
    }
}
