//! The first pass: each file's nodes filed as resources (kept as small records: ids, owner,
//! price currency, the assessments they require) or organisations; then providers assigned,
//! ids given, and the currency the catalog is written in. The parsed file is dropped before
//! the next one is read, so memory follows the largest file, not the whole input.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::json::{get, types};
use super::map::{Role, chosen_price, currency_code, prices, role_of};
use super::{Context, ID_LANG, Organisation, slug};
use crate::catalog::format::Kind;
use crate::import::json::{ctid_in, items, text};

/// What the first pass keeps of one resource.
pub(super) struct Record {
    /// Its `@id` and CTID: what references to it name.
    keys: Vec<String>,
    ctid: Option<String>,
    /// Its English name, which its id comes from.
    id_name: String,
    /// Each `ownedBy`, then `offeredBy`, value: the keys it names and the organisation its
    /// node describes, to be matched once every file's organisations are known.
    owners: Vec<(Vec<String>, Option<Organisation>)>,
    /// The currency code of the price chosen as its cost.
    currency: Option<&'static str>,
    /// The keys of each assessment its `requires` profiles target.
    pub exams: Vec<Vec<String>>,
    /// A credential type (not a learning opportunity or an assessment).
    pub credential: bool,
    pub assessment: bool,
}

/// A resource node's kind and whether it is an assessment; `None` for an organisation or a
/// type the importer does not know.
pub(super) fn resource_kind(node: &Map<String, Value>) -> Option<(Kind, bool)> {
    let names = types(node);
    match names.iter().find_map(|name| role_of(name))? {
        Role::Credential(kind) => {
            Some((kind, names.iter().any(|name| name == "AssessmentProfile")))
        }
        Role::Organisation => None,
    }
}

/// Files `node` as a resource record or an organisation, or warns that its type is unknown.
pub(super) fn classify(
    context: &mut Context,
    records: &mut Vec<Record>,
    organisations: &mut HashMap<String, Organisation>,
    (file, path): (&str, &str),
    node: &Map<String, Value>,
) {
    let lang = context.lang;
    let names = types(node);
    match names.iter().find_map(|name| role_of(name)) {
        Some(Role::Organisation) => {
            let organisation = Organisation {
                name: get(node, "name").and_then(|v| text(v, lang)),
                id_name: get(node, "name").and_then(|v| text(v, ID_LANG)),
                ctid: get(node, "ctid").and_then(Value::as_str).and_then(ctid_in),
                url: get(node, "subjectWebpage").and_then(|v| text(v, lang)),
            };
            for key in [
                node.get("@id").and_then(Value::as_str).map(str::to_owned),
                organisation.ctid.clone(),
            ]
            .into_iter()
            .flatten()
            {
                organisations.insert(key, organisation.clone());
            }
        }
        Some(Role::Credential(kind)) => records.push(record(context, node, kind, &names)),
        None => {
            let helper = node
                .get("@id")
                .and_then(Value::as_str)
                .is_some_and(|id| id.starts_with("_:"));
            if !helper {
                let shown = if names.is_empty() {
                    "no `@type`".to_owned()
                } else {
                    format!("type `{}`", names.join("`, `"))
                };
                context.warn(
                    file,
                    path,
                    &format!(
                        "{shown} is not a credential or learning opportunity upskill knows; skipped"
                    ),
                );
            }
        }
    }
}

