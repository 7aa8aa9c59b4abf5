//! The app's first look at a large catalog: what its first frame and its catalog list need
//! of each credential (id, title, provider, kind, level, hours, cost, file), stored in a
//! cache file of its own beside the app's whole entry. It is laid out to decode in a few
//! large copies: every id and title in one string, and each credential's other fields in a
//! row of fixed parts, so a million credentials decode without a million small decodes. The
//! app draws from it while the whole catalog decodes on another thread.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::entry::{self, Key, WriteFailure};
use crate::catalog::{
    Amount, Catalog, Credential, Kind, LeftOut, Level, Loaded, Problem, Provider, ProviderIdx,
    SourceFile, Unknowns,
};

/// What is stored: the catalog's currency and providers whole, the credentials as text and
/// rows, and every problem and file left out, as the whole entry has them.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    currency: &'a str,
    providers: Vec<Provider>,
    /// The names of the files the credentials come from; a row gives its file's place here.
    #[serde(borrow)]
    files: Vec<&'a str>,
    /// Every credential's id then its title, one after the other, in catalog order.
    #[serde(borrow)]
    text: &'a str,
    rows: Vec<Row>,
    problems: Vec<Problem>,
    left_out: Vec<LeftOut>,
}

/// One credential: where its id and title end in the text (each starts where the one
/// before it ends), and the fields the catalog list shows.
#[derive(Serialize, Deserialize)]
struct Row {
    id_end: u32,
    title_end: u32,
    provider: ProviderIdx,
    kind: Kind,
    level: Option<Level>,
    #[serde(with = "crate::catalog::amount::exact")]
    hours: Amount,
    #[serde(with = "crate::catalog::amount::exact")]
    cost: Amount,
    unknown: Unknowns,
    retired: bool,
    stack: bool,
    file: u32,
}

/// Writes the first look at `loaded` to `path` under `key`, atomically.
pub(super) fn write(path: &Path, key: &Key, loaded: &Loaded) -> Result<(), WriteFailure> {
    with_stored(loaded, |stored| entry::write_stored(path, key, stored))?
}

/// Calls `then` with what is stored of `loaded`.
fn with_stored<R>(loaded: &Loaded, then: impl FnOnce(&Stored<'_>) -> R) -> Result<R, WriteFailure> {
    let catalog = &loaded.catalog;
    let mut files: Vec<&str> = Vec::new();
    let mut file_of: HashMap<&str, u32> = HashMap::new();
    let mut text = String::new();
    let mut rows = Vec::with_capacity(catalog.credentials.len());
    for credential in &catalog.credentials {
        let file = *file_of.entry(&credential.file).or_insert_with(|| {
            files.push(&credential.file);
            (files.len() - 1) as u32
        });
        text.push_str(&credential.id);
        let id_end = u32::try_from(text.len()).map_err(|_| WriteFailure::Encode)?;
        text.push_str(&credential.title);
        let title_end = u32::try_from(text.len()).map_err(|_| WriteFailure::Encode)?;
        rows.push(Row {
            id_end,
            title_end,
            provider: credential.provider,
            kind: credential.kind,
            level: credential.level,
            hours: credential.hours,
            cost: credential.cost,
            unknown: credential.unknown,
            retired: credential.retired,
            stack: credential.stack,
            file,
        });
    }
    let stored = Stored {
        currency: &catalog.currency,
        providers: catalog.providers.clone(),
        files,
        text: &text,
        rows,
        problems: loaded.problems.clone(),
        left_out: loaded.left_out.clone(),
    };
    Ok(then(&stored))
}

/// The hash of what a first look stores for `loaded`.
#[cfg(test)]
pub(super) fn tests_stored_hash(loaded: &Loaded) -> u64 {
    with_stored(loaded, |stored| entry::tests_stored_hash_of(stored)).expect("encodes")
}

/// The first look stored at `path`, as a [`Loaded`] whose catalog holds only what the rows
/// give (no skills, requirements, roles, indices or graph): `None` when the entry is not
/// whole, not of this program and format, or not under `key`.
pub(super) fn read(path: &Path, key: &Key, files: &[SourceFile]) -> Option<Loaded> {
    let bytes = entry::read_bytes(path, key)?;
    let stored: Stored<'_> = postcard::from_bytes(bytes.stored()).ok()?;
    let names: HashMap<&str, &Arc<str>> =
        files.iter().map(|file| (&*file.name, &file.name)).collect();
    let shared: Vec<Arc<str>> = stored
        .files
        .iter()
        .map(|name| {
            names
                .get(name)
                .map_or_else(|| Arc::from(*name), |&name| Arc::clone(name))
        })
        .collect();
    // Checked first, so that making the credentials cannot fail and they are made in place.
    let text = stored.text;
    let mut start = 0;
    for row in &stored.rows {
        let (id_end, title_end) = (row.id_end as usize, row.title_end as usize);
        let whole = start <= id_end
            && id_end <= title_end
            && text.is_char_boundary(start)
            && text.is_char_boundary(id_end)
            && text.is_char_boundary(title_end)
            && row.provider.index() < stored.providers.len()
            && (row.file as usize) < shared.len();
        if !whole {
            return None;
        }
        start = title_end;
    }
    let rows = &stored.rows;
    let credentials: Vec<Credential> = rows
        .par_iter()
        .enumerate()
        .map(|(i, row)| {
            let start = if i == 0 {
                0
            } else {
                rows[i - 1].title_end as usize
            };
            Credential {
                id: text[start..row.id_end as usize].to_owned(),
                provider: row.provider,
                title: text[row.id_end as usize..row.title_end as usize].to_owned(),
                kind: row.kind,
                level: row.level,
                hours: row.hours,
                cost: row.cost,
                unknown: row.unknown,
                skills: Vec::new(),
                requires: Vec::new(),
                recommends: Vec::new(),
                valid_for_months: None,
                delivery: None,
                url: None,
                same_as: Vec::new(),
                occupations: Vec::new(),
                description: None,
                sources: Vec::new(),
                verified: None,
                retired: row.retired,
                stack: row.stack,
                while_parts_valid: false,
                replaced_by: None,
                file: Arc::clone(&shared[row.file as usize]),
            }
        })
        .collect();
    let catalog = Catalog {
        currency: stored.currency.to_owned(),
        providers: stored.providers,
        credentials,
        ..Catalog::default()
    };
    Some(entry::restore(
        catalog,
        stored.problems,
        stored.left_out,
        files,
        true,
    ))
}
