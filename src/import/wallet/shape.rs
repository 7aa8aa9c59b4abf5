//! What a wallet's JSON objects are, by their `type`, and where they are in a file.

use serde_json::{Map, Value};

use crate::import::json::items;

/// What one JSON object is, by its `type` (else by its keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Assertion,
    BadgeCredential,
    Clr,
    Presentation,
    /// A `BadgeClass`, `Issuer` or `Profile`: read where an assertion names it.
    Described,
    Other,
}

pub fn shape(object: &Map<String, Value>) -> Shape {
    let kinds: Vec<&str> = items(object.get("type").or_else(|| object.get("@type")))
        .into_iter()
        .filter_map(Value::as_str)
        // `obi:Assertion`, `https://w3id.org/openbadges#Assertion`: the name after the prefix.
        .map(|kind| kind.rsplit(['#', ':', '/']).next().unwrap_or(kind))
        .collect();
    let is = |name: &str| kinds.contains(&name);
    if is("ClrCredential") {
        Shape::Clr
    } else if is("OpenBadgeCredential") || is("AchievementCredential") {
        Shape::BadgeCredential
    } else if is("Assertion") {
        Shape::Assertion
    } else if is("VerifiablePresentation") {
        Shape::Presentation
    } else if is("BadgeClass") || is("Issuer") || is("Profile") {
        Shape::Described
    } else if has(object, &["credentialSubject", "achievement"]) {
        // A credential typed only `VerifiableCredential` that awards an achievement.
        Shape::BadgeCredential
    } else if kinds.is_empty() && object.contains_key("badge") && object.contains_key("recipient") {
        // An assertion that leaves its type out, as hosted ones written before 2.0 do.
        Shape::Assertion
    } else {
        Shape::Other
    }
}

/// Whether `object` has a value at the path of keys.
fn has(object: &Map<String, Value>, path: &[&str]) -> bool {
    let mut at = Some(object);
    for key in path {
        let Some(value) = at.and_then(|object| object.get(*key)) else {
            return false;
        };
        at = value.as_object();
    }
    true
}

/// The objects at the top of a file: itself, or the items of a list, with their paths.
pub fn top_objects(value: &Value) -> Vec<(String, &Map<String, Value>)> {
    match value {
        Value::Object(object) => vec![(String::new(), object)],
        Value::Array(list) => list
            .iter()
            .enumerate()
            .filter_map(|(n, item)| Some((format!("[{n}]"), item.as_object()?)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The objects at the top of a file and, one level in, the ones a credential embeds.
pub fn objects(value: &Value) -> Vec<&Map<String, Value>> {
    let mut found = Vec::new();
    for (_, object) in top_objects(value) {
        found.push(object);
        for key in ["badge", "issuer"] {
            if let Some(Value::Object(inner)) = object.get(key) {
                found.push(inner);
                if let Some(Value::Object(issuer)) = inner.get("issuer") {
                    found.push(issuer);
                }
            }
        }
    }
    found
}
