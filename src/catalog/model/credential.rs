//! A credential, laid out small.

use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Amount, CredentialIdx, Kind, Level, ProviderIdx, Requirement, SkillIdx, Unknowns};

/// A credential. A million of them are held at once in a large catalog, so the fields are laid
/// out to be small: text and lists that are never grown are boxed slices, and the fields most
/// credentials leave unset share one box ([`Rare`]), read through accessors.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Credential {
    /// The global id, `provider/local-id`.
    pub id: Box<str>,
    pub title: Box<str>,
    pub file: Arc<str>,
    pub skills: Box<[SkillIdx]>,
    pub requires: Box<[Requirement]>,
    pub description: Option<Box<str>>,
    /// The `format` field: how it is delivered (online self-paced, exam, ...).
    pub delivery: Option<Box<str>>,
    pub sources: Box<[Box<str>]>,
    #[serde(with = "crate::catalog::amount::exact")]
    pub hours: Amount,
    #[serde(with = "crate::catalog::amount::exact")]
    pub cost: Amount,
    /// The fields most credentials leave unset; `None` when every one of them is (see
    /// [`Credential::set_rare`]).
    pub(in crate::catalog) rare: Option<Box<Rare>>,
    pub provider: ProviderIdx,
    pub valid_for_months: Option<u32>,
    pub verified: Option<Date>,
    pub kind: Kind,
    pub level: Option<Level>,
    pub unknown: Unknowns,
    pub retired: bool,
    /// A stack: awarded as soon as its `requires` (its `awarded_when`) hold; no cost, no
    /// time, never a step.
    pub stack: bool,
    /// A stack that expires when the first of its parts expires.
    pub while_parts_valid: bool,
}

/// A credential's fields that most credentials leave unset, boxed together so that a
/// credential without any of them holds one empty pointer for them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rare {
    pub url: Option<String>,
    /// External ids and addresses naming the same credential (`same_as`).
    pub same_as: Vec<String>,
    /// The occupations it prepares for, in occupation frameworks (`occupations`).
    pub occupations: Vec<Occupation>,
    pub recommends: Vec<Requirement>,
    /// The credential that replaces this retired one.
    pub replaced_by: Option<CredentialIdx>,
}

impl Rare {
    fn is_empty(&self) -> bool {
        *self == Rare::default()
    }
}

/// An occupation in a framework (SOC, O*NET-SOC, ISCO-08, ESCO...): its code, its name, or
/// both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupation {
    pub code: Option<String>,
    pub framework: Option<String>,
    pub name: Option<String>,
}

impl Occupation {
    /// `15-1244.00 Network and Computer Systems Administrators (O*NET-SOC)`: what is given.
    pub fn describe(&self) -> String {
        let out = [&self.code, &self.name]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        match &self.framework {
            Some(framework) => format!("{out} ({framework})"),
            None => out,
        }
    }
}

impl Credential {
    /// The id within its provider, after the `/`.
    pub fn local_id(&self) -> &str {
        self.id.split_once('/').map_or(&self.id, |(_, local)| local)
    }

    pub fn url(&self) -> Option<&str> {
        self.rare.as_ref()?.url.as_deref()
    }

    /// External ids and addresses naming the same credential (`same_as`).
    pub fn same_as(&self) -> &[String] {
        self.rare.as_ref().map_or(&[], |rare| &rare.same_as)
    }

    /// The occupations it prepares for, in occupation frameworks (`occupations`).
    pub fn occupations(&self) -> &[Occupation] {
        self.rare.as_ref().map_or(&[], |rare| &rare.occupations)
    }

    /// Its `recommends`: shown, never enforced.
    pub fn recommends(&self) -> &[Requirement] {
        self.rare.as_ref().map_or(&[], |rare| &rare.recommends)
    }

    /// The credential that replaces this retired one.
    pub fn replaced_by(&self) -> Option<CredentialIdx> {
        self.rare.as_ref()?.replaced_by
    }

    /// Replaces the rarely set fields; a credential with none of them set keeps no box.
    pub fn set_rare(&mut self, rare: Rare) {
        self.rare = (!rare.is_empty()).then(|| Box::new(rare));
    }

    /// Changes the rarely set fields in place.
    pub fn edit_rare(&mut self, edit: impl FnOnce(&mut Rare)) {
        let mut rare = self.rare.take().map_or_else(Rare::default, |rare| *rare);
        edit(&mut rare);
        self.set_rare(rare);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credential_is_small() {
        // A million are held at once in a large catalog: every 8 bytes here is 8 MB there.
        assert_eq!(std::mem::size_of::<Credential>(), 184);
    }
}
