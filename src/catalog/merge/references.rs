//! Resolving `requires`, `recommends` and role requirements to catalog indices.

use std::sync::Arc;

use rayon::prelude::*;

use super::{Merge, global_id, is_id};
use crate::catalog::format::{AtomSpec, RequirementSpec, RoleSpec};
use crate::catalog::model::{Atom, CredentialIdx, ProviderIdx, Requirement, Role, RoleIdx};
use crate::catalog::place::{Pending, Place};
use crate::catalog::problem::Severity;
use crate::yaml::Segment::{self, Index, Key};

/// A credential with the `requires` and `recommends` lists it was written with.
pub(super) type CredentialLists = (CredentialIdx, Vec<RequirementSpec>, Vec<RequirementSpec>);

impl Merge {
    /// Resolves every credential's `requires` and `recommends`. References resolve in
    /// parallel where they need only lookups; a list that would report a problem or create a
    /// skill is resolved again, in order, as it always was.
    pub(super) fn resolve_credential_requirements(&mut self, credentials: &[CredentialLists]) {
        let resolved: Vec<Option<(Vec<Requirement>, Vec<Requirement>)>> = {
            let merge = &*self;
            credentials
                .par_iter()
                .map(|(idx, requires, recommends)| {
                    let provider = merge.catalog.credential(*idx).provider;
                    Some((
                        merge.try_requirements(requires, provider)?,
                        merge.try_requirements(recommends, provider)?,
                    ))
                })
                .collect()
        };
        for ((idx, requires, recommends), resolved) in credentials.iter().zip(resolved) {
            let (requires, recommends) = if let Some(lists) = resolved {
                lists
            } else {
                let place = self.credential_place(*idx);
                let provider = Some(self.catalog.credential(*idx).provider);
                let requires = self.requirements(
                    requires,
                    &place.at(&[Key("requires")]),
                    provider,
                    Severity::Error,
                );
                let recommends = self.requirements(
                    recommends,
                    &place.at(&[Key("recommends")]),
                    provider,
                    Severity::Warning,
                );
                (requires, recommends)
            };
            let credential = &mut self.catalog.credentials[idx.index()];
            credential.requires = requires;
            credential.recommends = recommends;
        }
    }

    /// Resolves a `requires` or `recommends` list; unknown references are reported with
    /// `severity` and left out.
    pub(super) fn requirements(
        &mut self,
        specs: &[RequirementSpec],
        list: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
    ) -> Vec<Requirement> {
        let verb = list
            .path
            .as_slice()
            .last()
            .map_or("requires", |segment| match segment {
                Segment::Key(key) => key,
                Segment::Index(_) => "requires",
            });
        let mut resolved = Vec::with_capacity(specs.len());
        for (n, spec) in specs.iter().enumerate() {
            let place = list.at(&[Index(n)]);
            let requirement = match spec {
                RequirementSpec::One(atom) => self
                    .atom(atom, &place, provider, severity, verb)
                    .map(Requirement::One),
                RequirementSpec::Any(atoms) => {
                    let resolved_atoms: Vec<Atom> = atoms
                        .iter()
                        .enumerate()
                        .filter_map(|(a, atom)| {
                            self.atom(
                                atom,
                                &place.at(&[Key("any"), Index(a)]),
                                provider,
                                severity,
                                verb,
                            )
                        })
                        .collect();
                    (!resolved_atoms.is_empty()).then_some(Requirement::Any(resolved_atoms))
                }
            };
            if let Some(requirement) = requirement {
                resolved.push(requirement);
            }
        }
        resolved
    }

    /// [`Merge::requirements`] without side effects, for resolving many lists in parallel:
    /// `None` when any item would report a problem or create a skill, which the caller then
    /// resolves in order through [`Merge::requirements`]; for lists that resolve, both give
    /// the same requirements and nothing else.
    pub(super) fn try_requirements(
        &self,
        specs: &[RequirementSpec],
        provider: ProviderIdx,
    ) -> Option<Vec<Requirement>> {
        let atom = |atom: &AtomSpec| match atom {
            AtomSpec::Skill(id) => self.catalog.find_skill(id).map(Atom::Skill),
            AtomSpec::Credential(reference) => {
                let found = match reference.split_once('/') {
                    Some((owner, local)) if is_id(owner) && is_id(local) => {
                        self.catalog.find_credential(reference)
                    }
                    None if is_id(reference) => self.catalog.find_credential(&global_id(
                        &self.catalog.provider(provider).id,
                        reference,
                    )),
                    _ => None,
                };
                found.map(Atom::Credential)
            }
        };
        specs
            .iter()
            .map(|spec| match spec {
                RequirementSpec::One(one) => atom(one).map(Requirement::One),
                RequirementSpec::Any(atoms) => atoms
                    .iter()
                    .map(atom)
                    .collect::<Option<Vec<Atom>>>()
                    .map(Requirement::Any),
            })
            .collect()
    }

