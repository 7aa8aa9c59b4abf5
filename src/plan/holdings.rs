//! What a learner has at one point of a plan (SPEC §2 "Satisfied"): held credentials,
//! skills and work experience plus the steps before that point, and which requirements that
//! satisfies. A stack is had as soon as its parts are.

use jiff::Span;
use jiff::civil::Date;

use crate::catalog::{Atom, Catalog, CredentialIdx, Gate, Requirement, SkillIdx};

use super::schedule::expiry;
use super::{Have, Plan, Tenure};

/// When a held credential expires: the date its issuer gave (`expires`), else `earned +
/// valid_for_months`, when both are known; for a stack that lasts while its parts do, when
/// the first of its held parts expires.
pub fn held_expiry(catalog: &Catalog, have: &Have, id: &str) -> Option<Date> {
    if let Some(&expires) = have.expires.get(id) {
        return Some(expires);
    }
    let credential = catalog.credential(catalog.find_credential(id)?);
    if credential.stack && credential.while_parts_valid {
        return credential
            .requires
            .iter()
            .flat_map(Requirement::atoms)
            .filter_map(|&atom| match atom {
                Atom::Credential(part) => held_expiry(catalog, have, &catalog.credential(part).id),
                _ => None,
            })
            .min();
    }
    expiry(*have.earned.get(id)?, credential.valid_for_months?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holdings {
    credentials: Vec<bool>,
    /// Held skills and every skill a had credential teaches.
    skills: Vec<bool>,
    /// Work experience by field, few entries.
    experience: Vec<FieldExperience>,
}

/// The experience in one field: fixed months add up; accruing work counts from the earliest
/// date it started (two jobs at once do not make two months a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FieldExperience {
    field: SkillIdx,
    months: u32,
    since: Option<Date>,
}

/// When an experience gate is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eligibility {
    /// The fixed months reach it.
    Met,
    /// Accruing experience reaches it on this date (possibly past).
    From(Date),
    /// It can never be met: the months held, none accruing.
    Never { months: u32 },
}

impl Eligibility {
    /// Met on `date`.
    pub fn met_on(self, date: Date) -> bool {
        match self {
            Eligibility::Met => true,
            Eligibility::From(from) => from <= date,
            Eligibility::Never { .. } => false,
        }
    }
}

impl Holdings {
    /// Nothing held.
    pub fn new(catalog: &Catalog) -> Holdings {
        Holdings {
            credentials: vec![false; catalog.credentials.len()],
            skills: vec![false; catalog.skills.len()],
            experience: Vec::new(),
        }
    }

    /// What a plan's learner has when it starts: the credentials, skills and experience of
    /// its `have`, less the credentials that expired before its start. Ids the catalog
    /// does not know are left out (the checks report them).
    pub fn of_plan(catalog: &Catalog, plan: &Plan) -> Holdings {
        Holdings::of_have(catalog, &plan.have, plan.start)
    }

    /// The credentials, skills and experience of `have` on the day `on`: a credential
    /// earned so long before that it has expired does not count.
    pub fn of_have(catalog: &Catalog, have: &Have, on: Date) -> Holdings {
        let mut holdings = Holdings::new(catalog);
        for id in &have.credentials {
            if let Some(idx) = catalog.find_credential(id)
                && held_expiry(catalog, have, id).is_none_or(|expires| expires > on)
            {
                holdings.add_credential(catalog, idx);
            }
        }
        for id in &have.skills {
            if let Some(idx) = catalog.find_skill(id) {
                holdings.add_skill(catalog, idx);
            }
        }
        for entry in &have.experience {
            if let Some(field) = catalog.find_skill(&entry.field) {
                holdings.add_experience(catalog, field, entry.tenure);
            }
        }
        holdings
    }

    /// Had from now on: the credential, the skills it teaches, and every stack that
    /// completes.
    pub fn add_credential(&mut self, catalog: &Catalog, idx: CredentialIdx) {
        self.mark(catalog, idx);
        self.award_stacks(catalog);
    }

    fn mark(&mut self, catalog: &Catalog, idx: CredentialIdx) {
        self.credentials[idx.index()] = true;
        for &skill in &catalog.credential(idx).skills {
            self.skills[skill.index()] = true;
        }
    }

    /// Awards every stack whose parts are had, until none is left to award. A retired stack
    /// is no longer awarded.
    fn award_stacks(&mut self, catalog: &Catalog) {
        loop {
            let awarded = catalog.stacks().iter().copied().find(|&stack| {
                !self.has_credential(stack)
                    && !catalog.credential(stack).retired
                    && self.can_take(catalog, stack)
            });
            match awarded {
                Some(stack) => self.mark(catalog, stack),
                None => return,
            }
        }
    }

    /// The stacks had now that are not had in `before`, in catalog order.
    pub fn awarded_since(&self, catalog: &Catalog, before: &Holdings) -> Vec<CredentialIdx> {
        catalog
            .stacks()
            .iter()
            .copied()
            .filter(|&stack| self.has_credential(stack) && !before.has_credential(stack))
            .collect()
    }

    /// Held from now on, with every stack that completes.
    pub fn add_skill(&mut self, catalog: &Catalog, idx: SkillIdx) {
        self.skills[idx.index()] = true;
        self.award_stacks(catalog);
    }

