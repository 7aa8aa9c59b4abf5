//! Resolving `requires`, `recommends` and role requirements to catalog indices.

use std::borrow::Cow;
use std::sync::Arc;

use super::cnf::{MAX_CLAUSES, Rule, clauses};
use super::resolve::CredentialLists;
use super::{Merge, global_id, is_id};
use crate::catalog::format::{AtomSpec, RequirementSpec, RoleSpec};
use crate::catalog::model::{Atom, CredentialIdx, Gate, ProviderIdx, Requirement, Role, RoleIdx};
use crate::catalog::place::{Pending, Place};
use crate::catalog::problem::Severity;
use crate::yaml::Segment::{self, Index, Key};

/// How a group's rules combine: `Rule::Any` or `Rule::All`.
type Group = fn(Vec<Rule>) -> Rule;

impl Merge {
    /// Resolves a credential's `requires` or `recommends` list into the clauses that must
    /// all hold; unknown references are reported with `severity` and left out.
    pub(super) fn requirements(
        &mut self,
        specs: &[RequirementSpec],
        list: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
    ) -> Vec<Requirement> {
        self.written(specs, list, provider, severity)
            .into_iter()
            .flatten()
            .collect()
    }

    /// Each written item of a list as its clauses; an item that resolves to nothing is left
    /// out.
    fn written(
        &mut self,
        specs: &[RequirementSpec],
        list: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
    ) -> Vec<Vec<Requirement>> {
        let verb = list
            .path
            .as_slice()
            .last()
            .map_or("requires", |segment| match segment {
                Segment::Key(key) => key,
                Segment::Index(_) => "requires",
            });
        let verb = if verb == "awarded_when" {
            "awarded_when names"
        } else {
            verb
        };
        let mut resolved = Vec::with_capacity(specs.len());
        for (n, spec) in specs.iter().enumerate() {
            let place = list.at(&[Index(n)]);
            let Some(rule) = self.rule(spec, &place, provider, severity, verb) else {
                continue;
            };
            match clauses(&rule) {
                Some(clauses) => resolved.push(clauses),
                None => self.error(
                    place,
                    format!("this requirement comes to more than {MAX_CLAUSES} combinations once its `any` and `all` groups are multiplied out, too many to plan with; write it more simply"),
                ),
            }
        }
        resolved
    }

    /// One written item, resolved: unknown references are reported and left out of their
    /// group; a group left with nothing is `None`.
    fn rule(
        &mut self,
        spec: &RequirementSpec,
        place: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
        verb: &str,
    ) -> Option<Rule> {
        let (items, key, group): (&[RequirementSpec], &str, Group) = match spec {
            RequirementSpec::One(atom) => {
                return self
                    .atom(atom, place, provider, severity, verb)
                    .map(Rule::Atom);
            }
            RequirementSpec::Any(items) => (items, "any", Rule::Any),
            RequirementSpec::All(items) => (items, "all", Rule::All),
        };
        let rules: Vec<Rule> = items
            .iter()
            .enumerate()
            .filter_map(|(k, item)| {
                self.rule(
                    item,
                    &place.at(&[Key(key), Index(k)]),
                    provider,
                    severity,
                    verb,
                )
            })
            .collect();
        (!rules.is_empty()).then(|| group(rules))
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
        let mut resolved = Vec::new();
        for spec in specs {
            resolved.extend(clauses(&self.try_rule(spec, provider)?)?);
        }
        Some(resolved)
    }

