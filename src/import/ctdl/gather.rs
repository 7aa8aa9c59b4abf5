//! Gathering the input: each node filed as a resource or an organisation, providers
//! assigned, ids given, and the currency the catalog is written in.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::json::{get, types};
use super::map::{Role, chosen_price, currency_code, prices, role_of};
use super::{Context, ID_LANG, Organisation, Resource, slug};
use crate::import::json::{ctid_in, items, text};

/// Files `node` as a resource to import or an organisation, or warns that its type is unknown.
pub(super) fn classify<'a>(
    context: &mut Context,
    resources: &mut Vec<Resource<'a>>,
    organisations: &mut HashMap<String, Organisation>,
    (file, graph, path): (&'a str, usize, String),
    node: &'a Map<String, Value>,
) {
    let lang = context.lang;
    let names = types(node);
    let role = names.iter().find_map(|name| role_of(name));
    match role {
        Some(Role::Organisation) => {
            let organisation = Organisation {
                name: get(node, "name").and_then(|v| text(v, lang)),
                id_name: get(node, "name").and_then(|v| text(v, ID_LANG)),
                ctid: get(node, "ctid").and_then(Value::as_str).and_then(ctid_in),
                url: get(node, "subjectWebpage").and_then(|v| text(v, lang)),
            };
            for key in [
                node.get("@id").and_then(Value::as_str).map(str::to_owned),
                organisation.ctid.clone(),
            ]
            .into_iter()
            .flatten()
            {
                organisations.insert(key, organisation.clone());
            }
        }
        Some(Role::Credential(kind)) => resources.push(Resource {
            file,
            path,
            node,
            graph,
            kind,
            assessment: names.iter().any(|name| name == "AssessmentProfile"),
        }),
        None => {
            let helper = node
                .get("@id")
                .and_then(Value::as_str)
                .is_some_and(|id| id.starts_with("_:"));
            if !helper {
                let shown = if names.is_empty() {
                    "no `@type`".to_owned()
                } else {
                    format!("type `{}`", names.join("`, `"))
                };
                context.warn(
                    file,
                    &path,
                    &format!(
                        "{shown} is not a credential or learning opportunity upskill knows; skipped"
                    ),
                );
            }
        }
    }
}