fn record(context: &Context, node: &Map<String, Value>, kind: Kind, names: &[String]) -> Record {
    let ctid = get(node, "ctid")
        .and_then(Value::as_str)
        .and_then(ctid_in)
        .or_else(|| node.get("@id").and_then(Value::as_str).and_then(ctid_in));
    let keys = node
        .get("@id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .into_iter()
        .chain(ctid.clone())
        .collect();
    let owners = ["ownedBy", "offeredBy"]
        .iter()
        .flat_map(|key| items(get(node, key)))
        .map(|value| owner_keys(context, value))
        .collect();
    let found = prices(get(node, "estimatedCost"), context.lang);
    let currency = chosen_price(&found).and_then(|price| currency_code(&price.currency));
    let mut exams = Vec::new();
    for profile in items(get(node, "requires")) {
        let Some(profile) = context.follow(0, profile) else {
            continue;
        };
        let alternatives = items(get(profile, "alternativeCondition"))
            .into_iter()
            .filter_map(|value| context.follow(0, value));
        for condition in std::iter::once(profile).chain(alternatives) {
            for target in items(get(condition, "targetAssessment")) {
                exams.push(context.keys_of(0, target));
            }
        }
    }
    let assessment = names.iter().any(|name| name == "AssessmentProfile");
    Record {
        keys,
        ctid,
        id_name: get(node, "name")
            .and_then(|v| text(v, ID_LANG))
            .unwrap_or_default(),
        owners,
        currency,
        exams,
        credential: kind != Kind::Course && !assessment,
        assessment,
    }
}

/// The keys an owner value names, and the organisation its node describes, if any.
fn owner_keys(context: &Context, value: &Value) -> (Vec<String>, Option<Organisation>) {
    let keys = context.keys_of(0, value);
    let node = context.follow(0, value);
    let ctid = keys.iter().find_map(|key| ctid_in(key));
    let field = |key: &str, lang: &str| {
        node.and_then(|node| get(node, key))
            .and_then(|v| text(v, lang))
    };
    let name = field("name", context.lang);
    let described = (ctid.is_some() || name.is_some()).then(|| Organisation {
        name,
        id_name: field("name", ID_LANG),
        ctid,
        url: field("subjectWebpage", context.lang),
    });
    (keys, described)
}

/// The resource nodes of a document: the object itself, each `@graph` node, or each item of
/// a top-level list, with their paths.
pub(super) fn top_nodes(value: &Value) -> Vec<(String, &Map<String, Value>)> {
    match value {
        Value::Object(object) => match object.get("@graph") {
            Some(Value::Array(graph)) => graph
                .iter()
                .enumerate()
                .filter_map(|(n, node)| Some((format!("@graph[{n}]"), node.as_object()?)))
                .collect(),
            _ => vec![(String::new(), object)],
        },
        Value::Array(list) => list
            .iter()
            .enumerate()
            .filter_map(|(n, node)| Some((format!("[{n}]"), node.as_object()?)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Each record's provider id and organisation: its `ownedBy`, else its `offeredBy`.
/// `places` names each record's file and path for warnings.
pub(super) fn assign_providers(
    context: &mut Context,
    records: &[Record],
    places: &[(String, String)],
    organisations: &HashMap<String, Organisation>,
) -> Vec<(String, Organisation)> {
    let mut chosen = Vec::new();
    for (record, (file, path)) in records.iter().zip(places) {
        let owner = record.owners.iter().find_map(|(keys, described)| {
            keys.iter()
                .find_map(|key| {
                    organisations
                        .get(key)
                        .or_else(|| organisations.get(&ctid_in(key)?))
                })
                .or(described.as_ref())
                .cloned()
        });
        let organisation = owner.unwrap_or_else(|| {
            context.warn(file, path, "no `ownedBy` or `offeredBy` organisation; put under the provider `unknown-organisation`");
            Organisation { name: Some("Unknown organisation".into()), ..Organisation::default() }
        });
        chosen.push(organisation);
    }
    // One id per organisation (by CTID, else name), from its name; a clash takes the CTID.
    let key = |o: &Organisation| o.ctid.clone().or(o.id_name.clone()).unwrap_or_default();
    let mut by_key: BTreeMap<String, Organisation> = BTreeMap::new();
    for organisation in &chosen {
        by_key
            .entry(key(organisation))
            .or_insert_with(|| organisation.clone());
    }
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for (organisation_key, organisation) in &by_key {
        let base = organisation
            .id_name
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .or_else(|| organisation.ctid.as_deref().map(slug))
            .unwrap_or_else(|| "unknown-organisation".into());
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone(), organisation_key.clone());
        ids.insert(organisation_key.clone(), id);
    }
    chosen
        .into_iter()
        .map(|organisation| {
            (
                ids.get(&key(&organisation)).cloned().unwrap_or_default(),
                organisation,
            )
        })
        .collect()
}

/// Each record's id within its provider, from its name; a clash takes a `-2`, `-3`...
/// suffix. Every record's keys are entered in `context.refs` under its global id.
pub(super) fn assign_ids(
    context: &mut Context,
    records: &[Record],
    owners: &[(String, Organisation)],
) -> Vec<String> {
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::new();
    for (n, record) in records.iter().enumerate() {
        let base = Some(slug(&record.id_name))
            .filter(|s| !s.is_empty())
            .or_else(|| record.ctid.as_deref().map(slug))
            .unwrap_or_else(|| "credential".into());
        let provider = &owners[n].0;
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains_key(&format!("{provider}/{id}")) {
            id = format!("{base}-{k}");
            k += 1;
        }
        let global = format!("{provider}/{id}");
        taken.insert(global.clone(), n);
        for key in &record.keys {
            context.refs.insert(key.clone(), global.clone());
        }
        ids.push(id);
    }
    ids
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
