//! The merge driven one file at a time, in file order, so a loader can hand each parsed file
//! over as soon as it and the files before it are parsed, and let its credentials go once
//! they are declared: at a million credentials, the parsed specs of every file held at once
//! are several hundred megabytes.
//!
//! What one file's credentials need of the other files is all known when the file is added:
//! the providers and currencies of the files before it, and every declared skill. Skills are
//! declared up front, by [`Merging::declare_skills_first`], from the few files that may
//! declare any; everything else follows file order, as a merge of every file at once would.

use std::collections::HashMap;

use super::resolve::CredentialLists;
use super::{Broken, Input, Merge};
use crate::catalog::format::{CatalogFile, CredentialSpec, Text};
use crate::catalog::freshness::Freshness;
use crate::catalog::model::{Catalog, CredentialIdx, IdHash, ProviderIdx};
use crate::catalog::place::{Pending, Place};
use crate::yaml::Segment::{Index, Key};

/// A merge in progress: files are added in order, then [`Merging::finish`] checks what
/// needs every file (references, successors, roles, cycles) and gives the catalog.
pub struct Merging {
    merge: Merge,
    /// The files added whose format is read, without their credentials (already declared):
    /// what is left is small (a provider, skills, roles), and roles are merged last.
    used: Vec<(usize, Input)>,
    file_providers: HashMap<usize, ProviderIdx>,
    /// The lists of declared credentials that did not resolve once their file was declared (a
    /// reference into a later file, or a problem to report), in catalog order: resolved once
    /// every credential is declared.
    credential_lists: Vec<CredentialLists>,
    /// Each `replaced_by` of a declared credential, in catalog order.
    successors: Vec<(CredentialIdx, Text)>,
    /// Files whose skills were declared up front, and whether their format could be read.
    first: HashMap<usize, bool>,
    /// Whether a file has been added: no skill may be declared after that.
    started: bool,
}

impl Merging {
    /// A merge warning about facts older than `freshness` allows, when it is given.
    pub fn new(freshness: Option<Freshness>) -> Merging {
        Merging {
            merge: Merge {
                freshness,
                ..Merge::default()
            },
            used: Vec::new(),
            file_providers: HashMap::new(),
            credential_lists: Vec::new(),
            successors: Vec::new(),
            first: HashMap::new(),
            started: false,
        }
    }

    /// Makes room for about `credentials` credentials in the tables that grow with them. Grown
    /// a file at a time, each of them is copied whole into one twice its size now and then;
    /// at a million credentials a copy of the credential list took up to 0.3 s, while the
    /// files parsed meanwhile waited to be merged and the parsing stopped. Room that is not
    /// used costs address space only: pages are not touched until a credential is put there.
    pub fn expect(&mut self, credentials: usize) {
        let merge = &mut self.merge;
        merge.catalog.credentials.reserve(credentials);
        merge.catalog.credential_ids.reserve(credentials);
        merge.credential_items.reserve(credentials);
        merge.catalog.graph.reserve_nodes(credentials);
        merge.catalog.graph.reserve_edges(credentials);
    }

    /// Declares the skills of file `i`, before any file is added: every file that declares
    /// skills must come here first, in file order, so that a credential's skills are looked
    /// up among all of them whatever file declares them.
    pub fn declare_skills_first(&mut self, i: usize, spec: &CatalogFile) {
        debug_assert!(
            !self.started,
            "skills are declared before any file is added"
        );
        let read = self.merge.check_format(i, spec);
        if read {
            self.merge.declare_skills(i, spec);
        }
        self.first.insert(i, read);
    }

    /// File `i` does not parse: references into what it still shows it declares are counted,
    /// not reported.
    pub fn add_broken(&mut self, broken: Broken) {
        self.merge.add_broken(broken);
    }

    /// Adds file `i` (files come in order): its currency and provider are checked, and its
    /// credentials declared and let go.
    pub fn add(&mut self, i: usize, mut input: Input) {
        self.started = true;
        let read = match self.first.get(&i) {
            Some(&read) => read,
            None => self.merge.check_format(i, &input.spec),
        };
        if !read {
            return;
        }
        let merge = &mut self.merge;
        merge.currency(i, &input.spec);
        let provider = merge.provider(i, &input);
        if let Some(provider) = provider {
            self.file_providers.insert(i, provider);
        }
        if !self.first.contains_key(&i) {
            // Only files that may declare skills were declared up front (see
            // `catalog::stream::may_declare_skills`).
            debug_assert!(input.spec.skills.is_none(), "file {i} declares skills");
            merge.declare_skills(i, &input.spec);
        }
        if let Some(credentials) = input.spec.credentials.take() {
            match provider {
                Some(provider) => self.declare(i, &input, credentials, provider),
                None if input.spec.provider.is_none() && !credentials.is_empty() => {
                    merge.error(
                        Place::key(i, &[Key("credentials")]),
                        "this file has credentials but no `provider:`; add `provider: {id: ..., name: ...}` above them".into(),
                    );
                }
                None => {}
            }
        }
        self.used.push((i, input));
    }

