//! The first pass: each file's nodes filed as resources (kept as small records: where they
//! are, the id their name gives, owner, price currency, the assessments they require) or
//! organisations; then providers assigned, ids given, and the currency the catalog is written
//! in. The parsed file is dropped before the next one is read, and owners are kept once each
//! however many resources name them, so memory follows the largest file and the number of
//! resources, not the size of the input.

use std::collections::HashMap;
use std::hash::Hash;

use serde_json::{Map, Value};

use super::json::{get, types};
use super::map::{Role, chosen_price, currency_code, prices, role_of};
use super::{Context, ID_LANG, Organisation, slug};
use crate::catalog::format::Kind;
use crate::import::json::{ctid_in, items, text};

/// What the first pass keeps of one resource.
pub(super) struct Record {
    /// The file (its place in the inputs) and the node's place in it, for warnings.
    pub file: u32,
    pub path: NodePath,
    /// The id it gets unless its provider has another by that id: from its English name,
    /// else its CTID.
    pub base: Box<str>,
    /// Each `ownedBy`, then `offeredBy`, value: where their places in [`Facts::owners`]
    /// start and end in [`Facts::owners_of`].
    owners: (u32, u32),
    /// The currency code of the price chosen as its cost.
    pub currency: Option<&'static str>,
    /// The keys of each assessment its `requires` profiles target.
    pub exams: Vec<Box<[String]>>,
    /// A credential type (not a learning opportunity or an assessment).
    pub credential: bool,
    pub assessment: bool,
}

/// An owner value: the keys it names and the organisation its node describes, to be matched
/// once every file's organisations are known.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(super) struct Owner {
    pub keys: Box<[String]>,
    pub described: Option<Organisation>,
}

/// Values kept once each, by their place in the order they were first seen.
pub(super) struct Interned<T> {
    pub values: Vec<T>,
    places: HashMap<T, u32>,
}

impl<T: Clone + Eq + Hash> Interned<T> {
    pub fn new() -> Self {
        Interned {
            values: Vec::new(),
            places: HashMap::new(),
        }
    }

    pub fn place(&mut self, value: T) -> u32 {
        if let Some(&place) = self.places.get(&value) {
            return place;
        }
        let place = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(value.clone());
        self.places.insert(value, place);
        place
    }
}

/// Everything the first pass keeps.
pub(super) struct Facts {
    pub records: Vec<Record>,
    pub owners: Interned<Owner>,
    /// Every record's owners, one after another (one list for all, not one each).
    owners_of: Vec<u32>,
    /// Every organisation, by its `@id` and its CTID.
    pub organisations: HashMap<String, Organisation>,
}

impl Facts {
    pub fn new() -> Facts {
        Facts {
            records: Vec::new(),
            owners: Interned::new(),
            owners_of: Vec::new(),
            organisations: HashMap::new(),
        }
    }

    /// The owners of `record`, by their places in `owners`, in the order given.
    pub fn owners_of(&self, record: &Record) -> &[u32] {
        let (start, end) = record.owners;
        &self.owners_of[start as usize..end as usize]
    }
}

/// Where a node was read: the file's place in the inputs, its name, the node's path.
pub(super) struct Place<'a> {
    pub n: usize,
    pub file: &'a str,
    pub path: NodePath,
}

/// Where a resource node is in its document, as warnings name it: the document itself, a
/// `@graph` node, or an item of a top-level list.
#[derive(Debug, Clone, Copy)]
pub(super) enum NodePath {
    Whole,
    Graph(u32),
    List(u32),
}

impl std::fmt::Display for NodePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NodePath::Whole => Ok(()),
            NodePath::Graph(n) => write!(f, "@graph[{n}]"),
            NodePath::List(n) => write!(f, "[{n}]"),
        }
    }
}

/// Each key once, in the order given: a later copy never changes which key matches first.
fn distinct(keys: Vec<String>) -> Box<[String]> {
    let mut kept: Vec<String> = Vec::with_capacity(keys.len());
    for key in keys {
        if !kept.contains(&key) {
            kept.push(key);
        }
    }
    kept.into_boxed_slice()
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

/// Files `node` as a resource record (its keys entered in `context.refs`) or an
/// organisation, or warns that its type is unknown.
pub(super) fn classify(
    context: &mut Context,
    facts: &mut Facts,
    place: &Place,
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
                facts.organisations.insert(key, organisation.clone());
            }
        }
        Some(Role::Credential(kind)) => {
            let record = record(context, facts, place, node, (kind, &names));
            facts.records.push(record);
        }
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
                    place.file,
                    &place.path.to_string(),
                    &format!(
                        "{shown} is not a credential or learning opportunity upskill knows; skipped"
                    ),
                );
            }
        }
    }
}

fn record(
    context: &mut Context,
    facts: &mut Facts,
    place: &Place,
    node: &Map<String, Value>,
    (kind, names): (Kind, &[String]),
) -> Record {
    let ctid = get(node, "ctid")
        .and_then(Value::as_str)
        .and_then(ctid_in)
        .or_else(|| node.get("@id").and_then(Value::as_str).and_then(ctid_in));
    // What references to it name; a later resource with the same key takes it over.
    let index = u32::try_from(facts.records.len()).unwrap_or(u32::MAX);
    for key in node
        .get("@id")
        .and_then(Value::as_str)
        .into_iter()
        .chain(ctid.as_deref())
    {
        context.refs.insert(key.into(), index);
    }
    let start = facts.owners_of.len();
    for value in ["ownedBy", "offeredBy"]
        .iter()
        .flat_map(|key| items(get(node, key)))
    {
        let (keys, described) = owner_keys(context, value);
        let owner = facts.owners.place(Owner {
            keys: distinct(keys),
            described,
        });
        facts.owners_of.push(owner);
    }
    let place_of = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let owners = (place_of(start), place_of(facts.owners_of.len()));
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
                exams.push(distinct(context.keys_of(0, target)));
            }
        }
    }
    let assessment = names.iter().any(|name| name == "AssessmentProfile");
    let id_name = get(node, "name")
        .and_then(|v| text(v, ID_LANG))
        .unwrap_or_default();
    Record {
        file: u32::try_from(place.n).unwrap_or(u32::MAX),
        path: place.path,
        base: Some(slug(&id_name))
            .filter(|s| !s.is_empty())
            .or_else(|| ctid.as_deref().map(slug))
            .unwrap_or_else(|| "credential".into())
            .into(),
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
pub(super) fn top_nodes(value: &Value) -> Vec<(NodePath, &Map<String, Value>)> {
    let place = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    match value {
        Value::Object(object) => match object.get("@graph") {
            Some(Value::Array(graph)) => graph
                .iter()
                .enumerate()
                .filter_map(|(n, node)| Some((NodePath::Graph(place(n)), node.as_object()?)))
                .collect(),
            _ => vec![(NodePath::Whole, object)],
        },
        Value::Array(list) => list
            .iter()
            .enumerate()
            .filter_map(|(n, node)| Some((NodePath::List(place(n)), node.as_object()?)))
            .collect(),
        _ => Vec::new(),
    }
}
