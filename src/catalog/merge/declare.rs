//! Declaring skills and credentials: ids, duplicates, numbers, skills.

use std::sync::Arc;

use super::Merge;
use crate::catalog::format::{
    CatalogFile, CredentialSpec, MAX_COST, MAX_HOURS, MAX_MONTHS, Measure, Text,
};
use crate::catalog::model::{
    Amount, Credential, CredentialIdx, IdHash, ProviderIdx, Rare, Skill, SkillIdx, Unknowns,
};
use crate::catalog::place::{Pending, Place};
use crate::catalog::problem::Severity;
use crate::yaml::Segment::{Index, Key};

impl Merge {
    /// A warning when `validate` checks the age of facts and these are too old.
    fn check_freshness(&mut self, date: jiff::civil::Date, place: &Place) {
        let Some(freshness) = self.freshness else {
            return;
        };
        if !crate::catalog::freshness::is_stale(date, freshness.today, freshness.max_age_months) {
            return;
        }
        let months = crate::catalog::freshness::months_since(date, freshness.today);
        self.warning(
            place.at(&[Key("verified")]),
            format!(
                "the facts were checked on {date}, {months} months ago, more than {}: they may be out of date; check them with the issuer and update `verified`",
                freshness.max_age_months
            ),
        );
    }

