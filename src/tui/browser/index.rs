//! The search index: what fuzzy search matches, per credential.

use nucleo_matcher::pattern::Pattern;
use std::collections::HashMap;

use nucleo_matcher::{Matcher, Utf32Str, Utf32String};

use crate::catalog::{Catalog, CredentialIdx};

/// What fuzzy search looks at, per credential and built once per catalog: the title, the
/// id, the provider's name and each skill, as separate fields. Each word of a query must
/// match inside one field (different words may match different fields), so a scatter of
/// letters across the whole record does not count as a match.
///
/// Laid out flat, for a million credentials: every title and id in one string (a field that
/// is not ASCII is kept apart as characters), the providers' names and skills' ids once
/// each, and per credential only where its text ends, its provider and its skills. A field
/// a credential had of its own, with a list of them each, took ~400 bytes a credential.
pub struct SearchIndex {
    /// Every credential's title then id, ASCII fields only; a wide field is empty here.
    text: String,
    /// Where each credential's title and id end in `text`: `2 * i` and `2 * i + 1`.
    ends: Vec<u32>,
    /// Fields that are not ASCII, by their number in `ends`.
    wide: HashMap<u32, Utf32String>,
    provider_names: Vec<Utf32String>,
    skill_ids: Vec<Utf32String>,
    /// Each credential's provider.
    providers: Vec<u32>,
    /// Every credential's skills, one after the other, and where each credential's end.
    skills: Vec<u32>,
    skill_ends: Vec<u32>,
}

impl SearchIndex {
    pub fn build(catalog: &Catalog) -> SearchIndex {
        let count = catalog.credentials.len();
        let mut index = SearchIndex {
            text: String::new(),
            ends: Vec::with_capacity(2 * count),
            wide: HashMap::new(),
            provider_names: (catalog.providers.iter())
                .map(|provider| Utf32String::from(provider.name.as_str()))
                .collect(),
            skill_ids: (catalog.skills.iter())
                .map(|skill| Utf32String::from(skill.id.as_str()))
                .collect(),
            providers: Vec::with_capacity(count),
            skills: Vec::new(),
            skill_ends: Vec::with_capacity(count),
        };
        for credential in &catalog.credentials {
            index.push_field(&credential.title);
            index.push_field(&credential.id);
            index.providers.push(credential.provider.0);
            index
                .skills
                .extend(credential.skills.iter().map(|skill| skill.0));
            index.skill_ends.push(len_u32(index.skills.len()));
        }
        index
    }

    fn push_field(&mut self, field: &str) {
        if field.is_ascii() {
            self.text.push_str(field);
        } else {
            self.wide
                .insert(len_u32(self.ends.len()), Utf32String::from(field));
        }
        self.ends.push(len_u32(self.text.len()));
    }

    /// Field `n` of `ends` (a title or an id).
    fn field(&self, n: usize) -> Option<Utf32Str<'_>> {
        if let Some(wide) = self.wide.get(&len_u32(n)) {
            return Some(wide.slice(..));
        }
        let start = n
            .checked_sub(1)
            .map_or(Some(0), |before| self.ends.get(before).copied())?;
        let end = *self.ends.get(n)?;
        let bytes = self.text.as_bytes().get(start as usize..end as usize)?;
        Some(Utf32Str::Ascii(bytes))
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
        let i = idx.index();
        let provider = self.provider_names.get(*self.providers.get(i)? as usize)?;
        let skills_start = i
            .checked_sub(1)
            .map_or(Some(0), |before| self.skill_ends.get(before).copied())?;
        let skills = self
            .skills
            .get(skills_start as usize..*self.skill_ends.get(i)? as usize)?;
        let own = [
            self.field(2 * i)?,
            self.field(2 * i + 1)?,
            provider.slice(..),
        ];
        let fields = || {
            own.into_iter().chain(
                (skills.iter())
                    .filter_map(|&skill| self.skill_ids.get(skill as usize))
                    .map(|id| id.slice(..)),
            )
        };
        pattern.atoms.iter().try_fold(0u32, |total, atom| {
            let floor = 16 * atom.needle_text().len();
            let best = fields()
                .filter_map(|field| atom.score(field, matcher))
                .filter(|&score| usize::from(score) > floor)
                .max()?;
            Some(total + u32::from(best))
        })
    }
}

/// A length or place in the index as stored: catalogs are indexed by `u32`, and a first
/// look refuses more; past that the index is wrong, never a panic.
fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} entries)", self.providers.len())
    }
}
