//! Matching awards to catalog credentials, by the first rule that finds any: an identifier
//! the credential lists in `same_as`, then its `url`, then its title within the issuer's
//! provider. More than one credential at that rule is ambiguous.

use std::collections::{BTreeSet, HashMap};

use super::{Award, Issuer};
use crate::catalog::domains::{host, is_on};
use crate::catalog::{Catalog, CredentialIdx, ProviderIdx};
use crate::import::json::ctid_in;

/// The rule that matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The achievement's id, an alignment or another identifier is in the credential's
    /// `same_as`.
    SameAs,
    /// The achievement's id, its criteria or an alignment is the credential's `url`.
    Url,
    /// The same title, within the issuer's provider.
    Title,
}

impl Rule {
    /// As the output names it.
    pub fn label(self) -> &'static str {
        match self {
            Rule::SameAs => "same_as",
            Rule::Url => "url",
            Rule::Title => "title",
        }
    }
}

/// What an award matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    Matched {
        credential: CredentialIdx,
        rule: Rule,
    },
    /// More than one credential, at the best rule that found any.
    Ambiguous {
        candidates: Vec<CredentialIdx>,
        rule: Rule,
    },
    Unmatched,
}

/// The catalog's credentials by the keys each rule compares.
struct Index {
    same_as: HashMap<String, Vec<CredentialIdx>>,
    url: HashMap<String, Vec<CredentialIdx>>,
    title: HashMap<(ProviderIdx, String), Vec<CredentialIdx>>,
}

impl Index {
    fn new(catalog: &Catalog) -> Index {
        let mut index = Index {
            same_as: HashMap::new(),
            url: HashMap::new(),
            title: HashMap::new(),
        };
        for idx in catalog.credential_indices() {
            let credential = catalog.credential(idx);
            for entry in credential.same_as() {
                for key in keys(entry) {
                    index.same_as.entry(key).or_default().push(idx);
                }
            }
            if let Some(url) = &credential.url() {
                index.url.entry(url_key(url)).or_default().push(idx);
            }
            index
                .title
                .entry((credential.provider, title_key(&credential.title)))
                .or_default()
                .push(idx);
        }
        index
    }
}

/// Each award's match, in order.
pub fn match_awards(catalog: &Catalog, awards: &[Award]) -> Vec<Match> {
    let index = Index::new(catalog);
    awards
        .iter()
        .map(|award| match_one(catalog, &index, award))
        .collect()
}

fn match_one(catalog: &Catalog, index: &Index, award: &Award) -> Match {
    let ids: Vec<&String> = award.achievement.iter().chain(&award.identifiers).collect();
    let by_same_as = found(ids.iter().flat_map(|id| keys(id)), &index.same_as);
    let addresses = ids
        .iter()
        .copied()
        .chain(&award.criteria)
        .filter(|id| id.contains("://"));
    let by_url = found(addresses.map(|id| url_key(id)), &index.url);
    let by_title = award.title.as_deref().map_or_else(BTreeSet::new, |title| {
        let title = title_key(title);
        let providers: BTreeSet<ProviderIdx> = award
            .issuers
            .iter()
            .flat_map(|issuer| provider_of_issuer(catalog, issuer))
            .collect();
        found(
            providers
                .into_iter()
                .map(|provider| (provider, title.clone())),
            &index.title,
        )
    });
    [
        (Rule::SameAs, by_same_as),
        (Rule::Url, by_url),
        (Rule::Title, by_title),
    ]
    .into_iter()
    .find(|(_, found)| !found.is_empty())
    .map_or(Match::Unmatched, |(rule, found)| {
        let mut candidates: Vec<CredentialIdx> = found.into_iter().collect();
        if candidates.len() == 1 {
            Match::Matched {
                credential: candidates.remove(0),
                rule,
            }
        } else {
            Match::Ambiguous { candidates, rule }
        }
    })
}

fn found<K: std::hash::Hash + Eq>(
    keys: impl Iterator<Item = K>,
    index: &HashMap<K, Vec<CredentialIdx>>,
) -> BTreeSet<CredentialIdx> {
    keys.filter_map(|key| index.get(&key))
        .flatten()
        .copied()
        .collect()
}

/// The catalog providers an issuer is: by the same name (case and spaces aside), or by an
/// address (`id`, `url`, or a `did:web:` id) on one of the provider's domains or its site.
pub fn provider_of_issuer(catalog: &Catalog, issuer: &Issuer) -> Vec<ProviderIdx> {
    let hosts: Vec<String> = [&issuer.id, &issuer.url]
        .into_iter()
        .flatten()
        .filter_map(|address| match address.strip_prefix("did:web:") {
            Some(rest) => rest.split(':').next().map(str::to_owned),
            None => address
                .contains("://")
                .then(|| host(address))
                .flatten()
                .map(str::to_owned),
        })
        .collect();
    let name = issuer.name.as_deref().map(title_key);
    (0..catalog.providers.len() as u32)
        .map(ProviderIdx)
        .filter(|&idx| {
            let provider = catalog.provider(idx);
            let site = provider
                .url
                .as_deref()
                .and_then(host)
                .map(|site| site.strip_prefix("www.").unwrap_or(site).to_owned());
            let domains = provider.domains.iter().cloned().chain(site);
            name.as_deref() == Some(title_key(&provider.name).as_str())
                || domains
                    .into_iter()
                    .any(|domain| hosts.iter().any(|host| is_on(host, &domain)))
        })
        .collect()
}

/// The keys an identifier is compared by: its normal form, and the CTID in it, if any.
fn keys(text: &str) -> Vec<String> {
    let text = text.trim();
    let normal = if text.contains("://") {
        url_key(text)
    } else {
        text.to_lowercase()
    };
    let mut found = vec![normal];
    found.extend(ctid_in(&text.to_ascii_lowercase()).map(|ctid| format!("ctid:{ctid}")));
    found
}

/// An address in a normal form: the scheme and host in lower case, no trailing slash on the
/// path; the path, query and fragment otherwise as written.
fn url_key(address: &str) -> String {
    let address = address.trim();
    let Some((scheme, rest)) = address.split_once("://") else {
        return address.to_owned();
    };
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(split);
    let split = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, suffix) = rest.split_at(split);
    format!(
        "{}://{}{}{suffix}",
        scheme.to_ascii_lowercase(),
        authority.to_ascii_lowercase(),
        path.trim_end_matches('/')
    )
}

/// A title compared case- and space-insensitively: lower case, runs of white space as one.
fn title_key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_compare_with_scheme_and_host_case_and_a_trailing_slash_aside() {
        assert_eq!(
            url_key("HTTPS://Badges.Example.ORG/Classes/Cloud/"),
            "https://badges.example.org/Classes/Cloud"
        );
        assert_eq!(
            url_key("https://example.org/a/?x=1"),
            "https://example.org/a?x=1"
        );
        assert_eq!(url_key("https://example.org/"), "https://example.org");
    }

    #[test]
    fn a_ctid_is_a_key_written_bare_or_inside_a_registry_address() {
        let ctid = "ce-0a1b2c3d-0000-4000-8000-00000000000f";
        let address = format!("https://credentialengineregistry.org/resources/{ctid}");
        assert!(keys(&address).contains(&format!("ctid:{ctid}")));
        assert!(keys(&ctid.to_uppercase()).contains(&format!("ctid:{ctid}")));
    }

    #[test]
    fn titles_compare_case_and_space_insensitively() {
        assert_eq!(title_key("  Cloud   Basics\t"), title_key("cloud basics"));
        assert_ne!(title_key("Cloud Basics"), title_key("CloudBasics"));
    }
}
