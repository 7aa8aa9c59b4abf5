//! The slow path taken only when a document fails to deserialize: each top-level entry, and
//! each item of each top-level list, is tried on its own, so one bad credential does not
//! hide the next, and the items that do deserialize are kept.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use super::tree::{Segment, Tree};
use super::{Error, Failure, friendly};

pub(super) fn collect<T: DeserializeOwned>(text: &str) -> Failure<T> {
    let mut failure = Failure {
        errors: Vec::new(),
        partial: None,
        dropped_ids: Vec::new(),
        repaired: Vec::new(),
    };
    let Ok(Value::Mapping(document)) = serde_yaml::from_str::<Value>(text) else {
        return failure;
    };
    let tree = Tree::parse(text);
    let mut found = Found {
        tree: &tree,
        errors: &mut failure.errors,
        seen: HashSet::new(),
    };

    // The document with every list emptied, minus the entries that fail on their own.
    let mut base = document.clone();
    for value in base.values_mut() {
        if value.is_sequence() {
            *value = Value::Sequence(Vec::new());
        }
    }
    let mut removed: Vec<String> = Vec::new();
    let base_usable = loop {
        let Err(error) = attempt::<T>(&base) else {
            break true;
        };
        let first_key = error
            .path()
            .iter()
            .next()
            .and_then(|segment| match segment {
                serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                _ => None,
            });
        let consequence_of_removal = removed
            .iter()
            .any(|key| error.inner().to_string().contains(&format!("`{key}`")));
        if !consequence_of_removal {
            found.record(&error, None);
        }
        match first_key {
            Some(key) if base.remove(key.as_str()).is_some() => removed.push(key),
            _ => break false,
        }
    };
    if !base_usable {
        return failure;
    }

    let mut kept = base.clone();
    for (key, value) in &document {
        let (Some(name), Value::Sequence(items)) = (key.as_str(), value) else {
            continue;
        };
        if !base.contains_key(name) {
            continue;
        }
        let mut survivors = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match probe_item::<T>(&base, key, item, &mut |error| {
                found.record(error, Some((name, index)));
            }) {
                Some((repaired, removed)) => {
                    if let Some(id) = repaired.get("id").and_then(Value::as_str)
                        && !removed.is_empty()
                    {
                        failure.repaired.push((id.to_owned(), removed));
                    }
                    survivors.push(repaired);
                }
                None => {
                    if let Some(id) = item.get("id").and_then(Value::as_str) {
                        failure.dropped_ids.push(id.to_owned());
                    }
                }
            }
        }
        kept.insert(key.clone(), Value::Sequence(survivors));
    }
    failure.partial = attempt::<T>(&kept).ok();
    failure
}

/// The most errors looked for in one item.
const ITEM_ERRORS: usize = 32;

/// Tries one list item on its own. Each error is recorded, and the field it is in is
/// taken out (a required one replaced by a stand-in) so the next try finds the item's next
/// problem; the item without its bad fields comes back once it deserializes, so its other
/// fields are still checked by the merge, `None` if it never does (no `id`, or a stand-in
/// that does not fit).
fn probe_item<T: DeserializeOwned>(
    base: &Mapping,
    key: &Value,
    item: &Value,
    record: &mut dyn FnMut(&serde_path_to_error::Error<serde_yaml::Error>),
) -> Option<(Value, Vec<String>)> {
    let mut item = item.clone();
    let mut removed: Vec<String> = Vec::new();
    let mut stood_in: Vec<String> = Vec::new();
    for _ in 0..ITEM_ERRORS {
        let mut probe = base.clone();
        probe.insert(key.clone(), Value::Sequence(vec![item.clone()]));
        let Err(error) = attempt::<T>(&probe) else {
            return Some((item, removed));
        };
        let message = error.inner().to_string();
        if let Some(missing) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            // Taking a required field out makes it "missing": that is not another error,
            // and neither is the field a misspelt one (already reported with a suggestion)
            // stood for. Either way a stand-in takes its place, so the item's other fields
            // are still checked and every problem is reported in one run.
            // A merge key (`<<`, refused) was probably meant to bring the missing fields.
            let reported = removed.iter().any(|field| {
                field == "<<"
                    || field == missing
                    || crate::text::closest(field, [missing]).is_some()
            });
            if !reported {
                record(&error);
            }
            if missing == "id" || stood_in.iter().any(|field| field == missing) {
                return None;
            }
            item.as_mapping_mut()?
                .insert(Value::from(missing), stand_in(missing));
            stood_in.push(missing.to_owned());
            if !removed.iter().any(|field| field == missing) {
                removed.push(missing.to_owned());
            }
            continue;
        }
        // The field of the item the error is in: the path is [list, index, field, ...].
        let field = match error.path().iter().nth(2) {
            Some(serde_path_to_error::Segment::Map { key }) => Some(key.clone()),
            _ => None,
        };
        // A stand-in that does not fit is not the author's error.
        if field.as_ref().is_some_and(|field| stood_in.contains(field)) {
            return None;
        }
        record(&error);
        let field = field?;
        let mapping = item.as_mapping_mut()?;
        mapping.remove(field.as_str())?;
        removed.push(field);
    }
    None
}

