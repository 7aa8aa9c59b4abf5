//! `occupationType` to `occupations`: each `CredentialAlignmentObject`'s `codedNotation` as the
//! code, `targetNodeName` as the name, and `frameworkName` (or the `framework` address) as the
//! framework, the well-known ones written short (`SOC`, `O*NET-SOC`, `ISCO-08`, `ESCO`).

use super::json::{get, is_placeholder};
use super::{Context, Resource, clip};
use crate::catalog::Occupation;
use crate::import::json::{child, items, text};

/// At most this many occupations a credential; the Registry lists a few.
const MOST: usize = 20;

pub(super) fn occupations(context: &mut Context, resource: &Resource) -> Vec<Occupation> {
    let (file, node) = (resource.file, resource.node);
    let key = child(&resource.path, "occupationType");
    let mut found: Vec<Occupation> = Vec::new();
    for (n, value) in items(get(node, "occupationType")).into_iter().enumerate() {
        let at = format!("{key}[{n}]");
        let read = |field: &str| {
            let object = context.follow(resource.graph, value)?;
            get(object, field)
                .and_then(|v| text(v, context.lang))
                .map(|t| clip(t.trim(), 200))
                .filter(|t| !t.is_empty() && !is_placeholder(t))
        };
        let occupation = if value.is_string() {
            Occupation {
                code: None,
                framework: None,
                name: text(value, context.lang)
                    .map(|t| clip(t.trim(), 200))
                    .filter(|t| !t.is_empty() && !is_placeholder(t)),
            }
        } else {
            Occupation {
                code: read("codedNotation"),
                framework: framework(read("frameworkName"), read("framework")),
                name: read("targetNodeName"),
            }
        };
        if occupation.code.is_none() && occupation.name.is_none() {
            context.warn(
                file,
                &at,
                "an occupation with neither `codedNotation` nor `targetNodeName`: left out",
            );
        } else if found.len() == MOST {
            context.warn(
                file,
                &at,
                &format!("more than {MOST} occupations: the rest are left out"),
            );
            break;
        } else if !found.contains(&occupation) {
            found.push(occupation);
        }
    }
    found
}

/// The framework as the catalog writes it: the well-known ones by their short names, others
/// by the name the Registry gives, else their address.
fn framework(name: Option<String>, address: Option<String>) -> Option<String> {
    let said = |needle: &str| {
        name.as_deref()
            .is_some_and(|name| name.to_lowercase().contains(needle))
            || address
                .as_deref()
                .is_some_and(|address| address.to_lowercase().contains(needle))
    };
    let known = if said("o*net") || said("onetcenter.org") || said("onetonline.org") {
        Some("O*NET-SOC")
    } else if said("standard occupational classification") || said("bls.gov/soc") {
        Some("SOC")
    } else if said("isco") {
        Some("ISCO-08")
    } else if said("esco") || said("data.europa.eu/esco") {
        Some("ESCO")
    } else {
        None
    };
    known.map(str::to_owned).or(name).or(address)
}

#[cfg(test)]
mod tests {
    use super::framework;

    #[test]
    fn well_known_frameworks_are_written_short() {
        let by_name = |name: &str| framework(Some(name.to_owned()), None);
        assert_eq!(
            by_name("Standard Occupational Classification").as_deref(),
            Some("SOC")
        );
        assert_eq!(by_name("O*NET OnLine").as_deref(), Some("O*NET-SOC"));
        assert_eq!(by_name("ISCO-08").as_deref(), Some("ISCO-08"));
        assert_eq!(
            framework(None, Some("https://www.bls.gov/soc/2018/".to_owned())).as_deref(),
            Some("SOC")
        );
        assert_eq!(by_name("A state list").as_deref(), Some("A state list"));
        assert_eq!(framework(None, None), None);
    }
}