    pub(super) fn declare_skills(&mut self, file: usize, spec: &CatalogFile) {
        for (n, skill) in spec.skills.iter().flatten().enumerate() {
            let place = Place::value(file, &[Key("skills"), Index(n)]);
            let id = skill.id.as_str();
            if !self.check_id(id, || place.at(&[Key("id")]), "skill") {
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
                if !self.check_id(alias, || alias_place.clone(), "skill alias") {
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
            self.skill_same_as(idx, &skill.same_as, &place);
        }
    }

    /// A skill's `same_as` URIs, each naming at most one skill: a framework concept on two
    /// skills would make an import's mapping a guess.
    fn skill_same_as(&mut self, idx: SkillIdx, same_as: &[Text], place: &Place) {
        let checked = self.check_same_as(same_as, place, "an ESCO skill URI");
        let mut kept = Vec::with_capacity(checked.len());
        for entry in checked {
            let n = same_as
                .iter()
                .position(|written| written.as_str().trim() == entry)
                .unwrap_or(0);
            let at = place.at(&[Key("same_as"), Index(n)]);
            if let Some((owner, first)) = self.skill_same_as.get(&entry) {
                let owner = self.catalog.skill(*owner).id.clone();
                self.pending.push(Pending {
                    severity: Severity::Error,
                    place: at,
                    message: format!("`{entry}` is already the `same_as` of skill `{owner}` (at {{also}}): a concept names one skill; keep it on one of them, and make the other an alias if they are the same"),
                    also: Some(first.clone()),
                });
                continue;
            }
            self.skill_same_as.insert(entry.clone(), (idx, at));
            kept.push(entry);
        }
        self.catalog.skills[idx.index()].same_as = kept;
    }

    pub(super) fn new_skill(&mut self, id: &str, declared: bool) -> SkillIdx {
        let idx = SkillIdx(self.catalog.skills.len() as u32);
        self.catalog.skills.push(Skill {
            id: id.to_owned(),
            name: None,
            description: None,
            aliases: Vec::new(),
            same_as: Vec::new(),
            declared,
        });
        self.catalog.skill_ids.insert(id.to_owned(), idx);
        idx
    }

    /// A skill by id or alias, created on first use when no file declares it.
    /// `place` is made only when it is needed: for an error, or the skill's first use.
    pub(super) fn use_skill(&mut self, id: &str, place: impl Fn() -> Place) -> Option<SkillIdx> {
        if !self.check_id(id, &place, "skill") {
            return None;
        }
        let idx = match self.catalog.find_skill(id) {
            Some(idx) => idx,
            None => self.new_skill(id, false),
        };
        let first_use = &mut self.skill_first_use;
        if first_use.len() <= idx.index() {
            first_use.resize(idx.index() + 1, None);
        }
        first_use[idx.index()].get_or_insert_with(place);
        Some(idx)
    }

    pub(super) fn credential(
        &mut self,
        mut spec: CredentialSpec,
        (file_index, n): (usize, usize),
        provider: ProviderIdx,
        file: &Arc<str>,
        (id, hash): (String, IdHash),
    ) -> Option<CredentialIdx> {
        let place = &Place::value(file_index, &[Key("credentials"), Index(n)]);
        let local = spec.id.as_str();
        // A bad or duplicate id keeps the credential out, but its other fields are still
        // checked, so one run reports everything.
        let mut usable = self.check_id(local, || place.at(&[Key("id")]), "credential");
        let ids = &self.catalog.credential_ids;
        if let Some(existing) = ids.get_hashed(&self.catalog.credentials, &id, hash) {
            let first = self.credential_place(existing).at(&[Key("id")]);
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
                "the credential's `title` is empty; write its full title".into(),
            );
        }
        let (hours, cost) = self.check_numbers(&spec, place);
        let skills = self.credential_skills(&spec, place);
        let same_as = self.check_same_as(&spec.same_as, place, "`ce-...`");
        let occupations = self.check_occupations(std::mem::take(&mut spec.occupations), place);
        let verified = spec.verified.as_ref().and_then(|text| {
            let parsed = crate::dates::parse(text.as_str(), "2026-06-01");
            match &parsed {
                Err(message) => self.error(place.at(&[Key("verified")]), message.clone()),
                Ok(date) => self.check_freshness(*date, place),
            }
            parsed.ok()
        });
        if !usable {
            return None;
        }
        let idx = CredentialIdx(self.catalog.credentials.len() as u32);
        let mut credential = Credential {
            id: id.into_boxed_str(),
            provider,
            // Moved, not copied: a catalog of 100,000 credentials holds its text once.
            title: spec.title.0.into(),
            kind: spec.kind,
            level: spec.level,
            hours: Amount::from_f64(hours.unwrap_or(0.0)),
            cost: Amount::from_f64(cost.unwrap_or(0.0)),
            unknown: Unknowns {
                hours: hours.is_none(),
                cost: cost.is_none(),
            },
            skills: skills.into(),
            requires: Box::default(),
            valid_for_months: spec.valid_for_months.filter(|&m| m > 0 && m <= MAX_MONTHS),
            delivery: spec.format.map(|text| text.0.into()),
            description: spec.description.map(|text| text.0.into()),
            sources: spec
                .source
                .into_iter()
                .flat_map(|sources| sources.0.into_iter().map(|text| text.0.into()))
                .collect(),
            verified,
            retired: spec.retired,
            stack: !spec.awarded_when.is_empty(),
            while_parts_valid: spec.while_parts_valid,
            rare: None,
            file: Arc::clone(file),
        };
        credential.set_rare(Rare {
            url: spec.url.map(|text| text.0),
            same_as,
            occupations,
            recommends: Vec::new(),
            replaced_by: None,
        });
        self.catalog.credentials.push(credential);
        self.catalog.credential_ids.insert_new(hash, idx);
        self.credential_items.push((file_index, n));
        Some(idx)
    }

    /// The `same_as` entries that are neither blank nor repeated; each one that is, reported
    /// with `example` as what to write.
    fn check_same_as(&mut self, same_as: &[Text], place: &Place, example: &str) -> Vec<String> {
        let mut kept: Vec<String> = Vec::with_capacity(same_as.len());
        for (n, entry) in same_as.iter().enumerate() {
            let at = place.at(&[Key("same_as"), Index(n)]);
            let entry = entry.as_str().trim();
            if entry.is_empty() {
                self.error(
                    at,
                    format!("this `same_as` entry is blank: write an external id (like {example}) or an address, or remove the entry"),
                );
            } else if kept.iter().any(|seen| seen == entry) {
                self.error(
                    at,
                    format!("`{entry}` is listed twice in `same_as`: list each external id once"),
                );
            } else {
                kept.push(entry.to_owned());
            }
        }
        kept
    }

    /// Hours, cost and validity within their ranges; out-of-range values are reported and
    /// clamped so the rest of the checks can go on. `None` is a value written `unknown`.
    pub(super) fn check_numbers(
        &mut self,
        spec: &CredentialSpec,
        place: &Place,
    ) -> (Option<f64>, Option<f64>) {
        let (max_hours, max_cost) = (f64::from(MAX_HOURS), f64::from(MAX_COST));
        let stack = !spec.awarded_when.is_empty();
        if stack {
            // A stack is awarded, not earned: it has no time or price of its own.
            for (field, what) in [
                ("hours", spec.hours.is_some()),
                ("cost", spec.cost.is_some()),
            ] {
                if what {
                    self.error(
                        place.at(&[Key(field)]),
                        format!("a stack (`awarded_when`) has no `{field}` of its own: it is awarded, free and at once, when its parts are held; remove `{field}`"),
                    );
                }
            }
        } else if spec.while_parts_valid {
            self.warning(
                place.at(&[Key("while_parts_valid")]),
                "`while_parts_valid` only means something on a stack (a credential with `awarded_when`)".into(),
            );
        }
        let hours = match spec.hours {
            Some(Measure::Known(hours)) => Some(hours),
            Some(Measure::Unknown) => None,
            None if stack => Some(0.0),
            None => {
                self.error(
                    place.clone(),
                    "missing field `hours`: give the estimated learning hours, more than 0, or `unknown` when no source says (only a stack, with `awarded_when`, has none)".into(),
                );
                Some(1.0)
            }
        };
        if let Some(hours) = hours
            && !stack
            && !(hours > 0.0 && hours <= max_hours)
        {
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
        let cost = match spec.cost {
            Some(Measure::Known(cost)) => Some(cost),
            Some(Measure::Unknown) => None,
            None if stack => Some(0.0),
            None => {
                self.error(
                    place.clone(),
                    "missing field `cost`: give the price in the catalog currency, 0 for free, or `unknown` when no source says (only a stack, with `awarded_when`, has none)".into(),
                );
                Some(0.0)
            }
        };
        if let Some(cost) = cost
            && !(0.0..=max_cost).contains(&cost)
        {
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
        (
            hours.map(|hours| hours.clamp(0.0, max_hours)),
            cost.map(|cost| cost.clamp(0.0, max_cost)),
        )
    }

    pub(super) fn credential_skills(
        &mut self,
        spec: &CredentialSpec,
        place: &Place,
    ) -> Vec<SkillIdx> {
        if spec.skills.is_empty() && spec.awarded_when.is_empty() && !self.lists_reported {
            self.error(
                place.at(&[Key("skills")]),
                "a credential must teach at least one skill; list them in `skills`".into(),
            );
        }
        let mut skills = Vec::with_capacity(spec.skills.len());
        for (n, skill) in spec.skills.iter().enumerate() {
            let skill_place = || place.at(&[Key("skills"), Index(n)]);
            if let Some(idx) = self.use_skill(skill.as_str(), skill_place) {
                if skills.contains(&idx) {
                    self.warning(
                        skill_place(),
                        format!("skill `{}` is listed twice; list it once", skill.as_str()),
                    );
                } else {
                    skills.push(idx);
                }
            }
        }
        skills
    }
}
