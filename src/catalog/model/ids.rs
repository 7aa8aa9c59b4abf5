//! The credentials by global id, holding only their indices: the ids themselves are the
//! credentials'. A map from a copy of each id took ~100 MB at a million credentials.
//!
//! Each slot keeps 32 bits of its id's hash beside the index, so that growing the table never
//! hashes an id again, and a probe reads a credential's id (a cache miss at a million) only
//! when the hashes agree: declaring a million credentials grew the table by reading every id
//! at random a dozen times over.

use std::hash::BuildHasher;

use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashTable};

use super::{Credential, CredentialIdx};

/// Each credential's index, found by its id through the credentials' own ids.
#[derive(Debug, Clone, Default)]
pub struct CredentialIds {
    table: HashTable<Slot>,
    state: DefaultHashBuilder,
}

/// A credential's index and the low 32 bits of its id's hash.
#[derive(Debug, Clone, Copy)]
struct Slot {
    idx: CredentialIdx,
    hash: IdHash,
}

/// What [`CredentialIds`] keeps of an id's hash: made by [`CredentialIds::hash`], so one
/// lookup and the insertion that follows it hash the id once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdHash(u32);

impl IdHash {
    /// The table's hash: the kept bits spread over 64, since the table takes its buckets from
    /// the low bits and its tags from the top seven.
    fn spread(self) -> u64 {
        u64::from(self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

impl CredentialIds {
    /// Every credential of `credentials` by its id; of two with one id, the later.
    pub fn of(credentials: &[Credential]) -> CredentialIds {
        let mut ids = CredentialIds::default();
        ids.reserve(credentials.len());
        for i in 0..credentials.len() {
            ids.insert(credentials, CredentialIdx(i as u32));
        }
        ids
    }

    /// The hash of `id` in this table.
    pub fn hash(&self, id: &str) -> IdHash {
        IdHash(self.state.hash_one(id) as u32)
    }

    /// Room for `additional` more credentials without growing.
    pub fn reserve(&mut self, additional: usize) {
        self.table.reserve(additional, |slot| slot.hash.spread());
    }

    /// Adds `idx`, which must be a credential of `credentials`, under its id; it replaces a
    /// credential of the same id.
    pub fn insert(&mut self, credentials: &[Credential], idx: CredentialIdx) {
        let id = &*credentials[idx.index()].id;
        let hash = self.hash(id);
        match self.table.entry(
            hash.spread(),
            |slot| slot.hash == hash && &*credentials[slot.idx.index()].id == id,
            |slot| slot.hash.spread(),
        ) {
            Entry::Occupied(mut entry) => entry.get_mut().idx = idx,
            Entry::Vacant(entry) => {
                entry.insert(Slot { idx, hash });
            }
        }
    }

    /// Looks where each id of `hashes` would be, so that finding or adding them next finds
    /// that part of the table in the cache. At a million credentials the table is 9 MB, and
    /// declaring a credential waited for memory at its one probe (half the time of declaring
    /// it); probes made one after another, with nothing else between them, wait together.
    pub fn warm(&self, hashes: impl Iterator<Item = IdHash>) {
        for hash in hashes {
            std::hint::black_box(self.table.find(hash.spread(), |slot| slot.hash == hash));
        }
    }

    /// [`CredentialIds::warm`], and the ids of `credentials` found there read as well.
    pub fn warm_found(&self, credentials: &[Credential], hashes: &[IdHash]) {
        let found: Vec<CredentialIdx> = (hashes.iter())
            .filter_map(|&hash| {
                let slot = self.table.find(hash.spread(), |slot| slot.hash == hash)?;
                Some(slot.idx)
            })
            .collect();
        for idx in found {
            let id = credentials
                .get(idx.index())
                .map(|credential| &*credential.id);
            std::hint::black_box(id.and_then(|id| id.as_bytes().first()));
        }
    }

    /// Adds `idx` under an id of hash `hash` that the table does not hold (see
    /// [`CredentialIds::get_hashed`]): nothing is compared.
    pub fn insert_new(&mut self, hash: IdHash, idx: CredentialIdx) {
        self.table
            .insert_unique(hash.spread(), Slot { idx, hash }, |slot| slot.hash.spread());
    }

    /// The credential of `credentials` whose id is `id`.
    pub fn get(&self, credentials: &[Credential], id: &str) -> Option<CredentialIdx> {
        self.get_hashed(credentials, id, self.hash(id))
    }

    /// [`CredentialIds::get`] for an id whose hash is known.
    pub fn get_hashed(
        &self,
        credentials: &[Credential],
        id: &str,
        hash: IdHash,
    ) -> Option<CredentialIdx> {
        self.table
            .find(hash.spread(), |slot| {
                slot.hash == hash
                    && credentials
                        .get(slot.idx.index())
                        .is_some_and(|c| &*c.id == id)
            })
            .map(|slot| slot.idx)
    }

    /// Every index held, in no particular order.
    #[cfg(test)]
    pub fn indices(&self) -> impl Iterator<Item = CredentialIdx> + '_ {
        self.table.iter().map(|slot| slot.idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Sources, load};

    #[test]
    fn every_credential_is_found_by_its_id_and_nothing_else_is() {
        let loaded = load(&Sources {
            bundled: true,
            ..Sources::default()
        });
        let credentials = &loaded.catalog.credentials;
        assert!(credentials.len() > 50);
        // Made one at a time from nothing, so the table grows several times on the way.
        let mut ids = CredentialIds::default();
        for i in 0..credentials.len() {
            ids.insert(credentials, CredentialIdx(i as u32));
        }
        // Made from hashes taken before each insertion, as declaring does.
        let mut hashed = CredentialIds::default();
        for (i, credential) in credentials.iter().enumerate() {
            let hash = hashed.hash(&credential.id);
            assert_eq!(hashed.get_hashed(credentials, &credential.id, hash), None);
            hashed.insert_new(hash, CredentialIdx(i as u32));
        }
        for made in [ids, hashed, CredentialIds::of(credentials)] {
            // Reading ahead, for ids held and not, finds and changes nothing.
            let looked_for: Vec<IdHash> = (credentials.iter().map(|c| &*c.id))
                .chain(["comptia/no-such-thing", ""])
                .map(|id| made.hash(id))
                .collect();
            made.warm(looked_for.iter().copied());
            made.warm_found(credentials, &looked_for);
            made.warm_found(&credentials[..1], &looked_for);
            for (i, credential) in credentials.iter().enumerate() {
                assert_eq!(
                    made.get(credentials, &credential.id),
                    Some(CredentialIdx(i as u32))
                );
            }
            assert_eq!(made.get(credentials, "comptia/no-such-thing"), None);
            assert_eq!(made.get(credentials, ""), None);
            assert_eq!(made.indices().count(), credentials.len());
        }
    }

    #[test]
    fn a_credential_under_an_id_already_held_replaces_it() {
        let loaded = load(&Sources {
            bundled: true,
            ..Sources::default()
        });
        let mut credentials = loaded.catalog.credentials[..2].to_vec();
        credentials[1].id = credentials[0].id.clone();
        let ids = CredentialIds::of(&credentials);
        assert_eq!(
            ids.get(&credentials, &credentials[0].id),
            Some(CredentialIdx(1))
        );
        assert_eq!(ids.indices().count(), 1);
    }
}
