//! The format types in a compact form for the parse store (see `catalog::cache::parsed`):
//! what parsing a file gave, kept so an unchanged file is not parsed again. YAML is only ever
//! read, so these encode for a binary format (postcard) and nothing else; a binary decoder
//! (one that is not human-readable) reads them back through [`deserialize_text`] and its
//! siblings, which `de` calls instead of the YAML grammar. What is read back was checked
//! and sanitized when the file was parsed, and the store's hashes say it is what was
//! written, so it is not checked again.

use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

use super::{AtomSpec, Measure, RequirementSpec, Sources, Text};

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl Serialize for Measure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.known().serialize(serializer)
    }
}

impl Measure {
    fn known(self) -> Option<f64> {
        match self {
            Measure::Known(value) => Some(value),
            Measure::Unknown => None,
        }
    }
}

impl Serialize for Sources {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A requirement as stored: the same variants in the same order as [`RequirementSpec`], whose
/// own encoding is this one's.
#[derive(Serialize, Deserialize)]
enum Requirement {
    One(AtomSpec),
    Any(Vec<RequirementSpec>),
    All(Vec<RequirementSpec>),
}

impl Serialize for RequirementSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (index, variant) = match self {
            RequirementSpec::One(atom) => {
                return serializer.serialize_newtype_variant("Requirement", 0, "One", atom);
            }
            RequirementSpec::Any(items) => (1, ("Any", items)),
            RequirementSpec::All(items) => (2, ("All", items)),
        };
        serializer.serialize_newtype_variant("Requirement", index, variant.0, variant.1)
    }
}

pub(super) fn deserialize_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Text, D::Error> {
    String::deserialize(deserializer).map(Text)
}

pub(super) fn deserialize_measure<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Measure, D::Error> {
    Ok(Option::<f64>::deserialize(deserializer)?.map_or(Measure::Unknown, Measure::Known))
}

pub(super) fn deserialize_sources<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Sources, D::Error> {
    Vec::<Text>::deserialize(deserializer).map(Sources)
}

pub(super) fn deserialize_requirement<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<RequirementSpec, D::Error> {
    Ok(match Requirement::deserialize(deserializer)? {
        Requirement::One(atom) => RequirementSpec::One(atom),
        Requirement::Any(items) => RequirementSpec::Any(items),
        Requirement::All(items) => RequirementSpec::All(items),
    })
}

#[cfg(test)]
mod tests {
    use crate::catalog::format::CatalogFile;

    const FILE: &str = "format: 1\ncurrency: EUR\nprovider: {id: acme, name: Acme, url: 'https://acme.example', domains: [acme.example]}\ncredentials:\n  - id: a\n    title: A\n    kind: course\n    level: advanced\n    hours: 1.5\n    cost: unknown\n    skills: [x, y]\n    requires: [b, {skill: z}, {experience: {field: x, months: 6}}, {any: [b, {all: [c, {skill: q}]}]}]\n    recommends: [c]\n    valid_for_months: 24\n    source: https://acme.example/a\n    verified: 2025-01-02\n    same_as: [ce-1]\n    occupations: [{code: '15-1244.00', framework: O*NET-SOC, name: Admins}]\n  - {id: s, title: S, kind: badge, awarded_when: [a, b], while_parts_valid: true, retired: true, replaced_by: a, source: [one, two]}\nroles:\n  - {id: r, title: R, skills: [x], requires: [{any: [a, s]}], recommended: [y], description: D}\nskills:\n  - {id: x, name: X, aliases: [ex], same_as: ['http://example.org/x'], description: Xs}\n";

    #[test]
    fn a_parsed_file_reads_back_as_it_was_parsed() {
        let parsed: CatalogFile = crate::yaml::from_str(FILE).expect("parses");
        let bytes = postcard::to_allocvec(&parsed).expect("encodes");
        let back: CatalogFile = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(format!("{back:?}"), format!("{parsed:?}"));
        assert!(postcard::from_bytes::<CatalogFile>(&bytes[..bytes.len() - 1]).is_err());
    }
}
