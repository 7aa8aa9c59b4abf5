//! `upskill import-ctdl`: Credential Registry data (CTDL JSON-LD) to catalog files, one per
//! provider. Pure: texts in, file texts and warnings out; the command reads and writes.
//! Every rule is in docs/importing.md.

mod entry;
pub mod json;
pub mod map;
mod requires;
mod write;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use json::{child, ctid_in, get, is_placeholder, items, text, types};
use map::{Role, chosen_price, currency_code, prices, role_of};
pub use write::MARKER;

use crate::catalog::format::Kind;

/// One input file: the name warnings give, and its text.
pub struct Input {
    pub name: String,
    pub text: String,
}

/// The catalog files to write (file name to text) and what the reader should know.
#[derive(Debug, Default)]
pub struct Output {
    pub files: BTreeMap<String, String>,
    pub warnings: Vec<String>,
    pub credentials: usize,
}

/// A credential-like resource found in the input.
struct Resource<'a> {
    file: &'a str,
    path: String,
    node: &'a Map<String, Value>,
    graph: usize,
    kind: Kind,
    assessment: bool,
}

/// An organisation: its name (when the input gives one) and CTID.
#[derive(Default, Clone)]
struct Organisation {
    name: Option<String>,
    /// The name in English (else the first language), which ids come from.
    id_name: Option<String>,
    ctid: Option<String>,
    url: Option<String>,
}

/// The language ids are made from, whatever the user's: the same input gives the same ids
/// for everyone, so references between catalogs hold.
const ID_LANG: &str = "en";

/// What the importer knows while it maps resources.
struct Context<'a> {
    lang: &'a str,
    /// Per `@graph` document: its nodes by `@id`, to follow references such as `_:b0`.
    graphs: Vec<HashMap<&'a str, &'a Map<String, Value>>>,
    /// Each imported resource's `@id` and CTID to its global id.
    refs: HashMap<String, String>,
    warnings: Vec<String>,
}

impl Context<'_> {
    fn warn(&mut self, file: &str, path: &str, message: &str) {
        let at = if path.is_empty() { "(top)" } else { path };
        self.warnings.push(format!("{file}: {at}: {message}"));
    }

    /// Text at `key`, with a placeholder dropped and warned about.
    fn text(
        &mut self,
        file: &str,
        path: &str,
        node: &Map<String, Value>,
        key: &str,
    ) -> Option<String> {
        let found = get(node, key).and_then(|value| text(value, self.lang))?;
        if is_placeholder(&found) {
            self.warn(
                file,
                &child(path, key),
                &format!("placeholder text `{}` dropped", clip(&found, 80)),
            );
            return None;
        }
        Some(found)
    }

    /// The node a reference names: itself when embedded, else the `@graph` node with that `@id`.
    fn follow<'v>(&'v self, graph: usize, value: &'v Value) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(object) => match object.get("@id").and_then(Value::as_str) {
                Some(id) if object.len() == 1 => {
                    self.graphs.get(graph)?.get(id).copied().or(Some(object))
                }
                _ => Some(object),
            },
            Value::String(id) => self.graphs.get(graph)?.get(id.as_str()).copied(),
            _ => None,
        }
    }

    /// The global id of the imported resource `value` names, if it is one.
    fn resolve(&self, graph: usize, value: &Value) -> Option<String> {
        let mut keys = Vec::new();
        if let Some(id) = value.as_str() {
            keys.push(id.to_owned());
        }
        if let Some(node) = self.follow(graph, value) {
            keys.extend(node.get("@id").and_then(Value::as_str).map(str::to_owned));
            keys.extend(get(node, "ctid").and_then(Value::as_str).map(str::to_owned));
        }
        let ctids: Vec<String> = keys.iter().filter_map(|key| ctid_in(key)).collect();
        keys.into_iter()
            .chain(ctids)
            .find_map(|key| self.refs.get(&key).cloned())
    }
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Lowercase kebab-case of `text`, at most 48 characters; empty when it has no letter or digit.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Converts every input; the same inputs always give the same output, byte for byte.
pub fn convert(inputs: &[Input], lang: &str) -> Output {
    let mut warnings = Vec::new();
    let documents: Vec<(&str, Option<Value>)> = inputs
        .iter()
        .map(|input| match serde_json::from_str::<Value>(&input.text) {
            Ok(value) => (input.name.as_str(), Some(value)),
            Err(error) => {
                warnings.push(format!(
                    "{}: not JSON ({error}); the file is skipped: give Credential Registry JSON-LD",
                    input.name
                ));
                (input.name.as_str(), None)
            }
        })
        .collect();
    let mut context = Context {
        lang,
        graphs: Vec::new(),
        refs: HashMap::new(),
        warnings,
    };
    let mut resources = Vec::new();
    let mut organisations: HashMap<String, Organisation> = HashMap::new();
    for (file, value) in &documents {
        let Some(value) = value else { continue };
        let graph = context.graphs.len();
        let nodes = top_nodes(value);
        context.graphs.push(
            nodes
                .iter()
                .filter_map(|(_, node)| Some((node.get("@id")?.as_str()?, *node)))
                .collect(),
        );
        if nodes.is_empty() {
            context.warn(
                file,
                "",
                "no JSON-LD object here; give one resource or a `@graph` document",
            );
        }
        for (path, node) in nodes {
            classify(
                &mut context,
                &mut resources,
                &mut organisations,
                (file, graph, path),
                node,
            );
        }
    }
    let owners = assign_providers(&mut context, &resources, &organisations);
    let ids = assign_ids(&mut context, &resources, &owners);
    let currency = main_currency(&resources, lang);
    let mut providers: BTreeMap<String, (Organisation, Vec<write::Entry>)> = BTreeMap::new();
    for (n, resource) in resources.iter().enumerate() {
        let (provider, organisation) = &owners[n];
        let entry = entry::entry(&mut context, resource, &ids[n], &currency);
        providers
            .entry(provider.clone())
            .or_insert_with(|| (organisation.clone(), Vec::new()))
            .1
            .push(entry);
    }
    let mut output = Output {
        credentials: resources.len(),
        ..Output::default()
    };
    for (provider, (organisation, mut entries)) in providers {
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        let name = organisation
            .name
            .clone()
            .or(organisation.ctid.clone())
            .unwrap_or_else(|| provider.clone());
        output.files.insert(
            format!("{provider}.yaml"),
            write::file(
                &provider,
                &name,
                organisation.url.as_deref(),
                &currency,
                &entries,
            ),
        );
    }
    output.warnings = context.warnings;
    output
}

/// Files `node` as a resource to import or an organisation, or warns that its type is unknown.
fn classify<'a>(
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
fn top_nodes(value: &Value) -> Vec<(String, &Map<String, Value>)> {
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
fn assign_providers(
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

fn organisation_of(
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
fn assign_ids(
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
fn main_currency(resources: &[Resource], lang: &str) -> String {
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
