//! Per-file checks: the format number, the currency, the provider.

use std::sync::Arc;

use super::{Input, Merge};
use crate::catalog::format::{CatalogFile, FORMAT};
use crate::catalog::model::{Provider, ProviderIdx};
use crate::catalog::place::{Pending, Place};
use crate::catalog::problem::Severity;
use crate::yaml::Segment::{Index, Key};

impl Merge {
    /// False (and an error) for a file of another format number: none of it is read.
    pub(super) fn check_format(&mut self, file: usize, spec: &CatalogFile) -> bool {
        match spec.format {
            None | Some(FORMAT) => true,
            Some(other) => {
                self.error(
                    Place::value(file, &[Key("format")]),
                    format!(
                        "format {other} is not supported: this upskill reads format {FORMAT}; \
                         update upskill, or write `format: {FORMAT}`"
                    ),
                );
                false
            }
        }
    }

    pub(super) fn currency(&mut self, file: usize, spec: &CatalogFile) {
        let Some(currency) = &spec.currency else {
            return;
        };
        let place = Place::value(file, &[Key("currency")]);
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

    pub(super) fn provider(&mut self, file: usize, input: &Input) -> Option<ProviderIdx> {
        let spec = input.spec.provider.as_ref()?;
        let place = Place::value(file, &[Key("provider")]);
        let id = spec.id.as_str();
        if !self.check_id(id, || place.at(&[Key("id")]), "provider") {
            return None;
        }
        if spec.name.as_str().trim().is_empty() {
            self.error(
                place.at(&[Key("name")]),
                "the provider's `name` is empty; write the name people know it by".into(),
            );
        }
        let mut domains = Vec::new();
        for (n, domain) in spec.domains.iter().enumerate() {
            match crate::catalog::domains::domain_problem(domain.as_str()) {
                Some(message) => self.error(place.at(&[Key("domains"), Index(n)]), message),
                None => domains.push(domain.0.clone()),
            }
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
            domains,
            file: Arc::clone(&input.name),
        });
        self.provider_places.push(place);
        Some(ProviderIdx(self.catalog.providers.len() as u32 - 1))
    }
}
