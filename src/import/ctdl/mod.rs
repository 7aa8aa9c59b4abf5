//! `upskill import-ctdl`: Credential Registry data (CTDL JSON-LD) to catalog files, one per
//! provider. Pure: texts in, file texts and warnings out; the command reads and writes.
//! Every rule is in docs/importing.md.

mod entry;
mod gather;
pub mod json;
pub mod map;
mod renewal;
mod requires;
mod write;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

pub use super::slug;
use crate::import::json::{child, ctid_in, text};
use gather::{
    Record, assign_ids, assign_providers, classify, main_currency, resource_kind, top_nodes,
};
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

/// A credential-like resource of the file being mapped.
struct Resource<'a> {
    file: &'a str,
    path: String,
    node: &'a Map<String, Value>,
    graph: usize,
    kind: Kind,
    assessment: bool,
    /// For an assessment: the one credential whose `requires` names it as its exam.
    exam_for: Option<String>,
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
    /// The nodes of the document being read, by `@id`, to follow references such as
    /// `_:b0`: one document at a time, so graph 0.
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

    /// What a reference names a resource by: the address, its node's `@id` and CTID, and
    /// the CTIDs inside them.
    fn keys_of(&self, graph: usize, value: &Value) -> Vec<String> {
        let mut keys = Vec::new();
        if let Some(id) = value.as_str() {
            keys.push(id.to_owned());
        }
        if let Some(node) = self.follow(graph, value) {
            keys.extend(node.get("@id").and_then(Value::as_str).map(str::to_owned));
            keys.extend(get(node, "ctid").and_then(Value::as_str).map(str::to_owned));
        }
        let ctids: Vec<String> = keys.iter().filter_map(|key| ctid_in(key)).collect();
        keys.extend(ctids);
        keys
    }

    /// The global id of the imported resource `value` names, if it is one.
    fn resolve(&self, graph: usize, value: &Value) -> Option<String> {
        self.global_of(&self.keys_of(graph, value))
    }

    fn global_of(&self, keys: &[String]) -> Option<String> {
        keys.iter().find_map(|key| self.refs.get(key).cloned())
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
    let names: Vec<String> = inputs.iter().map(|input| input.name.clone()).collect();
    convert_files(&names, |n| Ok(inputs[n].text.clone()), lang)
}

/// Converts the files `names`, reading each with `read` (its text, or why it cannot be
/// read) twice: a first pass keeps only what ids, providers and references need, a second
/// maps each resource. Only one file's text and JSON are held at a time.
pub fn convert_files(
    names: &[String],
    mut read: impl FnMut(usize) -> Result<String, String>,
    lang: &str,
) -> Output {
    let mut context = Context {
        lang,
        graphs: Vec::new(),
        refs: HashMap::new(),
        warnings: Vec::new(),
    };
    let mut records: Vec<Record> = Vec::new();
    let mut places: Vec<(String, String)> = Vec::new();
    let mut per_file = vec![0usize; names.len()];
    let mut organisations: HashMap<String, Organisation> = HashMap::new();
    for (n, file) in names.iter().enumerate() {
        let Some(value) = parse(&mut context.warnings, file, read(n)) else {
            continue;
        };
        let before = records.len();
        with_document(&mut context, &value, |context, nodes| {
            if nodes.is_empty() {
                context.warn(
                    file,
                    "",
                    "no JSON-LD object here; give one resource or a `@graph` document",
                );
            }
            for (path, node) in nodes {
                let count = records.len();
                classify(
                    context,
                    &mut records,
                    &mut organisations,
                    (file, path),
                    node,
                );
                if records.len() > count {
                    places.push((file.clone(), path.clone()));
                }
            }
        });
        per_file[n] = records.len() - before;
    }
    let owners = assign_providers(&mut context, &records, &places, &organisations);
    let ids = assign_ids(&mut context, &records, &owners);
    let currency = main_currency(&records);
    let exams = own_exams(&context, &records, &owners, &ids);
    let mut providers: BTreeMap<String, (Organisation, Vec<write::Entry>)> = BTreeMap::new();
    let mut next = 0;
    for (n, file) in names.iter().enumerate() {
        let first = next;
        next += per_file[n];
        if per_file[n] == 0 {
            continue;
        }
        let mut quiet = Vec::new();
        let Some(value) = parse(&mut quiet, file, read(n)) else {
            context.warn(
                file,
                "",
                "could not be read again: it changed while importing; import again",
            );
            continue;
        };
        with_document(&mut context, &value, |context, nodes| {
            let mut r = first;
            for (path, node) in nodes {
                let Some((kind, assessment)) = resource_kind(node) else {
                    continue;
                };
                if r == next {
                    break;
                }
                let exam_for = exams.get(&r).cloned();
                let resource = Resource {
                    file,
                    path: path.clone(),
                    node,
                    graph: 0,
                    kind: if exam_for.is_some() {
                        Kind::Certification
                    } else {
                        kind
                    },
                    assessment,
                    exam_for,
                };
                let entry = entry::entry(context, &resource, &ids[r], &currency);
                let (provider, organisation) = &owners[r];
                providers
                    .entry(provider.clone())
                    .or_insert_with(|| (organisation.clone(), Vec::new()))
                    .1
                    .push(entry);
                r += 1;
            }
        });
    }
    Output {
        files: write::files(providers, &currency),
        warnings: context.warnings,
        credentials: records.len(),
    }
}

