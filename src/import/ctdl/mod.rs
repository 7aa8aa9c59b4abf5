//! `upskill import-ctdl`: Credential Registry data (CTDL JSON-LD) to catalog files, one per
//! provider. Pure: texts in, file texts and warnings out; the command reads and writes.
//! Every rule is in docs/importing.md.

mod assign;
mod convert;
mod entry;
mod gather;
pub mod json;
pub mod map;
mod occupations;
mod renewal;
mod requires;
mod store;
mod write;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

pub use super::slug;
use crate::import::json::{child, ctid_in, text};
pub use convert::convert_files;
use json::{get, is_placeholder};
pub use store::{CatalogFile, EntryStore, Kept, Spill};
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

/// The catalog files to write, their entries waiting in a store, and what the reader
/// should know.
#[derive(Debug)]
pub struct Converted {
    /// One per provider, in file-name order.
    pub files: Vec<CatalogFile>,
    pub warnings: Vec<String>,
    pub credentials: usize,
}

impl Converted {
    /// Every file's text, put together from `store`.
    pub fn into_output(self, store: &mut impl EntryStore) -> std::io::Result<Output> {
        let mut files = BTreeMap::new();
        for file in &self.files {
            let mut text = Vec::new();
            file.write(store, &mut text)?;
            files.insert(
                file.name.clone(),
                String::from_utf8(text).map_err(std::io::Error::other)?,
            );
        }
        Ok(Output {
            files,
            warnings: self.warnings,
            credentials: self.credentials,
        })
    }
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
#[derive(Default, Clone, PartialEq, Eq, Hash)]
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
    /// Each imported resource's `@id` and CTID to its record (its place in the first pass).
    refs: HashMap<Box<str>, u32>,
    /// Each record's global id, `provider/id`, once they are given.
    globals: Vec<Box<str>>,
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
        self.record_of(keys)
            .and_then(|record| self.globals.get(record))
            .map(ToString::to_string)
    }

    /// The record the first of `keys` that names one names.
    fn record_of(&self, keys: &[String]) -> Option<usize> {
        keys.iter()
            .find_map(|key| self.refs.get(key.as_str()))
            .map(|&record| record as usize)
    }
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Converts every input, in memory; the same inputs always give the same output, byte for
/// byte. `upskill import-ctdl` uses [`convert_files`] with a [`Spill`] instead.
pub fn convert(inputs: &[Input], lang: &str) -> Output {
    let names: Vec<String> = inputs.iter().map(|input| input.name.clone()).collect();
    let mut kept = Kept::default();
    convert_files(&names, |n| Ok(inputs[n].text.clone()), lang, &mut kept)
        .and_then(|converted| converted.into_output(&mut kept))
        .expect("entries kept in memory are always written")
}
