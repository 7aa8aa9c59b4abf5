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
    let mut taken: HashSet<String> = HashSet::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for (organisation_key, organisation) in by_key {
        let base = organisation
            .id_name
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .or_else(|| organisation.ctid.as_deref().map(slug))
            .unwrap_or_else(|| "unknown-organisation".into());
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        ids.insert(organisation_key, id);
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
    let mut taken: HashSet<String> = HashSet::new();
    let mut globals = Vec::with_capacity(records.len());
    for (n, record) in records.iter().enumerate() {
        let base = &record.base;
        let provider = providers.of(n).0;
        let mut global = format!("{provider}/{base}");
        let mut k = 2;
        while taken.contains(&global) {
            global = format!("{provider}/{base}-{k}");
            k += 1;
        }
        taken.insert(global.clone());
        globals.push(global.into_boxed_str());
    }
    context.globals = globals;
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
