//! `upskill new provider ID` and `upskill new credential PROVIDER ID`: commented templates
//! an author fills in. The provider template is a whole file, with the schema modeline; the
//! credential template is one item to paste under a provider's `credentials:`. Both
//! validate as printed (a test holds them to it).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use super::usage;
use crate::catalog::is_id;
use crate::cli::{CatalogArgs, NewWhat};

pub fn run(out: &mut impl Write, catalogs: &CatalogArgs, what: &NewWhat) -> io::Result<ExitCode> {
    let today = crate::clock::today();
    match what {
        NewWhat::Provider { id, name } => {
            if let Some(refused) = refuse_id(id, "provider") {
                return usage(&refused);
            }
            let name = name.clone().unwrap_or_else(|| title_case(id));
            write!(out, "{}", provider_template(id, &name, today))?;
        }
        NewWhat::Credential { provider, id } => {
            if let Some(refused) =
                refuse_id(provider, "provider").or_else(|| refuse_id(id, "credential"))
            {
                return usage(&refused);
            }
            let loaded = super::load(catalogs);
            let known = loaded
                .catalog
                .providers
                .iter()
                .find(|known| known.id == *provider);
            // Where it goes is said on standard error, so `>> file` takes only the item.
            let note = match known {
                Some(known) => format!(
                    "upskill: paste this under `credentials:` in {} (provider `{provider}`)",
                    known.file
                ),
                None => format!(
                    "upskill: paste this under `credentials:` in the file of provider `{provider}`"
                ),
            };
            let mut err = io::stderr();
            writeln!(err, "{}", crate::text::sanitize_line(&note))?;
            if loaded
                .catalog
                .find_credential(&format!("{provider}/{id}"))
                .is_some()
            {
                writeln!(
                    err,
                    "upskill: `{provider}/{id}` is defined already; give the new credential another id"
                )?;
            }
            write!(out, "{}", credential_template(id, today))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Why `id` cannot be used, with the id it probably meant.
fn refuse_id(id: &str, what: &str) -> Option<String> {
    if is_id(id) {
        return None;
    }
    let fixed: String = id
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let hint = if is_id(&fixed) {
        format!(", like `{fixed}`")
    } else {
        String::new()
    };
    Some(format!(
        "`{id}` is not a valid {what} id: use lowercase letters and digits in words joined by single hyphens{hint}"
    ))
}

/// `acme-academy` -> `Acme Academy`, a starting point for the name.
fn title_case(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A whole catalog file for a new provider, with one credential to copy.
pub fn provider_template(id: &str, name: &str, today: jiff::civil::Date) -> String {
    let mut text = format!(
        "# yaml-language-server: $schema=./schema.json
#
# {id}.yaml: the credentials of {name}.
# Put `upskill schema > schema.json` beside this file for completion and inline errors
# in your editor, and check the file with `upskill validate --catalog {id}.yaml`.
# The format, field by field: docs/catalog-format.md.

"
    );
    text.push_str(&aligned(&[
        ("provider:", ""),
        (
            &format!("  id: {id}"),
            "lowercase kebab-case, unique; prefixes every credential id",
        ),
        (
            &format!("  name: {}", scalar(name)),
            "the name people know it by",
        ),
        (
            "  url: https://example.org/",
            "optional: the provider's home page",
        ),
        (
            "  domains: [example.org]",
            "optional: its official sites; sources and urls should be on them",
        ),
    ]));
    text.push_str("\ncredentials:\n");
    text.push_str(&credential_template("first-credential", today));
    text
}

/// One credential, as an item of `credentials:`, every field explained.
pub fn credential_template(id: &str, today: jiff::civil::Date) -> String {
    let mut text = aligned(&[
        (
            &format!("  - id: {id}"),
            "unique in its provider; other providers write provider/id",
        ),
        (
            "    title: Title of the credential",
            "the full title, with its exam code if it has one",
        ),
        (
            "    kind: course",
            "course, certificate, certification, badge, specialization or degree",
        ),
        (
            "    level: beginner",
            "optional: beginner, intermediate or advanced",
        ),
        (
            "    hours: 10",
            "learning hours to earn it, study plus exam (more than 0)",
        ),
        (
            "    cost: 0",
            "the price in the file's currency (USD unless `currency:`); 0 is free",
        ),
        (
            "    skills: [linux]",
            "the skill ids it teaches: `upskill show linux` shows one",
        ),
        (
            "    # requires: [other-id, {skill: networking}]",
            "hard prerequisites (see the guide)",
        ),
        (
            "    # recommends: [other-id]",
            "suggested preparation, never enforced",
        ),
        (
            "    # valid_for_months: 36",
            "leave out when it never expires",
        ),
        (
            "    format: online-self-paced",
            "free text: online-self-paced, exam, in-person...",
        ),
        (
            &format!("    url: https://example.org/{id}"),
            "the issuer's own page for it",
        ),
        (
            &format!("    source: https://example.org/{id}"),
            "where the facts (hours, cost, validity) come from",
        ),
        (
            &format!("    verified: {today}"),
            "the day a person checked those facts",
        ),
    ]);
    text.push_str(
        "    description: >-
      What it covers, how it is assessed and how it renews. Say \"estimated\" for any
      figure that is not firm.
",
    );
    text
}

/// `text` as a YAML value on one line: as it is when YAML reads it back the same, else in
/// single quotes (where nothing is an escape and a `'` is written twice).
fn scalar(text: &str) -> String {
    let text = crate::text::sanitize_line(text);
    let plain = !text.is_empty()
        && text.trim() == text
        && !text.contains(": ")
        && !text.contains(" #")
        && crate::yaml::to_json_value(&format!("v: {text}"))
            .is_ok_and(|value| value["v"] == serde_json::Value::String(text.to_string()));
    if plain {
        text.into_owned()
    } else {
        format!("'{}'", text.replace('\'', "''"))
    }
}

/// Lines of YAML with their comments lined up in one column.
fn aligned(lines: &[(&str, &str)]) -> String {
    let width = lines.iter().map(|(code, _)| code.len()).max().unwrap_or(0) + 2;
    let mut text = String::new();
    for (code, comment) in lines {
        if comment.is_empty() {
            let _ = writeln!(text, "{code}");
        } else {
            let _ = writeln!(text, "{code:width$}# {comment}");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_refused_with_the_id_meant() {
        assert_eq!(refuse_id("acme", "provider"), None);
        assert_eq!(
            refuse_id("Acme Academy", "provider").as_deref(),
            Some(
                "`Acme Academy` is not a valid provider id: use lowercase letters and digits in words joined by single hyphens, like `acme-academy`"
            )
        );
        assert_eq!(title_case("acme-academy"), "Acme Academy");
        assert_eq!(scalar("Acme Academy"), "Acme Academy");
        assert_eq!(scalar("Acme: Training #1"), "'Acme: Training #1'");
        assert_eq!(scalar("O'Reilly"), "O'Reilly");
        assert_eq!(scalar("'quoted'"), "'''quoted'''");
        assert_eq!(scalar("true"), "'true'");
        assert_eq!(scalar("2024"), "'2024'");
        assert_eq!(scalar("- dash"), "'- dash'");
    }
}
