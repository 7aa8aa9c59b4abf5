//! The search index: what fuzzy search matches, per credential.

use nucleo_matcher::pattern::Pattern;
use nucleo_matcher::{Matcher, Utf32String};

use crate::catalog::{Catalog, CredentialIdx};

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
    pub(super) fn score(
        &self,
        idx: CredentialIdx,
        pattern: &Pattern,
        matcher: &mut Matcher,
    ) -> Option<u32> {
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
