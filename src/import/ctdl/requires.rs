//! `requires` and `recommends` condition profiles to requirement items: targets inside the
//! import become references, the rest is described in words in the description.

use serde_json::Value;

use super::json::get;
use super::{Context, Resource};
use crate::catalog::format::AtomSpec;
use crate::catalog::format::RequirementSpec;
use crate::import::json::{child, items, text};

const TARGETS: [&str; 3] = [
    "targetCredential",
    "targetAssessment",
    "targetLearningOpportunity",
];

/// One condition profile, read: the references it resolved, and what it says in words.
struct Condition {
    resolved: Vec<String>,
    unresolved: usize,
    words: Vec<String>,
}

/// The requirement items of the `key` profiles (`requires` or `recommends`). Several
/// profiles, and each one's `alternativeCondition`s, are alternative routes: one `any`. A route that cannot be written as
/// references (an outside target, only text) is described in `notes` instead.
pub(super) fn conditions(
    context: &mut Context,
    resource: &Resource,
    key: &str,
    notes: &mut Vec<String>,
) -> Vec<RequirementSpec> {
    let own = context.resolve(resource.graph, &Value::Object(resource.node.clone()));
    let mut read = Vec::new();
    for (n, profile) in items(get(resource.node, key)).into_iter().enumerate() {
        let path = format!("{key}[{n}]");
        let Some(profile) = context.follow(resource.graph, profile).cloned() else {
            continue;
        };
        read.push(read_condition(
            context,
            resource,
            &path,
            &profile,
            own.as_ref(),
        ));
        // A profile's `alternativeCondition`s are further routes beside it.
        for (m, alternative) in items(get(&profile, "alternativeCondition"))
            .into_iter()
            .enumerate()
        {
            let Some(alternative) = context.follow(resource.graph, alternative).cloned() else {
                continue;
            };
            read.push(read_condition(
                context,
                resource,
                &format!("{path}.alternativeCondition[{m}]"),
                &alternative,
                own.as_ref(),
            ));
        }
    }
    let heading = if key == "requires" {
        "Requires"
    } else {
        "Recommends"
    };
    let expressible = |c: &Condition| c.unresolved == 0 && !c.resolved.is_empty();
    let mut out = Vec::new();
    match read.as_slice() {
        [] => {}
        [only] => {
            out.extend(
                only.resolved
                    .iter()
                    .map(|r| RequirementSpec::One(AtomSpec::Credential(r.clone()))),
            );
            if !only.words.is_empty() {
                notes.push(format!(
                    "{heading} (from the Registry): {}.",
                    only.words.join("; ")
                ));
            }
        }
        several if several.iter().all(expressible) => {
            let routes = several.iter().map(|c| match c.resolved.as_slice() {
                [one] => RequirementSpec::One(AtomSpec::Credential(one.clone())),
                many => RequirementSpec::All(
                    many.iter()
                        .map(|r| RequirementSpec::One(AtomSpec::Credential(r.clone())))
                        .collect(),
                ),
            });
            out.push(RequirementSpec::Any(routes.collect()));
        }
        several => {
            context.warn(resource.file, &child(&resource.path, key), "alternative routes that name resources outside the import or only text: described in words, not enforced");
            let routes: Vec<String> = several
                .iter()
                .map(|c| {
                    c.resolved
                        .iter()
                        .cloned()
                        .chain(c.words.iter().cloned())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect();
            notes.push(format!(
                "{heading} one of (from the Registry): {}.",
                routes.join(" | ")
            ));
        }
    }
    out
}

/// One profile: its targets resolved where they can be, its words and unresolved targets.
fn read_condition(
    context: &mut Context,
    resource: &Resource,
    path: &str,
    profile: &serde_json::Map<String, Value>,
    own: Option<&String>,
) -> Condition {
    let mut condition = Condition {
        resolved: Vec::new(),
        unresolved: 0,
        words: Vec::new(),
    };
    for field in ["name", "description", "experience"] {
        if let Some(words) =
            context.text(resource.file, &child(&resource.path, path), profile, field)
        {
            condition.words.push(words.trim_end_matches('.').to_owned());
        }
    }
    for target in TARGETS {
        for (t, value) in items(get(profile, target)).into_iter().enumerate() {
            match context.resolve(resource.graph, value) {
                Some(reference) if Some(&reference) != own => {
                    if !condition.resolved.contains(&reference) {
                        condition.resolved.push(reference);
                    }
                }
                Some(_) => {}
                None => {
                    let named = context
                        .follow(resource.graph, value)
                        .and_then(|node| get(node, "name").and_then(|v| text(v, context.lang)))
                        .or_else(|| value.as_str().map(str::to_owned))
                        .unwrap_or_else(|| "an unnamed resource".into());
                    context.warn(
                        resource.file,
                        &child(&resource.path, &format!("{path}.{target}[{t}]")),
                        &format!("`{named}` is not in the imported files; described in words (import it too to make it a reference)"),
                    );
                    condition.words.push(named);
                    condition.unresolved += 1;
                }
            }
        }
    }
    condition
}
