//! The catalog stored in parts that decode in parallel: the credentials in chunks, and the
//! rest (providers, roles, skills, indices, graph) in one part decoded beside them. Decoding
//! a catalog is bound by allocating its strings, so on two cores this halves a warm start.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Credential};

/// Credentials a chunk: enough chunks at a million to keep every core busy, few enough that
/// their lengths cost nothing.
const CHUNK: usize = 32_768;

/// The encoded parts, as stored.
#[derive(Serialize, Deserialize)]
pub(super) struct Parts<'a> {
    /// The catalog without its credentials.
    #[serde(borrow)]
    rest: &'a [u8],
    #[serde(borrow)]
    credentials: Vec<&'a [u8]>,
}

/// A catalog encoded in parts, owning the bytes that [`Parts`] borrows.
pub(super) struct Encoded {
    rest: Vec<u8>,
    credentials: Vec<Vec<u8>>,
}

impl Encoded {
    pub(super) fn parts(&self) -> Parts<'_> {
        Parts {
            rest: &self.rest,
            credentials: self.credentials.iter().map(Vec::as_slice).collect(),
        }
    }
}

/// Encodes `catalog` in parts. Its credentials are taken out while the rest is encoded and
/// put back after, so nothing is copied.
pub(super) fn encode(catalog: &mut Catalog) -> Result<Encoded, postcard::Error> {
    let credentials = std::mem::take(&mut catalog.credentials);
    let rest = postcard::to_allocvec(&*catalog);
    catalog.credentials = credentials;
    let credentials = catalog
        .credentials
        .par_chunks(CHUNK)
        .map(postcard::to_allocvec)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Encoded {
        rest: rest?,
        credentials,
    })
}

/// The catalog the parts hold, the rest decoded beside the chunks of credentials.
pub(super) fn decode(parts: &Parts<'_>) -> Option<Catalog> {
    let (rest, chunks) = rayon::join(
        || postcard::from_bytes::<Catalog>(parts.rest),
        || {
            parts
                .credentials
                .par_iter()
                .map(|chunk| postcard::from_bytes::<Vec<Credential>>(chunk))
                .collect::<Result<Vec<_>, _>>()
        },
    );
    let (mut catalog, chunks) = (rest.ok()?, chunks.ok()?);
    if !catalog.credentials.is_empty() {
        return None;
    }
    catalog.credentials = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
    for chunk in chunks {
        catalog.credentials.extend(chunk);
    }
    Some(catalog)
}
