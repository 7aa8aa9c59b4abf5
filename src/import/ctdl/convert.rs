//! The two passes over the input files, one file at a time: the first keeps small facts
//! (see `gather`), the second maps each resource and hands its entry's text to a store, so
//! no more than one file's text and JSON is held at once, however large the import.

use std::collections::{BTreeMap, HashMap};
use std::io;

use serde_json::{Map, Value};

use super::assign::{Providers, assign_ids, assign_providers, main_currency};
use super::gather::{Facts, NodePath, Place, Record, classify, resource_kind, top_nodes};
use super::store::{CatalogFile, EntryStore};
use super::{Context, Converted, Resource, entry, write};
use crate::catalog::format::Kind;

/// Converts the files `names`, reading each with `read` (its text, or why it cannot be
/// read) twice: a first pass keeps only what ids, providers and references need, a second
/// maps each resource and gives its entry's text to `store`. Only one file's text and JSON
/// are held at a time. An error is the store's.
pub fn convert_files(
    names: &[String],
    mut read: impl FnMut(usize) -> Result<String, String>,
    lang: &str,
    store: &mut impl EntryStore,
) -> io::Result<Converted> {
    let mut context = Context {
        lang,
        graphs: Vec::new(),
        refs: HashMap::new(),
        globals: Vec::new(),
        warnings: Vec::new(),
    };
    let mut facts = Facts::new();
    let mut per_file = vec![0usize; names.len()];
    for (n, file) in names.iter().enumerate() {
        let Some(value) = parse(&mut context.warnings, file, read(n)) else {
            continue;
        };
        let before = facts.records.len();
        with_document(&mut context, &value, |context, nodes| {
            if nodes.is_empty() {
                context.warn(
                    file,
                    "",
                    "no JSON-LD object here; give one resource or a `@graph` document",
                );
            }
            for (path, node) in nodes {
                let place = Place {
                    n,
                    file,
                    path: *path,
                };
                classify(context, &mut facts, &place, node);
            }
            Ok(())
        })?;
        per_file[n] = facts.records.len() - before;
    }
    let providers = assign_providers(&mut context, &facts, names);
    assign_ids(&mut context, &facts.records, &providers);
    let currency = main_currency(&facts.records);
    let exams = own_exams(&context, &facts.records);
    let credentials = facts.records.len();
    // What the second pass needs is in `context`, `providers` and `exams`.
    drop(facts);
    let mut mapped = vec![false; credentials];
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
                    path: path.to_string(),
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
                let provider = providers.of(r).0;
                let id = context.globals[r][provider.len() + 1..].to_owned();
                let entry = entry::entry(context, &resource, &id, &currency);
                store.keep(r, &write::entry_text(&entry))?;
                mapped[r] = true;
                r += 1;
            }
            Ok(())
        })?;
    }
    Ok(Converted {
        files: catalog_files(&context, &providers, &mapped, &currency),
        warnings: context.warnings,
        credentials,
    })
}

/// Each provider's file: its records that were mapped, in id order, under the organisation
/// of the first of them mapped.
fn catalog_files(
    context: &Context,
    providers: &Providers,
    mapped: &[bool],
    currency: &str,
) -> Vec<CatalogFile> {
    let mut by_provider: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for r in (0..mapped.len()).filter(|&r| mapped[r]) {
        let index = u32::try_from(r).unwrap_or(u32::MAX);
        by_provider
            .entry(providers.of(r).0)
            .or_default()
            .push(index);
    }
    by_provider
        .into_iter()
        .map(|(provider, mut records)| {
            let organisation = providers.of(records[0] as usize).1;
            // Ids are distinct within a provider, so the order is total.
            records.sort_by(|&a, &b| context.globals[a as usize].cmp(&context.globals[b as usize]));
            CatalogFile {
                name: format!("{provider}.yaml"),
                header: write::header(provider, organisation, currency),
                records,
            }
        })
        .collect()
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
    work: impl FnOnce(&mut Context<'_>, &[(NodePath, &Map<String, Value>)]) -> io::Result<()>,
) -> io::Result<()> {
    let nodes = top_nodes(value);
    let graph: HashMap<&str, &Map<String, Value>> = nodes
        .iter()
        .filter_map(|(_, node)| Some((node.get("@id")?.as_str()?, *node)))
        .collect();
    let mut document = Context {
        lang: context.lang,
        graphs: vec![graph],
        refs: std::mem::take(&mut context.refs),
        globals: std::mem::take(&mut context.globals),
        warnings: std::mem::take(&mut context.warnings),
    };
    let done = work(&mut document, &nodes);
    context.refs = document.refs;
    context.globals = document.globals;
    context.warnings = document.warnings;
    done
}

/// Each assessment that exactly one credential's `requires` targets: that credential's own
/// exam, by record index, to the credential's global id.
fn own_exams(context: &Context, records: &[Record]) -> HashMap<usize, String> {
    let mut required_by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (n, record) in records.iter().enumerate().filter(|(_, r)| r.credential) {
        for keys in &record.exams {
            if let Some(exam) = context
                .record_of(keys)
                .filter(|&exam| records[exam].assessment)
            {
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
            [only] => Some((exam, context.globals[*only].to_string())),
            _ => None,
        })
        .collect()
}
