//! Setting each credential's `requires` and `recommends`: as soon as they resolve, or once
//! every credential is declared.

use rayon::prelude::*;

use super::Merge;
use crate::catalog::format::RequirementSpec;
use crate::catalog::model::{Credential, CredentialIdx, Requirement};
use crate::catalog::problem::Severity;
use crate::yaml::Segment::Key;

/// A credential with the `requires` (or a stack's `awarded_when`) and `recommends` lists it
/// was written with.
pub(super) type CredentialLists = (CredentialIdx, Vec<RequirementSpec>, Vec<RequirementSpec>);

impl Merge {
    /// Sets a declared credential's lists when they resolve by lookups alone (see
    /// [`Merge::try_requirements`]); false, with nothing changed, when they do not.
    pub(super) fn resolve_declared(&mut self, lists: &CredentialLists) -> bool {
        let Some((requires, recommends)) = self.try_lists(lists) else {
            return false;
        };
        set_requirements(
            &mut self.catalog.credentials[lists.0.index()],
            requires,
            recommends,
        );
        true
    }

    /// A credential's `requires` and `recommends` resolved by lookups alone; `None` when
    /// either would report a problem or create a skill.
    fn try_lists(
        &self,
        (idx, requires, recommends): &CredentialLists,
    ) -> Option<(Vec<Requirement>, Vec<Requirement>)> {
        let provider = self.catalog.credential(*idx).provider;
        Some((
            self.try_requirements(requires, provider)?,
            self.try_requirements(recommends, provider)?,
        ))
    }

    /// Resolves the `requires` and `recommends` of the credentials whose lists did not
    /// resolve when they were declared. References resolve in parallel where they need only
    /// lookups; a list that would report a problem or create a skill is resolved again, in
    /// order, as it always was. `credentials` are in catalog order.
    pub(super) fn resolve_credential_requirements(&mut self, credentials: &[CredentialLists]) {
        // Checked in every build: problems are reported in the order of the lists, which must
        // be the catalog's.
        assert!(
            credentials.windows(2).all(|pair| pair[0].0 < pair[1].0)
                && credentials
                    .last()
                    .is_none_or(|last| last.0.index() < self.catalog.credentials.len()),
            "lists of declared credentials, in catalog order"
        );
        let resolved: Vec<Option<(Vec<Requirement>, Vec<Requirement>)>> = {
            let merge = &*self;
            credentials
                .par_iter()
                .map(|lists| merge.try_lists(lists))
                .collect()
        };
        for ((idx, requires, recommends), resolved) in credentials.iter().zip(resolved) {
            if let Some((requires, recommends)) = resolved {
                set_requirements(
                    &mut self.catalog.credentials[idx.index()],
                    requires,
                    recommends,
                );
                continue;
            }
            let place = self.credential_place(*idx);
            let provider = Some(self.catalog.credential(*idx).provider);
            let list = if self.catalog.credential(*idx).stack {
                "awarded_when"
            } else {
                "requires"
            };
            let requires =
                self.requirements(requires, &place.at(&[Key(list)]), provider, Severity::Error);
            let recommends = self.requirements(
                recommends,
                &place.at(&[Key("recommends")]),
                provider,
                Severity::Warning,
            );
            set_requirements(
                &mut self.catalog.credentials[idx.index()],
                requires,
                recommends,
            );
        }
    }
}

/// Sets a declared credential's resolved lists (its `recommends` were left empty).
fn set_requirements(
    credential: &mut Credential,
    requires: Vec<Requirement>,
    recommends: Vec<Requirement>,
) {
    credential.requires = requires.into();
    if !recommends.is_empty() {
        credential.edit_rare(|rare| rare.recommends = recommends);
    }
}