/// What stands in for a required field that is missing or in error while the rest of its
/// item is checked. The item is in a file with errors, which is never planned over.
fn stand_in(field: &str) -> Value {
    match field {
        "kind" => Value::from("course"),
        _ => Value::from("?"),
    }
}

fn attempt<T: DeserializeOwned>(
    mapping: &Mapping,
) -> Result<T, serde_path_to_error::Error<serde_yaml::Error>> {
    serde_path_to_error::deserialize(Value::Mapping(mapping.clone()))
}

struct Found<'a> {
    tree: &'a Tree,
    errors: &'a mut Vec<Error>,
    seen: HashSet<(usize, usize, String)>,
}

impl Found<'_> {
    /// Records an error, located by its path; `item` maps a probe's one-item list back to the
    /// item's real index.
    fn record(
        &mut self,
        error: &serde_path_to_error::Error<serde_yaml::Error>,
        item: Option<(&str, usize)>,
    ) {
        let mut path: Vec<Segment<'_>> = Vec::new();
        for (depth, segment) in error.path().iter().enumerate() {
            match segment {
                serde_path_to_error::Segment::Map { key } => path.push(Segment::Key(key)),
                serde_path_to_error::Segment::Seq { index } => match item {
                    Some((_, real)) if depth == 1 => path.push(Segment::Index(real)),
                    _ => path.push(Segment::Index(*index)),
                },
                serde_path_to_error::Segment::Enum { .. }
                | serde_path_to_error::Segment::Unknown => {}
            }
        }
        let inner = error.inner().to_string();
        let about_key = inner.starts_with("unknown field") || inner.starts_with("duplicate field");
        let (position, shown) = if about_key {
            (
                self.tree.key_at(&path),
                &path[..path.len().saturating_sub(1)],
            )
        } else {
            (self.tree.value_at(&path), &path[..])
        };
        let message = match display_path(shown) {
            prefix if prefix.is_empty() => friendly(&inner),
            prefix => format!("{prefix}: {}", friendly(&inner)),
        };
        if self
            .seen
            .insert((position.line, position.column, message.clone()))
        {
            self.errors.push(Error { position, message });
        }
    }
}

/// The longest key a path shows whole.
const MAX_KEY_SHOWN: usize = 40;

/// `credentials[3].requires[1]`, the way `serde_yaml` writes paths in its own errors.
fn display_path(path: &[Segment<'_>]) -> String {
    let mut shown = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !shown.is_empty() {
                    shown.push('.');
                }
                // A key is the author's text: one line, and not a whole paragraph of it.
                let key = crate::text::sanitize_line(key);
                if key.chars().count() > MAX_KEY_SHOWN {
                    shown.extend(key.chars().take(MAX_KEY_SHOWN - 1));
                    shown.push('…');
                } else {
                    shown.push_str(&key);
                }
            }
            Segment::Index(index) => {
                let _ = write!(shown, "[{index}]");
            }
        }
    }
    shown
}
