//! What a catalog file that does not parse still tells: its provider and the ids of its
//! credentials, read off the lines, so that references into it from other files are known
//! to point somewhere and are not reported as unknown (the file's own error is the one to
//! fix). Only the usual shapes are read: `provider: {id: x, ...}` or a block `provider:`
//! with an `id:` line, and `- id: x` or `- {id: x, ...}` items under `credentials:`.

/// The ids a broken file declares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Declared {
    pub provider: String,
    pub credentials: Vec<String>,
}

/// The provider and credential ids `text` declares, if a provider id can be read.
pub fn declared(text: &str) -> Option<Declared> {
    let mut declared = Declared::default();
    let mut section = "";
    for line in text.lines() {
        let line = line.split(" #").next().unwrap_or(line).trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let top_level = !line.starts_with([' ', '\t', '-']);
        if top_level {
            let (key, rest) = line.split_once(':').unwrap_or((line, ""));
            section = match key.trim() {
                "provider" => "provider",
                "credentials" => "credentials",
                _ => "",
            };
            if section == "provider"
                && let Some(id) = id_in(rest)
            {
                declared.provider = id;
            }
            continue;
        }
        match section {
            "provider" if declared.provider.is_empty() => {
                if let Some(id) = line.trim_start().strip_prefix("id:").and_then(plain_id) {
                    declared.provider = id;
                }
            }
            "credentials" => {
                let item = line.trim_start();
                if let Some(rest) = item.strip_prefix("- ") {
                    let rest = rest.trim_start();
                    let id = rest
                        .strip_prefix("id:")
                        .and_then(plain_id)
                        .or_else(|| rest.strip_prefix('{').and_then(id_in));
                    declared.credentials.extend(id);
                }
            }
            _ => {}
        }
    }
    (!declared.provider.is_empty()).then_some(declared)
}

/// The value of `id:` in a flow mapping's text, like ` {id: acme, name: Acme}`.
fn id_in(text: &str) -> Option<String> {
    let text = text.trim_start().trim_start_matches('{');
    text.split(',')
        .find_map(|entry| entry.trim().strip_prefix("id:"))
        .and_then(|value| plain_id(value.trim_end_matches('}')))
}

/// An id as written after `id:`, unquoted; `None` unless it is a valid id.
fn plain_id(value: &str) -> Option<String> {
    let value = value.trim().trim_matches(['"', '\'']);
    super::is_id(value).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_from_a_file_that_does_not_parse() {
        let text = "# riverside\nprovider: {id: riverside-bootcamp, name: Riverside}\ncredentials:\n  - id: sre-capstone\n    title: SRE\n     hours: 10\n  - {id: \"intro\", title: Intro}\n  - title: no id first\n    id: later\nroles:\n  - id: not-a-credential\n";
        assert_eq!(
            declared(text),
            Some(Declared {
                provider: "riverside-bootcamp".into(),
                credentials: vec!["sre-capstone".into(), "intro".into()],
            })
        );
    }

    #[test]
    fn a_block_provider_is_read_and_a_file_without_one_gives_nothing() {
        let text = "provider:\n  name: Acme\n  id: acme # ours\ncredentials:\n- id: a\n";
        assert_eq!(
            declared(text).map(|d| (d.provider, d.credentials)),
            Some(("acme".into(), vec!["a".into()]))
        );
        assert_eq!(declared("skills:\n  - id: linux\n"), None);
        assert_eq!(declared("provider: {id: Not An Id}\n"), None);
    }
}
