//! The canonical form of a catalog file, for `upskill fmt`: keys in the order the format
//! lists them (the order of docs/catalog-format.md and the schema), every line exactly as
//! written, with one blank line around the document's multi-line entries. Only whole
//! entries move (see [`crate::yaml::reorder`]), and a result that does not read back to the
//! same data with the same lines is never returned.

use crate::yaml;

/// The keys of each mapping, in canonical order.
pub const FILE_KEYS: &[&str] = &[
    "format",
    "currency",
    "provider",
    "credentials",
    "roles",
    "skills",
];
pub const PROVIDER_KEYS: &[&str] = &["id", "name", "url", "domains"];
pub const CREDENTIAL_KEYS: &[&str] = &[
    "id",
    "title",
    "kind",
    "level",
    "hours",
    "cost",
    "skills",
    "requires",
    "awarded_when",
    "while_parts_valid",
    "replaced_by",
    "recommends",
    "valid_for_months",
    "format",
    "url",
    "same_as",
    "occupations",
    "description",
    "source",
    "verified",
    "retired",
];
pub const ROLE_KEYS: &[&str] = &[
    "id",
    "title",
    "description",
    "skills",
    "requires",
    "recommended",
];
pub const SKILL_KEYS: &[&str] = &["id", "name", "description", "aliases", "same_as"];

/// The rank of `key` in the mapping at `path`; `None` for mappings with no canonical order
/// (requirements, experience), which are left as written.
pub fn order(path: &[&str], key: &str) -> Option<usize> {
    let keys = match path {
        [] => FILE_KEYS,
        ["provider"] => PROVIDER_KEYS,
        ["credentials", "-"] => CREDENTIAL_KEYS,
        ["roles", "-"] => ROLE_KEYS,
        ["skills", "-"] => SKILL_KEYS,
        _ => return None,
    };
    Some(
        keys.iter()
            .position(|known| *known == key)
            .unwrap_or(keys.len()),
    )
}

/// Why a file cannot be put in canonical form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("it has errors ({0}); fix them first (`upskill validate --catalog FILE` lists them)")]
    Invalid(String),
    #[error(
        "its keys could not be put in order without changing what it says (this formatter moves whole lines, and this file is laid out in a way it cannot move safely), so it is left as it is"
    )]
    Unsafe,
}

/// The canonical form of `text`, or `None` when it is in canonical form already.
pub fn format(text: &str) -> Result<Option<String>, Refused> {
    let before = yaml::to_json_value(text).map_err(|error| Refused::Invalid(error.to_string()))?;
    if let Err(failure) = yaml::from_str::<super::format::CatalogFile>(text) {
        let first = failure
            .errors
            .first()
            .map_or_else(|| "it cannot be read".to_owned(), ToString::to_string);
        return Err(Refused::Invalid(first));
    }
    let formatted = yaml::reorder::reorder(text, &order);
    if formatted == text {
        return Ok(None);
    }
    let after = yaml::to_json_value(&formatted).map_err(|_| Refused::Unsafe)?;
    if after != before || lines(text) != lines(&formatted) {
        return Err(Refused::Unsafe);
    }
    Ok(Some(formatted))
}

/// Every non-blank line, trimmed and without a list dash, sorted: what reordering entries
/// must keep, comments included.
pub fn lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text
        .lines()
        .map(|line| {
            let line = line.trim();
            line.strip_prefix("- ").unwrap_or(line)
        })
        .filter(|line| !line.is_empty())
        .collect();
    lines.sort_unstable();
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_go_in_the_format_order_and_comments_go_with_them() {
        let text = "# Acme\n\ncredentials:\n  # the first\n  - title: A  # shown\n    id: a\n    skills: [x]\n    cost: 0\n    hours: 1\n    kind: course\nprovider:\n  name: Acme\n  id: acme\nformat: 1\n";
        let formatted = format(text).expect("formats").expect("changed");
        assert_eq!(
            formatted,
            "# Acme\n\nformat: 1\n\nprovider:\n  id: acme\n  name: Acme\n\ncredentials:\n  # the first\n  - id: a\n    title: A  # shown\n    kind: course\n    hours: 1\n    cost: 0\n    skills: [x]\n"
        );
        assert_eq!(format(&formatted), Ok(None), "idempotent");
    }

    /// Layouts a hand-written file has: each formats to the same data with every line kept,
    /// a second time changes nothing, and one in canonical order already is left as it is.
    #[test]
    fn every_layout_formats_safely_and_once() {
        let item = "  - id: a\n    title: A\n    kind: course\n    hours: 1\n    cost: 0\n    skills: [x]\n";
        let canonical = format!("provider: {{id: acme, name: Acme}}\n\ncredentials:\n{item}");
        for (text, changes) in [
            (canonical.replace('\n', "\r\n"), false),
            (canonical.trim_end().to_owned(), false),
            (format!("---\n{canonical}"), false),
            (
                canonical.replace("  - id: a\n    title: A\n", "  - title: A\n    id: a\n"),
                true,
            ),
            (
                format!(
                    "credentials:\n{}\nprovider: {{id: acme, name: Acme}}\n",
                    item.replace("\n  ", "\n").trim_start()
                ),
                true,
            ),
            (
                "\"provider\": {id: acme, name: Acme}\nformat: 1\n".to_owned(),
                true,
            ),
            (
                canonical.replace(
                    "    title: A\n",
                    "    description: |\n      trailing  \n      text\n    title: A\n",
                ),
                true,
            ),
            (
                canonical.replace(
                    "    title: A\n",
                    "    title: \"A\n      \u{3000}- part two\"\n",
                ),
                false,
            ),
        ] {
            let formatted = match format(&text) {
                Ok(Some(formatted)) => formatted,
                Ok(None) => {
                    assert!(!changes, "{text:?} should change");
                    continue;
                }
                Err(refused) => panic!("{text:?}: {refused}"),
            };
            assert!(
                changes,
                "{text:?} should be left as it is, gave {formatted:?}"
            );
            assert_eq!(lines(&formatted), lines(&text), "{text:?}");
            assert_eq!(
                yaml::to_json_value(&formatted).ok(),
                yaml::to_json_value(&text).ok(),
                "{text:?}"
            );
            assert_eq!(format(&formatted), Ok(None), "{formatted:?}");
        }
    }

    #[test]
    fn a_file_with_errors_is_refused() {
        assert!(matches!(format("provider: [\n"), Err(Refused::Invalid(_))));
        assert!(matches!(
            format("provider: {id: a, name: A}\ntitel: x\n"),
            Err(Refused::Invalid(_))
        ));
    }
}