    fn try_rule(&self, spec: &RequirementSpec, provider: ProviderIdx) -> Option<Rule> {
        let atom = |atom: &AtomSpec| match atom {
            AtomSpec::Skill(id) => self.catalog.find_skill(id).map(Atom::Skill),
            AtomSpec::Experience { field, months } => self.catalog.find_skill(field).map(|field| {
                Atom::Experience(Gate {
                    field,
                    months: *months,
                })
            }),
            AtomSpec::Credential(reference) => {
                let global = self.global_reference(reference, provider)?;
                self.catalog.find_credential(&global).map(Atom::Credential)
            }
        };
        match spec {
            RequirementSpec::One(one) => atom(one).map(Rule::Atom),
            RequirementSpec::Any(items) => items
                .iter()
                .map(|item| self.try_rule(item, provider))
                .collect::<Option<Vec<Rule>>>()
                .map(Rule::Any),
            RequirementSpec::All(items) => items
                .iter()
                .map(|item| self.try_rule(item, provider))
                .collect::<Option<Vec<Rule>>>()
                .map(Rule::All),
        }
    }

    /// The global id a credential reference in `provider`'s file names, when it is one.
    fn global_reference<'a>(
        &self,
        reference: &'a str,
        provider: ProviderIdx,
    ) -> Option<Cow<'a, str>> {
        match reference.split_once('/') {
            Some((owner, local)) if is_id(owner) && is_id(local) => Some(Cow::Borrowed(reference)),
            None if is_id(reference) => Some(Cow::Owned(global_id(
                &self.catalog.provider(provider).id,
                reference,
            ))),
            _ => None,
        }
    }

    /// Reads the id table and the credentials where the references of `lists` will be
    /// found, all before any is looked up (see `CredentialIds::warm`): at a million
    /// credentials, finding a reference waited for memory three times in a row (the table, the
    /// credential, its id).
    pub(super) fn warm_references(&self, lists: &[CredentialLists]) {
        fn each<'a>(spec: &'a RequirementSpec, found: &mut impl FnMut(&'a str)) {
            match spec {
                RequirementSpec::One(AtomSpec::Credential(reference)) => found(reference),
                RequirementSpec::One(_) => {}
                RequirementSpec::Any(items) | RequirementSpec::All(items) => {
                    for item in items {
                        each(item, found);
                    }
                }
            }
        }
        let ids = &self.catalog.credential_ids;
        let mut hashes = Vec::new();
        for (idx, requires, recommends) in lists {
            let provider = self.catalog.credential(*idx).provider;
            for spec in requires.iter().chain(recommends) {
                each(spec, &mut |reference| {
                    if let Some(global) = self.global_reference(reference, provider) {
                        hashes.push(ids.hash(&global));
                    }
                });
            }
        }
        ids.warm_found(&self.catalog.credentials, &hashes);
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
            AtomSpec::Experience { field, months } => self
                .use_skill(field, || place.at(&[Key("experience"), Key("field")]))
                .map(|field| {
                    Atom::Experience(Gate {
                        field,
                        months: *months,
                    })
                }),
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
                let curly = super::curly_quotes(reference);
                self.error(
                    place.clone(),
                    format!("`{reference}` is not a credential reference: write `id` (same provider) or `provider/id`{curly}"),
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
        if let Some(&file) = self.unchecked.get(&global) {
            self.broken[file].1 += 1;
            return None;
        }
        let hint = self.unknown_reference_hint(reference, &global);
        let message = format!("{verb} unknown credential `{global}`{hint}");
        self.pending.push(Pending {
            severity,
            place: place.clone(),
            message,
            also: None,
        });
        None
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
                "the role's `title` is empty; write the role's title".into(),
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
                        format!("skill `{}` is listed twice; list it once", skill.as_str()),
                    );
                } else {
                    requirements.push(requirement);
                }
            }
        }
        // Each written item is one requirement of the role, however many clauses it has.
        let extra = self.written(
            &spec.requires,
            &place.at(&[Key("requires")]),
            provider,
            Severity::Error,
        );
        requirements.extend(extra.into_iter().map(|mut clauses| {
            if clauses.len() == 1 {
                clauses.remove(0)
            } else {
                Requirement::All(clauses)
            }
        }));
        let recommended = self.recommended(spec, place, &requirements);
        if spec.skills.is_empty() && spec.requires.is_empty() && !self.lists_reported {
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
            recommended,
            file: Arc::clone(file),
        });
        self.role_places.push(place.clone());
    }
}
