//! `upskill import-ctdl`: Credential Registry data (CTDL JSON-LD) to catalog files, one per
//! provider. Pure: texts in, file texts and warnings out; the command reads and writes.
//! Every rule is in docs/importing.md.

mod entry;
mod gather;
pub mod json;
pub mod map;
mod requires;
mod write;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

pub use super::slug;
use crate::import::json::{child, ctid_in, text};
use gather::{assign_ids, assign_providers, classify, main_currency, top_nodes};
use json::{get, is_placeholder};
pub use write::MARKER;

use crate::catalog::format::Kind;

pub use super::Input;

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
