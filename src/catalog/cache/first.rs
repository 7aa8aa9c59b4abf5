//! The app's first look at a large catalog: what its first frame and its catalog list need
//! of each credential (id, title, provider, kind, level, hours, cost, file), stored in a
//! cache file of its own beside the app's whole entry. It is laid out to decode in a few
//! large copies: every id and title in one string, and each credential's other fields in a
//! row of fixed parts, so a million credentials decode without a million small decodes. It is
//! read into a [`FirstLook`] of its own, the rows and the text as stored, so the app's first
//! frame makes nothing per credential; the app draws from it while the whole catalog decodes
//! on another thread.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::entry::{self, Key, WriteFailure};
use crate::catalog::{
    Amount, Catalog, CredentialIdx, Fingerprint, Kind, LeftOut, Level, Loaded, Problem, Provider,
    ProviderIdx, Unknowns,
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

/// One credential of a first look: where its id and title end in the text (each starts
/// where the one before it ends), and the fields the catalog list shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Row {
    id_end: u32,
    title_end: u32,
    pub provider: ProviderIdx,
    pub kind: Kind,
    pub level: Option<Level>,
    #[serde(with = "crate::catalog::amount::exact")]
    pub hours: Amount,
    #[serde(with = "crate::catalog::amount::exact")]
    pub cost: Amount,
    pub unknown: Unknowns,
    pub retired: bool,
    pub stack: bool,
    file: u32,
}

/// The app's first look at a large catalog: each credential's id, title and what the catalog
/// list shows, in catalog order, as stored (one string of every id and title, one row a
/// credential), so a million of them are a few large allocations, not millions of small
/// ones. The providers and currency are in the [`Loaded`] beside it.
#[derive(Default)]
pub struct FirstLook {
    text: String,
    rows: Vec<Row>,
    files: Vec<Arc<str>>,
}

// A million rows are no use in a debug print: how many there are is.
impl std::fmt::Debug for FirstLook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstLook")
            .field("credentials", &self.rows.len())
            .field("files", &self.files.len())
            .finish_non_exhaustive()
    }
}

impl FirstLook {
    /// How many credentials it lists.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Credential `idx`'s row (what the list shows, beside its id and title).
    pub fn row(&self, idx: CredentialIdx) -> &Row {
        &self.rows[idx.index()]
    }

    /// Credential `idx`'s global id (`provider/id`).
    pub fn id(&self, idx: CredentialIdx) -> &str {
        &self.text[self.start(idx.index())..self.rows[idx.index()].id_end as usize]
    }

    pub fn title(&self, idx: CredentialIdx) -> &str {
        let row = &self.rows[idx.index()];
        &self.text[row.id_end as usize..row.title_end as usize]
    }

    /// The name of the file credential `idx` comes from, shared with the load's files.
    pub fn file(&self, idx: CredentialIdx) -> &Arc<str> {
        &self.files[self.rows[idx.index()].file as usize]
    }

    /// Where row `i`'s id starts: where the row before it ends.
    fn start(&self, i: usize) -> usize {
        i.checked_sub(1)
            .map_or(0, |before| self.rows[before].title_end as usize)
    }
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

/// The first look stored at `path`, with a [`Loaded`] beside it that holds its problems,
/// files left out, currency and providers (no credentials, skills, roles or graph): `None`
/// when the entry is not whole, not of this program and format, not under `key`, or its rows
/// do not fit its text.
pub(super) fn read(path: &Path, key: &Key, print: &Fingerprint) -> Option<(Loaded, FirstLook)> {
    let bytes = entry::read_bytes(path, key)?;
    let stored: Stored<'_> = postcard::from_bytes(bytes.stored()).ok()?;
    let names: HashMap<&str, &Arc<str>> = (print.files().iter())
        .map(|file| (&*file.name, &file.name))
        .collect();
    let shared: Vec<Arc<str>> = stored
        .files
        .iter()
        .map(|name| {
            names
                .get(name)
                .map_or_else(|| Arc::from(*name), |&name| Arc::clone(name))
        })
        .collect();
    // Checked here, so that reading a row later cannot fail.
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
    if start != text.len() || u32::try_from(stored.rows.len()).is_err() {
        return None;
    }
    let look = FirstLook {
        text: text.to_owned(),
        rows: stored.rows,
        files: shared,
    };
    let catalog = Catalog {
        currency: stored.currency.to_owned(),
        providers: stored.providers,
        ..Catalog::default()
    };
    let origin = super::restore::Origin::Print(print);
    let loaded = super::restore::restore(catalog, stored.problems, stored.left_out, origin, true)?;
    Some((loaded, look))
}