    /// Work experience in a field, with every stack that completes.
    pub fn add_experience(&mut self, catalog: &Catalog, field: SkillIdx, tenure: Tenure) {
        let position = if let Some(position) = self.experience.iter().position(|e| e.field == field)
        {
            position
        } else {
            self.experience.push(FieldExperience {
                field,
                months: 0,
                since: None,
            });
            self.experience.len() - 1
        };
        let entry = &mut self.experience[position];
        match tenure {
            Tenure::Months(months) => entry.months = entry.months.saturating_add(months),
            Tenure::Since(date) => entry.since = Some(entry.since.map_or(date, |d| d.min(date))),
        }
        self.award_stacks(catalog);
    }

    pub fn has_credential(&self, idx: CredentialIdx) -> bool {
        self.credentials[idx.index()]
    }

    /// Held, or taught by a had credential.
    pub fn has_skill(&self, idx: SkillIdx) -> bool {
        self.skills[idx.index()]
    }

    /// The months of experience had in a field now, accruing work left out.
    pub fn months_in(&self, field: SkillIdx) -> u32 {
        self.experience
            .iter()
            .find(|e| e.field == field)
            .map_or(0, |e| e.months)
    }

    /// When the experience reaches a gate.
    #[inline(never)]
    pub fn eligibility(&self, gate: Gate) -> Eligibility {
        let entry = self.experience.iter().find(|e| e.field == gate.field);
        let months = entry.map_or(0, |e| e.months);
        if months >= gate.months {
            return Eligibility::Met;
        }
        match entry.and_then(|e| e.since) {
            Some(since) => since
                .checked_add(Span::new().months(i64::from(gate.months - months)))
                .map_or(Eligibility::Never { months }, Eligibility::From),
            None => Eligibility::Never { months },
        }
    }

    /// Whether the learner's experience meets or will meet a gate: a plan may count on
    /// accruing experience, and its schedule waits for it.
    pub fn can_meet(&self, gate: Gate) -> bool {
        !matches!(self.eligibility(gate), Eligibility::Never { .. })
    }

    pub fn satisfies_atom(&self, atom: Atom) -> bool {
        match atom {
            Atom::Credential(idx) => self.has_credential(idx),
            Atom::Skill(idx) => self.has_skill(idx),
            Atom::Experience(gate) => self.can_meet(gate),
        }
    }

    /// Every clause of the requirement has an alternative that is had.
    pub fn satisfies(&self, requirement: &Requirement) -> bool {
        match requirement {
            // A group's parts are clauses, never groups: no recursion, so this inlines into
            // the recommender's hot loops.
            Requirement::All(clauses) => clauses.iter().all(|clause| self.satisfies_clause(clause)),
            clause => self.satisfies_clause(clause),
        }
    }

    fn satisfies_clause(&self, clause: &Requirement) -> bool {
        clause.atoms().iter().any(|&atom| self.satisfies_atom(atom))
    }

    /// Whether every requirement of the credential is satisfied.
    pub fn can_take(&self, catalog: &Catalog, idx: CredentialIdx) -> bool {
        catalog
            .credential(idx)
            .requires
            .iter()
            .all(|requirement| self.satisfies(requirement))
    }

    /// The experience gate that keeps a credential out of reach for good: a requirement of
    /// it whose every alternative is experience the learner does not have and is not
    /// gaining. A plan step behind one never counts (the checks say why).
    pub fn barred_by(&self, catalog: &Catalog, idx: CredentialIdx) -> Option<Gate> {
        catalog.credential(idx).requires.iter().find_map(|clause| {
            let atoms = clause.atoms();
            let barred = !atoms.is_empty()
                && atoms
                    .iter()
                    .all(|&atom| matches!(atom, Atom::Experience(gate) if !self.can_meet(gate)));
            barred
                .then(|| {
                    atoms.iter().find_map(|&atom| match atom {
                        Atom::Experience(gate) => Some(gate),
                        _ => None,
                    })
                })
                .flatten()
        })
    }

    /// A plan's step, had from then on unless experience bars it for good.
    pub fn add_step(&mut self, catalog: &Catalog, idx: CredentialIdx) {
        if self.barred_by(catalog, idx).is_none() {
            self.add_credential(catalog, idx);
        }
    }

    /// The date from which every experience gate the credential's requirements depend on
    /// is met, given what is had: for each clause not met otherwise, the earliest date an
    /// alternative gate is met. `None` when nothing waits for experience.
    pub fn eligible_from(&self, catalog: &Catalog, idx: CredentialIdx) -> Option<Date> {
        let mut latest: Option<Date> = None;
        for clause in &catalog.credential(idx).requires {
            let atoms = clause.atoms();
            let met_otherwise = atoms.iter().any(|&atom| match atom {
                Atom::Experience(gate) => self.eligibility(gate) == Eligibility::Met,
                other => self.satisfies_atom(other),
            });
            if met_otherwise {
                continue;
            }
            let earliest = atoms
                .iter()
                .filter_map(|&atom| match atom {
                    Atom::Experience(gate) => match self.eligibility(gate) {
                        Eligibility::From(date) => Some(date),
                        _ => None,
                    },
                    _ => None,
                })
                .min();
            if let Some(date) = earliest {
                latest = Some(latest.map_or(date, |l| l.max(date)));
            }
        }
        latest
    }

    /// The had credentials, in catalog order.
    pub fn credentials(&self) -> impl Iterator<Item = CredentialIdx> + '_ {
        self.credentials
            .iter()
            .enumerate()
            .filter(|(_, had)| **had)
            .map(|(i, _)| CredentialIdx(i as u32))
    }
}