/// A file's JSON, or a warning that it is not JSON (or cannot be read).
fn parse(warnings: &mut Vec<String>, file: &str, text: Result<String, String>) -> Option<Value> {
    let text = match text {
        Ok(text) => text,
        Err(error) => {
            warnings.push(format!(
                "{file}: cannot be read ({error}); the file is skipped"
            ));
            return None;
        }
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(value) => Some(value),
        Err(error) => {
            warnings.push(format!(
                "{file}: not JSON ({error}); the file is skipped: give Credential Registry JSON-LD"
            ));
            None
        }
    }
}

/// Runs `work` over one document's resource nodes, with its `@graph` nodes to follow.
fn with_document(
    context: &mut Context,
    value: &Value,
    work: impl FnOnce(&mut Context<'_>, &[(String, &Map<String, Value>)]),
) {
    let nodes = top_nodes(value);
    let graph: HashMap<&str, &Map<String, Value>> = nodes
        .iter()
        .filter_map(|(_, node)| Some((node.get("@id")?.as_str()?, *node)))
        .collect();
    let mut document = Context {
        lang: context.lang,
        graphs: vec![graph],
        refs: std::mem::take(&mut context.refs),
        warnings: std::mem::take(&mut context.warnings),
    };
    work(&mut document, &nodes);
    context.refs = document.refs;
    context.warnings = document.warnings;
}

/// Each assessment that exactly one credential's `requires` targets: that credential's own
/// exam, by record index, to the credential's global id.
fn own_exams(
    context: &Context,
    records: &[Record],
    owners: &[(String, Organisation)],
    ids: &[String],
) -> HashMap<usize, String> {
    let mut index_of: HashMap<String, usize> = HashMap::new();
    for (n, record) in records.iter().enumerate() {
        if record.assessment {
            index_of.insert(format!("{}/{}", owners[n].0, ids[n]), n);
        }
    }
    let mut required_by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (n, record) in records.iter().enumerate().filter(|(_, r)| r.credential) {
        for keys in &record.exams {
            if let Some(&exam) = context.global_of(keys).and_then(|g| index_of.get(&g)) {
                let by = required_by.entry(exam).or_default();
                if !by.contains(&n) {
                    by.push(n);
                }
            }
        }
    }
    required_by
        .into_iter()
        .filter_map(|(exam, by)| match by.as_slice() {
            [only] => Some((exam, format!("{}/{}", owners[*only].0, ids[*only]))),
            _ => None,
        })
        .collect()
}
