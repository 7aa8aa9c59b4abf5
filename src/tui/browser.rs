//! The catalog browser's logic: fuzzy search as you type over title, id, provider and
//! skills, filters by provider, level, kind and skill, and the sort order. Pure: the view
//! only reads [`Browser::results`].

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::catalog::{Catalog, CredentialIdx, Kind, Level, ProviderIdx, SkillIdx};
use crate::tui::input::TextInput;

/// What fuzzy search looks at, per credential and built once per catalog: the title, the
/// id, the provider's name and each skill, as separate fields. Each word of a query must
/// match inside one field (different words may match different fields), so a scatter of
/// letters across the whole record does not count as a match.
pub struct SearchIndex {
    fields: Vec<Vec<Utf32String>>,
}

impl SearchIndex {
    pub fn build(catalog: &Catalog) -> SearchIndex {
        let fields = catalog
            .credentials
            .iter()
            .map(|credential| {
                let provider = catalog.provider(credential.provider);
                let mut fields = vec![
                    Utf32String::from(credential.title.as_str()),
                    Utf32String::from(credential.id.as_str()),
                    Utf32String::from(provider.name.as_str()),
                ];
                fields.extend(
                    credential
                        .skills
                        .iter()
                        .map(|&skill| Utf32String::from(catalog.skill(skill).id.as_str())),
                );
                fields
            })
            .collect();
        SearchIndex { fields }
    }

    /// The credential's score for the query: each word's best field, added up; `None` when
    /// a word matches no field. A word must score more than nucleo's base of 16 per
    /// character, that is, earn a bonus for running letters or word starts: letters
    /// scattered through a field are not a match.
    fn score(&self, idx: CredentialIdx, pattern: &Pattern, matcher: &mut Matcher) -> Option<u32> {
        let fields = self.fields.get(idx.index())?;
        pattern.atoms.iter().try_fold(0u32, |total, atom| {
            let floor = 16 * atom.needle_text().len();
            let best = fields
                .iter()
                .filter_map(|field| atom.score(field.slice(..), matcher))
                .filter(|&score| usize::from(score) > floor)
                .max()?;
            Some(total + u32::from(best))
        })
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} entries)", self.fields.len())
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

    /// This filter in a reloaded catalog, where indices may have moved: a provider or skill
    /// found again by its id, a kind while a credential still has it (the filter list offers
    /// only those), any level (the list offers them all); `None` when its subject is gone.
    pub fn carried(self, from: &Catalog, to: &Catalog) -> Option<Filter> {
        match self {
            Filter::Provider(idx) => to
                .find_provider(&from.provider(idx).id)
                .map(Filter::Provider),
            Filter::Skill(idx) => to.find_skill(&from.skill(idx).id).map(Filter::Skill),
            Filter::Level(_) => Some(self),
            Filter::Kind(kind) => to
                .credentials
                .iter()
                .any(|credential| credential.kind == kind)
                .then_some(self),
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

/// Credentials scored per slice of work. A slice takes a few milliseconds on a slow machine,
/// so a keystroke never waits for a whole large catalog: the results grow over the next
/// frames instead (the event loop sends a tick while a search is unfinished).
pub const SLICE: usize = 8192;

/// Best score first, then catalog order.
fn relevance(a: (CredentialIdx, u32), b: (CredentialIdx, u32)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Two lists in relevance order, merged into one.
fn merge(a: Vec<(CredentialIdx, u32)>, b: Vec<(CredentialIdx, u32)>) -> Vec<(CredentialIdx, u32)> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&x), Some(&y)) if relevance(x, y).is_le() => a.next(),
            (Some(_) | None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        merged.extend(next);
    }
    merged
}

/// The browser's state: the query, the filters, the sort, and what they leave.
#[derive(Debug, Default)]
pub struct Browser {
    pub query: TextInput,
    /// The search box has the keyboard.
    pub editing: bool,
    pub filters: Vec<Filter>,
    pub sort: SortOrder,
    /// The credentials shown, in order.
    pub results: Vec<CredentialIdx>,
    pub selected: usize,
    /// The query `scored` belongs to (`None` before the first search or after the catalog
    /// changed), and the matches found for it so far, with their scores.
    scored_query: Option<String>,
    scored: Vec<(CredentialIdx, u32)>,
    /// What is left to score for `scored_query`.
    pending: Option<Pending>,
}

#[derive(Debug)]
struct Pending {
    candidates: Vec<CredentialIdx>,
    next: usize,
}

impl Browser {
    /// The selected credential, if any.
    pub fn selection(&self) -> Option<CredentialIdx> {
        self.results.get(self.selected).copied()
    }

