//! Reading CTDL JSON-LD leniently: keys with or without the `ceterms:` prefix, placeholders
//! and types. Text, lists and CTIDs are read as every importer reads them (`import::json`).

use serde_json::{Map, Value};

use crate::import::json::items;

/// `key` of `object`, written bare or with the `ceterms:` prefix (the prefixed one wins).
pub fn get<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    object
        .get(&format!("ceterms:{key}"))
        .or_else(|| object.get(key))
}

/// Placeholder text the Registry carries where a publisher wrote nothing, like
/// `*** COST PROFILE DESCRIPTION MISSING ***`.
pub fn is_placeholder(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.starts_with("***") && trimmed.ends_with("***")
        || trimmed.to_ascii_uppercase().contains("DESCRIPTION MISSING")
}

/// The `@type`s of a node, without the `ceterms:` prefix.
pub fn types(object: &Map<String, Value>) -> Vec<String> {
    items(object.get("@type"))
        .into_iter()
        .filter_map(Value::as_str)
        .map(|name| name.strip_prefix("ceterms:").unwrap_or(name).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prefixed_and_bare_keys_both_read() {
        let object = json!({"ceterms:name": "A", "description": "B"});
        let object = object.as_object().expect("an object");
        assert_eq!(get(object, "name"), Some(&json!("A")));
        assert_eq!(get(object, "description"), Some(&json!("B")));
    }

    #[test]
    fn registry_placeholders_are_recognised() {
        assert!(is_placeholder("*** COST PROFILE DESCRIPTION MISSING ***"));
        assert!(!is_placeholder("A real description"));
    }
}
