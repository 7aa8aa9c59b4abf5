//! The credentials by global id, holding only their indices: the ids themselves are the
//! credentials'. A map from a copy of each id took ~100 MB at a million credentials.

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

use super::{Credential, CredentialIdx};

/// Each credential's index, found by its id through the credentials' own ids.
#[derive(Debug, Clone, Default)]
pub struct CredentialIds {
    table: HashTable<CredentialIdx>,
    state: RandomState,
}

impl CredentialIds {
    /// Every credential of `credentials` by its id; of two with one id, the later.
    pub fn of(credentials: &[Credential]) -> CredentialIds {
        let mut ids = CredentialIds::default();
        ids.reserve(credentials, credentials.len());
        for i in 0..credentials.len() {
            ids.insert(credentials, CredentialIdx(i as u32));
        }
        ids
    }

    /// Room for `additional` more of `credentials` without growing.
    pub fn reserve(&mut self, credentials: &[Credential], additional: usize) {
        let state = &self.state;
        self.table.reserve(additional, |&idx| {
            state.hash_one(&*credentials[idx.index()].id)
        });
    }

    /// Adds `idx`, which must be a credential of `credentials`, under its id; it replaces a
    /// credential of the same id.
    pub fn insert(&mut self, credentials: &[Credential], idx: CredentialIdx) {
        let id = &*credentials[idx.index()].id;
        let hash = self.state.hash_one(id);
        let state = &self.state;
        match self.table.entry(
            hash,
            |&other| &*credentials[other.index()].id == id,
            |&other| state.hash_one(&*credentials[other.index()].id),
        ) {
            Entry::Occupied(mut entry) => *entry.get_mut() = idx,
            Entry::Vacant(entry) => {
                entry.insert(idx);
            }
        }
    }

    /// The credential of `credentials` whose id is `id`.
    pub fn get(&self, credentials: &[Credential], id: &str) -> Option<CredentialIdx> {
        self.table
            .find(self.state.hash_one(id), |&idx| {
                credentials.get(idx.index()).is_some_and(|c| &*c.id == id)
            })
            .copied()
    }

    /// Every index held, in no particular order.
    #[cfg(test)]
    pub fn indices(&self) -> impl Iterator<Item = CredentialIdx> + '_ {
        self.table.iter().copied()
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
        for made in [ids, CredentialIds::of(credentials)] {
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
