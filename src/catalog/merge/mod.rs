//! Merges the parsed files into one [`Catalog`], checking what serde cannot: ids, numbers,
//! duplicates across files, references, cycles. Every problem is collected with its place.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::catalog::format::{CatalogFile, CredentialSpec, Measure};
use crate::catalog::freshness::Freshness;
use crate::catalog::model::{Catalog, CredentialIdx, SkillIdx};
use crate::catalog::place::{Pending, Place};
use crate::catalog::problem::Severity;
use crate::yaml::Segment::{Index, Key};

mod cnf;
mod declare;
mod files;
mod graph;
mod hints;
mod link;
mod merging;
mod occupations;
mod recommended;
mod references;
mod resolve;
mod successors;

pub use merging::Merging;

/// One parsed file as the merge sees it.
pub struct Input {
    pub name: Arc<str>,
    /// Taken apart by the merge: its text moves into the catalog.
    pub spec: CatalogFile,
    /// Ids of credentials dropped for type errors already reported.
    pub dropped_ids: Vec<String>,
    /// Ids of credentials kept without fields in error (already reported), with the fields.
    pub repaired: Vec<(String, Vec<String>)>,
}

/// A file that does not parse, with the ids it still shows it declares.
pub struct Broken {
    pub file: usize,
    pub name: Arc<str>,
    pub declared: crate::catalog::recover::Declared,
}

#[derive(Default)]
struct Merge {
    catalog: Catalog,
    pending: Vec<Pending>,
    currency: Option<(String, Place)>,
    provider_places: Vec<Place>,
    /// Each credential's file and position in its file's `credentials` list: a place per
    /// credential would cost 200 bytes each at 100,000 credentials.
    credential_items: Vec<(usize, usize)>,
    role_places: Vec<Place>,
    skill_places: HashMap<SkillIdx, Place>,
    /// Each skill `same_as` URI: the skill that has it, and where.
    skill_same_as: HashMap<String, (SkillIdx, Place)>,
    /// Where each skill is first used, by skill index.
    skill_first_use: Vec<Option<Place>>,
    /// Global ids of credentials left out for type errors: references to them are not
    /// reported a second time.
    dropped: HashSet<String>,
    /// Files that do not parse, each with how many references into it were not checked.
    broken: Vec<(Broken, usize)>,
    /// Global ids declared by a broken file, by its index in `broken`.
    unchecked: HashMap<String, usize>,
    /// When set, `verified` dates older than it allows are warned about.
    freshness: Option<Freshness>,
    /// The credential or role being declared lost its `skills` or `requires` (or a
    /// misspelling of them) to an error already reported: empty lists are not another one.
    lists_reported: bool,
    /// How many credentials, from the first, are linked: their edges in the graph and their
    /// required skills indexed (see `link.rs`).
    linked: usize,
    /// Whether a linked credential requires itself or one after it: without one, the
    /// `requires` have no cycle.
    maybe_circular: bool,
}

impl Merge {
    /// Counts references into a file that does not parse (added in file order) instead of
    /// reporting them.
    fn add_broken(&mut self, file: Broken) {
        let n = self.broken.len();
        for id in &file.declared.credentials {
            self.unchecked
                .insert(global_id(&file.declared.provider, id), n);
        }
        self.broken.push((file, 0));
    }

    /// One note per broken file that other files refer into.
    fn note_unchecked_references(&mut self) {
        let notes: Vec<(usize, String)> = self
            .broken
            .iter()
            .filter(|(_, count)| *count > 0)
            .map(|(file, count)| {
                let references = if *count == 1 {
                    "1 reference".to_owned()
                } else {
                    format!("{count} references")
                };
                let name = file.name.rsplit('/').next().unwrap_or(&file.name);
                (
                    file.file,
                    format!("{references} into {name} from other files are not checked because this file has errors; fix them and validate again"),
                )
            })
            .collect();
        for (file, message) in notes {
            self.warning(Place::key(file, &[]), message);
        }
    }

