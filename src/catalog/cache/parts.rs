//! The catalog stored in parts that decode in parallel: the credentials in chunks, and the
//! rest (providers, roles, skills, indices, graph) in one part decoded beside them. Decoding
//! a catalog is bound by allocating its strings, so on two cores this halves a warm start.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};

use crate::catalog::model::CredentialIds;
use crate::catalog::{Catalog, Credential};

/// Credentials a chunk: enough chunks at a million to keep every core busy, few enough that
/// their lengths cost nothing.
const CHUNK: usize = 32_768;

/// The encoded parts, as stored: the layout that [`write`] writes and [`Owned::read`] reads,
/// kept as a type for the tests to encode with postcard and compare.
#[cfg(test)]
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Parts<'a> {
    /// The catalog without its credentials.
    #[serde(borrow)]
    rest: &'a [u8],
    #[serde(borrow)]
    credentials: Vec<&'a [u8]>,
}

/// A catalog encoded in parts, owning the bytes that `Parts` borrows.
#[cfg(test)]
pub(super) struct Encoded {
    rest: Vec<u8>,
    credentials: Vec<Vec<u8>>,
}

#[cfg(test)]
impl Encoded {
    pub(super) fn parts(&self) -> Parts<'_> {
        Parts {
            rest: &self.rest,
            credentials: self.credentials.iter().map(Vec::as_slice).collect(),
        }
    }
}

/// Writes `catalog` to `out` laid out as postcard lays out its `Parts`, so it reads back
/// the same: the rest, then the chunks of credentials, encoded on every core a few at a time
/// and written in order, so what waits to be written is a few chunks, never the catalog.
/// Its credentials are taken out while the rest is encoded and put back after.
pub(super) fn write(catalog: &mut Catalog, out: &mut impl Write) -> io::Result<()> {
    write_in(catalog, out, CHUNK)
}

/// [`write`] with `chunk` credentials a chunk.
fn write_in(catalog: &mut Catalog, out: &mut impl Write, chunk: usize) -> io::Result<()> {
    let credentials = std::mem::take(&mut catalog.credentials);
    let rest = postcard::to_allocvec(&*catalog);
    catalog.credentials = credentials;
    write_bytes(out, &rest.map_err(io::Error::other)?)?;
    write_length(out, catalog.credentials.chunks(chunk).len())?;
    let together = chunk * rayon::current_num_threads().max(1);
    for group in catalog.credentials.chunks(together) {
        let encoded = (group.par_chunks(chunk))
            .map(postcard::to_allocvec)
            .collect::<Result<Vec<_>, _>>()
            .map_err(io::Error::other)?;
        for chunk in &encoded {
            write_bytes(out, chunk)?;
        }
    }
    Ok(())
}

/// Bytes as postcard writes them: their length, then themselves.
fn write_bytes(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    write_length(out, bytes.len())?;
    out.write_all(bytes)
}

fn write_length(out: &mut impl Write, len: usize) -> io::Result<()> {
    postcard::to_io(&len, out).map_err(io::Error::other)?;
    Ok(())
}

/// Encodes `catalog` in parts, held whole: what [`write`] writes, for the tests to compare.
/// Its credentials are taken out while the rest is encoded and put back after.
#[cfg(test)]
pub(super) fn encode(catalog: &mut Catalog) -> Result<Encoded, postcard::Error> {
    encode_in(catalog, CHUNK)
}

#[cfg(test)]
fn encode_in(catalog: &mut Catalog, chunk: usize) -> Result<Encoded, postcard::Error> {
    let credentials = std::mem::take(&mut catalog.credentials);
    let rest = postcard::to_allocvec(&*catalog);
    catalog.credentials = credentials;
    let credentials = catalog
        .credentials
        .par_chunks(chunk)
        .map(postcard::to_allocvec)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Encoded {
        rest: rest?,
        credentials,
    })
}

/// The parts as read from a cache file one by one, each in bytes of its own, so each is let
/// go as soon as it is decoded (see [`Owned::decode`]).
pub(super) struct Owned {
    rest: Vec<u8>,
    credentials: Vec<Vec<u8>>,
}

impl Owned {
    /// Reads the parts as `Parts` lays them out in postcard (each a length and its bytes,
    /// the chunks after their count) from `from`, which keeps every length within the file.
    pub(super) fn read(from: &mut impl Pieces) -> Option<Owned> {
        let len = from.varint()?;
        let rest = from.bytes(len)?;
        let count = from.varint()?;
        let mut credentials = Vec::new();
        for _ in 0..count {
            let len = from.varint()?;
            credentials.push(from.bytes(len)?);
        }
        Some(Owned { rest, credentials })
    }

    /// The catalog the parts hold; each chunk's bytes are freed as
    /// soon as it is decoded, so the stored bytes and the catalog they make are not all
    /// alive at once.
    pub(super) fn decode(self) -> Option<Catalog> {
        let Owned { rest, credentials } = self;
        decode_beside(move || postcard::from_bytes::<Catalog>(&rest), credentials)
    }
}

/// Where [`Owned::read`] takes its parts from: a cache file read piece by piece.
pub(super) trait Pieces {
    /// A postcard length (an unsigned LEB128 varint).
    fn varint(&mut self) -> Option<usize>;
    /// The next `len` bytes, refused when fewer are left.
    fn bytes(&mut self, len: usize) -> Option<Vec<u8>>;
}

