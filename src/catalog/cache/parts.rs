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

/// Decodes a map at the size it says, up to a bound, instead of serde's cautious start: a
/// million ids grown from a few thousand were rehashed a dozen times, a second of a warm
/// start. The bytes are those of a map, so encoding is serde's own.
pub(in crate::catalog) mod sized_map {
    use std::collections::HashMap;
    use std::fmt;
    use std::hash::Hash;
    use std::marker::PhantomData;

    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use serde::{Serialize, Serializer};

    /// The most room made before any entry is read: the ids of eight million credentials.
    const MOST: usize = 1 << 23;

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &HashMap<K, V>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        map.serialize(serializer)
    }

    pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<HashMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Eq + Hash,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        struct Sized<K, V>(PhantomData<(K, V)>);
        impl<'de, K, V> Visitor<'de> for Sized<K, V>
        where
            K: Deserialize<'de> + Eq + Hash,
            V: Deserialize<'de>,
        {
            type Value = HashMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = HashMap::with_capacity(access.size_hint().unwrap_or(0).min(MOST));
                while let Some((key, value)) = access.next_entry()? {
                    map.insert(key, value);
                }
                Ok(map)
            }
        }
        deserializer.deserialize_map(Sized(PhantomData))
    }
}