    /// A number in error is reported already: a stand-in keeps it from being reported
    /// missing too (a file in error is never planned over).
    fn stand_in_for_reported(&mut self, fields: Option<&Vec<String>>, spec: &mut CredentialSpec) {
        self.lists_reported = false;
        let Some(fields) = fields else {
            return;
        };
        // A merge key (`<<`, refused) was probably meant to bring the missing fields.
        if fields.iter().any(|field| field == "<<") {
            spec.hours.get_or_insert(Measure::Known(1.0));
            spec.cost.get_or_insert(Measure::Known(0.0));
            self.lists_reported = true;
        }
        for field in fields {
            let meant = crate::text::closest(field, ["hours", "cost", "skills"]);
            match meant.unwrap_or(field) {
                "hours" if spec.hours.is_none() => spec.hours = Some(Measure::Known(1.0)),
                "cost" if spec.cost.is_none() => spec.cost = Some(Measure::Known(0.0)),
                "skills" => self.lists_reported = true,
                _ => {}
            }
        }
    }

    fn credential_place(&self, idx: CredentialIdx) -> Place {
        let (file, n) = self.credential_items[idx.index()];
        Place::value(file, &[Key("credentials"), Index(n)])
    }

    fn error(&mut self, place: Place, message: String) {
        self.pending.push(Pending {
            severity: Severity::Error,
            place,
            message,
            also: None,
        });
    }

    fn warning(&mut self, place: Place, message: String) {
        self.pending.push(Pending {
            severity: Severity::Warning,
            place,
            message,
            also: None,
        });
    }

    fn duplicate(&mut self, place: Place, message: &str, first: &Place) {
        self.pending.push(Pending {
            severity: Severity::Error,
            place,
            message: format!("{message}: also defined at {{also}}; rename one of the two"),
            also: Some(first.clone()),
        });
    }

    /// True for a valid id; otherwise an error at `place` with a corrected suggestion.
    fn check_id(&mut self, id: &str, place: impl FnOnce() -> Place, what: &str) -> bool {
        if is_id(id) {
            return true;
        }
        let place = place();
        let fixed = kebab(id);
        let hint = if is_id(&fixed) {
            format!(", like `{fixed}`")
        } else {
            String::new()
        };
        let shown = if id.is_empty() {
            "an empty string".to_owned()
        } else {
            format!("`{id}`")
        };
        let curly = curly_quotes(id);
        self.error(
            place,
            format!("{shown} is not a valid {what} id: use lowercase letters and digits in words joined by single hyphens{hint}{curly}"),
        );
        false
    }
}

/// "; the curly quotes ... are part of the text" when `text` holds any: quotes pasted from a
/// word processor look like quotes, but YAML reads only straight ones.
pub(super) fn curly_quotes(text: &str) -> &'static str {
    if text.contains(['\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}']) {
        "; its curly quotes are part of the text (YAML reads only straight quotes): remove them"
    } else {
        ""
    }
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_id(text: &str) -> bool {
    // One pass over the bytes: every credential, skill and reference goes through here.
    let mut after_hyphen = true;
    for b in text.bytes() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' => after_hyphen = false,
            b'-' if !after_hyphen => after_hyphen = true,
            _ => return false,
        }
    }
    !after_hyphen
}

/// `provider/local`, without the formatting machinery (it runs once per credential).
fn global_id(provider: &str, local: &str) -> String {
    let mut id = String::with_capacity(provider.len() + 1 + local.len());
    id.push_str(provider);
    id.push('/');
    id.push_str(local);
    id
}

/// The kebab-case form an author probably meant: `Network_Plus` -> `network-plus`.
fn kebab(text: &str) -> String {
    let lowered: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lowered
        .split('-')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::{is_id, kebab};

    #[test]
    fn ids_are_lowercase_kebab_case() {
        for good in ["a", "a-plus", "az-104", "network-plus", "3d"] {
            assert!(is_id(good), "{good}");
        }
        for bad in ["", "A-plus", "a_plus", "a--b", "-a", "a-", "a b", "é"] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_corrected_id_is_suggested() {
        assert_eq!(kebab("Network_Plus"), "network-plus");
        assert_eq!(kebab("AZ 104"), "az-104");
    }
}