    pub(super) fn atom(
        &mut self,
        atom: &AtomSpec,
        place: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
        verb: &str,
    ) -> Option<Atom> {
        match atom {
            AtomSpec::Skill(id) => self.use_skill(id, || place.clone()).map(Atom::Skill),
            AtomSpec::Credential(reference) => self
                .reference(reference, place, provider, severity, verb)
                .map(Atom::Credential),
        }
    }

    /// A credential reference: `provider/id`, or a bare id in `provider`.
    pub(super) fn reference(
        &mut self,
        reference: &str,
        place: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
        verb: &str,
    ) -> Option<CredentialIdx> {
        let global = match reference.split_once('/') {
            Some((owner, local)) if is_id(owner) && is_id(local) => reference.to_owned(),
            None if is_id(reference) => {
                let Some(provider) = provider else {
                    let hint = self.other_providers_hint(reference);
                    self.error(
                        place.clone(),
                        format!("`{reference}` names no provider; in a file without `provider:` write `provider/id`{hint}"),
                    );
                    return None;
                };
                global_id(&self.catalog.provider(provider).id, reference)
            }
            _ => {
                self.error(
                    place.clone(),
                    format!("`{reference}` is not a credential reference: write `id` (same provider) or `provider/id`"),
                );
                return None;
            }
        };
        if let Some(idx) = self.catalog.find_credential(&global) {
            return Some(idx);
        }
        if self.dropped.contains(&global) {
            return None;
        }
        let mut hint = crate::text::did_you_mean(&global, self.catalog.credential_id_strs());
        if hint.is_empty() && !reference.contains('/') {
            hint = self.other_providers_hint(reference);
        }
        let message = format!("{verb} unknown credential `{global}`{hint}");
        self.pending.push(Pending {
            severity,
            place: place.clone(),
            message,
            also: None,
        });
        None
    }

    /// "; did you mean `comptia/a-plus`?" when a bare id exists under another provider.
    pub(super) fn other_providers_hint(&self, local: &str) -> String {
        let owners: Vec<&str> = self
            .catalog
            .credentials
            .iter()
            .filter(|credential| credential.local_id() == local)
            .map(|credential| credential.id.as_str())
            .collect();
        match owners.as_slice() {
            [] => String::new(),
            [one] => format!("; did you mean `{one}`? (a bare id means this file's own provider)"),
            several => format!("; did you mean one of `{}`?", several.join("`, `")),
        }
    }

    pub(super) fn role(
        &mut self,
        spec: &RoleSpec,
        place: &Place,
        provider: Option<ProviderIdx>,
        file: &Arc<str>,
    ) {
        let id = spec.id.as_str();
        if !self.check_id(id, || place.at(&[Key("id")]), "role") {
            return;
        }
        if let Some(existing) = self.catalog.find_role(id) {
            let first = self.role_places[existing.index()].at(&[Key("id")]);
            self.duplicate(
                place.at(&[Key("id")]),
                &format!("duplicate role id `{id}`"),
                &first,
            );
            return;
        }
        if spec.title.as_str().trim().is_empty() {
            self.error(
                place.at(&[Key("title")]),
                "the role's `title` is empty".into(),
            );
        }
        let mut requirements: Vec<Requirement> = Vec::new();
        for (n, skill) in spec.skills.iter().enumerate() {
            let skill_place = || place.at(&[Key("skills"), Index(n)]);
            if let Some(idx) = self.use_skill(skill.as_str(), skill_place) {
                let requirement = Requirement::One(Atom::Skill(idx));
                if requirements.contains(&requirement) {
                    self.warning(
                        skill_place(),
                        format!("skill `{}` is listed twice", skill.as_str()),
                    );
                } else {
                    requirements.push(requirement);
                }
            }
        }
        let extra = self.requirements(
            &spec.requires,
            &place.at(&[Key("requires")]),
            provider,
            Severity::Error,
        );
        requirements.extend(extra);
        if spec.skills.is_empty() && spec.requires.is_empty() {
            self.error(
                place.at(&[Key("id")]),
                format!("role `{id}` has no requirements; list its `skills` (or `requires`)"),
            );
        }
        self.catalog
            .role_ids
            .insert(id.to_owned(), RoleIdx(self.catalog.roles.len() as u32));
        self.catalog.roles.push(Role {
            id: id.to_owned(),
            title: spec.title.0.clone(),
            description: spec.description.as_ref().map(|text| text.0.clone()),
            requirements,
            file: Arc::clone(file),
        });
        self.role_places.push(place.clone());
    }
}
