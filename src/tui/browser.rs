//! The catalog browser's logic: fuzzy search as you type over title, id, provider and
//! skills, filters by provider, level, kind and skill, and the sort order. Pure: the view
//! only reads [`Browser::results`].

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::catalog::{Catalog, CredentialIdx, Kind, Level, ProviderIdx, SkillIdx};

/// What fuzzy search looks at, per credential, built once per catalog.
pub struct SearchIndex {
    haystacks: Vec<Utf32String>,
}

impl SearchIndex {
    pub fn build(catalog: &Catalog) -> SearchIndex {
        let haystacks = catalog
            .credentials
            .iter()
            .map(|credential| {
                let provider = catalog.provider(credential.provider);
                let mut text = format!("{} {} {}", credential.title, credential.id, provider.name);
                for &skill in &credential.skills {
                    text.push(' ');
                    text.push_str(&catalog.skill(skill).id);
                }
                Utf32String::from(text.as_str())
            })
            .collect();
        SearchIndex { haystacks }
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} entries)", self.haystacks.len())
    }
}

/// One filter on the catalog; at most one of each kind is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Provider(ProviderIdx),
    Level(Level),
    Kind(Kind),
    Skill(SkillIdx),
}

impl Filter {
    fn same_kind(self, other: Filter) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }

    fn keeps(self, catalog: &Catalog, idx: CredentialIdx) -> bool {
        let credential = catalog.credential(idx);
        match self {
            Filter::Provider(provider) => credential.provider == provider,
            Filter::Level(level) => credential.level == Some(level),
            Filter::Kind(kind) => credential.kind == kind,
            Filter::Skill(skill) => credential.skills.contains(&skill),
        }
    }

    /// `provider: CompTIA`, as shown in the catalog's title.
    pub fn label(self, catalog: &Catalog) -> String {
        match self {
            Filter::Provider(provider) => format!("provider: {}", catalog.provider(provider).name),
            Filter::Level(level) => format!("level: {level}"),
            Filter::Kind(kind) => format!("kind: {kind}"),
            Filter::Skill(skill) => format!("skill: {}", catalog.skill(skill).label()),
        }
    }
}

/// The catalog's order when nothing is searched for, and what else it can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Best match first; catalog order without a search.
    #[default]
    Relevance,
    Title,
    Cost,
    Hours,
}

impl SortOrder {
    #[must_use]
    pub fn next(self) -> SortOrder {
        match self {
            SortOrder::Relevance => SortOrder::Title,
            SortOrder::Title => SortOrder::Cost,
            SortOrder::Cost => SortOrder::Hours,
            SortOrder::Hours => SortOrder::Relevance,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Title => "title",
            SortOrder::Cost => "cost",
            SortOrder::Hours => "hours",
        }
    }
}

/// The browser's state: the query, the filters, the sort, and what they leave.
#[derive(Debug, Default)]
pub struct Browser {
    pub query: String,
    /// The search box has the keyboard.
    pub editing: bool,
    pub filters: Vec<Filter>,
    pub sort: SortOrder,
    /// The credentials shown, in order.
    pub results: Vec<CredentialIdx>,
    pub selected: usize,
    /// The last query's matches with their scores, before filters: a longer query only
    /// rescores these, which keeps typing fast on large catalogs.
    matches: Option<(String, Vec<(CredentialIdx, u32)>)>,
}

impl Browser {
    /// The selected credential, if any.
    pub fn selection(&self) -> Option<CredentialIdx> {
        self.results.get(self.selected).copied()
    }