    /// Whether a search is still scoring (the results may grow).
    pub fn searching(&self) -> bool {
        self.pending.is_some()
    }

    /// How far the search is, as (scored, to score).
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.pending
            .as_ref()
            .map(|pending| (pending.next, pending.candidates.len()))
    }

    /// Adds a filter, replacing one of the same kind.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filters.retain(|other| !other.same_kind(filter));
        self.filters.push(filter);
    }

    /// Shows the results after the query, filters, sort or catalog changed, keeping the
    /// selected credential selected when it is still shown. A new query starts a search
    /// and runs its first slice.
    pub fn refresh(&mut self, catalog: &Catalog, index: &SearchIndex) {
        let query = self.query.trim().to_owned();
        if self.scored_query.as_deref() == Some(query.as_str()) {
            self.publish(catalog, false);
            return;
        }
        // Typing more can only narrow a fuzzy match, so a finished search's matches are the
        // only candidates for a longer query.
        let narrowing = self.pending.is_none()
            && self
                .scored_query
                .as_deref()
                .is_some_and(|previous| !previous.is_empty() && query.starts_with(previous));
        let candidates: Vec<CredentialIdx> = if narrowing {
            self.scored.iter().map(|&(idx, _)| idx).collect()
        } else {
            catalog.credential_indices().collect()
        };
        self.scored.clear();
        if query.is_empty() {
            self.scored
                .extend(candidates.into_iter().map(|idx| (idx, 0)));
            self.pending = None;
        } else {
            self.pending = Some(Pending {
                candidates,
                next: 0,
            });
        }
        self.scored_query = Some(query);
        // The first slice's best match is selected, not whatever was selected before.
        self.results.clear();
        self.selected = 0;
        self.work(catalog, index);
    }

    /// Scores the next slice of an unfinished search and shows what it found so far.
    pub fn work(&mut self, catalog: &Catalog, index: &SearchIndex) {
        if let (Some(pending), Some(query)) = (&mut self.pending, &self.scored_query) {
            let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
            let mut matcher = Matcher::new(Config::DEFAULT);
            let end = (pending.next + SLICE).min(pending.candidates.len());
            let mut found: Vec<(CredentialIdx, u32)> = pending.candidates[pending.next..end]
                .iter()
                .filter_map(|&idx| {
                    index
                        .score(idx, &pattern, &mut matcher)
                        .map(|score| (idx, score))
                })
                .collect();
            // `scored` stays in relevance order: sorting only the new slice and merging it
            // keeps every tick's work proportional to the slice, not to all found so far.
            found.sort_unstable_by(|a, b| relevance(*a, *b));
            self.scored = merge(std::mem::take(&mut self.scored), found);
            pending.next = end;
            if end == pending.candidates.len() {
                self.pending = None;
            }
        }
        self.publish(catalog, true);
    }

    /// Forgets the search (after the catalog changed): the next refresh starts afresh.
    pub fn reset_cache(&mut self) {
        self.scored_query = None;
        self.scored.clear();
        self.pending = None;
    }

    /// Applies the filters and the sort to what is scored so far. `keep` holds the selected
    /// credential in place (as results grow); otherwise the first row is selected (after the
    /// query, filters or sort changed).
    fn publish(&mut self, catalog: &Catalog, keep: bool) {
        let keep = if keep { self.selection() } else { None };
        let mut results: Vec<(CredentialIdx, u32)> = self
            .scored
            .iter()
            .copied()
            .filter(|&(idx, _)| self.filters.iter().all(|filter| filter.keeps(catalog, idx)))
            .collect();
        let credential = |idx: CredentialIdx| catalog.credential(idx);
        match self.sort {
            SortOrder::Relevance
                if self
                    .scored_query
                    .as_deref()
                    .is_some_and(|query| !query.is_empty()) =>
            {
                results.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            SortOrder::Relevance => {}
            SortOrder::Title => {
                results.sort_by_cached_key(|&(idx, _)| (credential(idx).title.to_lowercase(), idx));
            }
            SortOrder::Cost => results.sort_unstable_by_key(|&(idx, _)| {
                (credential(idx).cost, credential(idx).hours, idx)
            }),
            SortOrder::Hours => results.sort_unstable_by_key(|&(idx, _)| {
                (credential(idx).hours, credential(idx).cost, idx)
            }),
        }
        self.results = results.into_iter().map(|(idx, _)| idx).collect();
        self.selected = keep
            .and_then(|idx| self.results.iter().position(|&shown| shown == idx))
            .unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Sources, load};

    /// Refreshes and finishes the search, as the event loop's ticks would.
    fn settle(browser: &mut Browser, catalog: &Catalog, index: &SearchIndex) {
        browser.refresh(catalog, index);
        while browser.searching() {
            browser.work(catalog, index);
        }
    }

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
        settle(&mut browser, &catalog, &index);
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
        settle(&mut browser, &catalog, &index);
        assert_eq!(titles(&browser, &catalog, 1), ["comptia/network-plus"]);
        browser.query = "secplus".into();
        settle(&mut browser, &catalog, &index);
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
        settle(&mut browser, &catalog, &index);
        let wide = browser.results.len();
        browser.query = "az-104".into();
        settle(&mut browser, &catalog, &index);
        assert!(browser.results.len() < wide);
        assert_eq!(titles(&browser, &catalog, 1), ["microsoft/az-104"]);
        // Deleting characters widens again.
        browser.query = "a".into();
        settle(&mut browser, &catalog, &index);
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
        settle(&mut browser, &catalog, &index);
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
        settle(&mut browser, &catalog, &index);
        assert!(!browser.results.is_empty());
        assert!(browser.results.iter().all(|&idx| {
            let credential = catalog.credential(idx);
            credential.provider == aws && credential.level == Some(Level::Advanced)
        }));
        browser.set_filter(Filter::Level(Level::Beginner));
        assert_eq!(browser.filters.len(), 2);
    }

    #[test]
    fn sorting_by_cost_puts_free_credentials_first_and_selects_the_first() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser::default();
        settle(&mut browser, &catalog, &index);
        browser.selected = 5;
        browser.sort = SortOrder::Cost;
        settle(&mut browser, &catalog, &index);
        assert_eq!(catalog.credential(browser.results[0]).cost.hundredths(), 0);
        assert_eq!(browser.selected, 0);
    }

    #[test]
    fn a_large_search_shows_partial_results_and_finishes_over_later_slices() {
        let generated = crate::synth::generate(2 * SLICE + 100, 1);
        let catalog = crate::catalog::load_files(&generated.source_files()).catalog;
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser {
            query: "cloud".into(),
            ..Browser::default()
        };
        browser.refresh(&catalog, &index);
        assert!(browser.searching());
        assert_eq!(browser.progress(), Some((SLICE, 2 * SLICE + 100)));
        let partial = browser.results.len();
        let mut slices = 1;
        while browser.searching() {
            browser.work(&catalog, &index);
            slices += 1;
        }
        assert_eq!(slices, 3);
        assert!(browser.results.len() > partial);
        // The result is the same as searching in one go.
        let mut whole = Browser {
            query: "cloud".into(),
            ..Browser::default()
        };
        settle(&mut whole, &catalog, &index);
        assert_eq!(whole.results, browser.results);
    }

    #[test]
    fn typing_during_an_unfinished_search_starts_over_on_everything() {
        let generated = crate::synth::generate(SLICE + 100, 1);
        let catalog = crate::catalog::load_files(&generated.source_files()).catalog;
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser {
            query: "clo".into(),
            ..Browser::default()
        };
        browser.refresh(&catalog, &index);
        browser.query = "clou".into();
        settle(&mut browser, &catalog, &index);
        let mut whole = Browser {
            query: "clou".into(),
            ..Browser::default()
        };
        settle(&mut whole, &catalog, &index);
        assert_eq!(whole.results, browser.results);
    }

    #[test]
    fn a_scatter_of_letters_across_fields_is_not_a_match() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser {
            query: "relation".into(),
            ..Browser::default()
        };
        settle(&mut browser, &catalog, &index);
        assert_eq!(
            titles(&browser, &catalog, 1),
            ["freecodecamp/relational-database"]
        );
        assert!(
            browser.results.len() < 10,
            "{} results",
            browser.results.len()
        );
        // Before, letters spread over the whole record matched 85 of the 85 credentials.
        browser.query = "acme".into();
        settle(&mut browser, &catalog, &index);
        assert!(
            browser.results.len() < catalog.credentials.len() / 4,
            "{:?}",
            titles(&browser, &catalog, 30)
        );
    }

    #[test]
    fn words_may_match_different_fields() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser {
            query: "aws security".into(),
            ..Browser::default()
        };
        settle(&mut browser, &catalog, &index);
        assert_eq!(titles(&browser, &catalog, 1), ["aws/security-specialty"]);
    }

    #[test]
    fn a_new_query_selects_the_best_match() {
        let catalog = bundled();
        let index = SearchIndex::build(&catalog);
        let mut browser = Browser::default();
        settle(&mut browser, &catalog, &index);
        browser.selected = 40;
        browser.query = "network".into();
        settle(&mut browser, &catalog, &index);
        assert_eq!(browser.selected, 0);
    }
}