/// The catalog without its credentials, decoded by `rest` on one core while the chunks are
/// decoded on another, one after the other, each straight into the one list of credentials
/// (sized first from the chunks' counts), and each let go once decoded: a list made per
/// chunk and then moved into one would hold every credential twice for a moment, 300 MB
/// at a million.
fn decode_beside<C: AsRef<[u8]> + Send>(
    rest: impl FnOnce() -> Result<Catalog, postcard::Error> + Send,
    chunks: impl IntoIterator<Item = C, IntoIter: Send> + Send,
) -> Option<Catalog> {
    let (rest, credentials) = rayon::join(rest, move || {
        let chunks: Vec<C> = chunks.into_iter().collect();
        let bytes: usize = chunks.iter().map(|chunk| chunk.as_ref().len()).sum();
        let counted: usize = (chunks.iter())
            .filter_map(|chunk| postcard::take_from_bytes::<usize>(chunk.as_ref()).ok())
            .map(|(count, _)| count)
            .sum();
        // A credential takes more than a byte: a count past the bytes is not ours.
        let mut credentials = Vec::with_capacity(counted.min(bytes));
        for chunk in chunks {
            let mut decoder = postcard::Deserializer::from_bytes(chunk.as_ref());
            AppendTo(&mut credentials).deserialize(&mut decoder).ok()?;
        }
        Some(credentials)
    });
    let (mut catalog, credentials) = (rest.ok()?, credentials?);
    if !catalog.credentials.is_empty() {
        return None;
    }
    catalog.credential_ids = CredentialIds::of(&credentials);
    catalog.credentials = credentials;
    Some(catalog)
}

/// Decodes a list of credentials onto the end of one already made.
struct AppendTo<'a>(&'a mut Vec<Credential>);

impl<'de> DeserializeSeed<'de> for AppendTo<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for AppendTo<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of credentials")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(credential) = seq.next_element::<Credential>()? {
            self.0.push(credential);
        }
        Ok(())
    }
}
/// Decodes a map at the size it says, up to a bound, instead of serde's cautious start: a
/// million ids grown from a few thousand were rehashed a dozen times, a second of a warm
/// start. The bytes are those of a map, so encoding is serde's own.
pub(in crate::catalog) mod sized_map {
    use std::collections::HashMap;
    use std::fmt;
    use std::hash::{BuildHasher, Hash};
    use std::marker::PhantomData;

    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use serde::{Serialize, Serializer};

    /// The most room made before any entry is read: the ids of eight million credentials.
    const MOST: usize = 1 << 23;

    pub fn serialize<K: Serialize, V: Serialize, H, S: Serializer>(
        map: &HashMap<K, V, H>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        map.serialize(serializer)
    }

    pub fn deserialize<'de, K, V, H, D>(deserializer: D) -> Result<HashMap<K, V, H>, D::Error>
    where
        K: Deserialize<'de> + Eq + Hash,
        V: Deserialize<'de>,
        H: BuildHasher + Default,
        D: Deserializer<'de>,
    {
        struct Sized<K, V, H>(PhantomData<(K, V, H)>);
        impl<'de, K, V, H> Visitor<'de> for Sized<K, V, H>
        where
            K: Deserialize<'de> + Eq + Hash,
            V: Deserialize<'de>,
            H: BuildHasher + Default,
        {
            type Value = HashMap<K, V, H>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let room = access.size_hint().unwrap_or(0).min(MOST);
                let mut map = HashMap::with_capacity_and_hasher(room, H::default());
                while let Some((key, value)) = access.next_entry()? {
                    map.insert(key, value);
                }
                Ok(map)
            }
        }
        deserializer.deserialize_map(Sized(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::{Owned, Pieces, encode_in, write_in};
    use crate::catalog::load_files;
    use crate::synth;

    /// Pieces read from bytes in memory.
    struct Slice<'a>(&'a [u8]);

    impl Pieces for Slice<'_> {
        fn varint(&mut self) -> Option<usize> {
            let (len, rest) = postcard::take_from_bytes::<usize>(self.0).ok()?;
            self.0 = rest;
            Some(len)
        }

        fn bytes(&mut self, len: usize) -> Option<Vec<u8>> {
            let (bytes, rest) = self.0.split_at_checked(len)?;
            self.0 = rest;
            Some(bytes.to_vec())
        }
    }

    /// Written as it is encoded, a few chunks at a time, a catalog's bytes are the ones
    /// postcard gives for its parts held whole, and they decode to the catalog: with chunks
    /// of one, of a size that leaves a short last one, and of more than there are.
    #[test]
    fn written_parts_are_the_parts_encoded_whole() {
        let mut catalog = load_files(&synth::generate(41, 7).source_files()).catalog;
        assert_eq!(catalog.credentials.len(), 41);
        for chunk in [1, 4, 41, 100] {
            let mut written = Vec::new();
            write_in(&mut catalog, &mut written, chunk).expect("writes");
            let whole = encode_in(&mut catalog, chunk).expect("encodes");
            assert_eq!(
                written,
                postcard::to_allocvec(&whole.parts()).expect("encodes")
            );
            let mut from = Slice(&written);
            let decoded = Owned::read(&mut from).and_then(Owned::decode);
            assert!(from.0.is_empty());
            let decoded = decoded.expect("decodes");
            let ids = |catalog: &crate::catalog::Catalog| -> Vec<String> {
                (catalog.credentials.iter())
                    .map(|credential| credential.id.to_string())
                    .collect()
            };
            assert_eq!(ids(&decoded), ids(&catalog));
        }
    }
}
