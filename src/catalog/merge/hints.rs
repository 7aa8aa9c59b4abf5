//! What an unknown credential reference probably meant, and why it is unknown: a close id,
//! the same id under another provider, a provider whose file has errors, or a bundled
//! catalog left out with `--no-bundled`.

use std::fmt::Write as _;

use super::Merge;

impl Merge {
    /// The hint that follows "unknown credential `provider/id`": what to do about it.
    pub(super) fn unknown_reference_hint(&self, reference: &str, global: &str) -> String {
        let mut hint = crate::text::did_you_mean(global, self.catalog.credential_id_strs());
        if hint.is_empty() && !reference.contains('/') {
            hint = self.other_providers_hint(reference);
        }
        let owner = global.split('/').next().unwrap_or_default();
        if let Some((file, _)) = self
            .broken
            .iter()
            .find(|(file, _)| file.declared.provider == owner)
        {
            let _ = write!(
                hint,
                " (`{owner}` is declared in {}, which has errors: its credentials are not loaded)",
                file.name
            );
        }
        let bundled_owner = self.catalog.find_provider(owner).is_none()
            && crate::catalog::source::bundled()
                .iter()
                .any(|(name, _)| name.strip_suffix(".yaml") == Some(owner));
        if bundled_owner {
            let _ = write!(
                hint,
                " (`{owner}` is a bundled catalog, which is not loaded here: check this reference without --no-bundled)"
            );
        }
        if hint.is_empty() {
            "; check the id (`upskill show` finds a credential by its id), or add the credential"
                .clone_into(&mut hint);
        }
        hint
    }

    /// "; did you mean `comptia/a-plus`?" when a bare id exists under another provider.
    pub(super) fn other_providers_hint(&self, local: &str) -> String {
        let owners: Vec<&str> = self
            .catalog
            .credentials
            .iter()
            .filter(|credential| credential.local_id() == local)
            .map(|credential| credential.id.as_ref())
            .collect();
        match owners.as_slice() {
            [] => String::new(),
            [one] => format!("; did you mean `{one}`? (a bare id means this file's own provider)"),
            several => format!("; did you mean one of `{}`?", several.join("`, `")),
        }
    }
}
