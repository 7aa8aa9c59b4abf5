//! Small catalogs for the plan module's tests.

use std::sync::Arc;

use crate::catalog::source::Bytes;
use crate::catalog::{Catalog, CredentialIdx, SourceFile, load_files};

/// A networking track: A+ leads to Network+; CCNA needs troubleshooting (taught by A+ and
/// by the cheap help-desk course); Linux is free; a retired cloud course.
pub const NETWORK: &str = "
provider: {id: t, name: Test}
credentials:
  - {id: a-plus, title: A+, kind: certification, level: beginner, hours: 120, cost: 499, skills: [hardware, troubleshooting]}
  - {id: help-desk, title: Help desk, kind: course, level: beginner, hours: 30, cost: 50, skills: [troubleshooting], valid_for_months: 24}
  - {id: network-plus, title: Network+, kind: certification, level: intermediate, hours: 90, cost: 369, skills: [networking], requires: [a-plus]}
  - {id: ccna, title: CCNA, kind: certification, level: intermediate, hours: 150, cost: 300, skills: [networking, routing], requires: [{skill: troubleshooting}]}
  - {id: linux, title: Linux, kind: course, level: beginner, hours: 40, cost: 0, skills: [linux]}
  - {id: old-cloud, title: Old cloud, kind: course, hours: 10, cost: 0, skills: [cloud], retired: true}
roles:
  - {id: netadmin, title: Network Administrator, skills: [networking, linux]}
  - {id: cloud, title: Cloud, skills: [cloud, quantum, linux]}
";

pub fn catalog(yaml: &str) -> Catalog {
    let loaded = load_files(&[SourceFile {
        name: Arc::from("test.yaml"),
        path: None,
        content: Ok(Bytes::Owned(yaml.as_bytes().to_vec())),
    }]);
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    loaded.catalog
}

pub fn ids(catalog: &Catalog, steps: &[CredentialIdx]) -> Vec<String> {
    steps
        .iter()
        .map(|&c| catalog.credential(c).id.to_string())
        .collect()
}

pub fn idx(catalog: &Catalog, id: &str) -> CredentialIdx {
    catalog.find_credential(id).expect("a fixture credential")
}
