//! The catalog browser's logic: fuzzy search as you type over title, id, provider and
//! skills, filters by provider, level, kind and skill, and the sort order. Pure: the view
//! only reads [`Browser::results`].

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use crate::catalog::{Catalog, CredentialIdx, Kind, Level, ProviderIdx, SkillIdx};
use crate::tui::input::TextInput;

mod index;
mod listing;

pub use index::SearchIndex;
pub use listing::Listing;

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

    fn keeps(self, listing: Listing<'_>, idx: CredentialIdx) -> bool {
        match (self, listing) {
            (Filter::Provider(provider), _) => listing.provider(idx) == provider,
            (Filter::Level(level), _) => listing.level(idx) == Some(level),
            (Filter::Kind(kind), _) => listing.kind(idx) == kind,
            (Filter::Skill(skill), Listing::Whole(catalog)) => {
                catalog.credential(idx).skills.contains(&skill)
            }
            // A first look knows no skills: nothing is shown as having one.
            (Filter::Skill(_), Listing::First(..)) => false,
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
    pub fn refresh<'a>(&mut self, listing: impl Into<Listing<'a>>, index: &SearchIndex) {
        let listing = listing.into();
        let query = self.query.trim().to_owned();
        if self.scored_query.as_deref() == Some(query.as_str()) {
            self.publish(listing, false);
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
            listing.indices().collect()
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
        self.work(listing, index);
    }

    /// Scores the next slice of an unfinished search and shows what it found so far.
    pub fn work<'a>(&mut self, listing: impl Into<Listing<'a>>, index: &SearchIndex) {
        let listing = listing.into();
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
        self.publish(listing, true);
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
    fn publish(&mut self, listing: Listing<'_>, keep: bool) {
        let keep = if keep { self.selection() } else { None };
        let mut results: Vec<(CredentialIdx, u32)> = self
            .scored
            .iter()
            .copied()
            .filter(|&(idx, _)| self.filters.iter().all(|filter| filter.keeps(listing, idx)))
            .collect();
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
                results.sort_by_cached_key(|&(idx, _)| (listing.title(idx).to_lowercase(), idx));
            }
            SortOrder::Cost => results
                .sort_unstable_by_key(|&(idx, _)| (listing.cost(idx), listing.hours(idx), idx)),
            SortOrder::Hours => results
                .sort_unstable_by_key(|&(idx, _)| (listing.hours(idx), listing.cost(idx), idx)),
        }
        self.results = results.into_iter().map(|(idx, _)| idx).collect();
        self.selected = keep
            .and_then(|idx| self.results.iter().position(|&shown| shown == idx))
            .unwrap_or(0);
    }
}

#[cfg(test)]
mod tests;