/// The resource nodes of a document: the object itself, each `@graph` node, or each item of
/// a top-level list, with their paths.
pub(super) fn top_nodes(value: &Value) -> Vec<(String, &Map<String, Value>)> {
    match value {
        Value::Object(object) => match object.get("@graph") {
            Some(Value::Array(graph)) => graph
                .iter()
                .enumerate()
                .filter_map(|(n, node)| Some((format!("@graph[{n}]"), node.as_object()?)))
                .collect(),
            _ => vec![(String::new(), object)],
        },
        Value::Array(list) => list
            .iter()
            .enumerate()
            .filter_map(|(n, node)| Some((format!("[{n}]"), node.as_object()?)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Each resource's provider id and organisation: its `ownedBy`, else its `offeredBy`.
pub(super) fn assign_providers(
    context: &mut Context,
    resources: &[Resource],
    organisations: &HashMap<String, Organisation>,
) -> Vec<(String, Organisation)> {
    let mut chosen = Vec::new();
    for resource in resources {
        let owner = ["ownedBy", "offeredBy"]
            .iter()
            .flat_map(|key| items(get(resource.node, key)))
            .find_map(|value| organisation_of(context, resource.graph, value, organisations));
        let organisation = owner.unwrap_or_else(|| {
            context.warn(resource.file, &resource.path, "no `ownedBy` or `offeredBy` organisation; put under the provider `unknown-organisation`");
            Organisation { name: Some("Unknown organisation".into()), ..Organisation::default() }
        });
        chosen.push(organisation);
    }
    // One id per organisation (by CTID, else name), from its name; a clash takes the CTID.
    let key = |o: &Organisation| o.ctid.clone().or(o.id_name.clone()).unwrap_or_default();
    let mut by_key: BTreeMap<String, Organisation> = BTreeMap::new();
    for organisation in &chosen {
        by_key
            .entry(key(organisation))
            .or_insert_with(|| organisation.clone());
    }
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for (organisation_key, organisation) in &by_key {
        let base = organisation
            .id_name
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .or_else(|| organisation.ctid.as_deref().map(slug))
            .unwrap_or_else(|| "unknown-organisation".into());
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone(), organisation_key.clone());
        ids.insert(organisation_key.clone(), id);
    }
    chosen
        .into_iter()
        .map(|organisation| {
            (
                ids.get(&key(&organisation)).cloned().unwrap_or_default(),
                organisation,
            )
        })
        .collect()
}

pub(super) fn organisation_of(
    context: &Context,
    graph: usize,
    value: &Value,
    organisations: &HashMap<String, Organisation>,
) -> Option<Organisation> {
    let mut keys = Vec::new();
    if let Some(id) = value.as_str() {
        keys.push(id.to_owned());
    }
    let node = context.follow(graph, value);
    if let Some(node) = node {
        keys.extend(node.get("@id").and_then(Value::as_str).map(str::to_owned));
        keys.extend(get(node, "ctid").and_then(Value::as_str).map(str::to_owned));
    }
    if let Some(known) = keys.iter().find_map(|key| {
        organisations
            .get(key)
            .or_else(|| organisations.get(&ctid_in(key)?))
    }) {
        return Some(known.clone());
    }
    let ctid = keys.iter().find_map(|key| ctid_in(key));
    let name = node
        .and_then(|node| get(node, "name"))
        .and_then(|v| text(v, context.lang));
    let url = node
        .and_then(|node| get(node, "subjectWebpage"))
        .and_then(|v| text(v, context.lang));
    let id_name = node
        .and_then(|node| get(node, "name"))
        .and_then(|v| text(v, ID_LANG));
    (ctid.is_some() || name.is_some()).then_some(Organisation {
        name,
        id_name,
        ctid,
        url,
    })
}

/// Each resource's id within its provider, from its name; a clash takes a CTID suffix.
pub(super) fn assign_ids(
    context: &mut Context,
    resources: &[Resource],
    owners: &[(String, Organisation)],
) -> Vec<String> {
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::new();
    for (n, resource) in resources.iter().enumerate() {
        let name = get(resource.node, "name")
            .and_then(|v| text(v, ID_LANG))
            .unwrap_or_default();
        let ctid = get(resource.node, "ctid")
            .and_then(Value::as_str)
            .and_then(ctid_in)
            .or_else(|| {
                resource
                    .node
                    .get("@id")
                    .and_then(Value::as_str)
                    .and_then(ctid_in)
            });
        let base = Some(slug(&name))
            .filter(|s| !s.is_empty())
            .or_else(|| ctid.as_deref().map(slug))
            .unwrap_or_else(|| "credential".into());
        let provider = &owners[n].0;
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains_key(&format!("{provider}/{id}")) {
            id = format!("{base}-{k}");
            k += 1;
        }
        let global = format!("{provider}/{id}");
        taken.insert(global.clone(), n);
        for key in [
            resource
                .node
                .get("@id")
                .and_then(Value::as_str)
                .map(str::to_owned),
            ctid,
        ]
        .into_iter()
        .flatten()
        {
            context.refs.insert(key, global.clone());
        }
        ids.push(id);
    }
    ids
}

/// The currency most costs are in (USD when none says): one per import, as the catalog
/// format has one currency across files.
pub(super) fn main_currency(resources: &[Resource], lang: &str) -> String {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for resource in resources {
        let found = prices(get(resource.node, "estimatedCost"), lang);
        if let Some(code) = chosen_price(&found).and_then(|price| currency_code(&price.currency)) {
            *counts.entry(code).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map_or_else(|| "USD".to_owned(), |(code, _)| code.to_owned())
}