    /// Adds a filter, replacing one of the same kind.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filters.retain(|other| !other.same_kind(filter));
        self.filters.push(filter);
    }

    /// Recomputes the results after the query, filters, sort or catalog changed, keeping the
    /// selected credential selected when it is still shown.
    pub fn refresh(&mut self, catalog: &Catalog, index: &SearchIndex) {
        let keep = self.selection();
        let scored = self.search(catalog, index);
        let mut results: Vec<(CredentialIdx, u32)> = scored
            .into_iter()
            .filter(|&(idx, _)| self.filters.iter().all(|filter| filter.keeps(catalog, idx)))
            .collect();
        let title = |idx: CredentialIdx| catalog.credential(idx).title.to_lowercase();
        match self.sort {
            SortOrder::Relevance if !self.query.is_empty() => {
                results.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            SortOrder::Relevance => {}
            SortOrder::Title => results.sort_by_cached_key(|&(idx, _)| (title(idx), idx)),
            SortOrder::Cost => results.sort_by_key(|&(idx, _)| {
                (
                    catalog.credential(idx).cost,
                    catalog.credential(idx).hours,
                    idx,
                )
            }),
            SortOrder::Hours => results.sort_by_key(|&(idx, _)| {
                (
                    catalog.credential(idx).hours,
                    catalog.credential(idx).cost,
                    idx,
                )
            }),
        }
        self.results = results.into_iter().map(|(idx, _)| idx).collect();
        self.selected = keep
            .and_then(|idx| self.results.iter().position(|&shown| shown == idx))
            .unwrap_or(0);
    }

    /// Forgets cached matches (after the catalog changed).
    pub fn reset_cache(&mut self) {
        self.matches = None;
    }

    fn search(&mut self, catalog: &Catalog, index: &SearchIndex) -> Vec<(CredentialIdx, u32)> {
        let query = self.query.trim();
        if query.is_empty() {
            self.matches = None;
            return catalog.credential_indices().map(|idx| (idx, 0)).collect();
        }
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        // Typing more can only narrow a fuzzy match, so only the last matches are rescored.
        let candidates: Vec<CredentialIdx> = match &self.matches {
            Some((previous, found))
                if query.starts_with(previous.as_str()) && !previous.is_empty() =>
            {
                found.iter().map(|&(idx, _)| idx).collect()
            }
            _ => catalog.credential_indices().collect(),
        };
        let scored: Vec<(CredentialIdx, u32)> = candidates
            .into_iter()
            .filter_map(|idx| {
                let haystack = index.haystacks.get(idx.index())?;
                pattern
                    .score(haystack.slice(..), &mut matcher)
                    .map(|score| (idx, score))
            })
            .collect();
        self.matches = Some((query.to_owned(), scored.clone()));
        scored
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Sources, load};

    fn bundled() -> Catalog {
        let loaded = load(&Sources {
            bundled: true,
            ..Sources::default()
        });
        assert!(!loaded.has_errors());
        loaded.catalog
    }

    fn titles(browser: &Browser, catalog: &Catalog, n: usize) -> Vec<String> {
        browser
            .results
            .iter()
            .take(n)
            .map(|&idx| catalog.credential(idx).id.clone())
            .collect()
    }

    #[test]
    fn an_empty_query_shows_everything_in_catalog_order() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser::default();
        browser.refresh(&catalog, &index);
        assert_eq!(browser.results.len(), catalog.credentials.len());
        assert_eq!(browser.results[0], CredentialIdx(0));
    }

    #[test]
    fn a_fuzzy_query_ranks_the_closest_title_first() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser {
            query: "network+".into(),
            ..Browser::default()
        };
        browser.refresh(&catalog, &index);
        assert_eq!(titles(&browser, &catalog, 1), ["comptia/network-plus"]);
        browser.query = "secplus".into();
        browser.refresh(&catalog, &index);
        assert!(
            titles(&browser, &catalog, 3).contains(&"comptia/security-plus".to_owned()),
            "{:?}",
            titles(&browser, &catalog, 3)
        );
    }

    #[test]
    fn typing_more_narrows_the_previous_matches() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser {
            query: "az".into(),
            ..Browser::default()
        };
        browser.refresh(&catalog, &index);
        let wide = browser.results.len();
        browser.query = "az-104".into();
        browser.refresh(&catalog, &index);
        assert!(browser.results.len() < wide);
        assert_eq!(titles(&browser, &catalog, 1), ["microsoft/az-104"]);
        // Deleting characters widens again.
        browser.query = "a".into();
        browser.refresh(&catalog, &index);
        assert!(browser.results.len() >= wide);
    }

    #[test]
    fn search_covers_providers_and_skills() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser {
            query: "kubernetes".into(),
            ..Browser::default()
        };
        browser.refresh(&catalog, &index);
        assert!(
            titles(&browser, &catalog, 10)
                .iter()
                .any(|id| id.starts_with("linux-foundation/"))
        );
    }

    #[test]
    fn filters_combine_and_one_of_a_kind_replaces_the_last() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser::default();
        let aws = catalog.find_provider("aws").expect("aws");
        browser.set_filter(Filter::Provider(aws));
        browser.set_filter(Filter::Level(Level::Advanced));
        browser.refresh(&catalog, &index);
        assert!(!browser.results.is_empty());
        assert!(browser.results.iter().all(|&idx| {
            let credential = catalog.credential(idx);
            credential.provider == aws && credential.level == Some(Level::Advanced)
        }));
        browser.set_filter(Filter::Level(Level::Beginner));
        assert_eq!(browser.filters.len(), 2);
    }

    #[test]
    fn sorting_by_cost_puts_free_credentials_first_and_keeps_the_selection() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser::default();
        browser.refresh(&catalog, &index);
        browser.selected = 5;
        let selected = browser.selection();
        browser.sort = SortOrder::Cost;
        browser.refresh(&catalog, &index);
        assert_eq!(catalog.credential(browser.results[0]).cost.hundredths(), 0);
        assert_eq!(browser.selection(), selected);
    }
}
