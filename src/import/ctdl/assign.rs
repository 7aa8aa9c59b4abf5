//! After the first pass: each record's provider (one id per organisation), each record's id
//! within its provider, and the one currency of the import.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::gather::{Facts, Interned, Record};
use super::{Context, Organisation, slug};
use crate::import::json::ctid_in;

/// Who provides each record: the organisations chosen, each once in the order first chosen,
/// with their provider ids.
pub(super) struct Providers {
    organisations: Vec<Organisation>,
    ids: Vec<String>,
    /// Each record's organisation, by its place in `organisations`.
    of_record: Vec<u32>,
}

impl Providers {
    /// The provider id of record `r` and the organisation it was given.
    pub fn of(&self, r: usize) -> (&str, &Organisation) {
        let o = self.of_record[r] as usize;
        (&self.ids[o], &self.organisations[o])
    }
}

/// Each record's provider id and organisation: its `ownedBy`, else its `offeredBy`.
pub(super) fn assign_providers(
    context: &mut Context,
    facts: &Facts,
    names: &[String],
) -> Providers {
    let organisations = &facts.organisations;
    // Each owner value is matched once, however many records name it.
    let matched: Vec<Option<&Organisation>> = facts
        .owners
        .values
        .iter()
        .map(|owner| {
            owner
                .keys
                .iter()
                .find_map(|key| {
                    organisations
                        .get(key)
                        .or_else(|| organisations.get(&ctid_in(key)?))
                })
                .or(owner.described.as_ref())
        })
        .collect();
    let mut chosen: Interned<Organisation> = Interned::new();
    let mut of_record = Vec::with_capacity(facts.records.len());
    for record in &facts.records {
        let owner = facts
            .owners_of(record)
            .iter()
            .find_map(|&owner| matched[owner as usize]);
        let organisation = owner.cloned().unwrap_or_else(|| {
            context.warn(&names[record.file as usize], &record.path.to_string(), "no `ownedBy` or `offeredBy` organisation; put under the provider `unknown-organisation`");
            Organisation { name: Some("Unknown organisation".into()), ..Organisation::default() }
        });
        of_record.push(chosen.place(organisation));
    }
    // One id per organisation (by CTID, else name), from its name; a clash takes the CTID.
    let key = |o: &Organisation| o.ctid.clone().or(o.id_name.clone()).unwrap_or_default();
    let mut by_key: BTreeMap<String, &Organisation> = BTreeMap::new();
    for organisation in &chosen.values {
        by_key.entry(key(organisation)).or_insert(organisation);
    }
    let mut taken = Unique::default();
    let mut ids: HashMap<String, String> = HashMap::new();
    for (organisation_key, organisation) in by_key {
        let base = organisation
            .id_name
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .or_else(|| organisation.ctid.as_deref().map(slug))
            .unwrap_or_else(|| "unknown-organisation".into());
        ids.insert(organisation_key, taken.claim(base));
    }
    Providers {
        ids: chosen
            .values
            .iter()
            .map(|organisation| ids.get(&key(organisation)).cloned().unwrap_or_default())
            .collect(),
        organisations: chosen.values,
        of_record,
    }
}

/// Each record's global id (`provider/id`) into `context.globals`: its id within its
/// provider comes from its name, and a clash takes a `-2`, `-3`... suffix.
pub(super) fn assign_ids(context: &mut Context, records: &[Record], providers: &Providers) {
    let mut taken = Unique::default();
    let globals = records
        .iter()
        .enumerate()
        .map(|(n, record)| {
            let provider = providers.of(n).0;
            taken
                .claim(format!("{provider}/{}", record.base))
                .into_boxed_str()
        })
        .collect();
    context.globals = globals;
}

/// Names handed out once each: a name already taken gets the first free `-2`, `-3`...
/// suffix. Each name remembers the suffix it reached, so ten thousand records of one name
/// take linear time, not quadratic.
#[derive(Default)]
struct Unique {
    taken: HashSet<String>,
    /// For each name asked for, the suffix to try first next time: every one below it is
    /// taken, and names are never given back, so the first free one is not below it.
    next: HashMap<String, usize>,
}

impl Unique {
    /// `base` itself when free, else `base-K` with the least free K from 2.
    fn claim(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let next = self.next.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The currency most costs are in (USD when none says): one per import, as the catalog
/// format has one currency across files.
pub(super) fn main_currency(records: &[Record]) -> String {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for code in records.iter().filter_map(|record| record.currency) {
        *counts.entry(code).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map_or_else(|| "USD".to_owned(), |(code, _)| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::Unique;
    use std::collections::HashSet;

    /// What `claim` replaced: probing every suffix from 2 each time.
    fn probing(names: &[&str]) -> Vec<String> {
        let mut taken = HashSet::new();
        names
            .iter()
            .map(|&base| {
                let mut name = base.to_owned();
                let mut k = 2;
                while taken.contains(&name) {
                    name = format!("{base}-{k}");
                    k += 1;
                }
                taken.insert(name.clone());
                name
            })
            .collect()
    }

    fn claimed(names: &[&str]) -> Vec<String> {
        let mut unique = Unique::default();
        names.iter().map(|&n| unique.claim(n.to_owned())).collect()
    }

    #[test]
    fn a_taken_name_gets_the_least_free_suffix() {
        let names = ["a", "a-2", "a", "a", "a-3-2", "a-3", "b", "a"];
        assert_eq!(
            claimed(&names),
            ["a", "a-2", "a-3", "a-4", "a-3-2", "a-3-3", "b", "a-5"]
        );
    }

    #[test]
    fn names_come_out_as_probing_every_suffix_gave() {
        // Names and literal suffixed names mixed, so a suffix can be taken before its turn.
        let pool = ["x", "x-2", "x-3", "x-2-2", "y", "y-4", "x-10"];
        let mut state: u64 = 7;
        let names: Vec<&str> = (0..400)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                pool[(state >> 33) as usize % pool.len()]
            })
            .collect();
        let got = claimed(&names);
        assert_eq!(got, probing(&names));
        assert_eq!(got.iter().collect::<HashSet<_>>().len(), names.len());
    }
}
