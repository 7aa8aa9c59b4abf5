//! Reading JSON-LD leniently, as every importer does: one value or a list of them, text as a
//! string or a language map, a path for every warning, and CTIDs wherever they appear.

use serde_json::{Map, Value};

/// A value that may be one item or a list, as items.
pub fn items(value: Option<&Value>) -> Vec<&Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(other) => vec![other],
    }
}

/// The path to `key` under `path`.
pub fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Text: a string, or the best entry of a language map (`{"en": .., "en-US": ..}`) for
/// `lang`: the user's exact language, then the same language in any region, then English,
/// then the first entry. A list gives its first text.
pub fn text(value: &Value, lang: &str) -> Option<String> {
    let found = match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Array(list) => list.iter().find_map(|item| text(item, lang)),
        Value::Object(map) => {
            if let Some(inner) = map.get("@value") {
                return text(inner, lang);
            }
            language_entry(map, lang)
        }
        _ => None,
    }?;
    let trimmed = found.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn language_entry(map: &Map<String, Value>, lang: &str) -> Option<String> {
    let wanted = lang.to_ascii_lowercase();
    let primary = wanted.split('-').next().unwrap_or_default().to_owned();
    let tag = |key: &str| key.to_ascii_lowercase().replace('_', "-");
    let pick = |matches: &dyn Fn(&str) -> bool| {
        map.iter()
            .filter(|(key, _)| matches(&tag(key)))
            .find_map(|(_, value)| value.as_str().map(str::to_owned))
    };
    let same_primary = |key: &str, want: &str| key == want || key.starts_with(&format!("{want}-"));
    (!wanted.is_empty())
        .then(|| pick(&|key| key == wanted))
        .flatten()
        .or_else(|| {
            (!primary.is_empty())
                .then(|| pick(&|key| same_primary(key, &primary)))
                .flatten()
        })
        .or_else(|| pick(&|key| same_primary(key, "en")))
        .or_else(|| {
            map.values()
                .find_map(|value| value.as_str().map(str::to_owned))
        })
}

/// The user's language, from the locale variables in POSIX order of precedence.
pub fn user_language() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map(|locale| language_of_locale(&locale))
        .unwrap_or_default()
}

/// The language tag of a POSIX locale such as `fr_CA.UTF-8` (`fr-CA`); empty for `C`/`POSIX`.
pub fn language_of_locale(locale: &str) -> String {
    let tag = locale
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-");
    if tag.eq_ignore_ascii_case("c") || tag.eq_ignore_ascii_case("posix") {
        String::new()
    } else {
        tag
    }
}

/// The CTID a node or a Registry address names: `ce-` and a UUID.
pub fn ctid_in(text: &str) -> Option<String> {
    let at = text.rfind("ce-")?;
    let ctid = &text[at..];
    let valid = ctid.len() == 39 && ctid[3..].chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    valid.then(|| ctid.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_language_map_gives_the_users_language_then_english_then_the_first() {
        let map = json!({"de": "Zertifikat", "en-US": "Certificate", "fr": "Certificat"});
        assert_eq!(text(&map, "fr-CA").as_deref(), Some("Certificat"));
        assert_eq!(text(&map, "es").as_deref(), Some("Certificate"));
        assert_eq!(
            text(&json!({"de": "Zertifikat"}), "es").as_deref(),
            Some("Zertifikat")
        );
        assert_eq!(text(&json!("plain"), "fr").as_deref(), Some("plain"));
    }

    #[test]
    fn a_locale_becomes_a_language_tag() {
        assert_eq!(language_of_locale("fr_CA.UTF-8"), "fr-CA");
        assert_eq!(language_of_locale("C"), "");
    }

    #[test]
    fn a_ctid_is_found_in_a_registry_address() {
        let address = "https://credentialengineregistry.org/resources/ce-0a1b2c3d-0000-4000-8000-00000000000f";
        assert_eq!(
            ctid_in(address).as_deref(),
            Some("ce-0a1b2c3d-0000-4000-8000-00000000000f")
        );
        assert_eq!(ctid_in("ce-short"), None);
    }
}
