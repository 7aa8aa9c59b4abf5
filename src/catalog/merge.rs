//! Merges the parsed files into one [`Catalog`], checking what serde cannot: ids, numbers,
//! duplicates across files, references, cycles. Every problem is collected with its place.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jiff::civil::Date;
use petgraph::graph::{DiGraph, NodeIndex};

use super::format::{
    AtomSpec, CatalogFile, CredentialSpec, FORMAT, MAX_COST, MAX_HOURS, MAX_MONTHS,
    RequirementSpec, RoleSpec,
};
use super::model::{
    Amount, Atom, Catalog, Credential, CredentialIdx, Edge, Provider, ProviderIdx, Requirement,
    Role, RoleIdx, Skill, SkillIdx,
};
use super::place::{Pending, Place};
use super::problem::Severity;
use crate::yaml::Segment::{self, Index, Key};

/// One parsed file as the merge sees it.
pub struct Input<'a> {
    pub name: Arc<str>,
    pub spec: &'a CatalogFile,
    /// Ids of credentials dropped for type errors already reported.
    pub dropped_ids: &'a [String],
}

/// Merges `files` (indexed like the locator's files) into a catalog and its problems.
pub fn merge(files: &[Option<Input<'_>>]) -> (Catalog, Vec<Pending>) {
    let mut merge = Merge::default();
    let used: Vec<(usize, &Input<'_>)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, file)| file.as_ref().map(|input| (i, input)))
        .filter(|(i, input)| merge.check_format(*i, input.spec))
        .collect();
    let mut file_providers: HashMap<usize, ProviderIdx> = HashMap::new();
    for &(i, input) in &used {
        merge.currency(i, input.spec);
        if let Some(provider) = merge.provider(i, input) {
            file_providers.insert(i, provider);
        }
    }
    for &(i, input) in &used {
        merge.declare_skills(i, input.spec);
    }
    let mut credential_specs = Vec::new();
    for &(i, input) in &used {
        let Some(credentials) = &input.spec.credentials else {
            continue;
        };
        let Some(&provider) = file_providers.get(&i) else {
            if input.spec.provider.is_none() && !credentials.is_empty() {
                merge.error(
                    Place::key(i, vec![Key("credentials")]),
                    "this file has credentials but no `provider:`; add `provider: {id: ..., name: ...}` above them".into(),
                );
            }
            continue;
        };
        let provider_id = merge.catalog.provider(provider).id.clone();
        for id in input.dropped_ids {
            merge.dropped.insert(format!("{provider_id}/{id}"));
        }
        for (n, spec) in credentials.iter().enumerate() {
            let place = Place::value(i, vec![Key("credentials"), Index(n)]);
            if let Some(idx) = merge.credential(spec, &place, provider, &input.name) {
                credential_specs.push((idx, spec, place));
            }
        }
    }
    for (idx, spec, place) in &credential_specs {
        let provider = merge.catalog.credential(*idx).provider;
        let requires = merge.requirements(
            &spec.requires,
            &place.at(&[Key("requires")]),
            Some(provider),
            Severity::Error,
        );
        let recommends = merge.requirements(
            &spec.recommends,
            &place.at(&[Key("recommends")]),
            Some(provider),
            Severity::Warning,
        );
        let credential = &mut merge.catalog.credentials[idx.index()];
        credential.requires = requires
            .into_iter()
            .map(|(requirement, _)| requirement)
            .collect();
        credential.recommends = recommends
            .into_iter()
            .map(|(requirement, _)| requirement)
            .collect();
        merge.requirement_places.push((*idx, place.clone()));
    }
    for &(i, input) in &used {
        for (n, spec) in input.spec.roles.iter().flatten().enumerate() {
            let place = Place::value(i, vec![Key("roles"), Index(n)]);
            merge.role(spec, &place, file_providers.get(&i).copied(), &input.name);
        }
    }
    merge.index_skills();
    merge.build_graph();
    merge.warn_untaught_role_skills();
    merge.warn_skill_typos();
    (merge.catalog, merge.pending)
}

#[derive(Default)]
struct Merge {
    catalog: Catalog,
    pending: Vec<Pending>,
    currency: Option<(String, Place)>,
    provider_places: Vec<Place>,
    credential_places: Vec<Place>,
    role_places: Vec<Place>,
    skill_places: HashMap<SkillIdx, Place>,
    skill_first_use: HashMap<SkillIdx, Place>,
    /// Global ids of credentials left out for type errors: references to them are not
    /// reported a second time.
    dropped: HashSet<String>,
    /// Each credential's item place, for locating its requirement references.
    requirement_places: Vec<(CredentialIdx, Place)>,
}

impl Merge {
    fn error(&mut self, place: Place, message: String) {
        self.pending.push(Pending {
            severity: Severity::Error,
            place,
            message,
            also: None,
        });
    }

    fn warning(&mut self, place: Place, message: String) {
        self.pending.push(Pending {
            severity: Severity::Warning,
            place,
            message,
            also: None,
        });
    }

    fn duplicate(&mut self, place: Place, message: &str, first: &Place) {
        self.pending.push(Pending {
            severity: Severity::Error,
            place,
            message: format!("{message}: also defined at {{also}}"),
            also: Some(first.clone()),
        });
    }

    /// False (and an error) for a file of another format number: none of it is read.
    fn check_format(&mut self, file: usize, spec: &CatalogFile) -> bool {
        match spec.format {
            None | Some(FORMAT) => true,
            Some(other) => {
                self.error(
                    Place::value(file, vec![Key("format")]),
                    format!(
                        "format {other} is not supported: this upskill reads format {FORMAT}; \
                         update upskill, or write `format: {FORMAT}`"
                    ),
                );
                false
            }
        }
    }

    fn currency(&mut self, file: usize, spec: &CatalogFile) {
        let Some(currency) = &spec.currency else {
            return;
        };
        let place = Place::value(file, vec![Key("currency")]);
        let code = currency.as_str();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.error(place, format!("`{code}` is not a currency code: write three capital letters, like `USD` or `EUR`"));
            return;
        }
        match &self.currency {
            None => self.currency = Some((code.to_owned(), place)),
            Some((first, _)) if first == code => {}
            Some((first, first_place)) => {
                let message = format!(
                    "currency `{code}` conflicts with `{first}` set at {{also}}; all catalogs loaded together must use one currency"
                );
                let also = Some(first_place.clone());
                self.pending.push(Pending {
                    severity: Severity::Error,
                    place,
                    message,
                    also,
                });
            }
        }
    }

    fn provider(&mut self, file: usize, input: &Input<'_>) -> Option<ProviderIdx> {
        let spec = input.spec.provider.as_ref()?;
        let place = Place::value(file, vec![Key("provider")]);
        let id = spec.id.as_str();
        if !self.check_id(id, place.at(&[Key("id")]), "provider") {
            return None;
        }
        if spec.name.as_str().trim().is_empty() {
            self.error(
                place.at(&[Key("name")]),
                "the provider's `name` is empty".into(),
            );
        }
        if let Some(existing) = self.catalog.find_provider(id) {
            let first = self.provider_places[existing.index()].at(&[Key("id")]);
            self.duplicate(
                place.at(&[Key("id")]),
                &format!("duplicate provider id `{id}`"),
                &first,
            );
            return None;
        }
        self.catalog.providers.push(Provider {
            id: id.to_owned(),
            name: spec.name.0.clone(),
            url: spec.url.as_ref().map(|url| url.0.clone()),
            file: Arc::clone(&input.name),
        });
        self.provider_places.push(place);
        Some(ProviderIdx(self.catalog.providers.len() as u32 - 1))
    }

    fn declare_skills(&mut self, file: usize, spec: &CatalogFile) {
        for (n, skill) in spec.skills.iter().flatten().enumerate() {
            let place = Place::value(file, vec![Key("skills"), Index(n)]);
            let id = skill.id.as_str();
            if !self.check_id(id, place.at(&[Key("id")]), "skill") {
                continue;
            }
            if let Some(existing) = self.catalog.find_skill(id) {
                let first = self.skill_places[&existing].clone();
                let what = if self.catalog.skill(existing).id == id {
                    "skill id"
                } else {
                    "skill id, already an alias,"
                };
                self.duplicate(
                    place.at(&[Key("id")]),
                    &format!("duplicate {what} `{id}`"),
                    &first,
                );
                continue;
            }
            let idx = self.new_skill(id, true);
            let declared = &mut self.catalog.skills[idx.index()];
            declared.name = skill.name.as_ref().map(|name| name.0.clone());
            declared.description = skill.description.as_ref().map(|text| text.0.clone());
            self.skill_places.insert(idx, place.at(&[Key("id")]));
            for (a, alias) in skill.aliases.iter().enumerate() {
                let alias_place = place.at(&[Key("aliases"), Index(a)]);
                let alias = alias.as_str();
                if !self.check_id(alias, alias_place.clone(), "skill alias") {
                    continue;
                }
                if let Some(existing) = self.catalog.find_skill(alias) {
                    let first = self.skill_places[&existing].clone();
                    let owner = self.catalog.skill(existing).id.clone();
                    self.pending.push(Pending {
                        severity: Severity::Error,
                        place: alias_place,
                        message: format!("skill alias `{alias}` is already taken by skill `{owner}` (defined at {{also}}); aliases must be unique"),
                        also: Some(first),
                    });
                    continue;
                }
                self.catalog.skill_ids.insert(alias.to_owned(), idx);
                self.catalog.skills[idx.index()]
                    .aliases
                    .push(alias.to_owned());
            }
        }
    }

    fn new_skill(&mut self, id: &str, declared: bool) -> SkillIdx {
        let idx = SkillIdx(self.catalog.skills.len() as u32);
        self.catalog.skills.push(Skill {
            id: id.to_owned(),
            name: None,
            description: None,
            aliases: Vec::new(),
            declared,
        });
        self.catalog.skill_ids.insert(id.to_owned(), idx);
        idx
    }

    /// A skill by id or alias, created on first use when no file declares it.
    fn use_skill(&mut self, id: &str, place: &Place) -> Option<SkillIdx> {
        if !self.check_id(id, place.clone(), "skill") {
            return None;
        }
        let idx = match self.catalog.find_skill(id) {
            Some(idx) => idx,
            None => self.new_skill(id, false),
        };
        self.skill_first_use
            .entry(idx)
            .or_insert_with(|| place.clone());
        Some(idx)
    }

    fn credential(
        &mut self,
        spec: &CredentialSpec,
        place: &Place,
        provider: ProviderIdx,
        file: &Arc<str>,
    ) -> Option<CredentialIdx> {
        let local = spec.id.as_str();
        let id = format!("{}/{local}", self.catalog.provider(provider).id);
        // A bad or duplicate id keeps the credential out, but its other fields are still
        // checked, so one run reports everything.
        let mut usable = self.check_id(local, place.at(&[Key("id")]), "credential");
        if let Some(existing) = self.catalog.find_credential(&id) {
            let first = self.credential_places[existing.index()].at(&[Key("id")]);
            self.duplicate(
                place.at(&[Key("id")]),
                &format!("duplicate credential id `{id}`"),
                &first,
            );
            usable = false;
        }
        if spec.title.as_str().trim().is_empty() {
            self.error(
                place.at(&[Key("title")]),
                "the credential's `title` is empty".into(),
            );
        }
        let (hours, cost) = self.check_numbers(spec, place);
        let skills = self.credential_skills(spec, place);
        let verified = spec.verified.as_ref().and_then(|text| {
            let parsed = text.as_str().parse::<Date>().ok();
            if parsed.is_none() {
                self.error(
                    place.at(&[Key("verified")]),
                    format!(
                        "`{}` is not a date: write it as YYYY-MM-DD, like 2026-06-01",
                        text.as_str()
                    ),
                );
            }
            parsed
        });
        if !usable {
            return None;
        }
        let idx = CredentialIdx(self.catalog.credentials.len() as u32);
        self.catalog.credentials.push(Credential {
            id: id.clone(),
            provider,
            title: spec.title.0.clone(),
            kind: spec.kind,
            level: spec.level,
            hours: Amount::from_f64(hours),
            cost: Amount::from_f64(cost),
            skills,
            requires: Vec::new(),
            recommends: Vec::new(),
            valid_for_months: spec.valid_for_months.filter(|&m| m > 0 && m <= MAX_MONTHS),
            delivery: spec.format.as_ref().map(|text| text.0.clone()),
            url: spec.url.as_ref().map(|text| text.0.clone()),
            description: spec.description.as_ref().map(|text| text.0.clone()),
            sources: spec
                .source
                .iter()
                .flat_map(|sources| sources.0.iter().map(|text| text.0.clone()))
                .collect(),
            verified,
            retired: spec.retired,
            file: Arc::clone(file),
        });
        self.catalog.credential_ids.insert(id, idx);
        self.credential_places.push(place.clone());
        Some(idx)
    }

    /// Hours, cost and validity within their ranges; out-of-range values are reported and
    /// clamped so the rest of the checks can go on.
    fn check_numbers(&mut self, spec: &CredentialSpec, place: &Place) -> (f64, f64) {
        let hours = spec.hours.0;
        let (max_hours, max_cost) = (f64::from(MAX_HOURS), f64::from(MAX_COST));
        if !(hours > 0.0 && hours <= max_hours) {
            let rule = if hours > max_hours {
                format!("at most {MAX_HOURS}")
            } else {
                "more than 0".to_owned()
            };
            self.error(
                place.at(&[Key("hours")]),
                format!("hours must be {rule}, found {hours}"),
            );
        }
        let cost = spec.cost.0;
        if !(0.0..=max_cost).contains(&cost) {
            let rule = if cost > max_cost {
                format!("at most {MAX_COST}")
            } else {
                "0 or more (0 means free)".to_owned()
            };
            self.error(
                place.at(&[Key("cost")]),
                format!("cost must be {rule}, found {cost}"),
            );
        }
        if let Some(months) = spec.valid_for_months.filter(|&m| m == 0 || m > MAX_MONTHS) {
            self.error(
                place.at(&[Key("valid_for_months")]),
                format!(
                    "valid_for_months must be between 1 and {MAX_MONTHS}, found {months}; \
                     leave it out for a credential that never expires"
                ),
            );
        }
        (hours.clamp(0.0, max_hours), cost.clamp(0.0, max_cost))
    }

    fn credential_skills(&mut self, spec: &CredentialSpec, place: &Place) -> Vec<SkillIdx> {
        if spec.skills.is_empty() {
            self.error(
                place.at(&[Key("skills")]),
                "a credential must teach at least one skill; list them in `skills`".into(),
            );
        }
        let mut skills = Vec::new();
        for (n, skill) in spec.skills.iter().enumerate() {
            let skill_place = place.at(&[Key("skills"), Index(n)]);
            if let Some(idx) = self.use_skill(skill.as_str(), &skill_place) {
                if skills.contains(&idx) {
                    self.warning(
                        skill_place,
                        format!("skill `{}` is listed twice", skill.as_str()),
                    );
                } else {
                    skills.push(idx);
                }
            }
        }
        skills
    }

    /// Resolves a `requires` or `recommends` list; unknown references are reported with
    /// `severity` and left out. Each kept requirement comes with its item's place.
    fn requirements(
        &mut self,
        specs: &[RequirementSpec],
        list: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
    ) -> Vec<(Requirement, Place)> {
        let verb = list
            .path
            .last()
            .map_or("requires", |segment| match segment {
                Segment::Key(key) => key,
                Segment::Index(_) => "requires",
            });
        let mut resolved = Vec::new();
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
                resolved.push((requirement, place));
            }
        }
        resolved
    }

    fn atom(
        &mut self,
        atom: &AtomSpec,
        place: &Place,
        provider: Option<ProviderIdx>,
        severity: Severity,
        verb: &str,
    ) -> Option<Atom> {
        match atom {
            AtomSpec::Skill(id) => self.use_skill(id, place).map(Atom::Skill),
            AtomSpec::Credential(reference) => self
                .reference(reference, place, provider, severity, verb)
                .map(Atom::Credential),
        }
    }

    /// A credential reference: `provider/id`, or a bare id in `provider`.
    fn reference(
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
                format!("{}/{reference}", self.catalog.provider(provider).id)
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
    fn other_providers_hint(&self, local: &str) -> String {
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

    fn role(
        &mut self,
        spec: &RoleSpec,
        place: &Place,
        provider: Option<ProviderIdx>,
        file: &Arc<str>,
    ) {
        let id = spec.id.as_str();
        if !self.check_id(id, place.at(&[Key("id")]), "role") {
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
            let skill_place = place.at(&[Key("skills"), Index(n)]);
            if let Some(idx) = self.use_skill(skill.as_str(), &skill_place) {
                let requirement = Requirement::One(Atom::Skill(idx));
                if requirements.contains(&requirement) {
                    self.warning(
                        skill_place,
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
        requirements.extend(extra.into_iter().map(|(requirement, _)| requirement));
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

    fn index_skills(&mut self) {
        let count = self.catalog.skills.len();
        self.catalog.taught_by = vec![Vec::new(); count];
        self.catalog.required_by_skill = vec![Vec::new(); count];
        for (i, credential) in self.catalog.credentials.iter().enumerate() {
            let idx = CredentialIdx(i as u32);
            for &skill in &credential.skills {
                self.catalog.taught_by[skill.index()].push(idx);
            }
            let mut needed: Vec<SkillIdx> = credential
                .requires
                .iter()
                .flat_map(Requirement::atoms)
                .filter_map(|atom| match atom {
                    Atom::Skill(skill) => Some(*skill),
                    Atom::Credential(_) => None,
                })
                .collect();
            needed.sort_unstable();
            needed.dedup();
            for skill in needed {
                self.catalog.required_by_skill[skill.index()].push(idx);
            }
        }
    }

    /// Builds the prerequisite graph and reports every cycle among `requires` references.
    fn build_graph(&mut self) {
        let mut graph: DiGraph<CredentialIdx, Edge> =
            DiGraph::with_capacity(self.catalog.credentials.len(), 0);
        for idx in self.catalog.credential_indices() {
            graph.add_node(idx);
        }
        let mut requires_places: HashMap<(CredentialIdx, CredentialIdx), Place> = HashMap::new();
        let places: HashMap<CredentialIdx, Place> =
            self.requirement_places.iter().cloned().collect();
        for (i, credential) in self.catalog.credentials.iter().enumerate() {
            let node = NodeIndex::new(i);
            let idx = CredentialIdx(i as u32);
            for (n, requirement) in credential.requires.iter().enumerate() {
                let kind = if matches!(requirement, Requirement::Any(_)) {
                    Edge::OneOf
                } else {
                    Edge::Requires
                };
                for atom in requirement.atoms() {
                    if let Atom::Credential(prerequisite) = atom {
                        graph.add_edge(NodeIndex::new(prerequisite.index()), node, kind);
                        if let Some(place) = places.get(&idx) {
                            requires_places
                                .entry((idx, *prerequisite))
                                .or_insert_with(|| place.at(&[Key("requires"), Index(n)]));
                        }
                    }
                }
            }
            for requirement in &credential.recommends {
                for atom in requirement.atoms() {
                    if let Atom::Credential(recommended) = atom {
                        graph.add_edge(NodeIndex::new(recommended.index()), node, Edge::Recommends);
                    }
                }
            }
        }
        self.catalog.graph = graph;
        for cycle in super::cycles::find(&self.catalog) {
            let names: Vec<&str> = cycle
                .iter()
                .map(|&idx| self.catalog.credential(idx).id.as_str())
                .collect();
            let place = requires_places
                .get(&(cycle[0], cycle[1]))
                .cloned()
                .unwrap_or_else(|| self.credential_places[cycle[0].index()].clone());
            let message = if cycle.len() == 2 {
                format!(
                    "credential `{}` requires itself; remove it from its own `requires`",
                    names[0]
                )
            } else {
                format!(
                    "requirement cycle: {}; remove one of these requirements",
                    names.join(" -> ")
                )
            };
            self.error(place, message);
        }
    }

    fn warn_untaught_role_skills(&mut self) {
        let mut warnings = Vec::new();
        for (r, role) in self.catalog.roles.iter().enumerate() {
            for (n, requirement) in role.requirements.iter().enumerate() {
                let Requirement::One(Atom::Skill(skill)) = requirement else {
                    continue;
                };
                let teachers = self.catalog.teachers(*skill);
                let id = &self.catalog.skill(*skill).id;
                let message = if teachers.is_empty() {
                    format!(
                        "no credential teaches skill `{id}`, so no plan can meet it unless the learner already has it"
                    )
                } else if teachers.iter().all(|&c| self.catalog.credential(c).retired) {
                    format!(
                        "only retired credentials teach skill `{id}`, so no plan can meet it unless the learner already has it"
                    )
                } else {
                    continue;
                };
                warnings.push((self.role_places[r].at(&[Key("skills"), Index(n)]), message));
            }
        }
        for (place, message) in warnings {
            self.warning(place, message);
        }
    }

    /// An undeclared skill one typo away from a declared one is probably that one.
    fn warn_skill_typos(&mut self) {
        let declared: Vec<&str> = self
            .catalog
            .skill_ids
            .iter()
            .filter(|(_, idx)| self.catalog.skill(**idx).declared)
            .map(|(name, _)| name.as_str())
            .collect();
        let mut warnings = Vec::new();
        for (i, skill) in self.catalog.skills.iter().enumerate() {
            if skill.declared {
                continue;
            }
            let Some(found) = crate::text::closest(&skill.id, declared.iter().copied()) else {
                continue;
            };
            if let Some(place) = self.skill_first_use.get(&SkillIdx(i as u32)) {
                warnings.push((
                    place.clone(),
                    format!(
                        "skill `{}` is not declared in any `skills:` list; did you mean `{found}`?",
                        skill.id
                    ),
                ));
            }
        }
        warnings.sort_by_key(|(place, _)| place.file);
        for (place, message) in warnings {
            self.warning(place, message);
        }
    }

    /// True for a valid id; otherwise an error at `place` with a corrected suggestion.
    fn check_id(&mut self, id: &str, place: Place, what: &str) -> bool {
        if is_id(id) {
            return true;
        }
        let fixed = kebab(id);
        let hint = if is_id(&fixed) {
            format!(", like `{fixed}`")
        } else {
            String::new()
        };
        let shown = if id.is_empty() {
            "an empty string".to_owned()
        } else {
            format!("`{id}`")
        };
        self.error(
            place,
            format!("{shown} is not a valid {what} id: use lowercase letters and digits in words joined by single hyphens{hint}"),
        );
        false
    }
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The kebab-case form an author probably meant: `Network_Plus` -> `network-plus`.
fn kebab(text: &str) -> String {
    let lowered: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lowered
        .split('-')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_kebab_case() {
        for good in ["a", "a-plus", "az-104", "network-plus", "3d"] {
            assert!(is_id(good), "{good}");
        }
        for bad in ["", "A-plus", "a_plus", "a--b", "-a", "a-", "a b", "é"] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_corrected_id_is_suggested() {
        assert_eq!(kebab("Network_Plus"), "network-plus");
        assert_eq!(kebab("AZ 104"), "az-104");
    }
}