    /// Declares file `i`'s credentials, then resolves their lists: those that name only
    /// credentials declared by now (this file's and the files' before it) and report nothing
    /// are set at once, and the rest kept to resolve once every credential is declared. A
    /// list that resolves now resolves to the same then (nothing declared is ever taken
    /// away), so only references into later files wait, and the parsed lists of the others
    /// are let go while the files are still being parsed. The credentials are indexed and
    /// linked as far as their lists are resolved (see `link.rs`).
    fn declare(
        &mut self,
        i: usize,
        input: &Input,
        credentials: Vec<CredentialSpec>,
        provider: ProviderIdx,
    ) {
        let merge = &mut self.merge;
        merge.catalog.credentials.reserve(credentials.len());
        merge.catalog.credential_ids.reserve(credentials.len());
        merge.credential_items.reserve(credentials.len());
        let provider_id = merge.catalog.provider(provider).id.clone();
        for id in &input.dropped_ids {
            merge.dropped.insert(super::global_id(&provider_id, id));
        }
        // By id, once: a file in error can have thousands of repaired items.
        let repaired: HashMap<&str, &Vec<String>> = input
            .repaired
            .iter()
            .map(|(id, fields)| (id.as_str(), fields))
            .collect();
        let first = merge.catalog.credentials.len();
        // Each credential's global id and its hash, and the table read where each goes, all
        // before any is declared (see `CredentialIds::warm`).
        let ids = &merge.catalog.credential_ids;
        let global_ids: Vec<(String, IdHash)> = (credentials.iter())
            .map(|spec| {
                let id = super::global_id(&provider_id, spec.id.as_str());
                let hash = ids.hash(&id);
                (id, hash)
            })
            .collect();
        ids.warm(global_ids.iter().map(|&(_, hash)| hash));
        let mut declared: Vec<CredentialLists> = Vec::with_capacity(credentials.len());
        for (n, (mut spec, id)) in credentials.into_iter().zip(global_ids).enumerate() {
            merge.stand_in_for_reported(repaired.get(spec.id.as_str()).copied(), &mut spec);
            let stack = !spec.awarded_when.is_empty();
            if stack && !spec.requires.is_empty() {
                merge.error(
                    Place::key(i, &[Key("credentials"), Index(n), Key("requires")]),
                    "a stack is awarded when `awarded_when` holds, and has no `requires` of its own; move these into `awarded_when`".into(),
                );
            }
            // A stack's parts stand in for its `requires`; `awarded_when` stays on the spec,
            // which is what marks it a stack (stacks are few, so the copy is cheap).
            let requires = if stack {
                spec.awarded_when.clone()
            } else {
                std::mem::take(&mut spec.requires)
            };
            let recommends = std::mem::take(&mut spec.recommends);
            let replaced_by = spec.replaced_by.take();
            if let Some(idx) = merge.credential(spec, (i, n), provider, &input.name, id) {
                declared.push((idx, requires, recommends));
                if let Some(successor) = replaced_by {
                    self.successors.push((idx, successor));
                }
            }
        }
        merge.index_declared(first);
        merge.warm_references(&declared);
        for lists in declared {
            if !merge.resolve_declared(&lists) {
                self.credential_lists.push(lists);
            }
        }
        // Every credential before the first whose lists wait is linked now.
        let resolved = (self.credential_lists.first())
            .map_or(merge.catalog.credentials.len(), |lists| lists.0.index());
        merge.link(resolved, false);
    }

    /// How many problems wait to be placed so far: a loader keeps the text of a file whose
    /// adding raised this, and reads again only the files of problems found by [`Self::finish`].
    pub fn pending_count(&self) -> usize {
        self.merge.pending.len()
    }

    /// Checks what needs every file, and gives the catalog and its problems.
    pub fn finish(self) -> (Catalog, Vec<Pending>) {
        let Merging {
            mut merge,
            used,
            file_providers,
            credential_lists,
            successors,
            ..
        } = self;
        merge.resolve_credential_requirements(&credential_lists);
        merge.resolve_successors(&successors);
        // What is left of the parsed credentials is freed off the critical path.
        rayon::spawn(move || drop((credential_lists, successors)));
        for (i, input) in &used {
            let i = *i;
            for (n, spec) in input.spec.roles.iter().flatten().enumerate() {
                merge.lists_reported = input.repaired.iter().any(|(id, fields)| {
                    *id == spec.id.as_str()
                        && fields.iter().any(|field| {
                            let meant = crate::text::closest(field, ["skills", "requires"]);
                            matches!(meant.unwrap_or(field), "skills" | "requires")
                        })
                });
                let place = Place::value(i, &[Key("roles"), Index(n)]);
                merge.role(spec, &place, file_providers.get(&i).copied(), &input.name);
            }
        }
        merge.note_unchecked_references();
        merge.index_and_link();
        merge.warn_untaught_role_skills();
        merge.warn_skill_typos();
        (merge.catalog, merge.pending)
    }
}
