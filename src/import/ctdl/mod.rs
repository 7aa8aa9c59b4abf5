//! `upskill import-ctdl`: Credential Registry data (CTDL JSON-LD) to catalog files, one per
//! provider. Pure: texts in, file texts and warnings out; the command reads and writes.
//! Every rule is in docs/importing.md.

pub mod json;
pub mod map;
mod requires;
mod write;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use json::{child, ctid_in, get, is_placeholder, items, text, types};
use map::{Role, chosen_price, currency_code, duration_hours, prices, role_of};
pub use write::MARKER;

use crate::catalog::format::{Kind, MAX_COST, MAX_HOURS};

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
        let entry = entry(&mut context, resource, &ids[n], &currency);
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

/// One credential entry of the output.
fn entry(context: &mut Context, resource: &Resource, id: &str, currency: &str) -> write::Entry {
    let (file, path, node) = (resource.file, resource.path.as_str(), resource.node);
    let lang = context.lang;
    let mut notes = Vec::new();
    let title = context.text(file, path, node, "name").unwrap_or_else(|| {
        context.warn(file, path, "no `name`; the title is its id");
        id.to_owned()
    });
    if resource.assessment {
        notes
            .push("Imported from a CTDL assessment: the exam or assessment on its own.".to_owned());
    }
    let hours = hours(context, resource, &mut notes);
    let cost = cost(context, resource, currency, &mut notes);
    let mut skills: Vec<String> = Vec::new();
    for key in ["teaches", "subject", "keyword"] {
        for value in items(get(node, key)) {
            let label = value
                .as_object()
                .and_then(|o| get(o, "targetNodeName"))
                .and_then(|v| text(v, lang))
                .or_else(|| text(value, lang));
            if let Some(skill) = label.map(|label| slug(&label)).filter(|s| !s.is_empty())
                && !skills.contains(&skill)
                && skills.len() < 20
            {
                skills.push(skill);
            }
        }
    }
    if skills.is_empty() {
        context.warn(file, path, "no `subject`, `teaches` or `keyword`: given the skill `unclassified`; list the skills it teaches");
        skills.push("unclassified".into());
    }
    let requires = requires::conditions(context, resource, "requires", &mut notes);
    let recommends = requires::conditions(context, resource, "recommends", &mut notes);
    let ctid = get(node, "ctid")
        .and_then(Value::as_str)
        .and_then(ctid_in)
        .or_else(|| node.get("@id").and_then(Value::as_str).and_then(ctid_in));
    let url = context.text(file, path, node, "subjectWebpage");
    let mut description = context
        .text(file, path, node, "description")
        .into_iter()
        .collect::<Vec<_>>();
    description.extend(notes);
    write::Entry {
        id: id.to_owned(),
        title,
        kind: resource.kind,
        hours,
        cost,
        skills,
        requires,
        recommends,
        url,
        same_as: ctid.into_iter().collect(),
        description: (!description.is_empty()).then(|| description.join("\n\n")),
    }
}

fn hours(context: &mut Context, resource: &Resource, notes: &mut Vec<String>) -> f64 {
    let (file, node) = (resource.file, resource.node);
    let key = child(&resource.path, "estimatedDuration");
    for (n, profile) in items(get(node, "estimatedDuration"))
        .into_iter()
        .enumerate()
    {
        let Some(profile) = profile.as_object() else {
            continue;
        };
        for field in ["exactDuration", "maximumDuration", "minimumDuration"] {
            let Some(written) = get(profile, field).and_then(|v| text(v, context.lang)) else {
                continue;
            };
            match duration_hours(&written) {
                Some((hours, estimated)) if hours > 0.0 => {
                    let hours = hours.clamp(0.01, f64::from(MAX_HOURS));
                    if estimated {
                        notes.push(format!("Hours estimated by upskill from the Registry's duration {written}, at full-time study (8 hours a day, 40 a week, 160 a month, 1,600 a year)."));
                    }
                    return hours;
                }
                _ => context.warn(
                    file,
                    &format!("{key}[{n}].{field}"),
                    &format!(
                        "`{}` is not an ISO 8601 duration like PT40H or P5D; ignored",
                        clip(&written, 40)
                    ),
                ),
            }
        }
    }
    context.warn(
        file,
        &resource.path,
        "no usable `estimatedDuration`: hours written as 1, a placeholder; give the real hours",
    );
    notes.push("Hours unknown: the Registry gives no duration (1 is a placeholder).".into());
    1.0
}

fn cost(
    context: &mut Context,
    resource: &Resource,
    currency: &str,
    notes: &mut Vec<String>,
) -> f64 {
    let found = prices(get(resource.node, "estimatedCost"), context.lang);
    let key = child(&resource.path, "estimatedCost");
    // Read only to warn about placeholders: a cost's own description is not kept.
    for (n, profile) in items(get(resource.node, "estimatedCost"))
        .into_iter()
        .enumerate()
    {
        if let Some(object) = profile.as_object() {
            let _ = context.text(resource.file, &format!("{key}[{n}]"), object, "description");
        }
    }
    let Some(price) = chosen_price(&found) else {
        notes.push("Cost unknown: the Registry gives no price (0 is a placeholder).".into());
        return 0.0;
    };
    {
        {
            match currency_code(&price.currency) {
                Some(code) if code == currency => price.amount.min(f64::from(MAX_COST)),
                Some(code) => {
                    context.warn(
                        resource.file,
                        &format!("{key}[{}]", price.index),
                        &format!("a cost in {code} while this import is in {currency}: left out"),
                    );
                    notes.push(format!("Cost unknown in {currency}: the Registry gives {} {code} (0 is a placeholder).", price.amount));
                    0.0
                }
                None => {
                    context.warn(resource.file, &format!("{key}[{}].currency", price.index), &format!("unknown currency `{}`: cost left out; write it as an ISO 4217 code like USD", clip(&price.currency, 40)));
                    notes.push("Cost unknown: the Registry's currency is not recognised (0 is a placeholder).".into());
                    0.0
                }
            }
        }
    }
}
