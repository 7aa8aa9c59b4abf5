//! `replaced_by`: a retired credential's successor, resolved and checked.

use super::Merge;
use crate::catalog::format::Text;
use crate::catalog::model::CredentialIdx;
use crate::catalog::problem::Severity;
use crate::yaml::Segment::Key;

impl Merge {
    /// Resolves every `replaced_by`: only on a retired credential (a warning otherwise), to a
    /// credential that exists; a chain of successors must end at one that is not retired,
    /// and never come back to where it started.
    /// `successors` are every `replaced_by` written on a declared credential, in catalog order.
    pub(super) fn resolve_successors(&mut self, successors: &[(CredentialIdx, Text)]) {
        for (idx, successor) in successors {
            let place = self.credential_place(*idx).at(&[Key("replaced_by")]);
            let provider = Some(self.catalog.credential(*idx).provider);
            if !self.catalog.credential(*idx).retired {
                self.warning(
                    place.clone(),
                    "`replaced_by` names the successor of a retired credential, but this one is not `retired: true`; mark it retired, or remove `replaced_by`".into(),
                );
            }
            if let Some(next) = self.reference(
                successor.as_str(),
                &place,
                provider,
                Severity::Error,
                "replaced_by names",
            ) {
                self.catalog.credentials[idx.index()]
                    .edit_rare(|rare| rare.replaced_by = Some(next));
            }
        }
        // Only a credential that names a successor has one.
        for (idx, _) in successors {
            let mut seen = vec![*idx];
            let mut at = *idx;
            while let Some(next) = self.catalog.credential(at).replaced_by() {
                if seen.contains(&next) {
                    let cycle: Vec<&str> = seen
                        .iter()
                        .chain(std::iter::once(&next))
                        .map(|&c| self.catalog.credential(c).id.as_ref())
                        .collect();
                    let message = format!(
                        "`replaced_by` goes round in a circle: {}; a chain of successors must end at a credential that is not retired",
                        cycle.join(" -> ")
                    );
                    let place = self.credential_place(*idx).at(&[Key("replaced_by")]);
                    self.error(place, message);
                    break;
                }
                seen.push(next);
                at = next;
            }
            let last = self.catalog.credential(at);
            if at != *idx && last.retired && last.replaced_by().is_none() {
                let message = format!(
                    "the successor `{}` is retired too, and names no successor of its own: point `replaced_by` at a credential that is still offered",
                    last.id
                );
                let place = self.credential_place(*idx).at(&[Key("replaced_by")]);
                self.error(place, message);
            }
        }
    }
}
