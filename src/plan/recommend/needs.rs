//! Every catalog credential's requirements in flat arrays, read once per recommendation in
//! catalog order: the walks back from the goals, settling and the search's items look at
//! these instead of following each `Credential`'s own lists, scattered over the heap, which
//! at a million credentials was most of the set-up's time.

use std::ops::Range;

use crate::catalog::{Atom, Catalog};
use crate::plan::Holdings;

/// The requirements (clauses) of each credential: requirement `r` of credential `c` is slot
/// `first[c] + r`.
pub(super) struct Needs {
    first: Vec<u32>,
    /// The atoms of slot `s` are `atoms[atom_first[s]..atom_first[s + 1]]`.
    atom_first: Vec<u32>,
    atoms: Vec<Atom>,
    /// Per slot: satisfied by what is held.
    held: Vec<bool>,
}

impl Needs {
    pub(super) fn new(catalog: &Catalog, have: &Holdings) -> Needs {
        let mut needs = Needs {
            first: Vec::with_capacity(catalog.credentials.len() + 1),
            atom_first: Vec::new(),
            atoms: Vec::new(),
            held: Vec::new(),
        };
        for credential in &catalog.credentials {
            needs.first.push(needs.held.len() as u32);
            for requirement in &credential.requires {
                needs.atom_first.push(needs.atoms.len() as u32);
                needs.atoms.extend_from_slice(requirement.atoms());
                needs.held.push(have.satisfies(requirement));
            }
        }
        needs.first.push(needs.held.len() as u32);
        needs.atom_first.push(needs.atoms.len() as u32);
        needs
    }

    /// How many slots the catalog has.
    pub(super) fn slot_count(&self) -> usize {
        self.held.len()
    }

    /// The slots of credential `c`, in the order of its `requires`.
    pub(super) fn slots(&self, c: usize) -> Range<usize> {
        self.first[c] as usize..self.first[c + 1] as usize
    }

    /// The slots of credential `c` not satisfied by what is held.
    pub(super) fn open_slots(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        self.slots(c).filter(|&slot| !self.held[slot])
    }

    pub(super) fn held(&self, slot: usize) -> bool {
        self.held[slot]
    }

    /// The alternatives of a slot, one of which satisfies it.
    pub(super) fn atoms(&self, slot: usize) -> &[Atom] {
        &self.atoms[self.atom_first[slot] as usize..self.atom_first[slot + 1] as usize]
    }
}
